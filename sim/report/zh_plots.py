"""The words drawn inside the Chinese report's plots (``bordersim report --lang zh``): each
title, axis label, tick label and legend entry the plot functions write in English, in the
terms the page already uses (:mod:`sim.report.zh_glossary`, :mod:`sim.report.zh_metrics`,
:mod:`sim.report.zh_phrases`). A text is put in Chinese whole or left as it is: a scenario's
own names (ports, options, routes) stay as given, ``baseline`` is 基准方案."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from sim.report import zh_org_plot
from sim.report.zh_glossary import TERMS, VALUES

#: the two clearance times, as the plots' titles name them (sim.report.plots.OVERALL)
_CLEARANCE = {
    "Overall clearance (arrived \u2192 exited or loaded)":
        TERMS["overall clearance time (arrival to exit or loading)"],
    "Clearance (arrived \u2192 released)": TERMS["clearance time (arrival to release)"],
}
#: whole texts, as drawn
WORDS: dict[str, str] = {
    "baseline": TERMS["baseline"],
    "hours": "小时",
    "hours (o median, \u25c7 mean, | p90, > p95)": "小时（o 中位数，\u25c7 均值，| p90，> p95）",
    "Who owns the time": "时间去向（按责任方）",
    "Who owns the time to release": "至放行的时间去向（按责任方）",
    "hours per released consignment (arrived \u2192 exited or loaded)":
        "每票已放行货物的小时数（到港至提离/装载）",
    "hours per consignment released (arrived \u2192 released)":
        "每票已放行货物的小时数（到港至放行）",
    "utilisation (busy servers / servers on duty)": "利用率（忙碌的服务台 / 在岗的服务台）",
    "% of consignments (left: worse off, right: better off)":
        "货物票数占比 %（左：受损，右：受益）",
    "Who gains and who loses (same consignments, option vs baseline)":
        "受益方与受损方（相同货物，方案与基准方案对比）",
    "no consignment paired with the baseline's: nothing to show":
        "没有与基准方案配对的货物：无可显示",
    "Cost against detection\neach option minus the baseline (paired 95 % intervals)":
        "成本与查出率\n各方案减基准方案（配对 95% 置信区间）",
    "change in detection rate\n(percentage points of illicit found)":
        "违规货物查出率的变化\n（违规货物查出比例，百分点）",
    "change in detection rate (finds after release too)\n(percentage points of illicit found)":
        "违规货物查出率的变化（含放行后查出）\n（违规货物查出比例，百分点）",
    "(hollow: detected before release)": "（空心：放行前查出）",
    "share of consignments taking longer": "用时更长的货物占比",
    "jobs waiting": "排队件数",
    "Queue length over time at the busiest lanes (mean over replications)":
        "最繁忙作业环节的排队长度随时间变化（各次重复运行的均值）",
    "hours from the start (grey: warm-up)": "自开始起的小时数（灰色：预热期）",
    "The hidden truth: found and slipped": "真实情况：查出与漏过",
    "What customs sees (blue), the truth (red)": "海关所见（蓝）与真实情况（红）",
    "found at the checks": "查验中查出",
    "found by audit": "稽查查出",
    "slipped through (hidden)": "漏过（海关未发现）",
    "illicit declarations per replication (its observed days)":
        "每次重复运行的违规报关单数（观测期内）",
    "inspected (per declaration)": "查验率（按报关单）",
    "physical exams that found": "人工查验查获率",
    "scans that found": "机检查获率",
    "illicit (the hidden truth)": "违规货物占比（真实情况）",
    "of the illicit, detected": "违规货物查出率",
    "detected incl. audit": "违规货物查出率（含稽查）",
    "share": "占比",
    "hours per consignment": "每票小时数",
    "release": TERMS["release"],
    "beside the flow (adds nothing)": "与流程并行（不增加时间）",
    "owner of the delay": "延误责任方",
    # the workshop page's charts (sim.faces.chart, sim.faces.runs_chart), in the words of
    # the page's captions (sim.faces.chart_zh)
    "option": TERMS["option"], "Clearance time by direction": "按方向的通关时间",
    "hours (mean and 95 % interval)": "小时（均值及 95% 置信区间）",
    "customs, imports": "海关通关，进口", "customs, exports": "海关通关，出口",
    "overall, imports": "整体通关，进口", "overall, exports": "整体通关，出口",
    "customs clearance, imports": "海关通关，进口", "customs clearance, exports": "海关通关，出口",
    "overall clearance, imports": "整体通关，进口",
    **zh_org_plot.WORDS,  # (the organisation tree's)
}
#: the cost axes of the cost-against-detection chart (sim.report.plots.COST_PANELS)
_COSTS = {"total cost per consignment (agency + trader": "每票总成本（政府部门 + 企业",
          "agencies' cost per consignment (public money": "每票政府部门成本（公共资金"}


def _option(name: str) -> str:
    """An option's name as drawn: ``baseline`` in Chinese, any other as the command gave it."""
    return WORDS["baseline"] if name == "baseline" else name


def _direction(plural: str) -> str | None:
    return VALUES["direction"].get(plural.removesuffix("s"))


def _lane(lane: str) -> str | None:
    return VALUES["lane"].get(lane)


#: patterns of texts with a name or figure in them: each gives the Chinese, or None to keep
#: the English whole (a word the glossary has not)
PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]] = [
    (re.compile(r"(?P<what>.+) by port and direction"),
     lambda m: (w := _CLEARANCE.get(m["what"])) and f"{w}，按口岸和进出口"),
    (re.compile(r"(?P<what>.+): the tail"),
     lambda m: (w := _CLEARANCE.get(m["what"])) and f"{w}：长尾"),
    (re.compile(r"all ports, (?P<d>imports|exports)"),
     lambda m: (d := _direction(m["d"])) and f"全部口岸，{d}"),
    (re.compile(r"(?P<n>[^,]+), (?P<d>imports|exports)"),
     lambda m: (d := _direction(m["d"])) and f"{_option(m['n'])}，{d}"),
    (re.compile(r"(?P<o>.+): better off \u2192"), lambda m: f"{_option(m['o'])}：受益 \u2192"),
    (re.compile(r"(?P<o>.+): \u2190 worse off"), lambda m: f"{_option(m['o'])}：\u2190 受损"),
    (re.compile(r"(?P<n>.+) \(median, p90, p95\)"),
     lambda m: f"{_option(m['n'])}（中位数，p90，p95）"),
    (re.compile(r"(?P<p>[^ ]+) \u00b7 (?P<d>import|export)"),
     lambda m: f"{m['p']} \u00b7 {VALUES['direction'][m['d']]}"),
    (re.compile(r"(?P<p>[^ ]+) \u00b7 (?P<lane>[a-z_]+)(?P<b>  \u25c0 binding)?"
                r"(?: \((?P<w>.+)\))?"),
     lambda m: (lane := _lane(m["lane"])) and (
         f"{m['p']} \u00b7 {lane}" + ("  \u25c0 瓶颈" if m["b"] else "")
         + (f"（{'，'.join(map(_option, m['w'].split(', ')))}）" if m["w"] else ""))),
    (re.compile(r"Utilisation by lane \(\u25c0 binding: a port's busiest lane, at least "
                r"(?P<pct>[0-9]+%) utilised\)"),
     lambda m: f"各作业环节利用率（\u25c0 瓶颈：口岸最繁忙且利用率至少 {m['pct']} 的作业环节）"),
    (re.compile(r"share \(bars in order: (?P<n>.+)\)"),
     lambda m: f"占比（条形顺序：{'，'.join(map(_option, m['n'].split(', ')))}）"),
    (re.compile(r"(?P<s>[a-z_]+)(?P<b> \(beside\))? \u00b7 (?P<share>[<0-9.]+%) \u00b7 "
                r"(?P<h>[0-9.]+) h each"),
     lambda m: (s := VALUES["stretch"].get(m["s"])) and (
         f"{s}{'（并行）' if m['b'] else ''} \u00b7 {m['share']} \u00b7 每票 {m['h']} 小时")),
    (re.compile(r"(?P<p>[^ ]+) \u00b7 (?P<d>import|export): (?P<r>[0-9.]+) h to release, "
                r"(?P<o>[0-9.]+) h to the end of the flow \((?P<n>[0-9,]+) consignments\)"),
     lambda m: (f"{m['p']} \u00b7 {VALUES['direction'][m['d']]}：至放行 {m['r']} 小时，"
                f"至流程结束 {m['o']} 小时（{m['n']} 票）")),
    (re.compile(r"(?P<p>[^ ]+): no (?P<d>imports|exports)"),
     lambda m: (d := _direction(m["d"])) and f"{m['p']}：无{d}货物"),
    (re.compile(r"change in (?P<what>.+?), (?P<cur>[A-Za-z]+)\)"),
     lambda m: (w := _COSTS.get(m["what"])) and (
         f"{w}，{'货币' if m['cur'] == 'currency' else m['cur']}）的变化")),
]
PATTERNS += zh_org_plot.PATTERNS  # (the organisation tree's, tried last)


@lru_cache(maxsize=4096)
def plot_text(en: str) -> str | None:
    """The Chinese of one text drawn in a plot, or None when it stays as drawn (a name of
    the scenario's, a figure, or words the glossary has not)."""
    core = en.strip()
    if core != en:  # (a name beside a bar, " baseline": its spaces kept)
        zh = plot_text(core) if core else None
        return zh and en[: len(en) - len(en.lstrip())] + zh + en[len(en.rstrip()):]
    if en in WORDS:
        return WORDS[en]
    for words in ("owner", "type"):  # (the owner chart's legend, the illicit types' rows)
        if en in VALUES[words]:
            return VALUES[words][en]
    for pattern, said in PATTERNS:
        m = pattern.fullmatch(en)
        if m:
            return said(m) or None
    return None
