"""The animated port's words in Chinese (the workshop page's animation on its Chinese page,
``bordersim animate --lang zh``): lanes, column heads, server notes, the clock, the window's
counts and the flagged finds drawn in Chinese where a font with Chinese glyphs is had (never a
glyph missing: matplotlib's warning is an error here); ports and goods kinds as written;
English, as before, where no such font is."""

from __future__ import annotations

import re
import warnings

import pytest
from matplotlib.text import Text

from sim.report.animate import UNLIMITED, Frame, LaneState, PortView, _port_figure
from sim.report.animate_zh import said
from sim.report.plot_font import chinese_font
from sim.report.plot_lang import plots_in

FRAME = Frame(
    7 * 24 + 14.5,
    (LaneState("document_check", 4, 2, 2), LaneState("scanners", 0, 0, 0),
     LaneState("exam_teams", 1, 3, UNLIMITED)),
    ("SEIZED: tobacco (general)", "REJECTED: frozen (aeo_general)"),
    seized=1, rejected=1, arrived=12, released=9,
)


def _drawn(lang: str, font: str | None) -> list[str]:
    """Every text one frame of a made-up port shows."""
    import matplotlib.pyplot as plt

    with plots_in(lang, font), warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = _port_figure([FRAME])
        try:
            PortView(fig, [lane.name for lane in FRAME.lanes], "sea").update(FRAME)
            fig.canvas.draw()
            return [t.get_text() for t in fig.findobj(Text) if t.get_text().strip()]
        finally:
            plt.close(fig)


def test_with_a_chinese_font_the_animations_words_are_chinese():
    font = chinese_font()
    if font is None:
        pytest.skip("no Chinese font here (pip install 'bordersim[zh]')")
    shown = _drawn("zh", font)
    for words in ("单证审核", "机检设备", "查验组", "服务台（绿色 = 忙碌）", "不在班",
                  "排队（每个方块一票货物）", "不限（3 个忙碌）", "sea  第 8 天，周一 14:30",
                  "本时段内：到港 12 票，放行 9 票，查扣 1 票，退运 1 票",
                  "查扣：tobacco（一般信用企业）；退运：frozen（AEO 一般认证企业）"):
        assert words in shown, (words, shown)
    latin = {w for t in shown for w in re.findall(r"[A-Za-z]+", t)}
    assert latin <= {"sea", "tobacco", "frozen", "AEO"}, latin


def test_without_one_the_animation_stays_english():
    english = _drawn("en", None)
    assert "in this window: 12 arrived, 9 released, 1 seized, 1 rejected" in english
    assert _drawn("zh", None) == english


def test_a_text_with_no_chinese_stays_whole():
    assert said("vessel discharge") == "vessel discharge"
    assert said("+3") == "+3"
    assert said("SEIZED: a (general); SEIZED: b (general) ...") == (
        "查扣：a（一般信用企业）；查扣：b（一般信用企业）……")
