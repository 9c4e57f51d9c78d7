"""Clearance by call (sim/model/calls.py): a call's ready time is its last box's release or
discharge, whichever is later, as recomputed by hand from the per-consignment log; seized
goods do not hold a call, a box not ready at the end holds it, and a slower discharge (a
train's gauge change) shows in the call's figures."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.experiment.compare import metric_unit
from sim.experiment.metric_glossary import lookup
from sim.experiment.metric_names import metric_names
from sim.model.calls import CallTally
from sim.model.milestones import CENSORED, RELEASED, SEIZED
from tests.stats_rows import stats_rows

SMALL = Path(__file__).parent / "scenarios" / "small.toml"

NAMES = ("call_ready_h_mean", "call_ready_h_p90", "call_box_ready_h_mean", "calls_counted",
         "calls_held")


@pytest.fixture(scope="module")
def small_run():
    s = sim.load_scenario(SMALL, {"days": 5, "warmup_days": 3, "drain_days": 5})
    r = sim.simulate(s, 7, log=True)
    assert r.log is not None
    end = (s.warmup_days + s.days + s.drain_days) * 24
    return r.log, r.metrics(), end


def test_figures_are_the_logs_calls_by_hand(small_run):
    log, m, end = small_run
    g = log[log.cohort & (log.direction == "import") & (log.port == "sea")
            & log.outcome.isin(["released", "censored"])].copy()
    g["ready"] = np.fmax(g.released, g.discharged)
    g["held"] = ~(g.ready <= end)
    g["boxes"] = np.maximum(g.containers, 1)
    calls = g.groupby("arrived")
    held = calls.held.any()
    ready = g[g.arrived.map(~held)]
    last = ready.groupby("arrived").ready.max() - ready.groupby("arrived").arrived.first()
    box_h = ((ready.ready - ready.arrived) * ready.boxes).sum() / ready.boxes.sum()
    assert m["calls_counted_port_sea"] == len(calls) >= 5
    assert m["calls_held_port_sea"] == held.sum()
    assert m["call_ready_h_mean_port_sea"] == pytest.approx(last.mean())
    assert m["call_ready_h_p90_port_sea"] == pytest.approx(np.percentile(last, 90))
    assert m["call_box_ready_h_mean_port_sea"] == pytest.approx(box_h)
    assert m["call_ready_h_mean_port_sea"] > m["call_box_ready_h_mean_port_sea"]


def _rows(*rows: dict[str, float]) -> np.ndarray:
    return stats_rows(*rows, outcome=RELEASED)


def test_seized_goods_do_not_hold_a_call_and_the_unready_do():
    tally = CallTally(["rail", "road"], [0], end=100.0)
    tally.fold(_rows(
        {"arrived": 10, "discharged": 14, "released": 12, "containers": 2},  # ready at 14
        {"arrived": 10, "discharged": 11, "released": 30},                   # ready at 30
        {"arrived": 10, "discharged": 11, "released": np.nan, "outcome": SEIZED},
        {"arrived": 50, "discharged": 52, "released": 60},
        {"arrived": 50, "discharged": 52, "released": np.nan, "outcome": CENSORED},
        {"arrived": 70, "discharged": 72, "released": 75, "port": 1},        # no calls there
        {"arrived": 70, "discharged": np.nan, "released": 71, "direction": 1},  # an export
    ))
    m = tally.metrics()
    assert m["calls_counted_port_rail"] == 2 and m["calls_held_port_rail"] == 1
    assert m["call_ready_h_mean_port_rail"] == 20.0  # the call at 10: its last box at 30
    assert m["call_box_ready_h_mean_port_rail"] == pytest.approx((2 * 4 + 20) / 3)
    assert "calls_counted_port_road" not in m


def test_a_call_folded_in_parts_is_one_call():
    rows = _rows({"arrived": 5, "discharged": 6, "released": 9},
                 {"arrived": 5, "discharged": 8, "released": 7},
                 {"arrived": 9, "discharged": 9, "released": 10})
    whole, parts = CallTally(["p"], [0], 50.0), CallTally(["p"], [0], 50.0)
    whole.fold(rows)
    parts.fold(rows[:1])
    parts.fold(rows[1:])
    assert whole.metrics() == parts.metrics()
    assert whole.metrics()["call_ready_h_mean_port_p"] == 2.5  # (4 and 1)


def test_no_call_ready_is_nan_not_zero():
    m = CallTally(["p"], [0], 10.0).metrics()
    assert math.isnan(m["call_ready_h_mean_port_p"]) and m["calls_counted_port_p"] == 0


def test_a_slower_gauge_change_shows_in_the_calls():
    s = sim.load_scenario(SMALL, {"days": 5, "warmup_days": 3, "drain_days": 5})
    slow = sim.load_scenario(SMALL, {"days": 5, "warmup_days": 3, "drain_days": 5,
                                     "ports.sea.arrivals.batch.discharge_rate": "10/h"})
    a, b = sim.simulate(s, 7).metrics(), sim.simulate(slow, 7).metrics()
    assert b["call_box_ready_h_mean_port_sea"] > a["call_box_ready_h_mean_port_sea"] + 5


def test_names_units_and_glossary():
    names = metric_names(sim.load_scenario(SMALL))
    for base in NAMES:
        assert f"{base}_port_sea" in names.names
        assert lookup(f"{base}_port_sea") is not None
    assert metric_unit("calls_held_port_sea") == "vessel or train calls"
    assert metric_unit("call_ready_h_mean_port_sea") == "hours"
    default = metric_names(sim.load_scenario(sim.default_scenario_path())).names
    named = {n for n in default if n.startswith("call")}
    assert named == {f"{base}_port_sea_port" for base in NAMES}  # (the one port with calls)

