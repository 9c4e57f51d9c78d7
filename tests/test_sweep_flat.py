"""A sweep whose points differ in nothing says so in one line (sim.experiment.sweep_flat):
one scenario at every point, or the same figures in every replication, over the whole sweep
or along one field of a grid."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from sim.cli import main
from sim.cli_lang import line
from sim.experiment.sweep_flat import FIXED, flat_notes

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
SHORT = ["--reps", "1", "--days", "1", "--set", "warmup_days=0", "--set", "drain_days=0"]


def _grid(m: list[float]) -> pd.DataFrame:
    """A 2 x 2 grid of fields a and b, two replications a point, one metric ``m`` by
    point (the same in both replications)."""
    return pd.DataFrame({"point": [p for p in range(4) for _ in range(2)],
                         "a": [1, 1, 2, 2, 1, 1, 2, 2], "b": [5, 5, 5, 5, 6, 6, 6, 6],
                         "replication": [0, 1] * 4,
                         "m": [v for v in m for _ in range(2)]})


def test_every_point_alike_is_one_line_of_its_kind():
    rows = _grid([1.0, 1.0, 1.0, 1.0])
    assert flat_notes(rows, ["a", "b"], ["h"] * 4) == [
        "the sweep's points are one scenario: the swept values of a, b change nothing in it "
        "once loaded: the points' figures are one run's, flat by construction, not a measured "
        "response"]
    same = flat_notes(rows, ["a", "b"], ["w", "x", "y", "z"])
    assert len(same) == 1 and same[0].startswith(
        "the sweep's points have the same figures to the last digit in every replication: "
        "what the swept values of a, b change acted on nothing")
    assert flat_notes(_grid([1.0, 2.0, 3.0, 4.0]), ["a", "b"], ["w", "x", "y", "z"]) == []


def test_a_field_along_which_the_points_are_alike_is_named():
    """Along a (b fixed) the figures do not move; along b they do: only a is named."""
    notes = flat_notes(_grid([1.0, 1.0, 2.0, 2.0]), ["a", "b"], ["w", "x", "y", "z"])
    assert len(notes) == 1 and f"the swept values of a{FIXED} change acted" in notes[0]
    # one replication differing at a point where b is 6: a moves there, not where b is 5
    rows = _grid([1.0, 1.0, 2.0, 2.0])
    rows.loc[7, "m"] = 2.5
    notes = flat_notes(rows, ["a", "b"], ["w", "x", "y", "z"])
    assert len(notes) == 1 and "the swept values of a (at b=5) change acted" in notes[0]
    assert "此为 b=5 时沿 a 的各点" in line(f"note: {notes[0]}", "zh")
    rows.loc[1, "m"] = 0.5  # (and where b is 5)
    assert flat_notes(rows, ["a", "b"], ["w", "x", "y", "z"]) == []
    # a field another note already calls idle is left to it
    assert flat_notes(_grid([1.0] * 4), ["a", "b"], None, said=["a", "b"]) == []


def test_the_command_line_says_so_in_english_and_chinese(tmp_path, capsys):
    """30 min and 0.5 h load one scenario; a description changes the scenario but no
    figure (points whose figures differ get no note: the tests above)."""
    argv = ["sweep", str(SMALL), "--param", "ports.sea.document_check.service.mean=30 min,0.5 h",
            *SHORT]
    assert main([*argv, "--out", str(tmp_path / "a")]) == 0
    err = capsys.readouterr().err
    assert ("note: the sweep's points are one scenario: the swept values of "
            "ports.sea.document_check.service.mean change nothing") in err
    records = json.loads((tmp_path / "a" / "warning-records.json").read_text())["records"]
    assert [r["fields"]["key"] for r in records if r["code"] == "sweep_same_scenario"] == [
        "ports.sea.document_check.service.mean"]
    argv = ["sweep", str(SMALL), "--param", 'description="x","y"', *SHORT, "--lang", "zh"]
    assert main([*argv, "--out", str(tmp_path / "b")]) == 0
    err = capsys.readouterr().err
    assert "各扫描点的数据在每次重复运行中都完全相同" in err and "description 的扫描取值" in err
