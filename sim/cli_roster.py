"""``bordersim check SCENARIO --roster``: each staffed lane's roster as shifts, and what
its staff cost a week, before anything runs.

A rostering office checks a roster against its staffing table ("08:00-18:00, 8 officers")
and its pay budget; the resolved scenario shows 24 or 168 bare numbers per lane and no
cost. This says, per lane, who is on duty when (runs of hours with the same servers, days
with the same pattern together), the server-hours of a week and, with a ``[costs]``
section, the head-hours and the cost of a week as the run prices them (the same items:
:func:`sim.model.agency_costs.agency_fixed` over one week, night pay included; overtime,
which depends on the load, is not in it).
"""

from __future__ import annotations

from typing import Any

from sim.scenario.cost_notes import lane_at
from sim.scenario.dormant import LANE_PATHS  # a lane's path in a port's table -> its key

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEK_H = 168.0


def roster_lines(scenario: Any) -> list[str]:
    """One line per lane of every port with servers (in the scenario's order of ports),
    then one line of the week's totals when the scenario prices staff."""
    lines, total = [], 0.0
    for name, port in scenario.ports.items():
        for path, key in LANE_PATHS.items():
            lane = lane_at(port, path)
            if lane is None:
                continue
            text, cost = _lane_text(scenario, name, port.mode, key, lane)
            lines.append(f"ports.{name}.{path}: {text}")
            total += cost
    if scenario.costs is not None and total > 0:
        from sim.model.costs import HOURS_PER_YEAR

        currency = scenario.costs.currency
        lines.append(
            f"staff on duty by these rosters: {total:,.0f} {currency} a week, "
            f"{total * HOURS_PER_YEAR / WEEK_H:,.0f} a year (the lanes priced above; "
            "overtime, fixed posts, patrols, auditors and the organisation's units not "
            "included)"
        )
    return lines


def _lane_text(scenario: Any, port: str, mode: str, key: str, lane: Any) -> tuple[str, float]:
    """What ``lane`` (lane key ``key`` of ``port``) has on duty and, priced, costs a week."""
    hourly = lane.hourly_capacity()
    if hourly is None:
        return "unlimited (a pure delay: no servers, no staff)", 0.0
    text = f"{pattern(hourly)}; {sum(hourly):,} server-hours a week"
    costs = scenario.costs
    if costs is None:
        return text, 0.0
    staff = costs.staff.get(key)
    if _pooled(scenario, key):  # (its servers join the exam_officers pool: priced there)
        return text + " (cross-trained: one exam_officers pool, which the run prices)", 0.0
    if staff is None:
        return text + f" (not priced: costs.staff lists no {key})", 0.0
    from sim.model.agency_costs import agency_fixed

    rows = [r for r in agency_fixed(costs, port, mode, {key: hourly}, False, (0.0, WEEK_H))
            if r["kind"] in ("staff", "night")]
    heads = sum(r["quantity"] for r in rows if r["kind"] == "staff")
    cost = sum(r["cost"] for r in rows)
    text += f"; {heads:,.0f} head-hours of {staff.role} ({staff.heads:g} a server), "
    text += f"{cost:,.0f} {costs.currency} a week"
    night = sum(r["cost"] for r in rows if r["kind"] == "night")
    if night > 0:
        text += f" ({night:,.0f} of it night pay)"
    return text, cost


def _pooled(scenario: Any, key: str) -> bool:
    """Whether lane ``key`` is part of a cross-trained exam pool (inspection.joint_staffing)."""
    joint = getattr(scenario.inspection, "joint_staffing", "both") == "cross_trained"
    return joint and key in ("exam_teams", "quarantine_officers")


def pattern(hourly: list[int]) -> str:
    """A week's servers as shifts: runs of hours with the same servers, the days with the
    same day's pattern named together (``every day: 00-08 2, 08-18 8, 18-24 2``)."""
    days = [tuple(hourly[d * 24 : (d + 1) * 24]) for d in range(7)]
    if all(sum(day) == 0 for day in days):
        return "no one on duty"
    groups: dict[tuple[int, ...], list[int]] = {}
    for d, day in enumerate(days):
        groups.setdefault(day, []).append(d)
    parts = []
    for day, which in groups.items():
        when = "every day" if len(which) == 7 else _days(which)
        parts.append(f"{when}: {_runs(day)}")
    return "; ".join(parts)


def _runs(day: tuple[int, ...]) -> str:
    """``00-08 2, 08-18 8, 18-24 2``: each run of hours with the same servers."""
    if not any(day):
        return "off"
    out, start = [], 0
    for h in range(1, 25):
        if h == 24 or day[h] != day[start]:
            out.append(f"{start:02d}-{h:02d} {day[start]}")
            start = h
    return ", ".join(out)


def _days(which: list[int]) -> str:
    """``Mon-Fri``, ``Sat, Sun``: consecutive days as a range."""
    spans, first = [], which[0]
    for a, b in zip(which, [*which[1:], None], strict=True):
        if b != a + 1:
            spans.append(DAYS[first] if a == first else
                         f"{DAYS[first]}, {DAYS[a]}" if a == first + 1 else
                         f"{DAYS[first]}-{DAYS[a]}")
            if b is not None:
                first = b
    return ", ".join(spans)
