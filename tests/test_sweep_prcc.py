"""Screening a Latin-hypercube sweep: partial rank correlation coefficients (PRCC) with
Fisher intervals, Holm's verdict over the parameters, ``prcc.csv`` and the printed table."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import sim
from sim.analysis.prcc import halfwidth_at_zero, prcc
from sim.cli import main
from sim.experiment.sweep_prcc import noise_share, noise_warning, prcc_warning, sweep_prcc

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _inputs(n: int, seed: int = 1) -> tuple[pd.DataFrame, np.ndarray]:
    """Four inputs: ``a`` drives the output strongly and non-linearly (but monotonically),
    ``b`` against it, ``c`` weakly, ``d`` not at all; plus noise."""
    rng = np.random.default_rng(seed)
    x = pd.DataFrame(rng.random((n, 4)), columns=list("abcd"))
    y = np.exp(3 * x["a"]) - 2 * x["b"] + 0.3 * x["c"] + rng.normal(0, 0.5, n)
    return x, y.to_numpy()


def test_prcc_is_the_partial_correlation_of_the_ranks():
    """The same as the textbook formula from the inverse correlation matrix of the ranks."""
    x, y = _inputs(60)
    ranks = np.column_stack([stats.rankdata(x[c]) for c in x] + [stats.rankdata(y)])
    inv = np.linalg.inv(np.corrcoef(ranks.T))
    expected = [-inv[j, 4] / np.sqrt(inv[j, j] * inv[4, 4]) for j in range(4)]
    assert prcc(x, y)["prcc"].to_numpy() == pytest.approx(expected, abs=1e-12)


def test_a_driver_is_told_from_an_input_that_does_nothing():
    table = prcc(*_inputs(60))
    assert table.loc["a", "ci_low"] > 0.9 and table.loc["b", "ci_high"] < -0.5
    assert table.loc["d", "ci_low"] < 0 < table.loc["d", "ci_high"]
    assert table.loc["a", "p_value"] < 1e-10 and table.loc["d", "p_value"] > 0.05
    assert (table["n"] == 60).all()
    # the interval is Fisher's: z = atanh(r) +- 1.96 / sqrt(n - 3 - (k - 1))
    r = table.loc["c", "prcc"]
    half = stats.norm.ppf(0.975) / np.sqrt(60 - 3 - 3)
    assert table.loc["c", "ci_low"] == pytest.approx(np.tanh(np.arctanh(r) - half))


def test_too_few_points_give_no_interval_and_a_flat_input_no_prcc():
    x, y = _inputs(6)  # 4 inputs need 7 points for an interval
    table = prcc(x, y)
    assert table["prcc"].notna().all() and table["ci_low"].isna().all()
    assert prcc(x.iloc[:5], y[:5])["prcc"].isna().all()  # (k + 1 points: always ±1)
    x, y = _inputs(30)
    x["d"] = 0.5
    assert np.isnan(prcc(x, y).loc["d", "prcc"])
    assert prcc(x, np.where(np.arange(30) < 3, np.nan, y))["n"].iloc[0] == 27


def test_how_many_points_the_design_needs_is_said():
    assert halfwidth_at_zero(8, 6) != halfwidth_at_zero(8, 6)  # (NaN: n < k + 3)
    assert halfwidth_at_zero(102, 6) == pytest.approx(np.tanh(1.959964 / np.sqrt(94)), abs=1e-6)
    assert prcc_warning(200, 6) is None
    assert "cannot give PRCC intervals over 6 parameters (that needs 9" in str(
        prcc_warning(8, 6)
    )
    told = str(prcc_warning(16, 6))
    assert "±0.60 cannot be told from 0" in told and "--lhs 102 to ±0.2" in told
    assert halfwidth_at_zero(102, 6) <= 0.2 < halfwidth_at_zero(101, 6)


def test_a_sweep_is_screened_on_its_points_means_with_values_as_numbers():
    """Each point's mean over its replications; a time's values (with their unit) and a
    rate's as numbers; Holm's verdict over the parameters of each metric."""
    x, y = _inputs(40)
    rows = pd.DataFrame({
        "point": np.repeat(np.arange(40), 2),
        "a": [f"{v * 60:g} min" for v in np.repeat(x["a"], 2)],
        "b": [f"{v:g}/h" for v in np.repeat(x["b"], 2)],
        "c": np.repeat(x["c"], 2), "d": np.repeat(x["d"], 2),
        "replication": np.tile([0, 1], 40),
        "m": np.repeat(y, 2) + np.tile([-1.0, 1.0], 40),  # (the mean is y)
    })  # fmt: skip
    table = sweep_prcc(rows, ["m"]).set_index("parameter")
    expected = prcc(x, y)
    assert table["prcc"].to_numpy() == pytest.approx(expected["prcc"].to_numpy(), abs=1e-5)
    assert table.loc["a", "significant"] and not table.loc["d", "significant"]
    assert list(sweep_prcc(rows, ["m"]).columns) == [
        "metric", "parameter", "prcc", "ci_low", "ci_high", "p_value", "significant", "n",
        "noise_share"]
    # replication 0 is 1 below each point's mean and replication 1 is 1 above it at every
    # point: a shift both share, which moves no rank, so no noise
    assert table["noise_share"].iloc[0] == pytest.approx(0, abs=1e-12)
    with pytest.raises(ValueError, match="no metric nope"):
        sweep_prcc(rows, ["nope"])
    assert sim.sweep_prcc is sweep_prcc


def _noisy_sweep(common: float, own: float, reps: int = 4) -> pd.DataFrame:
    """A sweep of 30 points whose metric is the point's value plus a replication's shift
    shared by every point (``common``) and noise of its own (``own``)."""
    rng = np.random.default_rng(3)
    x = rng.random(30)
    shift = rng.normal(0, common, reps)
    return pd.DataFrame([
        {"point": p, "x": x[p], "replication": r, "m": x[p] + shift[r] + rng.normal(0, own)}
        for p in range(30) for r in range(reps)
    ])  # fmt: skip


def test_noise_that_every_point_shares_moves_no_rank_and_is_not_counted():
    """A replication's shift common to every point (its busy month) leaves the ranks of
    the points' means alone; only each point's own noise blurs the PRCC."""
    assert noise_share(_noisy_sweep(common=5.0, own=0.0), "m") == pytest.approx(0, abs=1e-9)
    quiet = noise_share(_noisy_sweep(common=0.0, own=0.05), "m")
    loud = noise_share(_noisy_sweep(common=0.0, own=0.5), "m")
    # var(x) = 1/12; a point's mean has noise variance own**2 / 4
    assert quiet < 0.02 and 0.3 < loud < 1.2
    assert noise_warning(_noisy_sweep(5.0, 0.05), ["m"]) is None
    assert "(m all)" in str(noise_warning(_noisy_sweep(0.0, 2.0), ["m"]))
    assert "raise --reps or --days" in str(noise_warning(_noisy_sweep(0.0, 0.5), ["m"]))
    assert "cannot be measured" in str(noise_warning(_noisy_sweep(0.0, 0.5, reps=1), ["m"]))


def test_cli_lhs_prints_and_writes_each_parameters_prcc(tmp_path, capsys):
    out = tmp_path / "l"
    argv = ["sweep", str(SMALL), "--days", "1", "--lhs", "6", "--reps", "1",
            "--range", "ports.sea.review.capacity=1:4",
            "--range", "ports.sea.document_check.service.mean=20:60 min",
            "--metric", "clearance_h_mean,consignments_seized", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    printed = capsys.readouterr()
    assert "partial rank correlation (PRCC) over the 6 points' means" in printed.out
    table = printed.out.split("partial rank correlation")[1]
    assert "clearance_h_mean" in table and "consignments_seized" in table
    assert "ports.sea.document_check.service.mean" in table
    assert "with 6 points and 2 parameters a PRCC between ±" in printed.err
    assert "with one replication per point the simulation noise" in printed.err
    screened = pd.read_csv(out / "prcc.csv")
    assert {"overall_clearance_h_mean", "clearance_h_mean", "consignments_seized"} <= set(
        screened["metric"]
    )
    assert len(screened) == 2 * screened["metric"].nunique()
    assert screened["prcc"].dropna().between(-1, 1).all()
    clearance = screened[screened["metric"] == "clearance_h_mean"]
    assert clearance["prcc"].notna().all() and (clearance["n"] == 6).all()
    # with --json: stdout stays JSON, prcc.csv is written all the same
    assert main([*argv[:-1], str(tmp_path / "j"), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 6
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "j" / "prcc.csv"), screened)


def test_cli_sobol_takes_one_metric_and_says_how_to_have_another(tmp_path, capsys):
    argv = ["sweep", str(SMALL), "--sobol", "2", "--range", "ports.sea.review.capacity=1:4",
            "--metric", "clearance_h_mean,overall_clearance_h_mean",
            "--out", str(tmp_path / "s")]  # fmt: skip
    assert main(argv) == 2
    assert "--sobol takes one metric; give the others one by one" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


def test_cli_lhs_refuses_an_unknown_metric_before_running(tmp_path, capsys):
    argv = ["sweep", str(SMALL), "--days", "1", "--lhs", "6", "--reps", "1",
            "--range", "ports.sea.review.capacity=1:4", "--metric", "clearance_h_maen",
            "--out", str(tmp_path / "l")]  # fmt: skip
    assert main(argv) == 2
    assert "did you mean 'clearance_h_mean'" in capsys.readouterr().err
    assert not (tmp_path / "l").exists()
