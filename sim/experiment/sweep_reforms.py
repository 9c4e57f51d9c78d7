"""Sweep keys that name a library reform's strength: ``single_window:uptake``.

A sweep key written ``REFORM:STRENGTH`` (a number strength of a reform of :mod:`sim.reforms`,
as ``bordersim reforms NAME`` lists it) means "apply that reform at this strength" at each
point, beside the point's field keys. The order is the one a planner expects: the point's
fields are set first, and the reform acts on that scenario (they are the baseline it
reforms), as ``compare`` applies an option's reform after its changes. A reform that itself
writes a field the point sets would overwrite the swept value unseen: refused, naming both.
Several strengths of one reform at a point apply it once with all of them; strengths not
swept keep the reform's defaults; two reforms at a point apply side by side (``A+B``).
Values are checked by the reform library (:meth:`sim.reforms.reform.Param.check`), as
``--reforms NAME:K=V`` checks them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sim.reforms.reform import Reform, ReformError
from sim.scenario.schema import Scenario

#: the kinds of strength a sweep can vary (names and tables are not numbers)
NUMBER_KINDS = ("number", "whole")


def is_reform_key(key: str) -> bool:
    """Whether a sweep key names a reform's strength (``REFORM:STRENGTH``), not a field."""
    return ":" in key


def strength_of(key: str) -> tuple[Reform, str]:
    """The reform and the strength a ``REFORM:STRENGTH`` key names; a :class:`ReformError`
    listing the reforms (or that reform's number strengths) when it names none."""
    from sim.reforms import REFORMS
    from sim.reforms.compose import near

    name, _, param = (part.strip() for part in key.partition(":"))
    reform = REFORMS.get(name)
    if reform is None:
        raise ReformError(
            f"sweep key {key!r}: unknown reform {name!r}{near(name)}; known: "
            f"{', '.join(REFORMS)}"
        )
    numbers = [k for k, p in reform.params.items() if p.kind in NUMBER_KINDS and not p.choices]
    if param not in numbers:
        raise ReformError(
            f"sweep key {key!r}: {param!r} is not a number strength of reform {name}; "
            f"allowed: {', '.join(numbers) or 'none'}"
        )
    return reform, param


def strength_kind(key: str) -> str | None:
    """``"integer"`` for a whole-number strength, ``"real"`` for any other number strength,
    None for a field key (or a key naming no strength), as a range over it is sampled."""
    if not is_reform_key(key):
        return None
    try:
        reform, param = strength_of(key)
    except ReformError:
        return None
    return "integer" if reform.params[param].kind == "whole" else "real"


def check_value(key: str, value: Any) -> Any:
    """``value`` for the strength ``key`` names, checked as ``--reforms`` checks it (its
    range, a whole number, the decimal-comma hint); a :class:`ReformError` otherwise."""
    reform, param = strength_of(key)
    return reform.params[param].check(reform.name, param, value)


def split_point(row: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """A point's values as (field path -> value, reform -> its swept strengths)."""
    fields: dict[str, Any] = {}
    reforms: dict[str, dict[str, Any]] = {}
    for key, value in row.items():
        if not is_reform_key(key):
            fields[key] = value
            continue
        reform, param = strength_of(key)
        reforms.setdefault(reform.name, {})[param] = value
    return fields, reforms


def with_reforms(
    scenario: Scenario, reforms: Mapping[str, Mapping[str, Any]], swept: Iterable[str], where: str
) -> Scenario:
    """``scenario`` (the point's fields already set) with each reform at its swept strengths,
    side by side; a reform writing a field the point sets (``swept``) is refused, naming both.
    ``where`` names the point in an error (a strength out of range too: ``design point 1:
    reform single_window: uptake = 7.0: ...``)."""
    from sim.reforms import REFORMS
    from sim.reforms.compose import Composite, overlaps

    if not reforms:
        return scenario
    try:  # (a strength out of range: said at its point, as a bad field value is)
        chosen = tuple(REFORMS[name](**values) for name, values in reforms.items())
    except ReformError as exc:
        raise type(exc)(f"{where}: {exc}") from None
    composite = Composite((chosen,), (), "+".join(r.label for r in chosen))
    for r in chosen:
        clash = sorted({f for f in swept for c in r.fields(scenario) if overlaps(f, c)})
        if clash:
            keys = ", ".join(f"{r.name}:{k}" for k in reforms[r.name])
            raise ReformError(
                f"{where}: the sweep key {keys} applies reform {r.name}, which itself sets "
                f"{', '.join(clash)}, also swept: the reform would overwrite the swept value; "
                "sweep one of them"
            )
    return composite.apply(scenario)
