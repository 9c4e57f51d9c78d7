"""A post-clearance audit that picks declarations by a risk score (``enforcement.audit.targeting
= "risk"``): compliant declarations audited at ``share``, illicit ones at the ROC curve's true
positive rate there, with the same draws as a random audit."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.model.costs import HOURS_PER_YEAR
from sim.reforms import apply, get
from sim.scenario.dormant import idle_changes
from sim.scenario.enforcement import audit_pick

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: nothing checked before release, undervaluation in 30 % of the goods, an audit of 10 % that
#: finds all it picks: every illicit declaration is released, and only the audit finds it
UNCHECKED = {
    "declaration.review_share": {},
    "selection": {},
    "ports.sea.document_check.capacity": 200,
    "ports.sea.exam.bays.capacity": 200,
    "enforcement.prevalence": {"undervaluation": 0.3},
    "enforcement.by_commodity": {},
    "enforcement.audit.share": 0.1,
    "enforcement.audit.finds": {"undervaluation": 1.0},
}


def wilson(k: int, n: int, z: float = 3.29) -> tuple[float, float]:
    """Wilson interval of a binomial share (z = 3.29: 99.9 %)."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


@pytest.mark.parametrize("auc", [0.6, 0.75, 0.9, 0.99])
def test_the_pick_is_the_roc_curve_of_the_auc(auc: float):
    """The illicit declarations' chance as a function of the compliant ones' is the score's
    ROC curve: it runs from (0, 0) to (1, 1) and encloses the AUC (trapezoids on 20,001
    points)."""
    shares = np.linspace(0.0, 1.0, 20_001)
    tpr = np.array([audit_pick(s, auc) for s in shares])
    assert tpr[0] == 0.0 and tpr[-1] == 1.0
    assert (np.diff(tpr) >= 0).all()
    area = float(np.sum((tpr[1:] + tpr[:-1]) / 2 * np.diff(shares)))
    assert area == pytest.approx(auc, abs=1e-4)


def test_a_score_of_auc_one_half_picks_as_a_random_audit_does():
    for share in (0.01, 0.2, 0.7):
        assert audit_pick(share, 0.5) == pytest.approx(share, abs=1e-12)


def test_the_pick_matches_binormal_scores_drawn_by_hand():
    """Compliant scores N(0, 1), illicit N(d, 1), d = sqrt(2) Phi^-1(auc); the threshold
    leaves ``share`` of the compliant scores above it; the illicit share above it is the
    pick (200,000 draws each, within 4 standard errors)."""
    rng = np.random.default_rng(5)
    auc, share, n = 0.8, 0.05, 200_000
    d = math.sqrt(2) * 0.8416212335729143  # (Phi^-1(0.8))
    threshold = np.quantile(rng.standard_normal(n), 1 - share)
    seen = float(np.mean(rng.standard_normal(n) + d > threshold))
    p = audit_pick(share, auc)
    assert seen == pytest.approx(p, abs=4 * math.sqrt(p * (1 - p) / n) + 0.003)


def _audited(targeting: dict) -> tuple[np.ndarray, np.ndarray, sim.RunResult]:
    s = sim.load_scenario(SMALL, {**UNCHECKED, **targeting})
    res = sim.simulate(s, 4, log=True)
    log = res.log
    log = log[log.cohort & (log.outcome == "released")]
    return log.index.to_numpy(), log.audit_finds.to_numpy() > 0, res


def test_a_risk_audit_finds_illicit_goods_at_the_pick_a_random_one_at_the_share():
    """Every illicit declaration is released and an audit that picks it finds it: the share
    found is the chance of a pick, within a 99.9 % Wilson interval; a compliant one never
    has a find. With the same seed, each find of the random audit is also the risk audit's
    (one uniform: below share x finds, so below pick x finds)."""
    picked = {}
    for name, over in (("random", {}), ("risk", {"enforcement.audit.targeting": "risk",
                                                 "enforcement.audit.auc": 0.9})):
        _, finds, res = _audited(over)
        log = res.log
        log = log[log.cohort & (log.outcome == "released")]
        illicit = (log.illicit != "compliant").to_numpy()
        assert illicit.sum() > 300
        assert not finds[~illicit].any()
        expected = 0.1 if name == "random" else audit_pick(0.1, 0.9)
        low, high = wilson(int(finds[illicit].sum()), int(illicit.sum()))
        assert low <= expected <= high, (name, low, expected, high)
        picked[name] = set(log.index[finds])
    assert picked["random"] < picked["risk"]


@pytest.mark.parametrize("by_class", [{}, {"aeo_advanced": 0.2, "discredited": 3.0}])
def test_a_risk_audit_counts_its_extra_audits_of_illicit_goods(by_class: dict):
    """audits_per_year: over the released declarations, each compliant one's class share
    (``share`` x its class's multiplier) and each illicit one's pick, summed and scaled from
    the observed days to a year; a risk audit asks more than share x released."""
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 2, "warmup_days": 1})
    over = {"enforcement.audit.share": 0.1, "enforcement.audit.targeting": "risk",
            "enforcement.audit.auc": 0.9, "enforcement.audit.by_class": by_class}  # fmt: skip
    res = sim.simulate(sim.patch(s, over), 3, log=True)
    m = res.metrics()
    log = res.log
    done = log[log.cohort & (log.outcome == "released")]
    illicit = (done.illicit != "compliant").to_numpy()
    assert illicit.sum() > 0
    cls = done.trader_class.astype(str).map(lambda k: by_class.get(k, 1.0)).to_numpy()
    share = np.minimum(0.1 * cls, 1.0)
    chance = np.where(illicit, [audit_pick(x, 0.9) for x in share], share)
    scale = HOURS_PER_YEAR / (2 * 24)
    assert m["audits_per_year"] == pytest.approx(chance.sum() * scale)
    if not by_class:
        assert m["audits_per_year"] > 0.1 * len(done) * scale


def test_the_audit_picks_each_class_at_its_own_share():
    """With fewer audits for advanced AEOs (x 0.2) and more for discredited traders (x 5),
    a random audit finds each class's illicit goods at share x its multiplier (99.9 % Wilson
    intervals); an unknown class is refused by name."""
    over = {"enforcement.audit.by_class": {"aeo_advanced": 0.2, "discredited": 5.0},
            "enforcement.prevalence": {"undervaluation": 0.6}}  # fmt: skip
    s = sim.load_scenario(SMALL, {**UNCHECKED, **over, "days": 28})
    log = sim.simulate(s, 4, log=True).log
    log = log[log.cohort & (log.outcome == "released") & (log.illicit != "compliant")]
    for cls, want in (("aeo_advanced", 0.02), ("general", 0.1), ("discredited", 0.5)):
        mine = log[log.trader_class.astype(str) == cls]
        assert len(mine) > 100, cls
        low, high = wilson(int(mine.audit_finds.astype(bool).sum()), len(mine))
        assert low <= want <= high, (cls, low, want, high)
    with pytest.raises(sim.ScenarioError, match=r"enforcement\.audit\.by_class\.aeo"):
        sim.load_scenario(SMALL, {"enforcement.audit.by_class": {"aeo": 0.5}})
    for bad in (-1, float("nan"), True):
        with pytest.raises(sim.ScenarioError, match=r"by_class\.general"):
            sim.load_scenario(SMALL, {"enforcement.audit.by_class": {"general": bad}})


def test_the_reform_switches_the_audit_to_risk_and_says_when_it_can_do_nothing():
    s = sim.load_scenario(sim.default_scenario_path())
    t = apply(s, "risk_based_audit:auc=0.85")
    assert t.enforcement is not None and s.enforcement is not None
    assert (t.enforcement.audit.targeting, t.enforcement.audit.auc) == ("risk", 0.85)
    assert s.enforcement.audit.targeting == "random"
    assert get("risk_based_audit").no_effect(s) == ""
    none = sim.patch(s, {"enforcement.audit.share": 0.0})
    assert "audits no declaration" in get("risk_based_audit").no_effect(none)


def test_an_auc_with_a_random_audit_is_noted_as_acting_on_nothing():
    s = sim.load_scenario(sim.default_scenario_path())
    why = idle_changes(s, ["enforcement.audit.auc"])
    assert why is not None and "targeting" in why
    risky = sim.patch(s, {"enforcement.audit.targeting": "risk"})
    assert idle_changes(risky, ["enforcement.audit.auc"]) is None
