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
``options/NAME/`` (:func:`option_sources`, :func:`write_sources`)."""

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


def write_source(folder: Path, record: dict[str, Any] | None) -> None:
    """Write ``folder``'s :data:`FILE` from a record of :func:`read_source` (nothing for
    None)."""
    if record is not None:
        atomic_write(folder / FILE, dump_json(record))


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
        write_source((folder / source_file(option)).parent, record)
    return [source_file(option) for option in sources]
