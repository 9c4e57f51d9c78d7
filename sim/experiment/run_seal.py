"""A run's or a sweep's finish, sealed: ``finished.json`` lists every pooled file the command
wrote at the folder's top level (a run's ``summary.csv``, ``enforcement.csv``,
``warning-records.json``, ...; a sweep's ``design.csv``, ``sweep.csv``, ``summary.csv``,
``scenario-source.json``, ...) with the SHA-256 of each as written, so that ``bordersim
reproduce --check-only`` notices one deleted, emptied or edited afterwards (the replications
and point files keep checksums of their own). The seal is removed when a command opens the
folder to write into it (:meth:`sim.experiment.store.RunStore.open`,
:meth:`sim.experiment.sweep_store.SweepStore.open`) and written last, atomically, once every
file is: a command interrupted on the way leaves no seal, never a stale one. A comparison's
folder has its own (:mod:`sim.experiment.finish_seal`), under the same name."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sim.experiment.command_paths import portable_command
from sim.experiment.finish_seal import FILE
from sim.experiment.store import atomic_write, dump_json, temporary

#: what other commands add to a folder later (reports, workbooks, an appraisal), and the seal
_ADDED_LATER = (FILE, "report.html", "report-zh.html", "workbook.xlsx", "workbook-zh.xlsx",
                "appraisal.csv", "appraisal.json")
#: a run folder's top-level files the seal leaves out: its record (whose history each
#: command into the folder extends) and its scenario (checked by the hash the record
#: keeps), and what other commands add later
NOT_SEALED = ("meta.json", "scenario.json", *_ADDED_LATER)
#: a sweep folder's: its record only (its resolved scenario has no hash kept elsewhere)
SWEEP_NOT_SEALED = ("meta.json", *_ADDED_LATER)


def unseal(folder: Path) -> None:
    """Remove ``folder``'s seal before its files are written again."""
    (folder / FILE).unlink(missing_ok=True)


def seal_run(folder: Path, command: Any) -> None:
    """Seal the finished run in ``folder`` (``command``: the one that finished it)."""
    seal_folder(folder, "run", command, NOT_SEALED)


def seal_sweep(folder: Path, command: Any, only: Iterable[str] | None = None) -> None:
    """Seal the finished sweep in ``folder`` (``command``: the one that finished it;
    ``only``: the files of these names alone, as the sweep's store wrote them before the
    command adds its own and seals them all)."""
    seal_folder(folder, "sweep", command, SWEEP_NOT_SEALED, only)


def seal_folder(folder: Path, kind: str, command: Any, leave_out: Iterable[str] = (),
                only: Iterable[str] | None = None) -> None:
    """Seal ``folder`` (a ``kind``'s): every plain top-level file but those of ``leave_out``
    and temporary ones (``only``: of these names alone), with its SHA-256, written
    atomically."""
    left, kept = set(leave_out), None if only is None else set(only)
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(folder.iterdir())
             if p.is_file() and not p.is_symlink() and not temporary(p)
             and p.name not in left and (kept is None or p.name in kept)}
    atomic_write(folder / FILE, dump_json({"kind": kind, "command": portable_command(command),
                                           "files": files}))
