"""Notes on a scenario's ``[costs]`` that leave something silently uncosted or look like a
slip of units: told with the other notes on parts that act on nothing
(:func:`sim.scenario.dormant.unused_parts`, printed by ``bordersim run`` and ``check``)."""

from __future__ import annotations

import re
from typing import Any

#: the agencies' staffed lanes of a port: its path (after ``ports.<port>.``) -> its key in
#: ``costs.staff`` (a terminal's bays, movers and gate are left out: the trader pays for
#: them through handling charges)
STAFFED = {
    "review": "declaration_review",
    "document_check": "document_check",
    "scan.scanners": "scanners",
    "scan.image_review.officers": "image_officers",
    "exam.teams": "exam_teams",
    "quarantine.officers": "quarantine_officers",
}


def lane_at(port: Any, path: str) -> Any:
    """The lane at ``path`` (dotted, after ``ports.<port>.``) of a port, or None."""
    node = port
    for part in path.split("."):
        node = getattr(node, part, None)
        if node is None:
            return None
    return node


def _staffed(lane: Any) -> bool:
    """Whether a lane has staff on duty at some hour (an unlimited lane has none to pay)."""
    hours = lane.hourly_capacity() if lane is not None else None
    return hours is not None and max(hours) > 0


def staffed_lanes(scenario: Any) -> dict[str, list[str]]:
    """The agencies' lanes of ``scenario``'s ports that have staff on duty, by their key in
    ``costs.staff``: each with the dotted paths of the ports' lanes. A port whose exam teams
    and quarantine officers are one cross-trained pool has ``exam_officers`` instead."""
    inspection = scenario.inspection
    cross = inspection.mode == "joint" and inspection.joint_staffing == "cross_trained"
    out: dict[str, list[str]] = {}
    for name, port in scenario.ports.items():
        pooled = cross and port.exam is not None and port.quarantine is not None
        for path, key in STAFFED.items():
            if pooled and key in ("exam_teams", "quarantine_officers"):
                continue
            if _staffed(lane_at(port, path)):
                out.setdefault(key, []).append(f"ports.{name}.{path}")
        if pooled and (_staffed(port.exam.teams) or _staffed(port.quarantine.officers)):
            out.setdefault("exam_officers", []).append(
                f"ports.{name}.exam.teams and ports.{name}.quarantine.officers (one "
                "cross-trained pool)"
            )
    return out


#: one of :func:`unpriced_staff`'s notes, as written (a note on pricing, not on a part of the
#: scenario that acts on nothing: sim.report.headline reads the others for that)
UNPRICED_NOTE = re.compile(r"costs\.staff has no '[^']+' entry, .*? to price them")


def unpriced_staff(scenario: Any) -> list[str]:
    """A note per staffed lane that ``costs.staff`` does not price, in a scenario with a
    ``[costs]`` section: its staff cost nothing, and no figure says so."""
    costs = scenario.costs
    if costs is None:
        return []
    return [
        f"costs.staff has no {key!r} entry, so the staff of {', '.join(paths)} cost nothing: "
        "every agency cost figure (agency_cost_per_year, agency_cost_per_consignment, ...) "
        f"leaves them out; add costs.staff.{key} = {{ role = ..., heads = ... }} to price them"
        for key, paths in staffed_lanes(scenario).items()
        if key not in costs.staff
    ]


#: a value of time above this share of the goods' value a day is most likely a percentage
#: typed as a share (Hummels & Schaur 2013: a day in transit is worth 0.6 to 2.1 %)
MAX_TIME_COST = 0.05


def slips(scenario: Any) -> list[str]:
    """Notes on ``[costs]`` values that look like a slip of units (a value of time above
    :data:`MAX_TIME_COST` a day) or of spelling (a role in ``costs.roles`` that nothing
    prices: a misspelt override leaves the role it meant as it was), and night pay that no
    lane's roster reaches."""
    costs = scenario.costs
    if costs is None:
        return []
    rates = {"costs.trader.time_cost_per_day": costs.trader.time_cost_per_day}
    for name, c in costs.commodities.items():
        rates[f"costs.commodities.{name}.time_cost_per_day"] = c.time_cost_per_day
    out = [
        f"{path} = {rate:g} values the goods' time at {100 * rate:g} % of their value a day; "
        "Hummels & Schaur (2013) put a day at 0.6 to 2.1 % (0.006 to 0.021): a percentage "
        f"typed as a share? (0.6 %/day is 0.006) Above {MAX_TIME_COST:g} a day the value of "
        "time swamps every other cost"
        for path, rate in rates.items()
        if rate is not None and rate > MAX_TIME_COST
    ]
    return out + _unused_roles(scenario) + _night_unworked(scenario)


def _night_unworked(scenario: Any) -> list[str]:
    """A note when ``costs.night`` prices night hours that no staffed lane works: its
    premium then changes no cost (a roster without nights, or night hours typed wrong)."""
    night = scenario.costs.night
    if night is None:
        return []
    hours = night.week_hours()
    for port in scenario.ports.values():
        for path in STAFFED:
            lane = lane_at(port, path)
            caps = lane.hourly_capacity() if lane is not None else None
            if caps and any(c > 0 and h for c, h in zip(caps, hours, strict=True)):
                return []
    return [
        f"costs.night prices the hours from {night.start:02.0f}:00 to {night.end:02.0f}:00 at "
        f"{night.premium:g} times a day hour, but no staffed lane has anyone on duty then: "
        "the premium changes no cost (check the night hours, or the lanes' rosters)"
    ]


def _unused_roles(scenario: Any) -> list[str]:
    """A note per role in ``costs.roles`` that no lane (``costs.staff``), post, patrol or
    post-clearance audit is priced at."""
    import difflib

    costs = scenario.costs
    used = {s.role for s in costs.staff.values()}
    used |= {role for heads in costs.posts.values() for role in heads}
    audit = scenario.enforcement.audit if scenario.enforcement is not None else None
    if audit is not None and audit.staff > 0:
        used.add(costs.audit_role)
    smuggling = scenario.smuggling
    if smuggling is not None and any(r.patrol is not None for r in smuggling.routes.values()):
        used.add(costs.patrol_role)
    out = []
    for role in costs.roles:
        if role in used:
            continue
        near = difflib.get_close_matches(role, sorted(used), n=1, cutoff=0.75)
        out.append(
            f"costs.roles.{role} prices no one: no lane (costs.staff), post (costs.posts), "
            "patrol or post-clearance audit is of that role"
            + (f" (did you mean {near[0]!r}? its pay is as before)" if near else "")
        )
    return out


def relabelled(base: Any, overrides: dict[str, Any]) -> list[str]:
    """A note when a ``--set costs.currency=...`` changes the currency of a scenario with
    costs (``base``: its data before the change): every money figure is relabelled, not
    converted."""
    new = overrides.get("costs.currency")
    costs = base.get("costs") if isinstance(base, dict) else None
    if not isinstance(new, str) or not isinstance(costs, dict):
        return []
    old = str(costs.get("currency") or "USD")
    if new.upper() == old.upper():
        return []
    return [
        f"--set costs.currency={new} relabels the money figures, it does not convert them: "
        f"every price and goods' value stays the number the scenario gives (in {old}), now "
        f"read as {new.upper()}"
    ]
