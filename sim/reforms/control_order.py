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


#: the port section that does each check (a port without it does not do that check)
_LANES = {"document": "document_check", "scan": "scan", "physical": "exam",
          "quarantine": "quarantine"}  # fmt: skip


def _no_lane(data: dict[str, Any], s: Mapping[str, Any]) -> str:
    """An order selects goods for checks: at ports that do none of the ordered checks (no
    lane for them) the selection sends no consignment anywhere, so nothing changes."""
    checks = list(CHECKS) if s["checks"] == "all" else list(s["checks"])
    where = [(n, p) for n, p in ports(data) if s["ports"] == "all" or n in s["ports"]]
    if any(p.get(_LANES[c]) is not None for _, p in where for c in checks):
        return ""
    lanes = ", ".join(f"{c} ({_LANES[c]})" for c in checks)
    return f"no port it applies to does the checks it orders: {lanes}"


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
        idle=_no_lane,
    ),
]
