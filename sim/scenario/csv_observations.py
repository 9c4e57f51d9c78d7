"""Observations read from a CSV file, for an empirical distribution (``csv = "file.csv"``).

Every row holds one observation and as many cells as the first row. Whatever would make the
reader guess is an error naming the file, the line and the column: an empty cell, a short or
long row, a quote never closed, a column name the first row holds twice, a cell that is not
a number as a CSV writes one (``1_000`` is Python's syntax; ``١٠`` other digits). Messages
never quote the file beyond one short cell.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from sim.scenario import limits
from sim.scenario.files import MAX_CSV_BYTES, FileProblem, read_text

_HARMLESS = re.compile(r"[\w .+%-]{0,24}")
#: a number as a CSV writes one: ASCII digits, a point, an exponent (or nan and inf, which
#: the distribution refuses with its own message)
_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:nan|inf|infinity)",
                    re.IGNORECASE | re.ASCII)


def read_observations(path: Path, column: str | None) -> list[float]:
    """The observations in the CSV at ``path``: one from every row of ``column`` (named in
    the first row), or of the first column (its first row skipped when not a number)."""
    rows = _csv_rows(path)
    header = rows[0][1]
    col, body = 0, rows
    if column is not None:
        col, body = _column(path, header, column), rows[1:]
    if len(body) > limits.MAX_OBSERVATIONS + 1:
        raise ValueError(
            f"empirical csv {str(path)!r} has {len(body):,} rows; at most "
            f"{limits.MAX_OBSERVATIONS:,} observations"
        )
    name = f"column {column!r}" if column is not None else "column 1"
    out: list[float] = []
    for i, (line, row) in enumerate(body):
        where = f"{str(path)!r} line {line}, {name}"
        if not row:
            raise ValueError(f"{where}: a blank line; every row needs an observation")
        if len(row) != len(header):
            raise ValueError(
                f"{where}: the row has {len(row)} cell(s), but the first row has "
                f"{len(header)}; every row needs one cell per column"
            )
        cell = row[col].strip()
        if cell == "":
            raise ValueError(f"{where}: an empty cell; every row needs an observation")
        if _PLAIN.fullmatch(cell):
            out.append(float(cell))
            continue
        if i == 0 and column is None and not _number_elsewhere(cell):  # a header line
            continue
        shown = f" ({cell!r})" if _HARMLESS.fullmatch(cell) else ""
        raise ValueError(f"{where}: not a number{shown}{_how(cell)}")
    if not out:  # (a file of a header alone: "empirical needs a value" did not say so)
        first = "the header row" if column is not None else "its first row, not a number"
        raise ValueError(
            f"empirical csv {str(path)!r} has no observation: {first} is a header, and no "
            "row follows it"
        )
    return out


def _column(path: Path, header: list[str], column: str) -> int:
    """Where ``column`` is in the first row: once, or the choice would be a guess."""
    at = [i for i, name in enumerate(header) if name == column]
    if not at:
        raise ValueError(
            f"column {column!r} not in the first row of {str(path)!r} ({len(header)} column(s))"
        )
    if len(at) > 1:
        raise ValueError(
            f"column {column!r} is ambiguous: the first row of {str(path)!r} names "
            f"{len(at)} columns so (columns {', '.join(str(i + 1) for i in at)}); give each "
            "column its own name"
        )
    return at[0]


def _number_elsewhere(cell: str) -> bool:
    """Whether ``cell`` is a number in another syntax (``1_000``), not a header's name."""
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _how(cell: str) -> str:
    """How to write a number another syntax gave (``1_000``, other digits), else ""."""
    if not _number_elsewhere(cell):
        return ""
    if "_" in cell:
        return "; write it without '_' (1000, not 1_000)"
    return "; write it with the digits 0-9, a '.' and an exponent only (e.g. 1000 or 1e3)"


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The rows of the CSV at ``path`` with the line each ends on; blank lines at the end of
    the file dropped (an editor's), any other blank line kept (as a row of no cells)."""
    try:
        text = read_text(path, MAX_CSV_BYTES)
        if text.count("\n") > limits.MAX_OBSERVATIONS + 2:
            raise FileProblem(f"has more than {limits.MAX_OBSERVATIONS:,} rows")
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        rows: list[tuple[int, list[str]]] = []
        for row in reader:
            rows.append((reader.line_num, row))
    except FileProblem as exc:
        raise ValueError(f"empirical csv {str(path)!r} {exc}") from None
    except csv.Error as exc:
        line = rows[-1][0] + 1 if rows else 1
        raise ValueError(f"{str(path)!r} line {line}{_quote_problem(text, line, exc)}") from None
    while rows and not any(cell.strip() for cell in rows[-1][1]):
        rows.pop()
    if not rows:
        raise ValueError(f"empirical csv {str(path)!r} is empty")
    return rows


def _quote_problem(text: str, line: int, exc: csv.Error) -> str:
    """What is wrong with the row that starts on ``line``, and in which column."""
    lines = text.splitlines()
    column = f", column {_bad_cell(lines[line - 1])}" if line <= len(lines) else ""
    if "unexpected end of data" in str(exc):
        return (f"{column}: a quoted cell is never closed (a '\"' without its closing '\"'); "
                "close it, or write the cell without quotes")
    return f"{column}: cannot be read as CSV ({exc}); a quoted cell is a whole cell, \"...\""


def _bad_cell(line: str) -> int:
    """The column (from 1) of the first cell of ``line`` whose quotes are wrong: text after
    its closing quote, or a quote it never closes (then the last cell)."""
    column, quoted, start, i = 1, False, True, 0
    while i < len(line):
        c = line[i]
        if quoted and c == '"':
            if line[i + 1:i + 2] == '"':  # (a doubled quote: one quote inside the cell)
                i += 2
                continue
            if line[i + 1:i + 2] not in ("", ","):
                return column
            quoted = False
        elif not quoted and c == ",":
            column, start = column + 1, True
            i += 1
            continue
        elif c == '"' and start:
            quoted = True
        start, i = False, i + 1
    return column
