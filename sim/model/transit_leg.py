"""Transit goods (转关, :mod:`sim.scenario.transit`): when a consignment that landed at an
entry port reaches this inland office. Its clearance here (lodging, the checks, release)
counts from that arrival inland; its clearance time still counts from the arrival at the
entry port, as the WCO Time Release Study does, so the leg shows in it. A consignment not in
transit has a leg of 0 hours and every time below is its own, bit for bit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.milestones import TRANSIT_ARRIVED, TRANSIT_SEALED

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port
    from sim.scenario.schema import Scenario

FORMALITIES, TRAVEL = R.transit_formalities, R.transit_travel


def inland(r: np.ndarray, arrived: np.ndarray) -> np.ndarray:
    """When each consignment of a requirement table reaches this office: its arrival, after
    the transit formalities at the entry port and the journey under seal (0 without)."""
    return np.asarray(arrived + r[:, FORMALITIES] + r[:, TRAVEL])


def inland_one(r: Sequence[float], arrived: float) -> float:
    """:func:`inland` of one requirement row."""
    return float(arrived + r[FORMALITIES] + r[TRAVEL])


def desk_of(p: Port) -> Any:
    """The port's transit desk (``transit.desk``: a lane), or None: the formalities are then
    a delay and every time above is known when the consignment is made."""
    return p.lanes.get("transit_desk")


def sealed_one(j: Journey, lodged: float) -> float:
    """A lodging time no earlier than the goods' seal after a transit desk's queue: until
    then their arrival here, which an advance declaration counts back from, is not known."""
    if j.r[R.transit] > 0 and desk_of(j.port) is not None:
        return max(lodged, float(j.m[TRANSIT_SEALED]))
    return lodged


def sealed(b: Bulk, lodged: np.ndarray) -> np.ndarray:
    """:func:`sealed_one` of a bulk block's rows."""
    if desk_of(b.port) is None:
        return lodged
    seal = np.where(b.req[:, R.transit] > 0, b.m[:, TRANSIT_SEALED], -np.inf)
    return np.asarray(np.maximum(lodged, seal))


def here_one(j: Journey) -> float:
    """When a journey's goods reached this office: :func:`inland_one`, or, after a transit
    desk's queue, the arrival its transit step wrote."""
    if j.r[R.transit] > 0 and desk_of(j.port) is not None:
        return float(j.m[TRANSIT_ARRIVED])
    return inland_one(j.r, j.c.arrived)


def here(b: Bulk) -> np.ndarray:
    """:func:`here_one` of a bulk block's rows."""
    if desk_of(b.port) is None:
        return inland(b.req, b.arrived)
    return np.asarray(np.where(b.req[:, R.transit] > 0, b.m[:, TRANSIT_ARRIVED], b.arrived))


def arrive_inland(scenario: Scenario, port: str, table: np.ndarray, arrived: np.ndarray) -> None:
    """Rewrite, in place, when transit goods are ready for their checks (at this office's
    supervised yard, after their leg), then hold the declarations a declarations' hold
    catches (:func:`sim.model.holds.hold_declarations`, which reads :func:`inland`)."""
    from sim.model.holds import hold_declarations  # (it reads the lodging step, which reads us)
    from sim.model.transit_plans import after_desk

    moving = table[:, R.transit] > 0
    if moving.any():
        leg = table[moving, FORMALITIES] + table[moving, TRAVEL]
        table[moving, R.goods_ready] = table[moving, R.goods_ready] + leg
    later = after_desk(scenario, port, table)  # (held after the desk: transit_plans)
    hold_declarations(scenario, port, table, arrived, later)
