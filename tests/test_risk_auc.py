"""The risk engine's achieved AUC (sim/model/risk_auc.py): the binned measurement agrees with
the exact Mann-Whitney statistic, a run with a flat prior and no alerts achieves the binormal
AUC it was given (within the Hanley-McNeil interval), learning raises it, and every cohort
decision is counted once, by the block and the one-row paths alike."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.model.risk import RiskEngine
from sim.model.risk_auc import WIDTH, AucTally, auc
from sim.model.world import World

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def exact_auc(compliant: np.ndarray, illicit: np.ndarray) -> float:
    """P(illicit score > compliant score), ties counted half, over every pair."""
    c = np.sort(compliant)
    below = np.searchsorted(c, illicit, side="left")
    ties = np.searchsorted(c, illicit, side="right") - below
    return float((below + 0.5 * ties).sum() / (len(c) * len(illicit)))


@pytest.mark.parametrize("d", [0.0, 0.5, 1.2, 2.5])
def test_the_binned_auc_is_the_mann_whitney_statistic(d):
    rng = np.random.default_rng(7)
    compliant, illicit = rng.normal(0, 1, 20_000), rng.normal(d, 1, 2_000)
    tally = AucTally(["sea"])
    tally.add("sea", np.zeros(len(compliant), np.int64), None, compliant)
    tally.add("sea", np.zeros(len(illicit), np.int64), np.ones(len(illicit), np.int64), illicit)
    t = tally.table()
    assert auc(t[0, 0, 0], t[0, 0, 1]) == pytest.approx(exact_auc(compliant, illicit), abs=1e-3)
    # one row at a time, the same counts
    one, few = AucTally(["sea"]), AucTally(["sea"])
    for s in compliant[:500].tolist():
        one.add_one("sea", 0, 0, s)
    few.add("sea", np.zeros(500, np.int64), None, compliant[:500])
    assert one.counts == few.counts


def test_scores_further_apart_than_a_bin_give_the_exact_auc():
    compliant = np.array([0.0, 1.0, 2.0])
    illicit = np.array([0.5, 2.5])
    tally = AucTally(["sea", "land"])
    tally.add("sea", np.ones(3, np.int64), np.zeros(3, np.int64), compliant)  # exports
    tally.add("sea", np.ones(2, np.int64), np.full(2, 2, np.int64), illicit)  # counterfeit
    tally.add_one("sea", 0, 0, 5.0)  # one compliant import
    m = tally.metrics()
    assert m["risk_auc_export"] == pytest.approx(4 / 6)
    assert math.isnan(m["risk_auc_import"])  # no illicit import
    assert m["risk_auc"] == pytest.approx(4 / 6)  # (the import pairs with no illicit import)
    assert m["risk_auc_counterfeit"] == pytest.approx(4 / 6)
    assert m["risk_auc_port_sea"] == pytest.approx(4 / 6)
    assert math.isnan(m["risk_auc_port_land"]) and math.isnan(m["risk_auc_tobacco"])
    assert WIDTH < 0.5


def test_the_auc_compares_declarations_of_one_port_and_direction():
    """Two ports whose scores sit apart (their priors differ): an illicit declaration is
    compared with the compliant ones of its own port, which a threshold per port separates,
    not with the other port's."""
    rng = np.random.default_rng(3)
    tally = AucTally(["high", "low"])
    for port, shift in (("high", 4.0), ("low", 0.0)):
        c, i = rng.normal(shift, 1, 5000), rng.normal(shift + 1.0, 1, 500)
        tally.add(port, np.zeros(5000, np.int64), None, c)
        tally.add(port, np.zeros(500, np.int64), np.ones(500, np.int64), i)
    m = tally.metrics()
    binormal = 0.7602  # Phi(1 / sqrt(2))
    for name in ("risk_auc", "risk_auc_port_high", "risk_auc_port_low", "risk_auc_tobacco"):
        assert m[name] == pytest.approx(binormal, abs=0.02), name


def flat(aucs: dict[str, float], **risk) -> sim.Scenario:
    """The small scenario with the engine on, its score without prior or alert raises: each
    type's scores then separate from compliant ones with exactly the AUC given."""
    return sim.load_scenario(
        SMALL,
        {
            "ports.sea.traffic.origins": {"a": 0.5, "b": 0.5},
            "risk": {
                "target": 0.05,
                "random_share": 0.0,
                "window": 2000,
                "refresh": "1 h",
                "auc": aucs,
                "prior": {"tables": False},
                "alert": {"boost": 0.0},
                **risk,
            },
            "enforcement.prevalence": dict.fromkeys(aucs, 0.06),
            "enforcement.by_commodity": {},
        },
    )


def hanley_mcneil(a: float, n_illicit: float, n_compliant: float) -> float:
    """The standard error of an AUC estimate (Hanley and McNeil, 1982)."""
    q1, q2 = a / (2 - a), 2 * a * a / (1 + a)
    var = a * (1 - a) + (n_illicit - 1) * (q1 - a * a) + (n_compliant - 1) * (q2 - a * a)
    return math.sqrt(var / (n_illicit * n_compliant))


def run_engine(scenario: sim.Scenario, seed: int = 2) -> tuple[dict[str, float], RiskEngine]:
    w = World(scenario, seed)
    res = w.run().result()
    assert isinstance(w.selector, RiskEngine)
    return res.metrics(), w.selector


def test_a_flat_prior_achieves_the_binormal_auc_it_was_given():
    """Interval test: with no prior and no alerts, the measured AUC of each type is the
    scenario's, within four Hanley-McNeil standard errors."""
    given = {"tobacco": 0.8, "counterfeit": 0.62}
    m, engine = run_engine(flat(given))
    t = engine.auc.table().sum(axis=(0, 1))
    n_compliant = int(t[0].sum())
    for k, (kind, a) in enumerate(given.items(), start=1):
        n = int(t[1 + ["tobacco", "counterfeit"].index(kind)].sum())
        assert n > 150, (kind, n)
        se = hanley_mcneil(a, n, n_compliant)
        assert m[f"risk_auc_{kind}"] == pytest.approx(a, abs=4 * se), (kind, k, se)
    assert m["risk_auc_tobacco"] > m["risk_auc_counterfeit"]


def test_learning_raises_the_achieved_auc():
    """The same consignments (common random numbers): labels from inspected goods raise each
    AUC towards ``auc_max``, and the measured AUC follows."""
    given = {"tobacco": 0.65}
    still, _ = run_engine(flat(given))
    learnt, _ = run_engine(flat(given, learning={"auc_max": 0.95, "labels": 200}))
    assert learnt["risk_auc_tobacco"] > still["risk_auc_tobacco"] + 0.1


def test_every_cohort_decision_is_counted_once():
    """The tally holds exactly the cohort's decisions the engine's report counts, whichever
    path decided them (blocks at the ticks, reviewed declarations one at a time)."""
    m, engine = run_engine(flat({"tobacco": 0.8}))
    report = engine.report()
    t = engine.auc.table()
    assert t.sum() == report["decided"].sum() > 1000
    assert t[:, :, 1:].sum() == report["illicit"].sum() > 50
    for d, direction in enumerate(("import", "export")):
        assert t[:, d].sum() == report.loc[report.direction == direction, "decided"].sum()
    for i, port in enumerate(engine.auc.ports):
        assert t[i].sum() == report.loc[report.port == port, "decided"].sum()
    assert 0.5 < m["risk_auc"] < 1


def test_blocks_counted_later_give_the_counts_of_each_row_counted_at_once(monkeypatch):
    """Blocks wait to be counted (in passes of ``FOLD`` blocks, and when the counts are
    read): the counts are those of every row counted as it came, across a pass."""
    monkeypatch.setattr("sim.model.risk_auc.FOLD", 3)
    rng = np.random.default_rng(3)
    blocks, one = AucTally(["sea", "land"]), AucTally(["sea", "land"])
    for k in range(7):  # two passes of three blocks, one block left for the read
        port = ("sea", "land")[k % 2]
        n = int(rng.integers(1, 6))
        direction = rng.integers(0, 2, n)
        truth = None if k % 3 == 0 else rng.integers(0, 3, n)
        score = rng.normal(0, 2, n)
        blocks.add(port, direction, truth, score)
        for i in range(n):
            t = 0 if truth is None else int(truth[i])
            one.add_one(port, int(direction[i]), t, float(score[i]))
    assert blocks.counts == one.counts and sum(one.counts) > 7
    assert (blocks.table() == one.table()).all()
