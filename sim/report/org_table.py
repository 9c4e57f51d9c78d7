"""The organisation tree as a small table, so that a results folder can draw it later.

A scenario's ``scenario.json`` keeps times in hours without units, so it cannot be loaded
again as a scenario; the tree (units, levels, parents, ports and staff by role) is written
beside it as ``organisation.json`` when the run starts, and :func:`tree_from_record` rebuilds
a :class:`~sim.scenario.org_tree.Tree` from it for drawing. No matplotlib here: the results
store imports this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sim.scenario.org_tree import Tree
    from sim.scenario.schema import Scenario

FORMAT = 1


def tree_record(scenario: Scenario) -> dict[str, Any] | None:
    """The scenario's resolved tree as plain JSON data, or None without an organisation."""
    from sim.scenario.org_tree import check

    org = scenario.organisation
    if org is None:
        return None
    tree = check(org, list(scenario.ports))
    units = {
        uid: {
            "name": u.name,
            "level": u.level,
            "parent": u.parent,
            "ports": list(u.ports),
            "staff": {role: int(r.count) for role, r in u.staff.items()},
        }
        for uid, u in tree.units.items()
    }
    return {"format": FORMAT, "structure": org.structure, "units": units}


def tree_from_record(record: dict[str, Any]) -> Tree:
    """The :class:`Tree` of a :func:`tree_record` (raises ValueError when it is not one)."""
    from sim.scenario.org_tree import Tree
    from sim.scenario.organisation import LEVELS, Role, Unit

    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise ValueError("not an organisation record of this bordersim version")
    units = {}
    for uid, u in dict(record["units"]).items():
        if u["level"] not in LEVELS:
            raise ValueError(f"unit {uid!r}: unknown level {u['level']!r}")
        staff = {str(k): Role.model_construct(count=int(n)) for k, n in u["staff"].items()}
        units[str(uid)] = Unit.model_construct(
            name=str(u.get("name", "")),
            level=u["level"],
            parent=str(u.get("parent", "")),
            staff=staff,
            tasks={},
            ports=[str(p) for p in u.get("ports", [])],
        )
    return Tree(units)
