"""The numpy interpreter: a block of consignments finished along their plans with arrays.

Consignments whose plan may go in bulk (:meth:`sim.model.route.Route.in_bulk`) never become
objects: each planned step's bulk form runs on the whole block, in plan order. A block whose
rows meet one FIFO lane hands the lane one deferred booking per row, in time order with
everybody else, and is finished once all are booked (or the run ends: rows never booked stay
NaN from there on and are censored). ``tests/test_crn.py`` and ``tests/test_properties.py``
require that this gives exactly what the SimPy interpreter gives.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.lane import Booking, negative_service
from sim.model.milestones import (
    ARRIVED,
    DISCHARGED,
    EXITED,
    LOADED,
    N_MILESTONES,
    N_OWNERS,
    channel_code_many,
)

if TYPE_CHECKING:
    from sim.model.port import Port


_latest = np.fmax.reduce  # a block's latest time, NaN (never reached) ignored
_UNBOOKED = np.empty(0)  # a block's queue times before it asks its queue (never written)


class Visit:
    """What a bulk step yields when its rows meet a FIFO lane: one request per row."""

    __slots__ = ("lane", "request", "service", "rows")

    def __init__(self, lane: Any, request: np.ndarray, service: np.ndarray, rows: np.ndarray):
        self.lane, self.request, self.service, self.rows = lane, request, service, rows


class Bulk:
    """A block's state as the steps' bulk forms read and move it (one row per consignment)."""

    def __init__(
        self,
        port: Port,
        index: np.ndarray,
        arrived: np.ndarray,
        req: np.ndarray,
        plan: np.ndarray,
        cohort: np.ndarray,
        now: float,
    ):
        self.port, self.index, self.arrived, self.req = port, index, arrived, req
        self.plan, self.cohort, self.now = plan, cohort, now
        k = len(index)
        self.m = np.empty((k, N_MILESTONES))
        self.m.fill(np.nan)  # (cheaper than np.full on a few rows)
        self.own = np.zeros((k, N_OWNERS))
        self.late = np.zeros((k, N_OWNERS))  # of own, the hours after the run's end (as Owners)
        self.end = port.end
        self.cursor = arrived.copy()
        self.t = arrived
        self.lodged_q = self.q_done = arrived
        self.did = np.zeros((k, 4), bool)  # document, scan, physical, quarantine
        self.discharged = req[:, R.goods_ready]
        self.export = req[:, R.direction] == 1  # exports: nothing discharged, end at loading
        self.m[:, ARRIVED] = arrived
        self.m[:, DISCHARGED] = np.where(self.export, np.nan, self.discharged)
        #: who may hold the block once its queue is booked (None: it finishes at once)
        self.holder: Any = None
        self.at = -1  # the step it waits at (its queue)
        self.stuck = False  # a queue left rows never served (their t NaN from there on)
        self.prebooked: tuple[np.ndarray, np.ndarray] | None = None  # a merged block's queue

    @classmethod
    def merged(cls, parts: list[tuple[Bulk, np.ndarray, np.ndarray]]) -> Bulk:
        """Blocks of one port waiting at the same queue step, whose rows were all booked
        (each with its booked starts and ends), as one block that carries on from that step
        with those bookings (a row's times depend on its own row only)."""
        first = parts[0][0]
        b = cls.__new__(cls)
        for name, value in vars(first).items():
            if isinstance(value, np.ndarray) and value.shape[:1] == first.index.shape:
                value = np.concatenate([getattr(p, name) for p, _, _ in parts])
            setattr(b, name, value)
        b.holder = None
        b.prebooked = (
            np.concatenate([start for _, start, _ in parts]),
            np.concatenate([end for _, _, end in parts]),
        )
        return b

    def to(self, t: np.ndarray, owner: int) -> None:
        """Book the time up to ``t`` to ``owner`` (NaN: a step never reached books nothing);
        the part after the run's end is also kept in ``late``."""
        self.own[:, owner] += np.fmax(t - self.cursor, 0.0)
        if len(t) and _latest(t) > self.end:  # (NaN ignored)
            self.late[:, owner] += np.fmax(t - np.fmax(self.cursor, self.end), 0.0)
        np.fmax(self.cursor, t, out=self.cursor)

    def serve(
        self, lane: Any, t: np.ndarray, service: np.ndarray, rows: np.ndarray
    ) -> Generator[Visit, Any, tuple[np.ndarray, np.ndarray]]:
        """Rows queue at ``lane`` from ``t`` for ``service``: (start, end). An unlimited lane
        is a delay; a finite one is booked (the block waits for every row's booking)."""
        if not np.count_nonzero(rows):  # (cheaper than any() on a few rows)
            return t, t + service
        below = rows & (service < 0)  # (once per block: a code mistake, see negative_service)
        if np.count_nonzero(below):
            raise negative_service(lane, float(service[below].min()), "rows finished in bulk")
        if lane.unlimited:
            ok = rows & ~np.isnan(t)
            lane.delay_many(service[ok], self.cohort[ok])
            return t, t + service
        if self.prebooked is not None:  # merged after booking (see merged)
            (start, end), self.prebooked = self.prebooked, None
        else:
            start, end = yield Visit(lane, np.maximum(t, self.now), service, rows)
        # never served (the run ended first, or the lane never serves): as a journey, the
        # consignment stops here, so nothing after this is reached (NaN) or booked
        stuck = ~np.isfinite(end)
        if np.count_nonzero(stuck):
            start, end = np.where(stuck, np.nan, start), np.where(stuck, np.nan, end)
            self.stuck = True
        return start, end

    @property
    def channel(self) -> np.ndarray:
        d = self.did
        return channel_code_many(d[:, 0], d[:, 1], d[:, 2], d[:, 3])

    def steps(self) -> Generator[Visit, Any, None]:
        """Every planned step's bulk form, in route order."""
        plan = self.plan
        present = int(np.bitwise_or.reduce(plan)) if len(plan) else 0
        common = int(np.bitwise_and.reduce(plan)) if len(plan) else 0  # (every row's steps)
        reached = self.t == self.t  # (worked out again after a stuck queue)
        every = np.count_nonzero(reached) == len(reached)
        for i, step in enumerate(self.port.route.steps):
            if (present >> i) & 1 and i >= self.at:
                self.at = i
                if self.stuck:  # rows stuck at an earlier queue (t NaN) reach no more steps
                    reached, self.stuck = self.t == self.t, False
                    every = np.count_nonzero(reached) == len(reached)
                if (common >> i) & 1:
                    rows = reached
                else:
                    rows = (plan & (1 << i)) != 0
                    if not every:
                        rows &= reached
                yield from step.bulk(self, rows)
        self.m[:, EXITED] = np.where(self.export, np.nan, self.t)
        self.m[:, LOADED] = np.where(self.export, self.t, np.nan)


def _quiet() -> np.errstate:
    """Around each resumption of a block's steps, never across a wait: inf - inf and NaN
    are expected there (lanes that never serve, rows not booked). An errstate held by a
    suspended generator would leak into whatever runs meanwhile, and be undone out of
    order."""
    return np.errstate(invalid="ignore")


class BulkRun:
    """Drives a :class:`Bulk` block: runs its steps, books its one queue, finishes it."""

    def __init__(self, block: Bulk, done: Callable[[Bulk], None]):
        self.block, self.done = block, done
        self.gen = block.steps()
        self.start = self.end = _UNBOOKED  # (its queue's times: see _book)
        self.left = 0
        self.handed = False  # given to the block's holder, which finishes it
        try:
            with _quiet():
                visit = next(self.gen)
        except StopIteration:
            done(block)
            return
        self._book(visit)

    def _book(self, v: Visit) -> None:
        k = len(v.rows)
        self.start = np.full(k, np.nan)
        self.end = self.start.copy()
        which = np.flatnonzero(v.rows)
        self.left = len(which)
        b = self.block
        columns: tuple[np.ndarray, ...] = (v.request, b.index, v.service, b.cohort)
        if len(which) < k:  # (a block's rows mostly all queue: then no copies)
            columns = tuple(x[which] for x in columns)
        for i, r, key, service, c in zip(
            which.tolist(), *(x.tolist() for x in columns), strict=True
        ):
            booking = Booking(v.lane, r, key, service, c)
            booking.proceed = partial(self._booked, i)
            v.lane.defer(booking)

    def _booked(self, i: int, start_end: tuple[float, float]) -> None:
        self.start[i], self.end[i] = start_end
        self.left -= 1
        if self.left == 0:
            self.finish()

    def finish(self) -> None:
        """Carry on from the booked times; unbooked rows stay NaN (censored). A block with
        a holder that takes it is finished later, merged with others (see Bulk.merged)."""
        if self.handed:
            return
        holder = self.block.holder
        if holder is not None and self.left == 0 and holder.take(self):
            self.handed = True
            return
        try:
            with _quiet():
                self.gen.send((self.start, self.end))
        except StopIteration:
            self.done(self.block)
            return
        raise RuntimeError("a bulk block met a second queue")  # in_bulk rules this out

    @property
    def open(self) -> bool:
        return self.left > 0
