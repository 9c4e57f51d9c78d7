"""Every lane a port can build is known wherever lanes are listed by hand: its price
(``costs.staff``), the activity whose consignments share its cost, its path in a port (for
the notes on capacity no price reaches and the rows a sweep of it adds). A lane missing from
one of them used to be costed over every declaration, or left out of notes, silently."""

from __future__ import annotations

import pytest

import sim
from sim.model.costs import LANE_ACTIVITY
from sim.model.port_lanes import LANES
from sim.model.world import World
from sim.scenario.costs import LANE_KEYS
from sim.scenario.dormant import LANE_PATHS

POOLS = {"exam_officers"}  # cross-trained officers: exam teams and quarantine officers pooled


def _built_lanes() -> set[str]:
    """The lanes the default scenario builds, and with cross-trained joint examinations."""
    lanes: set[str] = set()
    for over in ({}, {"inspection.mode": "joint", "inspection.joint_staffing": "cross_trained"}):
        world = World(sim.load_scenario(sim.default_scenario_path(), over), 0)
        for port in world.ports:
            lanes |= set(port.lanes)
    return lanes


@pytest.fixture(scope="module")
def lanes() -> set[str]:
    """Every lane a port can build (``LANES``: optional ones too, which no bundled scenario
    need build); those the default scenario builds are among them."""
    built = _built_lanes()
    assert {"gate", "scanners", "exam_officers", "exam_teams", "movers"} <= built
    assert built <= set(LANES)
    return set(LANES)


def test_a_lane_not_listed_is_refused_when_built():
    from types import SimpleNamespace

    from sim.model.port_lanes import _lane

    port = SimpleNamespace(env=None, name="p", lanes={})
    with pytest.raises(ValueError, match="'screening' is not in sim.model.port_lanes.LANES"):
        _lane(port, "screening", None)  # type: ignore[arg-type]


def test_every_lane_can_be_priced(lanes: set[str]):
    assert sorted(lanes - set(LANE_KEYS)) == []


def test_every_lane_names_the_activity_that_shares_its_cost(lanes: set[str]):
    assert sorted(lanes - set(LANE_ACTIVITY)) == [], "add it to sim.model.costs.LANE_ACTIVITY"


def test_every_lane_has_its_path_in_a_port(lanes: set[str]):
    missing = lanes - set(LANE_PATHS.values()) - POOLS
    assert sorted(missing) == [], "add it to sim.scenario.dormant.LANE_PATHS"


def test_a_capacity_window_may_name_every_lane_and_no_other(lanes: set[str]):
    """The scenario's list of the lanes a dated window may name is kept by hand (the scenario
    layer does not import the model's): it is the model's, in its order."""
    from sim.scenario.capacity_windows import WINDOW_LANES

    assert WINDOW_LANES == LANES
