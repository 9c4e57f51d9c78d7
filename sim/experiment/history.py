"""How a results folder was made, command by command: the ``history`` of its ``meta.json``
(a run, a sweep) or ``compare.json`` (a comparison).

Each command that writes into the folder, the first and every one that resumes it, appends
one entry::

    {"command": [...], "started": "2024-05-01T12:00:00+00:00", "build": "0.1.0+abcdef123456",
     "computed": ..., "typed_in": "../.."}

``command`` holds no directory of the machine (its paths relative to where it was typed,
``typed_in``, itself relative to the folder: :mod:`sim.experiment.command_paths`; entries
written before may hold absolute paths and no ``typed_in``).

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

A command killed outright (``kill -9``, a power cut) cannot say what it computed. The next
command into the folder does it for it: the killed entry gets ``"killed": true`` and, as its
``computed``, the replication files present that no other entry accounts for (a replication
it finished that a later command found damaged, and computed again, is then not named); when
an earlier entry's is not known either (null, or a sweep's count), which are the killed
command's cannot be told, and its ``computed`` stays null.

The record's ``command``, ``created`` and ``resumed`` keys stay as they were (the last
command, when the folder was first made, when it was last resumed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sim.build import build


def history_of(old: dict[str, Any] | None, present: Any = None) -> list[dict[str, Any]]:
    """The entries an existing record lists; for a record written before the history was
    kept, one entry from what it says of its last command (what that computed unknown).
    ``present``: the replications whose files the folder holds, in ``computed``'s format,
    to say what a command killed before it ended computed (:func:`fill_killed`)."""
    if not old:
        return []
    found = old.get("history")
    if isinstance(found, list):
        entries = [dict(entry) for entry in found if isinstance(entry, dict)]
        if present is not None:
            fill_killed(entries, present)
        return entries
    entry = {
        "command": old.get("command"),
        "started": old.get("resumed") or old.get("created"),
        "build": old.get("build"),
        "computed": None,
    }
    return [entry]


def entry(command: Any, started: str, folder: Path | None = None) -> dict[str, Any]:
    """The entry of this command, started at ``started`` (what it computed still unknown);
    with its results ``folder``, where it was typed relative to it (``typed_in``: the
    command's relative paths are from there, :mod:`sim.experiment.command_paths`)."""
    made = {"command": command, "started": started, "build": build(), "computed": None}
    if folder is not None:
        from sim.experiment.command_paths import typed_in

        made["typed_in"] = typed_in(folder)
    return made


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
            not last.get("failed")) and not last.get("interrupted") and not last.get("killed")
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


def note_reused(history: Any, reused: Mapping[str, list[int]] | list[int]) -> None:
    """Say in the last entry of ``history`` (this command's) which replications it
    ``reused`` from the baseline instead of running them (by option in ``compare.json``, a
    list in an option's ``meta.json``); nothing when there are none."""
    if not reused or not isinstance(history, list) or not history:
        return
    if isinstance(history[-1], dict):
        history[-1]["reused"] = (
            sorted(reused) if isinstance(reused, list)
            else {name: sorted(reps) for name, reps in reused.items()}
        )


def fill_killed(history: list[dict[str, Any]], present: Any) -> None:
    """Mark the last entry of ``history`` killed when it never said what it computed (a
    command ends by saying so, even interrupted); give it the replications of ``present``
    (the files the folder holds, in ``computed``'s format) that no earlier entry computed,
    when every earlier entry's are known."""
    if not history or history[-1].get("computed") is not None or history[-1].get("killed"):
        return
    last = history[-1]
    last["killed"] = True
    known: set[tuple[str, int]] = set()
    for earlier in history[:-1]:
        pairs = _pairs(earlier.get("computed"))
        if pairs is None:
            return  # (which files are the killed command's cannot be told)
        known |= pairs | (_pairs(earlier.get("reused")) or set())  # (reused: not run)
    found = _pairs(present) or set()
    left = found - known
    if isinstance(present, list):
        last["computed"] = sorted(r for _, r in left)
    else:
        last["computed"] = by_unit(left)


def _pairs(computed: Any) -> set[tuple[str, int]] | None:
    """``computed`` as (unit, replication) pairs (a run's unit is ``""``); None when it
    does not say which (null, or an old sweep's count)."""
    try:
        if isinstance(computed, list):
            return {("", int(r)) for r in computed}
        if isinstance(computed, dict):
            return {(str(u), int(r)) for u, reps in computed.items() for r in reps}
    except (TypeError, ValueError):  # (an entry edited by hand)
        pass
    return None


def files_by_unit(folders: Iterable[tuple[str, Path]], pattern: str) -> dict[str, list[int]]:
    """The replications whose files (``pattern``, the replication number last in the
    name, as in ``rep-0003.json``) each unit's folder holds, in ``computed``'s format."""
    return by_unit(
        (unit, int(f.stem[-4:])) for unit, folder in folders for f in folder.glob(pattern)
    )
