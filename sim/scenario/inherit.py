"""What a child scenario takes from its parent: ``drop``, which removes the parent's tables
(a port, a commodity, a smuggling route) before the child's own merge over what is left.

Tables merge key by key, so a child could never lose a parent's port: an empty
``[ports.airport]`` clears the port's fields and leaves a port with none of its required
ones. ``drop = ["ports.airport"]`` at the top of a child file removes it whole; a child that
drops a port and writes ``[ports.airport]`` again gives a new port in its place, none of the
parent's fields kept (a port replaced, not merged).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sim.scenario.keys import KeyProblem, dotted_key

#: the key of a child file that names the parent's tables to drop
DROP = "drop"

Problem = tuple[str, str, Any, str]  # (file, field path, bad value, what is wrong / allowed)


def drop_paths(raw: dict[str, Any], path: Path, parent: object) -> tuple[list[str], list[Problem]]:
    """The dotted paths ``raw``'s ``drop`` names (removed from ``raw``), and the problems
    with it: not a list of field paths, or given in a file that extends no parent."""
    given = raw.pop(DROP, None)
    if given is None:
        return [], []
    if parent is None:
        return [], [(str(path), DROP, given, (
            "drops a parent's tables, but this file extends no parent: add extends = "
            "\"PARENT\" (a file beside it or a bundled scenario's name), or delete drop"
        ))]
    if not isinstance(given, list) or not all(isinstance(g, str) for g in given):
        return [], [(str(path), DROP, given, (
            "must be a list of the parent's field paths, as --set names them: "
            "drop = [\"ports.airport\", \"ports.sea_port\"]"
        ))]
    out: list[str] = []
    for text in given:
        try:
            out.append(dotted_key(text))
        except KeyProblem as exc:
            return [], [(str(path), DROP, text, str(exc))]
    return out, []


def apply_drops(
    base: dict[str, Any], base_origin: dict[tuple, str], drops: list[str], path: Path,
    parent: Path,
) -> list[Problem]:
    """Remove each of ``drops`` (dotted paths) from the parent's data ``base`` and its
    origins; a path the parent does not have is a problem naming what it does have there
    (and the nearest name: a typo), so that a misspelt port is never silently kept."""
    problems: list[Problem] = []
    for dotted in drops:
        keys = dotted.split(".")
        node: Any = base
        for key in keys[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
            if not isinstance(node, dict):
                break
        if not isinstance(node, dict) or keys[-1] not in node:
            problems.append((str(path), DROP, dotted, _absent(node, keys, parent)))
            continue
        del node[keys[-1]]
        for gone in [k for k in base_origin if k[: len(keys)] == tuple(keys)]:
            del base_origin[gone]
    return problems


def _absent(node: Any, keys: list[str], parent: Path) -> str:
    """Why a path to drop was not found in the parent: what the parent has where it looked."""
    if not isinstance(node, dict):
        return f"the parent ({parent.name}) has no {'.'.join(keys)} to drop"
    there = sorted(map(str, node))
    near = difflib.get_close_matches(keys[-1], there, n=1, cutoff=0.75)
    where = ".".join(keys[:-1]) or "top-level fields"
    return (
        f"the parent ({parent.name}) has no {'.'.join(keys)} to drop; the parent's {where} "
        f"(after the drops before it): {', '.join(there) or '(none)'}"
        + (f"; did you mean {'.'.join([*keys[:-1], near[0]])!r}?" if near else "")
    )


def emptied_entries(
    base: dict[str, Any], raw: dict[str, Any], path: Path, parent: Path,
    needs_fields: Callable[[list[str]], bool],
) -> list[Problem]:
    """A child's empty table over a parent's entry whose entries need fields
    (``[ports.airport]`` with nothing under it, ``needs_fields(["ports", "airport"])``): it
    clears the entry (an empty table clears the parent's) and leaves none of its required
    fields. Said once, with the two things meant: drop it, or keep it."""
    out: list[Problem] = []
    for table, entries in raw.items():
        if not isinstance(entries, dict) or not isinstance(base.get(table), dict):
            continue
        for name, value in entries.items():
            if value == {} and name in base[table] and needs_fields([table, name]):
                out.append((str(path), f"{table}.{name}", value, (
                    f"an empty table clears the parent's ({parent.name}) {table}.{name}, "
                    f"leaving none of its required fields; to remove it write "
                    f"drop = [\"{table}.{name}\"] at the top of the file, to keep it as the "
                    "parent has it delete the empty table, to change it give only the "
                    "fields that differ"
                )))
    return out


#: a validation message about a name that is not there, and the name
_UNKNOWN = re.compile(r"unknown [a-z ]+ '([^']+)'")

#: the first key of an origin entry that records a drop (no field path starts with it)
DROPPED = ""


def note_drops(origin: dict[tuple, str], drops: list[str], path: Path) -> None:
    """Record in ``origin`` (field path -> the file that set it) that ``path`` dropped
    ``drops``, for :func:`dropped_hint`."""
    for dotted in drops:
        origin[(DROPPED, *dotted.split("."))] = str(path)


def dropped_hint(problems: list[Problem], origin: dict[tuple, str]) -> list[Problem]:
    """``problems`` with those that name a dropped entry (a parent's smuggling route still
    on a port the child drops: "unknown port 'fangchenggang'") told why it is unknown and
    what to do: the parent's field still refers to it."""
    dropped = {k[-1]: (".".join(k[1:]), f) for k, f in origin.items() if k and k[0] == DROPPED}
    out = []
    for file, dotted, value, msg in problems:
        named = _UNKNOWN.match(msg)
        if named and named.group(1) in dropped:
            what, child = dropped[named.group(1)]
            head = dotted.rsplit(".", 1)[0] if "." in dotted else dotted
            change = "without it" if isinstance(value, list) else "another value"
            msg += (f" ({child} drops {what}, which this field of its parent names: in the "
                    f"child give {dotted} {change}, or drop {head} too)")
        out.append((file, dotted, value, msg))
    return out
