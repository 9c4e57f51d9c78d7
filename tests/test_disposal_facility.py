"""Rejected goods' disposal at a port's facility (``ports.<p>.quarantine.disposal_facility``,
``commodities.<c>.disposal.work``; sim/model/disposal_facility.py): disposals that come
together queue for its places, in the order of their rejection and arrival; the facility is
a lane like any other; without it every figure is as before."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.model.world import World

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: short runs with frozen goods often rejected, most of them on one laboratory's batch
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2, "ports.sea.quarantine.sample_share": 1.0,
         "enforcement.by_commodity.frozen": {"pest": 5}, "enforcement.pest_treat": 0.5}
FINDS = ["doc_end", "image_end", "exam_end", "quarantine_end", "lab_end"]
DISPOSAL = {"kind": "destruction", "time": "3 d"}


def _given(work: str | None, places: int | None) -> dict:
    given: dict = {"commodities.frozen.disposal": {**DISPOSAL, **({"work": work} if work else {})}}
    if places is not None:
        given["ports.sea.quarantine.disposal_facility"] = {"capacity": places}
    return {**SHORT, **given}


def _run(work: str | None, places: int | None) -> sim.Result:
    return sim.simulate(sim.load_scenario(SMALL, _given(work, places)), seed=1)


def _booked(places: int) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """A run with 2 h of work a container: the rejected frozen lots at the sea port (by
    consignment index, as the bookings' key), the facility's bookings, its lane's row."""
    world = World(sim.load_scenario(SMALL, _given("2 h", places)), 1, log=True)
    result = world.run().result()
    assert result.log is not None
    log = result.log
    mine = log[(log["outcome"] == "rejected") & (log["commodity"] == "frozen")
               & (log["port"] == "sea")].set_index("index").sort_index()
    port = next(p for p in world.ports if p.name == "sea")
    booked = pd.DataFrame(port.disposal.booked, columns=["index", "start", "end"])
    lane = result.resources
    row = lane[(lane["port"] == "sea") & (lane["lane"] == "disposal_facility")].iloc[0]
    return mine, booked.set_index("index").sort_index(), row.to_dict()


def _same(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


def test_with_one_place_the_second_of_two_rejected_together_waits_for_the_first():
    mine, booked, lane = _booked(1)
    assert len(booked) == len(mine) >= 4 and lane["jobs_total"] == len(mine)
    rejected = mine[FINDS].max(axis=1).to_numpy()
    work = 2.0 * mine["containers"].to_numpy()
    assert list(booked.index) == list(mine.index)
    # first come (rejection, then arrival), first served, one at a time: exact times
    free = 0.0
    for k in np.lexsort((mine.index.to_numpy(), rejected)):
        start = max(rejected[k], free)
        assert booked["start"].iloc[k] == start and booked["end"].iloc[k] == start + work[k]
        free = start + work[k]
    # some were rejected together (one laboratory batch), and one of them waited
    assert len(set(rejected)) < len(rejected)
    assert (booked["start"].to_numpy() > rejected).any()
    waits = booked["end"].to_numpy() - rejected
    assert lane["sojourn_total_h"] == pytest.approx(float(waits.sum()), abs=1e-9)


def test_with_places_enough_no_disposal_waits():
    mine, booked, _ = _booked(50)
    rejected = mine[FINDS].max(axis=1).to_numpy()
    assert np.array_equal(booked["start"].to_numpy(), rejected)


def test_the_facilitys_utilisation_grows_with_the_work_and_nothing_else_moves():
    none, short, longer = _run(None, None), _run("2 h", 1), _run("4 h", 1)
    m0, m2, m4 = none.metrics(), short.metrics(), longer.metrics()
    assert "utilisation_sea_disposal_facility" not in m0
    assert 0 < m2["utilisation_sea_disposal_facility"] < m4["utilisation_sea_disposal_facility"]
    # the rejection is not held: every figure but the facility's and the yard's (a waiting
    # box stays on the ground: tests/test_disposal_wait.py) is as without it
    for name, value in m0.items():
        if not name.startswith(("yard_", "quarantine_disposal_")):
            assert _same(m2[name], value) and _same(m4[name], value), name
    assert set(m2) - set(m0) == {k for k in m2 if k.endswith("_sea_disposal_facility")}


def test_without_work_the_facility_serves_no_one():
    lanes = _run(None, 1).resources
    row = lanes[(lanes["port"] == "sea") & (lanes["lane"] == "disposal_facility")]
    assert len(row) == 1 and row["jobs_total"].iloc[0] == 0


def test_a_bad_work_is_refused_with_its_field():
    bad = {"commodities.frozen.disposal": {**DISPOSAL, "work": "-2 h"}}
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(SMALL, bad)
    text = str(err.value)
    assert "commodities.frozen.disposal.work" in text and ">= 0" in text, text
