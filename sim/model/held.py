"""Decided rows that meet no queue (and blocks whose one queue is booked), held by a port's
dynamic decisions and finished in bulk together: one block's fixed cost for many ticks."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.bulk import Bulk, BulkRun

if TYPE_CHECKING:
    from sim.model.port import Port

#: a decided block's rows that meet no queue wait, held, until this many are ready (then or at
#: a flush instant they are finished in bulk together: one block's fixed cost for many ticks)
HOLD = 4096


class Held:
    """Decided rows that meet no queue, held and finished in bulk together.

    Such a row's times are arithmetic on its own draws and decision, the same whenever they
    are worked out, and what is booked as it finishes is order-free (an unlimited lane's
    totals, the recorder's sums), so rows of many ticks can share one block and its fixed
    cost. They are finished when ``HOLD`` wait, and half a refresh interval before the run
    ends (rows decided after that are not held). A smuggler's consignment is never held: its
    group learns the outcome when its block ends."""

    def __init__(self, port: Port, refresh: float):
        self.port = port
        self.parts: list[tuple[np.ndarray, ...]] = []
        #: blocks whose queue is booked, by the step they wait at, with their bookings
        self.booked: dict[int, list[tuple[Bulk, np.ndarray, np.ndarray]]] = {}
        #: reviewed declarations decided as rows whose review is their only queue, each
        #: with its review's start and end (see :mod:`sim.model.reviewed`)
        self.reviewed: list[tuple[int, float, Sequence[float], bool, int, float, float]] = []
        self.done: Callable[[Bulk], None] | None = None
        self.n = 0
        self.last = port.stop + port.scenario.drain_days * 24 - refresh / 2
        env = port.env
        if refresh > 0 and self.last > env.now:
            env.timeout(self.last - env.now).callbacks.append(self.flush)
        else:
            self.last = -math.inf

    def take(self, run: BulkRun) -> bool:
        """Hold a block whose one queue is booked, to finish it merged with others waiting
        at the same step (False: too late, it finishes now)."""
        if not self.open(self.port.env.now):
            return False
        b = run.block
        self.booked.setdefault(b.at, []).append((b, run.start, run.end))
        self.done = run.done
        self.n += len(b.index)
        if self.n >= HOLD:
            self.flush()
        return True

    def open(self, now: float) -> bool:
        """Whether rows decided at ``now`` may be held (a flush instant comes after it)."""
        return now < self.last

    def add(self, *rows: np.ndarray) -> None:
        self.parts.append(rows)
        self.n += len(rows[0])
        if self.n >= HOLD:
            self.flush()

    def add_reviewed(
        self,
        index: int,
        arrived: float,
        r: Sequence[float],
        cohort: bool,
        plan: int,
        start: float,
        end: float,
    ) -> None:
        """Hold a decided reviewed declaration whose review (booked: ``start``, ``end``) is
        its only queue."""
        self.reviewed.append((index, arrived, r, cohort, plan, start, end))
        self.n += 1
        if self.n >= HOLD:
            self.flush()

    def flush(self, _: object = None) -> None:
        """Finish every held row in bulk: the rows as one block, the reviewed declarations
        as another, with their reviews' bookings, the booked blocks merged by the step they
        wait at."""
        booked, self.booked = self.booked, {}
        for parts in booked.values():
            assert self.done is not None
            BulkRun(Bulk.merged(parts), self.done)
        if self.reviewed:
            self._launch_reviewed()
        self.n = sum(len(x[0]) for x in self.parts)
        if not self.parts:
            return
        index, arrived, table, cohort, plan = (
            np.concatenate(x) for x in zip(*self.parts, strict=True)
        )
        self.parts, self.n = [], 0
        p = self.port
        p.launch([Bulk(p, index, arrived, table, plan, cohort, p.env.now)], [])

    def _launch_reviewed(self) -> None:
        rows, self.reviewed = self.reviewed, []
        index, arrived, r, cohort, plan, start, end = zip(*rows, strict=True)
        p = self.port
        b = Bulk(
            p,
            np.array(index),
            np.array(arrived),
            np.array(r),
            np.array(plan, np.int64),
            np.array(cohort),
            p.env.now,
        )
        b.prebooked = (np.array(start), np.array(end))  # their one queue, the review
        p.launch([b], [])
