"""What each capacity window's extra staff cost over the window's own hours: the
server-hours its plan puts on duty above the lane's schedule (hours it sets below the
schedule count nothing: a closure sends no one home unpaid), times the lane's people per
server, times the overtime price of its role (``costs.overtime_premium`` x the role's hourly
cost), as the run's cost prices them (docs/disruptions.md). The run's figures only give the
cost per year (``agency_cost_per_year``, by period ``agency_cost_per_year_era_<k>``); a port
manager adding three weeks of exam teams asks what those three weeks cost.

Read from the scenario alone (nothing simulated): jobs that run past a shift's end are paid
as overtime too, in the run's figures, but are no staff the window planned; hours of a window
within the warm-up count here, though the run's figures leave the warm-up out.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

WEEK = 168
COLUMNS = ["window", "port", "lane", "from_h", "hours", "staff_hours", "price_h", "cost"]


def _week(port: Any, lane: str) -> list[int] | None:
    """The lane's servers for each hour of the week (None: unlimited or absent); the
    cross-trained pool's are its exam teams' and quarantine officers' together."""
    from sim.scenario.capacity_windows import _lanes_of

    if lane == "exam_officers":
        teams = port.exam.teams.hourly_capacity()
        officers = port.quarantine.officers.hourly_capacity()
        if teams is None or officers is None:
            return None
        return [a + b for a, b in zip(teams, officers, strict=True)]
    spec = _lanes_of(port).get(lane)
    return None if spec is None else spec.hourly_capacity()


def _heads(scenario: Scenario, port: Any, lane: str, span: tuple[float, float]) -> float:
    """People per server of the lane (a pool's averaged over its parts' duty in ``span``)."""
    from sim.model.agency_costs import heads_per_server

    costs = scenario.costs
    assert costs is not None
    pool = None
    if lane == "exam_officers":
        pool = (port.exam.teams.hourly_capacity(), port.quarantine.officers.hourly_capacity())
    return heads_per_server(costs, lane, pool, span)


def window_staff(scenario: Scenario) -> pd.DataFrame:
    """One row per capacity window and staffed lane it touches: the window's number, port,
    lane, start (hours from the run's start) and length in hours, the staff-hours (people x
    hours) above the schedule, the overtime price of one of them and their cost (NaN
    without a price: no ``[costs]`` or no ``costs.staff`` for the lane)."""
    from sim.model.capacity_plan import plan
    from sim.scenario.capacity_windows import window_lanes, window_spans

    rows = []
    for i, w in enumerate(scenario.capacity_windows):
        port = scenario.ports[w.port]
        start = int(w.hours(scenario.start_date))
        stop = start + int(w.lasts)
        for lane in window_lanes(scenario, w):
            week = _week(port, lane)
            if week is None:
                continue
            count = int(w.servers if w.servers is not None else w.added or 0)
            spans = [(a, b, count) for a, b in window_spans(w, start)]
            planned = plan(week, [] if w.servers is None else spans, stop,
                           spans if w.servers is None else [])
            above = sum(max(planned[h] - week[h % WEEK], 0)
                        for a, b, _ in spans for h in range(a, b))
            heads, price = 1.0, float("nan")
            staff = scenario.costs.staff.get(lane) if scenario.costs is not None else None
            if scenario.costs is not None and staff is not None:
                heads = _heads(scenario, port, lane, (float(start), float(stop)))
                price = scenario.costs.hourly(staff.role) * scenario.costs.overtime_premium
            people = above * heads
            rows.append([i, w.port, lane, float(start), float(stop - start), people, price,
                         people * price])
    return pd.DataFrame(rows, columns=COLUMNS)


def _each(rows: pd.DataFrame) -> list[tuple[str, str, str, float, float, float, float, float]]:
    """The rows of :func:`window_staff` as plain values (window, port, lane, start and length
    in days, staff-hours, price of one, cost)."""
    return [(str(r["window"]), str(r["port"]), str(r["lane"]), float(r["from_h"]) / 24,
             float(r["hours"]) / 24, float(r["staff_hours"]), float(r["price_h"]),
             float(r["cost"])) for r in rows.to_dict("records")]


def window_lines(rows: pd.DataFrame, currency: str = "USD") -> list[str]:
    """Each row of :func:`window_staff` as a line: the window, its lane and days, its
    staff-hours above the schedule and their cost at the overtime price."""
    out = []
    for i, port, lane, day, days, hours, price, cost in _each(rows):
        money = "not priced (no costs.staff for the lane)" if math.isnan(cost) else (
            f"{cost:,.0f} {currency} at {price:,.2f} an hour of overtime")
        out.append(f"  capacity_windows.{i}  {port}  {lane}  day {day:g} for {days:g} days: "
                   f"{hours:,.0f} staff-hours above the schedule, {money}")
    return out or ["  no capacity windows"]


def window_lines_zh(rows: pd.DataFrame, currency: str = "USD") -> list[str]:
    """:func:`window_lines` in Chinese (the same figures)."""
    out = []
    for i, port, lane, day, days, hours, price, cost in _each(rows):
        money = "未定价（costs.staff 中没有该作业线）" if math.isnan(cost) else (
            f"{cost:,.0f} {currency}（加班每小时 {price:,.2f}）")
        out.append(f"  capacity_windows.{i}  {port}  {lane}  第 {day:g} 天起共 {days:g} 天："
                   f"高于排班的人员工时 {hours:,.0f}，{money}")
    return out or ["  没有容量窗口"]
