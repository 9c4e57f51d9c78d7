"""When an organisation unit's staff start requests (``organisation.office_hours``): the
wait of a request that arrives while the office is closed, and the open hours of a window
(a unit's utilisation is over the hours it is open)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from sim.model.holidays import closures_of

WEEK = 168.0


class Hours:
    """The open spans of a week (hours from Monday 00:00, as a lane's weekly schedule),
    repeated every week of the run."""

    __slots__ = ("spans", "per_week")

    def __init__(self, spans: Sequence[tuple[float, float]]):
        self.spans = sorted(spans)
        self.per_week = sum(b - a for a, b in self.spans)

    def until_open(self, t: float) -> float:
        """How long a request at ``t`` waits for the office to open (0 while it is open)."""
        week = math.floor(t / WEEK) * WEEK
        at = t - week
        for a, b in self.spans:
            if at < b:
                return max(0.0, a - at)
        return WEEK - at + self.spans[0][0]  # (next week's first opening)

    def open_between(self, start: float, stop: float) -> float:
        """The open hours within ``[start, stop)``."""
        if stop <= start:
            return 0.0
        first, last = math.floor(start / WEEK), math.floor(stop / WEEK)
        total = (last - first) * self.per_week
        return total - self._open_before(start - first * WEEK) + self._open_before(
            stop - last * WEEK
        )

    def _open_before(self, at: float) -> float:
        """The open hours of a week before ``at`` hours into it."""
        return sum(max(0.0, min(b, at) - a) for a, b in self.spans)


def kept(scenario: Any, role: str) -> Hours | None:
    """The office hours staff of ``role`` keep under ``scenario``'s organisation (None:
    around the clock), with its holidays and make-up days (:mod:`sim.model.org.holiday_hours`)."""
    org = scenario.organisation
    office = None if org is None else org.office_hours
    if office is None or not office.keeps(role):
        return None
    from sim.model.org.holiday_hours import HolidayHours

    closures = closures_of(scenario)
    if not closures:
        return Hours(office.spans())
    return HolidayHours(office.spans(), closures, (office.open, office.close))
