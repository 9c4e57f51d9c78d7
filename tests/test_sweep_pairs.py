"""A sweep's points against point 0, paired by replication: ``differences.csv``,
``sim.sweep_differences``, the printed table and ``--json`` (sim.experiment.sweep_pairs)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.analysis.stats import confidence_interval, resolution
from sim.cli import main
from sim.experiment.sweep_pairs import point_differences

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
CAP = "ports.sea.review.capacity"


def _rows(**metrics: list[float]) -> pd.DataFrame:
    """Two points of three replications each, swept over ``x``."""
    return pd.DataFrame({"point": [0, 0, 0, 1, 1, 1], "x": [1, 1, 1, 2, 2, 2],
                         "replication": [0, 1, 2, 0, 1, 2], **metrics})  # fmt: skip


def test_a_difference_is_the_t_interval_of_the_replications_own_differences():
    """Replication r of each point has the same seed: the interval is that of the three
    per-replication differences (checked by hand), far narrower than the levels'."""
    rows = _rows(clearance_h_mean=[5.0, 9.0, 7.0, 4.0, 8.5, 6.2])
    row = point_differences(rows, ["x"]).set_index("metric").loc["clearance_h_mean"]
    mean, low, high = confidence_interval(np.array([-1.0, -0.5, -0.8]))
    assert (row["mean"], row["ci_low"], row["ci_high"]) == pytest.approx((mean, low, high))
    assert row["point"] == 1 and row["x"] == 2 and row["n"] == 3
    assert high < 0 and row["p_value"] < 0.05 and row["significant"]
    _, level_low, level_high = confidence_interval(np.array([4.0, 8.5, 6.2]))
    assert level_high - level_low > 5 * (high - low)


def test_a_quantiles_difference_is_never_narrower_than_the_histograms_resolution():
    """The same p90 shift in every replication gives a zero spread; the quantiles are known
    only to their resolution, so the interval is widened to that of the two quantiles (as a
    comparison's): not a certainty no run has. A mean's keeps its zero width."""
    p90 = [5.0, 9.0, 7.0, 5.01, 9.01, 7.01]
    rows = _rows(clearance_h_p90=p90, clearance_h_mean=p90)
    t = point_differences(rows, ["x"]).set_index("metric")
    half = resolution(7.0 + 7.01)
    q = t.loc["clearance_h_p90"]
    assert q["mean"] == pytest.approx(0.01)
    assert (q["ci_low"], q["ci_high"]) == pytest.approx((0.01 - half, 0.01 + half))
    assert q["ci_low"] < 0 and not q["significant"]  # (0.01 h is within the resolution)
    m = t.loc["clearance_h_mean"]
    assert m["ci_high"] - m["ci_low"] == pytest.approx(0, abs=1e-12) and m["significant"]


def test_float_rounding_is_exactly_zero_and_a_missing_reference_is_named():
    rows = _rows(cost=[1e6, 2e6, 3e6, 1e6 + 1e-6, 2e6, 3e6 - 1e-6])
    row = point_differences(rows, ["x"]).iloc[0]
    assert (row["mean"], row["ci_low"], row["ci_high"], row["p_value"]) == (0, 0, 0, 1)
    with pytest.raises(ValueError, match="reference point 5 is not a point"):
        point_differences(rows, ["x"], reference=5)


@pytest.fixture(scope="module")
def cli_sweep(tmp_path_factory):
    out = tmp_path_factory.mktemp("pairs") / "s"
    argv = ["sweep", str(SMALL), "--days", "1", "--param", f"{CAP}=1,3", "--reps", "2",
            "--out", str(out)]  # fmt: skip
    return out, argv


def test_the_folder_holds_each_points_paired_difference_from_point_0(cli_sweep, capsys):
    """differences.csv is what sim.sweep_differences gives from sweep.csv, and is printed
    after the means for the key metrics."""
    out, argv = cli_sweep
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "difference from point 0, paired by replication" in printed, printed
    rows = pd.read_csv(out / "sweep.csv")
    table = pd.read_csv(out / "differences.csv")
    expected = sim.sweep_differences(rows)
    assert list(table.columns) == ["point", CAP, "metric", "mean", "ci_low", "ci_high", "n",
                                   "p_value", "significant"]  # fmt: skip
    assert table["point"].unique().tolist() == [1]
    pd.testing.assert_frame_equal(table, expected.reset_index(drop=True), check_dtype=False)
    row = table.set_index("metric").loc["clearance_h_mean"]
    by_rep = rows.pivot(index="replication", columns="point", values="clearance_h_mean")
    mean, low, high = confidence_interval((by_rep[1] - by_rep[0]).to_numpy())
    assert (row["mean"], row["ci_low"], row["ci_high"]) == pytest.approx((mean, low, high))
    line = next(x for x in printed.splitlines() if x.startswith("1 ") and "[" in x)
    assert f"[{low:.3g}, {high:.3g}]" in line, printed


def test_json_gives_each_points_differences(cli_sweep, capsys, tmp_path):
    out, argv = cli_sweep
    assert main([*argv[:-1], str(tmp_path / "j"), "--json"]) == 0
    points = json.loads(capsys.readouterr().out)
    assert points[0]["differences"] == {}
    got = points[1]["differences"]["clearance_h_mean"]
    table = pd.read_csv(tmp_path / "j" / "differences.csv").set_index("metric")
    want = table.loc["clearance_h_mean"]
    assert [got[k] for k in ("mean", "ci_low", "ci_high", "p_value")] == pytest.approx(
        [want[k] for k in ("mean", "ci_low", "ci_high", "p_value")]
    )
    assert got["significant"] == bool(want["significant"])


def test_a_latin_hypercube_prints_no_differences_from_its_first_sample(tmp_path, capsys):
    """A sampled point 0 is no baseline: the table is not printed (the file is written)."""
    argv = ["sweep", str(SMALL), "--days", "1", "--lhs", "2", "--range", f"{CAP}=1:3",
            "--reps", "1", "--out", str(tmp_path / "l")]  # fmt: skip
    assert main(argv) == 0
    assert "difference from point 0" not in capsys.readouterr().out
    assert (tmp_path / "l" / "differences.csv").is_file()


def test_a_two_point_sweep_differs_as_a_comparison_of_one_option_does():
    """The same seeds, the same pairing, the same intervals: point 1 against point 0 is
    what `compare` gives its one option against the baseline, to the last bit."""
    from sim.experiment.compare import Option

    base = sim.load_scenario(SMALL, {"days": 2, CAP: 1})
    rows = sim.sweep(base, {CAP: [1, 3]}, 3, seed=4)
    swept = sim.sweep_differences(rows).set_index("metric")
    res = sim.compare(base, [Option("three", {CAP: 3})], 3, seed=4, log=False, report=False)
    compared = res.differences[res.differences["option"] == "three"].set_index("metric")
    common = swept.index.intersection(compared.index)
    assert len(common) > 100 and "clearance_h_p90" in common  # (quantiles among them)
    cols = ["mean", "ci_low", "ci_high", "p_value", "significant"]
    pd.testing.assert_frame_equal(swept.loc[common, cols].astype(float),
                                  compared.loc[common, cols].astype(float))  # fmt: skip
    assert swept.loc["clearance_h_mean", "ci_high"] < 0  # (a third officer: faster)
