"""``bordersim tfa RESULTS_DIR --lang zh``: each option's measures of the WTO Trade
Facilitation Agreement beside its paired change in release time, in Chinese (the table of
:func:`sim.report.tfa_changes.tfa_lines`; article titles and reasons from
:mod:`sim.report.zh_tfa`). Option and reform names and the figures are as in English."""

from __future__ import annotations

from typing import Any

from sim.cli_lang import pad
from sim.report.tfa_changes import NO_EFFECT_NOTE, NOT_A_REFORM, PART_NOTE
from sim.report.zh_reforms import UNTRANSLATED
from sim.report.zh_tfa import AGREEMENT

#: the table's heading line
HEADING = ("海关通关时间（到港至放行，小时）：各方案相对基准方案的配对差值及其 95% 置信区间；"
           "* 表示经 Holm 多重比较校正后在 5% 水平上显著")
#: the line of ``--csv``
CSV = (f"各方案的{AGREEMENT}条款、放行时间及各阶段时间、在各时限内及到港即放行的比例及跨境"
       f"贸易指标：{{path}}")
#: the words of the block of the share released on arrival (:mod:`sim.report.tfa_arrival`)
ARRIVAL: dict[str, Any] = {
    "heading": "到港即放行的比例（放行不晚于到港的货物所占比例，即《贸易便利化协定》第 7.1 条"
               "所追求的）：各方案相对基准方案的配对差值及其 95% 置信区间",
    "heads": ("基准方案", "方案", "变化", "95% 置信区间"),
    "goods": {"imports": "进口", "exports": "出口"},
    "missing": "到港即放行：结果文件夹中没有此项；比较时加 --set 'within_hours=[0]' 即给出到港即"
               "放行的比例（released_within_0h）",
    "to": "至",
    "sep": "，",
}
#: a row neither run has figures for (:data:`sim.report.tfa_changes.NONE_RELEASED`)
NONE_RELEASED = "基准方案和本方案均无此类货物放行：没有数据"
#: the words of the block of the other stages and the targets (:mod:`sim.report.tfa_stages`)
STAGES: dict[str, Any] = {
    "heading": "分阶段的放行时间（《放行时间研究》，平均小时数：到港至申报，提前申报的为 0；"
               "申报至放行，自申报和到港中较晚者起算；到达至离开口岸，出口至其装载）及在每个时限（within_hours）内放行的比例："
               "各方案相对基准方案的配对差值及其 95% 置信区间；* 表示经 Holm 多重比较校正后在 "
               "5% 水平上显著",
    "heads": ("基准方案", "方案", "变化", "95% 置信区间"),
    "stages": {"arrival_to_lodgement_h_mean": "到港至申报",
               "declared_to_release_h_mean": "申报至放行",
               "overall_clearance_h_mean": "到达至离开口岸"},
    "within": "{target}内放行",
    "units": {"h": "小时", "min": "分钟"},
    "goods": {"import": "进口", "export": "出口"},
    "missing": "分阶段的放行时间：结果文件夹中没有此项（旧版本的比较）",
    "to": "至",
    "sep": "，",
    "none": NONE_RELEASED,
}
#: the block of the World Bank's measures (:mod:`sim.report.tfa_trading`): its heading, its
#: columns' heads and its line where the folder has no such file
TRADING_HEADING = ("跨境贸易（世界银行，每票货物，按口岸和进出口方向）：单证合规和边境合规的时间与"
                   "费用，基准方案的水平和各方案的配对变化，[95% 置信区间]；单证合规时间为下限："
                   "只计到港后单证对货物的占用，不计到港前准备单证的时间")
TRADING_HEADS = {"documentary_time_h": "单证合规（小时）", "border_time_h": "边境合规（小时）",
                 "documentary_cost": "单证合规 {cur}", "border_cost": "边境合规 {cur}"}
TRADING_MISSING = "跨境贸易：结果文件夹中没有 trading-across-borders.csv（旧版本的比较）"
_STAT = {"mean": "均值", "median": "中位数"}
_GOODS = {"all": "全部货物", "imports": "进口", "exports": "出口"}
#: what the comparison said of the option (:func:`sim.report.tfa_changes._note`)
_NOTES = {NO_EFFECT_NOTE: "在此情景中不可能产生效果", PART_NOTE: "在此情景中只有部分起作用"}


def articles(cell: str) -> str:
    """The ``tfa_articles`` cell in Chinese: titles, 无, or why there is nothing to say."""
    from sim.reforms.tfa import ARTICLES
    from sim.report.zh_tfa import title

    if cell == NOT_A_REFORM:
        return "不是改革库中的改革"
    found, _, unknown = cell.partition(" (not in the TFA table: ")
    named = [title(a) for a in found.split("; ") if a in ARTICLES]
    said = "；".join(named) if named else "无" if found == "none" else UNTRANSLATED + found
    return said + (f"（不在{AGREEMENT}对照表中：{unknown.rstrip(')')}）" if unknown else "")


def note(text: str) -> str:
    """The option's note in Chinese, its reason from :mod:`sim.report.zh_reasons`."""
    from sim.report.zh_reasons import reason

    said, _, why = text.partition(": ")
    head = _NOTES.get(said)
    zh = reason(why)
    if head is None:
        return UNTRANSLATED + text
    return f"{head}：{zh if zh is not None else UNTRANSLATED + why}"


def lines(table: Any) -> list[str]:
    """The table as Chinese text, aligned as the English one."""
    from sim.report.tfa_changes import hours, none_released

    out = [HEADING]
    for name, rows in table.groupby("option", sort=False):
        first = rows.iloc[0]
        reform = first["reform"]
        out += ["", f"{name}" + (f"（改革 {reform}）" if reform and reform != name else ""),
                f"  {AGREEMENT}：" + articles(str(first["tfa_articles"]))]
        if first["note"]:
            out.append(f"  提示：{note(str(first['note']))}")
        out.append("  " + pad("", 16) + pad("基准方案", 10) + pad("方案", 10) + pad("变化", 10)
                   + "  95% 置信区间")
        for _, r in rows.iterrows():
            label = f"{_STAT[r['statistic']]}，{_GOODS[r['goods']]}"
            if none_released(r):
                out.append("  " + pad(label, 16, right=False) + NONE_RELEASED)
                continue
            star = " *" if r["significant"] else ""
            out.append("  " + pad(label, 16, right=False) + f"{hours(r['baseline_h']):>10}"
                       f"{hours(r['option_h']):>10}{hours(r['change_h'], '+'):>10}  "
                       f"{hours(r['ci_low'], '+')} 至 {hours(r['ci_high'], '+')}{star}")
    return out
