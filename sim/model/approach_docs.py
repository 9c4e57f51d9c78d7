"""A queued truck's advance declaration: lodged its lead before the truck reached the approach
and reviewed while it waits there, as without an approach.

Without an approach a port makes a block ``advance_max`` before its first arrival; an advance
declaration is lodged its lead before the goods arrive and its officer review is booked at
that lodging (:class:`sim.model.steps.declaration.Lodge`; :mod:`sim.model.reviewed` books a
row's review the same way), so the goods arrive with their review done or under way. A queued
truck's flow starts at its entry, so its lead would count back from an entry no trader can
foresee, and its review would wait for the entry. Here the lead counts back from when the
truck reached the approach (its ``reached``: the arrival the trader lodged for), and the
review is booked at the lane at that lodging, while the truck waits; the journey, started at
the entry, takes the booked times (``Consignment.booked``, :meth:`QueuedDocs.review_of`).

Not where the requirements are drawn at the entry (:mod:`approach_ahead`: a timeline's eras,
imports in calls), under a dynamic selector (it decides reviewed declarations at their
assessment, from their lodging, by rules of its own), for transit goods or at a port with a
declarations' hold (their lodging moves with the leg or the hold): there the lead counts
from the entry and the review is booked from it, as before. A declaration with no review
queue before its assessment is not booked here: under the selection tables it is lodged from
``reached`` when the truck enters, wherever its table is drawn (:mod:`approach_assess`).
Under a dynamic selector a review done while the truck waits would put its assessment before
the entry, while the selector decides a truck only once its flow starts (at the entry, by
:mod:`decisions`): the decision would follow its assessment by the hours the truck waited,
against the rule that a decision uses the state of the run at its assessment's tick
(docs/trucks.md). For the same rule, an advance declaration with no review is assessed at
the entry there (:mod:`approach_assess`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.model.approach_assess import unqueued
from sim.model.consignment import Consignment
from sim.model.draws import R
from sim.model.fifo import FifoLane
from sim.model.transit_leg import inland

if TYPE_CHECKING:
    from sim.model.port import Port


class Review:
    """A queued truck's review booked at the lane while it waits (the lane calls
    :meth:`proceed` at the lodging, with the booked start and end)."""

    __slots__ = ("service", "cohort", "start", "end")

    def __init__(self, service: float, cohort: bool):
        self.service, self.cohort = service, cohort
        self.start = self.end = math.nan

    def proceed(self, start_end: tuple[float, float]) -> None:
        """Its review is booked: keep the times for its journey."""
        self.start, self.end = start_end


class QueuedDocs:
    """A port's queued trucks whose declarations are lodged from their reaching the approach,
    and the reviews booked for them before their entry."""

    def __init__(self, port: Port):
        self.port = port
        self.reviews: dict[int, Review] = {}  # truck index -> its review, booked ahead

    def early(self, index: np.ndarray, reached: np.ndarray, table: np.ndarray | None,
              cohort: np.ndarray) -> np.ndarray:
        """Which trucks of a block reaching the approach, reviewed at a desk that may queue,
        lodge from their ``reached`` (their review, at a FIFO desk, is booked at the lodging
        now); one with no such review lodges from it at the entry (:mod:`approach_assess`)."""
        from sim.model.holds import spans  # (here: a cycle via the steps)

        p = self.port
        if table is None or p.decisions.dynamic or spans(p.scenario, p.name, "declarations"):
            return np.zeros(len(index), bool)
        lodged = reached - table[:, R.advance_lead]
        early = ((table[:, R.advance] > 0) & (inland(table, reached) == reached)
                 & (lodged < reached) & (lodged >= p.env.now))  # fmt: skip
        lane = p.review
        early &= ~unqueued(p, table)  # (the rest lodge from ``reached`` at the entry)
        if lane is None or lane.unlimited or not isinstance(lane, FifoLane):
            return np.asarray(early)
        booked = early & (table[:, R.review] > 0)
        keys = index[booked].tolist()
        reviews = [Review(float(s), bool(c)) for s, c in
                   zip(table[booked, R.review_time], cohort[booked], strict=True)]  # fmt: skip
        self.reviews.update(zip(keys, reviews, strict=True))
        lane.defer_woken(lodged[booked].tolist(), keys, reviews)
        return np.asarray(early)

    def review_of(self, c: Consignment) -> None:
        """At a queued truck's review step: its booked times, if its review was booked while
        it waited (booked at its lodging, before it reached the approach: known by now)."""
        review = self.reviews.pop(c.index, None)
        if review is not None:
            assert review.end == review.end, "a review booked ahead is booked by the entry"
            c.booked = (review.start, review.end)


def lodged_from(row: np.ndarray, entered: float, reached: float) -> None:
    """Rewrite, in place, a truck's 1-row table entering at ``entered`` so that its advance
    declaration is lodged its lead before ``reached`` (the lead as counted from the entry)."""
    row[:, R.advance_lead] += entered - reached
