"""A comparison's finish, sealed: ``finished.json`` says from what the pooled files of a
comparison folder (``summary.csv``, the weekly series, the trading table, ``report.html``,
...) were made, and the checksum of each as written.

A command that resumes a finished folder and computes nothing itself (every replication was
stored, intact, and who gains too) would write the same files again from the same inputs:
when the seal names those inputs and every file it lists is there with its checksum, the
finish is skipped. Anything else finishes as before: other options, scenario contents,
replications, code or command; a file changed, missing or not a plain file; a seal that is
damaged; a finish interrupted half-way (the seal is removed before the files are written
again and written last, once they all are).

The inputs are the comparison's record (``compare.json`` without its times and history),
its tables worked out in memory, each option's ``scenario.json`` and, for each replication
pooled, the checksummed record of it and of who gains in it (whose own checksums cover the
tables the finish reads).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.build import build
from sim.experiment.store import atomic_write, dump_json
from sim.version import __version__

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult

FILE = "finished.json"
#: what ``compare.json`` holds that changes with every command, not with what it pools
#: (the command shows in ``report.html`` only: the seal keeps it for the report apart)
_NOT_POOLED = ("created", "resumed", "history", "command")


def inputs_digest(folder: Path, res: CompareResult) -> str:
    """A checksum of everything the finish of ``res`` in ``folder`` reads."""
    h = hashlib.sha256()

    def add(label: str, data: str | bytes) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        h.update(f"{label}:{len(raw)}:".encode())
        h.update(raw)

    add("code", f"{__version__} {build()}")
    meta = {k: v for k, v in res.meta.items() if k not in _NOT_POOLED}
    add("meta", json.dumps(meta, sort_keys=True, default=str))
    add("warnings", dump_json(res.warnings))
    add("failures", dump_json(res.failures))
    for name, table in (("per_rep", res.per_rep), ("summary", res.summary),
                        ("differences", res.differences), ("interactions", res.interactions),
                        ("gains", res.gains), ("intervals", res.milestone_intervals)):
        add(name, table.to_csv(index=False))
    options = folder / "options"
    for name in res.names:
        add(f"scenario {name}", _bytes(options / name / "scenario.json"))
    pairs = res.per_rep[["option", "replication"]].itertuples(index=False)
    for option, r in pairs:
        add(f"rep {option} {r}", _bytes(options / str(option) / "reps" / f"rep-{int(r):04d}.json"))
        add(f"gains {r}", _bytes(folder / "gains" / f"rep-{int(r):04d}.json"))
    return h.hexdigest()


def sealed(folder: Path, digest: str, command: Any, report: bool) -> bool:
    """Whether ``folder``'s seal was made from the inputs ``digest`` names and every file
    it lists is there as written (``report``: ``report.html`` must be one of them, written
    for the same ``command``, which it shows)."""
    try:
        found = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    if not isinstance(found, dict) or found.get("inputs") != digest:
        return False
    files = found.get("files")
    if not isinstance(files, dict):
        return False
    if report and ("report.html" not in files or found.get("command") != command):
        return False
    return all(_intact(folder / str(name), sha) for name, sha in files.items())


def seal(folder: Path, digest: str, command: Any, names: Iterable[str]) -> None:
    """Seal ``folder``'s finish: the inputs, the ``command`` and the checksum of each file
    of ``names``."""
    files = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in names}
    seal = {"inputs": digest, "command": command, "files": files}
    atomic_write(folder / FILE, dump_json(seal))


def renew(folder: Path, name: str) -> None:
    """The checksum of ``name`` in ``folder``'s seal renewed after a command wrote it again
    from the same inputs and what it adds (``report.html`` with the AEO payback the
    command line reads after the finish); nothing where no seal lists it."""
    try:
        found = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return
    files = found.get("files") if isinstance(found, dict) else None
    if not isinstance(files, dict) or name not in files:
        return
    files[name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    atomic_write(folder / FILE, dump_json(found))


def add(folder: Path, names: Iterable[str]) -> None:
    """The checksums of ``names`` (files of ``folder`` the command line writes after the
    finish: ``warning-records.json``, ``scenario-source.json``) listed in its seal, written
    again atomically; a name whose file is absent is left out, and nothing is written where
    there is no seal (a finish interrupted: nothing is vouched for)."""
    def listed(files: dict[str, Any]) -> None:
        for name in names:
            path = folder / name
            if path.is_file() and not path.is_symlink():
                files[name] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                files.pop(name, None)

    _change(folder, listed)


def unlist(folder: Path, names: Iterable[str]) -> None:
    """``names`` taken out of ``folder``'s seal before they are written again, so that a
    command stopped before :func:`add` leaves them unlisted, never listed with a stale
    checksum."""
    def dropped(files: dict[str, Any]) -> None:
        for name in names:
            files.pop(name, None)

    _change(folder, dropped)


def _change(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """``folder``'s seal with its ``files`` changed by ``change``, written atomically;
    nothing without a seal that lists its files."""
    try:
        found = json.loads((folder / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return
    files = found.get("files") if isinstance(found, dict) else None
    if not isinstance(files, dict):
        return
    change(files)
    atomic_write(folder / FILE, dump_json(found))


def unseal(folder: Path) -> None:
    """Remove the seal before the files it covers are written again."""
    (folder / FILE).unlink(missing_ok=True)


def _intact(path: Path, sha: Any) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    return bool(hashlib.sha256(path.read_bytes()).hexdigest() == sha)


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"(none)"
