"""Dated capacity windows on the model's lanes (see :mod:`sim.scenario.capacity_windows`).

A lane's weekly schedule repeats every 168 hours; a window (a breakdown, a closure, extra
staff) happens once. A lane a window touches gets a plan of whole weeks from time 0 that
covers the run and a week past its end: its schedule, week after week, with each window's
hours set to the window's servers. The plan repeats after its end, which no measured figure
reaches (the run's figures stop at its end). Lanes no window touches keep their weekly
schedule, so scenarios without windows run exactly as before.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sim.scenario.capacity_windows import window_lanes, window_spans

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

WEEK = 168


def windows_by_lane(
    scenario: Scenario,
) -> dict[tuple[str, str], list[tuple[int, int, int, bool]]]:
    """Each (port, lane) a window touches, with its windows as (first hour, end hour,
    servers, added): ``added`` when the servers are added to the schedule's staffed hours
    rather than set; ``lane = "*"`` stands for every lane of the port with servers, a list
    for each of its lanes; a window with ``each_day`` is one span per day's hours."""
    out: dict[tuple[str, str], list[tuple[int, int, int, bool]]] = {}
    for w in scenario.capacity_windows:
        start = int(w.hours(scenario.start_date))
        added = w.servers is None
        count = int(w.added or 0) if added else int(w.servers or 0)
        spans = [(a, b, count, added) for a, b in window_spans(w, start)]
        for lane in window_lanes(scenario, w):
            out.setdefault((w.port, lane), []).extend(spans)
    return out


def plan(
    hourly: list[int],
    windows: Iterable[tuple[int, int, int]],
    end_h: float,
    added: Iterable[tuple[int, int, int]] = (),
) -> list[int]:
    """Servers hour by hour from time 0, whole weeks past ``end_h`` (the run's end) by at
    least one: ``hourly`` (a week's schedule) repeated, each window's hours set to its
    servers, and each of ``added``'s hours the schedule staffs given its servers more (a
    shift's extra staff: hours without staff stay without), or fewer when negative (staff
    on leave), never below 0."""
    weeks = math.ceil(end_h / WEEK) + 1
    out = list(hourly) * weeks
    for first, stop, servers in windows:
        for h in range(first, min(stop, len(out))):
            out[h] = servers
    for first, stop, more in added:
        for h in range(first, min(stop, len(out))):
            out[h] = max(out[h] + more, 0) if out[h] > 0 else 0
    return out


def apply_windows(scenario: Scenario, lanes: Iterable[Any], end_h: float) -> None:
    """Give each lane a window touches its plan (before the run starts)."""
    by_lane = windows_by_lane(scenario)
    if not by_lane:
        return
    for lane in lanes:
        spans = by_lane.get((lane.port, lane.name))
        if spans and lane.hourly is not None:
            set_to = [(a, b, n) for a, b, n, more in spans if not more]
            more = [(a, b, n) for a, b, n, more in spans if more]
            lane.plan(plan(lane.hourly, set_to, end_h, more))


def lost_hours(lane: Any, start: float, end: float) -> float:
    """Server-hours in [start, end) that windows took from ``lane``'s schedule (where a
    window has fewer servers than the schedule; 0 for a lane without windows). Added to the
    lane's hours on duty for its costs, so that a closed lane's staff are paid as scheduled
    and extra servers in a window are priced as overtime, not netted against the closure."""
    planned, hourly = getattr(lane, "planned", None), lane.hourly
    if planned is None or hourly is None:
        return 0.0
    lost = 0.0
    for h in range(max(0, math.floor(start)), min(len(planned), math.ceil(end))):
        gap = hourly[h % WEEK] - planned[h]
        if gap > 0:
            lost += gap * (min(end, h + 1.0) - max(start, float(h)))
    return lost
