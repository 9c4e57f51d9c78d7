"""The organisation tree's image in Chinese (``--lang zh``: the workshop page and the Chinese
report): its title, colour bar, levels, panel titles and each unit's staff and utilisation
drawn in Chinese where a font with Chinese glyphs is had (never a glyph missing: matplotlib's
warning is an error here); unit names as written; English, with the report's note under the
first tree, where no such font is."""

from __future__ import annotations

import re
import warnings

import pytest
from matplotlib.text import Text

import sim.report.plot_font
from sim.faces.choices import Plan, variants
from sim.faces.org import org_tree_html
from sim.report import plots
from sim.report.org_plot import draw_organisations
from sim.report.org_table import tree_from_record, tree_record
from sim.report.plot_font import chinese_font
from sim.report.plot_lang import NOTE, plots_in
from sim.report.zh_plots import plot_text
from sim.scenario.org_tree import Tree


def _tree() -> Tree:
    record = tree_record(variants(Plan("guangdong"), quick=True).baseline)
    assert record is not None
    return tree_from_record(record)


def _drawn(lang: str, font: str | None) -> list[str]:
    """Every text the Guangdong tree's image draws (ticks too), with a made-up utilisation."""
    tree = _tree()
    util = {uid: 0.5 for uid in list(tree.units)[:3]}
    said: list[str] = []
    with plots.figures_left_out(False), plots_in(lang, font), warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = draw_organisations([("baseline: hybrid", tree, util)])
        assert plots.png_base64(fig)
        said += [t.get_text() for t in fig.findobj(Text) if t.get_text().strip()]
    return said


def test_with_a_chinese_font_the_trees_words_are_chinese():
    font = chinese_font()
    if font is None:
        pytest.skip("no Chinese font here (pip install 'bordersim[zh]')")
    said = _drawn("zh", font)
    for words in ("组织架构：各单位人数及其最繁忙岗位的利用率", "基准方案：混合型结构", "总署",
                  "直属海关", "隶属海关", "现场"):
        assert words in said, (words, said)
    assert any(t.endswith("\n利用率 50%") for t in said), said
    # only the units' own names stay Latin
    names = {part for uid in _tree().units for part in uid.split("_")}
    latin = {w for t in said for w in re.findall(r"[A-Za-z]+", t)}
    assert latin and latin <= names, latin - names


def test_a_units_box_keeps_its_name_and_says_its_staff_in_chinese():
    assert plot_text("sz_huanggang_\nfield\n12 staff\n50% busy") == (
        "sz_huanggang_\nfield\n12 人\n利用率 50%")
    assert plot_text("gacc\n1,203 staff") == "gacc\n1,203 人"
    assert plot_text("faster: dumbbell") == "faster：哑铃型结构"
    assert plot_text("sz_huanggang_\nfield") is None  # (a name alone is the scenario's)


@pytest.mark.drawn
def test_the_pages_tree_is_chinese_or_says_it_is_not(monkeypatch):
    pair = variants(Plan("guangdong"), quick=True)
    if chinese_font() is not None:
        assert NOTE not in org_tree_html(pair, "zh")
    monkeypatch.setattr(sim.report.plot_font, "chinese_font", lambda: None)
    assert org_tree_html(pair, "zh").count(NOTE) == 1
    assert NOTE not in org_tree_html(pair, "en")
