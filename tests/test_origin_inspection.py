"""Pre-shipment inspection at origin (the ``origin_pre_inspection`` reform): approved
exporters' quarantine goods inspected before shipment arrive with less of what that
inspection stops, and are checked at the border less often; every other consignment keeps
its truth and its selection (the same draws: a paired comparison with the baseline)."""

from __future__ import annotations

import functools
import math
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.reforms.compose import apply

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: frozen goods common and often carrying pests; their quarantine selection 0.3 for everyone
OVER = {
    "days": 14,
    "selection.quarantine": {"frozen": {"*": 0.3}},
    "ports.sea.quarantine.officers.capacity": 20,
    "ports.sea.traffic.commodities": {"general": 0.6, "frozen": 0.4},
    "enforcement.prevalence": {"pest": 0.3, "frozen": 0.05},
}
REFORM = "origin_pre_inspection:uptake=0.6,finds=0.8,border_checks=0.25"
Z = 3.29  # the 99.9 % two-sided normal quantile


@functools.lru_cache(maxsize=2)
def _log(reform: str) -> pd.DataFrame:
    base = sim.load_scenario(SMALL, OVER)
    scenario = apply(base, reform) if reform else base
    log = sim.simulate(scenario, 3, log=True).log
    return log[log.direction == "import"].set_index("index")


def _within(k: int, n: int, p: float) -> bool:
    """``k`` of ``n`` is within the 99.9 % interval of a binomial share ``p``."""
    return abs(k / n - p) <= Z * math.sqrt(p * (1 - p) / n)


def test_only_approved_exporters_quarantine_goods_are_inspected_at_origin():
    log = _log(REFORM)
    inspected = log.origin_inspection > 0
    assert not inspected[log.commodity != "frozen"].any()  # (only goods under quarantine)
    assert not inspected[log.trader_class == "discredited"].any()
    approved = log[(log.commodity == "frozen") & (log.trader_class != "discredited")]
    assert len(approved) > 1000
    assert _within(int((approved.origin_inspection > 0).sum()), len(approved), 0.6)
    spared = approved[approved.origin_inspection > 0].origin_inspection == 2
    assert _within(int(spared.sum()), len(spared), 1 - 0.25)


def test_goods_not_inspected_at_origin_keep_their_truth_and_their_selection():
    """The old reform cut every class's quarantine selection by the uptake, discredited
    traders' included: here a consignment not inspected at origin is selected, and carries
    what it carried, exactly as in the baseline."""
    base, log = _log(""), _log(REFORM)
    assert (base.index == log.index).all()
    other = log.origin_inspection == 0
    assert other.sum() > 1000
    for col in ("illicit", "sel_quarantine", "sel_physical", "sel_scan"):
        assert (log.loc[other, col] == base.loc[other, col]).all(), col
    # inspected at origin but checked at the border as usual: the same decision
    kept = log.origin_inspection == 1
    assert (log.loc[kept, "sel_quarantine"] == base.loc[kept, "sel_quarantine"]).all()
    # spared: never checked at the border (the baseline checked some of them)
    spared = log.origin_inspection == 2
    assert not log.loc[spared, "sel_quarantine"].any()
    assert base.loc[spared, "sel_quarantine"].sum() > 50


def test_goods_inspected_at_origin_arrive_with_less_of_what_it_stops():
    """Of the inspected consignments that carried pests or frozen products in the baseline,
    the inspection at origin stops 80 % (they arrive compliant): within the 99.9 % interval
    of that binomial share; it never adds an illicit load."""
    base, log = _log(""), _log(REFORM)
    inspected = log.origin_inspection > 0
    carried = base.loc[inspected, "illicit"].isin(["pest", "frozen"])
    before = base.loc[inspected][carried]
    after = log.loc[before.index, "illicit"]
    assert len(before) > 100
    stopped = int((after == "compliant").sum())
    assert (after[after != "compliant"] == before.illicit[after != "compliant"]).all()
    assert _within(stopped, len(before), 0.8)
    clean = base.loc[inspected, "illicit"] == "compliant"
    assert (log.loc[clean[clean].index, "illicit"] == "compliant").all()


def test_the_reform_changes_nothing_where_no_port_has_quarantine_checks():
    over = {**OVER, "selection.quarantine": {}, "ports.sea.quarantine": None}
    base = sim.load_scenario(SMALL, over)
    assert apply(base, "origin_pre_inspection") == base


@pytest.mark.parametrize("bad", [{"uptake": {"traders": 0.5}}, {"commodities": ["fruit"]}])
def test_bad_origin_inspection_fields_are_refused(bad: dict):
    with pytest.raises(sim.ScenarioError, match="origin_inspection"):
        sim.load_scenario(SMALL, {"enforcement.origin_inspection": bad})
