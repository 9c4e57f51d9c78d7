"""A commodity and a smuggling group are said in Chinese by the ``label_zh`` their scenario
gives them, the id beside it: in the metric names of the Chinese workbook and page, in the
warnings, and in the smuggling plots' panel titles; one without it keeps its id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim.report.zh_labels import chinese_labels, labelled, plot_groups

SCENARIO = {"commodities": {"frozen": {"label": "Frozen meat", "label_zh": "冻肉"},
                            "general": {"label": "General goods"}},
            "smuggling": {"groups": {"ring": {"label": "Cigarette ring", "label_zh": "香烟团伙"},
                                     "gang": {"label": "A gang"}}}}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "scenario.json").write_text(json.dumps(SCENARIO), encoding="utf-8")
    return tmp_path


def test_a_commodity_and_a_group_are_said_by_their_label_zh_with_their_id(folder):
    names = chinese_labels(folder, "run")
    assert names == {"commodities": {"frozen": "冻肉"}, "groups": {"ring": "香烟团伙"}}
    assert labelled("商品类别 frozen 海关通关时间均值", names) == \
        "商品类别 冻肉（frozen）海关通关时间均值"
    assert labelled("商品类别 frozen 24 小时内放行比例", names) == \
        "商品类别 冻肉（frozen）24 小时内放行比例"
    assert labelled("走私团伙 ring 在观测开始时尚未稳定", names) == \
        "走私团伙 香烟团伙（ring）在观测开始时尚未稳定"
    for kept in ("商品类别 general 海关通关时间均值", "走私团伙 gang 在观测开始时尚未稳定",
                 "商品类别 frozen_fish 海关通关时间均值", "frozen 与 ring"):
        assert labelled(kept, names) == kept
    page = "<td>商品类别 fro&amp;zen 海关通关时间均值</td>"
    said = labelled(page, {"commodities": {"fro&zen": "冻<肉>"}}, escape=True)
    assert said == "<td>商品类别 冻&lt;肉&gt;（fro&amp;zen）海关通关时间均值</td>"


def test_the_chinese_plots_title_a_group_by_its_label_zh(folder):
    from sim.report.plot_lang import plots_in

    with plots_in("zh", font="Noto Sans CJK SC"):
        assert plot_groups(folder) == {"ring": "香烟团伙（ring）"}
    with plots_in("en"):
        assert plot_groups(folder) == {}
