"""The words of the ``run`` and ``compare`` tables in Chinese (``--lang zh``, see
:mod:`sim.cli_lang`): titles, columns, captions, a metric's name (the report's glossary:
:func:`sim.report.translate.metric_name`), unit and note. Every number is the English
table's, formatted the same; a metric's identifier is shown beside its Chinese name, as
``--show``, ``summary.json`` and the workbook name it."""

from __future__ import annotations

import re
from collections.abc import Sequence

RUN_COLUMNS = ("指标", "单位", "均值", "置信下限", "置信上限")
COMPARE_COLUMNS = ("方案", "均值", "95% 置信区间", "差值", "95% 置信区间（配对）")
COMPARE_NARROW = ("方案", "均值\n95% 置信区间", "差值\n95% 置信区间（配对）")


def metric(name: str, english_note: str = "") -> str:
    """A row's label: the metric's Chinese name (its identifier if the glossary has none),
    then its identifier, and its note in Chinese when the English table writes one."""
    from rich.markup import escape

    from sim.report.translate import metric_name
    from sim.report.zh_glossary import NOTES

    zh = metric_name(name)
    label = escape(name) if zh is None else f"{escape(zh)} [dim]{escape(name)}[/]"
    if english_note:
        label += "，" + escape(NOTES.get(name, english_note.removeprefix(", ")))
    return label


def unit(english: str) -> str:
    """A unit in Chinese (the scenario's currency code kept); as it is if the glossary has
    none."""
    from sim.report.translate import _units

    for pattern, zh in _units():
        found = re.fullmatch(pattern, english)
        if found:
            return zh.replace("currency", found["cur"]) if "cur" in found.groupdict() else zh
    return english


def from_some(n: int, reps: int) -> str:
    """What a row says of the ``n`` of ``reps`` replications that measured it."""
    if n == 0:
        return "（所有重复运行均未测得）"
    return f"（{n}/{reps} 次重复运行测得）" if n < reps else ""


def run_title(reps: int, unstable: int) -> str:
    """The run table's title (and, when a queue did not settle, that it is not steady)."""
    title = f"主要指标：{reps} 次重复运行的均值及 95% 置信区间"
    if unstable:
        title += (f"\n非稳态：{reps} 次重复运行中有 {unstable} 次的排队或走私团伙未趋于稳定"
                  "（见警告及 warnings.json）")
    return title


def run_caption(more: int, unmeasured: int, absent: Sequence[str]) -> str:
    """The run table's caption: what its intervals are and the rows it leaves out."""
    caption = "区间已限制在可能的取值范围内（summary.json 中有原始区间和显示区间）"
    if more:
        caption += f"；另有 {more} 条作业线利用率较低，其利用率见 summary.json"
    if unmeasured:
        caption += (f"；{unmeasured} 行在任何重复运行中均未测得，未列出（情景中没有的流向，"
                    "如无出口业务口岸的出口）")
    if absent:
        listed = "、".join(absent[:4]) + (f" 等 {len(absent)} 项" if len(absent) > 4 else "")
        caption += f"；要求显示但任何重复运行均未测得：{listed}"
    return caption


def money(english: str) -> str:
    """What the money figures are in: ``USD at 2019 prices`` is ``USD（2019 年价格）``;
    a longer statement stays as it is."""
    found = re.fullmatch(r"([A-Z]{3}) at (\d{4}) prices", english)
    return f"{found[1]}（{found[2]} 年价格）" if found else english


def footer(out: str) -> list[str]:
    """The lines after the tables: where the results are, and the commands that give them
    in Chinese (the workbook, the report)."""
    return [f"结果文件夹：{out}",
            f"Excel 或 WPS 工作簿（中文）：bordersim workbook {out} --lang zh",
            f"中文报告（网页）：bordersim report {out} --lang zh"]
