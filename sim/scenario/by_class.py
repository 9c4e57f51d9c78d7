"""A share by trader class (``'*'``: every class not listed), as several sections give one:
an uptake, a share of declarations returned, a share of imports in transit."""

from __future__ import annotations

from sim.scenario.base import ANY, TRADER_CLASSES
from sim.scenario.limits import AtField, Probability

#: a share of declarations by trader class ('*': every class not listed)
ByClass = dict[str, Probability]


def known_classes(v: ByClass) -> ByClass:
    """``v`` if every key is a trader class or ``'*'`` (a field validator)."""
    for k in v:
        if k != ANY and k not in TRADER_CLASSES:
            raise AtField(k, f"unknown trader class {k!r}; allowed: *, {', '.join(TRADER_CLASSES)}")
    return v


def of_class(v: ByClass, trader_class: str) -> float:
    """The share of one trader class (``'*'`` for the classes not listed; 0 when absent)."""
    return v.get(trader_class, v.get(ANY, 0.0))
