"""The dumbbell's front line: heads of the removed middle layer sent to the ports' lanes.

The seed paper's dumbbell strengthens both ends, the General Administration's centres and
the front line, at the middle's expense. The generated dumbbell moves every head to where
its work is decided (the centres), so on its own it gives the ports no officer. With a
share ``s``, :func:`to_front_line` takes, role by role, ``s`` of the heads the scenario's own
structure places in the middle (the directly-affiliated and subordinate customs, rounded
down) out of the organisation and makes them servers of one front-line lane at every port
that has it with a fixed capacity, split in proportion to the capacities there. A lane of
fixed capacity is on duty round the clock, as the cost model prices it, so one more server
takes ``costs.staff``'s heads per server (1 where not given) x 8,760 hours / the hours a
head works in a year (``costs.hours_per_year``, 2,000 without [costs]): about 4.6 heads a
seat at 1,900 hours. Heads that make no whole server stay in the organisation, so the
heads that leave and the servers they make cost about the same. Pure: no simulation.
"""

from __future__ import annotations

import math
from typing import Any

from sim.scenario.organisation import ROLE_OF, OrganisationSpec
from sim.scenario.schema import Scenario

#: front-line lane -> (its path under a port, its key in costs.staff)
LANES = {
    "exam": (("exam", "teams"), "exam_teams"),
    "document_check": (("document_check",), "document_check"),
    "review": (("review",), "declaration_review"),
    "quarantine": (("quarantine", "officers"), "quarantine_officers"),
}


def middle_heads(org: OrganisationSpec) -> dict[str, int]:
    """Heads of each role that ``org``'s generated tree places at the directly-affiliated
    and subordinate customs (the middle layer the dumbbell removes)."""
    from sim.scenario.org_tree import generate

    out = dict.fromkeys(dict.fromkeys(ROLE_OF.values()), 0)
    for unit in generate(org).values():
        if unit.level in ("regional", "local"):
            for role, staff in unit.staff.items():
                out[role] += staff.count
    return out


def _capacity(port: Any, lane: str) -> int | None:
    """The port's fixed capacity of ``lane`` (None: no such lane, or a schedule, shifts or
    an unlimited lane, to which whole servers cannot simply be added)."""
    node: Any = port
    for part in LANES[lane][0]:
        node = getattr(node, part, None)
    cap = getattr(node, "capacity", None)
    return cap if isinstance(cap, int) and not isinstance(cap, bool) else None


def _spread(total: int, weights: dict[str, int]) -> dict[str, int]:
    """``total`` servers split by ``weights`` in whole servers (largest remainder, ties to
    the port listed first)."""
    s = sum(weights.values()) or 1
    exact = {k: total * w / s for k, w in weights.items()}
    out = {k: int(x) for k, x in exact.items()}
    order = sorted(exact, key=lambda k: out[k] - exact[k])
    for k in order[: total - sum(out.values())]:
        out[k] += 1
    return out


#: hours in a year a fixed-capacity lane is on duty
YEAR_H = 8760.0


def heads_per_server(s: Scenario, lane: str) -> float:
    """Heads one more round-the-clock server of ``lane`` takes over a year's shifts."""
    staff = s.costs.staff.get(LANES[lane][1]) if s.costs is not None else None
    per = staff.heads if staff is not None else 1.0
    return per * YEAR_H / (s.costs.hours_per_year if s.costs is not None else 2000.0)


def to_front_line(s: Scenario, share: float, lane: str) -> dict[str, Any]:
    """What sending ``share`` of ``s``'s middle-layer heads to ``lane`` changes, as dotted
    field paths -> new values: each role's ``organisation.generate.staff`` less the heads
    that leave, each port's lane capacity plus its new servers. Empty for a share of 0.
    ValueError (field, value, what is allowed) where it cannot be done."""
    org = s.organisation
    if org is None or org.generate is None:
        raise ValueError("front_line needs a generated organisation ([organisation.generate])")
    if share <= 0:
        return {}
    caps = {p: c for p, port in s.ports.items() if (c := _capacity(port, lane))}
    if not caps:
        raise ValueError(
            f"front_line_lane = {lane!r}: no port has that lane with a fixed capacity "
            f"(a number of servers) to add officers to; allowed: {', '.join(LANES)}"
        )
    middle = middle_heads(org)
    leave = {r: int(share * n + 1e-9) for r, n in middle.items()}
    per = heads_per_server(s, lane)
    servers = int(sum(leave.values()) / per + 1e-9)
    if not servers:
        raise ValueError(
            f"front_line = {share} sends {sum(leave.values())} of the middle layer's "
            f"{sum(middle.values())} heads, not one round-the-clock server of {lane!r} "
            f"({per:.3g} heads); allowed: a larger share, or 0"
        )
    # (the heads no whole server needs stay, taken back from the last roles)
    extra = sum(leave.values()) - min(sum(leave.values()), math.ceil(servers * per - 1e-9))
    for role in reversed(list(leave)):
        back = min(extra, leave[role])
        leave[role], extra = leave[role] - back, extra - back
    staff = dict(org.generate.staff)
    changes: dict[str, Any] = {}
    for role, n in leave.items():
        if n and staff.get(role, 0) - n < 1:
            raise ValueError(
                f"front_line = {share} leaves no {role} head in the organisation "
                f"(organisation.generate.staff.{role} = {staff.get(role, 0)}); allowed: a "
                "share that keeps at least one head of each role"
            )
        if n:
            changes[f"organisation.generate.staff.{role}"] = staff[role] - n
    path = ".".join(LANES[lane][0])
    for port, n in _spread(servers, caps).items():
        if n:
            changes[f"ports.{port}.{path}.capacity"] = caps[port] + n
    return changes
