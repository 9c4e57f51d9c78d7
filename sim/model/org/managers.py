"""Managers' posts the organisation's structure implies, and what they cost a year.

The structures are compared at equal headcount, so the ``management`` heads are the same in
each; the posts of the units' managers are not: every unit is headed by a manager (an
assumption: one leading post a unit), and where ``span_of_control`` limits the reports one
manager directs at a level (the units under it and its officers of every role but
management), a unit with more reports needs more managers. A flatter structure has fewer
units to head; a unit with more reports than the span needs more managers.

The posts are priced at a cost per manager-year by level: the ``management`` role's cost per
head at the units of that level (their mean), else the whole tree's, else 0 (the scenario
prices no management head). The figure stands beside the agency's cost, not in it: the
management heads the scenario gives are already priced there. Pure: no simulation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from sim.scenario.organisation import LEVELS

MANAGEMENT = "management"


def reports(units: Mapping[str, Any]) -> dict[str, int]:
    """Each unit's direct reports: the units whose parent it is, and its officers of every
    role but management (the managers' own staff)."""
    out = {
        uid: sum(r.count for role, r in u.staff.items() if role != MANAGEMENT)
        for uid, u in units.items()
    }
    for u in units.values():
        if u.parent in out:
            out[u.parent] += 1
    return out


def posts_by_unit(units: Mapping[str, Any], span: Mapping[str, int]) -> dict[str, int]:
    """Managers' posts of each unit: one head of unit, or, where ``span`` limits its level,
    as many as its reports need (reports / span, rounded up)."""
    n = reports(units)
    return {uid: max(1, math.ceil(n[uid] / span.get(u.level, math.inf)))
            for uid, u in units.items()}


def posts_by_level(units: Mapping[str, Any], span: Mapping[str, int]) -> dict[str, int]:
    """Managers' posts at each level (every level listed, 0 where the tree has no unit)."""
    out = dict.fromkeys(LEVELS, 0)
    for uid, n in posts_by_unit(units, span).items():
        out[units[uid].level] += n
    return out


def rate_by_level(units: Mapping[str, Any]) -> dict[str, float]:
    """Cost per manager-year by level (CNY, as the organisation prices a head): the mean
    cost of a management head at the level's units, else over the whole tree, else 0."""
    costs: dict[str, list[float]] = {}
    for u in units.values():
        role = u.staff.get(MANAGEMENT)
        if role is not None and role.count > 0:
            costs.setdefault(u.level, []).append(role.cost_per_year)
    every = [c for level in costs.values() for c in level]
    fallback = sum(every) / len(every) if every else 0.0
    return {lv: sum(c) / len(c) if (c := costs.get(lv)) else fallback for lv in LEVELS}


def manager_metrics(
    units: Mapping[str, Any], span: Mapping[str, int], rate: float | None
) -> dict[str, float]:
    """The managers' posts in all and by level, and with a ``rate`` (1 CNY in the reporting
    currency) their cost a year: posts x cost per manager-year, by level and in all."""
    posts, price = posts_by_level(units, span), rate_by_level(units)
    out = {"org_manager_posts": float(sum(posts.values()))}
    out.update({f"org_manager_posts_{lv}": float(n) for lv, n in posts.items()})
    if rate is not None:
        cost = {lv: n * price[lv] * rate for lv, n in posts.items()}
        out["org_manager_cost_per_year"] = float(sum(cost.values()))
        out.update({f"org_manager_cost_per_year_{lv}": c for lv, c in cost.items()})
    return out
