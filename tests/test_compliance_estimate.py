"""Customs' own estimate of its non-compliance rate (sim/analysis/compliance.py): the
Horvitz-Thompson estimate from the physical exams' selections holds the hidden truth within
its interval where every exam finds what it inspects, and misses it low where exams miss."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from sim.analysis.compliance import (
    NotEstimable,
    _row,
    clopper_pearson,
    compliance_estimate,
    selection_probabilities,
)
from sim.cli import main as cli_main
from sim.compliance import main
from sim.experiment.runner import replicate
from sim.experiment.store import RunStore
from sim.model.run import simulate
from sim.scenario.loader import load_scenario
from tests.test_compare_checks import SMALL

SEEDS = range(1, 9)


def _scenario(detection: float, share: float = 0.1):
    """The small scenario with 3 % of its declarations illicit (frozen goods without their
    clearance), a ``share`` of every class selected for a physical exam."""
    return load_scenario(SMALL, {
        "days": 14,
        "enforcement.prevalence": {"frozen": 0.3},
        "enforcement.detection": {"exam": {"frozen": detection}},
        "selection.physical": {"*": {"*": share}},
    })  # fmt: skip


def _runs(detection: float, share: float = 0.1) -> pd.DataFrame:
    s = _scenario(detection, share)
    return pd.DataFrame([compliance_estimate(simulate(s, seed, log=True).log, s).loc["all"]
                         for seed in SEEDS])  # fmt: skip


def test_estimate_holds_the_truth_when_the_exam_finds_all_it_inspects():
    t = _runs(1.0)
    assert (t.inspected > 500).all() and (t.found > 5).all()
    # a 95 % interval: 6 or more of 8 hold the truth but with probability 0.6 %
    assert t.covered.sum() >= 6, t
    bias = (t.estimate - t.truth).mean()
    assert abs(bias) < 2.5 * t.se.mean() / np.sqrt(len(t)), t


def test_a_miss_looks_compliant_so_imperfect_detection_biases_the_estimate_low():
    t = _runs(0.4)
    assert t.covered.sum() <= 3, t
    assert (t.high < t.truth).sum() >= 5, t
    ratio = t.estimate.mean() / t.truth.mean()
    assert 0.25 < ratio < 0.6, ratio  # about the exam's detection, 0.4


def test_exams_unfinished_at_the_end_are_left_out_and_the_rest_weighted_up():
    """Three in ten selected: the exam yard cannot keep up, most exams are still waiting
    when the run ends; counted as compliant they would halve the estimate."""
    t = _runs(1.0, 0.3)
    assert (t.pending > 0.4 * t.inspected).all(), t
    assert t.covered.sum() >= 6, t
    assert abs((t.estimate - t.truth).mean()) < 2.5 * t.se.mean() / np.sqrt(len(t)), t


def test_the_tables_probabilities_are_what_the_run_selected_by():
    """The weights are right only if the run selects by the table's probabilities: over
    the small scenario's own tables (3 % of most classes, 80 % of discredited traders) the
    selections number what the probabilities add up to, within binomial noise, by class."""
    s = load_scenario(SMALL, {"days": 14})
    log = simulate(s, 1, log=True).log
    pop = log[log.cohort & log.assessed.notna()]
    pi = selection_probabilities(s, pop, "physical")
    for cls in ("general", "discredited"):
        rows = (pop.trader_class == cls).to_numpy()
        expected, sd = pi[rows].sum(), np.sqrt((pi[rows] * (1 - pi[rows])).sum())
        assert abs(pop.sel_physical[rows].sum() - expected) < 3 * sd, (cls, expected)


def test_horvitz_thompson_weights_and_variance_by_hand():
    sampled = np.array([True, True, False, True, False])
    y = np.array([True, False, False, True, False])
    pi = np.array([0.5, 0.5, 0.1, 0.25, 0.25])
    row = _row(sampled, y, y, pi, 0.95)
    assert row[:3] == (5.0, 3.0, 2.0)
    assert row[3] == pytest.approx((2 + 4) / 5)
    assert row[4] == pytest.approx(np.sqrt(0.5 / 0.25 + 0.75 / 0.0625) / 5)


def test_clopper_pearson_is_the_exact_binomial_interval_at_whole_counts():
    exact = stats.binomtest(7, 700).proportion_ci(0.95, method="exact")
    assert clopper_pearson(7 / 700, 700, 0.95) == pytest.approx((exact.low, exact.high))
    assert clopper_pearson(0.0, 100, 0.95)[0] == 0.0


def test_the_risk_engines_runs_and_a_timeline_are_refused():
    s = load_scenario("default", {"risk.enabled": True})
    with pytest.raises(NotEstimable, match=r"risk engine \(\[risk\]\).*risk.enabled=false"):
        selection_probabilities(s, pd.DataFrame(), "physical")
    with pytest.raises(NotEstimable, match="'china-2017' has a timeline"):
        selection_probabilities(load_scenario("china-2017"), pd.DataFrame(), "physical")


def test_a_results_folder_with_logs_is_summarised(tmp_path, capsys):
    folder = tmp_path / "r"
    # (3 days, no warm-up, a day's drain: what is read is the command's wording and that it
    # wants the logs, not the estimate)
    short = _scenario(1.0).model_copy(update={"days": 3, "warmup_days": 0, "drain_days": 1})
    replicate(short, reps=2, seed=1, log=True, store=RunStore(folder))
    assert cli_main(["compliance", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Non-compliance estimated from the physical selections" in out
    assert "A miss looks compliant" in out
    assert main([str(folder), "--check", "scan"]) == 0  # (python -m sim.compliance)
    assert "from the scan selections" in capsys.readouterr().out
    (folder / "reps" / "rep-0000-log.parquet").unlink()
    (folder / "reps" / "rep-0001-log.parquet").unlink()
    assert main([str(folder)]) == 2
    assert "no replication log" in capsys.readouterr().err


def test_bad_input_is_named(tmp_path, capsys):
    assert cli_main(["compliance", str(tmp_path)]) == 2
    assert f"{tmp_path}: no scenario.json; is it a results folder?" in capsys.readouterr().err
    assert cli_main(["compliance", str(tmp_path), "--level", "95"]) == 2
    assert "--level 95: give a level between 0 and 1, e.g. 0.95" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--check", "quarantine"])
    assert "invalid choice: 'quarantine'" in capsys.readouterr().err
    with pytest.raises(NotEstimable, match="'quarantine': the sample is one of document, scan"):
        selection_probabilities(_scenario(1.0), pd.DataFrame(), "quarantine")


def test_the_commands_samples_are_the_estimators():
    """The command's choices are written out (nothing heavy imported at start-up)."""
    from sim.analysis.compliance import SAMPLES
    from sim.cli_compliance import SAMPLES as OFFERED

    assert tuple(OFFERED) == tuple(SAMPLES)
