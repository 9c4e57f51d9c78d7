"""A scenario's copies keep the record of where it came from (:mod:`sim.scenario.loaded_from`):
its file, and the changes made to it from Python since it was loaded.

The record is kept beside a scenario, not in its fields, so pydantic's copies would lose it,
and a results folder made from a copy would not say which file it came from. So a copy,
``model_copy()``, ``copy.copy``, ``copy.deepcopy`` and pickling (how a scenario reaches a
worker process or a Dask worker) keep it, with the same fields, dump and hash; and a copy
changed with ``model_copy(update=...)`` keeps it with one change more, under the source
"model_copy": the fields as given, not validated here (the program copies scenarios
itself, for reforms, levers and sweeps, and a check of every copy refuses some of those).
What a user gives ``sim.simulate``, ``sim.compare`` or a sweep is checked there
(:mod:`sim.scenario.check`). A scenario without a record (made from a dict, or by the command
line, which records its file itself) costs a copy one look-up, and pickles as before.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

S = TypeVar("S", bound="Scenario")

#: the source a scenario's ``model_copy(update=...)`` is recorded under
SOURCE = "model_copy"
#: the key under which a pickled scenario carries its source's record
PICKLED = "__bordersim_source__"


def kept(old: S, new: S, update: Mapping[str, Any] | None = None) -> S:
    """``new``, a copy of ``old`` (changed by ``update``, if given), remembered with
    ``old``'s record and, for an update, the change after the others."""
    from sim.scenario.loaded_from import _remember, source_of

    record = source_of(old)
    if record is None or new is old:
        return new
    if update:
        made = {"source": SOURCE, "changes": {str(k): _plain(v) for k, v in update.items()}}
        record = {**record, "changes": [*record["changes"], made]}
    _remember(new, record)
    return new


def _plain(value: Any) -> Any:
    """``value`` as JSON data: a part of a scenario as its dump (as a scenario file would
    hold it), numpy's numbers as numbers, anything else unknown as its text."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    item = getattr(value, "tolist", None)
    return json.loads(json.dumps(item() if callable(item) else value, default=str))


def pickled_state(scenario: Scenario, state: dict[Any, Any]) -> dict[Any, Any]:
    """``state`` (pydantic's pickled state of ``scenario``) with its source's record."""
    from sim.scenario.loaded_from import source_of

    record = source_of(scenario)
    return state if record is None else {**state, PICKLED: record}


def unpickled(scenario: Scenario, state: dict[Any, Any]) -> dict[Any, Any]:
    """``state`` without the source's record, which ``scenario`` (unpickled) remembers."""
    from sim.scenario.loaded_from import _remember

    if PICKLED not in state:
        return state
    state = dict(state)
    _remember(scenario, state.pop(PICKLED))
    return state
