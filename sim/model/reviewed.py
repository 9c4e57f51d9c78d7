"""Declarations that queue for officer review before a dynamic selector decides them, kept as
rows until they are decided.

Such a declaration's decision waits for its review: it is taken at the tick of its
assessment, or alone once its review booking is known if that tick has passed (see
:mod:`sim.model.decisions`). As a journey it would cost an object, a generator and its steps
before anything is decided; as a row it costs one deferred booking at the review lane, as a
bulk block's row does. Once decided, a row whose review is its only queue is held and
finished in bulk (see :class:`sim.model.held.Held`); any other starts as a journey whose
review is already booked (``Consignment.booked``). The times, decisions and lane statistics
are those of the journeys it replaces: ``tests/test_decisions.py`` compares them with a run in
which every consignment is a flow.
"""

from __future__ import annotations

import math
from collections.abc import MutableSequence, Sequence
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from sim.model.consignment import Consignment, requirement_rows
from sim.model.draws import R
from sim.model.lane import Booking
from sim.model.steps.declaration import prepare, uniforms_of
from sim.model.streams import SMUGGLING_INDEX

if TYPE_CHECKING:
    from sim.model.decisions import Decisions

INF = math.inf


class Row:
    """One reviewed declaration on its way to its decision: its requirement row ``r`` (the
    decision columns hold its selection uniforms until it is decided), its plan before the
    decision, its possible decisions (``cands``, numbers 0-15) and, for each, its plan, whether
    the review is then its only queue (``alone``: it may be held) and whether one queue is left
    after the review (``lazy``: booked lazily); ``prep``: what of its decision the selector
    worked out when it was made (see :func:`sim.model.steps.declaration.prepare`), if any.
    ``start``, ``end``: its review, once booked."""

    __slots__ = (
        ("index", "arrived", "r", "cohort", "early")
        + ("cands", "plans", "alone", "lazy", "prep")
        + ("start", "end")
    )

    def __init__(
        self, index: int, arrived: float, r: MutableSequence[float], cohort: bool, early: int
    ):
        self.index, self.arrived, self.r, self.cohort, self.early = index, arrived, r, cohort, early
        self.cands: list[int] = []
        self.plans: list[int] = []
        self.alone: list[bool] = []
        self.lazy: list[bool] = []
        self.prep: list[float] | None = None
        self.start = self.end = math.nan


class Reviewed:
    """A port's reviewed declarations not yet decided, as rows (one per declaration)."""

    def __init__(self, decisions: Decisions):
        self.decisions = decisions
        self.port = decisions.port
        self.waiting: dict[int, Row] = {}  # by consignment index

    def eligible(self, index: np.ndarray, lodged: np.ndarray) -> np.ndarray:
        """Which reviewed declarations go as rows: not a smuggler's (its group learns each
        outcome as it comes), lodged later than now (its review is booked when asked, as a
        journey's would be), at a port that finishes rows in bulk with a FIFO review lane."""
        p = self.port
        lane = p.review
        if not p.bulk or lane is None or lane.unlimited or not lane.booked:
            return np.zeros(len(index), bool)
        return np.asarray((index < SMUGGLING_INDEX) & (lodged > p.env.now))

    def add(
        self,
        index: np.ndarray,
        arrived: np.ndarray,
        table: np.ndarray,
        cohort: np.ndarray,
        early: np.ndarray,
        lodged: np.ndarray,
    ) -> None:
        """Take a block's reviewed declarations: each asks the review lane at its lodging."""
        p = self.port
        cands, plans, visits, _ = self.decisions.plans.of(table)
        prepared = prepare(p, table, uniforms_of(table))
        preps = [None] * len(index) if prepared is None else prepared.tolist()
        alone = p.route.in_bulk(plans, visits) & (visits == 1)  # the review, nothing else
        lazy = visits == 2
        lane, waiting = p.review, self.waiting
        for i, a, r, c, e, t, ca, pl, al, lz, pr in zip(
            index.tolist(),
            arrived.tolist(),
            requirement_rows(table),
            cohort.tolist(),
            early.tolist(),
            lodged.tolist(),
            cands.tolist(),
            plans.tolist(),
            alone.tolist(),
            lazy.tolist(),
            preps,
            strict=True,
        ):
            row = waiting[i] = Row(i, a, r, c, e)
            row.cands, row.plans, row.alone, row.lazy, row.prep = ca, pl, al, lz, pr
            booking = Booking(lane, t, i, r[R.review_time], c, True)
            booking.proceed = partial(self._booked, row)
            lane.defer(booking)

    def _booked(self, row: Row, start_end: tuple[float, float]) -> None:
        """Its review is booked (now, at its request): wait for its tick's decision, or,
        if that tick has passed, be decided now, alone."""
        row.start, row.end = start_end
        if row.end == INF:  # no server will ever come: it waits there for ever, as a journey
            self._as_journey(row)
            return
        d = self.decisions
        assessed = row.end + self.port.assess  # (the Assess step: accepted as the review ends)
        if not d.wait(assessed, row):
            self.hand_on([(row, *d.alone(row.r, row.prep, row.cohort))])

    def hand_on(self, decided: Sequence[tuple[Row, MutableSequence[float], int]]) -> None:
        """Decided rows (each with its decided requirement row and its decision 0-15): held
        for bulk if the review is their only queue, else started as journeys whose review is
        booked."""
        p, held, waiting = self.port, self.decisions.held, self.waiting
        hold = held is not None and held.open(p.env.now)
        flows = []
        for row, r, combo in decided:
            del waiting[row.index]
            if combo in row.cands:
                i = row.cands.index(combo)
                plan, alone, lazy = row.plans[i], row.alone[i], row.lazy[i]
            else:
                plan, alone, lazy = self.decisions.plans.one(r)
            if hold and alone:
                assert held is not None
                held.add_reviewed(row.index, row.arrived, r, row.cohort, plan, row.start, row.end)
                continue
            c = Consignment(p.index, row.index, row.arrived, row.cohort, r, plan)
            c.deferred = lazy
            c.booked = (row.start, row.end)
            flows.append(c)
        if flows:
            p.launch([], flows)

    def _as_journey(self, row: Row) -> None:
        """The journey the row stands for, undecided, from its arrival (with its review if
        booked): it stops where the row is (at its review or at its decision)."""
        del self.waiting[row.index]
        p = self.port
        c = Consignment(p.index, row.index, row.arrived, row.cohort, row.r, row.early)
        c.decided = False
        if row.end == row.end:  # (booked: not NaN)
            c.booked = (row.start, row.end)
        p.launch([], [c])

    def close(self) -> None:
        """The run has ended: every row still waiting (for its review booking or for its
        decision) becomes the journey it stands for, stopped there, to be censored."""
        for row in list(self.waiting.values()):
            self._as_journey(row)
