"""``bordersim trucks --lang zh``: a trucker's view of a land crossing in Chinese (货车,
周转时间, 查验扣留, 驾驶员每日工时上限, 每趟成本), the cells of :func:`sim.cli_trucks.run`'s
tables as the English prints them, laid out under Chinese headings; a port, a band, a
commodity, an option's name and a file keep their names, a trader class its glossary name."""

from __future__ import annotations

from typing import Any

from sim.cli_lang import columns as _cols
from sim.report.zh_glossary import VALUES

#: the columns of :data:`sim.cli_trucks.LABELS` in Chinese (a test keeps the keys equal)
LABELS = {"trucks_per_day": "货车/日", "turnaround_h_p50": "中位数",
          "turnaround_h_p90": "第 90 百分位", "turnaround_h_p95": "第 95 百分位",
          "turnaround_h_mean": "均值", "held_share": "查验扣留 %", "hold_h_mean": "扣留小时",
          "overnight_share": "过夜 %", "duty_share_mean": "工时 %",
          "over_limit_share": "超限 %", "cost_per_trip": "每趟成本"}
#: what the columns are, said once under the first line
LEGEND = ("货车/日：每日货车数；中位数、第 90、第 95 百分位、均值：周转时间（从到达口岸至离开，"
          "小时）；查验扣留 %：被扣留查验的货车占比；扣留小时：被扣留货车的平均扣留时间；"
          "过夜 %：在口岸过夜（离开日期晚于到达日期）的货车占比；"
          "工时 %：单趟工时占驾驶员每日工时上限的比例（均值）；超限 %：超过上限的趟次占比")
#: the width the English right-aligns a column to (``:>13s``), in display columns
WIDTH = 13


#: weekday abbreviations of ``--by day``'s dates (``2026-02-16 Mon``) in Chinese
WEEKDAYS = {"Mon": "周一", "Tue": "周二", "Wed": "周三", "Thu": "周四", "Fri": "周五",
            "Sat": "周六", "Sun": "周日"}


def group(name: str) -> str:
    """A group's name: ``all`` as 全部, a trader class by the glossary, a day of arrival as
    ``2026-02-16 周一`` or ``第 21 天 周一``, a band or a commodity as it is."""
    if name == "all":
        return "全部"
    if name in WEEKDAYS:  # (--by weekday)
        return WEEKDAYS[name]
    number, _, weekday = name[4:].partition(" ")
    if name.startswith("day ") and number.isdigit():  # (``day 42 Mon``)
        return f"第 {number} 天" + (f" {WEEKDAYS[weekday]}" if weekday in WEEKDAYS else "")
    date, _, day = name.partition(" ")
    if day in WEEKDAYS and len(date) == 10:
        return f"{date} {WEEKDAYS[day]}"
    return VALUES["class"].get(name, name)


def head(port: str, commodity: str | None, reps: int, days: float, rules: Any,
         costed: bool, approach: bool = False) -> str:
    """The first line: the port, the runs, a trip's duty against the limit, the cost basis
    (and, with an approach, that the turnaround counts from reaching it)."""
    only = "" if commodity is None else f"（仅运载 {commodity} 的货车）"
    return (f"{port}{only}：{reps} 次重复运行，每次观测 {days:g} 天；单趟工时为行驶 "
            f"{rules.drive_h:g} 小时加周转时间，对照驾驶员每日工时上限 {rules.duty_limit_h:g} "
            f"小时；{cost_basis(rules, costed)}"
            + ("；周转时间自到达入境前排队区起算（含口岸前的排队）" if approach else ""))


def cost_basis(rules: Any, costed: bool) -> str:
    """What 每趟成本 counts (unpriced, the border fees only), as the English says it."""
    fees = "口岸费用" if costed else "无口岸费用（本次运行未计费用）"
    if rules.truck_cost_per_h is None:
        return (f"每趟成本：仅{fees}，未计货车的时间成本（--truck-cost-per-h）" if costed
                else f"每趟成本：无，{fees}，也未给出 --truck-cost-per-h")
    return f"每趟成本：{fees}加周转时间按每小时 {rules.truck_cost_per_h:g} 计"


#: the note of a level's mark (``sim.cli_trucks.CUT_NOTE``)
CUT_NOTE = "  \u2021 区间低于 0，而该数据不可能为负：请从 0 起读（数据小、重复运行次数少时如此）"


def what(column: str, reps: int) -> str:
    """What a table's cells are: a level or a change, with or without its interval."""
    if column == "mean":
        return ("均值 +- 各次重复运行 95% 区间的半宽" if reps > 1
                else "单次重复运行的数据，无区间（请以 --reps 2 或更多运行）")
    return ("变化 +- 其 95% 配对区间的半宽" if reps > 1
            else "单次重复运行的变化，无区间（请以 --reps 2 或更多运行各次）")


def tables(sections: list[tuple[str, list[tuple[str, list[str]]]]], said: str) -> list[str]:
    """Each direction's table (after a blank line): its heading, the columns, a row a group
    with the English cells right-aligned to the same columns."""
    names = [group(str(g)) for _, rows in sections for g, _ in rows]
    width = max(4, *(_cols(n) for n in names))
    out = []
    for direction, rows in sections:
        out += ["", f"  {VALUES['direction'].get(direction, direction)}：{said}",
                "  " + _pad("分组", width) + "".join(_right(v) for v in LABELS.values())]
        out += ["  " + _pad(group(str(g)), width) + "".join(_right(c) for c in cells)
                for g, cells in rows]
    return out


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _cols(text), 0)


def _right(text: str) -> str:
    return " " * max(WIDTH - _cols(text), 1) + text


def against_group(name: str) -> str:
    """The heading of each group's difference from one of them."""
    return f"\n各组与 {group(name)} 对比（同一批重复运行）："


def against_baseline(name: str) -> str:
    """The heading of a change's paired differences."""
    return f"\n{name} 与基准方案对比："


def csv_line(path: object) -> str:
    """Where every replication's figures were written (standard error)."""
    return f"每次重复运行的数据：{path}"


#: a fleet's yearly figures in Chinese (``sim.cli_trucks.YEAR_WORDS``; a test keeps the keys)
YEAR_WORDS = {"truck_hours": "货车在口岸的小时", "trips_over_limit": "超出工时上限的趟次",
              "nights_kept": "在口岸过夜的货车", "cost": "成本"}


def fleet(lines: dict[str, list[tuple[str, str]]], per_day: float, days: float,
          name: str = "all") -> list[str]:
    """A change's yearly total for a fleet, a line a direction, with the English cells."""
    whose = "其货车到达时段与口岸相同" if name == "all" else f"其货车均属 {group(name)} 组"
    out = ["", f"  按车队每日 {per_day:g} 辆货车、每年 {days:g} 天计（{whose}；"
           "变化 +- 其 95% 配对区间的半宽）："]
    for direction, cells in lines.items():
        out.append(f"  {VALUES['direction'].get(direction, direction)}："
                   + "；".join(f"{YEAR_WORDS[f]} {c}" for f, c in cells))
    return out
