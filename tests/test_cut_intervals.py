"""An interval the tables cut to what is possible (a Student-t interval of a time, count or
cost reaching below 0, of a share past 1) is marked at the end that was cut, in the printed
comparison table and in the report's results table, with a footnote saying where the uncut
end is: a paper quoting ``0.000 to 16.99`` would otherwise pass a cut for the interval."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console

from sim.cli import main
from sim.cli_compare import _shown_ci, table, table_rows
from sim.cli_zh import CUT_NOTE_ZH
from sim.report.folder import read_compare
from sim.report.html import metric_table
from sim.report.numbers import CUT, CUT_NOTE


@pytest.fixture(scope="module")
def folder(doc1_compare: Path) -> Path:
    """The shared comparison of small.toml against one document officer (conftest.py)."""
    return doc1_compare


def _cut(row: pd.Series) -> tuple[bool, bool]:
    return (bool(row["ci_low"] != row["shown_low"]), bool(row["ci_high"] != row["shown_high"]))


def test_the_printed_table_marks_each_cut_end_and_only_those(folder: Path) -> None:
    both = pd.concat([pd.read_csv(folder / "summary.csv"),
                      pd.read_csv(folder / "differences.csv")], ignore_index=True)
    both = both.dropna(subset=["ci_low", "ci_high"])
    assert any(any(_cut(r)) for _, r in both.iterrows())  # (two replications: some are cut)
    for _, row in both.iterrows():
        low, high = _shown_ci(row.to_dict()).split(" to ")
        assert low.endswith(CUT) == _cut(row)[0], (row["metric"], low)
        assert high.endswith(CUT) == _cut(row)[1], (row["metric"], high)
        shown = low.rstrip(CUT).replace(",", "")
        places = len(shown.partition(".")[2])  # (large figures are shown without decimals)
        assert float(shown) == pytest.approx(row["shown_low"], abs=0.5 * 10.0**-places)


def test_the_printed_table_says_what_the_mark_means_when_it_shows_one(folder: Path) -> None:
    res, _ = read_compare(folder)
    out = io.StringIO()
    Console(file=out, width=400).print(table(res, table_rows(res)))
    text = out.getvalue()
    assert CUT in text
    assert " ".join(text.split()).count(" ".join(CUT_NOTE.split()[:8])) == 1
    out = io.StringIO()  # (and in Chinese, its own words)
    Console(file=out, width=400).print(table(res, table_rows(res), lang="zh"))
    assert CUT_NOTE_ZH.split("，")[0] in out.getvalue() and CUT_NOTE not in out.getvalue()
    both = pd.concat([pd.read_csv(folder / "summary.csv"),
                      pd.read_csv(folder / "differences.csv")], ignore_index=True)
    cut = {r["metric"] for _, r in both.iterrows() if any(_cut(r))}
    whole = next(m for m in table_rows(res) if m not in cut)
    out = io.StringIO()  # (a table without a cut interval has no footnote)
    Console(file=out, width=400).print(table(res, (whole,)))
    assert CUT not in out.getvalue()


def test_the_reports_results_table_marks_each_cut_end(folder: Path) -> None:
    res, _ = read_compare(folder)
    summary = pd.read_csv(folder / "summary.csv").set_index(["metric", "option"])
    metrics = tuple(dict.fromkeys(summary.index.get_level_values(0)))
    page = metric_table(res, metrics)
    marked = 0
    for row in page.split("<tr data-metric=")[1:]:
        metric, option = re.findall(r'"([^"]*)"', row)[:2]
        spans = re.findall(r"<td>(\[[^\]]*\])</td>", row)
        if not spans:  # (an interval of no width is said in words)
            continue
        low_cut, high_cut = _cut(summary.loc[(metric, option)])
        assert (f"{CUT}," in spans[0]) == low_cut, (metric, option, spans[0])
        assert spans[0].endswith(f"{CUT}]") == high_cut, (metric, option, spans[0])
        marked += low_cut + high_cut
    assert marked > 0


def test_the_report_page_gives_the_marks_footnote(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(folder), "--out", str(out)]) == 0
    assert html.escape(CUT_NOTE) in out.read_text(encoding="utf-8")
