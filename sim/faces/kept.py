"""The workshop page's finished runs, kept on the server so that a reload does not lose them.

A group's runs lived in the browser session alone: reloading the page, or closing its tab by
mistake, lost every figure the room had been comparing. The page now writes each finished run
(:class:`sim.faces.history.Entry`: what it ran, its table's rows and its replications) to its
own results folder (``bordersim dashboard --out DIR``, default ``results/dashboard``), in a
folder per group, one JSON file a run (``run-0001.json``, ...), written to a temporary file and
renamed into place, so a file is whole or absent even when the server is stopped mid-write.

A group is named in the page's address: ``http://HOST:5006/?group=blue`` (letters, digits,
``-`` and ``_``); a page opened without one shows the group that ran last (a new group when
none has run yet), its name put in the address bar, so that reloading it, opening that
address again after closing the tab, or opening the bare address again, shows the group's
latest runs again, while two groups on one server keep their runs apart (a room starts a
group of its own by naming it: ``?group=red``). Deleting a group's
folder (or the whole results folder) clears its runs so far. A file that cannot be read is
left out, and said on the server's console.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sim.faces.choices import Plan
from sim.faces.history import KEPT, Entry

#: the page's results folder when ``--out`` is not given (relative to where it is served)
DEFAULT = Path("results") / "dashboard"
#: a kept run's file name
NAME = re.compile(r"run-(\d{4,})\.json")
#: a group's name in the page's address (``?group=blue``): its folder's name, never a path
GROUP = re.compile(r"[A-Za-z0-9_-]{1,40}")
#: the query parameter that names a page's group
PARAMETER = "group"
#: the sides of a table row, each ``(mean, low, high)``
SIDES = ("baseline", "option", "difference")


def to_json(entry: Entry) -> dict[str, Any]:
    """A run as plain JSON values (a plan's fields by name; NaN written as ``NaN``)."""
    plan = entry.plan
    return {
        "number": entry.number, "labels": dict(entry.labels), "setting": entry.setting,
        "rows": [{k: list(v) if k in SIDES else v for k, v in row.items()}
                 for row in entry.rows],
        "plan": None if plan is None else {
            "scenario": plan.scenario, "options": list(plan.options),
            "levers": dict(plan.levers), "reps": plan.reps, "days": plan.days,
            "seed": plan.seed, "strengths": {k: dict(v) for k, v in plan.strengths.items()}},
        "full": {side: list(reps) for side, reps in entry.full.items()},
        "window": list(entry.window), "currency": entry.currency,
    }


def from_json(data: Mapping[str, Any]) -> Entry:
    """The run :func:`to_json` wrote (a row's sides as ``(mean, low, high)`` tuples again)."""
    plan = data["plan"]
    return Entry(
        int(data["number"]), dict(data["labels"]), str(data["setting"]),
        [{k: tuple(v) if k in SIDES else v for k, v in row.items()} for row in data["rows"]],
        None if plan is None else Plan(
            plan["scenario"], tuple(plan["options"]), dict(plan["levers"]), int(plan["reps"]),
            plan["days"], int(plan["seed"]), dict(plan["strengths"])),
        {side: list(reps) for side, reps in data["full"].items()},
        (float(data["window"][0]), float(data["window"][1])), str(data["currency"]),
    )


class Kept:
    """A page's results folder of finished runs, shared by the sessions of one server."""

    def __init__(self, folder: Path = DEFAULT):
        self.folder = folder
        self._lock = threading.Lock()

    def files(self) -> list[Path]:
        """The kept runs' files, by run number."""
        if not self.folder.is_dir():
            return []
        found = [(int(m[1]), p) for p in self.folder.iterdir() if (m := NAME.fullmatch(p.name))]
        return [p for _, p in sorted(found)]

    def next_number(self) -> int:
        """The number of the next run: one after the highest kept (1 in an empty folder)."""
        files = self.files()
        return int(NAME.fullmatch(files[-1].name)[1]) + 1 if files else 1  # type: ignore[index]

    def load(self, last: int = KEPT) -> list[Entry]:
        """The latest ``last`` runs that can be read, oldest first (one that cannot is said on
        stderr and left out)."""
        entries = []
        for path in self.files()[-last:]:
            try:
                entries.append(from_json(json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
                print(f"bordersim dashboard: {path}: not a kept run, left out "
                      f"({type(exc).__name__}: {exc})", file=sys.stderr)
        return entries

    def add(self, make: Callable[[int], Entry]) -> Entry:
        """Number a new run, ``make(number)`` it and write it whole (a temporary file renamed
        into place), so that two sessions never take the same number."""
        with self._lock:
            entry = make(self.next_number())
            self.folder.mkdir(parents=True, exist_ok=True)
            text = json.dumps(to_json(entry), ensure_ascii=False, indent=1)
            fd, temporary = tempfile.mkstemp(prefix=".run-", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(temporary, self.folder / f"run-{entry.number:04d}.json")
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            return entry



def group_folder(root: Path, asked: Sequence[str]) -> tuple[Path, str | None]:
    """The folder of the group a page's address names (its first valid ``group``), and the
    name to put in the address when it names none (None when it did): the group that ran
    last (:func:`latest_group`) for a bare address, so that a room that reloads the bare
    address sees its runs again; else, or for a name that is not one, a new group."""
    name = next((a for a in asked if GROUP.fullmatch(a)), None)
    if name is not None:
        return root / name, None
    if asked:
        print(f"bordersim dashboard: group {asked[0]!r} in a page's address is not a name "
              "(letters, digits, - and _, at most 40): a new one given", file=sys.stderr)
    name = (None if asked else latest_group(root)) or secrets.token_hex(3)
    return root / name, name


def latest_group(root: Path) -> str | None:
    """The group in ``root`` whose latest run was written last (None when none has a run)."""
    if not root.is_dir():
        return None
    written = []
    for folder in root.iterdir():
        files = Kept(folder).files() if GROUP.fullmatch(folder.name) else []
        if files:
            written.append((files[-1].stat().st_mtime_ns, folder.name))
    return max(written)[1] if written else None


def for_session(root: Path) -> Kept:
    """The kept runs of this browser session's group (:func:`group_folder`), a new group's
    name put in the page's address so that a reload finds its runs again."""
    import panel as pn

    asked = [v.decode("utf-8", "replace") for v in pn.state.session_args.get(PARAMETER, [])]
    folder, new = group_folder(root, asked)
    if new is not None:  # (once the page is shown: the browser's own address set first)
        pn.state.onload(lambda: _put(new))
    return Kept(folder)


def _put(name: str) -> None:
    """Put a new group's name in the page's address bar (no reload)."""
    import panel as pn

    if pn.state.location is not None:
        pn.state.location.search = f"?{PARAMETER}={name}"
