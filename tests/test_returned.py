"""Declarations returned for correction (``[declaration.returns]``, sim/model/steps/returned.py):
a returned declaration is corrected by the broker and reviewed a second time at the same
lane; without the section, or with a share of 0, the run is the run without returns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
OVER = {"days": 7}  # (a week: enough reviewed declarations of every class)
CORRECTION = 3.0  # hours: fixed, so that each returned declaration's is known


def _run(returns: dict | None, seed: int = 5, fast: bool = True, **over: object):
    changes = {**OVER, **over}
    if returns is not None:
        changes["declaration.returns"] = returns
    return sim.simulate(sim.load_scenario(SMALL, changes), seed, log=True, fast=fast).log


def _general_only(share: float) -> dict:
    return {"share": {"general": share}, "correction": f"{CORRECTION:g} h"}


def test_every_reviewed_declaration_of_a_class_returned_is_reviewed_twice():
    base = _run(None)
    log = _run(_general_only(1.0))
    reviewed = log["review"].to_numpy() & (log["trader_class"] == "general").to_numpy()
    assert reviewed.sum() > 50
    done = reviewed & log["accepted"].notna().to_numpy()
    # returned once the first review ended, lodged again after the correction, then a second
    # review (its own time) before acceptance
    assert log.loc[done, "returned"].notna().all()
    np.testing.assert_allclose(
        log.loc[done, "relodged"] - log.loc[done, "returned"], CORRECTION, rtol=1e-12
    )
    second = log.loc[done, "accepted"] - log.loc[done, "relodged"]
    assert (second >= log.loc[done, "review_time"] - 1e-9).all()
    # no other declaration is returned
    assert log.loc[~reviewed, "returned"].isna().all()
    # lodging to acceptance grows by at least the correction and the second review
    grew = (log["accepted"] - log["lodged"]) - (base["accepted"] - base["lodged"])
    assert (grew[done] >= CORRECTION + log.loc[done, "review_time"] - 1e-9).all()
    # and lodging to release by at least the correction, for each returned declaration
    # lodged after arrival and released green (an advance one's release may wait for the
    # goods anyway; a later check may find a shorter queue than the check it had before)
    out = done & log["released"].notna().to_numpy() & base["released"].notna().to_numpy()
    out &= ~log["advance"].to_numpy() & (log["channel"] == "green").to_numpy()
    grew = (log["released"] - log["lodged"]) - (base["released"] - base["lodged"])
    assert out.sum() > 50
    assert (grew[out] >= CORRECTION - 1e-9).all()
    # the trader owns the correction
    assert (log.loc[out, "own_trader"] >= base.loc[out, "own_trader"] + CORRECTION - 1e-9).all()


def test_a_share_of_zero_runs_as_without_the_section():
    log = _run(_general_only(0.0))
    assert log["returned"].isna().all() and log["relodged"].isna().all()
    pd.testing.assert_frame_equal(log, _run(None))


@pytest.mark.parametrize("seed", [0, 5])
def test_returns_in_bulk_equal_the_general_flow(seed: int):
    returns = {"share": {"*": 0.3}, "correction": {"dist": "exponential", "mean": "4 h"}}
    fast = _run(returns, seed, fast=True)
    slow = _run(returns, seed, fast=False)
    assert fast["returned"].notna().sum() > 20
    pd.testing.assert_frame_equal(fast, slow)


def test_returns_at_an_unlimited_review_lane_go_in_bulk_like_the_general_flow():
    """At an unlimited review lane a returned declaration meets no queue: its step's bulk
    form runs, and gives what the general flow gives."""
    returns = {"share": {"*": 0.5}, "correction": "2 h"}
    over = {"ports.sea.review.capacity": "unlimited"}
    fast, slow = (_run(returns, 1, fast=f, **over) for f in (True, False))
    assert fast["returned"].notna().sum() > 20
    pd.testing.assert_frame_equal(fast, slow)


def test_an_unknown_trader_class_is_refused():
    with pytest.raises(sim.ScenarioError, match="unknown trader class 'brokers'"):
        _run({"share": {"brokers": 0.1}, "correction": "1 h"})


def test_returns_with_the_risk_engine_equal_the_general_flow():
    """With a dynamic selector a reviewed declaration waits for its decision as a row unless
    it is returned (two visits to the review lane): it then goes on its way as a journey."""
    from tests.test_decisions import reviewed  # (the engine's reviewed declarations' run)

    returns = {"share": {"*": 0.4}, "correction": {"dist": "exponential", "mean": "2 h"}}
    fast, slow = (reviewed(f, **{"declaration.returns": returns}) for f in (True, False))
    assert fast.log["returned"].notna().sum() > 20
    assert fast.paths["bulk"] > 0
    pd.testing.assert_frame_equal(fast.log, slow.log)
    assert fast.counts == slow.counts


def test_the_metrics_are_those_of_the_log():
    """``returned_share`` counts the cohort's declarations out of the flow returned;
    ``returned_h_mean`` is their mean from the return to acceptance; ``returned_h_added``
    the hours after arrival the correction and second review add, per consignment."""
    s = sim.load_scenario(SMALL, {**OVER, "declaration.returns": _general_only(0.5)})
    run = sim.simulate(s, 5, log=True)
    m, log = run.metrics(), run.log
    out = log[log.cohort & (log.outcome == "released")]
    back = out[out.returned.notna()]
    assert len(back) > 20
    assert m["returned_share"] == pytest.approx(len(back) / len(out), rel=1e-12)
    assert m["returned_h_mean"] == pytest.approx((back.accepted - back.returned).mean(), rel=1e-9)
    after = np.maximum(back.accepted, back.arrived) - np.maximum(back.returned, back.arrived)
    assert m["returned_h_added"] == pytest.approx(after.sum() / len(out), rel=1e-9)
    clearance = (out.released - out.arrived).mean()
    assert m["returned_clearance_share"] == pytest.approx(m["returned_h_added"] / clearance)


def test_without_returns_the_metrics_say_none():
    m = sim.simulate(sim.load_scenario(SMALL, {"days": 2}), 1).metrics()
    assert m["returned_share"] == 0 and m["returned_h_added"] == 0
    assert np.isnan(m["returned_h_mean"])


def test_the_glossary_says_what_a_run_without_returns_gives():
    """Each metric's meaning says 0 for a scenario without returns only where the run gives
    0 (the hours of a returned declaration are NaN: none came back), in Chinese too."""
    from sim.experiment.metric_glossary_returns import RETURNS
    from sim.report.zh_meanings import meaning

    m = sim.simulate(sim.load_scenario(SMALL, {"days": 2}), 1).metrics()
    for entry in RETURNS:
        zh = meaning(entry.stem, entry.meaning)
        assert zh is not None, entry.stem
        zero = m[entry.stem] == 0
        assert ("0 when the scenario returns none" in entry.meaning) == zero, entry.stem
        assert ("NaN" in entry.meaning) == (not zero), entry.stem
        assert ("时为 0" in zh) == zero and ("为 NaN" in zh) == (not zero), entry.stem


def test_fewer_returns_returns_a_subset_of_the_same_declarations():
    """The reform takes its points off each class's share (never below 0); the same draws
    decide, so the declarations it returns are among those the baseline returns."""
    from sim.reforms.compose import apply

    returns = {"share": {"general": 0.3, "aeo_advanced": 0.04}, "correction": "2 h"}
    base = sim.load_scenario(SMALL, {**OVER, "declaration.returns": returns})
    cut = apply(base, "fewer_returns")
    assert cut.declaration.returns is not None
    assert cut.declaration.returns.share == pytest.approx({"general": 0.24, "aeo_advanced": 0.0})
    before = sim.simulate(base, 5, log=True).log
    after = sim.simulate(cut, 5, log=True).log
    was, now = before.returned.notna(), after.returned.notna()
    assert 0 < now.sum() < was.sum()
    assert not (now & ~was).any()
    assert not now[after.trader_class == "aeo_advanced"].any()
