"""A command's progress on standard error in Simplified Chinese (``--lang zh``): what it
counts, the first line, each progress line and the bar's label, for ``run``, ``compare`` and
``sweep`` (:mod:`sim.cli_progress`). A projected workshop sees these first, before any table.
Scenario and option names stay as written; a label with no Chinese here stays English."""

from __future__ import annotations

import re

#: the English of what a command counts (the whole of it) -> its Chinese
WHATS: tuple[tuple[str, str], ...] = (
    (r"(?P<s>.+): replications", "{s}：重复运行"),
    (r"(?P<s>.+): simulations \(one per option and replication, (?P<n>\d+) options?\)"
     r"(?: \(not counting (?P<t>.+): the baseline's, reused\))?",
     "{s}：模拟（每个方案的每次重复运行各一次，共 {n} 个方案）"),
    (r"sweep: point x replication", "参数扫描：扫描点 × 重复运行"),
    (r"sobol: point x replication", "Sobol 扫描：取样点 × 重复运行"),
)
#: the clause said of options left out of the count (they reuse the baseline's replications)
REUSED = "（不计 {t}：沿用基准方案的结果）"


def what_zh(what: str) -> str:
    """What a command counts, in Chinese; as given where it has none."""
    for pattern, zh in WHATS:
        m = re.fullmatch(pattern, what)
        if m:
            said = zh.format(**{k: v for k, v in m.groupdict().items() if v is not None})
            return said + (REUSED.format(t=m["t"]) if m.groupdict().get("t") else "")
    return what


def span_zh(span: str) -> str:
    """``1 h 02 min``, ``3 min 05 s``, ``12 s`` in Chinese units."""
    return span.replace(" h", " 小时").replace(" min", " 分").replace(" s", " 秒")


def started_zh(what: str, total: int, often: str) -> str:
    """The first line, as :func:`sim.cli_progress.started` says it."""
    return f"开始：{what_zh(what)}，共 {total} 次（进度至多每 {span_zh(often)}显示一行）"


def line_zh(what: str, done: int, total: int, share: float, spent: str, left: str) -> str:
    """A progress line, as :class:`sim.cli_progress.Lines` says it."""
    return (f"进度：{what_zh(what)} {done}/{total}（{share:.0f}%），已用 {span_zh(spent)}，"
            f"预计还需约 {span_zh(left)}")
