"""The words of the ``run`` and ``compare`` tables in Chinese (``--lang zh``, see
:mod:`sim.cli_lang`): titles, columns, captions, a metric's name (the report's glossary:
:func:`sim.report.translate.metric_name`), unit and note. Every number is the English
table's, formatted the same; a metric's identifier is shown beside its Chinese name, as
``--show``, ``summary.json`` and the workbook name it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sim.shell_line import bordersim_line

if TYPE_CHECKING:
    from rich.table import Table

#: the interaction table's title, caption (sim.experiment.compare.QUANTILE_INTERACTION) and
#: columns
INTERACTIONS = (
    "交互作用：(A+B) - A - B + 基准方案（效应可叠加时为 0）",
    "\u2020 汇总各票货物的分位数（中位数、第 90 百分位）不可加：即使方案之间不可能相互作用"
    "（如在两个互不相关的口岸），其交互作用也可能不为 0、区间也可能不含 0，因此不能据此认定"
    "存在交互作用（均值的交互作用可以）",
    "方案", "指标", "交互作用", "95% 置信区间",
)
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


def compare_metric(name: str, english_unit: str, english_note: str) -> str:
    """A comparison table's metric row: its Chinese name in bold, identifier, unit, note."""
    from rich.markup import escape

    label = metric(name)
    head, _, ident = label.partition(" [dim]")
    label = f"[bold]{head}[/] [dim]{ident}" if ident else f"[bold]{head}[/]"
    label += f"（{escape(unit(english_unit))}）"
    if english_note:
        from sim.report.zh_glossary import NOTES

        label += "，" + escape(NOTES.get(name, english_note.removeprefix(", ")))
    return label


def option(name: str, unstable: bool, n: int, ran: int) -> str:
    """A comparison table's option row (``baseline`` is 基准方案; an option's own name
    kept), whether it did not settle and how many of its replications measured the row."""
    from rich.markup import escape

    shown = "基准方案" if name == "baseline" else escape(name)
    return ("  " + shown + ("（不稳定）" if unstable else "")
            + (f"（{n}/{ran} 次重复运行测得）" if n < ran else ""))


#: :data:`sim.report.numbers.CUT_NOTE` in Chinese
CUT_NOTE_ZH = (
    "\u2021 Student-t 区间超出了可能的范围（时间、计数或成本小于 0；比例小于 0 或大于 1，"
    "比例之差小于 -1 或大于 1），显示时截取至该处；未截取的端点见 summary.csv（水平值；单次"
    "运行为 summary.json，参数扫描为 intervals.csv）或 differences.csv（差值）的 ci_low 或 "
    "ci_high"
)


#: what the star means, in one sentence (sim.cli_compare.SIGNIFICANT_NOTE in Chinese)
SIGNIFICANT_NOTE_ZH = (
    "* 显著：对与基准方案之差做双侧配对 t 检验，在 {level}% 水平上拒绝“无变化”，按方案个数"
    "作 Holm 校正，但不按指标个数校正，因此众多指标中会有少数偶然标星（区间为各差值自身未校"
    "正的区间，不含 0 的区间也可能没有星号）"
)


def _level() -> str:
    """The significance level as a percentage (``5``), from the one the test uses."""
    from sim.experiment.compare import ALPHA

    return f"{ALPHA * 100:g}"


def compare_table(narrow: bool) -> Table:
    """The comparison table's title, caption and columns in Chinese (see
    :func:`sim.cli_compare._empty_table`)."""
    from rich.table import Table

    t = Table(title="各方案与基准方案对比：均值及 95% 置信区间；差值为配对差值（相同随机种子）",
              caption=SIGNIFICANT_NOTE_ZH.format(level=_level())
              + "；! 非稳态（该方案或基准方案有警告）")
    cols = COMPARE_NARROW if narrow else COMPARE_COLUMNS
    for i, col in enumerate((*cols, "")):
        t.add_column(col, justify="left" if i == 0 or col == "" else "right",
                     no_wrap=i != 0, overflow="fold",
                     min_width=24 if i == 0 and narrow else None)
    return t


def compare_header(meta: dict[str, Any], labelled: Sequence[tuple[str, str]]) -> str:
    """The comparison's first lines: the scenario, its window, replications, seed, version
    and money, then its options (``labelled``: name, English label; an option's own
    description and settings kept as given)."""
    said = []
    for name, label in labelled:
        label = {"the scenario unchanged": "情景不变"}.get(label, label)
        label = re.sub(r"^reform (\S+)$", r"改革 \1", label)
        said.append(f"{'基准方案（baseline）' if name == 'baseline' else name} = {label}")
    options = "；".join(said)
    money_in = f"金额单位：{money(meta['money'])}。" if meta.get("money") else ""
    return (f"情景 {meta['scenario']}：预热 {meta['warmup_days']} 天后观测 {meta['days']} 天"
            f"（观测期结束后最多再运行 {meta['drain_days']} 天以完成在途货物）；每个方案 "
            f"{meta['reps']} 次重复运行，根随机种子 {meta['seed']}（各方案使用相同的种子）；"
            f"bordersim {meta['version']}。{money_in}\n方案：{options}")


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
    """What the money figures are in: ``USD at 2019 prices`` is ``USD（2019 年价格）``, with
    the organisation's staff cost in CNY beside it when it is said; another statement stays
    as it is."""
    found = re.fullmatch(r"([A-Z]{3}) at (\d{4}) prices( \(the organisation's staff cost "
                         r"figures (?:in CNY(?:, (\d{4}) prices)?|at (\d{4}) prices)\))?",
                         english)
    if found:
        org = ("" if not found[3] else f"；海关组织人员成本按 {found[5]} 年价格计" if found[5]
               else "；海关组织人员成本以 CNY 计" + (f"，{found[4]} 年价格" if found[4] else ""))
        return f"{found[1]}（{found[2]} 年价格{org}）"
    found = re.fullmatch(r"([A-Z]{3}) at (\d{4}) prices \(the organisation's staff converted "
                         r"from CNY at (?:([0-9.e+-]+) [A-Z]{3} a CNY, )?costs\.exchange"
                         r"(?:, their (\d{4}) prices)?\)", english)
    if found:
        rate = f" 1 CNY = {found[3]} {found[1]}" if found[3] else ""
        year = f"，人员按 {found[4]} 年价格" if found[4] else ""
        return (f"{found[1]}（{found[2]} 年价格；海关组织人员成本由 CNY 按 costs.exchange"
                f"{rate} 折算{year}）")
    found = re.fullmatch(r"([A-Z]{3}) for goods' values \(no \[costs\] section: the default "
                         r"currency\); no staff cost figures \(the organisation's staff, priced "
                         r"in CNY, are reported in \[costs\]'s currency\)", english)
    if found:
        return (f"货物价值以 {found[1]} 计（情景中没有 [costs] 部分，取默认币种）；不给出人员成本"
                "（海关组织人员以 CNY 定价，按 [costs] 的币种报告）")
    found = re.fullmatch(r"([A-Z]{3}) for goods' values \(no \[costs\] section: the default "
                         r"currency\), CNY for the organisation's staff cost figures"
                         r"(?:, (\d{4}) prices)?", english)
    if found:
        return (f"货物价值以 {found[1]} 计（情景中没有 [costs] 部分，取默认币种），"
                "海关组织人员成本以 CNY 计" + (f"，{found[2]} 年价格" if found[2] else ""))
    return english


def footer(out: str) -> list[str]:
    """The lines after the tables: where the results are, and the commands that give them
    in Chinese (the workbook, the report)."""
    return [f"结果文件夹：{out}",
            f"Excel 或 WPS 工作簿（中文）：{bordersim_line('workbook', out, '--lang', 'zh')}",
            f"中文报告（网页）：{bordersim_line('report', out, '--lang', 'zh')}"]
