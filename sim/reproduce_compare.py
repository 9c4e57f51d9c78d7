"""The comparison of a results folder with its re-run (:mod:`sim.reproduce`): each
replication's figures and table checksums, the summary files byte for byte, and what differs
of the code and platform that made the two; then the verdict's lines."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim.reproduce import Recorded, run_dir
from sim.reproduce import read_json as _json

#: what a folder records of the code and platform that made it
ENVIRONMENT = ("version", "build", "python", "libraries", "machine", "platform", "git")
#: summary files compared byte for byte (every CSV of the folder's top level too)
_SUMMARIES = ("summary.json", "warning-records.json")
#: a folder's files that other commands add after it finished (bordersim appraise)
_ADDED_LATER = ("appraisal.csv",)
SHOWN = 10  # the figures that moved most, listed
#: the heading of the original's files that fail the checksums it keeps of them
STORED = ("the original folder's own checksums say these files were edited, damaged or "
          "deleted after it was written (its figures cannot be trusted as published)")


@dataclass
class Outcome:
    """What the comparison of the original with the re-run found."""

    checked_reps: int
    all_reps: bool
    replications: int = 0  # replication records compared (over the options)
    files: int = 0  # summary files compared
    moved: list[tuple[str, str, float, float]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    environment: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files not compared, and why
    stored: list[str] = field(default_factory=list)  # the original's files that fail its
    # own checksums (:mod:`sim.reproduce_stored`)
    points: int = 0  # a sweep's points re-run
    tables: list[str] = field(default_factory=list)  # summary CSV files whose cells differ,
    # each with the fields that differ and how many cells (:func:`_table_change`)

    @property
    def same(self) -> bool:
        return not self.moved and not self.problems and not self.stored and not self.tables


def _equal(a: Any, b: Any) -> bool:
    """Equal values, a missing figure (NaN or null) equal to another."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)


def _leaves(data: Any, path: str = "") -> dict[str, Any]:
    """A JSON document's values by their path (``options/fast/clearance_h_mean/mean``)."""
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            out.update(_leaves(value, f"{path}/{key}" if path else str(key)))
        return out
    if isinstance(data, list):
        out = {}
        for i, value in enumerate(data):
            out.update(_leaves(value, f"{path}[{i}]"))
        return out
    return {path: data}


def figures(where: str, old: dict[str, Any], new: dict[str, Any], out: Outcome) -> None:
    """Add to ``out`` every figure of ``old`` that is not the same in ``new``."""
    for name in dict.fromkeys([*old, *new]):
        if name not in new or name not in old:
            out.problems.append(f"{where}: {name} is in only the "
                                f"{'original' if name in old else 're-run'}")
            continue
        a, b = old[name], new[name]
        if _equal(a, b):
            continue
        if isinstance(a, int | float) and isinstance(b, int | float):
            out.moved.append((where, name, float(a), float(b)))
        else:
            out.problems.append(f"{where}: {name} was {a!r}, is {b!r}")


def _records(rec: Recorded, new: Path) -> tuple[Path, Path]:
    """The files recording where the original and the re-run were made: a run's
    ``meta.json``; a comparison's ``compare.json`` (its baseline's ``meta.json`` when the
    original's was written before it recorded Python and machine)."""
    if rec.kind != "compare":
        return rec.folder / "meta.json", new / "meta.json"
    if "python" in _json(rec.folder / "compare.json"):
        return rec.folder / "compare.json", new / "compare.json"
    base = rec.options[0]
    return run_dir(rec.folder, base) / "meta.json", run_dir(new, base) / "meta.json"


def environment(old: Path, new: Path, out: Outcome) -> None:
    """Name what differs between the code and platform that made the two folders (``old``,
    ``new``: their records, :func:`_records`)."""
    a, b = _json(old), _json(new)
    for key in ENVIRONMENT:
        if a.get(key) != b.get(key):
            out.environment += [f"{key}: {x} in the original, {y} now"
                                for x, y in _said(key, a.get(key), b.get(key))]


def _said(key: str, a: Any, b: Any) -> list[tuple[str, str]]:
    """One record that differs, as a reader checks it: each library that differs with its
    two versions (not the two whole tables), a checkout's commit (12 digits, as ``git log``
    takes it) and whether its tracked files were changed; any other as it is recorded."""
    if key == "libraries" and isinstance(a, dict) and isinstance(b, dict):
        return [(f"{n} {a.get(n, '(none)')}", f"{n} {b.get(n, '(none)')}")
                for n in sorted({*a, *b}) if a.get(n) != b.get(n)]
    if key == "git":
        return [(_checkout(a), _checkout(b))]
    return [(str(a), str(b))]


def _checkout(git: Any) -> str:
    """A recorded ``git`` field in words: the commit, and changes to tracked files if any."""
    if not isinstance(git, dict) or not git.get("commit"):
        return "no checkout recorded"
    changed = " with changes to tracked files" if git.get("dirty") else ""
    return f"commit {str(git['commit'])[:12]}{changed}"


def _replications(rec: Recorded, new: Path, out: Outcome) -> None:
    """Compare each re-run replication record with the original's."""
    for option in rec.options:
        old_dir, new_dir = run_dir(rec.folder, option), run_dir(new, option)
        label = f"option {option}: " if option else ""
        a, b = _json(old_dir / "meta.json"), _json(new_dir / "meta.json")
        if a.get("scenario_hash") != b.get("scenario_hash"):
            out.problems.append(f"{label}the scenario re-run is not the original's (hash "
                                f"{str(a.get('scenario_hash'))[:12]} against "
                                f"{str(b.get('scenario_hash'))[:12]})")
        for r in range(out.checked_reps):
            name = f"rep-{r:04d}.json"
            old, fresh = _json(old_dir / "reps" / name), _json(new_dir / "reps" / name)
            where = f"{label}replication {r}"
            out.replications += 1
            for key in ("seed", "events"):
                if old.get(key) != fresh.get(key):
                    out.problems.append(f"{where}: {key} was {old.get(key)}, is "
                                        f"{fresh.get(key)}")
            tables_a, tables_b = old.get("tables") or {}, fresh.get("tables") or {}
            for table in dict.fromkeys([*tables_a, *tables_b]):
                if tables_a.get(table) != tables_b.get(table):
                    out.problems.append(f"{where}: its table rep-{r:04d}{table} differs")
            figures(where, old.get("metrics") or {}, fresh.get("metrics") or {}, out)


def summaries(rec: Recorded, new: Path, out: Outcome,
              only: tuple[str, ...] | None = None) -> None:
    """Compare the folder's summary files byte for byte (the figures of the JSON ones one
    by one where they differ); a file of either folder that the other lacks is named.
    ``only``: those files (a sweep's tables); else every CSV of either and the JSON ones."""
    names = sorted({p.name for folder in (rec.folder, new) for p in folder.glob("*.csv")}
                   | set(_SUMMARIES)) if only is None else list(only)  # (the re-run's
    # CSV files too: one deleted from the original)
    for name in names:
        old, fresh = rec.folder / name, new / name
        if not old.exists() and not fresh.exists():
            continue
        if name in _ADDED_LATER:
            out.skipped.append(f"{name} (added by another command, not by {rec.kind})")
            continue
        if name == "validation.csv" and not fresh.exists():
            out.skipped.append("validation.csv (the --observed file its command names is "
                               "not here)")
            continue
        if not old.exists() or not fresh.exists():
            which = "re-run" if fresh.exists() else "original"
            out.problems.append(f"{name} is in only the {which}")
            continue
        out.files += 1
        if old.read_bytes() == fresh.read_bytes():
            continue
        if name.endswith(".json"):
            figures(name, _leaves(_json(old)), _leaves(_json(fresh)), out)
        else:
            out.tables.append(_table_change(name, old, fresh))


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _table_change(name: str, old: Path, new: Path) -> str:
    """How a CSV file differs: how many of its cells differ, field by field (each column
    with its count), and the one that moved most (its row by its words, its column, both
    values), or that its shape differs."""
    import csv

    with old.open(newline="", encoding="utf-8") as a, new.open(newline="", encoding="utf-8") as b:
        rows_a, rows_b = list(csv.reader(a)), list(csv.reader(b))
    if not rows_a or not rows_b or rows_a[0] != rows_b[0] or len(rows_a) != len(rows_b):
        return (f"{name} differs: {count(len(rows_a) - 1, 'row')} in the original, "
                f"{len(rows_b) - 1} now, or other columns")
    header, moved, worst = rows_a[0], 0, (-1.0, "")
    by_field: dict[str, int] = {}
    for row_a, row_b in zip(rows_a[1:], rows_b[1:], strict=True):
        words = "/".join(c for c in row_a if c and _number(c) is None)[:60]
        for col, x, y in zip(header, row_a, row_b, strict=False):
            if x == y:
                continue
            moved += 1
            by_field[col] = by_field.get(col, 0) + 1
            fx, fy = _number(x), _number(y)
            size = abs(fy - fx) / (abs(fx) or 1.0) if fx is not None and fy is not None else 1.0
            if size > worst[0]:
                worst = (size, f"{words or 'a row'}, {col}: {x} -> {y}")
    cells = sum(len(r) for r in rows_a[1:])
    fields = ", ".join(f"{col} ({n})" for col, n in by_field.items())
    return (f"{name} differs in {moved} of {cells} cells, in fields {fields}; most: "
            f"{worst[1]}")


def compare_folders(rec: Recorded, new: Path, reps: int) -> Outcome:
    """Compare the re-run in ``new`` (of the first ``reps`` replications) with ``rec``."""
    made = int(_json(new / ("compare.json" if rec.kind == "compare" else "meta.json"))["reps"])
    out = Outcome(checked_reps=min(reps, made), all_reps=reps == rec.reps == made)
    if made != reps:
        out.problems.append(f"the re-run made {count(made, 'replication')}, not {reps}")
    environment(*_records(rec, new), out)
    _replications(rec, new, out)
    if out.all_reps:
        summaries(rec, new, out)
    return out


def count(n: float, what: str) -> str:
    """``n`` and a noun, plural unless ``n`` is 1 ("1 observed day", "2 observed days"),
    so that no line of the verdict reads "1 replications"."""
    shown = f"{n:g}" if isinstance(n, float) else str(n)  # (days may be a fraction)
    return f"{shown} {what}{'' if n == 1 else 's'}"


def files_named(lines: list[str], folder: Path) -> int:
    """How many files of ``folder`` the checks' ``lines`` name, each line by the path it
    begins with (up to a colon or a space): one edited ``compare.json`` that disagrees with
    each option's ``meta.json`` is one file, though two lines. A line that begins with no
    path of the folder counts as a file of its own."""
    root = str(folder)
    named = set()
    for line in lines:
        rest = line[len(root):] if line.startswith(root) else None
        named.add(line if rest is None else root + re.split(r"[\s:]", rest, maxsplit=1)[0])
    return len(named)


def change(a: float, b: float) -> str:
    """How a figure moved: ``a -> b (difference, relative)``."""
    rel = (b - a) / abs(a) if a else math.inf
    return f"{a:.6g} -> {b:.6g} ({b - a:+.3g}, {rel:+.2%})" if a else f"{a:.6g} -> {b:.6g}"


def ranked(moved: list[tuple[str, str, float, float]]) -> list[tuple[str, str, float, float]]:
    """The figures that moved, the one that moved most (relative to its value) first."""
    return sorted(moved, key=lambda m: -abs(m[3] - m[2]) / (abs(m[2]) or 1e-300))


def verdict(rec: Recorded, new: Path, out: Outcome) -> list[str]:
    """The lines that say what was compared and whether the figures reproduced."""
    points = f"{out.points} of {count(rec.points, 'point')}, " if rec.kind == "sweep" else ""
    lines = [f"re-ran {rec.folder} into {new}: {rec.kind}, seed {rec.seed}, {points}"
             f"{out.checked_reps} of {count(rec.reps, 'replication')}, "
             f"{count(rec.days, 'observed day')}"]
    lines.append(f"compared {count(out.replications, 'replication record')}"
                 + (f" and {count(out.files, 'summary file')}" if out.all_reps else
                    "; summary files not compared (they are over all the replications: "
                    "re-run without --reps to compare them)" if rec.kind != "sweep" else
                    "; summary files not compared (they are over all the points and "
                    "replications: re-run without --reps and --point to compare them)"))
    if out.skipped:
        lines.append("not compared: " + "; ".join(out.skipped))
    if out.same:
        lines.append("REPRODUCED: every figure compared is the same, bit for bit")
        if out.environment:
            lines.append("though made by other code or on another platform:")
            lines += [f"  {e}" for e in out.environment]
        return lines
    tables = (f"{len(out.tables)} table{' differs' if len(out.tables) == 1 else 's differ'}, "
              if out.tables else "")
    lines.append(f"NOT REPRODUCED: {count(len(out.moved), 'figure')} moved, {tables}"
                 f"{count(len(out.problems), 'other difference')}"
                 + (f", {count(files_named(out.stored, rec.folder), 'file')} of the original "
                    "changed since it was written" if out.stored else ""))
    if out.stored:
        lines.append(f"  {STORED}:")
        lines += [f"  {p}" for p in out.stored[:SHOWN]]
        if len(out.stored) > SHOWN:
            lines.append(f"  ... and {count(len(out.stored) - SHOWN, 'more problem')}")
    worst = ranked(out.moved)
    for where, name, a, b in worst[:SHOWN]:
        lines.append(f"  {where}: {name} {change(a, b)}")
    if len(worst) > SHOWN:
        lines.append(f"  ... and {count(len(worst) - SHOWN, 'more figure')}")
    lines += [f"  {t}" for t in out.tables]  # (every edited file: a folder has few)
    lines += [f"  {p}" for p in out.problems[:SHOWN]]
    if len(out.problems) > SHOWN:
        lines.append(f"  ... and {count(len(out.problems) - SHOWN, 'more difference')}")
    if out.environment:
        lines.append("made by other code or on another platform, which may explain "
                     + ("figures that moved, not files changed since the folder was written:"
                        if out.stored else "it:"))
        lines += [f"  {e}" for e in out.environment]
    else:
        lines.append("the same version, build, Python, libraries and machine: the figures "
                     "should have been the same; the folder's files may have been edited")
    return lines
