"""A queued truck's advance declaration under a dynamic selector: assessed at the entry.

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
    route = port.route
    queued = (route.plan(table, upto="assess") & route.queued_before("assess")) != 0
    rows = (table[:, R.advance] > 0) & ~queued
    if rows.any():
        table[rows, R.advance_lead] = np.minimum(table[rows, R.advance_lead], port.assess)
