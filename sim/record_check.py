"""Whether what a results folder says produced it still agrees with itself: a comparison's
``compare.json`` (its seed, run length and baseline scenario hash, which ``bordersim
reproduce`` re-runs by) against each option's ``meta.json`` (which its replications are
checked against), and a run's or a comparison's recorded command (what a reader types
again) against the seed, days and replications the record gives. A seed or a ``--days``
edited in either file otherwise passed ``reproduce --check-only`` as written, and the
re-run would run another study than the one that made the figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: what every option of a comparison ran under, as ``compare.json`` records it too
SHARED = ("seed", "days", "warmup_days", "drain_days")

#: a command's flag and the record's field it must agree with (as a number)
FLAGS = (("--seed", "seed"), ("--days", "days"), ("--reps", "reps"))


def record_problems(folder: Path, kind: str, options: list[str]) -> list[str]:
    """One line per disagreement between ``folder``'s record (``compare.json`` of a
    comparison of ``options``, else ``meta.json``) and its options' ``meta.json`` or its
    own recorded command; empty when they agree."""
    from sim.report.folder import read_object

    own = folder / ("compare.json" if kind == "compare" else "meta.json")
    try:
        record = read_object(own)
    except ValueError as exc:
        return [str(exc)]
    problems = _command(own, record)
    if kind != "compare":
        return problems
    for name in options:
        meta_path = folder / "options" / name / "meta.json"
        try:
            meta = read_object(meta_path)
        except ValueError:
            continue  # (named already: the option's replications are checked against it)
        keys = [*SHARED, "scenario_hash"] if name == "baseline" else list(SHARED)
        problems += [f"{own}: {key} is {record.get(key)!r}, but {meta_path} records "
                     f"{meta.get(key)!r} (its replications ran under that): one of them was "
                     "edited after the comparison" for key in keys
                     if record.get(key) != meta.get(key)]
    return problems


def _command(own: Path, record: dict[str, Any]) -> list[str]:
    """The recorded command's ``--seed``, ``--days`` and ``--reps`` (each where given:
    ``--reps`` not beside ``--precision``, ``--days`` not beside ``--set days=``) against
    the record's ``seed``, ``days`` and ``reps``."""
    command = [str(c) for c in record.get("command") or []]
    if command[:1] != ["bordersim"]:
        return []  # (made from Python: no command to type again)
    given = _given(command[1:])
    skip = {"--reps"} if "--precision" in given else set()
    if any(c.startswith("days=") for c in _values(command[1:], "--set")):
        skip.add("--days")
    problems = []
    for flag, key in FLAGS:
        if flag not in given or flag in skip:
            continue
        try:
            agrees = float(given[flag]) == float(record[key])
        except (KeyError, TypeError, ValueError):
            agrees = False
        if not agrees:
            problems.append(f"{own}: its command gives {flag} {given[flag]}, but its {key} is "
                            f"{record.get(key)!r}: the command or the record was edited after "
                            "the run")
    return problems


def _given(words: list[str]) -> dict[str, str]:
    """Each flag of ``words`` with its last value (``--flag value`` or ``--flag=value``)."""
    given: dict[str, str] = {}
    for i, word in enumerate(words):
        if not word.startswith("--"):
            continue
        name, eq, value = word.partition("=")
        nxt = words[i + 1] if i + 1 < len(words) else ""
        given[name] = value if eq else ("" if nxt.startswith("--") else nxt)
    return given


def _values(words: list[str], flag: str) -> list[str]:
    """Every value given to a repeatable ``flag`` in ``words``."""
    out = []
    for i, word in enumerate(words):
        name, eq, value = word.partition("=")
        if name == flag:
            out.append(value if eq else (words[i + 1] if i + 1 < len(words) else ""))
    return out
