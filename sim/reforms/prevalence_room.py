"""Whether a reform that raises illicit prevalence still leaves every declaration's shares
adding up to at most 1, and if not, the largest strength that does.

A prevalence is a share of declarations, and the types' shares of one combination (port,
commodity, trader class, origin, direction) are exclusive, so they cannot add up to more
than 1. A reform that multiplies some of them (``outbreak``, ``smuggling_pressure``) is
refused where its factor would break that, with the combination, its total and the factor
that fits: said by the reform, not found later as a scenario error, so that
``bordersim reforms --on`` lists it as not applicable there with its reason.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from typing import Any

from sim.reforms.reform import ChangeRule, Changes, ReformError


class TooStrong(ReformError):
    """A reform refused because its strength raises prevalence past 1: ``fit`` is the
    reform as written on a command line at the largest strength that fits, the user's other
    strengths kept (``outbreak:origins=["vietnam"],factor=1.96``), so that a listing can
    give the command that runs it."""

    def __init__(self, message: str, fit: str) -> None:
        super().__init__(message)
        self.fit = fit

#: the tables a prevalence is built from (sim.scenario.enforcement.Enforcement.worst_total)
_TABLES = ("prevalence", "by_port", "by_commodity", "by_class", "by_origin", "by_direction")


def worst(data: dict[str, Any], changes: Changes) -> tuple[float, str]:
    """The largest total of the illicit types' shares over every port's combinations once
    ``changes`` are made, and where it is (``port P (combination)``)."""
    from sim.scenario.enforcement import Enforcement

    enforcement = copy.deepcopy(data.get("enforcement") or {})
    for dotted, value in changes.items():
        parts = dotted.split(".")
        if parts[0] != "enforcement" or parts[1] not in _TABLES:
            continue
        if len(parts) == 2:
            enforcement[parts[1]] = value
        else:
            enforcement.setdefault(parts[1], {})[parts[2]] = value
    given: dict[str, Any] = {t: enforcement.get(t) or {} for t in _TABLES}
    tables = Enforcement.model_construct(**given)
    most, where = 0.0, ""
    for name, port in (data.get("ports") or {}).items():
        traffic = port.get("traffic") or {}
        total, combination = tables.worst_total(
            name, list(traffic.get("commodities") or {}), list(traffic.get("origins") or {})
        )
        if total > most:
            most, where = total, f"port {name} ({combination})"
    return most, where


def refuse_overflow(
    reform: str, key: str, rule: ChangeRule, data: dict[str, Any], s: Mapping[str, Any]
) -> Changes:
    """``rule``'s changes at strengths ``s``; refused (:class:`ReformError`) when they make
    some combination's illicit shares add up to more than 1, with the largest ``key`` that
    fits (found by halving the interval: the total grows with the factor)."""
    changes = rule(data, s)
    total, where = worst(data, changes)
    if total <= 1 + 1e-9:
        return changes
    low, high = 0.0, float(s[key])
    for _ in range(40):
        mid = (low + high) / 2
        fits = worst(data, rule(data, {**s, key: mid}))[0] <= 1 + 1e-9
        low, high = (mid, high) if fits else (low, mid)
    fit = math.floor(low * 100) / 100
    label = _fitted(reform, key, fit, s)
    raise TooStrong(
        f"reform {reform}: {key} = {s[key]:g} makes the illicit types' shares at {where} add "
        f"up to {total:.4f}, and at most 1 is allowed; here {key} can be at most {fit:g} "
        f"({label})",
        label,
    )


def _fitted(reform: str, key: str, fit: float, s: Mapping[str, Any]) -> str:
    """``reform`` as written on a command line with ``key`` at ``fit`` and the strengths of
    ``s`` that differ from their defaults as given (the stricken origins, say): the label
    that runs the same reform at a strength that fits, not the default one."""
    from sim.reforms import get

    base = get(reform)
    given = {k: v for k, v in s.items() if k in base.params and k != key
             and v != base.params[k].default}
    return base(**given, **{key: fit}).label
