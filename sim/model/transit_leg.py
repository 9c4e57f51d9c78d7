"""Transit goods (转关, :mod:`sim.scenario.transit`): when a consignment that landed at an
entry port reaches this inland office. Its clearance here (lodging, the checks, release)
counts from that arrival inland; its clearance time still counts from the arrival at the
entry port, as the WCO Time Release Study does, so the leg shows in it. A consignment not in
transit has a leg of 0 hours and every time below is its own, bit for bit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.draws import R

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

FORMALITIES, TRAVEL = R.transit_formalities, R.transit_travel


def inland(r: np.ndarray, arrived: np.ndarray) -> np.ndarray:
    """When each consignment of a requirement table reaches this office: its arrival, after
    the transit formalities at the entry port and the journey under seal (0 without)."""
    return np.asarray(arrived + r[:, FORMALITIES] + r[:, TRAVEL])


def inland_one(r: Sequence[float], arrived: float) -> float:
    """:func:`inland` of one requirement row."""
    return float(arrived + r[FORMALITIES] + r[TRAVEL])


def arrive_inland(scenario: Scenario, port: str, table: np.ndarray, arrived: np.ndarray) -> None:
    """Rewrite, in place, when transit goods are ready for their checks (at this office's
    supervised yard, after their leg), then hold the declarations a declarations' hold
    catches (:func:`sim.model.holds.hold_declarations`, which reads :func:`inland`)."""
    from sim.model.holds import hold_declarations  # (it reads the lodging step, which reads us)

    moving = table[:, R.transit] > 0
    if moving.any():
        leg = table[moving, FORMALITIES] + table[moving, TRAVEL]
        table[moving, R.goods_ready] = table[moving, R.goods_ready] + leg
    hold_declarations(scenario, port, table, arrived)
