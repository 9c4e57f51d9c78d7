"""A port's lane in a scenario: a pool of identical servers (officers, scanners, bays, teams
or equipment) with its capacity, hourly schedule or named shifts, and a service lane, whose
servers must be given. Apart from the schema so that a lane's section can live in a module
of its own (the schema imports it; ``sim.scenario.transit``'s desk is one)."""

from __future__ import annotations

from pydantic import field_validator, model_validator

from sim.scenario import limits
from sim.scenario.base import Strict
from sim.scenario.distributions import DurationDist
from sim.scenario.limits import Capacity, Servers
from sim.scenario.shifts import Shift, roster


class Lane(Strict):
    """A pool of identical servers: officers, scanners, bays, teams or equipment.

    ``capacity`` is a number of servers or ``"unlimited"`` (a pure delay, no queue); a
    ``schedule`` gives the capacity for each hour of the day (24 numbers) or of the week
    (168 numbers, Monday 00:00 first); ``shifts`` gives it as named shifts (``night = {
    start = "22:00", end = "06:00", servers = 2 }``), whose headcounts a sweep can vary one
    by one. A job in progress at a shift end finishes. Any one of them, given over an
    ``extends`` parent or by ``--set``, replaces the others.
    """

    capacity: Capacity | None = None
    schedule: list[Servers] | None = None
    shifts: dict[str, Shift] | None = None
    service: DurationDist | None = None

    @field_validator("schedule")
    @classmethod
    def _hours(cls, v: list[int] | None) -> list[int] | None:
        if v is not None and len(v) not in (24, 168):
            raise ValueError(
                f"schedule needs 24 (hours of the day) or 168 (hours of the week) numbers; "
                f"got {len(v)}"
            )
        return v

    @field_validator("shifts")
    @classmethod
    def _some_shift(cls, v: dict[str, Shift] | None) -> dict[str, Shift] | None:
        if v is not None and not v:
            raise ValueError(
                "shifts needs at least one shift, e.g. day = { start = \"08:00\", end = "
                "\"16:00\", servers = 3 } (for a lane never staffed: capacity = 0)"
            )
        if v is not None and max(roster(v)) > limits.MAX_SERVERS:
            raise ValueError(
                f"the shifts on duty together come to {max(roster(v)):,} servers in an hour; "
                f"at most {limits.MAX_SERVERS:,}"
            )
        return v

    @model_validator(mode="after")
    def _one_capacity(self) -> Lane:
        given = [k for k in ("capacity", "schedule", "shifts") if getattr(self, k) is not None]
        if len(given) > 1:
            raise ValueError(
                f"give one of 'capacity', 'schedule' or 'shifts', not {' and '.join(given)}"
            )
        return self

    @property
    def unlimited(self) -> bool:
        return self.capacity == "unlimited"

    def hourly_capacity(self) -> list[int] | None:
        """Capacity for each of the 168 hours of the week, or None when unlimited."""
        if self.unlimited:
            return None
        if self.schedule is not None:
            return list(self.schedule) * (168 // len(self.schedule))
        if self.shifts is not None:
            return roster(self.shifts)
        cap = 1 if self.capacity is None else int(self.capacity)
        return [cap] * 168


class ServiceLane(Lane):
    """A lane whose every job takes a service time; its servers must be given (``capacity``
    or ``schedule``): one server by default would be a guess."""

    service: DurationDist

    @model_validator(mode="after")
    def _servers_given(self) -> ServiceLane:
        if self.capacity is None and self.schedule is None and self.shifts is None:
            raise ValueError(
                "how many servers? give 'capacity' (a number, or \"unlimited\"), "
                "'schedule' (24 or 168 hourly numbers) or 'shifts' (named shifts: day = "
                "{ start = \"08:00\", end = \"16:00\", servers = 3 })"
            )
        return self
