"""A queued truck's advance declaration with no review: under a dynamic selector assessed at
the entry, under the selection tables lodged from its reaching the approach.

A dynamic selector (a risk engine) decides a consignment from the state of the run at most
``refresh`` (an hour) before its assessment, and never after it (:mod:`decisions`). Without an
approach a port makes a block ``advance_max`` before its first arrival, so an advance
declaration is decided at its assessment's tick. A queued truck's flow is handed on only at
its entry, which no one foresees: the selector decides it then, so an advance declaration
lodged its lead before the entry and assessed at that lodging would be decided a whole lead
(and more for one that queued long) after its assessment, from a later state.

So here such a declaration, one with no queue before its assessment (no officer review), is
lodged at most the assessment's duration (``declaration.assess``) before the entry: its
assessment ends as the truck enters, where it is decided. The truck's times do not change (its
checks start at its entry either way, and its release comes no earlier than its entry); its
``lodged``, ``accepted`` and ``assessed`` do. A reviewed declaration queues at the review lane
from the entry and is assessed after it, decided then (:mod:`decisions`): left as it is.
Without an approach, or with a static selector, nothing changes (docs/trucks.md).

With a static selector (the selection tables, which decide from a truck's own draws, not
from the state of the run) an advance declaration with no queue before its assessment is
lodged its lead before the truck **reached** the approach, whenever its table is drawn: the
trader lodged for that arrival and cannot foresee the entry (docs/trucks.md). Nothing is
booked for it, so it needs no table drawn ahead (:mod:`approach_docs` books a reviewed
one's review and so needs its table when the truck reaches the approach: not where the
table is drawn at the entry, a timeline's eras or imports in calls). Not for transit goods
or at a port with a declarations' hold (their lodging moves with the leg or the hold).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.model.draws import R

if TYPE_CHECKING:
    from sim.model.port import Port


def assessed_at_entry(port: Port, table: np.ndarray, reached: np.ndarray | None) -> None:
    """Rewrite, in place, the advance leads of a block of queued trucks entering now
    (``reached``: when they reached the approach; None: not queued trucks) under a dynamic
    selector, so that a declaration with no queue before its assessment is assessed at the
    entry, no earlier (see the module's text)."""
    if reached is None or not port.decisions.dynamic:
        return
    rows = (table[:, R.advance] > 0) & unqueued(port, table)
    if rows.any():
        table[rows, R.advance_lead] = np.minimum(table[rows, R.advance_lead], port.assess)


def unqueued(port: Port, table: np.ndarray) -> np.ndarray:
    """Which rows of a requirement table meet no queue before their assessment (no officer
    review at a desk that may queue)."""
    route = port.route
    return np.asarray((route.plan(table, upto="assess") & route.queued_before("assess")) == 0)


def lodged_when_reached(port: Port, table: np.ndarray, entered: np.ndarray,
                        reached: np.ndarray | None) -> None:
    """Rewrite, in place, the advance leads of a block of queued trucks entering at
    ``entered`` (``reached``: when they reached the approach; None: not queued trucks) under
    the selection tables, so that a declaration with no queue before its assessment is lodged
    its lead before ``reached`` (see the module's text)."""
    from sim.model.holds import spans  # (here: a cycle via the steps)
    from sim.model.transit_leg import inland

    if reached is None or port.decisions.dynamic:
        return
    rows = (table[:, R.advance] > 0) & (inland(table, entered) == entered)
    if not rows.any() or spans(port.scenario, port.name, "declarations"):
        return
    rows &= unqueued(port, table)
    table[rows, R.advance_lead] += (entered - reached)[rows]


def lead_at_entry(port: Port, table: np.ndarray, entered: np.ndarray,
                  reached: np.ndarray | None) -> None:
    """A queued truck's advance lead as its journey takes it: assessed at the entry under a
    dynamic selector, lodged from ``reached`` under the tables (see the module's text)."""
    assessed_at_entry(port, table, reached)
    lodged_when_reached(port, table, entered, reached)
