"""A lane's roster written as named shifts, as a staffing plan gives it.

A rostering office thinks in shifts ("night, 22:00 to 06:00, two image officers"), not in
24 or 168 hourly numbers; and a sweep over one shift's headcount needs that headcount to be
one field (``--param ports.sea_port.scan.image_review.officers.shifts.night.servers=1,2,3``),
not a whole list rewritten at every point. ``shifts`` is a third way to give a lane's
servers, beside ``capacity`` and ``schedule``; it comes to the same 168-hour capacity.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from sim.scenario.base import Strict
from sim.scenario.limits import Clock, Servers, on_the_hour

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Shift(Strict):
    """One shift of a lane's roster: ``servers`` on duty from ``start`` to ``end`` on each
    of ``days``. An ``end`` at or before ``start`` runs past midnight into the next day (a
    night shift on Sunday runs into Monday morning). Shifts that overlap add up (a mid shift
    over a day shift); hours no shift covers have no server on duty. A job in progress at a
    shift's end finishes (overtime, priced by ``costs.overtime_premium``)."""

    start: Clock = Field(description="when the shift comes on duty, 'HH:MM' on the hour")
    end: Clock = Field(
        description="when it goes off duty, 'HH:MM' on the hour; at or before start: the next "
        "day ('22:00' to '06:00'); '00:00' to '24:00' is round the clock"
    )
    servers: Servers = Field(description="servers on duty in the shift (officers, teams)")
    days: list[Weekday] = Field(
        default_factory=lambda: list(WEEKDAYS),
        description="the days the shift starts on: 'mon' .. 'sun'",
    )

    @field_validator("start", "end")
    @classmethod
    def _on_the_hour(cls, v: float) -> float:
        return on_the_hour(
            v, "a shift starts and ends on the hour (a lane's servers change hourly, as a "
            "schedule's 24 numbers do)"
        )

    @field_validator("days")
    @classmethod
    def _days_once(cls, v: list[str]) -> list[str]:
        twice = sorted({d for d in v if v.count(d) > 1}, key=WEEKDAYS.index)
        if twice:
            raise ValueError(f"each day once; given more than once: {', '.join(twice)}")
        if not v:
            raise ValueError("a shift needs at least one day ('mon' .. 'sun')")
        return v

    @model_validator(mode="after")
    def _not_empty(self) -> Shift:
        if self.start >= 24:
            raise ValueError("a shift starts before 24:00 (at 00:00 for midnight)")
        if self.start == self.end:
            raise ValueError(
                f"a shift from {self.start:02.0f}:00 to {self.end:02.0f}:00 is ambiguous "
                "(no time or a whole day): write '00:00' to '24:00' for round the clock"
            )
        return self

    def length(self) -> int:
        """Hours on duty in one day's shift (an end at or before the start: the next day)."""
        start, end = int(self.start), int(self.end)
        return end - start if end > start else end + 24 - start

    def week_hours(self) -> list[int]:
        """The hours of the week (0: Monday 00:00) this shift is on duty, wrapping from
        Sunday night into Monday morning."""
        first = int(self.start)
        out: list[int] = []
        for day in self.days:
            base = WEEKDAYS.index(day) * 24 + first
            out.extend((base + h) % 168 for h in range(self.length()))
        return out


def roster(shifts: dict[str, Shift]) -> list[int]:
    """Servers on duty in each of the 168 hours of the week: the shifts on duty, added."""
    hourly = [0] * 168
    for shift in shifts.values():
        for h in shift.week_hours():
            hourly[h] += shift.servers
    return hourly
