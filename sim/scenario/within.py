"""The time targets a run reports shares against (``within_hours``): the share of consignments
released (``released_within_<H>h``) and out of the flow (``exited_within_<H>h``) within that
many hours of arrival. A Time Release Study sets such targets (24, 48 and 72 h for imports,
2 h for AEOs, ...); 24 h is always reported, the tables' headline share. A target of 0 h is
the share released on arrival (``released_within_0h``: customs' release no later than the
goods' arrival, declared, assessed and cleared before they came), which TFA Article 7.1's
pre-arrival processing aims at and a TRS reports beside the mean."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BeforeValidator

from sim.scenario import limits

#: always reported, whatever ``within_hours`` says
ALWAYS = 24.0
#: the most targets a scenario may list (each adds a share per direction, port, class)
MAX_TARGETS = 8


def _hours(v: Any) -> float:
    """One target in hours: a finite number of whole minutes from 0 (released on arrival:
    cleared before the goods came, the aim of pre-arrival processing) to a year."""
    h = float(limits.real(v))
    if not math.isfinite(h) or h < 0:
        raise ValueError(f"expected a finite number of hours, 0 or more (0: released on "
                         f"arrival); got {v!r}")
    if h > limits.MAX_DURATION_H:
        raise ValueError(f"at most {limits.MAX_DURATION_H:g} h; got {v!r}")
    minutes = h * 60
    if abs(minutes - round(minutes)) > 1e-9:
        raise ValueError(
            f"expected whole hours or whole minutes (0.5 for 30 min); got {v!r} h"
        )
    return h


#: one time target, in hours (a plain number: ``within_hours = [2, 24, 48]``)
TargetHours = Annotated[float, BeforeValidator(_hours)]


def duplicate_problem(values: list[float]) -> str | None:
    """Why a list of targets is refused: a target given twice (None when none is)."""
    for i, h in enumerate(values):
        if h in values[:i]:
            return f"{h:g} h is given twice; give each target once"
    return None


def reported(values: Iterable[float]) -> tuple[float, ...]:
    """The targets a run reports: ``values`` and 24 h, ascending."""
    return tuple(sorted({ALWAYS, *(float(v) for v in values)}))


def label(h: float) -> str:
    """A target's part of a metric's name: ``24h`` for whole hours, else ``30min``."""
    if float(h).is_integer():
        return f"{int(h)}h"
    return f"{round(h * 60)}min"


def column(h: float) -> str:
    """The clearance table's column of a target's share: ``within_24h``."""
    return f"within_{label(h)}"
