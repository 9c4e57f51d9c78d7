"""Plans worked out ahead for a dynamic selector's decisions (see :mod:`sim.model.decisions`).

A consignment's plan is a function of its requirement row, decisions included. When a block
is made, each row's plan (with its queue visits and first queue step) is worked out for each
decision it can get (:func:`sim.model.steps.declaration.outcomes`: all 16, or the selector's
own shorter list), so that the hourly decision only looks its own up. A decision outside that
list is planned when it is taken, so the list is a hint that never changes a run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.route import finite
from sim.model.steps.declaration import DECISIONS, outcomes, uniforms_of
from sim.model.streams import SMUGGLING_INDEX

if TYPE_CHECKING:
    from sim.model.consignment import Consignment
    from sim.model.port import Port

_COLUMNS = list(DECISIONS.values())
#: the decision columns' values of each decision 0-15
_COMBOS = np.array([[(k >> i) & 1 for i in range(len(_COLUMNS))] for k in range(16)], float)
#: a decided row's "first queue step" when its plan cannot go in bulk, and when it goes in
#: bulk meeting no queue and is not a smuggler's, so that it may be held (see
#: :meth:`PlansAhead.bulk`)
NOT_BULK, HOLDABLE = -2, -3
#: where a decision's plan, queue visits and first queue step lie after it, in ``k`` columns
_AFTER = np.array([1, 2, 3])


class PlansAhead:
    """A port's plans for its rows' possible decisions."""

    def __init__(self, port: Port):
        self.port = port
        #: a reviewed declaration's possible decisions, its plan for each, and whether its
        #: one queue left is then booked lazily, by consignment index (see :meth:`keep`)
        self._kept: dict[int, tuple[list[int], list[int], list[bool]]] = {}

    def of(self, table: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Each row's possible decisions (numbers 0-15) and, for each, its plan, queue visits
        and first queue step, for a whole block as it is made."""
        n, route = len(table), self.port.route
        cands = outcomes(self.port, table, uniforms_of(table))
        k = cands.shape[1]
        # column-major: the steps' rules read it column by column (a third less time)
        rows = np.repeat(table.T, k, axis=1).T
        rows[:, _COLUMNS] = _COMBOS[cands.reshape(-1)]
        plan = route.plan(rows)
        visits, first = route.queues(rows, plan)
        return cands, plan.reshape(n, k), visits.reshape(n, k), first.reshape(n, k)

    def bulk(self, index: np.ndarray, table: np.ndarray) -> tuple[np.ndarray, ...]:
        """:meth:`of`, each first queue step ``NOT_BULK`` or ``HOLDABLE`` where that applies:
        what a tick hands its rows on by, worked out once per block, not per tick."""
        cands, plan, visits, first = self.of(table)
        return cands, plan, visits, self._in_bulk(index[:, None], plan, visits, first)

    def _in_bulk(self, index: np.ndarray, *ahead: np.ndarray) -> np.ndarray:
        plan, visits, first = ahead
        goes = np.where(self.port.route.in_bulk(plan, visits), first, NOT_BULK)
        goes[(goes == -1) & (index < SMUGGLING_INDEX)] = HOLDABLE
        return goes

    def looked_up(
        self, index: np.ndarray, table: np.ndarray, combo: np.ndarray, ahead: np.ndarray
    ) -> tuple[np.ndarray, ...]:
        """Decided rows' plans, queue visits and first queue steps in bulk: those of
        :meth:`bulk` for their decisions (``ahead``: its four arrays side by side), or, for a
        decision outside them, worked out now."""
        k = ahead.shape[1] // 4
        match = ahead[:, :k] == combo[:, None]
        col = match.argmax(axis=1)
        picked = ahead[np.arange(len(combo))[:, None], col[:, None] + _AFTER * k]
        plan, visits, first = picked.T
        hit = match.any(axis=1)
        if not hit.all():
            miss, route = ~hit, self.port.route
            plan[miss] = route.plan(table[miss])
            visits[miss], queue = route.queues(table[miss], plan[miss])
            first[miss] = self._in_bulk(index[miss], plan[miss], visits[miss], queue)
        return plan, visits, first

    def one(self, row: Sequence[float]) -> tuple[int, bool, bool]:
        """A decided row's plan, whether it may then be finished in bulk with its review its
        only queue (``alone``), and whether its one queue after the review is booked lazily:
        for a decision :meth:`of` did not foresee."""
        route, table = self.port.route, np.array([row])
        plan = route.plan(table)
        visits, _ = route.queues(table, plan)
        alone = bool(route.in_bulk(plan, visits)[0]) and int(visits[0]) == 1
        return int(plan[0]), alone, int(visits[0]) - int(finite(self.port.review)) == 1

    def keep(self, index: np.ndarray, table: np.ndarray) -> None:
        """Keep, for journeys decided on their way, each row's plan for each of its possible
        decisions and whether its one queue left after the review is then booked lazily."""
        cands, plans, visits, _ = self.of(table)
        review = int(finite(self.port.review))
        lazy = (visits - review == 1).tolist()
        known = zip(cands.tolist(), plans.tolist(), lazy, strict=True)
        self._kept.update(zip(index.tolist(), known, strict=True))

    def decided(self, c: Consignment, row: Sequence[float], combo: int) -> None:
        """Give a journey decided on its way (``row``: its decided requirement row, ``combo``:
        its decision) its new plan and whether it is booked lazily from there."""
        known = self._kept.pop(c.index, None)
        if known is None:
            c.plan = int(self.port.route.plan(np.array([row]))[0])
            return
        cands, plans, lazy = known
        if combo in cands:
            i = cands.index(combo)
            c.plan, queue_left = plans[i], lazy[i]
        else:
            c.plan, _, queue_left = self.one(row)
        c.deferred = self.port.bulk and queue_left
