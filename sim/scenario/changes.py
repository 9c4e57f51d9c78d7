"""``bordersim check CHILD --changes``: what a child scenario changes of the scenario it
``extends``, field by field, resolved (defaults filled in, units as the model holds them).

An author building a district's scenario on a bundled one needs to see, before running it,
that the child does what they meant: which fields it sets to other values, which ports it
adds, which it drops (``drop``), and which of its lines change nothing (a value equal to the
parent's is not listed). The resolved scenario of ``check`` alone is the whole scenario, in
which a change is a needle in some 2,000 lines.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sim.scenario.files import MAX_SCENARIO_BYTES, read_text
from sim.scenario.schema import Scenario

ABSENT = "(absent)"  #: the value shown for a field or table one side does not have
HEADER = "field\tparent\tchild\tset in"


@dataclass(frozen=True)
class Change:
    """One field (or a whole table, added or dropped) whose resolved value differs."""

    field: str
    parent: str  # the parent's value (JSON), or ABSENT
    child: str  # the child's value (JSON), or ABSENT
    set_in: str  # the file (or command line) that gave the child's value, or dropped it

    def line(self) -> str:
        """Tab-separated, as :data:`HEADER` names the columns."""
        return f"{self.field}\t{self.parent}\t{self.child}\t{self.set_in}"


def parent_of(path: Path) -> Path | None:
    """The file ``path``'s ``extends`` names (beside it, else bundled), None without one."""
    from sim.scenario.loader import _parent_path

    parent = _top_level(path).get("extends")
    return _parent_path(path, parent) if isinstance(parent, str) and parent.strip() else None


def _top_level(path: Path) -> dict[str, Any]:
    """A scenario file's TOML (an already loaded one: it reads); nothing for a results
    folder's ``scenario.json``, resolved, which extends no parent and names itself."""
    if path.suffix.lower() == ".json":
        return {"name": None}
    return tomllib.loads(read_text(path, MAX_SCENARIO_BYTES))


def changes(parent: Scenario, child: Scenario, where: dict[str, str]) -> list[Change]:
    """Every field whose resolved value differs between ``parent`` and ``child``, in the
    child's order (then what only the parent has); a table only one side has (a port added
    or dropped, a section switched on) is one line. ``where`` maps a field path (or a table
    above it) to the file that set it."""
    out: list[Change] = []
    _walk(parent.model_dump(mode="json", by_alias=True),
          child.model_dump(mode="json", by_alias=True), "", where, out)
    return out


_NONE = object()


def _walk(old: Any, new: Any, field: str, where: dict[str, str], out: list[Change]) -> None:
    """Add to ``out`` the differences of ``old`` and ``new`` at ``field``: tables both sides
    have key by key, anything else as one value."""
    if isinstance(old, dict) and isinstance(new, dict) and (_table(old) or _table(new)) \
            and "dist" not in old and "dist" not in new:  # (an empty one: its keys added)
        for key, value in new.items():
            _walk(old.get(key, _NONE), value, f"{field}.{key}".lstrip("."), where, out)
        for key, value in old.items():
            if key not in new:
                gone = f"{field}.{key}".lstrip(".")
                out.append(Change(gone, _shown(value), ABSENT, _set_in(gone, where, True)))
        return
    if old != new:
        out.append(Change(field, _shown(old), _shown(new), _set_in(field, where, new is None)))


def _table(value: Any) -> bool:
    """Whether ``value`` is a table compared key by key: not empty, and not a distribution
    (one value: a lognormal in place of a deterministic time is one change, not four)."""
    return isinstance(value, dict) and bool(value) and "dist" not in value


def _shown(value: Any) -> str:
    """A value as compact JSON, a table by its number of fields (only one side has it), or
    :data:`ABSENT`."""
    if value is _NONE:
        return ABSENT
    if _table(value):
        return f"(a table of {len(value)} fields)"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _set_in(field: str, where: dict[str, str], gone: bool = False) -> str:
    """Who set ``field``'s value in the child; for a field ``gone`` from it (null or absent)
    that a rival replaced (a lane's ``schedule``, by a child's ``capacity``), the rival's
    file and the rival."""
    from sim.scenario.patch import RIVALS

    head, _, key = field.rpartition(".")
    for rival in RIVALS.get(key, ()) if gone else ():
        there = f"{head}.{rival}" if head else rival
        if there in where:
            return f"{where[there]} (by {rival})"
    keys = field.split(".")
    for n in range(len(keys), 0, -1):
        found = where.get(".".join(keys[:n]))
        if found is not None:
            return found
    return "default"


def where_set(path: Path, settings: dict[str, Any]) -> dict[str, str]:
    """Field path -> the file (its name) that set it through ``path``'s ``extends`` chain,
    ``"<file> (drop)"`` for a table a child dropped, ``"command line"`` for each of
    ``settings`` (``--set``)."""
    from sim.scenario.inherit import DROPPED
    from sim.scenario.loader import _read_chain

    origin = {} if path.suffix.lower() == ".json" else _read_chain(path, [])[1]
    where = {".".join(k[1:]): f"{Path(f).name} (drop)" for k, f in origin.items()
             if k and k[0] == DROPPED}
    where.update({".".join(map(str, k)): Path(f).name for k, f in origin.items()
                  if not k or k[0] != DROPPED})
    where.update({key: "command line" for key in settings})
    return where


def unnamed_child(path: Path, name: str) -> str | None:
    """A note for a child file (it ``extends`` a parent) that sets no ``name``: its runs,
    results folders and reports are then named ``name``, its parent's, and a district's
    results read as the bundled scenario's. None for a file that names itself or has no
    parent."""
    parent = parent_of(path)
    if parent is None or "name" in _top_level(path):
        return None
    return (
        f"{path.name} extends {parent.name} and sets no name: it is named {name!r}, as its "
        f"parent, and so are its runs' results folders (results/{name}-<date>-<time>) and "
        f"reports; give it its own name = \"...\""
    )
