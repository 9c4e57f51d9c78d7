"""Office hours of the organisation's staff (``organisation.office_hours``): when its units
take up a request. Without them staff serve around the clock, so an approval asked for at
3 a.m. on a Saturday starts at once; with them it waits for the next opening, which is
where much of a real approval's delay comes from."""

from __future__ import annotations

from pydantic import Field, model_validator

from sim.scenario.base import Strict
from sim.scenario.limits import Clock, clock

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class OfficeHours(Strict):
    """The hours each working day in which staff of the listed roles start requests (a
    request being served at closing is finished)."""

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
        return self

    def spans(self) -> list[tuple[float, float]]:
        """The open spans of the week, in hours from Monday 00:00, in order."""
        days = sorted({WEEKDAYS.index(d) for d in self.days})
        return [(24.0 * d + self.open, 24.0 * d + self.close) for d in days]

    def keeps(self, role: str) -> bool:
        """Whether staff of ``role`` keep these hours."""
        return not self.roles or role in self.roles
