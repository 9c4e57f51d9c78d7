"""``bordersim paper-table`` of a sweep's folder: a row per point with its swept value, each
outcome's mean and interval the folder's own (intervals.csv), under each later point its
paired change from point 0 (differences.csv); the options a comparison alone has refused."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
FIELD = "ports.sea.document_check.capacity"
_NUMBER = re.compile(r"-?[0-9][0-9.,]*")


@pytest.fixture(scope="module")
def sweep(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two points of small.toml (one and two document officers), two replications of a day."""
    out = tmp_path_factory.mktemp("paper-sweep") / "s"
    argv = ["sweep", str(SMALL), "--param", f"{FIELD}=1,2", "--reps", "2", "--days", "1",
            "--out", str(out)]
    assert main(argv) == 0
    return out


def _figures(cell: str) -> list[float]:
    return [float(x.replace(",", "")) for x in _NUMBER.findall(cell.replace("\u2021", ""))]


def _near(shown: float, exact: float) -> bool:
    return abs(shown - exact) <= 0.006 * max(1.0, abs(exact))


def test_a_sweeps_table_has_a_row_per_point_and_its_paired_change(
    sweep: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    metric = "clearance_h_mean"
    assert main(["paper-table", str(sweep), "--metric", metric]) == 0
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if ln.startswith("| ")]
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    assert head == ["point", FIELD, "Clearance, mean (h)"]
    rows = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines[1:]]
    assert [r[0] for r in rows] == ["0", "1", "&nbsp;&nbsp;change vs point 0"]
    assert [r[1] for r in rows] == ["1", "2", ""]
    levels = pd.read_csv(sweep / "intervals.csv").set_index(["point", "metric"])
    for point in (0, 1):
        mean = _figures(rows[point][2])[0]
        assert _near(mean, float(levels.at[(point, metric), "mean"]))
        high = _figures(rows[point][2])[2]
        assert _near(high, float(levels.at[(point, metric), "ci_high"]))
    change = pd.read_csv(sweep / "differences.csv").set_index(["point", "metric"])
    got = _figures(rows[2][2])
    want = [float(change.at[(1, metric), c]) for c in ("mean", "ci_low", "ci_high")]
    assert all(map(_near, got, want)), (got, want)
    assert "over 2 replications, 1 day observed after 7 days of warm-up" in out
    # the scenario by its name, not by where its file lay on the machine that ran the sweep
    (caption,) = [ln for ln in out.splitlines() if ln.startswith("Table: ")]
    assert caption.startswith("Table: Scenario small, 2 points") and str(SMALL) not in caption
    assert "Made by: `bordersim sweep " in out and f"bordersim reproduce {sweep.name}" in out
    assert "Only 2 replications per figure" in out


def test_a_sweeps_table_in_latex_and_what_a_sweep_has_not(
    sweep: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tex = tmp_path / "s.tex"
    argv = ["paper-table", str(sweep), "--format", "latex", "--raw-names", "--define",
            "--out", str(tex)]
    assert main(argv) == 0
    text = tex.read_text(encoding="utf-8")
    assert r"\quad change vs point 0 & " in text and r"clearance\_h\_mean (hours)" in text
    assert r"clearance\_h\_mean: Mean clearance time" in text
    assert main(["paper-table", str(sweep), "--methods"]) == 2
    assert "a sweep's folder has no options" in capsys.readouterr().err
    assert main(["paper-table", str(sweep), "--metric", "nothing_here"]) == 2
    assert "intervals.csv: no metric nothing_here" in capsys.readouterr().err


def test_a_sampled_designs_table_has_no_change_from_point_0(
    sweep: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An --lhs or --sobol design's point 0 is a sample like the others, not a baseline:
    no change rows, and the caption says why (the folder's command says how it sampled)."""
    import json
    import shutil

    sampled = tmp_path / "lhs"
    shutil.copytree(sweep, sampled)
    meta = json.loads((sampled / "meta.json").read_text(encoding="utf-8"))
    meta["command"] += ["--lhs=2"]
    (sampled / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert main(["paper-table", str(sampled), "--metric", "clearance_h_mean"]) == 0
    out = capsys.readouterr().out
    assert "change vs" not in out and "not a baseline, so no change from it" in out
    assert len([ln for ln in out.splitlines() if ln.startswith("| ")]) == 3
