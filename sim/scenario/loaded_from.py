"""Where a scenario loaded in Python came from: its file and that file's text, and every
change made to it since (``sim.patch``, a reform applied), so that a results folder made
from it by a Python call records its source as a command's folder does
(``scenario-source.json``: :mod:`sim.python_source`).

A :class:`~sim.scenario.schema.Scenario` is plain data (its hash, its pickled form sent to
worker processes and its ``scenario.json`` are its fields alone), so the record is kept
beside it, not in it: in a table keyed by the object, dropped when the object is. It is the
record of :func:`sim.experiment.scenario_source.read_source` (``file``, ``sha256``,
``bytes``, ``text``: the file as it was read just after it was loaded) with ``changes``, a
list of ``{"source": WHO, "changes": {dotted path: value}}`` in the order they were made
(``source``: "overrides" for ``sim.load_scenario(path, overrides)``, "changes" for
``sim.patch`` unless it names another, "reform NAME" for a reform, "model_copy" for
pydantic's ``model_copy(update=...)``). Copies and pickled copies keep the record
(:mod:`sim.scenario.copies`). A scenario made from a dict has no record."""

from __future__ import annotations

import json
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sim.scenario.schema import Scenario

#: each remembered scenario's record, by the object's id (removed when it is collected)
_KEPT: dict[int, dict[str, Any]] = {}


def source_of(scenario: Scenario) -> dict[str, Any] | None:
    """The record of where ``scenario`` came from, or None (not loaded from a file)."""
    return _KEPT.get(id(scenario))


def _remember(scenario: Scenario, record: dict[str, Any]) -> None:
    """Keep ``record`` for ``scenario`` while the object lives."""
    if id(scenario) not in _KEPT:
        weakref.finalize(scenario, _KEPT.pop, id(scenario), None)
    _KEPT[id(scenario)] = record


def _plain(changes: Mapping[str, Any]) -> dict[str, Any]:
    """``changes`` as JSON values (numpy's numbers as numbers; anything else as its text)."""
    def value(v: Any) -> Any:
        item = getattr(v, "tolist", None)
        return item() if callable(item) else v

    text = json.dumps({str(k): value(v) for k, v in changes.items()}, default=str)
    plain: dict[str, Any] = json.loads(text)
    return plain


def loaded(scenario: Scenario, path: Any, overrides: Mapping[str, Any] | None) -> Scenario:
    """``scenario``, loaded from ``path`` (a file, a bundled name; a dict has no file) with
    ``overrides``, remembered with its file's record (none when the file cannot be read
    again)."""
    if isinstance(path, Mapping):
        return scenario
    from sim.experiment.scenario_source import read_source
    from sim.scenario.loader import bundled_scenario

    record = read_source(bundled_scenario(Path(path)) or Path(path))
    if record is not None:
        changes = [{"source": "overrides", "changes": _plain(overrides)}] if overrides else []
        _remember(scenario, {**record, "changes": changes})
    return scenario


def patched(old: Scenario, new: Scenario, changes: Mapping[str, Any], source: str) -> Scenario:
    """``new``, ``old`` with ``changes`` made by ``source``: remembered with ``old``'s record
    and those changes after its own (nothing when ``old`` has no record)."""
    record = source_of(old)
    if record is not None and new is not old:
        made = [*record["changes"], {"source": source, "changes": _plain(changes)}]
        _remember(new, {**record, "changes": made})
    return new
