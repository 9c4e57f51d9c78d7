"""How a results folder was made, command by command: the ``history`` of its ``meta.json``
(a run, a sweep) or ``compare.json`` (a comparison).

Each command that writes into the folder, the first and every one that resumes it, appends
one entry::

    {"command": [...], "started": "2024-05-01T12:00:00+00:00", "build": "0.1.0+abcdef123456",
     "computed": ...}

``computed`` is what that command computed itself (not what it loaded from the folder), in
one format for the three commands: the replication numbers it finished, a list for a run
(``[0, 1]``) and, for a comparison and a sweep, an object of such lists by option
(``{"baseline": [0, 1], "A": [0]}``) or by point number (``{"0": [0, 1], "2": [1]}``: the
(point, replication) pairs). It is null until the command ends; a command interrupted
(Ctrl-C, a SIGTERM) says what it computed until then and ``"interrupted": true``, so where
each kept replication came from stays known (null remains for one killed outright, or, as
the first entry of a folder written before the history was kept, not known). A command whose
replications raised also gives them (``failed``, in the same format). A sweep folder
written before sweeps gave their pairs holds a count of them instead (still read).

The record's ``command``, ``created`` and ``resumed`` keys stay as they were (the last
command, when the folder was first made, when it was last resumed).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sim.build import build


def history_of(old: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The entries an existing record lists; for a record written before the history was
    kept, one entry from what it says of its last command (what that computed unknown)."""
    if not old:
        return []
    found = old.get("history")
    if isinstance(found, list):
        return [dict(entry) for entry in found if isinstance(entry, dict)]
    entry = {
        "command": old.get("command"),
        "started": old.get("resumed") or old.get("created"),
        "build": old.get("build"),
        "computed": None,
    }
    return [entry]


def entry(command: Any, started: str) -> dict[str, Any]:
    """The entry of this command, started at ``started`` (what it computed still unknown)."""
    return {"command": command, "started": started, "build": build(), "computed": None}


def close(history: Any, computed: Any, failed: Any = None, interrupted: bool = False) -> None:
    """Say in the last entry of ``history`` (this command's) what it ``computed``, and the
    replications that ``failed``, if any, and whether it was ``interrupted`` before it
    finished (what it computed until then is kept, and said); a history that is not a list
    is left alone."""
    if not isinstance(history, list) or not history or not isinstance(history[-1], dict):
        return
    history[-1]["computed"] = computed
    if failed:
        history[-1]["failed"] = failed
    if interrupted:
        history[-1]["interrupted"] = True


def ended_whole(old: dict[str, Any] | None, failures: Path | None = None) -> bool:
    """Whether the command before this one (``old``: the record it left) ended with every
    replication it ran finished, so that the tables it pools are in the folder, made from
    the replications the record gives. A record from before the history was kept: when
    its folder's ``failures`` file (given) is not there (a run that ended with failures
    leaves it; one that finished removes it)."""
    if not old:
        return False
    found = old.get("history")
    if isinstance(found, list):
        last = found[-1] if found else None
        return isinstance(last, dict) and last.get("computed") is not None and (
            not last.get("failed")) and not last.get("interrupted")
    return failures is not None and not failures.exists()


def by_unit(pairs: Iterable[tuple[Any, int]]) -> dict[str, list[int]]:
    """(unit, replication) pairs (a comparison's option, a sweep's point) as ``computed``
    gives them: each unit's replication numbers, sorted, by unit in order."""
    out: dict[str, set[int]] = {}
    for unit, r in pairs:
        out.setdefault(str(unit), set()).add(int(r))
    return {unit: sorted(out[unit]) for unit in sorted(out, key=_unit_order)}


def _unit_order(unit: str) -> tuple[int, int | str]:
    """Point numbers in numeric order (``"10"`` after ``"2"``), then names."""
    return (0, int(unit)) if unit.isdigit() else (1, unit)
