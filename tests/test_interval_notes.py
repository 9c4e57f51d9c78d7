"""A results folder says once how its intervals were made (``intervals`` in a run's and a
sweep's ``meta.json``, a comparison's ``compare.json``): the files' ``ci_low`` and
``ci_high`` do not. The note is held to the files: the level and method it states give
back a run's interval, and a comparison's paired difference, from the replications."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from scipy import stats

from sim.cli import main
from tests.test_compare_checks import SMALL

METRIC = "clearance_h_mean"


def _interval(values: pd.Series, level: float) -> tuple[float, float]:
    """The Student-t interval of the mean of ``values`` at ``level``, as the note says."""
    n = len(values)
    half = stats.t.ppf((1 + level) / 2, n - 1) * values.std(ddof=1) / math.sqrt(n)
    return values.mean() - half, values.mean() + half


def _row(table: Path, **where: str) -> pd.Series:
    frame = pd.read_csv(table)
    for column, value in where.items():
        frame = frame[frame[column] == value]
    assert len(frame) == 1
    return frame.iloc[0]


def test_a_runs_note_gives_back_its_intervals(tmp_path: Path) -> None:
    out = tmp_path / "run"
    assert main(["run", str(SMALL), "--days", "1", "--reps", "2", "--out", str(out)]) == 0
    note = json.loads((out / "meta.json").read_text())["intervals"]
    assert "Student-t" in note["levels"] and "replications" in note["levels"]
    reps = pd.read_csv(out / "replications.csv")[METRIC]
    row = _row(out / "summary.csv", metric=METRIC)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(_interval(reps, note["level"]))


def test_a_comparisons_note_gives_back_its_paired_differences(tmp_path: Path) -> None:
    out = tmp_path / "compare"
    assert main(["compare", str(SMALL), "--days", "1", "--reps", "2", "--option",
                 "fast:ports.sea.exam.teams.capacity=8", "--no-report", "--no-gains",
                 "--out", str(out)]) == 0
    note = json.loads((out / "compare.json").read_text())["intervals"]
    assert "paired" in note["differences"] and "Holm" in note["significant"]
    assert "options" in note["significant"]
    m = pd.read_csv(out / "metrics.csv")
    m = m[m["metric"] == METRIC].pivot_table(index="replication", columns="option",
                                              values="value")
    row = _row(out / "differences.csv", option="fast", metric=METRIC)
    paired = _interval(m["fast"] - m["baseline"], note["level"])
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(paired)
