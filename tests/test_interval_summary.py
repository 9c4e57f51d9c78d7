"""The milestone intervals across replications (``milestone-intervals.csv``): each stretch and
group's mean over the replications with its 95 % Student-t interval, as summary.json gives the
metrics'; quantiles' intervals never narrower than the histogram's resolution."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.analysis.stats import confidence_interval, resolution
from sim.cli import main
from sim.experiment.interval_summary import FILE, KEYS, summarise_intervals

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _rep(values: dict[str, float], group: str = "all") -> pd.DataFrame:
    row = {"interval": "scan", "kind": "to_release", "from": "scan_start", "to": "scan_end",
           "owner": "customs", "dimension": "all", "group": group, "consignments": 10,
           "n": 4, "whole_mean_h": 1.0, **values}  # fmt: skip
    return pd.DataFrame([row])


def test_means_and_intervals_by_row():
    reps = [{"mean_h": m, "median_h": 2.0, "p90_h": p, "per_consignment_h": m / 2}
            for m, p in ((1.0, 3.0), (2.0, 3.5), (4.0, 5.0))]  # fmt: skip
    frames = [_rep(v) for v in reps] + [_rep(reps[0], group="sea/import")]
    table = summarise_intervals(frames)
    assert list(table.columns[: len(KEYS)]) == KEYS
    out = table.set_index("group")
    assert out.loc["all", "reps"] == 3 and out.loc["sea/import", "reps"] == 1
    for col in ("mean_h", "p90_h", "per_consignment_h"):
        mean, low, high = confidence_interval([r[col] for r in reps])
        got = out.loc["all"]
        assert got[col] == pytest.approx(mean)
        assert (got[f"{col}_ci_low"], got[f"{col}_ci_high"]) == pytest.approx((low, high))
    # every replication's median in one bin: the interval is the histogram's resolution
    got = out.loc["all"]
    half = resolution(2.0)
    assert (got["median_h_ci_low"], got["median_h_ci_high"]) == pytest.approx((2 - half, 2 + half))
    assert np.isnan(out.loc["sea/import", "mean_h_ci_low"])  # (one replication: no interval)


def test_a_run_folder_holds_them(tmp_path):
    out = tmp_path / "run"
    assert main(["run", str(SMALL), "--days", "2", "--reps", "3", "--out", str(out)]) == 0
    table = pd.read_csv(out / FILE)
    reps = [pd.read_csv(out / "reps" / f"rep-{r:04d}-intervals.csv") for r in range(3)]
    row = table[(table.interval == "clearance") & (table.group == "sea/import")].iloc[0]
    values = [float(t[(t.interval == "clearance") & (t.group == "sea/import")].mean_h.iloc[0])
              for t in reps]  # fmt: skip
    mean, low, high = confidence_interval(values)
    assert row["reps"] == 3
    assert (row["mean_h"], row["mean_h_ci_low"], row["mean_h_ci_high"]) == pytest.approx(
        (mean, low, high), rel=1e-12
    )
    # the stretches to release still add up to clearance, on the means over replications
    group = table[(table.dimension == "port_direction") & (table.group == "sea/import")]
    adds = group[group.kind == "to_release"].per_consignment_h.sum()
    assert adds == pytest.approx(float(group[group.interval == "clearance"].mean_h.iloc[0]))
    assert {"all", "direction", "port_direction", "port_direction_class"} == set(table.dimension)


def test_a_comparison_holds_each_options(tmp_path):
    out = tmp_path / "cmp"
    argv = ["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4",
            "--days", "1", "--reps", "2", "--no-report", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    table = pd.read_csv(out / FILE)
    assert table.columns[0] == "option" and set(table.option) == {"baseline", "review4"}
    assert (table.reps == 2).any()
