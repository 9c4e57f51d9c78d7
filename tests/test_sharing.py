"""Smart sharing (sim/model/sharing.py, the smart_sharing reform): a partner's data makes the
scores of its origin's declarations separate better (more found at the same inspection rate),
its seizures raise exactly their signature here and only once received, electronic
certificates thin the document checks of covered declarations, and its alerts come from a
stream of their own (the consignments keep their draws).

Tolerances: four standard errors (binomial, or of an empirical AUC by the Hanley-McNeil
bound), so a correct model fails about once in 16,000.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from test_risk_engine import SMALL, block, engine, inspected, run, scenario

import sim
from sim.model.risk import RiskEngine
from sim.model.sharing import Sharing
from sim.reforms import REFORMS, ReformError
from sim.reforms.compose import apply
from sim.scenario.base import ILLICIT
from sim.scenario.loader import ScenarioError, default_scenario_path

A, B = 0, 1  # origins 'a' (the partner) and 'b'


def _auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """Empirical AUC (Mann-Whitney)."""
    ranks = np.concatenate([pos, neg]).argsort().argsort() + 1.0
    r = ranks[: len(pos)].sum()
    return float((r - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def _auc_se(a: float, n_pos: int, n_neg: int) -> float:
    """Hanley-McNeil standard error of an empirical AUC."""
    q1, q2 = a / (2 - a), 2 * a * a / (1 + a)
    var = a * (1 - a) + (n_pos - 1) * (q1 - a * a) + (n_neg - 1) * (q2 - a * a)
    return math.sqrt(var / (n_pos * n_neg))


PARTNER = {"partners": {"a": {"auc_uplift": 0.15, "coverage": 1.0}}}
AUC = {"auc": dict.fromkeys(ILLICIT, 0.75)}


def test_scores_for_partner_origins_separate_better():
    """AUC 0.75 everywhere, a partner's data for origin 'a' adds 0.15: within 'a' the score's
    empirical AUC is 0.90, within 'b' still 0.75 (a fixed declared cell: one commodity,
    class and direction, so the prior is constant)."""
    shared = engine({**AUC, **PARTNER})
    rng = np.random.default_rng(11)
    b = block(rng, 40_000, 1.0, classes=(0, 1, 0, 0), prevalence=0.2, commodity=0)
    s, bad = shared.score(b), b.illicit > 0
    for origin, want in ((A, 0.90), (B, 0.75)):
        rows = b.origin == origin
        pos, neg = s[rows & bad], s[rows & ~bad]
        got = _auc(pos, neg)
        assert got == pytest.approx(want, abs=4 * _auc_se(want, len(pos), len(neg))), origin


def test_partial_coverage_uplifts_only_the_covered_share():
    """Coverage 0.5: half of origin 'a''s illicit declarations get the uplift, the others
    keep their score exactly."""
    half = engine({**AUC, "partners": {"a": {"auc_uplift": 0.15, "coverage": 0.5}}})
    plain = engine(AUC)
    rng = np.random.default_rng(12)
    b = block(rng, 20_000, 1.0, prevalence=0.3, origin=A)
    raised = half.score(b) != plain.score(b)
    bad = b.illicit > 0
    assert not raised[~bad].any()
    share = raised[bad].mean()
    assert share == pytest.approx(0.5, abs=4 * math.sqrt(0.25 / bad.sum()))


def test_detection_for_partner_origins_rises_at_the_same_inspection_rate():
    """Same blocks, same target: with the partner's data more of origin 'a''s illicit goods
    are inspected; the overall inspection rate is the same within its error."""
    target, window = 0.05, 2000
    rng = np.random.default_rng(13)
    blocks = [block(rng, 200, float(h), prevalence=0.05) for h in range(150)]
    rates, found = {}, {}
    for name, extra in (("shared", PARTNER), ("plain", {})):
        e = engine({**AUC, "target": target, "window": window, **extra})
        chosen = np.concatenate([inspected(e.select(b)) for b in blocks[30:]])
        bad = np.concatenate([(b.illicit > 0) & (b.origin == A) for b in blocks[30:]])
        rates[name], found[name] = chosen.mean(), chosen[bad].mean()
        n_bad = bad.sum()
    n = len(chosen)
    tol = math.hypot(4 * math.sqrt(target * (1 - target) / n), 4 * math.sqrt(target / window))
    assert rates["shared"] == pytest.approx(rates["plain"], abs=tol)
    se = math.sqrt(2 * 0.25 / n_bad)
    assert found["shared"] - found["plain"] > 4 * se


def _alerts(origin: str = "a", rate: float = 0.5, delay: str = "5 h"):
    return {"partners": {origin: {"alert_rate": rate, "alert_delay": delay}}}


def test_a_partner_alert_raises_exactly_its_signature_and_only_after_it_arrives():
    """The partner's first seizure (its own stream) is received 5 h later: decisions before
    are those of an engine without a partner; from the refresh instant after the receipt until
    the next seizure is received, only the alert's signature (commodity, origin 'a', every
    class) is inspected more."""
    told, never = engine(_alerts()), engine()
    seizures = Sharing(scenario(_alerts()), None).streams["a"].upto(500.0)
    (t1, com), (t2, _) = seizures[0], seizures[1]
    got, receipt = math.ceil(t1 + 5.0), t1 + 5.0
    assert t2 + 5.0 > got + 1  # an interval with one alert only
    rng = np.random.default_rng(5)
    blocks = [block(rng, 400, h + 0.5) for h in range(int(got) + 2)]
    blocks.append(block(rng, 6000, float(got)))
    blocks.sort(key=lambda b: b.now)
    for b in blocks:
        x, y = inspected(told.select(b)), inspected(never.select(b))
        if b.now < receipt:
            assert (x == y).all(), b.now
        elif len(x) == 6000:
            match = (b.commodity == com) & (b.origin == A)
            assert (x[~match] == y[~match]).all()
            assert (x[match] >= y[match]).all()
            assert x[match].mean() > 1.5 * y[match].mean()
    boost = told.alerts.boost("sea", float(got))
    assert boost is not None and np.count_nonzero(boost) == 1  # one signature, no class


def test_a_shorter_delay_brings_the_same_alerts_earlier():
    """The partner's seizures are the same stream whatever the delay: sharing only brings
    their receipt forward."""
    slow = Sharing(scenario(_alerts(delay="7 d")), None)
    fast = Sharing(scenario(_alerts(delay="1 h")), None)
    got: dict[str, list] = {"slow": [], "fast": []}
    for name, sh in (("slow", slow), ("fast", fast)):
        sh.deliver(400.0, lambda port, com, here, at, n=name: got[n].append((com, here, at)))
    assert got["slow"] and len(got["slow"]) == len(got["fast"])
    for (c1, h1, a1), (c2, h2, a2) in zip(got["slow"], got["fast"], strict=True):
        assert (c1, h1) == (c2, h2) and a1 - a2 == pytest.approx(7 * 24 - 1)


def test_partner_commodities_follow_the_illicit_flow():
    """The small scenario's general goods are never illicit: every partner seizure is of
    frozen goods."""
    sh = Sharing(scenario(_alerts(rate=24.0)), np.random.SeedSequence(4))
    coms = [c for _, c in sh.streams["a"].upto(200.0)]
    assert len(coms) > 100 and set(coms) == {1}


def test_electronic_certificates_thin_document_checks_of_covered_partner_declarations():
    """Tables' document rate 0.1; the partner covers 60 % of origin 'a' and its certificates
    do half of their checks: 'a' is checked at 0.1 x (1 - 0.6 x 0.5), 'b' at 0.1, and every
    check kept was a check before."""
    certs = {"partners": {"a": {"coverage": 0.6, "certificates": 0.5}}}
    shared, plain = engine(certs), engine()
    rng = np.random.default_rng(14)
    b = block(rng, 100_000, 1.0)
    x, y = shared.select(b)["document"], plain.select(b)["document"]
    assert not (x & ~y).any()
    for origin, p in ((A, 0.1 * (1 - 0.3)), (B, 0.1)):
        rows = b.origin == origin
        assert x[rows].mean() == pytest.approx(p, abs=4 * math.sqrt(p * (1 - p) / rows.sum()))


def test_partner_alerts_keep_the_consignments_draws_in_a_run():
    """A run with a partner's alerts: the same consignments with the same draws (commodity,
    class, origin, value, arrival) as without."""
    quiet = {"enforcement.prevalence": {}}
    _, told = run(_alerts(rate=4.0, delay="1 h"), over=quiet)
    _, never = run(over=quiet)
    cols = ["arrived", "commodity", "trader_class", "origin", "value"]
    a = told.log.set_index(["direction", "index"]).sort_index()[cols]
    b = never.log.set_index(["direction", "index"]).sort_index()[cols]
    assert a.equals(b)


def test_partners_must_be_origins_of_the_scenario():
    with pytest.raises(ScenarioError, match=r"risk.partners.zz.*unknown origin 'zz'"):
        scenario({"partners": {"zz": {"auc_uplift": 0.1}}})
    with pytest.raises(ScenarioError, match=r"auc_uplift"):
        scenario({"partners": {"a": {"auc_uplift": 0.7}}})


# -- the reform ------------------------------------------------------------------------------
def test_smart_sharing_writes_the_partners_it_names():
    s = sim.load_scenario(default_scenario_path())
    got = apply(s, 'smart_sharing:partners=["asia","europe"],uptake=0.8,alert_delay_h=2')
    assert set(got.risk.partners) == {"asia", "europe"}
    asia = got.risk.partners["asia"]
    assert asia.coverage == 0.8 and asia.alert_delay == 2.0 and asia.auc_uplift == 0.1
    assert got.risk.enabled
    with pytest.raises(ReformError, match=r"smart_sharing: partners: unknown origin 'mars'"):
        apply(s, 'smart_sharing:partners=["mars"]')
    slow = apply(s, "smart_sharing:alert_delay_h=48")
    again = REFORMS["smart_sharing"](alert_delay_h=100).apply(slow)  # never slows a channel
    assert again.risk.partners["asia"].alert_delay == 48.0


def test_a_run_with_smart_sharing_runs():
    s = sim.load_scenario(
        SMALL,
        {
            "ports.sea.traffic.origins": {"a": 0.5, "b": 0.5},
            "days": 1,
            "warmup_days": 0,
            "drain_days": 2,
            "risk": {"target": 0.05},
        },
    )
    r = sim.simulate(apply(s, "smart_sharing:partners=a,alerts_per_day=10"), 2)
    assert r.metrics()


def test_an_engine_without_partners_has_no_sharing():
    assert RiskEngine(scenario()).sharing is None
