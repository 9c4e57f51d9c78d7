"""Perishables held past their shelf life (sim/model/spoilage.py): each spoiled share and mean
time to leaving the port is what the per-consignment log gives by hand, the boundary, the
still in the flow and the seized are counted as documented, only perishable commodities are
named, and a bad ``spoils_after`` is refused naming the field."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.experiment.metric_glossary import lookup
from sim.experiment.metric_names import metric_names
from sim.model.costbook import LAYOUT
from sim.model.milestones import CENSORED, RELEASED, SEIZED
from sim.model.spoilage import MEAN, SHARE, SpoilageTally
from tests.stats_rows import stats_rows

#: a short run whose drain (1 day) leaves some perishables still in the flow at the end
OVERRIDES = {
    "days": 3, "warmup_days": 1, "drain_days": 1,
    "commodities.frozen.spoils_after": "24 h", "commodities.food.spoils_after": "12 h",
}
LIMITS = {"frozen": 24.0, "food": 12.0}
SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.fixture(scope="module")
def run():
    s = sim.load_scenario(sim.default_scenario_path(), OVERRIDES)
    r = sim.simulate(s, 2, log=True)
    assert r.log is not None
    end = (s.warmup_days + s.days + s.drain_days) * 24
    return s, r.log, r.metrics(), end


def _by_hand(log: pd.DataFrame, end: float) -> dict[str, float]:
    """Every spoiled share and mean recomputed from the log: the cohort out of the flow or
    still in it, weighted by containers (at least 1); one still in it spoiled once the end is
    past its limit, unknown before."""
    g = log[log.cohort & log.outcome.isin(["released", "censored"])
            & log.commodity.isin(list(LIMITS))].copy()
    left = np.fmax(g.exited, g.loaded)
    g["inside"] = ~(left <= end)
    g["hours"] = np.where(g.inside, end - g.arrived, left - g.arrived)
    g["limit"] = g.commodity.astype(str).map(LIMITS)
    g["boxes"] = g.containers.clip(lower=1)
    out: dict[str, float] = {}
    for (com, port, direction), cell in g.groupby(["commodity", "port", "direction"],
                                                  observed=True):
        where = f"commodity_{com}_port_{port}_{direction}"
        known = cell[~(cell.inside & (cell.hours <= cell.limit))]
        spoiled = known.boxes[known.hours > known.limit].sum()
        out[SHARE + where] = spoiled / known.boxes.sum() if len(known) else math.nan
        gone = cell[~cell.inside]
        out[MEAN + where] = gone.hours.mean() if len(gone) else math.nan
    return out


def test_each_figure_is_the_logs_by_hand(run):
    _, log, m, end = run
    got = {k: v for k, v in m.items() if k.startswith((SHARE, MEAN))}
    want = _by_hand(log, end)
    inside = log[log.cohort & log.commodity.isin(list(LIMITS)) & log.exited.isna()
                 & log.loaded.isna() & (log.outcome == "censored")]
    assert len(inside) > 0  # (the still in the flow are exercised)
    assert set(want) <= set(got)
    assert sum(not math.isnan(v) for v in got.values()) > 20
    for name, value in want.items():
        if math.isnan(value):
            assert math.isnan(got[name]), name
        else:
            assert math.isclose(got[name], value, rel_tol=1e-9, abs_tol=1e-12), (name, got[name])
    for name in set(got) - set(want):
        assert math.isnan(got[name]), name
    assert got[SHARE + "commodity_frozen_port_sea_port_import"] > 0


def test_only_perishables_are_named_and_the_glossary_explains_them(run):
    s, _, m, _ = run
    ours = {k for k in m if k.startswith((SHARE, MEAN))}
    assert ours == {k for k in metric_names(s).names if k.startswith((SHARE, MEAN))}
    assert SHARE + "commodity_frozen_port_airport_import" in ours
    assert not any("_general_" in k or "_plants_" in k for k in ours)
    assert not any("post_hub" in k and "frozen" in k for k in ours)  # (not carried there)
    for name in ours:
        assert lookup(name) is not None, name
    plain = sim.load_scenario(sim.default_scenario_path(), {"days": 3})
    assert not any(k.startswith((SHARE, MEAN)) for k in metric_names(plain).names)


def _rows(*rows: dict[str, float]) -> np.ndarray:
    return stats_rows(*rows, commodity=0)


def test_the_boundary_the_still_inside_the_seized_and_the_containers():
    tally = SpoilageTally(["air"], ["frozen", "general"], {0: 24.0}, end=100.0,
                          carried=[(0, 0, 0), (1, 0, 0)], layout=LAYOUT)
    tally.fold(_rows(
        {"outcome": RELEASED, "arrived": 0, "exited": 24},  # on the limit: not spoiled
        {"outcome": RELEASED, "arrived": 0, "exited": 30, "containers": 3},  # spoiled
        {"outcome": CENSORED, "arrived": 50, "released": 60},  # in it 50 h at the end
        {"outcome": CENSORED, "arrived": 90},  # in it 10 h: not known, left out
        {"outcome": SEIZED, "arrived": 0, "exited": 90},  # an enforcement outcome: out
        {"outcome": RELEASED, "arrived": 0, "exited": 90, "commodity": 1},  # not perishable
        {"outcome": RELEASED, "arrived": 0, "loaded": 6, "direction": 1},  # an export
    ))
    m = tally.metrics()
    assert m["spoiled_share_commodity_frozen_port_air_import"] == pytest.approx(4 / 5)
    assert m["perishable_h_mean_commodity_frozen_port_air_import"] == pytest.approx(27.0)
    assert set(m) == {"spoiled_share_commodity_frozen_port_air_import",
                      "perishable_h_mean_commodity_frozen_port_air_import"}
    assert tally.sums[0, 0, 1, 0] == 1  # (the export counted in its own cell)


@pytest.mark.parametrize("bad", ["0 h", "-2 h", "soon"])
def test_a_bad_shelf_life_is_refused_naming_the_field(bad):
    with pytest.raises(Exception) as err:
        sim.load_scenario(sim.default_scenario_path(),
                          {"commodities.frozen.spoils_after": bad})
    text = str(err.value)
    assert "spoils_after" in text and "frozen" in text, text


def test_an_option_that_alone_turns_spoilage_on_is_told_it_has_no_baseline(tmp_path):
    """Its spoiled shares are measured in it and in no baseline replication: a coded note
    says so (they were shown against a baseline 'from 0 replications' without a word), and
    a comparison whose baseline counts too has no such note."""
    from sim.experiment.compare import compare
    from sim.experiment.compare_notes import compare_notes
    from sim.warning_codes import record

    short = {"days": 2, "warmup_days": 1, "drain_days": 1}
    res = compare(SMALL, ["spoil:commodities.frozen.spoils_after=24 h"], reps=1,
                  overrides=short, out=tmp_path / "a", report=False)
    notes = [n for n in compare_notes(res) if "no paired difference" in n]
    assert len(notes) == 1 and notes[0].startswith("note (spoil): 4 metric(s)"), notes
    rec = record(notes[0])
    assert rec["code"] == "metric_unpaired" and rec["option"] == "spoil"
    assert rec["metric"].startswith("perishable_h_mean_commodity_frozen_port_sea_")
    both = compare(SMALL, ["spoil12:commodities.frozen.spoils_after=12 h"], reps=1,
                   overrides={**short, "commodities.frozen.spoils_after": "24 h"},
                   out=tmp_path / "b", report=False)
    assert not [n for n in compare_notes(both) if "no paired difference" in n]
