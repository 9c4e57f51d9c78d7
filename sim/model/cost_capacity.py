"""Cash or freed capacity: the agencies' staff time paid but not worked.

The agencies' cost (:mod:`sim.model.agency_costs`) pays the staff for their time on duty, busy
or not; so a reform that frees officers' hours without cutting the posts or shifts that pay
them saves no cash: the officers are still paid, and the hours freed show as more idle time.
A budget analyst must tell the two apart. The cash a reform saves is the change in
``agency_cost_per_year`` (posts, shifts, overtime, running costs and per-check costs paid);
the capacity it frees is the rise in the idle staff time measured here (head-hours on duty in
which no one was busy, and their cost), still paid, a saving only if the posts are cut.
Patrols, post-clearance auditors and fixed posts have no busy time measured and are left out,
as from ``agency_busy_staff_cost_per_year``; overtime is busy all through (no idle time)."""

from __future__ import annotations

import math
from typing import Any

from sim.model import agency_costs as ac

#: the staff kinds whose busy time is measured (ordinary time, its night premium, overtime)
MEASURED_KINDS = (*ac.STAFF_KINDS, "overtime")


def _measured(item: dict[str, Any]) -> bool:
    """Whether a cost item is staff time with its busy time measured."""
    return item["kind"] in MEASURED_KINDS and not (
        ac.is_patrol(item) or (item["port"] == ac.OVERHEAD and item["item"] == "audit"))


def idle_staff(agency: list[dict[str, Any]]) -> tuple[float, float]:
    """The staff time paid but not busy over the observed window, as (head-hours, cost):
    each measured staff item's cost less its busy cost (so that busy + idle is their cost to
    the cent), and the head-hours of the ordinary-time rows (a night row's hours are the same
    hours, its premium priced apart). Both NaN when no staff's busy time is measured."""
    staff = [r for r in agency if _measured(r)]
    if not staff:
        return math.nan, math.nan
    cost = float(sum(r["cost"] - r["busy_cost"] for r in staff))
    hours = 0.0
    for r in staff:
        if r["kind"] != "staff":
            continue
        busy = r["busy_cost"] / r["cost"] if r["cost"] > 0 else r["utilisation"]
        hours += r["quantity"] * (1.0 - busy)
    return hours, cost


def metrics(agency: list[dict[str, Any]], per_year: float) -> dict[str, float]:
    """The idle staff time's head-hours and cost, scaled to a year (``per_year``: years per
    window): their rise under a reform is the capacity it frees, still paid."""
    hours, cost = idle_staff(agency)
    return {
        "agency_idle_staff_hours_per_year": hours * per_year,
        "agency_idle_staff_cost_per_year": cost * per_year,
    }
