"""Decisions at the time they are made: a dynamic selector decides at each consignment's
assessment, from the state of the run then.

To keep the bulk path, decisions are batched: the selector is asked at the start of the
``refresh`` interval in which a consignment is assessed (its *tick*, ``floor(t / refresh) *
refresh``), so it decides from a state at most ``refresh`` hours old; ``refresh = 0`` asks it
at the exact moment. Everything due at one tick of a port is decided as one block: the rows
that waited for it, and the declarations that queued for officer review first and reached
their assessment in an earlier interval (they wait on their way for the block's decision: as
rows, see :mod:`sim.model.reviewed`, or, a smuggler's, as flows). A reviewed declaration
assessed in the interval its review booking became known in (so after its tick) is decided
alone, at that moment: still at most ``refresh`` after its tick and never after its
assessment. After the decision, rows go in bulk or as flows as their new plans allow.

Until a consignment is decided, each of its decision columns holds its selection uniform.
"""

from __future__ import annotations

import math
from collections.abc import Generator, MutableSequence, Sequence
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.bulk import Bulk
from sim.model.consignment import requirement_rows
from sim.model.decision_clock import noted
from sim.model.engine import DECIDE, Instant
from sim.model.held import Held
from sim.model.plans_ahead import HOLDABLE, NOT_BULK, PlansAhead
from sim.model.reviewed import Reviewed, Row
from sim.model.selection import Selector
from sim.model.steps.declaration import (
    DECISIONS,
    lodged_at,
    prepare,
    select,
    select_row,
    uniforms_of,
)
from sim.model.streams import SMUGGLING_INDEX
from sim.model.ticks import Due, Layout, rows_of

if TYPE_CHECKING:
    from sim.model.consignment import Consignment
    from sim.model.journey import Journey
    from sim.model.port import Port

#: a consignment's decision columns, bit i of a decision's number 0-15 (see ``CHECKS``)
_COLUMNS = list(DECISIONS.values())
_index = attrgetter("index")  # a consignment's arrival index


#: a decided block's rows that meet one queue at the same step go as flows when fewer
SMALL_BLOCK = 4
#: where a decided row goes, when not to the step of its one queue (or -1, none): flows, held
_FLOW, _HELD = NOT_BULK, HOLDABLE


def _cohort(j: Journey | Row) -> bool:
    """Whether a waiting declaration (a journey or a reviewed row) is a cohort member."""
    return bool(j.cohort if isinstance(j, Row) else j.c.cohort)


class Decisions:
    """A port's pending dynamic decisions (a static selector never needs it)."""

    def __init__(self, port: Port, selector: Selector):
        self.port, self.selector = port, selector
        self.dynamic = bool(getattr(selector, "dynamic", False))
        self.refresh = float(getattr(selector, "refresh", 0.0))
        self._due: dict[float, Due] = {}
        self.plans = PlansAhead(port)
        self.held = Held(port, self.refresh) if self.dynamic else None
        self.reviewed = Reviewed(self)
        self.closed = False  # the run has ended: nothing is decided any more

    def tick(self, t: Any) -> Any:
        """When a decision for an assessment at ``t`` is taken (scalar or array)."""
        if self.refresh <= 0:
            return t
        return np.floor(np.asarray(t) / self.refresh) * self.refresh

    def _at(self, tick: float) -> Due:
        """The tick's batch, made (and its decision scheduled) on first use."""
        due = self._due.get(tick)
        if due is None:
            due = self._due[tick] = Due()
            env = self.port.env  # after every ordinary event of its moment: blocks made then
            # are in its batch, whatever order the model made them in
            Instant(env, tick, DECIDE).callbacks.append(partial(self._at_tick, tick))
        return due

    def defer(
        self,
        index: np.ndarray,
        arrived: np.ndarray,
        table: np.ndarray,
        cohort: np.ndarray,
        uniforms: dict[str, np.ndarray],
    ) -> None:
        """Hold a new block's decisions until its consignments are assessed."""
        p = self.port
        for check, col in DECISIONS.items():
            table[:, col] = uniforms[check]
        early = p.route.plan(table, upto="assess") | p.route.bit["decide"]
        lodged = lodged_at(table, arrived)
        # (any queue before the assessment, not only the review: its time is not known now)
        review = (early & p.route.queued_before("assess")) != 0
        flows: list[Consignment] = []
        if review.any():  # they queue before the assessment: decide on their way
            flows += self._on_their_way(review, index, arrived, table, cohort, early, lodged)
        # rows whose tick has passed (assessed before the run's start, or made after their
        # tick: a smuggler's) join the batch decided at the end of this moment
        ticks = np.where(review, math.inf, np.maximum(self.tick(lodged + p.assess), p.env.now))
        if flows:  # journeys start in arrival order, so that their requests at one moment
            # are booked in it
            p.launch([], sorted(flows, key=_index) if len(flows) > 1 else flows)
        later = ~review
        if not later.any():
            return
        order = np.flatnonzero(later)
        order = order[np.argsort(ticks[order], kind="stable")]  # by tick, in row order
        index, arrived, table, cohort, ticks = (
            x[order] for x in (index, arrived, table, cohort, ticks)
        )
        ahead = self.plans.bulk(index, table)
        prepared = prepare(p, table, uniforms_of(table))
        layout = Layout(table.shape[1], ahead[0].shape[1], prepared is not None)
        rows = layout.pack((index, arrived, cohort, table), ahead, prepared)
        first = np.flatnonzero(np.diff(ticks, prepend=-math.inf))  # each tick's first row
        bounds = [*first.tolist(), len(ticks)]
        for tick, a, b in zip(ticks[first].tolist(), bounds, bounds[1:], strict=False):
            due = self._at(tick)
            if due.layout != layout:  # (rows of one tick are decided as one array)
                if due.blocks:
                    raise RuntimeError("blocks decided at one tick differ in their columns")
                due.layout = layout
            due.blocks.append(rows[a:b])

    def _on_their_way(self, review: np.ndarray, *columns: np.ndarray) -> list[Consignment]:
        """Declarations that queue for officer review first, on their way to their
        decision: rows where they may be (see :mod:`sim.model.reviewed`), else the journeys
        to start. ``columns``: index, arrived, table, cohort, early plan, lodging time."""
        route = self.port.route  # (a row stands for a review booking and nothing else
        # before the assessment: a declaration meeting another queue goes as a journey)
        others = route.queued_before("assess") & ~route.bit["review"]
        rows = review & self.reviewed.eligible(columns[0], columns[-1])
        rows &= (columns[-2] & others) == 0
        if rows.any():
            self.reviewed.add(*(x[rows] for x in columns))
        review = review & ~rows
        if not review.any():
            return []
        index, arrived, table, cohort, early, _ = (x[review] for x in columns)
        self.plans.keep(index, table)
        none = np.zeros(len(index), np.int64)  # (undecided: no queues asked)
        return self.port.split(index, arrived, table, cohort, early, False, (none, none))[1]

    def _decided(self, c: Consignment, row: MutableSequence[float], combo: int) -> None:
        """Give a journey decided on its way its decisions and its new plan."""
        c.req = row
        self.plans.decided(c, row, combo)
        c.decided = True

    def _at_tick(self, tick: float, _: object) -> None:
        """Decide everything due at ``tick`` as one block; hand the rows on, wake the
        journeys."""
        due = self._due.pop(tick)
        js = due.journeys
        p = self.port
        k = 0
        prepared = None
        if due.blocks:
            assert due.layout is not None
            index, arrived, table, cohort, ahead, prepared = due.layout.unpack(rows_of(due.blocks))
            k = len(index)
        if js:
            req = np.array([j.r for j in js])  # (a journey's r: its requirement row)
            waiting = np.array([_cohort(j) for j in js], bool)
            if k:
                table, cohorts = np.concatenate([table, req]), np.concatenate([cohort, waiting])
            else:
                table, cohorts = req, waiting
            if prepared is not None or not k:
                more = self._prepared(js, req)  # (all rows prepared, or none)
                prepared = more if more is None or not k else np.concatenate([prepared, more])
        else:
            cohorts = cohort
        uniforms = dict(zip(DECISIONS, table[:, _COLUMNS].T, strict=True))  # (copies)
        combo = select(p, table, uniforms, p.env.now, prepared, cohorts)
        noted(p, index if k else (), js)  # (a debug record: decision_clock.py; free when closed)
        if k:
            plan, visits, goes = self.plans.looked_up(index, table[:k], combo[:k], ahead)
            p.launch(*self._hand_on(index, arrived, table[:k], cohort, plan, (visits, goes)))
        if js:
            rows = []
            decided = zip(js, requirement_rows(table[k:]), combo[k:].tolist(), strict=True)
            for j, row, c in decided:
                if isinstance(j, Row):
                    rows.append((j, row, c))
                    continue
                self._decided(j.c, row, c)
                j.r = row
            if due.event is not None:
                due.event.succeed()
            if rows:
                self.reviewed.hand_on(rows)

    def _prepared(self, js: list[Journey | Row], req: np.ndarray) -> np.ndarray | None:
        """What the selector prepared of the waiting declarations' decisions (a row's, when it
        was made; a journey's, now), or None."""
        preps = [getattr(j, "prep", None) for j in js]  # (a journey has none)
        missing = [i for i, x in enumerate(preps) if x is None]
        if missing:
            more = prepare(self.port, req[missing], uniforms_of(req[missing]))
            if more is None:
                return None
            for i, x in zip(missing, more, strict=True):
                preps[i] = x
        return np.array(preps)

    def _hand_on(
        self,
        index: np.ndarray,
        arrived: np.ndarray,
        table: np.ndarray,
        cohort: np.ndarray,
        plan: np.ndarray,
        queues: tuple[np.ndarray, np.ndarray],
    ) -> tuple[list[Bulk], list[Consignment]]:
        """Hand decided rows on: those that meet no queue are held (see :class:`Held`); the
        others are returned as the blocks and flows to launch, as :meth:`Port.split` makes
        them (a block per step where their one queue is, of ``SMALL_BLOCK`` rows or more),
        sorted in one pass by where each goes. ``queues``: queue visits and first queue
        step in bulk (see :meth:`PlansAhead.bulk`)."""
        p, held = self.port, self.held
        visits, goes = queues  # (a row's queue step, or -1 none, _FLOW or _HELD)
        if not p.bulk:  # (then split never asks for the first queue step)
            return p.split(index, arrived, table, cohort, plan, True, queues, SMALL_BLOCK)
        hold = held is not None and held.open(p.env.now)
        if not hold:  # (too late: they go as a block at no queue)
            goes[goes == _HELD] = -1
        counts = np.bincount(goes - _HELD)
        steps = np.flatnonzero(counts)
        blocks, slow = [], goes == _FLOW
        for step, size in zip(steps.tolist(), counts[steps].tolist(), strict=True):
            step += _HELD
            if step == _FLOW:
                continue
            rows = goes == step
            if step == _HELD:
                assert held is not None
                held.add(index[rows], arrived[rows], table[rows], cohort[rows], plan[rows])
            elif size < SMALL_BLOCK:
                slow |= rows
            else:
                i, a, r, pl, co = (x[rows] for x in (index, arrived, table, plan, cohort))
                b = Bulk(p, i, a, r, pl, co, p.env.now)
                if hold and (i < SMUGGLING_INDEX).all():
                    b.holder = held  # finished, once booked, together with others
                blocks.append(b)
        if not slow.any():
            return blocks, []
        return blocks, p.flows(index, arrived, table, cohort, plan, True, visits, slow)

    def decide_one(self, j: Journey) -> Generator[Any, Any, None]:
        """A journey at its assessment: wait for the decision of its tick's block, or, if its
        tick has passed (its review booking became known in its assessment's interval), take
        the decision now, alone."""
        env = j.env
        if self.closed:  # (a row made a journey when the run ended: it stops here)
            yield env.event()
        if self.wait(j.t, j):
            r = self.refresh
            due = self._at(math.floor(j.t / r) * r if r > 0 else j.t)
            if due.event is None:
                due.event = env.event()
            yield due.event
            return
        decided, combo = self.alone(j.c.req, cohort=j.c.cohort)
        noted(self.port, [j.c.index])
        self._decided(j.c, decided, combo)
        j.r = decided

    def wait(self, assessed: float, who: Journey | Row) -> bool:
        """Put a reviewed declaration assessed at ``assessed`` into its tick's batch, unless
        that tick has passed (False: it is decided now, alone)."""
        r = self.refresh
        tick = math.floor(assessed / r) * r if r > 0 else assessed
        if tick <= self.port.env.now:
            return False
        self._at(tick).journeys.append(who)
        return True

    def alone(
        self, req: Sequence[float], prep: Sequence[float] | None = None, cohort: bool = True
    ) -> tuple[MutableSequence[float], int]:
        """One declaration's decision now (``prep``: what the selector prepared of it, if
        any; ``cohort``: whether it is a cohort member): its decided requirement row and the
        decision's number 0-15."""
        p = self.port
        scalar = select_row(p, req, p.env.now, prep, cohort)
        if scalar is not None:
            return scalar
        row = np.array([req])
        uniforms = {check: row[:, col].copy() for check, col in DECISIONS.items()}
        select(p, row, uniforms, p.env.now, None, np.array([cohort]))
        decided = requirement_rows(row)[0]
        return decided, sum(1 << i for i, col in enumerate(_COLUMNS) if decided[col] > 0)

    def close(self) -> None:
        """The run has ended: reviewed declarations still waiting as rows become the journeys
        they stand for, stopped where they are (they are censored)."""
        self.closed = True
        self.reviewed.close()
