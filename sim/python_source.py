"""``scenario-source.json`` for a results folder made by a Python call (``sim.replicate(...,
store=...)``, ``sim.compare(..., out=...)``, ``sim.sweep(..., out=...)``), as a command's
folder has it (:mod:`sim.experiment.scenario_source`): the scenario file's name, SHA-256,
size and text, and, for a scenario loaded with ``sim.load_scenario`` and changed since, the
changes made to it from Python in order (:mod:`sim.scenario.loaded_from`). A scenario given
as a file's name is read as the command line reads it; one made from a dict has no file and
gets none. It is written once the call has finished and listed in the folder's seal
(``finished.json``), so ``bordersim reproduce --check-only`` names an edit of it."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def source_record(scenario: Any) -> dict[str, Any] | None:
    """What a folder made from ``scenario`` (a file's name, a bundled name, a loaded
    :class:`~sim.scenario.schema.Scenario`, a dict) records of its source, or None."""
    from sim.experiment.scenario_source import read_source
    from sim.scenario.loaded_from import source_of
    from sim.scenario.loader import bundled_scenario
    from sim.scenario.schema import Scenario

    if isinstance(scenario, Scenario):
        return source_of(scenario)
    if isinstance(scenario, str | Path):
        record = read_source(bundled_scenario(Path(scenario)) or Path(scenario))
        return None if record is None else {**record, "changes": []}
    return None


def keep_source(folder: Any, scenario: Any) -> None:
    """Write ``folder``'s ``scenario-source.json`` from ``scenario`` (a results folder's
    path or its :class:`~sim.experiment.store.RunStore`) and list it in its seal."""
    from sim.experiment import finish_seal
    from sim.experiment.scenario_source import FILE, write_source

    record = source_record(scenario)
    if record is None:
        return
    path = Path(getattr(folder, "path", folder))
    finish_seal.unlist(path, [FILE])  # (never listed with a stale checksum)
    write_source(path, record)
    finish_seal.add(path, [FILE])


def keep_option_sources(folder: Any, options: Any) -> None:
    """Write, for each option of a comparison given a scenario file of its own
    (``Option(..., scenario=FILE)``), its ``options/NAME/scenario-source.json`` in
    ``folder`` and list it in the seal, as the command line does for ``NAME:@FILE``."""
    from sim.experiment import finish_seal
    from sim.experiment.scenario_source import option_sources, write_sources

    own = option_sources(o for o in options if getattr(o, "scenario", ""))
    if own:
        names = write_sources(Path(folder), own)
        finish_seal.add(Path(folder), names)


def with_source(run: Callable[P, R], out: str) -> Callable[P, R]:
    """``run`` (a Python call that writes a results folder to its argument ``out``) that
    then writes the folder's ``scenario-source.json`` from its argument ``scenario``."""

    @functools.wraps(run)
    def given(*args: P.args, **kwargs: P.kwargs) -> R:
        result = run(*args, **kwargs)
        bound = inspect.signature(run).bind(*args, **kwargs).arguments
        if bound.get(out) is not None:
            keep_source(bound[out], bound.get("scenario"))
        return result

    return given
