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
from typing import TYPE_CHECKING

import numpy as np

from sim.model.consignment import Consignment, requirement_rows
from sim.model.decision_clock import noted
from sim.model.draws import R
from sim.model.fifo import FifoLane
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
    It is its own booking at the review lane (``service``, ``cohort``, :meth:`proceed`: one
    object a row, not three); ``start``, ``end``: its review, once booked."""

    __slots__ = (
        ("rows", "index", "arrived", "r", "cohort", "early")
        + ("cands", "plans", "alone", "lazy", "prep")
        + ("service", "start", "end")
    )

    def __init__(
        self,
        rows: Reviewed,
        index: int,
        arrived: float,
        r: MutableSequence[float],
        cohort: bool,
        early: int,
        ahead: tuple[list[int], list[int], list[bool], list[bool]],
        prep: list[float] | None,
    ):
        self.rows, self.index, self.arrived, self.r, self.cohort = rows, index, arrived, r, cohort
        self.early, self.prep = early, prep
        self.cands, self.plans, self.alone, self.lazy = ahead
        self.service = r[R.review_time]
        self.start = self.end = math.nan

    def proceed(self, start_end: tuple[float, float]) -> None:
        """Its review is booked (now, at its request: the lane calls this): wait for its
        tick's decision, or, if that tick has passed, be decided now, alone."""
        start, end = start_end
        self.start, self.end = start, end
        rows = self.rows
        if end == INF:  # no server will ever come: it waits there for ever, as a journey
            rows._as_journey(self)
            return
        d = rows.decisions
        if not d.wait(end + rows.port.assess, self):  # (the Assess step: as the review ends)
            noted(rows.port, [self.index])
            rows.hand_on_one(self, *d.alone(self.r, self.prep, self.cohort))


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
        keys = index.tolist()
        preps = [None] * len(keys) if prepared is None else prepared.tolist()
        alone = p.route.in_bulk(plans, visits) & (visits == 1)  # the review, nothing else
        lazy = visits == 2
        ahead = zip(cands.tolist(), plans.tolist(), alone.tolist(), lazy.tolist(), strict=True)
        rows = [
            Row(self, i, a, r, c, e, x, pr)
            for i, a, r, c, e, x, pr in zip(
                keys,
                arrived.tolist(),
                requirement_rows(table),
                cohort.tolist(),
                early.tolist(),
                ahead,
                preps,
                strict=True,
            )
        ]
        self.waiting.update(zip(keys, rows, strict=True))
        assert isinstance(p.review, FifoLane)  # (see eligible)
        p.review.defer_woken(lodged.tolist(), keys, rows)

    def hand_on(self, decided: Sequence[tuple[Row, MutableSequence[float], int]]) -> None:
        """Decided rows (each with its decided requirement row and its decision 0-15): held
        for bulk if the review is their only queue, else started as journeys whose review is
        booked."""
        p, held = self.port, self.decisions.held
        hold = held is not None and held.open(p.env.now)
        flows = []
        for row, r, combo in decided:
            c = self._decided(row, r, combo, hold)
            if c is not None:
                flows.append(c)
        if flows:
            p.launch([], flows)

    def hand_on_one(self, row: Row, r: MutableSequence[float], combo: int) -> None:
        """:meth:`hand_on` for one row (decided alone)."""
        p, held = self.port, self.decisions.held
        c = self._decided(row, r, combo, held is not None and held.open(p.env.now))
        if c is not None:
            p.launch([], [c])

    def _decided(
        self, row: Row, r: MutableSequence[float], combo: int, hold: bool
    ) -> Consignment | None:
        """A decided row held (if ``hold``, and the review is its only queue), or the
        journey to start."""
        del self.waiting[row.index]
        try:
            i = row.cands.index(combo)
        except ValueError:  # (a decision not planned ahead)
            plan, alone, lazy = self.decisions.plans.one(r)
        else:
            plan, alone, lazy = row.plans[i], row.alone[i], row.lazy[i]
        if hold and alone:
            held = self.decisions.held
            assert held is not None
            held.add_reviewed(row.index, row.arrived, r, row.cohort, plan, row.start, row.end)
            return None
        c = Consignment(self.port.index, row.index, row.arrived, row.cohort, r, plan)
        c.deferred = lazy
        c.booked = (row.start, row.end)
        return c

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
