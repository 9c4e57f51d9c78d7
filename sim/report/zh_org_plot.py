"""The words drawn inside the organisation tree (:mod:`sim.report.org_plot`) in Simplified
Chinese, for the Chinese report and the workshop page: its title, colour bar, levels, each
panel's title and each unit's box. Unit names are the scenario's own and stay as written;
levels and structures are said as :mod:`sim.cli_zh_tree` says them (总署, 纺锤型 ...)."""

from __future__ import annotations

import re
from collections.abc import Callable

from sim.cli_zh_tree import LEVELS, STRUCTURES

#: whole texts of the tree, as drawn
WORDS: dict[str, str] = {
    "Organisation: staff and the utilisation of each unit's busiest role":
        "组织架构：各单位人数及其最繁忙岗位的利用率",
    "busiest role's utilisation: green idle, red saturated (grey: not measured)":
        "最繁忙岗位的利用率：绿色为空闲，红色为饱和（灰色：未测得）",
    **LEVELS,
}
#: how a unit's box counts its staff and says how busy it is (its Chinese, with the figure)
STAFF, BUSY = "{n} 人", "利用率 {u}"
#: a structure drawn with no Chinese name of its own (a scenario's own units, as written)
EXPLICIT = "自定"


def _structure(name: str) -> str:
    """A structure's Chinese name, as the page's caption says it (with 结构)."""
    return f"{STRUCTURES.get(name, EXPLICIT if name == 'explicit' else name)}结构"


def _box(m: re.Match[str]) -> str:
    """A unit's box: its name as written, then its staff and how busy it is in Chinese."""
    lines = [m["name"]]
    if m["n"]:
        lines.append(STAFF.format(n=m["n"]))
    if m["u"]:
        lines.append(BUSY.format(u=m["u"]))
    return "\n".join(lines)


#: texts with a name or figure in them (tried after the report's own patterns)
PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str | None]]] = [
    (re.compile(r"(?P<side>[^\n:]+): (?P<s>spindle|hybrid|dumbbell|explicit)"),
     lambda m: f"{'基准方案' if m['side'] == 'baseline' else m['side']}："
               f"{_structure(m['s'])}"),
    (re.compile(r"(?P<name>[^\n]+(?:\n[^\n]+)*?)(?:\n(?P<n>[\d,]+) staff)?"
                r"(?:\n(?P<u>\d+%) busy)?", re.S),
     lambda m: _box(m) if m["n"] or m["u"] else None),
]
