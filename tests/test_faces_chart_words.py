"""The workshop page's charts in the page's language (``--lang zh``): the clearance chart's and
the runs so far's title, axis, legend and ticks in Chinese, in the report's plot words, where
a font with Chinese glyphs is had (never a glyph missing: matplotlib's warning is an error
here); English, with the report's note under the image, where none is."""

from __future__ import annotations

import re
import warnings

import pytest
from matplotlib.text import Text

import sim.report.plot_font
from sim.faces import chart
from sim.faces.chart import clearance_chart, clearance_figure
from sim.faces.chart_zh import BARS
from sim.faces.runs_chart import TITLES, runs_chart, runs_figure
from sim.report import plots
from sim.report.plot_font import chinese_font
from sim.report.plot_lang import NOTE, plots_in
from sim.report.zh_plots import plot_text
from tests.faces_history import two_runs

LEVERS: tuple[dict[str, float], dict[str, float]] = ({}, {"staff_scale": 1.5})


def _drawn(lang: str, font: str | None) -> list[str]:
    """Every text the two charts draw (ticks too), for two made-up runs."""
    entries = two_runs(lang, levers=LEVERS).entries
    said: list[str] = []
    with plots.figures_left_out(False), plots_in(lang, font), warnings.catch_warnings():
        warnings.simplefilter("error")
        for fig in (clearance_chart(entries[1].rows), runs_chart(entries, lang)):
            assert plots.png_base64(fig)
            said += [t.get_text() for t in fig.findobj(Text) if t.get_text().strip()]
    return said


def test_with_a_chinese_font_the_charts_words_are_the_pages_chinese():
    font = chinese_font()
    if font is None:
        pytest.skip("no Chinese font here (pip install 'bordersim[zh]')")
    said = _drawn("zh", font)
    for words in ("按方向的通关时间", "小时（均值及 95% 置信区间）", "海关通关，进口", "基准方案",
                  "方案", "1: o0", "2: o1 + 人员（情景值的倍数） 1.5"):
        assert words in said, (words, said)
    assert [t for t in said if re.search(r"[A-Za-z]{3}", t)] == []


def test_the_charts_chinese_is_the_captions():
    zh = dict(BARS)  # (the image's bars as the caption's sentences name them)
    assert {metric: plot_text(en) for metric, en in chart.BARS} == zh
    assert {metric: plot_text(en) for metric, en in TITLES.items()} == {m: zh[m] for m in TITLES}


def test_without_one_the_charts_stay_english_and_say_so(monkeypatch):
    assert _drawn("zh", None) == _drawn("en", "Noto Sans CJK SC")
    entries = two_runs("zh").entries
    if chinese_font() is not None:  # (drawn in Chinese: nothing to say)
        assert NOTE not in clearance_figure(entries[0].rows, "zh") + runs_figure(entries, "zh")
    monkeypatch.setattr(sim.report.plot_font, "chinese_font", lambda: None)
    for lang in ("zh", "en"):
        said = (clearance_figure(entries[0].rows, lang), runs_figure(entries, lang))
        assert all((NOTE in page) == (lang == "zh") for page in said), lang
