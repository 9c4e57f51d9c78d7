"""operating-curve's printed lines where a point has one replication: its differences have
no interval, said in words (the window's note gives the reason), not ``[+nan, +nan]``."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from sim.cli_operating_curve import _lines, _worth_lines


def _point(n: int, low: float, high: float) -> dict[str, float]:
    return {"point": n, "ai_auc": 0.9, "ai_share": 0.7, "ai_clear": 0.5, "ai_miss": 0.035,
            "officers_read": 0.65, "on_frontier": True, "unstable": False,
            "clearance_h_mean_port_sea_import": 14.5,
            "clearance_h_mean_port_sea_import_diff": -0.0166,
            "clearance_h_mean_port_sea_import_low": low,
            "clearance_h_mean_port_sea_import_high": high}


def test_a_difference_without_an_interval_says_so():
    nan = math.nan
    table = pd.DataFrame([_point(0, 0.0, 0.0), _point(1, nan, nan), _point(2, -0.03, -0.002)])
    lines = _lines(table, ["clearance_h_mean_port_sea_import"], "sea")
    assert not any("nan" in line for line in lines), lines
    assert lines[3].split() == ["clearance_h_mean_import", "14.5", "-0.0166", "[no", "interval]"]
    assert lines[5].split()[-2:] == ["[-0.03,", "-0.002]"]
    worth = pd.DataFrame([{"ai_share": 0.7, "ai_clear": 0.5, "miss_low": 0.117,
                           "miss_high": 0.035, "clear_same_miss": 0.733,
                           "clearance_h_mean_port_sea_import_diff": 0.0,
                           "clearance_h_mean_port_sea_import_low": nan,
                           "clearance_h_mean_port_sea_import_high": nan,
                           "clearance_h_mean_port_sea_import_reps_to_tell": nan}])
    said = _worth_lines(worth, ["clearance_h_mean_port_sea_import"], "sea")
    assert said[1].split() == ["clearance_h_mean_import", "+0", "[no", "interval]"]


def test_values_that_make_only_the_scenarios_own_point_say_so(tmp_path, capsys):
    from sim.cli import main

    small = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")
    argv = ["operating-curve", small, "--port", "sea", "--reps", "2", "--days", "1",
            "--set", "warmup_days=1", "--set", "drain_days=1"]
    assert main([*argv, "--clear", "0.5", "--out", str(tmp_path / "own")]) == 0
    said = capsys.readouterr()
    assert "sea: 1 operating point(s)" in said.out
    assert "the values given make only the scenario's own point (point 0)" in said.err
    assert main([*argv, "--clear", "0.5,0.9", "--out", str(tmp_path / "two")]) == 0
    assert "scenario's own point (point 0), so no" not in capsys.readouterr().err
