"""Exam staff a capacity window puts on duty outside the exam yard's hours: a window that
sets ``servers`` on ``exam_teams`` (or a cross-trained pool's ``exam_officers``) for whole
days also staffs the nights, while examinations start only in the yard's appointment slots
(``exam.slots``, 08:00-17:00 by default). Teams on duty then only finish examinations begun
before or work off a backlog the day's slots left (on the default scenario, 13 teams round
the clock for three days were busy 8 % of their hours outside the slots), and every hour is
paid (as overtime above the schedule): money a planner would otherwise waste in silence.

Schedules are left alone: a shift that runs an hour or two past the last slot finishes the
examinations begun in it, and is a shape the scenario gives on purpose; a dated window is
the hand-made extra staff the check is for. ``added`` adds to the schedule's staffed hours
only, so it is never warned about."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: the lanes of examining staff a window can set
STAFF = ("exam_teams", "exam_officers")


def _schedule(port: Any, lane: str) -> list[int] | None:
    """The lane's servers for each hour of the week (None: unlimited)."""
    teams: list[int] | None = port.exam.teams.hourly_capacity()
    if lane == "exam_teams" or teams is None:
        return teams
    officers = port.quarantine.officers.hourly_capacity()
    return None if officers is None else [a + b for a, b in zip(teams, officers, strict=True)]


def _open(slots: Any, h: int) -> bool:
    """Whether hour ``h`` of the run (time 0: Monday 00:00) meets the yard's slot hours."""
    clock = h % 24
    return (h // 24) % 7 + 1 in slots.weekdays and clock + 1 > slots.day_start and (
        clock < slots.day_end)


def _clock_ranges(hours: set[int]) -> str:
    """Hours of the day as ranges, a run across midnight as one: '17:00-08:00'."""
    if len(hours) == 24:
        return "all day"
    starts = [h for h in sorted(hours) if (h - 1) % 24 not in hours]
    out = []
    for s in starts:
        e = s
        while (e + 1) % 24 in hours:
            e = (e + 1) % 24
        out.append(f"{s:02d}:00-{(e + 1) % 24:02d}:00")
    return ", ".join(out)


def _clock(x: float) -> str:
    return f"{int(x):02d}:{round(x % 1 * 60):02d}"


def exam_window_hours(scenario: Scenario) -> list[str]:
    """A warning per window that sets more exam staff than the schedule has in hours no
    examination can start (outside the port's exam slots): which window, lane and port, the
    hours, the staff-hours above the schedule then, and what to give instead."""
    from sim.scenario.capacity_windows import window_lanes, window_spans

    out = []
    for i, w in enumerate(scenario.capacity_windows):
        port = scenario.ports.get(w.port)
        if w.servers is None or port is None or port.exam is None:
            continue
        slots = port.exam.slots
        lanes = window_lanes(scenario, w)
        start = int(w.hours(scenario.start_date))
        span = [h for a, b in window_spans(w, start) for h in range(a, b)]
        for lane in (x for x in lanes if x in STAFF):
            week = _schedule(port, lane)
            if week is None:
                continue
            idle = [h for h in span if not _open(slots, h) and w.servers > week[h % 168]]
            if not idle:
                continue
            extra = sum(w.servers - week[h % 168] for h in idle)
            staffed = [week[h % 168] for h in span if _open(slots, h)]
            more = w.servers - max(staffed, default=0)
            days = "" if len(slots.weekdays) == 7 else f" on weekdays {slots.weekdays}"
            added = f"added = {more}" if more > 0 else "added = N"
            out.append(
                f"capacity_windows.{i} puts {w.servers} {lane} on duty at port {w.port} in "
                f"{len(idle)} hours outside its exam yard's hours (slots {_clock(slots.day_start)}"
                f"-{_clock(slots.day_end)}{days}): {_clock_ranges({h % 24 for h in idle})}; "
                f"no examination starts then, so they only finish examinations begun before "
                f"or work off a backlog the day's slots left, and the {extra} staff-hours "
                f"above the schedule then are paid as overtime. To add staff to the "
                f"schedule's hours only, give {added} instead of servers; or open the yard "
                f"longer (ports.{w.port}.exam.slots.day_start, day_end)"
            )
    return out
