"""The command a results folder records (``command`` and each ``history`` entry of its
``meta.json`` or ``compare.json``, its ``finished.json``), with no directory of the machine
it ran on: a published folder must not show the author's home directory, and two folders
made on two machines should record the same command.

Each absolute path the command was given (the scenario file, ``--out``, ``--options-file``,
``--observed``, an option's ``NAME:@FILE``, Python's own script when a folder is made from
Python) is written relative to the working directory the command was typed in, as if typed
so; a relative path is kept as typed. Each history entry also records that directory
relative to the results folder (``typed_in``), so that ``bordersim reproduce`` finds the
files the command names (an options file, observed figures) from wherever it runs, while
the folder stays where it was or moves with the files beside it
(:func:`located`). The scenario re-run is the folder's own ``scenario.json`` whatever the
command says; which file it came from is ``scenario-source.json``'s
(:mod:`sim.experiment.scenario_source`). A folder written before, with absolute paths, is
read and re-run as it was."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def relative(path: str, cwd: Path) -> str:
    """``path`` as typed in ``cwd``: relative to it when absolute (the name alone when no
    relative path reaches it, as from another drive), else as it was."""
    if not os.path.isabs(path):
        return path
    try:
        return Path(os.path.relpath(path, cwd)).as_posix()
    except ValueError:
        return Path(path).name


def _word(word: str, cwd: Path) -> str:
    """One word of a command, its path made :func:`relative`: the word itself, the value of
    ``--flag=VALUE`` or the file of an option's ``NAME:@FILE[,CHANGES]``."""
    if word.startswith("--") and "=" in word:
        flag, _, value = word.partition("=")
        return f"{flag}={_word(value, cwd)}"
    name, at, rest = word.partition(":@")
    if at and not os.path.isabs(word):
        file, comma, changes = rest.partition(",")
        return f"{name}:@{relative(file, cwd)}{comma}{changes}"
    return relative(word, cwd)


def portable_command(words: Iterable[Any] | None, cwd: Path | None = None) -> list[Any] | None:
    """``words`` (a command as recorded) with every absolute path made relative to ``cwd``
    (default: the working directory now, where the command was typed); None stays None and
    a word that is not text stays as it is."""
    if words is None:
        return None
    here = Path.cwd() if cwd is None else cwd
    return [_word(w, here) if isinstance(w, str) else w for w in words]


def typed_in(folder: Path, cwd: Path | None = None) -> str:
    """The working directory a command was typed in (``cwd``; default: now), relative to
    the results ``folder`` it writes (``..`` when typed in the folder above it)."""
    here = Path.cwd() if cwd is None else cwd
    return relative(str(here.resolve()), folder.resolve())


def located(word: str, folder: Path, typed: Any) -> str:
    """A file a recorded command names, as this process finds it: as recorded when it is
    there (an absolute path of a folder written before; relative, from this working
    directory), else from the directory the command was typed in (``typed``: its
    ``typed_in``, relative to the results ``folder``) when the file is there."""
    if os.path.isabs(word) or Path(word).exists() or not isinstance(typed, str):
        return word
    there = folder / typed / word
    return str(there) if there.exists() else word


def recorded_typed_in(record: Any) -> str | None:
    """Where a record's last command was typed, relative to its folder (its last ``history``
    entry's ``typed_in``); None when not recorded (a folder written before: its paths are
    absolute, or as typed)."""
    history = record.get("history") if isinstance(record, dict) else None
    last = history[-1] if isinstance(history, list) and history else None
    found = last.get("typed_in") if isinstance(last, dict) else None
    return found if isinstance(found, str) else None


def _from_here(word: str, base: Path, absolute: bool) -> str:
    """``word`` (a path relative to ``base``) as typed here: absolute, or relative to this
    working directory, as the results folder itself was named."""
    if os.path.isabs(word) or not ("/" in word or "." in word) or not (base / word).exists():
        return word
    there = (base / word).resolve()
    return str(there) if absolute else relative(str(there), Path.cwd().resolve())


def _rebased_word(word: str, base: Path, absolute: bool) -> str:
    """One word of a recorded command with its path (the word, ``--flag=VALUE``'s value,
    ``NAME:@FILE``'s file) made :func:`_from_here`."""
    if word.startswith("--") and "=" in word:
        flag, _, value = word.partition("=")
        return f"{flag}={_rebased_word(value, base, absolute)}"
    name, at, rest = word.partition(":@")
    if at:
        file, comma, changes = rest.partition(",")
        return f"{name}:@{_from_here(file, base, absolute)}{comma}{changes}"
    return _from_here(word, base, absolute)


def rebased(words: list[str], folder: Path, typed: str | None) -> list[str]:
    """A recorded command to be typed again here (the line that resumes a folder): each
    path it names that is found from where it was typed (``typed``, relative to the results
    ``folder``) given from this working directory, absolute when ``folder`` is; the command
    as recorded when ``typed`` is None (a folder written before)."""
    if typed is None:
        return list(words)
    base = folder / typed
    absolute = folder.is_absolute()
    return [*words[:2], *(_rebased_word(w, base, absolute) for w in words[2:])]
