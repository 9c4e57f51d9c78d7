"""The headline's word on cost when a comparison with smugglers prices nothing: asked what
doubling a river patrol costs, a planner found every smuggling figure and no cost, and the
only hint that the scenario has no [costs] section sat at the end of the page, under who
gains and who loses. This line says so where the answer was looked for, with the settings
that price the patrols."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: the line, with how a planner prices the patrols of a scenario without [costs] (the role
#: is the default costs.patrol_role; the pay is a head's a year, in the scenario's currency)
UNPRICED = ("cost not counted: the scenario has no [costs] section, so neither the patrols' "
            "staff nor any other cost of this option is priced; to price them, rerun with "
            "--set costs.price_year=YEAR --set costs.roles.customs_officer=PAY (a head's pay "
            "and on-costs a year; the role that prices the patrols of the routes outside the "
            "ports, costs.patrol_role) and read agency_staff_cost_per_year")


def unpriced(rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str) -> str:
    """A headline line for option ``name`` of a comparison with smuggling routes but no
    agency cost measured (the scenario has no [costs] section): the option's cost, its
    patrols' included, is not counted, and how to count it. Empty otherwise."""
    has_routes = any(o == name and str(m).startswith("smuggling_attempts_route_")
                     for o, m in rows)  # fmt: skip
    if not has_routes or (name, "agency_cost_per_year") in rows:
        return ""
    return UNPRICED
