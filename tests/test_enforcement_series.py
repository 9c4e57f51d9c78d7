"""What customs found and the hidden truth, week by week across replications
(enforcement-weekly.csv, sim.experiment.enforcement_series): sums by week, the week's rates
per replication, differences paired by replication, the file a run writes adding up to its
metrics, and every column explained."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.experiment.enforcement_series import FILE, compare_enforcement, summarise_enforcement

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _daily(rows: list[tuple[int, int, int, int]]) -> pd.DataFrame:
    """A daily series of one port's imports: (day, declarations, illicit, detected) rows,
    nothing inspected but the detected, nothing held or audited."""
    t = pd.DataFrame(rows, columns=["day", "declarations", "illicit", "detected"])
    return t.assign(port="sea", direction="import", audit_detected=0, inspected=t["detected"],
                    held=0)  # fmt: skip


def test_a_weeks_rates_are_each_replications_then_their_mean():
    """Replication 0 finds 1 of 2 illicit declarations in week 0 (over two days), replication
    1 finds 3 of 4: the week's detection rate is the mean of 0.5 and 0.75, not the pooled
    4 / 6; week 1 has one day."""
    one = _daily([(0, 10, 1, 1), (6, 10, 1, 0), (7, 5, 0, 0)])
    two = _daily([(2, 20, 4, 3), (7, 5, 1, 1)])
    out = summarise_enforcement({0: one, 1: two}).set_index("week")
    assert out.loc[0, "detection_rate"] == pytest.approx((0.5 + 0.75) / 2)
    assert out.loc[0, "illicit"] == pytest.approx(3.0)
    assert out.loc[0, "inspection_rate"] == pytest.approx((1 / 20 + 3 / 20) / 2)
    assert (out.loc[0, "days"], out.loc[1, "days"]) == (3, 1)
    assert out.loc[1, "detection_rate"] == pytest.approx(1.0)  # (replication 0's unknown)


def test_an_options_difference_is_paired_by_replication():
    base = {0: _daily([(0, 10, 2, 1)]), 1: _daily([(0, 100, 20, 10)])}
    more = {0: _daily([(0, 10, 2, 2)]), 1: _daily([(0, 100, 20, 11)])}
    out = compare_enforcement({"baseline": base, "more": more}, "baseline")
    mine = out[out["option"] == "more"].iloc[0]
    assert (mine["detected_diff"], mine["detected_diff_ci_low"]) == (1.0, 1.0)
    assert out.loc[out["option"] == "baseline", "detected_diff"].tolist() == [0.0]


def test_a_runs_weekly_series_adds_up_to_its_metrics(tmp_path):
    out = tmp_path / "r"
    argv = ["run", str(SMALL), "--days", "9", "--set", "warmup_days=1", "--reps", "2",
            "--out", str(out)]
    assert main(argv) == 0
    weekly = pd.read_csv(out / FILE)
    summary = json.loads((out / "summary.json").read_text())
    assert sorted(weekly["week"].unique()) == [0, 1]
    assert weekly.groupby("week")["days"].first().tolist() == [7, 2]
    assert weekly["declarations"].sum() == pytest.approx(
        summary["consignments_arrived"]["mean"])
    assert weekly["illicit"].sum() == pytest.approx(summary["illicit_declarations"]["mean"])


def test_every_column_of_the_weekly_series_is_explained():
    base = {0: _daily([(0, 10, 2, 1)]), 1: _daily([(0, 10, 2, 2)])}
    columns = compare_enforcement({"baseline": base, "x": base}, "baseline").columns
    stems = {re.sub(r"(_ci_low|_ci_high)$", "", c) for c in columns}
    text = (Path(__file__).parent.parent / "docs" / "how-results-are-computed.md").read_text()
    section = text.split("**The weekly enforcement series**")[1].split("\n\n**")[0]
    explained = {name for line in section.splitlines() if line.startswith("| `")
                 for name in re.findall(r"`([a-z_0-9]+)`", line.split("|")[1])}  # fmt: skip
    assert stems == explained
