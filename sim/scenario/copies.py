"""Copies of a scenario made by pydantic and Python: never a changed one left unchecked, and
never one that forgets where it came from.

A :class:`~sim.scenario.schema.Scenario` is frozen and changed with ``sim.patch``. Pydantic's
``model_copy(update=...)`` would copy it with the update written in as given: nothing
validated, a misspelt field kept as an attribute no dump holds, and the file it was loaded
from forgotten. So a part's ``model_copy(update=...)`` refuses a name that is not one of its
fields (a :class:`~sim.scenario.loader.ScenarioError` that names the fields and
``sim.patch``), and a whole scenario's is ``sim.patch`` of the same fields: validated again,
its changes recorded after its source's (:mod:`sim.scenario.loaded_from`, under the source
"model_copy"). A part is not validated alone (the simulation core copies its parts at run
time); a misspelt field inside a part given to a scenario's update is refused there.

A copy without changes, ``model_copy()``, ``copy.copy``, ``copy.deepcopy`` and pickling (how
a scenario reaches a worker process or a Dask worker), keeps the record of its source: the
record travels beside the fields, never in them, so the copy's dump and hash are the
original's.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from pydantic import BaseModel

    from sim.scenario.schema import Scenario

S = TypeVar("S", bound="Scenario")

#: the source a scenario's ``model_copy(update=...)`` is recorded and its errors named under
SOURCE = "model_copy"
#: the key under which a pickled scenario carries its source's record
PICKLED = "__bordersim_source__"


def unknown_fields(part: BaseModel, update: Mapping[str, Any]) -> None:
    """Refuse the names of ``update`` that are not fields of ``part`` (a
    :class:`~sim.scenario.loader.ScenarioError`: the name, its value, the near field and the
    ``sim.patch`` call that changes a scenario)."""
    from sim.scenario.loader import ScenarioError

    fields = type(part).model_fields
    kind = type(part).__name__
    problems = []
    for key, value in update.items():
        if key in fields:
            continue
        near = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
        hint = f"did you mean {near[0]!r}? " if near else ""
        path = str(key) if kind == "Scenario" else f"PATH.TO.{key}"
        problems.append((SOURCE, f"{kind}.{key}", value,
                         f"not a field of {kind}; {hint}its fields: {', '.join(fields)}; "
                         f"change a scenario with sim.patch(scenario, {{{path!r}: ...}}), "
                         "which validates the change"))
    if problems:
        raise ScenarioError(problems)


def updated(scenario: S, update: Mapping[str, Any]) -> S:
    """``scenario`` with ``update`` (field name -> value, as pydantic takes it: a part may be
    a model) as ``sim.patch`` makes it: validated again and recorded after its source."""
    from pydantic import BaseModel

    from sim.scenario.patch import patch, scenario_data

    unknown_fields(scenario, update)
    _stray_fields(update)
    fields = type(scenario).model_fields
    data: dict[str, Any] = {}
    if _holds_model(update):  # (a part as plain data, in the units a scenario holds)
        data = scenario_data(BaseModel.model_copy(scenario, update=dict(update)))
        data["orders"] = (data.get("selection") or {}).get("orders")
    changes = {}
    for key, value in update.items():
        name = fields[key].alias or key
        where = "selection.orders" if name == "orders" else name  # ([[selection.orders]])
        # (a plain value as given, so that an error shows what the caller wrote)
        changes[where] = data[name] if _holds_model(value) else value
    return cast(S, patch(scenario, changes, source=SOURCE))


def _holds_model(value: Any) -> bool:
    """Whether ``value`` is, or holds, a pydantic model (a part of a scenario)."""
    from pydantic import BaseModel

    if isinstance(value, Mapping):
        return any(_holds_model(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_holds_model(v) for v in value)
    return isinstance(value, BaseModel)


def _stray_fields(value: Any) -> None:
    """Refuse a part inside ``value`` holding a name that is not one of its fields (made by
    ``object.__setattr__`` or an older pydantic copy): no dump would keep it."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        kind = type(value)  # (a cached property keeps its value beside the fields)
        extra = {k: v for k, v in vars(value).items()
                 if k not in kind.model_fields and not hasattr(kind, k)}
        unknown_fields(value, extra)
        value = dict(vars(value))
    if isinstance(value, Mapping):
        for v in value.values():
            _stray_fields(v)
    elif isinstance(value, list | tuple):
        for v in value:
            _stray_fields(v)


def kept(old: S, new: S) -> S:
    """``new``, an unchanged copy of ``old``, remembered with ``old``'s source."""
    from sim.scenario.loaded_from import _remember, source_of

    record = source_of(old)
    if record is not None and new is not old:
        _remember(new, record)
    return new


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
