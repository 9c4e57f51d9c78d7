"""The headline's sentences quote an interval's ends as the tables show them, cut to what is
possible (a difference of shares past -1 or 1), and mark each cut end as the tables do
(:data:`sim.report.numbers.CUT`), with the note saying where its uncut end is, in English and
in Chinese: a minister's briefing quoting "20 to 100 percentage points" would otherwise pass
a cut for the interval."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sim.experiment.compare import CompareResult, clip_interval
from sim.report.folder import read_compare
from sim.report.headline import headline
from sim.report.numbers import CUT, CUT_NOTE
from sim.report.translate import text

#: a share in the headline (its change said in percentage points)
SHARE = "inspection_rate_import"


def _widened(folder: Path, low: float, high: float) -> tuple[str, str]:
    """The comparison of small.toml against one document officer (conftest.py) with its
    option's change of :data:`SHARE` given the raw interval ``low`` to ``high`` and shown as
    the comparison shows it (clipped); the option's headline line of it and the headline."""
    res = _with_interval(folder, low, high)
    page = "".join(headline(res))
    line = next(li for li in re.findall(r"<li>(.*?)</li>", page)
                if li.startswith("share of imports inspected"))
    return line, page


def _with_interval(folder: Path, low: float, high: float) -> CompareResult:
    """The comparison of :func:`_widened` with its change of :data:`SHARE` so widened."""
    res, _ = read_compare(folder)
    d = res.differences
    at = d.index[(d["metric"] == SHARE) & (d["option"] == res.names[1])][0]
    shown = clip_interval(SHARE, low, high, difference=True)
    d.loc[at, ["mean", "ci_low", "ci_high", "shown_low", "shown_high"]] = (
        (low + high) / 2, low, high, *shown)
    d.loc[at, "significant"] = True
    return res


@pytest.mark.parametrize("low, high, cut_end", [(0.3, 1.7, "b"), (-1.6, -0.2, "b"),
                                                 (-1.5, 0.2, "a"), (0.1, 0.5, "")])
def test_a_headline_sentence_marks_the_end_it_cut(
    doc1_compare: Path, low: float, high: float, cut_end: str
) -> None:
    line, page = _widened(doc1_compare, low, high)
    a, b = re.findall(r"95 % CI (\S+) to ([^),;]+)", line)[0]
    assert a.endswith(CUT) == (cut_end == "a"), line
    assert b.endswith(CUT) == (cut_end == "b"), line
    cut = a if cut_end == "a" else b
    if cut_end:  # (the cut end is 100 points, the uncut one its own)
        assert float(cut.rstrip(CUT).lstrip("-\u2212")) == pytest.approx(100)
    assert (html.escape(CUT_NOTE) in page) == bool(cut_end)


def test_a_cut_end_keeps_its_mark_in_chinese(doc1_compare: Path) -> None:
    line, _ = _widened(doc1_compare, 0.3, 1.7)
    what, said = line.split(": ", 1)
    zh = text(said)
    assert zh is not None and "置信区间" in zh and zh.count(CUT) == 1, zh


def test_the_cut_note_is_said_once_when_the_headline_and_the_table_both_cut(
    doc1_compare: Path,
) -> None:
    """The headline's sentence and the results table both quote the cut interval, each with
    the mark: the page (and its Chinese translation) says what the mark means once."""
    from sim.cli_zh import CUT_NOTE_ZH
    from sim.report.html import render
    from sim.report.translate import translate

    page = render(_with_interval(doc1_compare, 0.3, 1.7))
    top, results = page.split("<h2>Results</h2>", 1)
    assert CUT in top  # (the headline's sentence)
    assert CUT in results.split("<h2")[0]  # (and the results table)
    assert page.count(html.escape(CUT_NOTE)) == 1
    assert translate(page, "zh").count(html.escape(CUT_NOTE_ZH)) == 1
