"""Decisions at the time they are made: a dynamic selector decides at each consignment's
assessment, from the state of the run then.

To keep the bulk path, decisions are batched: the selector is asked at the start of the
``refresh`` interval in which a consignment is assessed (``floor(t / refresh) * refresh``),
so it decides from a state at most ``refresh`` hours old; ``refresh = 0`` asks it at the exact
moment. Consignments that meet a queue before their assessment (the officer review) decide
on their way, as flows; the others wait, as rows, for their interval, are decided in one
block, and then go in bulk or as flows as their new plans allow.

Until a consignment is decided, each of its decision columns holds its selection uniform.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.selection import Selector
from sim.model.steps.declaration import DECISIONS, select

if TYPE_CHECKING:
    from sim.model.journey import Journey
    from sim.model.port import Port


class Decisions:
    """A port's pending dynamic decisions (a static selector never needs it)."""

    def __init__(self, port: Port, selector: Selector):
        self.port, self.selector = port, selector
        self.dynamic = bool(getattr(selector, "dynamic", False))
        self.refresh = float(getattr(selector, "refresh", 0.0))

    def tick(self, t: Any) -> Any:
        """When a decision for an assessment at ``t`` is taken (scalar or array)."""
        if self.refresh <= 0:
            return t
        return np.floor(np.asarray(t) / self.refresh) * self.refresh

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
            _, flows = p.split(
                index[review], arrived[review], table[review], cohort[review], early[review], False
            )
            p.launch([], flows)
        req = table
        lodged = np.where(
            req[:, R.advance] > 0,
            arrived - req[:, R.advance_lead],
            arrived + req[:, R.lodging_delay],
        )
        ticks = np.where(review, math.inf, self.tick(lodged + p.assess))
        env = p.env
        due = ticks <= env.now
        if due.any():
            self._decide(index[due], arrived[due], table[due], cohort[due])
        for tick in np.unique(ticks[~due & ~review]).tolist():
            rows = ticks == tick
            later = partial(self._at_tick, index[rows], arrived[rows], table[rows], cohort[rows])
            env.timeout(tick - env.now).callbacks.append(later)

    def _at_tick(
        self,
        index: np.ndarray,
        arrived: np.ndarray,
        table: np.ndarray,
        cohort: np.ndarray,
        _: object,
    ) -> None:
        self._decide(index, arrived, table, cohort)

    def _decide(
        self, index: np.ndarray, arrived: np.ndarray, table: np.ndarray, cohort: np.ndarray
    ) -> None:
        p = self.port
        uniforms = {check: table[:, col].copy() for check, col in DECISIONS.items()}
        select(p, table, uniforms, p.env.now)
        p.launch(*p.split(index, arrived, table, cohort))

    def decide_one(self, j: Journey) -> Generator[Any, Any, None]:
        """A journey at its assessment: wait for the decision time, then take the decision."""
        env, p, c = j.env, self.port, j.c
        tick = float(self.tick(j.t))
        if tick > env.now:
            yield env.timeout(tick - env.now)
        row = np.array([c.req])
        uniforms = {check: row[:, col].copy() for check, col in DECISIONS.items()}
        select(p, row, uniforms, env.now)
        c.req = j.r = row[0].tolist()
        c.plan = int(p.route.plan(row)[0])
        c.decided = True
