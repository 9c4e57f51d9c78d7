"""The words inside the Chinese report's plots (``bordersim report --lang zh``): in Chinese,
in the page's terms, where a font with Chinese glyphs is had; English, with one note on the
page, where none is; never a glyph missing from the fonts (matplotlib's warning is an error
here). Two small plots from tables made here, drawn alone: no run, no whole report."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest
from matplotlib.text import Text

from sim.report import plots
from sim.report.plot_font import chinese_font, draws
from sim.report.plot_lang import NOTE, noted, plots_in
from sim.report.zh_plots import PATTERNS, WORDS, plot_text

RESOURCES = pd.DataFrame([("sea", "scanners", 0.9), ("sea", "exam_bays", 0.4)],
                         columns=["port", "lane", "utilisation"])
OWNERS = pd.DataFrame({"owner": ["trader", "customs"], "mean_h": [3.0, 1.0],
                       "mean_h_import": [4.0, 1.5], "mean_h_export": [2.0, 0.5]})


def _drawn(lang: str, font: str | None) -> list[str]:
    """Every text the utilisation and owner plots draw (tick labels too) in ``lang`` with
    ``font``; a glyph missing from the fonts fails the test."""
    said: list[str] = []
    with plots.figures_left_out(False), plots_in(lang, font), warnings.catch_warnings():
        warnings.simplefilter("error")
        for fig in (plots.utilisation_by_lane({"baseline": RESOURCES, "review4": RESOURCES}),
                    plots.time_by_owner({"baseline": OWNERS})):
            assert plots.png_base64(fig)
            said += [t.get_text() for t in fig.findobj(Text) if t.get_text().strip()]
    return said


def test_with_a_chinese_font_the_plots_words_are_the_pages_chinese():
    font = chinese_font()
    if font is None:
        pytest.skip("no Chinese font here (pip install 'bordersim[zh]')")
    said = _drawn("zh", font)
    for words in ("各作业环节利用率（\u25c0 瓶颈：口岸最繁忙且利用率至少 70% 的作业环节）",
                  "sea \u00b7 机检设备  \u25c0 瓶颈", "sea \u00b7 查验台位", "基准方案",
                  "基准方案，进口", "企业", "海关", "时间去向（按责任方）"):
        assert words in said, words
    # (the port's and the option's own names stay as the scenario and the command gave them)
    english = [t for t in said if re.search(r"[A-Za-z]{3}", re.sub(r"sea|review4", "", t))]
    assert english == [] and "review4" in said


def test_without_one_the_plots_stay_english_and_the_page_says_so_once():
    said = _drawn("zh", None)
    assert said == _drawn("en", "Noto Sans CJK SC")  # (English whatever the font)
    assert ("Utilisation by lane (\u25c0 binding: a port's busiest lane, at least 70% "
            "utilised)") in said
    page = "<html><body><h2>a</h2><img src='1'><p>b</p><img src='2'></body></html>"
    with plots_in("zh", None):
        zh = noted(page)
    assert zh == page.replace("<img src='1'>", "<img src='1'>" + NOTE)
    for lang, font in (("zh", "Noto Sans CJK SC"), ("en", None)):
        with plots_in(lang, font):
            assert noted(page) == page


def test_every_chinese_word_of_the_plots_is_drawn_by_the_font_taken():
    font = chinese_font()
    if font is None:
        pytest.skip("no Chinese font here (pip install 'bordersim[zh]')")
    text = "".join(WORDS.values()) + "".join(p.pattern for p, _ in PATTERNS)
    cjk = "".join(sorted(set(re.findall(r"[\u3000-\u9fff\uff00-\uffef]", text))))
    assert cjk and draws(font, cjk)
    assert plot_text(" baseline") == " 基准方案" and plot_text("vessel_discharge") is None
