"""Values a scenario holds otherwise than validation reads them: what pydantic's
``model_copy(update=...)`` keeps of a bad value that its dump hides.

The Python entry points validate a scenario again from its dump
(:func:`sim.scenario.check.revalidate`), but the run uses the object as it is. Most bad
values survive the dump and are refused there; some do not: ``{"days": True}`` is dumped
as ``1.0`` (and a bool is no number in a scenario file), a duration given as ``"20 min"``
is read as hours by validation but held as text, a plain dict given for a part is dumped
as the part's table. So the object is compared with what validation made of it, value by
value (:func:`differences`), and a part that cannot be dumped at all is found by its path
(:func:`unreadable`), so that each is refused with its field path, not a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

from pydantic import BaseModel


def differences(given: BaseModel, valid: BaseModel, path: str = "") -> Iterator[
        tuple[str, Any, Any]]:
    """Each (field path, value held, value validated) where ``given`` (a part as a copy
    holds it) differs from ``valid`` (the same validated again): another value, a bool for
    a number, a dict for a part."""
    held = vars(given)
    for name, field in type(valid).model_fields.items():
        where = _join(path, field.alias or name)
        yield from _compare(held.get(name), getattr(valid, name), where)


def _compare(a: Any, b: Any, path: str) -> Iterator[tuple[str, Any, Any]]:
    """:func:`differences` of the values ``a`` (held) and ``b`` (validated) at ``path``."""
    if a is b:
        return
    if isinstance(b, BaseModel):
        if type(a) is type(b):
            yield from differences(a, b, path)
        else:
            yield path, a, b
    elif isinstance(b, dict):
        if not isinstance(a, dict) or a.keys() != b.keys():
            yield path, a, b
        else:
            for key, item in b.items():
                yield from _compare(a[key], item, _join(path, str(key)))
    elif isinstance(b, list | tuple):
        if not isinstance(a, list | tuple) or len(a) != len(b):
            yield path, a, b
        else:
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                yield from _compare(x, y, _join(path, str(i)))
    elif isinstance(a, bool) != isinstance(b, bool) or not _same(a, b):
        yield path, a, b


def _same(a: Any, b: Any) -> bool:
    """Whether the leaves ``a`` and ``b`` are equal (a NaN is its own equal here)."""
    try:
        return bool(a == b) or (a != a and b != b)  # noqa: PLR0124 - NaN
    except (TypeError, ValueError):  # (an array's truth, say)
        return False


#: how to change a scenario, after what a problem says (``path``: the field's)
HOW = ("model_copy(update=...) keeps a value without checking it: change a scenario with "
       "sim.patch(scenario, {{{path!r}: ...}}), which validates the change")


def message(held: Any, valid: Any, path: str) -> str:
    """What is wrong with a value ``held`` that validation reads as ``valid``."""
    kind = type(valid).__name__
    what = f"a {kind} part" if isinstance(valid, BaseModel) else f"{valid!r} ({kind})"
    return (f"held as given ({type(held).__name__}), but a scenario holds {what} here "
            f"once validated; {HOW.format(path=path)}")


def unreadable(model: BaseModel, path: str = "") -> tuple[str, Any, str] | None:
    """The first part of ``model`` that cannot be dumped as data (a value of another kind
    put in by ``model_copy(update=...)``): its field path, its value and pydantic's reason;
    None when it dumps."""
    for name, field in type(model).model_fields.items():
        reason = _fails(model, {name})
        if reason is None:
            continue
        where, value = _join(path, field.alias or name), getattr(model, name)
        if isinstance(value, dict):
            for key, item in value.items():
                if _fails(model, {name: {key}}) is not None:
                    where, value = _join(where, str(key)), item
                    break
        inner = unreadable(value, where) if isinstance(value, BaseModel) else None
        part = _part(field.annotation)
        if part is not None and not isinstance(value, BaseModel):
            reason = f"a {part} part is allowed here, not a {type(value).__name__}"
        return inner or (where, value, reason)
    return None


def _part(annotation: Any) -> str | None:
    """The name of the part (a model class) a field's ``annotation`` holds, or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    for arg in get_args(annotation):
        found = _part(arg)
        if found is not None:
            return found
    return None


def _fails(model: BaseModel, include: Any) -> str | None:
    """Why ``model``'s dump of ``include`` fails, or None when it does not."""
    try:
        model.model_dump(mode="json", by_alias=True, include=include)
    except Exception as exc:  # noqa: BLE001 - pydantic's, or a serializer's own
        return str(exc).splitlines()[0]
    return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
