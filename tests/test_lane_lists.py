"""Every lane a port can build is declared once, in :mod:`sim.lane_catalogue`, with what the
places that list lanes need: its price (``costs.staff``), the activity whose consignments
share its cost, its path in a port (for the notes on capacity no price reaches and the rows
a sweep of it adds). A lane missing from one of them used to be costed over every
declaration, or left out of notes, silently; the lists are now views of the catalogue, which
is checked here against the lanes the ports build and the scenario's tables."""

from __future__ import annotations

import typing
from typing import Any

import pytest

import sim
from sim.lane_catalogue import CATALOGUE, KEYS, PATHS
from sim.model.cost_activities import ACTIVITIES, LANE_ACTIVITY
from sim.model.world import World
from sim.scenario.schema import Lane, Port


def _built_lanes() -> set[str]:
    """The lanes the default scenario builds, and with cross-trained joint examinations."""
    lanes: set[str] = set()
    for over in ({}, {"inspection.mode": "joint", "inspection.joint_staffing": "cross_trained"}):
        world = World(sim.load_scenario(sim.default_scenario_path(), over), 0)
        for port in world.ports:
            lanes |= set(port.lanes)
    return lanes


def test_every_lane_a_port_builds_is_in_the_catalogue():
    """Those the default scenario builds are among the catalogue's (optional ones too, which
    no bundled scenario need build); a lane missing from it is refused when built."""
    built = _built_lanes()
    assert {"gate", "scanners", "exam_officers", "exam_teams", "movers"} <= built
    assert sorted(built - set(KEYS)) == [], "add it to sim.lane_catalogue.CATALOGUE"
    assert len(set(KEYS)) == len(KEYS)


def test_a_lane_not_in_the_catalogue_is_refused_when_built():
    from types import SimpleNamespace

    from sim.model.port_lanes import _lane

    port = SimpleNamespace(env=None, name="p", lanes={})
    with pytest.raises(ValueError, match="'screening' is not in sim.lane_catalogue.CATALOGUE"):
        _lane(port, "screening", None)  # type: ignore[arg-type]


def test_every_lane_names_an_activity_that_shares_its_cost():
    assert {lane.activity for lane in CATALOGUE} <= set(ACTIVITIES)
    assert set(KEYS) <= set(LANE_ACTIVITY)


def _field_type(model: Any, name: str) -> Any:
    """The model class of field ``name`` of a scenario table (its optional ``None`` left out)."""
    annotation = model.model_fields[name].annotation
    kinds = [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]
    return kinds[0]


def test_every_lane_path_leads_to_a_lane_of_a_port():
    """Each path is a lane's table in a port's section (the pools excepted: made of other
    lanes, they have no table of their own)."""
    assert [lane.key for lane in CATALOGUE if lane.path is None] == ["exam_officers"]
    for path in PATHS:
        table: Any = Port
        for part in path.split("."):
            table = _field_type(table, part)
        assert issubclass(table, Lane), path


def test_the_lists_keep_their_orders():
    """The views list the lanes as they always have (the messages and tables print them):
    the model's order for windows, and for prices and paths the lanes to release, the pools,
    the gate, the optional lanes."""
    from sim.scenario.capacity_windows import WINDOW_LANES
    from sim.scenario.costs import LANE_KEYS
    from sim.scenario.dormant import LANE_PATHS

    assert WINDOW_LANES == KEYS
    assert LANE_KEYS[-4:] == ("exam_officers", "gate", "transit_desk", "disposal_facility")
    assert LANE_KEYS[:2] == ("declaration_review", "document_check")
    assert list(LANE_PATHS.values()) == [k for k in LANE_KEYS if k != "exam_officers"]
