"""The scenario file a run was given, kept beside the resolved scenario: ``scenario.json``
holds every value as it ran, but not which file on disk it came from. ``scenario-source.json``
records that file's name as given, the SHA-256 and size of its bytes and its text, so an
auditor can tell a file on disk for the one the folder came from (``sha256sum FILE``) and
read the comments and ``extends`` it had. The file is read as the loader reads a scenario
(a regular file, at most :data:`~sim.scenario.files.MAX_SCENARIO_BYTES`, UTF-8), once more
just after it was loaded; the text is stored as a JSON string, so no byte of it is ever
written raw to a terminal or a page (docs/security.md)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sim.experiment.store import atomic_write, dump_json

FILE = "scenario-source.json"


def record_source(folder: Path, scenario: Path) -> None:
    """Write ``folder``'s :data:`FILE` from the scenario file ``scenario``; nothing when the
    file can no longer be read as a scenario is (its loss is no reason to fail the run)."""
    from sim.scenario.files import MAX_SCENARIO_BYTES, FileProblem, read_bytes

    try:
        raw = read_bytes(scenario, MAX_SCENARIO_BYTES)
        text = raw.decode("utf-8-sig")
    except (OSError, FileProblem, UnicodeDecodeError):
        return
    atomic_write(folder / FILE, dump_json({
        "file": str(scenario),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "bytes": len(raw),
        "text": text,
    }))
