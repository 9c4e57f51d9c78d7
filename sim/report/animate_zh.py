"""The words drawn inside the animated port (:mod:`sim.report.animate`) in Simplified Chinese,
for the workshop page's animation and ``bordersim animate --lang zh``: the lanes (the
glossary's lane words), the two column heads, a lane's server note, the clock, the window's
counts and the flagged seizures and rejections, in the terms of the console's tables (到港、
放行、查扣、退运). Port names, the port's label and goods kinds stay as written; a text with
no Chinese here stays English, whole."""

from __future__ import annotations

import re
from collections.abc import Callable

from sim.cli_zh_hours import DAYS
from sim.report.zh_glossary import VALUES

#: whole texts, as drawn
WORDS: dict[str, str] = {
    "servers (green = busy)": "服务台（绿色 = 忙碌）",
    "waiting (one box a consignment)": "排队（每个方块一票货物）",
    "off shift": "不在班",
}
_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: what the flag says of a consignment found
_OUTCOMES = {"SEIZED": "查扣", "REJECTED": "退运"}


def _clock(m: re.Match[str]) -> str:
    title = f"{m['title']}  " if m["title"] else ""
    return f"{title}第 {m['d']} 天，{DAYS[_EN_DAYS.index(m['w'])]} {m['hm']}"


def _flag(m: re.Match[str]) -> str:
    trader = VALUES["class"].get(m["c"], m["c"])
    return f"{_OUTCOMES[m['o']]}：{m['g']}（{trader}）"


#: texts with a name or figure in them: each gives the Chinese, or None to keep the English
PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]] = [
    (re.compile(r"(?:(?P<title>.*)  )?day (?P<d>\d+), (?P<w>Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
                r"(?P<hm>\d\d:\d\d)", re.S), _clock),
    (re.compile(r"in this window: (?P<a>\d+) arrived, (?P<r>\d+) released, (?P<s>\d+) "
                r"seized, (?P<j>\d+) rejected"),
     lambda m: f"本时段内：到港 {m['a']} 票，放行 {m['r']} 票，查扣 {m['s']} 票，"
               f"退运 {m['j']} 票"),
    (re.compile(r"unlimited \((?P<n>\d+) busy\)"), lambda m: f"不限（{m['n']} 个忙碌）"),
    (re.compile(r"(?P<o>SEIZED|REJECTED): (?P<g>[^;]+) \((?P<c>[^();]+)\)"), _flag),
]


def said(en: str) -> str:
    """The Chinese of one text drawn in the animation; the English where it has none. A lane
    is named as the report names it (``document check``: 单证审核); a flag of several finds,
    each said in turn."""
    if en in WORDS:
        return WORDS[en]
    lane = VALUES["lane"].get(en.replace(" ", "_"))
    if lane is not None:
        return lane
    for pattern, zh in PATTERNS:
        m = pattern.fullmatch(en)
        if m:
            return zh(m) or en
    if "; " in en or en.endswith(" ..."):  # (the flag: up to three finds, then " ...")
        more = en.endswith(" ...")
        parts = [said(p) for p in en.removesuffix(" ...").split("; ")]
        return "；".join(parts) + ("……" if more else "")
    return en
