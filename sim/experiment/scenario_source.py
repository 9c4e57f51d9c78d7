"""The scenario file a run, comparison or sweep was given, kept beside the resolved
scenario: ``scenario.json`` holds every value as it ran, but not which file on disk it came
from. ``scenario-source.json`` records that file's name as given, the SHA-256 and size of
its bytes and its text, so an auditor can tell a file on disk for the one the folder came
from (``sha256sum FILE``) and read the comments and ``extends`` it had. The file is read as
the loader reads a scenario (a regular file, at most
:data:`~sim.scenario.files.MAX_SCENARIO_BYTES`, UTF-8), once more just after it was loaded
(:func:`read_source`); the text is stored as a JSON string, so no byte of it is ever written
raw to a terminal or a page (docs/security.md). Every command that makes a results folder
writes it with :func:`record_source` or, when its folder is made only as it runs (a
comparison's, a sweep's), reads it first and writes it with :func:`write_source`. A
comparison's option given a scenario file of its own (``--option NAME:@FILE``, an options
file's ``scenario``) has its file recorded the same way, in its own folder
``options/NAME/`` (:func:`option_sources`, :func:`write_sources`).

A published folder must not leak the author's directories, so ``file`` is written as
:func:`portable` puts it, with ``where`` saying which form it is: a bundled scenario's name
(``bundled``), the path relative to the results folder (``folder``) or to the project's
checkout (``project``) when the file lies under it, else the file's name alone
(``elsewhere``: its ``sha256`` and ``text`` say which file it was)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sim.experiment.store import atomic_write, dump_json

FILE = "scenario-source.json"


def given(scenario: Path | None) -> Path:
    """The scenario file a command was given: ``scenario``, or the bundled default."""
    from sim.scenario.loader import default_scenario_path

    return scenario or default_scenario_path()


def read_source(scenario: Path | None) -> dict[str, Any] | None:
    """The record of the scenario file ``scenario`` (None: the bundled default); None when
    the file can no longer be read as a scenario is (its loss is no reason to fail)."""
    from sim.scenario.files import MAX_SCENARIO_BYTES, FileProblem, read_bytes

    path = given(scenario)
    try:
        raw = read_bytes(path, MAX_SCENARIO_BYTES)
        text = raw.decode("utf-8-sig")
    except (OSError, FileProblem, UnicodeDecodeError):
        return None
    return {"file": str(path), "sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw),
            "text": text}


def project_root() -> Path | None:
    """The checkout bordersim runs from (the folder holding ``pyproject.toml`` beside
    ``sim/``), or None when it is installed from a wheel."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "sim").is_dir() else None


def portable(file: str | Path, folder: Path) -> tuple[str, str]:
    """``file`` (a scenario file as given; relative: to the working directory) as a results
    folder ``folder`` records it, and which form that is: a bundled scenario's name
    (``bundled``), its path relative to ``folder`` (``folder``) or to :func:`project_root`
    (``project``), else its name alone (``elsewhere``), never a directory of this machine."""
    from sim.scenario.loader import BUNDLED, bundled_scenario

    path = Path(file)
    full = (bundled_scenario(path) or path).resolve()
    if full.suffix == ".toml" and full.parent == BUNDLED:
        return full.stem, "bundled"
    for base, where in ((folder, "folder"), (project_root(), "project")):
        if base is not None and full.is_relative_to(base.resolve()):
            return full.relative_to(base.resolve()).as_posix(), where
    return path.name, "elsewhere"


def write_source(folder: Path, record: dict[str, Any] | None, top: Path | None = None) -> None:
    """Write ``folder``'s :data:`FILE` from a record of :func:`read_source` (nothing for
    None), its ``file`` made :func:`portable` (relative to ``top``, the results folder,
    when ``folder`` is an option's within it)."""
    if record is not None:
        file, where = portable(record["file"], top or folder)
        kept = {"file": file, "where": where, **{k: v for k, v in record.items()
                                                 if k not in ("file", "where")}}
        atomic_write(folder / FILE, dump_json(kept))


def record_source(folder: Path, scenario: Path | None) -> None:
    """Write ``folder``'s :data:`FILE` from the scenario file ``scenario`` (None: the
    bundled default), read now."""
    write_source(folder, read_source(scenario))


def option_sources(options: Iterable[Any]) -> dict[str, dict[str, Any] | None]:
    """The record of each option's own scenario file (options with a ``scenario``, as
    :class:`sim.experiment.options.Option` has), by option name; read now (just after the
    options were loaded)."""
    return {str(o.name): read_source(Path(o.scenario)) for o in options if o.scenario}


def source_file(option: str) -> str:
    """Where in a comparison's folder :data:`FILE` of ``option`` is (``""``: the
    scenario file the command was given, at the top level)."""
    return f"options/{option}/{FILE}" if option else FILE


def write_sources(folder: Path, sources: Mapping[str, dict[str, Any] | None]) -> list[str]:
    """Write each record of ``sources`` (by option name; ``""``: the file the command was
    given) with :func:`write_source` where :func:`source_file` puts it in ``folder``; the
    names of those places, relative to ``folder``."""
    for option, record in sources.items():
        write_source((folder / source_file(option)).parent, record, folder)
    return [source_file(option) for option in sources]


def described(scenario: str | Path, folder: Path) -> dict[str, str]:
    """What a sweep's ``meta.json`` records of the scenario it was given: ``scenario``
    (:func:`portable`), ``scenario_where`` (its form) and ``scenario_sha256`` (of the file's
    bytes, which tell a file kept only by its name); a scenario made in Python
    (``<name>``) as it is."""
    text = str(scenario)
    if text.startswith("<"):
        return {"scenario": text}
    from sim.scenario.loader import bundled_scenario

    path = bundled_scenario(Path(text)) or Path(text)
    name, where = portable(path, folder)
    record = read_source(path)
    digest = {"scenario_sha256": str(record["sha256"])} if record is not None else {}
    return {"scenario": name, "scenario_where": where, **digest}
