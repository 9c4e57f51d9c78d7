"""Patrols on the smuggling routes outside the ports: more (or fewer) officers on duty.

A route outside the ports (``smuggling.routes.<route>``, kind river, small vessels, border-
resident trade...) stops a crossing with probability ``1 - exp(-per_officer x officers on
duty x alert factor)``; this reform scales the officers on duty hour by hour (``patrol.
schedule``, or ``patrol.staff`` all day), so a planner asks "what if we doubled the river
patrols" by name rather than by typing a 24-value schedule. Smuggling groups then choose
among the routes as before: the run says how much is deterred and how much moves.

Officers are whole people: each hour's count times the factor is rounded to the nearest
whole officer (half up), so a factor of 2 doubles every hour exactly. The patrols are part
of the smuggling section, built once for the run: the reform cannot be dated.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from sim.reforms.reform import Changes, Param, Reform
from sim.reforms.sharing import named


def outside_routes(data: dict[str, Any]) -> list[str]:
    """The scenario's smuggling routes outside the ports that have a patrol, in order."""
    routes = ((data.get("smuggling") or {}).get("routes")) or {}
    return [n for n, r in routes.items() if r.get("kind") != "port" and r.get("patrol")]


def _officers(n: float, factor: float) -> int:
    """``n`` officers times ``factor``, to the nearest whole officer (half up)."""
    return int(math.floor(n * factor + 0.5))


def _patrols(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    known = outside_routes(data)
    if not known:
        return {}  # (no route outside the ports, or none with a patrol: nothing to scale)
    chosen = named(data, "patrol_staff: routes", s["routes"], known, "route with a patrol")
    out: Changes = {}
    routes = data["smuggling"]["routes"]
    for name in chosen:
        patrol = routes[name]["patrol"]
        where = f"smuggling.routes.{name}.patrol"
        if patrol.get("schedule") is not None:
            out[f"{where}.schedule"] = [_officers(n, s["factor"]) for n in patrol["schedule"]]
        else:
            out[f"{where}.staff"] = _officers(patrol["staff"], s["factor"])
    return out


def _idle(data: dict[str, Any], s: Mapping[str, Any]) -> str:
    """A patrol whose officers do not stop anything (per_officer 0) stays so when scaled."""
    routes = data["smuggling"]["routes"]
    chosen = outside_routes(data) if s["routes"] == "all" else list(s["routes"])
    if all(float(routes[n]["patrol"].get("per_officer", 0)) == 0 for n in chosen):
        return "the patrols of the routes it scales stop nothing (per_officer is 0)"
    return ""


PATROLS = [
    Reform(
        "patrol_staff",
        "the patrol officers on duty on the smuggling routes outside the ports (all of them, "
        "or those named) times a factor, hour by hour, each hour rounded to whole officers; "
        "the smuggling groups then choose their routes as before, so the run says how many "
        "attempts are deterred and how many move to other routes; the patrols' officer-hours "
        "are priced as costs.roles.<costs.patrol_role> where the scenario has [costs] "
        "(agency_staff_cost_per_year), and not counted where it has none; cannot be dated "
        "(the patrols are built once for the run)",
        _patrols,
        (
            "assumption: factor (no public figure on patrol strength on the routes outside "
            "the ports was found)",
        ),
        {
            "factor": Param(
                2.0, "factor on the officers on duty in every hour (1: as today; 0: no patrol)",
                0.0, 20.0,
            ),
            "routes": Param(
                "all", 'routes outside the ports whose patrol it scales: a list '
                '(["beilun_river"]) or "all"', kind="names",
            ),
        },
        idle=_idle,
    ),
]
