"""A rejected lot's wait at the disposal facility (sim/model/disposal_facility.py) keeps its
box on the ground: the yard's dwell and level count it to the rejection plus the wait plus
the disposal's time, and its storage (``costs.checks.disposal_storage``) runs from the
rejection to the disposal's end, the wait included. Without a facility nothing waits."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.model.disposal_yard import DisposalYard
from sim.model.draws import REQUIREMENTS, R
from sim.model.milestones import MILESTONES, REJECTED, RELEASED, M
from sim.model.world import World
from sim.model.yard_level import YardLevelTally

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: short runs with frozen goods often rejected, several on one laboratory batch
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2, "ports.sea.quarantine.sample_share": 1.0,
         "enforcement.by_commodity.frozen": {"pest": 5}, "enforcement.pest_treat": 0.5}
FINDS = ["doc_end", "image_end", "exam_end", "quarantine_end", "lab_end"]
DAYS = 3.0  # the disposal's time
RATE = 40.0  # per container-day (a test's figure)


def _scenario(places: int | None) -> sim.Scenario:
    given: dict = {"commodities.frozen.disposal": {"kind": "destruction", "time": f"{DAYS} d",
                                                   "work": "2 h"},
                   "costs": {"price_year": 2019, "checks": {"disposal_storage": {"*": RATE}}}}
    if places is not None:
        given["ports.sea.quarantine.disposal_facility"] = {"capacity": places}
    return sim.load_scenario(SMALL, {**SHORT, **given})


def _rejected(places: int | None) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float]]:
    """The sea port's rejected frozen lots (by index), the facility's bookings (none without
    it), and the run's metrics."""
    world = World(_scenario(places), 1, log=True)
    result = world.run().result()
    log = result.log
    assert log is not None
    mine = log[(log["outcome"] == "rejected") & (log["commodity"] == "frozen")
               & (log["port"] == "sea")].set_index("index").sort_index()
    port = next(p for p in world.ports if p.name == "sea")
    booked = pd.DataFrame(port.disposal.booked if port.disposal else [],
                          columns=["index", "start", "end"]).set_index("index").sort_index()
    return mine, booked, result.metrics()


@pytest.fixture(scope="module")
def one_place() -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float]]:
    return _rejected(1)


def test_the_second_of_two_rejected_together_waits_and_its_box_stays_and_pays(one_place):
    mine, booked, m = one_place
    rejected = mine[FINDS].max(axis=1)
    wait = booked["start"] - rejected  # (the facility's own bookings)
    assert list(booked.index) == list(mine.index)
    assert (wait > 0).any() and (wait == 0).any()  # one of a batch served, the next waits
    assert (mine["disposal_wait"] == wait).all()  # exact hours
    # storage from the rejection to the disposal's end, the wait included: exact money
    want = mine["containers"] * RATE * (wait + DAYS * 24.0) / 24.0
    assert (mine["cost_disposal_storage"] == want).all()
    # the yard's dwell of a rejected box: to the rejection, the wait, then the disposal
    cohort = mine[mine["cohort"].astype(bool)]
    on_ground = np.where(cohort["direction"] == "export", cohort["arrived"],
                         np.fmax(cohort["discharged"], cohort["arrived"]))
    dwell = cohort[FINDS].max(axis=1) + cohort["disposal_wait"] + DAYS * 24.0 - on_ground
    boxes = cohort["containers"]
    want_h = float((boxes * dwell).sum() / boxes.sum())
    assert m["quarantine_disposal_yard_h_mean_frozen"] == pytest.approx(want_h, rel=1e-12)
    assert (cohort["disposal_wait"] > 0).any()


def test_the_waits_add_their_box_hours_to_the_yard(one_place):
    """Against a facility with places enough (no one waits): the yard's boxes on the ground
    at once grow by the waiting boxes' hours over the 48 observed hours, nothing else."""
    mine, _, m = one_place
    _, _, free = _rejected(50)
    cohort = mine[mine["cohort"].astype(bool)]
    waited = float((cohort["containers"] * cohort["disposal_wait"]).sum())
    added = sum(m[f"yard_boxes_mean_port_sea_{d}"] - free[f"yard_boxes_mean_port_sea_{d}"]
                for d in ("import", "export")) * 48.0
    assert waited > 0 and added == pytest.approx(waited, rel=1e-9)
    assert m["quarantine_disposal_boxes_mean_quarantine"] == pytest.approx(
        free["quarantine_disposal_boxes_mean_quarantine"] + waited / 48.0, rel=1e-9)
    for name, value in free.items():  # (the waits move the yard's and storage's only)
        if not (name.startswith(("yard_", "quarantine_disposal_", "trader_", "total_"))
                or name.endswith("_sea_disposal_facility")):
            assert m[name] == value or (m[name] != m[name] and value != value), name


def test_the_yard_level_keeps_a_waiting_box_on_the_ground():
    """A box rejected at 10 h with a 20 h disposal leaves at 30 h; one discharged at 32 h
    meets it only if it waited more than 2 h for the facility."""
    yard = DisposalYard(_scenario(1))
    frozen = yard.names.index("frozen")
    yard.hours[frozen] = 20.0
    rows = [_row(frozen, 0.0, found=10.0), _row(frozen, 32.0, exited=50.0)]

    def busiest(wait: float) -> float:
        level = YardLevelTally(["sea"], (0.0, 60.0))
        level.disposal = yard
        level.single(0, *rows[0], REJECTED, wait)
        level.single(0, *rows[1], RELEASED)
        return level.metrics(0, 0)[0]

    assert busiest(0.0) == 1 and busiest(5.0) == 2


def _row(commodity: int, landed: float, found: float = np.nan,
         exited: float = np.nan) -> tuple[list[float], list[float]]:
    """A one-box import's requirements and milestones."""
    req = [0.0] * len(REQUIREMENTS)
    req[R.commodity], req[R.containers] = commodity, 1.0
    m = [np.nan] * len(MILESTONES)
    m[M["arrived"]] = m[M["discharged"]] = landed
    m[M["quarantine_end"]], m[M["exited"]] = found, exited
    return req, m


def test_without_a_facility_no_lot_waits_and_storage_is_the_disposal_time():
    mine, booked, _ = _rejected(None)
    assert len(mine) and booked.empty
    assert (mine["disposal_wait"] == 0).all()
    want = mine["containers"] * RATE * (0.0 + DAYS * 24.0) / 24.0
    assert (mine["cost_disposal_storage"] == want).all()
