"""Longer exam-yard hours: the yard's appointment slots and the staff who examine in them kept
open longer each day, together. Extending the slots alone moves nothing while the exam teams
still go home at the old hour (a box booked into a late slot waits for the next morning's
team), and extending the teams alone leaves them idle with no appointments to take; a
planner asking for "the yard open till 22:00" means both."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import at, ports
from sim.reforms.reform import Changes, Param, Reform

#: the exam yard's staffed lanes that keep their daytime strength for the extra hours
YARD_STAFF = ("exam.teams", "quarantine.officers", "exam.movers")


def _day_end(day: list[Any]) -> int:
    """The hour a day's staffed block ends: the hour after its last at the day's most (0 for
    a day with no one on)."""
    top = max(day)
    return 0 if top <= 0 else 1 + max(h for h, n in enumerate(day) if n == top)


def later_schedule(schedule: list[Any], close: int) -> list[Any]:
    """A 24- or 168-hour schedule with each day's staffed block kept at its daytime most until
    ``close`` (an hour of the day, at most 24); hours after it and days off are as they were."""
    out: list[Any] = []
    for d in range(0, len(schedule), 24):
        day = schedule[d:d + 24]
        end, top = _day_end(day), max(day)
        out += [max(n, top) if end and end <= h < close else n for h, n in enumerate(day)]
    return out


def _closing(port: dict[str, Any], slots: dict[str, Any]) -> int:
    """The hour the port's exam yard closes now: its exam teams' day end (their first day
    with anyone on), or with no hourly roster the end of the slots' day."""
    teams = at(port, "exam.teams.schedule")
    ends = [_day_end(teams[d:d + 24]) for d in range(0, len(teams or []), 24)]
    return next((e for e in ends if e), math.ceil(float(slots["day_end"])))


def _open_late(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """At every port whose exam yard closes before midnight: its slots' day end and its
    staffed yard lanes' hourly schedules ``extra_hours`` later (to midnight at most), the
    lanes at their daytime strength until the teams' new closing hour."""
    extra = int(s["extra_hours"])
    out: Changes = {}
    for name, port in ports(data):
        slots = at(port, "exam.slots")
        if slots is None or float(slots["day_end"]) >= 24:
            continue
        out[f"ports.{name}.exam.slots.day_end"] = min(24.0, float(slots["day_end"]) + extra)
        close = min(24, _closing(port, slots) + extra)
        for lane in YARD_STAFF:
            schedule = at(port, f"{lane}.schedule")
            if schedule is not None and later_schedule(schedule, close) != schedule:
                out[f"ports.{name}.{lane}.schedule"] = later_schedule(schedule, close)
    return out


EXAM_HOURS = [
    Reform(
        "exam_hours",
        "the exam yard stays open extra_hours longer each day at every port whose "
        "appointment slots end before midnight: the last slot is that much later, and the "
        "exam teams, quarantine officers and movers keep their daytime strength for those "
        "hours, so examinations booked in the evening are done the same day rather than the "
        "next morning (the extra shifts' staff are priced by the run from the scenario's "
        "wages; the terminal's cost of the longer hours is the appraisal's default, an "
        "assumption)",
        _open_late,
        (
            "assumption: extra_hours (no published figure was found for Chinese ports' exam "
            "yards' extended hours)",
            "assumption: every staffed lane of the yard keeps its daytime strength in the "
            "extra hours (a lane scheduled by named shifts or at a fixed capacity is left as "
            "it is)",
        ),
        {
            "extra_hours": Param(
                4, "hours added to the end of the exam yard's day (slots and staff)", 1, 16,
                kind="whole",
            ),
        },
        acts_on="an exam yard whose appointment slots end before midnight",
    ),
]
