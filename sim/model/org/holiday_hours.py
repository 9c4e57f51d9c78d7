"""Public holidays and make-up working days on the office's week
(``organisation.office_hours.holidays``/``workdays``): a request that arrives on a holiday
waits for the next open hour, a make-up day opens at the usual hours, and a unit's open hours
(its utilisation) leave the holidays out and count the make-up days.

The weekly lookup of :class:`sim.model.org.hours.Hours` stays the common case: the days
(:class:`sim.model.holidays.Closures`, sorted run-day numbers and a set) are checked
only for the day a weekly answer lands on and, by bisection, for the next make-up day. A run
without them keeps a plain :class:`Hours` (:func:`sim.model.org.hours.kept`)."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence

from sim.model.holidays import Closures
from sim.model.org.hours import Hours

DAY = 24.0


def _between(days: Sequence[int], first: int, last: int) -> Sequence[int]:
    """The days of the sorted ``days`` from ``first`` to ``last``, both included."""
    return days[bisect_left(days, first) : bisect_left(days, last + 1)]


class HolidayHours(Hours):
    """Office hours of a week with holidays and make-up days (``day``: a working day's
    opening and closing, in hours from midnight)."""

    __slots__ = ("closures", "day")

    def __init__(
        self, spans: Sequence[tuple[float, float]], closures: Closures, day: tuple[float, float]
    ):
        super().__init__(spans)
        self.closures, self.day = closures, day

    def until_open(self, t: float) -> float:
        """How long a request at ``t`` waits: the week's next opening not on a holiday, or a
        make-up day's opening if sooner (0 while open)."""
        at, off = t, self.closures.off_set
        while True:  # (each holiday skipped moves a day on; there are finitely many)
            opens = at + Hours.until_open(self, at)
            day = math.floor(opens / DAY + 1e-9)
            if day not in off:
                break
            at = (day + 1) * DAY
        on, today = self.closures.on, math.floor(t / DAY)
        i = bisect_left(on, today)
        if i < len(on):
            a, b = on[i] * DAY + self.day[0], on[i] * DAY + self.day[1]
            if i + 1 < len(on) and t >= b:  # (today's make-up day is over: the next one)
                a, b = on[i + 1] * DAY + self.day[0], on[i + 1] * DAY + self.day[1]
            if t < b:
                opens = min(opens, max(a, t))
        return opens - t

    def open_between(self, start: float, stop: float) -> float:
        """The open hours within ``[start, stop)``: the week's, less the holidays', plus the
        make-up days'."""
        total = Hours.open_between(self, start, stop)
        if stop <= start:
            return total
        first, last = math.floor(start / DAY), math.floor(stop / DAY)
        a, b = self.day
        for days, sign in ((self.closures.off, -1.0), (self.closures.on, 1.0)):
            for d in _between(days, first, last):
                total += sign * max(0.0, min(stop, d * DAY + b) - max(start, d * DAY + a))
        return total
