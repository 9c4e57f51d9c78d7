"""Office hours of the organisation's staff (``organisation.office_hours``): when its units
take up a request. Without them staff serve around the clock, so an approval asked for at
3 a.m. on a Saturday starts at once; with them it waits for the next opening, which is
where much of a real approval's delay comes from.

``holidays`` and ``workdays`` amend the week with dates (the run's ``start_date`` places
them): a public holiday closes a working day, and a make-up working day (China's 调休, a
Saturday worked to bridge a holiday) opens a day off at the usual hours. The model reads them
as run-day numbers (:meth:`OfficeHours.exception_days`; :mod:`sim.model.holidays`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from pydantic import Field, field_validator, model_validator

from sim.scenario.base import Extended
from sim.scenario.dated_arrivals import iso_date
from sim.scenario.limits import Clock, clock

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MAX_DATES = 1000  # (a bound against a typo; a century of holidays is about 1,000 days)


def _iso(v: Any) -> Any:
    """A list of dates, each a TOML date or an ISO string YYYY-MM-DD, as ISO strings."""
    if not isinstance(v, list):
        return v
    out = []
    for i, d in enumerate(v):
        try:
            out.append(iso_date(d))
        except ValueError as e:
            raise ValueError(f"item {i}: {e}") from None
    return out


class OfficeHours(Extended):
    """The hours each working day in which staff of the listed roles start requests (a
    request being served at closing is finished), and the dates the week does not say."""

    ADDED: ClassVar[tuple[str, ...]] = ("holidays", "workdays")

    open: Clock = Field(
        default=clock("08:30"), validate_default=False, description="when the office opens"
    )
    close: Clock = Field(
        default=clock("17:30"),
        validate_default=False,
        description="when it closes: no request starts after it (one under way finishes)",
    )
    days: list[str] = Field(
        default_factory=lambda: list(WEEKDAYS[:5]),
        description="the working days: Mon, Tue, Wed, Thu, Fri, Sat, Sun",
    )
    roles: list[str] = Field(
        default_factory=list,
        description="the roles that keep these hours (empty: every role; a role left out, "
        "such as a risk centre's watch, serves around the clock)",
    )
    holidays: list[str] = Field(
        default_factory=list,
        max_length=_MAX_DATES,
        description="dates (YYYY-MM-DD, with start_date) of working days on which the office "
        "is closed: public holidays",
    )
    workdays: list[str] = Field(
        default_factory=list,
        max_length=_MAX_DATES,
        description="dates (YYYY-MM-DD, with start_date) of days outside `days` on which the "
        "office opens at the usual hours: make-up working days (调休)",
    )

    @field_validator("holidays", "workdays", mode="before")
    @classmethod
    def _dates(cls, v: Any) -> Any:
        return _iso(v)

    @model_validator(mode="after")
    def _check(self) -> OfficeHours:
        from sim.scenario.limits import AtField
        from sim.scenario.organisation import ROLES

        if self.close <= self.open:
            raise AtField(("close",), "close must be after open (hours within one day)")
        for i, day in enumerate(self.days):
            if day not in WEEKDAYS:
                raise AtField(("days", str(i)), f"unknown day {day!r}; allowed: "
                              f"{', '.join(WEEKDAYS)}")
        if not self.days:
            raise AtField(("days",), "at least one working day, e.g. ['Mon', 'Tue']")
        for i, role in enumerate(self.roles):
            if role not in ROLES:
                raise AtField(("roles", str(i)), f"unknown role {role!r}; allowed: "
                              f"{', '.join(ROLES)}")
        self._check_dates()
        return self

    def _check_dates(self) -> None:
        """A holiday closes a working day and a make-up day opens a day off, never both."""
        from sim.scenario.limits import AtField

        days = ", ".join(self.days)
        for i, d in enumerate(self.holidays):
            if d in self.workdays:
                raise AtField(("holidays", str(i)), f"{d} is in both holidays and workdays; "
                              "allowed: a date in one of them")
            if _day(d) not in self.days:
                raise AtField(("holidays", str(i)), f"{d} is a {_day(d)}, closed anyway; "
                              f"allowed: a date on a working day ({days})")
        for i, d in enumerate(self.workdays):
            if _day(d) in self.days:
                raise AtField(("workdays", str(i)), f"{d} is a {_day(d)}, open anyway; "
                              f"allowed: a date on a day off (not {days})")

    def exception_days(self, start: dt.date) -> tuple[list[int], list[int]]:
        """The holidays and the make-up working days as days after ``start`` (day 0, a
        Monday: time 0), each list in order."""
        def days(dates: list[str]) -> list[int]:
            return sorted((dt.date.fromisoformat(d) - start).days for d in dates)

        return days(self.holidays), days(self.workdays)

    def spans(self) -> list[tuple[float, float]]:
        """The open spans of the week, in hours from Monday 00:00, in order."""
        days = sorted({WEEKDAYS.index(d) for d in self.days})
        return [(24.0 * d + self.open, 24.0 * d + self.close) for d in days]

    def keeps(self, role: str) -> bool:
        """Whether staff of ``role`` keep these hours."""
        return not self.roles or role in self.roles


def _day(iso: str) -> str:
    """The weekday of an ISO date, as ``days`` names it."""
    return WEEKDAYS[dt.date.fromisoformat(iso).weekday()]
