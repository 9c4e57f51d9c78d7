"""The headline's word on what an option's smuggling patrols cost: their staff are booked on
their own line (``agency_cost_patrol_per_year``), in no port's cost per consignment, so a
planner reading a patrol option's headline saw what it deterred and displaced but not what
the patrols cost. This line says it, after the agencies' cost per year and in the brief's
cost line, when the scenario has smuggling routes and the change is clear of 0."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: what the line is of (the patrols' staff on the routes outside the ports, a year)
PATROL = "of which the smuggling patrols' outside the ports (their staff, a year)"


def patrol_cost(
    rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str, currency: str
) -> str:
    """Option ``name``'s change in its patrols' cost a year, with its 95 % interval, as the
    headline's other cost lines say a change; empty without smuggling routes in the
    comparison, without the patrol line (no [costs]) or when the interval holds 0."""
    from sim.report.headline import _clear, _sentence

    row = rows.get((name, "agency_cost_patrol_per_year"))
    routes = any(o == name and str(m).startswith("smuggling_attempts_route_")
                 for o, m in rows)  # fmt: skip
    if row is None or not routes or _clear(row) is None:
        return ""
    return _sentence(row, PATROL, "money", ("less", "more"), currency)
