"""The reform library: every reform of the seed paper as a named, documented, composable and
datable scenario transformation (DESIGN.md sections 2 and 4).

``REFORMS`` maps each name to its :class:`Reform`; ``apply(scenario, "A+B")`` applies text.

Adding a reform: write its :class:`Reform` (name, one-sentence mechanism, the rule that
returns the fields it changes, sources, strengths as :class:`Param`: a count is
``kind="whole"``) in the module of its kind and add it to that module's list; its rule may
only change fields it declares (``tests/test_reforms.py`` checks every reform), and it must
change something on the default scenario unless ``NOT_ON_DEFAULT`` there says why not; add a
test of its mechanism (what it does to the consignments, not only to the fields); then
``python -m sim.docs`` writes it into ``docs/reforms.md``. A reform that writes a lane (a
capacity, a schedule, a whole section with one) cannot be dated: lanes are built once.
"""

from __future__ import annotations

from sim.reforms import (
    after_release,
    certificates,
    checks,
    cold_chain,
    control_order,
    declaration,
    exam_hours,
    expedited,
    green_lane,
    low_value,
    organisation,
    patrol_staff,
    payment,
    pending,
    returns,
    sharing,
    shocks,
    transit,
)
from sim.reforms.reform import Param, Reform, ReformError
from sim.scenario.schema import Scenario

REFORMS: dict[str, Reform] = {
    r.name: r
    for r in [
        *declaration.REFORMS,
        *checks.REFORMS,
        *sharing.REFORMS,
        *after_release.REFORMS,
        *organisation.REFORMS,
        *shocks.SHOCKS,
        *patrol_staff.PATROLS,
        *control_order.ORDERS,
        *cold_chain.COLD_CHAIN,
        *returns.RETURNS,
        *transit.TRANSIT,
        *pending.PENDING,
        *certificates.CERTIFICATES,
        *green_lane.GREEN_LANE,
        *expedited.EXPEDITED,
        *payment.PAYMENT,
        *exam_hours.EXAM_HOURS,
        *low_value.LOW_VALUE,
    ]
}


def get(name: str) -> Reform:
    """The reform named ``name`` (a :class:`ReformError` listing the names otherwise)."""
    try:
        return REFORMS[name]
    except KeyError:
        raise ReformError(f"unknown reform {name!r}; known: {', '.join(REFORMS)}") from None


def apply(scenario: Scenario, text: str) -> Scenario:
    """``scenario`` with the reforms written in ``text`` (``A+B``, ``A>B``, ``A@60d``)."""
    from sim.reforms.compose import apply as _apply

    return _apply(scenario, text)


__all__ = ["REFORMS", "Param", "Reform", "ReformError", "apply", "get"]
