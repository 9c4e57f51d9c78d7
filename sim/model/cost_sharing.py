"""How the agencies' fixed costs are shared among a run's finished consignments, by group
(all ports, a port, a direction, a class, ...), and which part of each group's share is
overhead: the costs of no port.

A port's own fixed costs (staff on duty and overtime, posts, equipment) go to its own
consignments by what they used (:mod:`sim.model.cost_activities`; lanes no milestone
measures equally per declaration). The overheads (item port ``*``: the patrols on routes
outside the ports, the post-clearance auditors, the agencies' running costs of systems, the
organisation's units' staff) are shared among the ports by ``costs.overhead_shared_by``:

- ``declarations`` (the default): equally per finished declaration, so a port's share is
  its part of the declarations, whatever its own work costs (a post hub's parcels carry
  most of it);
- ``staff_hours``: by each port's staffed time over the window (the head-hours of its
  lanes' staff on duty by their schedules and their overtime, from ``costs.staff`` x the
  lanes' capacities, and of its fixed posts, ``costs.posts``), then equally per
  declaration within the port.

A running cost that serves some ports only (``costs.system_ports``) is shared among those
ports by the same rule. Only ports with a finished consignment take a share (the others'
would be in no figure). A port that finished none (a short run's) has its own fixed costs
in no cost per consignment either, only in the cost a year: :func:`unshared` gives them,
and the run's note says so (:func:`unshared_notes`). A patrol is no port's cost: none of
it in a group of ports (:data:`BY_PORT`), its share in the figures of all ports, a
direction, a class.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model import agency_costs as ac
from sim.model.cost_activities import ACTIVITIES

if TYPE_CHECKING:
    from sim.model.costbook import CostBook

#: the dimensions whose groups are ports (or split them): a patrol's cost is outside them
BY_PORT = ("port", "mode", "port_direction", "port_direction_class", "port_direction_channel")
#: the cost items whose head-hours are a port's staffed time (``staff_hours``'s weights)
STAFFED = ("staff", "overtime", "posts")


def staff_hours(book: CostBook, agency: list[dict[str, Any]]) -> np.ndarray:
    """Each port's staffed head-hours over the window (:data:`STAFFED` items' quantity)."""
    out = np.zeros(len(book.ports))
    for r in agency:
        if r["port"] != ac.OVERHEAD and r["kind"] in STAFFED:
            out[book.ports.index(r["port"])] += r["quantity"]
    return out


def port_shares(
    book: CostBook, agency: list[dict[str, Any]], among: list[int] | None = None
) -> np.ndarray:
    """Each port's share of an overhead (summing to 1, or all 0 when no port of ``among``,
    default every port, finished a consignment): by its finished declarations, or, with
    ``costs.overhead_shared_by = "staff_hours"``, by its staffed head-hours
    (:func:`staff_hours`; by declarations where the ports that finished any have none)."""
    count = book.use["all"][0][:, ACTIVITIES.index("declaration")]
    where = np.zeros(len(book.ports), bool)
    where[among if among is not None else slice(None)] = True
    n = np.where(where, count, 0.0)
    weight = n
    if getattr(book.costs, "overhead_shared_by", "declarations") == "staff_hours":
        hours = np.where(n > 0, staff_hours(book, agency), 0.0)
        weight = hours if hours.sum() > 0 else n
    total = weight.sum()
    return weight / total if total > 0 else np.zeros(len(book.ports))


def fixed_by_group(
    book: CostBook, agency: list[dict[str, Any]], dim: str
) -> tuple[np.ndarray, np.ndarray]:
    """Each group of ``dim``'s share of the fixed costs (see the module docstring), and the
    part of it that is overhead (items of no port)."""
    fixed = np.zeros((len(book.ports), len(ACTIVITIES)))
    spread = np.zeros_like(fixed)  # (the overheads given to ports: part of fixed)
    overhead = 0.0  # (no port's, by declarations: every consignment alike)
    total = book.use["all"][0]  # ports x activities
    count = ACTIVITIES.index("declaration")
    by_hours = getattr(book.costs, "overhead_shared_by", "declarations") == "staff_hours"
    for r in agency:
        among = book.served.get(r["item"], [])  # a running cost of some ports only
        n = total[among, count]
        if r["port"] == ac.OVERHEAD and n.sum() > 0:  # to those ports by declarations
            by = port_shares(book, agency, among)[among] if by_hours else None
            part = r["cost"] * by if by is not None else r["cost"] * n / n.sum()
            fixed[among, count] += part
            spread[among, count] += part
        elif r["port"] == ac.OVERHEAD and ac.is_patrol(r) and dim in BY_PORT:
            continue  # (no port's)
        elif r["port"] == ac.OVERHEAD and by_hours:
            fixed[:, count] += r["cost"] * port_shares(book, agency)
            spread[:, count] += r["cost"] * port_shares(book, agency)
        elif r["port"] == ac.OVERHEAD:  # no port's: every consignment alike
            overhead += r["cost"]
        else:
            fixed[book.ports.index(r["port"]), ACTIVITIES.index(r["activity"])] += r["cost"]
    use = book.use[dim]
    with np.errstate(divide="ignore", invalid="ignore"):
        by_use = np.where(total > 0, use / total, 0.0)
        by_count = np.where(total[:, count] > 0, use[:, :, count] / total[:, count], 0.0)
    share = np.where(total > 0, by_use, by_count[:, :, None])
    everyone = float(book.n["all"][0])
    alike = overhead * book.n[dim] / everyone if everyone else np.zeros(len(book.n[dim]))
    out: np.ndarray = (share * fixed).sum(axis=(1, 2)) + alike
    overheads: np.ndarray = (share * spread).sum(axis=(1, 2)) + alike
    return out, overheads


def unshared(book: CostBook, agency: list[dict[str, Any]]) -> float:
    """The fixed costs over the window of the ports that finished no consignment (a short
    run's): in the cost a year, but no group has a consignment of theirs to carry them, so
    they are in no cost per consignment."""
    count = book.use["all"][0][:, ACTIVITIES.index("declaration")]
    idle = {p for p, n in zip(book.ports, count, strict=True) if n == 0}
    return float(sum(r["cost"] for r in agency if r["port"] in idle))


#: the metric of :func:`unshared`, a year
UNSHARED = "agency_cost_unshared_per_year"


def unshared_notes(means: dict[str, float]) -> list[str]:
    """The note of a run (``means``: its metrics, or their means over the replications)
    some of whose ports finished no consignment: their fixed costs a year, which its cost
    per consignment leaves out (per consignment x consignments falls short of a year's)."""
    cost, total = means.get(UNSHARED, 0.0), means.get("agency_cost_per_year", math.nan)
    if not cost > 0:
        return []
    return [
        f"ports that finished no consignment in the observed days cost {cost:,.0f} a year "
        f"({cost / total:.1%} of agency_cost_per_year) in fixed costs (staff on duty, posts, "
        "equipment): in agency_cost_per_year, in no cost per consignment, so the cost per "
        "consignment x the consignments falls short of the cost a year by as much; observe "
        "more days (--days) so that every port finishes some"
    ]
