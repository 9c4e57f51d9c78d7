"""``compare --no-gains``: no consignment logs kept and no who gains, so memory stays flat
however long the run; the same figures otherwise. A comparison resumed with who gains runs
again (with the same results) the replications kept without their logs, so that every
replication counts in it."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
ARGV = ["compare", str(SMALL), "--days", "2", "--reforms", "flexible_staffing"]


def test_no_gains_keeps_no_logs_and_the_same_figures(tmp_path, capsys):
    off, on = tmp_path / "off", tmp_path / "on"
    assert main([*ARGV, "--reps", "2", "--no-gains", "--out", str(off)]) == 0
    assert main([*ARGV, "--reps", "2", "--no-report", "--out", str(on)]) == 0
    capsys.readouterr()
    assert not list(off.glob("options/*/reps/*-log.parquet"))
    assert list(on.glob("options/*/reps/*-log.parquet"))
    assert pd.read_csv(off / "gains.csv").empty
    assert "<h2>Who gains and who loses</h2>" not in (off / "report.html").read_text()
    same = ["option", "replication", "clearance_h_mean", "overall_clearance_h_mean"]
    a, b = (pd.read_csv(f / "replications.csv") for f in (off, on))
    pd.testing.assert_frame_equal(a[same], b[same])


def test_resuming_with_gains_runs_again_the_replications_without_logs(tmp_path, capsys):
    out = tmp_path / "c"
    assert main([*ARGV, "--reps", "2", "--no-gains", "--no-report", "--out", str(out)]) == 0
    before = pd.read_csv(out / "replications.csv")
    capsys.readouterr()
    assert main([*ARGV, "--reps", "3", "--no-report", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "replication 0 of 'baseline' was run without its log (--no-gains)" in err, err
    gains = pd.read_csv(out / "gains.csv")
    assert set(gains["reps"]) == {3}  # (every replication counts in who gains)
    after = pd.read_csv(out / "replications.csv")
    key = ["option", "replication"]
    merged = before.merge(after, on=key, suffixes=("", "_again"))
    assert len(merged) == 4 and (merged["clearance_h_mean"] == merged["clearance_h_mean_again"]
                                 ).all()  # fmt: skip
    assert json.loads((out / "compare.json").read_text())["reps"] == 3
