"""The report's business case section in Chinese (``bordersim report --lang zh``): the labels
of ``bordersim appraise --lang zh``, the same figures as the English page, its note's terms
in Chinese and no English sentence left; the English section as before."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sim.cli_zh_appraise import FIGURES as ZH
from sim.experiment.appraisal import FIGURES
from sim.report.appraisal_section import appraisal_section
from sim.report.translate import translate
from tests.test_cli_lang_notes import english_left

_CELL = re.compile(r"<td>([^<]*)</td>")


def _page(tmp_path: Path, money: str, scale: float) -> str:
    """A page of the section alone, from an ``appraisal.json`` written by hand: option o
    pays back in 3.2 years (its interval's high end never), p has no figures."""
    figures = {key: {"mean": 1234.5 * (i + 1), "ci_low": -12.5, "ci_high": 0.0371}
               for i, (key, _) in enumerate(FIGURES)}
    figures["payback_years"] = {"mean": 3.2, "ci_low": 2.5, "ci_high": "never"}
    figures["net_present_value"] = {"mean": "never", "ci_low": None, "ci_high": None}
    data = {"options": {"o": figures, "p": {}}, "years": 10, "discount_rate": 0.05,
            "money": money, "time_value_scale": scale, "setup": {}}
    (tmp_path / "appraisal.json").write_text(json.dumps(data))
    return ("<html lang='en'><body>" + "".join(appraisal_section(tmp_path))
            + "</body></html>")


@pytest.mark.parametrize("money, scale", [("USD at 2019 prices", 2.0), ("", 1.0)])
def test_the_business_case_in_chinese_has_the_english_figures(tmp_path, money, scale):
    en = _page(tmp_path, money, scale)
    zh = translate(en, "zh")
    assert "<h2>多年成本收益分析</h2>" in zh
    assert all(f"<th scope='row'>{ZH[key]}</th>" in zh for key, _ in FIGURES)
    words = {"期内不回收": "never", "无": "n/a"}
    said = [re.sub("|".join(words), lambda m: words[m[0]], c) for c in _CELL.findall(zh)]
    assert said == _CELL.findall(en) and "3.2 [2.5, 期内不回收]" in zh
    assert "<td>期内不回收</td>" in zh and "<td>1,234 [-12.5, 0.0371]</td>" in zh
    assert "期限 10 年，折现率 0.05；金额单位：" in zh and "第 0 年：建设成本和设备投资" in zh
    assert "<p class='note'>净现值只计现金：释放的人员能力" in zh  # (capacity freed: not in it)
    if money:
        assert "金额单位：USD（2019 年价格）；" in zh and "货物时间价值 × 2。" in zh
    else:
        assert "金额单位：情景所用币种；" in zh and "货物时间价值 ×" not in zh
    text = re.sub(r"<[^>]*>", "\n", zh)
    assert english_left(text) == [] and "data-untranslated" not in zh, english_left(text)
    assert "尚无中文" not in zh


def test_the_english_section_is_as_before(tmp_path):
    en = _page(tmp_path, "USD at 2019 prices", 2.0)
    assert translate(en, "en") == en and "<h2>Business case over years</h2>" in en
    assert ("Against the baseline over 10 years at a discount rate of 0.05; money in USD at "
            "2019 prices; the value of the goods&#x27; time x 2. Mean and 95 % interval") in en
    assert "<td>3.2 [2.5, never]</td>" in en and "<td>never</td>" in en
