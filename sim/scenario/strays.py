"""Names in a scenario that are not its fields: what pydantic's ``model_copy(update=...)``
keeps of a misspelt field (``scenario.model_copy(update={"dayz": 2})``). Pydantic writes the
update into the copy as given, so the misspelt name sits beside the fields, where no dump,
hash or run sees it, and the change the user meant is silently not made.

The Python entry points (:func:`sim.scenario.check.checked`) and ``sim.patch`` look for them
once, on the scenario they are given: a walk of its parts (about 0.3 ms for the default
scenario, against 7 ms for validating it), never on every copy the program makes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

#: what a problem of :func:`strays` says after its near field
HOW = ("model_copy(update=...) keeps any name without checking it; change a scenario with "
       "sim.patch(scenario, {{{path!r}: ...}}), which validates the change")


#: values a walk need not look inside
_SCALARS = frozenset({str, int, float, bool, type(None)})
#: the values a walk looks inside (plain types: an abstract Mapping's isinstance is slow)
_HOLDERS = (BaseModel, dict, list, tuple)


def strays(model: BaseModel) -> list[tuple[str, Any, str]]:
    """Each name set on ``model`` or a part inside it that is not a field of its part, as
    (dotted field path, its value, what is wrong and what is allowed)."""
    return list(_named(model, "")) if _any(model) else []


def _any(value: Any) -> bool:
    """Whether ``value`` is or holds a part with a name that is not a field (fast: no paths,
    and no isinstance of a model class, which is an abstract class's slow check)."""
    kind = type(value)
    if kind in _SCALARS:
        return False
    if kind is dict:
        items: Any = value.values()
    elif kind is list or kind is tuple:
        items = value
    elif isinstance(value, BaseModel):
        names = vars(value)
        if any(not hasattr(kind, k) for k in names.keys() - kind.model_fields.keys()):
            return True
        items = names.values()
    else:
        return False
    return any(_any(v) for v in items if type(v) not in _SCALARS)


def _named(model: BaseModel, path: str) -> Iterator[tuple[str, Any, str]]:
    """:func:`strays` of ``model``, at the field path ``path``."""
    kind = type(model)
    fields = kind.model_fields
    for key, value in vars(model).items():
        field = fields.get(key)
        where = _join(path, key if field is None else field.alias or key)
        if field is not None:
            yield from _inside(value, where)
        elif not hasattr(kind, key):  # (a cached property keeps its value in the same place)
            yield where, value, _message(kind.__name__, key, list(fields), path)


def _inside(value: Any, path: str) -> Iterator[tuple[str, Any, str]]:
    """:func:`strays` of the parts held in ``value`` (a part, or a table or list of them)."""
    if isinstance(value, BaseModel):
        yield from _named(value, path)
    elif isinstance(value, dict | list | tuple):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(item, _HOLDERS):
                yield from _inside(item, _join(path, str(key)))


def _message(kind: str, key: str, fields: list[str], path: str) -> str:
    """What is wrong with the name ``key`` on a ``kind`` at ``path``: its near field, the
    fields allowed, and the call that changes a scenario."""
    near = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    hint = f"did you mean {near[0]!r}? " if near else ""
    meant = _join(path, near[0] if near else key)
    return (f"not a field of {kind}; {hint}its fields: {', '.join(fields)}; "
            + HOW.format(path=meant))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
