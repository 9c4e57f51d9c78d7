"""Dated holds on what a port takes in (see :mod:`sim.scenario.holds`): arrivals due in a
hold arrive at its end; declarations a trader would lodge in one are lodged at its end.

A declarations' hold rewrites the rows' lodging draws (advance flag, lead, delay) so that
every reader of the lodging time (the declaration step, dynamic decisions, the organisation)
sees the held time. Ports without holds are left untouched: their runs are as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.model.draws import R
from sim.model.steps.declaration import lodged_here
from sim.model.transit_leg import inland

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario


def spans(scenario: Scenario, port: str, of: str) -> list[tuple[float, float]]:
    """The (start, end) hours of the holds ``of`` arrivals or declarations at ``port``."""
    out = []
    for h in scenario.holds:
        if h.of == of and port in h.ports(scenario):
            start = h.hours(scenario.start_date)
            out.append((start, start + h.lasts))
    return out


def held_arrivals(scenario: Scenario, port: str, arrived: np.ndarray) -> np.ndarray:
    """``arrived`` with each time inside an arrivals' hold moved to the hold's end (in
    arrival order still: a held arrival comes before any due after the hold)."""
    for start, end in spans(scenario, port, "arrivals"):
        arrived = np.where((arrived >= start) & (arrived < end), end, arrived)
    return arrived


def hold_declarations(
    scenario: Scenario,
    port: str,
    table: np.ndarray,
    arrived: np.ndarray,
    later: np.ndarray | None = None,
) -> None:
    """Rewrite, in place, the lodging draws of the rows whose declaration would be lodged
    inside a declarations' hold, so that it is lodged at the hold's end: after its goods'
    arrival, as a lodging delay (no longer in advance), else as a shorter advance lead.
    ``later``: rows left alone now, held when their lodging is known (transit goods bound
    for a transit desk: :func:`sim.model.transit_plans.left_desk`)."""
    holds = spans(scenario, port, "declarations")
    if not holds:
        return
    arrived = inland(table, arrived)  # (transit goods lodge after their leg: 转关)
    lodged = lodged_here(table, arrived)
    if later is not None:
        lodged = np.where(later, np.nan, lodged)  # (NaN: inside no hold)
    hold_lodging(holds, table, lodged, arrived)


def hold_lodging(
    holds: list[tuple[float, float]], table: np.ndarray, lodged: np.ndarray, here: np.ndarray
) -> None:
    """:func:`hold_declarations` of rows lodged at ``lodged`` whose goods arrive here at
    ``here`` (after any transit leg)."""
    for start, end in holds:
        inside = (lodged >= start) & (lodged < end)
        late = inside & (end >= here)
        early = inside & ~late
        table[late, R.advance] = 0
        table[late, R.lodging_delay] = end - here[late]
        table[early, R.advance_lead] = here[early] - end
