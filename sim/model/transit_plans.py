"""What is planned from a declaration's lodging time, for transit goods that queue at a
transit desk (``ports.<port>.transit.desk``): a declarations' hold (``[[holds]]``) and the
escalations that do not hold the goods. The desk's wait is known only when the goods leave
it, so these goods' holds and escalations are decided then, from the time they really lodge
(after the desk, the journey and any seal: :func:`sim.model.transit_leg.sealed`), not when
the consignment is made. Every other consignment, and every port without a desk, is planned
when it is made, as before, bit for bit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.model import holds as dated  # (a module: it imports the steps, which import this)
from sim.model.draws import R
from sim.model.steps.declaration import lodged_at, lodged_here
from sim.model.streams import SMUGGLING_INDEX, SURGE_INDEX

if TYPE_CHECKING:
    from sim.model.port import Port
    from sim.scenario.schema import Scenario


def queues_at_desk(scenario: Scenario, port: str) -> bool:
    """Whether ``port``'s transit goods queue at a transit desk (one of limited capacity:
    an unlimited desk is a delay, known when a consignment is made)."""
    transit = scenario.ports[port].transit
    return transit is not None and transit.desk is not None and not transit.desk.unlimited


def after_desk(scenario: Scenario, port: str, table: np.ndarray) -> np.ndarray | None:
    """Which rows of a new block are transit goods that will queue at ``port``'s transit
    desk (their lodging is planned after it), or None when none will."""
    if not queues_at_desk(scenario, port):
        return None
    later = np.asarray(table[:, R.transit] > 0)
    return later if later.any() else None


def admit(port: Port, index: np.ndarray, arrived: np.ndarray, table: np.ndarray) -> None:
    """Start a new block's escalations that do not hold the goods, from each declaration's
    lodging; those of goods bound for a transit desk wait for :func:`left_desk`."""
    if port.scenario.organisation is None:
        return
    later = after_desk(port.scenario, port.name, table)
    if later is not None:
        index, arrived, table = index[~later], arrived[~later], table[~later]
    port.organisation.admit(port.name, index, lodged_at(table, arrived), table)


def left_desk(
    port: Port,
    index: np.ndarray,
    r: np.ndarray,
    here: np.ndarray,
    sealed: np.ndarray,
    cohort: np.ndarray,
) -> None:
    """Transit goods left the desk, sealed at ``sealed``, and reach this office at ``here``:
    hold their declarations that a declarations' hold catches (rewriting the rows' lodging
    draws of ``r`` in place, as :func:`sim.model.holds.hold_declarations` does when a
    consignment is made; smuggled goods never are) and start their escalations that do not
    hold the goods, both from the time they really lodge (none where the desk is
    unlimited: they were planned when the consignment was made). Under a timeline, count
    those of the ``cohort`` a dated rule passed by (:mod:`sim.model.desk_eras`)."""
    if not queues_at_desk(port.scenario, port.name):
        return
    holds = dated.spans(port.scenario, port.name, "declarations")
    if holds:
        smuggled = (index >= SMUGGLING_INDEX) & (index < SURGE_INDEX)
        lodged = np.maximum(lodged_here(r, here), sealed)
        dated.hold_lodging(holds, r, np.where(smuggled, np.nan, lodged), here)
    if port.scenario.organisation is not None:
        lodged = np.maximum(lodged_here(r, here), sealed)
        port.organisation.admit(port.name, index, lodged, r)
    if port.desk_eras is not None:
        port.desk_eras.left(port, r, np.maximum(lodged_here(r, here), sealed), cohort)
