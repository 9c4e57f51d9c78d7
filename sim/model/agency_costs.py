"""What the agency's staff and equipment cost: lanes by their time on duty, fixed posts,
equipment amortised over its life, and the overheads that belong to no port (patrols, the
organisation's units). Pure functions; :mod:`sim.model.costbook` folds them with the
per-consignment costs of :mod:`sim.model.costs`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from sim.model.cost_activities import LANE_ACTIVITY
from sim.model.costs import HOURS_PER_YEAR, WEEK
from sim.scenario.costs import Costs


# --- agency: staff by time on duty, equipment by life ----------------------------------
def duty_hours(hourly: list[int] | None, start: float, end: float) -> float:
    """Server-hours on duty between ``start`` and ``end`` (hours from Monday 00:00) under a
    168-hour schedule: the exact integral of the capacity, so removing an hour of one server
    removes exactly one server-hour a week. An unlimited lane has none (it has no staff)."""
    if hourly is None or end <= start:
        return 0.0
    cum = np.concatenate([[0.0], np.cumsum(np.asarray(hourly, dtype=float))])

    def upto(t: float) -> float:
        weeks, rest = divmod(t, WEEK)
        h = int(rest)
        return float(weeks * cum[-1] + cum[h] + (rest - h) * (hourly[h] if h < WEEK else 0))

    return upto(end) - upto(start)


#: a cross-trained exam pool's parts: the hourly capacities of the exam teams and of the
#: quarantine officers it pools (None: the port has no pool)
Pool = tuple[list[int], list[int]] | None
POOL = "exam_officers"
POOLED = ("exam_teams", "quarantine_officers")


def heads_per_server(costs: Costs, key: str, pool: Pool, window: tuple[float, float]) -> float:
    """People per server of a port's lane ``key``. Each server of a cross-trained exam pool
    (``pool``: its parts) is as many people as the team or officer it was (the heads of
    ``exam_teams`` and ``quarantine_officers``; the pool's own where those have none): the
    pool keeps the headcount it pools, averaged over the servers on duty in ``window``."""
    own = costs.staff[key].heads
    if key != POOL or pool is None:
        return own
    parts = [duty_hours(h, *window) for h in pool]
    if sum(parts) <= 0:
        return own
    each = [getattr(costs.staff.get(k), "heads", own) for k in POOLED]
    return sum(n * h for n, h in zip(parts, each, strict=True)) / sum(parts)


def agency_fixed(
    costs: Costs,
    port: str,
    mode: str,
    lanes: Mapping[str, list[int] | None],
    lab: bool,
    window: tuple[float, float],
    pool: Pool = None,
) -> list[dict[str, Any]]:
    """One row per cost item of a port over the observed ``window``: the staff of every
    lane (heads per server x server-hours on duty x hourly cost), its fixed posts, its
    scanners (as many as the lane's largest capacity) and its laboratory, amortised (at
    ``costs.discount_rate``: their equivalent annual cost; each with its one-off capital,
    ``outlay``). ``pool``: a cross-trained exam pool's parts (see :func:`heads_per_server`)."""
    start, end = window
    years = (end - start) / HOURS_PER_YEAR
    rows: list[dict[str, Any]] = []
    for key, hourly in lanes.items():
        staff = costs.staff.get(key)
        if staff is not None:
            heads = heads_per_server(costs, key, pool, window)
            hours = duty_hours(hourly, start, end) * heads
            rows.append(cost_item(port, key, "staff", staff.role, hours, costs.hourly(staff.role)))
            rows += night_items(costs, port, key, hourly, window, heads)
    posts = costs.posts.get(port, costs.posts.get("*", {}))
    for role, heads in posts.items():
        rows.append(
            cost_item(
                port,
                f"posts:{role}",
                "posts",
                role,
                heads * years * costs.hours_per_year,
                costs.hourly(role),
            )
        )
    scanners, scanner = lanes.get("scanners"), costs.scanner_for(mode)
    if scanner is not None and scanners is not None:
        units = max(scanners)
        per_year = scanner.per_year(costs.discount_rate)
        item = cost_item(port, "scanners", "equipment", "", units * years, per_year)
        rows.append({**item, "outlay": units * scanner.capital})
    if costs.lab is not None and lab:
        per_year = costs.lab.per_year(costs.discount_rate)
        item = cost_item(port, "lab", "equipment", "", years, per_year)
        rows.append({**item, "outlay": costs.lab.capital})
    return rows


def night_items(
    costs: Costs,
    port: str,
    key: str,
    hourly: list[int] | None,
    window: tuple[float, float],
    heads: float,
) -> list[dict[str, Any]]:
    """The night-shift premium of a port's staffed lane ``key`` over ``window``: its
    server-hours on duty in ``costs.night``'s hours x ``heads`` per server, at the role's
    hourly cost x (premium - 1), the extra over the ordinary time its ``staff`` row prices.
    None without night pay, at a premium of 1, or with no one on duty at night."""
    night, staff = costs.night, costs.staff[key]
    if night is None or night.premium == 1 or hourly is None:
        return []
    at_night = [n * on for n, on in zip(hourly, night.week_hours(), strict=True)]
    hours = duty_hours(at_night, *window) * heads
    if hours <= 0:
        return []
    price = costs.hourly(staff.role) * (night.premium - 1)
    return [cost_item(port, key, "night", staff.role, hours, price)]


def overtime_items(
    costs: Costs,
    port: str,
    lanes: Mapping[str, list[int] | None],
    duty: Mapping[str, float],
    window: tuple[float, float],
    pool: Pool = None,
    heads_in: tuple[float, float] | None = None,
) -> list[dict[str, Any]]:
    """One row per staffed lane of a port whose servers worked past their shifts' end in
    ``window``: a server busy when its schedule has it off duty stays until its job ends.
    ``duty``: each lane's server-hours on duty in the window, overtime included (the
    resources table's ``capacity_mean`` x the window); the hours beyond its schedule's, x
    heads per server (:func:`heads_per_server`, over ``heads_in``: default the window), are
    priced at the role's hourly cost x ``costs.overtime_premium``."""
    start, end = window
    rows: list[dict[str, Any]] = []
    for key, hourly in lanes.items():
        staff, worked = costs.staff.get(key), duty.get(key, math.nan)
        if staff is None or hourly is None or math.isnan(worked):
            continue
        scheduled = duty_hours(hourly, start, end)
        if worked - scheduled <= 1e-9 * max(scheduled, 1.0):  # (none past rounding)
            continue
        price = costs.hourly(staff.role) * costs.overtime_premium
        hours = (worked - scheduled) * heads_per_server(costs, key, pool, heads_in or window)
        rows.append(cost_item(port, key, "overtime", staff.role, hours, price))
    return rows


#: the "port" of a cost item that belongs to no port (patrols on routes outside the ports,
#: the organisation's units): counted in every total, shared by every consignment alike
OVERHEAD = "*"


def overhead_items(
    costs: Costs, scenario: Any, organisation_units: Mapping[str, Any], window: tuple[float, float]
) -> list[dict[str, Any]]:
    """Staff that serve no single port, priced like the lanes: each smuggling route's patrol
    (officers on duty x hours x the patrol role's hourly cost), the post-clearance auditors
    (heads x available hours x the audit role's hourly cost) and each organisation unit's
    staff (heads x available hours x its own cost per head per year, in CNY: converted by
    ``costs.exchange``); and the agencies' other running costs (``costs.systems``)."""
    start, end = window
    rows: list[dict[str, Any]] = []
    smuggling = getattr(scenario, "smuggling", None)
    for name, route in smuggling.routes.items() if smuggling is not None else ():
        patrol = route.patrol
        if patrol is None:
            continue
        hourly = patrol.schedule if patrol.schedule is not None else [patrol.staff] * 24
        week = (list(hourly) * (WEEK // len(hourly)))[:WEEK]
        hours = duty_hours(week, start, end)
        price = costs.hourly(costs.patrol_role)
        rows.append(cost_item(OVERHEAD, f"patrol:{name}", "staff", costs.patrol_role, hours, price))
    years = (end - start) / HOURS_PER_YEAR
    enforcement = getattr(scenario, "enforcement", None)
    auditors = enforcement.audit.staff if enforcement is not None else 0
    if auditors > 0:  # full time: they audit goods released long before as well
        hours = auditors * years * costs.hours_per_year
        price = costs.hourly(costs.audit_role)
        rows.append(cost_item(OVERHEAD, "audit", "staff", costs.audit_role, hours, price))
    for name, (in_force, per_year) in systems(scenario, costs, window).items():
        rows.append(cost_item(OVERHEAD, f"systems:{name}", "systems", "", in_force, per_year))
    cny = costs.rate("CNY") if organisation_units else 1.0  # (heads are priced in CNY)
    for uid, unit in organisation_units.items():
        for role, staff in unit.staff.items():
            hours = staff.count * years * costs.hours_per_year
            price = staff.cost_per_year * cny / costs.hours_per_year
            rows.append(cost_item(OVERHEAD, f"org/{uid}:{role}", "staff", role, hours, price))
    return rows


def resource_key(item: dict[str, Any]) -> tuple[str, str]:
    """Where the resources table holds a cost item's utilisation: a lane's under (port,
    lane), an organisation unit's staff (item ``org/<unit>:<role>``) under (org/<unit>,
    role)."""
    if item["port"] == OVERHEAD and str(item["item"]).startswith("org/"):
        unit, role = str(item["item"]).split(":", 1)
        return unit, role
    return item["port"], item["item"]


def with_busy_cost(
    rows: list[dict[str, Any]], utilisation: Mapping[tuple[str, str], float]
) -> list[dict[str, Any]]:
    """Give each cost item its lane's ``utilisation`` and, for staff, the cost of their busy
    time. Overtime is busy all through; a lane's utilisation (busy over time on duty,
    overtime included) is split so that the busy hours within the schedule are those not
    worked as overtime: the two rows' busy costs add up to its busy hours, none twice."""
    overtime = {(r["port"], r["item"]): r["quantity"] for r in rows if r["kind"] == "overtime"}
    on_duty: dict[tuple[str, str], float] = {}  # a staff row's utilisation within schedule
    for r in rows:
        if r["kind"] == "overtime":
            r["utilisation"], r["busy_cost"] = 1.0, r["cost"]
            continue
        r["utilisation"] = u = utilisation.get(resource_key(r), math.nan)
        extra, hours = overtime.get((r["port"], r["item"]), 0.0), r["quantity"]
        if extra and r["kind"] == "staff" and hours > 0:  # (head-hours, both)
            u = (u * (hours + extra) - extra) / hours
        if r["kind"] == "staff":
            on_duty[(r["port"], r["item"])] = u
        elif r["kind"] == "night":  # (the lane's, the night's own is not measured apart)
            u = on_duty.get((r["port"], r["item"]), u)
        r["busy_cost"] = r["cost"] * u if r["kind"] in STAFF_KINDS else math.nan
    return rows


#: cost items of staff on duty by a lane's schedule: ordinary time and its night premium
STAFF_KINDS = ("staff", "night")


def busy_staff(agency: list[dict[str, Any]]) -> float:
    """The cost of the staff's busy time: every staff item's but the patrols' and the
    post-clearance auditors', which have no busy time measured (a patrol on duty is
    patrolling; the audit's workload is not modelled); NaN when no staff's is measured."""
    staff = [r for r in agency if r["kind"] in (*STAFF_KINDS, "overtime")]
    measured = [r["busy_cost"] for r in staff if not _unmeasured(r)]
    return float(sum(measured)) if measured else math.nan


def _unmeasured(item: dict[str, Any]) -> bool:
    """Whether a staff item has no busy time measured: a patrol's, the auditors'."""
    return is_patrol(item) or (item["port"] == OVERHEAD and item["item"] == "audit")


def is_patrol(item: dict[str, Any]) -> bool:
    """Whether a cost item is a smuggling route's patrol (a cost of no port, booked on its
    own line: ``agency_cost_patrol_per_year``)."""
    return item["port"] == OVERHEAD and str(item["item"]).startswith("patrol:")


def systems(
    scenario: Any, costs: Costs, window: tuple[float, float]
) -> dict[str, tuple[float, float]]:
    """The agencies' other running costs (``costs.systems``), each with the years of the
    window it is in force and its cost per year: from the start, or, added by a dated
    reform, from that reform's date (a cost a later reform changes: averaged over its eras)."""
    start, end = window
    years = (end - start) / HOURS_PER_YEAR
    if not getattr(scenario, "timeline", None):
        return {name: (years, per_year) for name, per_year in costs.systems.items()}
    from sim.reforms.timeline import eras

    spans = eras(scenario)
    paid: dict[str, list[float]] = {}  # name -> [hours in force, cost x hours per year]
    for (t, era), (after, _) in zip(spans, [*spans[1:], (math.inf, None)], strict=True):
        hours = max(0.0, min(end, after) - max(start, t))
        for name, per_year in era.costs.systems.items() if era.costs is not None else ():
            acc = paid.setdefault(name, [0.0, 0.0])
            acc[0] += hours
            acc[1] += per_year * hours
    return {
        name: (h / HOURS_PER_YEAR, c / h if h > 0 else 0.0) for name, (h, c) in paid.items()
    }


def system_ports(scenario: Any) -> dict[str, list[str]]:
    """The ports each running cost (``costs.systems``) serves, when not every port: the
    scenario's ``costs.system_ports``, and those of the dated reforms' eras."""
    out: dict[str, list[str]] = {}
    costs = [scenario.costs, *(era.costs for _, era in _eras(scenario))]
    for c in costs:
        out.update(getattr(c, "system_ports", None) or {})
    return out


def _eras(scenario: Any) -> list[tuple[float, Any]]:
    if not getattr(scenario, "timeline", None):
        return []
    from sim.reforms.timeline import eras

    return list(eras(scenario))


def cost_item(
    port: str, item: str, kind: str, role: str, quantity: float, price: float
) -> dict[str, Any]:
    """A cost row: ``quantity`` (head-hours, or unit-years of equipment) at ``price``; the
    organisation's units can be costed the same way (``Costs.hourly(role)`` per head-hour)."""
    return {
        "port": port,
        "item": item,
        "kind": kind,
        "role": role,
        "activity": LANE_ACTIVITY.get(item, "declaration"),
        "quantity": quantity,
        "price": price,
        "cost": quantity * price,
    }
