"""A docs page's marked tables of figures, read and set against a command's new output.

A page shows a command in a ```sh block and a table of what it printed. Runs are
deterministic under their seed, so the figures stay what the code gives unless the model
changed; :mod:`sim.docs_figures` re-runs the commands and this module, which runs nothing,
says which figures moved. A writer labels a command with a comment line in its block
(``# compare 1: what it is``) and marks a table with an HTML comment just before it::

    <!-- figures: column 3
    row 1, compare 1: escalation_latency_h_mean; escalation_latency_h_mean diff dumbbell
    row 2, compare 4: -; trader_cost_per_consignment in single_window
    row 2, column 4, compare 4: trader_cost_per_consignment in aeo_mutual_recognition
    -->

``column`` is the table's column of figures (1: the first; a row may name its own, for a
table with an option a column); ``percent``, on the first line or a row's, says the figures
print a share as a percentage and a share's difference in percentage points (``81.3 %`` and
``-0.4`` for 0.813 and -0.004): the output is multiplied by 100 before it is compared. The
``%`` sign is not relied on, since a difference in points and a table whose header says
"%" print none. Each ``row N`` (the N-th row under the header) names its
command (or the header does: ``figures: compare 1, column 3``) and one key for each number
in that cell, in order, separated by ``;``: ``METRIC`` (the baseline's mean), ``METRIC in
OPTION`` (an option's mean), ``METRIC diff OPTION`` (its
paired difference from the baseline) or ``-`` (a number that is no figure of the run, such
as a head count). A number followed by ``(LOW to HIGH)`` or ``[LOW, HIGH]``, or by ``, LOW
to HIGH)`` (an option's mean with its difference: ``6.36 (-0.19, -0.20 to -0.18)``),
carries its 95 % interval, and the interval is checked too; a ``%`` or a unit of up to four
letters may stand between the number and its interval (``6.24 % [5.87, 6.61]``). A minus
may be printed as ``-`` or as the minus sign U+2212. Code in backticks is not read for numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

_NUM = r"[-+\u2212]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+\u2212]?\d+(?:\.\d+)?"
_FIGURE = re.compile(
    rf"(?<![\w.])(?P<v>{_NUM})(?![\w])"
    rf"(?:(?:\s+(?:[A-Za-z]{{1,4}}|%))?\s*"
    rf"(?:\((?:95 % CI )?(?P<lo>{_NUM}) to (?P<hi>{_NUM})(?![\w])"
    rf"|\[(?P<blo>{_NUM}), (?P<bhi>{_NUM})\])"
    rf"|,\s*(?P<clo>{_NUM}) to (?P<chi>{_NUM})\))?"
)
_MARKER = re.compile(r"<!--\s*figures:(.*?)-->", re.S)
_LABEL = re.compile(r"^#\s*([^:]+?):")


class FiguresError(ValueError):
    """A page's marker, table or command that cannot be read; the message says where."""


@dataclass(frozen=True)
class Key:
    """What one number in a cell is: a metric's mean (baseline or an option's), a paired
    difference, or no figure of the run (``skip``)."""

    metric: str = ""
    option: str | None = None
    diff: bool = False
    skip: bool = False

    def __str__(self) -> str:
        if self.skip:
            return "-"
        if self.option is None:
            return self.metric
        return f"{self.metric} {'diff' if self.diff else 'in'} {self.option}"


@dataclass(frozen=True)
class Printed:
    """A figure as the page prints it: the mean and, if shown, its interval."""

    mean: str
    low: str | None = None
    high: str | None = None


@dataclass(frozen=True)
class Row:
    """One checked cell: its command's label, the row's number, its keyed figures, the
    page's line and the table's column."""

    command: str
    row: int
    figures: list[tuple[Key, Printed]]
    line: int
    column: int = 1
    percent: bool = False


def commands(text: str) -> dict[str, str]:
    """Each labelled command of the page's ```sh blocks, by label (``# compare 1: ...``
    before it), its continuation lines joined."""
    out: dict[str, str] = {}
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        label = None
        for line in block.replace("\\\n", " ").splitlines():
            m = _LABEL.match(line.strip())
            if m:
                label = m.group(1).strip()
            elif line.strip().startswith("bordersim ") and label is not None:
                out[label] = line.split(" #")[0].strip()
                label = None
    return out


def parse_key(text: str, where: str) -> Key:
    """One key of a marker's row; an error names where it is and what is allowed."""
    words = text.split()
    if words == ["-"]:
        return Key(skip=True)
    if len(words) == 1:
        return Key(metric=words[0])
    if len(words) == 3 and words[1] in ("in", "diff"):
        return Key(metric=words[0], option=words[2], diff=words[1] == "diff")
    raise FiguresError(
        f"{where}: key {text.strip()!r}: give METRIC, 'METRIC in OPTION', "
        "'METRIC diff OPTION' or '-'"
    )


def figures(cell: str) -> list[Printed]:
    """The numbers of a cell in order, each with its interval if one follows it; numbers
    in backticks (settings, reform strengths) are not figures."""
    plain = re.sub(r"`[^`]*`", " ", cell)
    return [
        Printed(m["v"], m["lo"] or m["blo"] or m["clo"], m["hi"] or m["bhi"] or m["chi"])
        for m in _FIGURE.finditer(plain)
    ]


def _table(lines: list[str], start: int, where: str) -> list[tuple[int, list[str]]]:
    """The data rows (line number, cells) of the table that begins at or after ``start``."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    rows = []
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        rows.append((i + 1, [c.strip() for c in lines[i].strip().strip("|").split("|")]))
        i += 1
    if len(rows) < 3:
        raise FiguresError(f"{where}: no table with a header and rows follows the marker")
    return rows[2:]


def _header(text: str, where: str) -> tuple[str | None, int, bool]:
    """The marker's first line: ``[COMMAND,] column N[, percent]``."""
    m = re.fullmatch(
        r"\s*(?:(?P<cmd>[^,]+?)\s*,\s*)?column\s+(?P<col>\d+)\s*(?P<pct>,\s*percent\s*)?"
        r"(?:\(.*\))?\s*",
        text,
    )
    if not m or int(m["col"]) < 1:
        raise FiguresError(
            f"{where}: {text.strip()!r}: write 'figures: [COMMAND,] column N[, percent]'"
        )
    return m["cmd"], int(m["col"]), m["pct"] is not None


def marked_rows(text: str, page: str) -> list[Row]:
    """Every row a figures marker of the page keys, its figures paired with their keys; a
    marker whose keys do not match its cell's numbers is an error."""
    lines = text.splitlines()
    out: list[Row] = []
    for marker in _MARKER.finditer(text):
        at = text.count("\n", 0, marker.start()) + 1
        where = f"{page}, the marker at line {at}"
        head, *specs = [s for s in marker[1].strip().splitlines() if s.strip()]
        if head.strip().startswith("recovery"):  # a listing (sim.docs_figures_recovery)
            continue
        command, column, percent = _header(head, where)
        table = _table(lines, text.count("\n", 0, marker.end()) + 1, where)
        for spec in specs:
            row = _row(spec, command, column, table, where)
            out.append(replace(row, percent=True) if percent else row)
    return out


def _row(
    spec: str, command: str | None, column: int, table: list[tuple[int, list[str]]], where: str
) -> Row:
    """One ``row N[, column M][, COMMAND][, percent]: KEY; KEY ...`` line of a marker, with
    its cell's figures (in the row's own column if it names one, else the marker's)."""
    m = re.fullmatch(r"\s*row\s+(\d+)\s*(?:,\s*([^:]+?))?\s*:(.*)", spec)
    if not m:
        raise FiguresError(
            f"{where}: {spec.strip()!r}: "
            "write 'row N[, column M][, COMMAND][, percent]: KEY; KEY'"
        )
    n, cmd, percent = int(m[1]), command, False
    for part in (m[2] or "").split(","):
        col = re.fullmatch(r"\s*column\s+(\d+)\s*", part)
        if col:
            column = int(col[1])
        elif part.strip() == "percent":
            percent = True
        elif part.strip():
            cmd = part.strip()
    if cmd is None:
        raise FiguresError(f"{where}: row {n} names no command, nor does the marker")
    if not 1 <= n <= len(table) or not 1 <= column <= len(table[n - 1][1]):
        raise FiguresError(f"{where}: row {n}, column {column}: the table has no such cell")
    line, cells = table[n - 1]
    keys = [parse_key(k, f"{where}, row {n}") for k in m[3].split(";")]
    found = figures(cells[column - 1])
    if len(keys) != len(found):
        raise FiguresError(
            f"{where}, row {n}: its cell has {len(found)} numbers "
            f"({', '.join(p.mean for p in found)}), the marker {len(keys)} keys"
        )
    kept = [(k, p) for k, p in zip(keys, found, strict=True) if not k.skip]
    return Row(cmd, n, kept, line, column, percent)


def value(key: Key, output: dict[str, Any]) -> tuple[float, float, float]:
    """A key's mean and 95 % interval in a ``compare --json`` output, the interval clipped
    as the command's table prints it (a share's within 0 and 1, a count's above 0)."""
    from sim.experiment.compare import clip_interval

    table = output["differences"] if key.diff else output["options"]
    option = key.option if key.option is not None else next(iter(output["options"]))
    try:
        v = table[option][key.metric]
    except KeyError:
        raise FiguresError(
            f"{key}: the command printed no such figure (options: "
            f"{', '.join(output['options'])})"
        ) from None
    low, high = clip_interval(key.metric, float(v["ci_low"]), float(v["ci_high"]), key.diff)
    return float(v["mean"]), low, high
