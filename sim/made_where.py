"""Where a result was made, beside what made it (:mod:`sim.build`): the git commit of the
checkout the package runs from (and whether its tracked files were changed), and the
operating system. A results folder records both in its ``meta.json``; a run resumed on
another node, under another Python or from another commit warns of each difference
(:func:`changes`), but goes on: a replication's figures are fixed by its seed and the code,
which the folder's ``build`` already checks (a folder made by other code is refused).
"""

from __future__ import annotations

import functools
import platform
import subprocess
from pathlib import Path
from typing import Any

#: how long (seconds) a git command may take before the commit is left unrecorded (an
#: assumption: git answers in milliseconds; a hung network file system must not stop a run)
GIT_TIMEOUT = 10.0

#: the keys of ``meta.json`` compared on resume, as the warning names them
COMPARED = ("version", "python", "platform", "machine")


def _git(root: Path, *args: str) -> str | None:
    """``git -C root ARGS``'s output, or None where git is missing, fails or hangs."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              text=True, timeout=GIT_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


@functools.cache
def git_state(root: Path | None = None) -> dict[str, Any] | None:
    """``{"commit": SHA, "dirty": bool}`` of the git checkout whose top folder holds the
    package (``root``: that folder); None when the package is not run from a checkout
    (installed from a wheel) or git is missing. ``dirty``: a tracked file differs from the
    commit (files git does not track, such as results folders, do not count)."""
    root = Path(__file__).resolve().parents[1] if root is None else root
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != root.resolve():
        return None
    commit = _git(root, "rev-parse", "HEAD")
    status = _git(root, "status", "--porcelain", "--untracked-files=no")
    if not commit or status is None:
        return None
    return {"commit": commit, "dirty": bool(status)}


def provenance() -> dict[str, Any]:
    """Where a result was made, as a run's ``meta.json``, a comparison's ``compare.json`` and
    a sweep's ``meta.json`` each record it (one place, so that each records the same, and
    a resume or ``bordersim reproduce`` compares like with like): ``python`` (its version),
    ``machine`` (the processor's architecture), ``platform`` (the operating system and its
    release), and ``git`` only when the package runs from a checkout."""
    out: dict[str, Any] = {"python": platform.python_version(), "machine": platform.machine(),
                           "platform": platform.platform()}
    git = git_state()
    if git is not None:
        out["git"] = dict(git)
    return out


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Each recorded difference between the ``meta.json`` a folder holds (``old``) and this
    run's (``new``), as ``what OLD -> NEW``; a key the folder does not record (written
    before it was) is not compared."""
    out = [f"{key} {old[key]} -> {new.get(key)}" for key in COMPARED
           if key in old and old[key] != new.get(key)]
    was, now = old.get("libraries"), new.get("libraries") or {}
    if isinstance(was, dict):
        out += [f"{name} {was[name] or 'not installed'} -> {now.get(name) or 'not installed'}"
                for name in was if was[name] != now.get(name)]
    if "platform" in old:  # (written since the commit is: no git then means no checkout)
        a, b = old.get("git") or {}, new.get("git") or {}
        if a.get("commit") != b.get("commit"):
            out.append(f"git commit {_commit(a)} -> {_commit(b)}")
        elif a.get("dirty") != b.get("dirty"):
            out.append(f"changed files {_dirty(a)} -> {_dirty(b)}")
    return out


def _commit(git: dict[str, Any]) -> str:
    return str(git["commit"])[:12] if git.get("commit") else "none (not a git checkout)"


def _dirty(git: dict[str, Any]) -> str:
    return "some" if git.get("dirty") else "none"


def same_commit(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Both runs came from one git commit, its tracked files unchanged."""
    a, b = old.get("git") or {}, new.get("git") or {}
    return bool(a.get("commit")) and a == b and not a.get("dirty")


def warning(folder: Path, found: list[str], same: bool) -> str:
    """The warning a resumed folder gets: what differs (``found``); ``same``: the commit
    is the same and clean, so the replications it adds are those of the same code."""
    why = ("; the commit is the same, and a replication's figures are fixed bit for bit by "
           "its seed and the code, so the replications added match those kept" if same else
           "; the code's build is the same (a folder made by other code is refused), but "
           "check that what differs cannot change a figure")
    return f"resuming {folder}, made in another environment: {', '.join(found)}{why}"


def resume_warning(folder: Path, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """The warning a folder resumed from record ``old`` by a command recording ``new`` gets
    (:func:`warning`), or None when nothing recorded differs; one place for run, compare and
    sweep, so that each says the same."""
    found = changes(old, new)
    return warning(folder, found, same_commit(old, new)) if found else None
