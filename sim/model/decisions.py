"""Decisions at the time they are made: a dynamic selector decides at each consignment's
assessment, from the state of the run then.

To keep the bulk path, decisions are batched: the selector is asked at the start of the
``refresh`` interval in which a consignment is assessed (its *tick*, ``floor(t / refresh) *
refresh``), so it decides from a state at most ``refresh`` hours old; ``refresh = 0`` asks it
at the exact moment. Everything due at one tick of a port is decided as one block: the rows
that waited for it, and the declarations that queued for officer review first and reached
their assessment in an earlier interval (they wait on their way, as flows, for the block's
decision). A reviewed declaration assessed in the interval its review booking became known in
(so after its tick) is decided alone, at that moment: still at most ``refresh`` after its tick
and never after its assessment. After the decision, rows go in bulk or as flows as their new
plans allow.

Until a consignment is decided, each of its decision columns holds its selection uniform.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
import simpy

from sim.model.selection import Selector
from sim.model.steps.declaration import DECISIONS, lodged_at, select

if TYPE_CHECKING:
    from sim.model.journey import Journey
    from sim.model.port import Port

#: a consignment's decision columns as bits (document, scan, physical, quarantine: 1, 2, 4, 8)
_COLUMNS = list(DECISIONS.values())
_COMBOS = np.array([[(k >> i) & 1 for i in range(len(_COLUMNS))] for k in range(16)], float)


class _Due:
    """What one tick decides: blocks of rows, and journeys waiting on ``event``."""

    __slots__ = ("blocks", "journeys", "event")

    def __init__(self) -> None:
        self.blocks: list[tuple[np.ndarray, ...]] = []
        self.journeys: list[Journey] = []
        self.event: simpy.Event | None = None


class Decisions:
    """A port's pending dynamic decisions (a static selector never needs it)."""

    def __init__(self, port: Port, selector: Selector):
        self.port, self.selector = port, selector
        self.dynamic = bool(getattr(selector, "dynamic", False))
        self.refresh = float(getattr(selector, "refresh", 0.0))
        self._due: dict[float, _Due] = {}
        #: a reviewed declaration's plan for each of the 16 decisions, by consignment index
        self._plans: dict[int, list[int]] = {}

    def tick(self, t: Any) -> Any:
        """When a decision for an assessment at ``t`` is taken (scalar or array)."""
        if self.refresh <= 0:
            return t
        return np.floor(np.asarray(t) / self.refresh) * self.refresh

    def _at(self, tick: float) -> _Due:
        """The tick's batch, made (and its decision scheduled) on first use."""
        due = self._due.get(tick)
        if due is None:
            due = self._due[tick] = _Due()
            env = self.port.env
            env.timeout(tick - env.now).callbacks.append(partial(self._at_tick, tick))
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
        review = (early & p.route.bit["review"]) != 0
        if review.any():  # they queue before the assessment: decide on their way
            self._plan_each(index[review], table[review])
            _, flows = p.split(
                index[review], arrived[review], table[review], cohort[review], early[review], False
            )
            p.launch([], flows)
        lodged = lodged_at(table, arrived)
        ticks = np.where(review, math.inf, self.tick(lodged + p.assess))
        env = p.env
        due = ticks <= env.now
        if due.any():
            self._decide(index[due], arrived[due], table[due], cohort[due])
        for tick in np.unique(ticks[~due & ~review]).tolist():
            rows = ticks == tick
            self._at(tick).blocks.append((index[rows], arrived[rows], table[rows], cohort[rows]))

    def _plan_each(self, index: np.ndarray, table: np.ndarray) -> None:
        """Each row's plan for each of the 16 decisions (a plan is a function of its row), so
        that a declaration decided alone needs no plan of its own."""
        n = len(index)
        rows = np.repeat(table, 16, axis=0)
        rows[:, _COLUMNS] = np.tile(_COMBOS, (n, 1))
        plans = self.port.route.plan(rows).reshape(n, 16).tolist()
        self._plans.update(zip(index.tolist(), plans, strict=True))

    def _at_tick(self, tick: float, _: object) -> None:
        """Decide everything due at ``tick`` as one block; hand the rows on, wake the
        journeys."""
        due = self._due.pop(tick)
        parts = due.blocks
        js = due.journeys
        if js:
            req = np.array([j.c.req for j in js])
            parts = [
                *parts,
                (
                    np.array([j.c.index for j in js]),
                    np.array([j.c.arrived for j in js]),
                    req,
                    np.array([j.c.cohort for j in js], bool),
                ),
            ]
        index, arrived, table, cohort = (np.concatenate(x) for x in zip(*parts, strict=True))
        p = self.port
        uniforms = {check: table[:, col].copy() for check, col in DECISIONS.items()}
        select(p, table, uniforms, p.env.now)
        k = len(index) - len(js)
        plan = p.route.plan(table)
        if k:
            p.launch(*p.split(index[:k], arrived[:k], table[:k], cohort[:k], plan[:k]))
        if js:
            for j, row, pl in zip(js, table[k:].tolist(), plan[k:].tolist(), strict=True):
                j.c.req = j.r = row
                j.c.plan = pl
                j.c.decided = True
                self._plans.pop(j.c.index, None)
            assert due.event is not None
            due.event.succeed()

    def _decide(
        self, index: np.ndarray, arrived: np.ndarray, table: np.ndarray, cohort: np.ndarray
    ) -> None:
        p = self.port
        uniforms = {check: table[:, col].copy() for check, col in DECISIONS.items()}
        select(p, table, uniforms, p.env.now)
        p.launch(*p.split(index, arrived, table, cohort))

    def decide_one(self, j: Journey) -> Generator[Any, Any, None]:
        """A journey at its assessment: wait for the decision of its tick's block, or, if its
        tick has passed (its review booking became known in its assessment's interval), take
        the decision now, alone."""
        env, p, c = j.env, self.port, j.c
        tick = math.floor(j.t / self.refresh) * self.refresh if self.refresh > 0 else j.t
        if tick > env.now:
            due = self._at(tick)
            due.journeys.append(j)
            if due.event is None:
                due.event = env.event()
            yield due.event
            return
        row = np.array([c.req])
        uniforms = {check: row[:, col].copy() for check, col in DECISIONS.items()}
        select(p, row, uniforms, env.now)
        c.req = j.r = row[0].tolist()
        plans = self._plans.pop(c.index, None)
        if plans is None:
            c.plan = int(p.route.plan(row)[0])
        else:
            r = c.req
            c.plan = plans[sum(1 << i for i, col in enumerate(_COLUMNS) if r[col] > 0)]
        c.decided = True
