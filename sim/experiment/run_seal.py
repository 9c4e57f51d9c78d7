"""A run folder's finish, sealed: ``finished.json`` lists every pooled file ``bordersim run``
wrote at the folder's top level (``summary.csv``, ``enforcement.csv``,
``warning-records.json``, ...) with the SHA-256 of each as written, so that ``bordersim
reproduce --check-only`` notices one deleted, emptied or edited afterwards (the replications
keep checksums of their own). The seal is removed when a command opens the folder to write
into it (:meth:`sim.experiment.store.RunStore.open`) and written last, atomically, once
every file is: a run interrupted on the way leaves no seal, never a stale one. A comparison's
folder has its own (:mod:`sim.experiment.finish_seal`), under the same name."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sim.experiment.finish_seal import FILE
from sim.experiment.store import atomic_write, dump_json, temporary

#: a run folder's top-level files the seal leaves out: its record (whose history each
#: command into the folder extends) and its scenario (checked by the hash the record
#: keeps), the seal itself, and what other commands add later
NOT_SEALED = ("meta.json", "scenario.json", FILE, "report.html", "report-zh.html", "workbook.xlsx",
              "workbook-zh.xlsx", "appraisal.csv", "appraisal.json")


def unseal(folder: Path) -> None:
    """Remove ``folder``'s seal before its files are written again."""
    (folder / FILE).unlink(missing_ok=True)


def seal_run(folder: Path, command: Any) -> None:
    """Seal the finished run in ``folder`` (``command``: the one that finished it)."""
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(folder.iterdir())
             if p.is_file() and not p.is_symlink() and not temporary(p)
             and p.name not in NOT_SEALED}
    atomic_write(folder / FILE, dump_json({"kind": "run", "command": command, "files": files}))
