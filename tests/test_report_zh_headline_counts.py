"""The Chinese report's headline on seizures and smugglers: the counts' changes (seized,
detained, smuggling attempts: no unit), the lines too imprecise to tell against the
baseline's value, the smugglers' lines, the brief's verdicts and the illicit types' line
were left whole in English on a port director's page (the wildlife comparison of
docs/wildlife.md on beilun-border). Each headline here is the report's own, from made-up
differences, put in Chinese as ``bordersim report --lang zh`` does."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace
from typing import Any

import pandas as pd

from sim.experiment.options import Option
from sim.report.headline import headline
from sim.report.translate import _ENGLISH, translate

#: the baseline's mean of each metric (a replication's, as summary.csv gives it)
BASE = {"consignments_seized": 14.3, "consignments_detained": 0.3,
        "consignments_rejected": 1.33, "consignments_released": 10000.0,
        "detection_rate": 0.168, "value_slipped": 1405645.0, "value_slipped_total": 1.5e6,
        "smuggling_attempts": 12.0, "attempts_deterred": 3.0, "smuggling_interdicted": 2.0,
        "smuggling_caught_share": 0.22}  # fmt: skip


def _items(rows: list[tuple[str, float, float, float]]) -> list[str]:
    """The headline's lines in Chinese (each ``<li>``), of an option ``o`` whose paired
    differences are ``rows`` (metric, mean, low, high) against :data:`BASE`."""
    diffs = pd.DataFrame([("o", *r, True) for r in rows],
                         columns=["option", "metric", "mean", "shown_low", "shown_high",
                                  "significant"])  # fmt: skip
    summary = pd.DataFrame([("baseline", m, v) for m, v in BASE.items()],
                           columns=["option", "metric", "mean"])  # fmt: skip
    res = SimpleNamespace(names=["baseline", "o"], options=[Option("baseline"), Option("o")],
                          differences=diffs, summary=summary,
                          meta={"currency": "USD", "days": 28.0},
                          unstable=lambda name: False)  # fmt: skip
    page = "<html lang='en'><body>" + "".join(headline(res)) + "</body></html>"  # type: ignore[arg-type]
    zh = translate(page, "zh")
    return [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", zh)]


def _left(items: list[str]) -> list[str]:
    return [i for i in items if _ENGLISH.search(i)]


def test_a_seizure_counts_clear_change_is_in_chinese_with_its_figures():
    items = _items([("consignments_seized", -4.6, -7.0, -2.2),
                    ("consignments_detained", 0.6, 0.2, 1.0),
                    ("consignments_rejected", 0.0, 0.0, 0.0)])
    assert _left(items) == []
    assert ("查扣情况（基准方案，观测 28 天、每次重复运行均值：查扣 14.3 票，扣留 0.3 票，"
            "查获后退运 1.3 票）：查扣票数：减少 4.60（95% 置信区间 2.20 至 7.00）；"
            "扣留票数：增加 0.60（95% 置信区间 0.20 至 1.00）"
            "（其余 1 项数据无经确认的变化）") in items
    assert ("查扣票数（计数：观测期内口岸查扣的货物，每次重复运行均值）：减少 4.60（95% 置信区间 "
            "2.20 至 7.00）；基准方案：14.3") in items
    assert ("扣留票数（计数，同查扣）：增加 0.60（95% 置信区间 0.20 至 1.00）；基准方案：0.3"
            in items)


def test_a_change_too_imprecise_to_tell_says_the_baselines_value_in_chinese():
    items = _items([("consignments_rejected", -0.33, -1.77, 1.10),
                    ("detection_rate", -0.0249, -0.0533, 0.0035),
                    ("value_slipped", 27894.0, -326527.0, 382314.0)])
    assert _left(items) == []
    assert ("查获后退运票数（计数，同查扣）：精度不足，无法判断（-0.33；95% 置信区间 -1.77 至 "
            "1.10，基准方案为 1.33）：增加重复运行次数可使区间变窄") in items
    assert ("违规货物查出率：精度不足，无法判断（-2.49 个百分点；95% 置信区间 -5.33 至 0.35，基准"
            "方案为 16.8 个百分点）：增加重复运行次数可使区间变窄") in items
    assert ("口岸漏查违规货值（观测期内合计，非年值）：精度不足，无法判断（27,894 USD；"
            "95% 置信区间 -326,527 至 382,314，基准方案为 1,405,645 USD）：增加重复运行次数可使"
            "区间变窄") in items
    # the brief says it of the part too (the baseline's seizures: only the count measured)
    assert ("查扣情况（基准方案，观测 28 天、每次重复运行均值：查获后退运 1.3 票）："
            "精度不足，无法判断：增加重复运行次数可使区间变窄（见下文）") in items
    assert any(i.endswith("精度不足，无法判断：增加重复运行次数可使区间变窄（见下文）")
               for i in items), items


def test_the_smugglers_lines_are_in_chinese():
    items = _items([("value_slipped_total", 18596.0, -61415.0, 98606.0),
                    ("smuggling_attempts", 0.33, -1.10, 1.77),
                    ("attempts_deterred", -3.0, -5.0, -1.0),
                    ("smuggling_interdicted", 0.0, 0.0, 0.0),
                    ("smuggling_caught_share", -0.0064, -0.0526, 0.0397)])
    assert _left(items) == []
    assert ("漏查违规货值合计（口岸 + 口岸外走私路线；观测期内合计，非年值）：无明显变化"
            "（18,596 USD；95% 置信区间 -61,415 至 98,606）") in items
    assert "走私企图数（全部路线）：无明显变化（0.33；95% 置信区间 -1.10 至 1.77）" in items
    assert "被震慑放弃的走私机会数（未实施）：减少 3.00（95% 置信区间 1.00 至 5.00）" in items
    assert "口岸外缉私巡查截获的走私企图数：无变化（每次重复运行结果相同）" in items
    assert ("走私企图查获比例（口岸外缉私巡查或口岸查验查获）：无明显变化（-0.64 个百分点；95% "
            "置信区间 -5.26 至 3.97）") in items


def test_a_change_holm_does_not_confirm_is_said_so_in_the_brief():
    rows: list[Any] = [("clearance_h_mean_import", -0.06, -0.12, -0.01)]
    diffs = _items(rows)  # (confirmed: the brief gives the change itself)
    assert _left(diffs) == []
    unconfirmed = pd.DataFrame(rows).assign(s=False)
    items = _items_unconfirmed(unconfirmed.values.tolist())
    assert _left(items) == []
    assert "通关时间：无经确认的变化：不含 0 的变化经多重比较校正后未获确认（见下文）" in items


def _items_unconfirmed(rows: list[list[Any]]) -> list[str]:
    """As :func:`_items`, each change not confirmed by Holm's correction."""
    diffs = pd.DataFrame([("o", *r) for r in rows],
                         columns=["option", "metric", "mean", "shown_low", "shown_high",
                                  "significant"])  # fmt: skip
    res = SimpleNamespace(names=["baseline", "o", "p"],
                          options=[Option("baseline"), Option("o"), Option("p")],
                          differences=diffs, summary=pd.DataFrame(columns=["option", "metric",
                                                                           "mean"]),
                          meta={"currency": "USD", "days": 28.0},
                          unstable=lambda name: False)  # fmt: skip
    page = "<html lang='en'><body>" + "".join(headline(res)) + "</body></html>"  # type: ignore[arg-type]
    return [html.unescape(i) for i in re.findall(r"<li>(.*?)</li>", translate(page, "zh"))]


def test_each_illicit_types_change_follows_its_name_without_a_space():
    items = _items([("detection_rate_wildlife", -0.059, -0.118, -0.001),
                    ("detection_rate_undervaluation", 0.003, -0.005, 0.011),
                    ("detection_rate_tobacco", 0.0, 0.0, 0.0)])
    line = next(i for i in items if i.startswith("各类违规货物查出率"))
    assert line == ("各类违规货物查出率，单位为百分点（95% 置信区间）：濒危物种降低 5.9（0.1 至 "
                    "11.8）；低报价格无明显变化（0.30；-0.50 至 1.10）；走私烟草无变化")


def test_a_rise_in_illicit_declarations_keeps_its_sign_in_chinese():
    from sim.experiment.composition import truth_note
    from sim.report.translate import text

    up = text(f"Read with care: {truth_note(240.2, 2.6)}.")
    down = text(f"Read with care: {truth_note(240.2, -2.6)}.")
    assert "+1.1%" in truth_note(240.2, 2.6)
    assert up is not None and "变化 +1.1%" in up, up
    assert down is not None and "变化 -1.1%" in down, down


def test_where_smuggling_attempts_went_is_in_chinese_route_by_route():
    items = _items([("smuggling_attempts_route_dongxing_road", -3.0, -5.0, -1.0),
                    ("smuggling_attempts_route_beilun_river", 0.33, -1.10, 1.77),
                    ("attempts_deterred", 2.0, 0.5, 3.5)])
    assert _left(items) == []
    # (a route's fall as the other lines write one: the word carries the sign, the ends are sizes)
    assert ("走私企图去向，每次重复运行（95% 置信区间）：dongxing_road 减少 3.00（1.00 至 "
            "5.00）；未实施（被震慑）增加 2.00（0.50 至 3.50）；beilun_river 无明显变化（0.33；"
            "-1.10 至 1.77）。被巡查挡在某一路线之外的货物会转向其他路线，或不再尝试") in items


def test_the_organisations_key_figures_and_an_ipr_holds_cost_are_in_chinese():
    items = _items([("escalation_latency_h_mean", -0.3, -0.5, -0.1),
                    ("org_hold_h_mean", 0.01, -0.02, 0.04),
                    ("org_holds", -3.0, -5.0, -1.0),
                    ("alert_reach", 0.3, 0.1, 0.5),
                    ("org_staff_cost_per_year", 0.0, 0.0, 0.0),
                    ("ipr_trader_hold_cost_per_held", 30.0, 10.0, 50.0)])
    assert _left(items) == []
    assert ("海关组织架构：请示上报至批复时间均值（从提出请示到批复回到口岸）：缩短 0.30 小时（95% "
            "置信区间 0.10 至 0.50）") in items
    assert ("海关组织架构：每次请示暂扣平均时长：无明显变化（0.60 分钟；95% 置信区间 -1.20 至 "
            "2.40）") in items
    assert ("海关组织架构：因请示暂扣货物次数（每次重复运行）：减少 3.00（95% 置信区间 1.00 至 "
            "5.00）") in items
    assert ("海关组织架构：预警覆盖口岸比例：提高 30.0 个百分点（95% 置信区间 10.0 至 50.0）"
            in items)
    assert "海关组织架构：关员年度人员成本：无变化（每次重复运行结果相同）" in items
    assert any(i.startswith("每票等待知识产权权利人答复货物的货主仓储及滞箱费（计入其仓储费；")
               and i.endswith("：增加 30.0 USD（95% 置信区间 10.0 至 50.0）") for i in items)



def test_the_tail_of_a_comparison_without_every_consignments_time_is_in_chinese(monkeypatch):
    # (a comparison run with --no-gains keeps no consignment logs: its notes, not its plots)
    from sim.report import sections

    monkeypatch.setattr(sections, "img", lambda *a: "")
    monkeypatch.setattr(sections.flow_plots, "clearance_tail", lambda *a: None)
    variants = {"baseline": SimpleNamespace(tables={"clearance": pd.DataFrame()}, samples={})}
    notes = [re.sub(r"<[^>]+>", "", p) for p in sections.tail_section(
        variants, comparison=True) if p.startswith("<p class='note'>")]  # type: ignore[arg-type]
    assert len(notes) == 2
    assert [translate(html.escape(n, quote=False), "zh") for n in notes] == [
        f"{m}：由中位数、第 90 和第 95 百分位推得（本次比较保存的日志不含每票货物的时间）。"
        for m in ("overall_clearance", "clearance")]


def test_deterred_or_displaced_is_in_chinese_with_its_period():
    items = _items([("smuggling_attempts_route_beilun_river", -6.0, -9.0, -3.0),
                    ("smuggling_attempts_route_dongxing_road", 3.0, 1.0, 5.0),
                    ("smuggling_attempts_route_fangchenggang_sea", 1.0, 0.5, 1.5),
                    ("attempts_deterred", 2.0, 0.5, 3.5),
                    ("smuggling_opportunities", 0.0, 0.0, 0.0)])
    assert _left(items) == []
    assert ("震慑与转移，每次重复运行均值（观测 28 天）：beilun_river 减少 6.00 次企图；"
            "其中 4.00 次（67%）转向其他路线（dongxing_road 3.00、fangchenggang_sea 1.00），"
            "2.00 次（33%）未实施（被震慑）；两方案的走私机会数相同"
            "（配对差值的均值：各路线的置信区间见上一行）") in items, items


def test_an_unpriced_comparison_with_smugglers_says_so_in_chinese():
    items = _items([("smuggling_attempts_route_beilun_river", -6.0, -9.0, -3.0),
                    ("smuggling_attempts", 0.0, -1.0, 1.0)])
    assert _left(items) == []
    said = [i for i in items if i.startswith("成本未计算：该情景没有 [costs] 部分")]
    assert len(said) == 1 and "costs.roles.customs_officer=薪酬" in said[0], items


def test_the_verdicts_enforcement_cost_is_in_chinese():
    """A cheaper, faster option that lets illicit goods through says so after its cost per
    hour saved ("; at an enforcement cost: ..."): every loss the verdict can name (each
    illicit type's share detected too) in Chinese, else the whole line stayed English."""
    from sim.report.headline import _LOSSES, KINDS, _losses
    from sim.report.translate import text

    losses = [(m, -0.05 if worse < 0 else 900.0, -0.08 if worse < 0 else 100.0,
               -0.02 if worse < 0 else 1700.0) for m, worse, _ in _LOSSES]
    items = _items([("total_cost_per_year", -1000.0, -1500.0, -500.0),
                    ("overall_clearance_h_mean", 0.5, 0.2, 0.8),
                    ("agency_cost_per_year", -800.0, -1200.0, -400.0), *losses,
                    ("consignments_released", 0.0, 0.0, 0.0)])
    line = next(i for i in items if "执法代价" in i)
    assert not _ENGLISH.search(line), line
    assert line.endswith("；执法代价：违规货物查出率降低 5.00 个百分点，"
                         + "".join(f"{zh}查出率降低 5.00 个百分点，" for zh in (
                             "走私烟草", "侵权假冒商品", "未经检疫的冻品", "检疫性有害生物和疫病",
                             "低报价格", "濒危物种"))
                         + "观测期内漏查货值提高 900.0 USD，漏查危害（年）提高 900.0 USD，"
                         "偷逃税款（年）提高 900.0 USD（95% 置信区间不含 0）"), line
    assert len(KINDS) == 6  # (a new type's words need their piece in sim.report.zh_phrases)
    row = {"mean": 50.0, "shown_low": 20.0, "shown_high": 80.0, "significant": False}
    loss = _losses({("o", "value_slipped"): row}, "o", "USD")
    assert text(loss) == ("；执法代价：观测期内漏查货值提高 50.0 USD"
                          "（经 Holm 多重比较校正后不显著）（95% 置信区间不含 0）")
