"""Notes on a scenario's ``[costs]`` that leave something silently uncosted or look like a
slip of units: told with the other notes on parts that act on nothing
(:func:`sim.scenario.dormant.unused_parts`, printed by ``bordersim run`` and ``check``)."""

from __future__ import annotations

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


def _at(port: Any, path: str) -> Any:
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
            if _staffed(_at(port, path)):
                out.setdefault(key, []).append(f"ports.{name}.{path}")
        if pooled and (_staffed(port.exam.teams) or _staffed(port.quarantine.officers)):
            out.setdefault("exam_officers", []).append(
                f"ports.{name}.exam.teams and ports.{name}.quarantine.officers (one "
                "cross-trained pool)"
            )
    return out


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
