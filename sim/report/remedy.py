"""What to do about a results folder the report finds incomplete or damaged: in most cases,
give the command that made it again, into the same folder. That resumes it (what finished
is kept, each file checked by its checksum and identity; a replication that does not match
is computed again) and writes again every file pooled from the replications, so the folder
is whole again. The remedy names that command, as the folder records it, with ``--out``
the folder.

Where that would not work it says what would: a run's (or an option's) ``meta.json`` that
cannot be read makes a resume refuse, so it is deleted first; a folder made by other code
is resumed only by that code; a replication that failed fails again under its seed until
its cause is fixed.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from sim.experiment.store import loads

#: what each kind of folder holds, as a remedy names it
_NOUN = {"run": "run", "compare": "comparison", "sweep": "sweep"}
_KEPT = "what finished is kept, each file checked by its checksum"


def remedy(path: Path, kind: str) -> str:
    """How to resume and repair the folder ``path`` of ``kind`` (``run``, ``compare``,
    ``sweep``), as a clause to end an error message with."""
    from sim.build import build

    record = _record(path / ("compare.json" if kind == "compare" else "meta.json"))
    command = _command(record, kind, path)
    noun = _NOUN[kind]
    damaged = _damaged_meta(path, kind)
    if damaged is not None:
        return (f"to resume the {noun} and repair the folder, delete {damaged} (it cannot be "
                f"read), then {_again(command, path, f' ({_KEPT} and identity)')}")
    made = _made_by(path, kind, record)
    if made is not None and made != build():
        return (f"the folder was made by other code (build {made}; this code is {build()}): "
                f"to resume the {noun} and repair it, "
                f"{_again(command, path, ' with that code')}")
    failed = len(_json_list(path / "failures.json")) if kind == "run" else 0
    if failed:
        return (f"{failed} replication(s) failed ({path / 'failures.json'} has their errors): "
                "fix the cause (a replication fails again under its seed), then "
                f"{_again(command, path, f' to run them ({_KEPT})')}")
    how = f" ({_KEPT}; a file that does not match is written again)"
    return f"to resume the {noun} and repair the folder, {_again(command, path, how)}"


def resume_command(path: Path, kind: str) -> str:
    """The shell line that resumes the folder ``path`` of ``kind`` (``run``, ``compare``,
    ``sweep``): the command its record keeps, with ``--out`` the folder; "" when it keeps
    none (not written yet, or a folder made from Python)."""
    record = _record(path / ("compare.json" if kind == "compare" else "meta.json"))
    return _command(record, kind, path)


def _again(command: str, path: Path, how: str) -> str:
    """Give the command that made the folder again (``how``: with what, to what end)."""
    if command:
        return f"give the same command again{how}: {command}"
    return f"give the command that made it again, with --out {shlex.quote(str(path))}{how}"


def _record(path: Path) -> dict[str, Any]:
    """The folder's record of itself (``meta.json``, ``compare.json``), or {} when it
    cannot be read."""
    try:
        data = loads(_own_text(path))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _own_text(path: Path) -> str:
    """A folder's JSON file as text, read as a report reads it (never through a link: its
    words must not come from a file the folder's writer could not read)."""
    from sim.report.folder import _MAX_JSON, own_bytes

    return own_bytes(path, _MAX_JSON).decode("utf-8")


def _damaged_meta(path: Path, kind: str) -> Path | None:
    """A run's ``meta.json`` (a comparison's: an option's) that a resume cannot check the
    folder against (it refuses, saying to delete it); None when there is none."""
    from sim.experiment.store import identity

    if kind == "sweep":
        return None  # (a sweep writes its meta.json again, saying so)
    folders = [path] if kind == "run" else sorted(
        p for p in (path / "options").glob("*") if p.is_dir()
    )
    for folder in folders:
        meta = folder / "meta.json"
        if meta.exists() and identity(meta, {"scenario_hash": str, "seed": int})[0] is None:
            return meta
    return None


def _made_by(path: Path, kind: str, record: dict[str, Any]) -> str | None:
    """The build of the code that made the folder, when it records one."""
    if kind == "compare":
        record = _record(path / "options" / "baseline" / "meta.json")
    made = record.get("build")
    return made if isinstance(made, str) else None


def _json_list(path: Path) -> list[Any]:
    """The list a JSON file holds (``failures.json``), or [] when it holds none."""
    try:
        data = loads(_own_text(path))
    except (OSError, ValueError, UnicodeDecodeError):
        return []
    return data if isinstance(data, list) else []


def _command(record: dict[str, Any], kind: str, path: Path) -> str:
    """The command line that made the folder (``bordersim KIND ...``, as its record keeps
    it) with ``--out`` the folder, for a shell; "" when the record keeps none (a folder
    made from Python)."""
    found = record.get("command")
    if not (isinstance(found, list) and all(isinstance(a, str) for a in found)):
        return ""
    if len(found) < 2 or Path(found[0]).name != "bordersim" or found[1] != kind:
        return ""
    from sim.experiment.command_paths import rebased, recorded_typed_in

    args = rebased(found, path, recorded_typed_in(record))  # (its files, from here)
    for i, arg in enumerate(args):
        if arg == "--out" and i + 1 < len(args):
            args[i + 1] = str(path)
            break
        if arg.startswith("--out="):
            args[i] = f"--out={path}"
            break
    else:
        args += ["--out", str(path)]
    return shlex.join(args)
