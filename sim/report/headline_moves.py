"""The headline's answer to "deterred or displaced?": of the smuggling attempts an option
took off the routes that lost them, how many went to other routes and how many were not
tried at all. The route-by-route line before it gives each change and its interval; a
planner asked how much smuggling a patrol deters had to add those changes up by hand, and
could read a route's fall as smuggling prevented when most of it had moved elsewhere."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

_ROUTE = "smuggling_attempts_route_"


def _mean(rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str, metric: str) -> float:
    row = rows.get((name, metric))
    return float(row["mean"]) if row is not None else math.nan


def _n(x: float) -> str:
    return f"{x:.2f}" if abs(x) < 100 else f"{x:,.0f}"


def deterred_or_displaced(rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str,
                          days: float | None) -> str:
    """One headline line splitting the attempts the option took off some routes into those
    moved to other routes and those deterred (not tried), each with its share, a
    replication's mean over the observed days. The split holds only when the option leaves
    the groups' opportunities as they were (attempts + deterred = opportunities) and deters
    no fewer loads than the baseline: otherwise, or when no route lost attempts, it is
    empty and the route-by-route line stands alone."""
    changes = {str(m).removeprefix(_ROUTE): float(r["mean"]) for (o, m), r in rows.items()
               if o == name and str(m).startswith(_ROUTE)}  # fmt: skip
    deterred = _mean(rows, name, "attempts_deterred")
    opportunities = _mean(rows, name, "smuggling_opportunities")
    if not changes or not all(math.isfinite(x) for x in (*changes.values(), deterred)):
        return ""
    fell = {r: -d for r, d in changes.items() if d < 0}
    rose = {r: d for r, d in changes.items() if d > 0}
    lost = sum(fell.values())
    if lost <= 0 or deterred < 0 or not abs(opportunities) <= 1e-9:
        return ""
    moved = sum(rose.values())
    period = f" over the {days:g} observed days" if days else " over the observed days"
    off = "; ".join(f"{r} {_n(x)} fewer attempts" for r, x in
                    sorted(fell.items(), key=lambda x: -x[1]))  # fmt: skip
    to = ", ".join(f"{r} {_n(x)}" for r, x in sorted(rose.items(), key=lambda x: -x[1]))
    return (f"deterred or displaced, a replication's mean{period}: {off}; of them "
            f"{_n(moved)} ({100 * moved / lost:.0f} %) went to other routes"
            + (f" ({to})" if to else "")
            + f" and {_n(deterred)} ({100 * deterred / lost:.0f} %) were not tried (deterred); "
            "the same opportunities in both (means of the paired differences: each route's "
            "interval is on the line before)")
