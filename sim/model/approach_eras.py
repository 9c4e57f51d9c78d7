"""A truck's era at a crossing with an approach: the one in force at its assessment as the
truck's journey will record it, planned at its entry.

A timeline's era is the one in force at a consignment's assessment, planned when its block
is made (:func:`sim.model.eras.era_of`). Without an approach a port makes a block
``advance_max`` before its first arrival, so an advance declaration's lodging, review and
assessment all lie ahead and the plan is lodging + review + assessment. A queued truck is
handed on only at its entry (its requirements drawn then, under a timeline:
:mod:`approach_ahead`), so two of that plan's times have passed: its review is booked at
the entry (a lane serves no one in the past), and an advance declaration with no review is
assessed at the entry under a dynamic selector, lodged its lead before the truck reached the
approach under the selection tables (:mod:`approach_assess`). Planned from
its lodging its whole lead before the entry, such a truck entering after a date could be
given the earlier era's rules although its log records its assessment after the date.

So here the plan follows the journey: the same lead rules as :mod:`approach_assess`, and a
review starting no earlier than the entry. The one approximation left is the one of
:func:`sim.model.eras.era_of`: no wait in the review queue. Runs without an approach do not
pass here (docs/trucks.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.model.approach_assess import lead_at_entry
from sim.model.steps.declaration import lodged_at

if TYPE_CHECKING:
    from sim.model.port import Port


def entry_plan(port: Port, r: np.ndarray, entered: np.ndarray, reached: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For trucks of a block entering ``port``'s crossing at ``entered`` (``r``: their
    requirement table under its rules, not changed; ``reached``: when they reached the
    approach): the table with the advance leads their journeys will have
    (:mod:`approach_assess`), their lodging, and when a review may start (at the lodging, no
    earlier than the entry)."""
    table = r.copy()
    lead_at_entry(port, table, entered, reached)
    lodged = lodged_at(table, entered)
    return table, lodged, np.maximum(lodged, entered)
