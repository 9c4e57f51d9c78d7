"""Steps after release, shown on the small scenario: release before test (release precedes the
laboratory result, a failed result recalls, goods already sold slip through), two-step
declaration (release before the full declaration, the duty after it, a guarantee meanwhile)
and two-step processing (the tax review after release, where undervaluation is found)."""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import sim
from sim.model.costs import P, consignment_costs
from sim.model.prices import Prices
from sim.reforms.compose import apply

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: every frozen consignment checked and sampled; pests common (the lab always finds them, the
#: visual check never: every find is the laboratory's, so goods released before their test
#: are recalled at its result), undervaluation among general goods that a document check
#: finds; duty paid 6 h after assessment
OVER = {
    "days": 4,
    "enforcement.sampling.visual_sensitivity": 0.0,
    "after_release.duty_payment": "6 h",
    "ports.sea.quarantine.sample_share": 1.0,
    "selection.quarantine": {"frozen": {"*": 1.0}},
    "enforcement.prevalence.pest": 0.3,
    "enforcement.prevalence.undervaluation": 0.2,
    "enforcement.detection.document": {"undervaluation": 0.8},
}
RECALL_H, SELL_H, LAG_H = 24.0, 168.0, 720.0  # the section's defaults


@functools.lru_cache(maxsize=4)
def _run(text: str) -> tuple[pd.DataFrame, dict[str, float]]:
    base = sim.load_scenario(SMALL, OVER)
    r = sim.simulate(apply(base, text) if text else base, 5, log=True)
    return r.log, r.metrics()


def _log(text: str) -> pd.DataFrame:
    return _run(text)[0].copy()


def _early(log: pd.DataFrame) -> pd.DataFrame:
    """Consignments whose goods were released before their laboratory result."""
    done = log[(log.outcome == "released") & log.lab_end.notna()]
    return done[done.released < done.lab_end]


# -- release before test -----------------------------------------------------------------------
def test_release_before_test_release_precedes_the_laboratory_result():
    base, after = _log(""), _log("release_before_test:general_uptake=1")
    tested = base[(base.outcome == "released") & base.lab_end.notna()]
    assert len(tested) > 50 and (tested.released >= tested.lab_end).all()  # today: waits
    early = _early(after)
    assert len(early) > 50
    assert (early.release_early & early["sample"] & ~early.quarantine_treat).all()
    # the same consignments, released earlier than when they waited for the result
    paired = tested.set_index("index").released.align(early.set_index("index").released, "inner")
    assert len(paired[0]) > 50 and (paired[1] < paired[0]).all()
    # uptake by class: discredited traders' goods always wait
    assert not (early.trader_class == "discredited").any()
    waited = after[after.lab_end.notna() & (after.outcome == "released")]
    bad = waited[waited.trader_class == "discredited"]
    assert len(bad) and (bad.released >= bad.lab_end).all()


def test_release_before_test_a_failed_result_recalls_and_sold_goods_are_lost():
    after = _log("release_before_test:general_uptake=1")
    early = _early(after)
    failed = early[early.quarantine_finds]
    assert len(failed) > 10
    assert (early.recalled.notna() == early.quarantine_finds).all()  # recalled iff it failed
    assert np.allclose(failed.recalled, failed.lab_end + RECALL_H)
    sold = 1 - np.exp(-(failed.recalled - failed.released) / SELL_H)
    assert (failed.recovered.notna() == (failed.sold >= sold)).all()
    assert (failed.recovered.isna()).any() and failed.recovered.notna().any()
    # without the reform the same pests were rejected before release
    base = _log("").set_index("index")
    assert (base.loc[failed["index"]].outcome == "rejected").all()


def test_release_before_test_unrecovered_goods_slip_in_the_tally():
    _, m0 = _run("")
    log, m = _run("release_before_test:general_uptake=1")
    cohort = _early(log[log.cohort])
    recalled = cohort.recalled.notna()
    assert m["recalls"] == recalled.sum() > 0
    assert m["recalls_unrecovered"] == (recalled & cohort.recovered.isna()).sum() > 0
    # recovered goods are found after release; sold ones are not found at all
    assert m["detection_rate_by_recall"] > 0
    assert m["detection_rate"] < m0["detection_rate"]
    assert m["detection_rate_with_audit"] < m0["detection_rate_with_audit"]


def test_release_before_test_holds_goods_whose_find_the_on_site_check_makes():
    """The visual check finds half the pests on site: those goods are rejected at the border
    as without the reform; only the pests the laboratory alone finds are released before
    the result and recalled. The on-site share of the finds is within the 99.9 % interval
    of one half (a binomial)."""
    over = {**OVER, "enforcement.sampling.visual_sensitivity": 0.5, "days": 8}
    base = sim.load_scenario(SMALL, over)
    log = sim.simulate(apply(base, "release_before_test:general_uptake=1"), 5, log=True).log
    done = log[log.outcome != "censored"]  # (still held at the drain limit: no result yet)
    eligible = done[
        done["sample"] & done.release_early & ~done.quarantine_treat & done.quarantine_start.notna()
    ]
    found = eligible[eligible.quarantine_finds]
    seen, lab_only = found[found.quarantine_seen], found[~found.quarantine_seen]
    assert len(found) > 100
    assert (seen.outcome == "rejected").all() and seen.recalled.isna().all()
    assert (lab_only.released < lab_only.lab_end).all() and lab_only.recalled.notna().all()
    assert not (eligible.quarantine_seen & ~eligible.quarantine_finds).any()
    half_width = 3.29 * math.sqrt(0.25 / len(found))
    assert abs(len(seen) / len(found) - 0.5) <= half_width


# -- two-step declaration ----------------------------------------------------------------------
def test_two_step_declaration_release_before_the_full_declaration_tax_after():
    base, after = _log(""), _log("two_step_declaration")
    imp0 = base[(base.direction == "import") & (base.outcome == "released")]
    assert np.allclose(imp0.duty_paid, imp0.assessed + 6.0)  # today: the duty before release
    assert (imp0.released >= imp0.duty_paid).all() and imp0.full_declared.isna().all()
    imp = after[(after.direction == "import") & (after.outcome == "released")]
    two = imp[imp.two_step]
    assert len(two) > 100 and (~imp.two_step).any()
    assert two.duty_paid.isna().all()  # release does not wait for the duty
    assert (two.full_declared > two.released).all()
    assert np.allclose(two.full_declared - two.released, np.minimum(two.full_declaration, 336))
    one = imp[~imp.two_step]
    assert (one.released >= one.duty_paid).all() and one.full_declared.isna().all()
    # by class: discredited traders never, exports never
    assert not two[two.trader_class == "discredited"].size
    assert not after[after.direction == "export"].two_step.any()
    # the same consignments released no later, and earlier where the duty held them
    b, a = imp0.set_index("index").released.align(two.set_index("index").released, "inner")
    assert (a <= b + 1e-9).all() and (a < b).mean() > 0.5


def test_two_step_declaration_guarantee_cost_covers_the_duty_until_the_full_declaration():
    scenario = sim.load_scenario(sim.default_scenario_path())
    assert scenario.costs is not None
    costs = scenario.costs.model_copy(
        update={"trader": scenario.costs.trader.model_copy(update={"guarantee_fee": 0.02})}
    )
    modes = [p.mode for p in scenario.ports.values()]
    prices = Prices.of(costs, modes, scenario.commodities, False)
    col = _columns(scenario, full_declared=[np.nan, 24.0 + 168.0], released=[24.0, 24.0])
    parts = consignment_costs(col, prices)
    duty = 50_000 * prices.duty_rate[0]
    assert parts[0, P["guarantee"]] == 0
    assert parts[1, P["guarantee"]] == pytest.approx(duty * 0.02 * 168 / 8760)


def _columns(scenario: Any, **milestones: list[float]) -> dict[str, np.ndarray]:
    from sim.model.milestones import MILESTONES

    n = len(next(iter(milestones.values())))
    col = {k: np.full(n, np.nan) for k in MILESTONES}
    col.update({k: np.asarray(v, float) for k, v in milestones.items()})
    col["arrived"] = np.zeros(n)
    col["exited"] = np.full(n, 24.0)
    zeros = ("port", "outcome", "commodity", "attend", "premises")
    col.update({k: np.zeros(n) for k in zeros})
    col.update({f"own_{o}": np.zeros(n) for o in ("trader", "terminal", "customs")})
    col.update({f"own_{o}": np.zeros(n) for o in ("quarantine", "organisation", "carrier")})
    col["containers"], col["value"] = np.ones(n), np.full(n, 50_000.0)
    return col


def test_recall_cost_per_container_recalled():
    scenario = sim.load_scenario(sim.default_scenario_path())
    assert scenario.costs is not None
    trader = scenario.costs.trader.model_copy(update={"recall": {"*": 500.0}})
    costs = scenario.costs.model_copy(update={"trader": trader})
    prices = Prices.of(
        costs, [p.mode for p in scenario.ports.values()], scenario.commodities, False
    )
    col = _columns(scenario, recalled=[np.nan, 48.0], released=[24.0, 24.0])
    col["containers"] = np.array([2.0, 2.0])
    parts = consignment_costs(col, prices)
    assert list(parts[:, P["recall"]]) == [0.0, 1000.0]


# -- two-step processing -----------------------------------------------------------------------
def test_two_step_processing_tax_review_after_release_finds_undervaluation():
    (base, m0), (after, m) = _run(""), _run("two_step_processing")
    sel = after[after.sel_document & (after.outcome == "released")]
    assert len(sel) > 50
    assert sel.doc_start.isna().all()  # no document check before release
    assert np.allclose(sel.tax_reviewed, sel.released + LAG_H)
    checked = base[base.sel_document & base.doc_end.notna()]
    assert len(checked) > 50 and checked.tax_reviewed.isna().all()
    # the papers find the same undervaluation, after release instead of before it
    assert m0["detection_rate_by_document"] > 0 and m0["detection_rate_by_review"] == 0
    assert m["detection_rate_by_document"] == 0 and m["detection_rate_by_review"] > 0
    assert m["detection_rate"] < m0["detection_rate"]
    assert not math.isnan(m["detection_rate_with_audit"])


def test_reforms_off_nothing_happens_after_release():
    log = _log("")
    for name in ("full_declared", "tax_reviewed", "recalled", "recovered"):
        assert log[name].isna().all()


def test_china_2017_switches_the_two_step_pilot_on_at_24_august_2019():
    from sim.reforms.timeline import eras

    china = sim.load_scenario(sim.default_scenario_path().parent / "china-2017.toml")
    (before_t, before), (t, pilot) = eras(china)[-2:]
    assert t == (np.datetime64("2019-08-24") - np.datetime64("2018-01-01")).astype(int) * 24
    assert before.after_release.two_step_declaration.uptake == {}
    assert pilot.after_release.two_step_declaration.uptake["general"] > 0
    assert pilot.after_release.duty_payment.mean > 0  # what the pilot's users skip


def test_rejected_goods_cost_their_modes_destruction_per_container():
    """Return or destruction of rejected goods is priced by mode (a parcel is no sea box):
    per container, at the port's mode's price, else the '*' one; other outcomes pay none."""
    from sim.model.milestones import REJECTED

    scenario = sim.load_scenario(sim.default_scenario_path())
    assert scenario.costs is not None
    checks = scenario.costs.checks.model_copy(update={"destruction": {"post": 8.0, "*": 400.0}})
    costs = scenario.costs.model_copy(update={"checks": checks})
    modes = [p.mode for p in scenario.ports.values()]
    prices = Prices.of(costs, modes, scenario.commodities, False)
    col = _columns(scenario, released=[np.nan, np.nan, 24.0])
    col["port"] = np.array([modes.index("post"), modes.index("sea"), modes.index("sea")], float)
    col["outcome"] = np.array([REJECTED, REJECTED, 0], float)
    col["containers"] = np.array([1.0, 3.0, 3.0])
    parts = consignment_costs(col, prices)
    assert list(parts[:, P["rejection"]]) == [8.0, 1200.0, 0.0]
