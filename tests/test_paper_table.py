"""``bordersim paper-table``: a finished comparison's figures as one Markdown or LaTeX table
whose every figure is the folder's own (summary.csv, differences.csv), LaTeX's special
characters escaped, the command that made the folder given; an unfinished folder refused as
the report refuses it."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from sim.cli import main
from sim.report.paper_render import escape
from sim.report.paper_table import CHANGE, DEFAULT_METRICS

_CELL = re.compile(r"^(-?[0-9.,]+)\*? \[(-?[0-9.,]+)\S*, (-?[0-9.,]+)\S*\]$")


@pytest.fixture(scope="module")
def folder(doc1_compare: Path) -> Path:
    """The shared comparison of small.toml against one document officer (conftest.py)."""
    return doc1_compare


def _rows(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """A long table's rows by (metric, option)."""
    return {(str(r["metric"]), str(r["option"])): {str(k): v for k, v in r.items()}
            for r in pd.read_csv(path).to_dict("records")}


def _figures(cell: str) -> tuple[float, float, float] | None:
    found = _CELL.match(cell.replace("\u2021", ""))
    if found is None:  # (an interval of no width, said in words)
        return None
    return tuple(float(g.replace(",", "")) for g in found.groups())  # type: ignore[return-value]


def _near(shown: float, exact: float) -> bool:
    return abs(shown - exact) <= 0.006 * max(1.0, abs(exact))  # (rounded as the report does)


def test_each_cell_is_the_folders_mean_and_interval(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["paper-table", str(folder), "--raw-names"]) == 0
    out = capsys.readouterr()
    lines = [ln for ln in out.out.splitlines() if ln.startswith("| ")]
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    assert head == ["metric", "baseline", "doc1"]
    summary, diffs = _rows(folder / "summary.csv"), _rows(folder / "differences.csv")
    checked, metric = 0, ""
    for line in lines[1:]:
        label, *cells = [c.strip() for c in line.strip("|").split("|")]
        is_change = CHANGE in label
        metric = metric if is_change else label.split(" (")[0]
        table = diffs if is_change else summary
        for option, cell in zip(head[1:], cells, strict=True):
            if is_change and option == "baseline":
                assert cell == ""
                continue
            got = _figures(cell)
            row = table[(metric, option)]
            if got is None:
                assert row["ci_low"] == pytest.approx(row["ci_high"])
                continue
            want = (float(row["mean"]), float(row["shown_low"]), float(row["shown_high"]))
            assert all(map(_near, got, want)), (metric, option, cell, want)
            checked += 1
    shown = [m for m in DEFAULT_METRICS if (m, "baseline") in summary]
    assert [ln.split("|")[1].strip().split(" (")[0] for ln in lines[1::2]] == shown
    assert checked >= 10
    assert "agency_cost_per_consignment" in out.err  # (a small scenario has no costs)
    assert "over 2 replications per option, 1 day observed after 7 days of warm-up" in out.out
    meta = json.loads((folder / "compare.json").read_text(encoding="utf-8"))
    words = list(meta["command"])  # (made with --out PATH: the path is left out)
    out_at = words.index("--out") + 1
    assert (folder / meta["history"][-1]["typed_in"] / words[out_at]).resolve() == folder.resolve()
    words[out_at] = folder.name
    assert f"Made by: `{shlex.join(words)}`" in out.out and str(folder) not in out.out
    assert f"`bordersim reproduce {folder.name}`" in out.out


def test_latex_escapes_its_special_characters(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.tex"
    argv = ["paper-table", str(folder), "--format", "latex", "--out", str(out),
            "--metric", "released_within_24h", "--metric", "clearance_h_mean_import", "--raw-names"]
    assert main(argv) == 0
    text = out.read_text(encoding="utf-8")
    body = [ln for ln in text.splitlines() if not ln.startswith("% ")]  # (a comment as it is)
    assert body[0] == r"\begin{table}[htbp]" and body[-1] == r"\end{table}"
    for line in body:
        assert not re.search(r"(?<!\\)[_%#]", line), line  # (& separates the columns)
    assert r"released\_within\_24h (share (0-1))" in text
    assert text.index("released") < text.index("clearance")  # (in the order asked)
    assert r"95 \% Student-t" in text and "\u2021" not in text
    assert escape("a_b 5 % & $x #1 {y}") == r"a\_b 5 \% \& \$x \#1 \{y\}"
    assert escape("-4.4\u00d710\u207b\u2078") == r"-4.4$\times 10^{-8}$"


def test_an_unknown_metric_and_an_unfinished_folder_are_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["paper-table", str(folder), "--metric", "clearance_h_mean_nowhere"]) == 2
    err = capsys.readouterr().err
    assert "no metric clearance_h_mean_nowhere" in err and "summary.csv" in err
    broken = tmp_path / "c"
    shutil.copytree(folder, broken)
    (broken / "summary.csv").unlink()
    assert main(["paper-table", str(broken)]) == 2
    assert "summary.csv is missing" in capsys.readouterr().err
    assert main(["paper-table", str(folder / "options" / "baseline")]) == 2
    assert "one option of the comparison" in capsys.readouterr().err
    before = (folder / "summary.csv").read_bytes()  # (the results are never replaced)
    assert main(["paper-table", str(folder), "--out", str(folder / "summary.csv")]) == 2
    assert "will not overwrite" in capsys.readouterr().err
    assert (folder / "summary.csv").read_bytes() == before


def test_a_table_with_money_says_its_currency_and_the_year_of_its_prices() -> None:
    """A cost quoted from a paper's table must say which year's prices it counts in; a table
    of no money says nothing of it."""
    from sim.report.paper_table import money_said

    meta = {"currency": "USD", "money": "USD at 2019 prices"}
    said = money_said(["clearance_h_mean", "agency_cost_per_consignment"], meta)
    assert said == " Money in USD at 2019 prices."
    assert money_said(["clearance_h_mean", "detection_rate"], meta) == ""
    assert money_said(["agency_cost_per_year"], {"currency": "EUR"}) == " Money in EUR."


def test_define_puts_each_rows_glossary_meaning_under_the_figures_table(
    doc1_compare: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sim.experiment.metric_glossary import explain

    metrics = ["clearance_h_mean_import", "released_within_24h"]
    argv = ["paper-table", str(doc1_compare), *(f"--metric={m}" for m in metrics)]
    assert main(argv) == 0
    plain = capsys.readouterr().out
    assert main([*argv, "--define"]) == 0
    defined = capsys.readouterr().out
    for metric in metrics:
        meaning = explain(metric).split("\t", 2)[2]
        assert f"{metric}: {meaning}" in defined and meaning not in plain
    assert main(["paper-table", str(doc1_compare), "--define", "--assumptions"]) == 2
    assert "--define is for the rows" in capsys.readouterr().err


def test_rows_are_labelled_in_words_and_raw_names_keeps_the_metrics(
    doc1_compare: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A journal's table names its rows in words ("Clearance, p90, imports (h)"); --define
    ties each worded row to its metric, and --raw-names prints the metric names instead."""
    argv = ["paper-table", str(doc1_compare), "--metric", "clearance_h_p90_import",
            "--metric", "released_within_24h"]
    assert main([*argv, "--define"]) == 0
    worded = capsys.readouterr().out
    rows = [ln.split("|")[1].strip() for ln in worded.splitlines() if ln.startswith("| ")]
    assert rows[1::2] == ["Clearance, p90, imports (h)", "Released within 24 h (share (0-1))"]
    assert "clearance_h_p90_import" not in "".join(rows)
    assert "Clearance, p90, imports \u2013 clearance_h_p90_import: " in worded
    assert main([*argv, "--raw-names"]) == 0
    rows = [ln.split("|")[1].strip() for ln in capsys.readouterr().out.splitlines()
            if ln.startswith("| ")]
    assert rows[1::2] == ["clearance_h_p90_import (hours)", "released_within_24h (share (0-1))"]
    from sim.report.paper_labels import print_label

    assert print_label("clearance_h_mean_port_sea_export", "h") == (
        "Clearance, mean, port sea, exports (h)")
    assert print_label("detection_rate", "share (0-1)") == "Detection rate (share (0-1))"


def test_few_replications_or_an_interval_wider_than_its_change_is_said_under_the_table(
    doc1_compare: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two replications give wide intervals: the table says so in one sentence under it;
    enough replications and changes clear of their interval's width say nothing, and a
    change narrower than its interval is named with the replications it would need."""
    from sim.experiment.precision import reps_needed
    from sim.report.paper_caveat import Change, caveat

    assert main(["paper-table", str(doc1_compare), "--metric", "clearance_h_mean"]) == 0
    notes = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("Only ")]
    assert len(notes) == 1 and notes[0].startswith("Only 2 replications per figure")
    clear = Change("x", 2.0, 1.5, 2.5, 20)
    assert caveat(20, [clear]) == []
    assert caveat(9, [clear])[0].startswith("Only 9 replications")
    wide = Change("Clearance, mean (h) for doc1", -0.5, -1.5, 0.5, 20)  # (width 2 > 0.5)
    said = caveat(20, [clear, wide])
    # (half-width 1 brought to a quarter, the change's half: 284, the t quantile taken at
    # the count asked for, not 20 x 4^2 = 320 at twenty's)
    need = reps_needed(20, 1.0, 0.25)
    assert len(said) == 1 and "Clearance, mean (h) for doc1 (-0.5)" in said[0]
    assert f"about {need:.0f} replications" in said[0]
    assert caveat(20, [Change("same runs", 0.0, 0.0, 0.0, 20)]) == []
