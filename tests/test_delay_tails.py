"""The tail of clearance delay per container (sim/model/delay_tails.py): each share over a
time target is what the per-consignment log gives when recomputed by hand, the boundary and
the still held are counted as documented, and a run names what the scenario lists."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import sim
from sim.experiment.metric_glossary import lookup
from sim.experiment.metric_names import metric_names
from sim.model.delay_tails import PREFIX, DelayTailTally
from sim.model.milestones import CENSORED, RELEASED, SEIZED
from sim.scenario.within import label
from tests.stats_rows import stats_rows

#: a short run whose drain (2 days) is shorter than its longest target: some boxes still
#: held at the end are over 48 h, others not yet known at 72 h
OVERRIDES = {"days": 3, "warmup_days": 1, "drain_days": 2, "within_hours": [48, 72]}


@pytest.fixture(scope="module")
def default_run():
    s = sim.load_scenario(sim.default_scenario_path(), OVERRIDES)
    r = sim.simulate(s, 3, log=True)
    assert r.log is not None
    end = (s.warmup_days + s.days + s.drain_days) * 24
    return s, r.log, r.metrics(), end


def _by_hand(log: pd.DataFrame, end: float, targets: list[float]) -> dict[str, float]:
    """Every tail share recomputed from the log: the cohort released or still held,
    weighted by containers (at least 1); a held box over a target once the end is."""
    g = log[log.cohort & log.outcome.isin(["released", "censored"])].copy()
    g["held"] = ~(g.released <= end)
    g["hours"] = np.where(g.held, end - g.arrived, g.released - g.arrived)
    g["boxes"] = g.containers.clip(lower=1)
    out: dict[str, float] = {}
    groups = [("", ["port", "direction"]), ("commodity", ["commodity", "port", "direction"])]
    for kind, keys in groups:
        for key, cell in g.groupby(keys, observed=True):
            where = (f"commodity_{key[0]}_" if kind else "") + f"port_{key[-2]}_{key[-1]}"
            for h in targets:
                known = cell[~(cell.held & (cell.hours <= h))]
                over = known.boxes[known.hours > h].sum()
                share = over / known.boxes.sum() if len(known) else math.nan
                out[f"{PREFIX}{label(h)}_{where}"] = share
    return out


def test_each_tail_share_is_the_logs_by_hand(default_run):
    _, log, m, end = default_run
    got = {k: v for k, v in m.items() if k.startswith(PREFIX)}
    want = _by_hand(log, end, [24.0, 48.0, 72.0])
    held = log[log.cohort & (log.outcome == "censored") & log.released.isna()]
    assert len(held) > 0  # (the still held are exercised)
    assert set(want) <= set(got)  # (a cell nothing reached is named, NaN)
    assert sum(not math.isnan(v) for v in got.values()) > 40
    for name, value in want.items():
        assert math.isclose(got[name], value, rel_tol=1e-9, abs_tol=1e-12), (name, got[name])
    for name in set(got) - set(want):
        assert math.isnan(got[name]), name
    # the tail thins with the target, and frozen imports at the sea port have one
    sea = "port_sea_port_import"
    over = [got[f"{PREFIX}{h}_{sea}"] for h in ("24h", "48h", "72h")]
    assert over[0] >= over[1] >= over[2] and over[1] > 0
    assert got[f"{PREFIX}48h_commodity_frozen_{sea}"] > 0


def test_a_run_names_what_the_scenario_lists_and_the_glossary_explains(default_run):
    s, _, m, _ = default_run
    ours = {k for k in m if k.startswith(PREFIX)}
    assert ours == {k for k in metric_names(s).names if k.startswith(PREFIX)}
    assert f"{PREFIX}72h_commodity_plants_port_sea_port_import" in ours
    assert not any("post_hub_export" in k and "frozen" in k for k in ours)  # (not carried)
    for name in ours:
        assert lookup(name) is not None, name


def _rows(*rows: dict[str, float]) -> np.ndarray:
    return stats_rows(*rows, commodity=0)


def test_the_boundary_the_held_the_seized_and_the_containers():
    tally = DelayTailTally(["sea"], ["general"], [48.0, 72.0], end=200.0, carried=[(0, 0, 0)])
    tally.fold(_rows(
        {"outcome": RELEASED, "arrived": 0, "released": 48},  # on the target: within
        {"outcome": RELEASED, "arrived": 0, "released": 50, "containers": 3},  # over 48
        {"outcome": CENSORED, "arrived": 10, "released": 100},  # released, not out: 90 h
        {"outcome": CENSORED, "arrived": 140},  # held 60 h at the end: over 48, 72 unknown
        {"outcome": SEIZED, "arrived": 0, "released": 190},  # an enforcement outcome: out
    ))
    m = tally.metrics()
    # 48 h: 3 + 1 + 1 of 1 + 3 + 1 + 1 boxes; 72 h: 1 of the 5 known (the held one is not)
    assert m["delay_share_over_48h_port_sea_import"] == pytest.approx(5 / 6)
    assert m["delay_share_over_72h_port_sea_import"] == pytest.approx(1 / 5)
    assert m["delay_share_over_48h_commodity_general_port_sea_import"] == pytest.approx(5 / 6)
    assert "delay_share_over_48h_port_sea_export" not in m  # (nothing carried there)
    empty = DelayTailTally(["sea"], ["general"], [48.0], end=200.0, carried=[(0, 0, 1)])
    assert math.isnan(empty.metrics()["delay_share_over_48h_port_sea_export"])
