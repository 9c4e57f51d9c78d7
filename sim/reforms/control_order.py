"""A control order (布控指令) as a reform: mandatory checks for goods of a declared signature,
issued within hours of an outbreak abroad, say (``[[selection.orders]]``,
:mod:`sim.scenario.orders`; the rule at work: :mod:`sim.model.orders`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import ports
from sim.reforms.reform import Changes, Param, Reform
from sim.reforms.sharing import named, origins_of
from sim.scenario.base import ANY, CHECKS

_ONE = {"origins": "origin", "commodities": "commodity", "checks": "check", "ports": "port"}


def _control_order(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """One more order in ``selection.orders``; names the scenario does not have are refused
    here, naming the strength, the bad name and what the scenario has."""
    known = {
        "origins": origins_of(data),
        "commodities": list(data["commodities"]),
        "checks": list(CHECKS),
        "ports": [name for name, _ in ports(data)],
    }
    order: dict[str, Any] = {"direction": s["direction"]}
    for field, allowed in known.items():
        given = s[field]
        names = named(data, f"control_order: {field}", given, allowed, _ONE[field])
        order[field] = ANY if given == "all" else names
    if order["checks"] == ANY:
        order["checks"] = list(CHECKS)
    if s["sample"] is not None:
        order["sample"] = s["sample"]
    have = list((data.get("selection") or {}).get("orders") or [])
    return {"selection.orders": [*have, order]}


ORDERS = [
    Reform(
        "control_order",
        "a control order: every consignment of the named origins and commodities (at the "
        "named ports, going the named way) selected for the named checks, beside whatever "
        "the selection tables or the risk engine decide and whatever the trader's credit "
        "class; dated (control_order@12d, or in the timeline), only those assessed from its "
        "date on; the risk engine does not count the ordered checks in its own rate or its "
        "credit rules (sim/model/orders.py)",
        _control_order,
        ("assumption: origins, commodities, checks, ports, direction and sample (the order as "
         "issued)",),
        {
            "origins": Param("all", 'origins named: a list (["europe"]) or "all"', kind="names"),
            "commodities": Param(
                "all", 'commodities named: a list (["frozen"]) or "all"', kind="names"
            ),
            "checks": Param(
                ["physical", "quarantine"],
                'the checks ordered: a list (["physical", "quarantine"]) or "all"',
                kind="names",
            ),
            "ports": Param("all", 'ports where it applies: a list or "all"', kind="names"),
            "direction": Param(
                "import", "the goods' direction it applies to", None, None,
                ("import", "export", "*"),
            ),
            "sample": Param(
                None,
                "share of the ordered quarantine checks that send a laboratory sample (none: "
                "the port's quarantine.sample_share; goods the tables chose anyway: the larger)",
            ),
        },
    ),
]
