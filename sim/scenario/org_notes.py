"""Notes on the organisation's staff that its figures would hide: heads whose role has no
price (the staff cost leaves them out, so a cheaper-looking structure may only be an unpriced
one) and heads that do no modelled work (their cost counts, but taking them away costs no
service in the model). Told with the other notes on parts that act on nothing
(:func:`sim.scenario.dormant.unused_parts`: run, check, compare and org say them)."""

from __future__ import annotations

from typing import Any

from sim.scenario.organisation import ESCALATIONS, ROLE_OF, OrganisationSpec, Unit

#: how many unit ids a note lists before it counts the rest
SHOWN = 6


def _where(uids: list[str]) -> str:
    more = f" and {len(uids) - SHOWN} more" if len(uids) > SHOWN else ""
    return ", ".join(uids[:SHOWN]) + more


def _by_role(units: dict[str, Unit], keep: Any) -> dict[str, tuple[int, list[str]]]:
    """Heads and unit ids by role, of the staff for which ``keep(unit, role, staff)``."""
    out: dict[str, tuple[int, list[str]]] = {}
    for uid, u in units.items():
        for role, r in u.staff.items():
            if r.count > 0 and keep(u, role, r):
                heads, uids = out.get(role, (0, []))
                out[role] = (heads + r.count, [*uids, uid])
    return out


def _units(spec: OrganisationSpec) -> dict[str, Unit]:
    from sim.scenario.org_tree import units_of

    return units_of(spec)


def unpriced_heads(scenario: Any) -> list[str]:
    """A note per role whose heads have no ``cost_per_year``: they count 0 in the staff cost,
    silently (a role left out of ``generate.cost_per_year``, a unit's role without a price)."""
    spec = scenario.organisation
    if spec is None:
        return []
    found = _by_role(_units(spec), lambda u, role, r: r.cost_per_year == 0)
    out = []
    for role, (heads, uids) in found.items():
        if spec.generate is not None:
            where = f"organisation.generate.cost_per_year has no {role!r} price"
            fix = f"organisation.generate.cost_per_year.{role}"
        else:
            where = f"no cost_per_year at {_where(uids)}"
            fix = f"organisation.units.<unit>.staff.{role}.cost_per_year"
        out.append(
            f"organisation: {heads} {role} heads ({where}) cost nothing: the staff cost "
            "(org_staff_cost_per_year, org_staff_cost_run) leaves them out; give "
            f"{fix} to count them"
        )
    return out


def _never(spec: OrganisationSpec) -> dict[str, str]:
    """Tasks the scenario never raises -> why."""
    out = {
        k: f"organisation.escalations.{k}.share is 0"
        for k in ESCALATIONS
        if spec.escalation(k).share == 0
    }
    if spec.directive_every == 0:
        out["directive"] = "organisation.directive_every is 0 (no directive is issued)"
    return out


def idle_heads(scenario: Any) -> list[str]:
    """A note per role whose heads do no modelled work: no task of their unit uses the role,
    or every task that does is never raised; and generated heads of a role whose task has no
    service time (the generator places none of them)."""
    spec = scenario.organisation
    if spec is None:
        return []
    never = _never(spec)

    def idle(u: Unit, role: str, r: Any) -> bool:
        return all(ROLE_OF[t] != role or t in never for t in u.tasks)

    out = []
    units = _units(spec)
    for role, (heads, uids) in _by_role(units, idle).items():
        tasks = [t for t, r in ROLE_OF.items() if r == role]
        used = [t for t in tasks if any(t in units[uid].tasks for uid in uids)]
        why = (
            "; ".join(never[t] for t in used)
            if used
            else f"no task of their unit uses the role, which serves {', '.join(map(repr, tasks))}"
        )
        out.append(
            f"organisation: {heads} {role} heads at {_where(uids)} do no modelled work ({why}): "
            "their cost counts in the staff cost, but the model gives them nothing to do, so "
            "taking them away would cost no service here"
        )
    g = spec.generate
    if g is not None:
        for task, role in ROLE_OF.items():
            if g.staff.get(role, 0) > 0 and task not in g.service:
                out.append(
                    f"organisation.generate.staff.{role} gives {g.staff[role]} heads, but "
                    f"organisation.generate.service has no {task!r} time: the generator places "
                    "none of them (they are not in the tree, its headcount or its staff cost)"
                )
    return out
