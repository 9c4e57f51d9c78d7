"""A FIFO lane booked at request time, without SimPy events.

When jobs reach a first-come-first-served lane in time order, each job's start is fixed the
moment it asks: it is the first instant, no earlier than its request and than the previous
job's start, at which fewer servers are busy than the schedule provides (the Kiefer-Wolfowitz
recursion, extended to staffing schedules: a job in progress at a shift end finishes, and no
job starts while the busy count is at or above the capacity). So a consignment pays no queue
event and no service event here: its flow simply moves its clock to the job's end.

Time-weighted statistics follow from the booked times too: each job adds its time waiting and
its time in service (clipped to the observation window) as it is booked; the queue length and
busy servers at a given moment, and the on-duty time of a scheduled lane (capacity, plus any
overtime of jobs finishing after a shift end), come from a sweep over the booked starts and
ends when they are read (:mod:`sim.model.fifo_state`). They are exactly what an event-driven
lane would record; the whole run's figures stop at the run's end.
"""

from __future__ import annotations

import heapq
import itertools
import math
from typing import Any

import simpy

from sim.model.engine import WAKE, Call
from sim.model.fifo_state import FifoState
from sim.model.lane import Booking

INF = math.inf
#: hours of run time per bucket of deferred requests (see :meth:`FifoLane.defer`)
SPAN = 1.0


class FifoLane(FifoState):
    """Identical servers, first come first served (officers' desks, scanners, a gate)."""

    booked = True

    def __init__(self, env: simpy.Environment, port: str, name: str, hourly: list[int] | None):
        super().__init__(env, port, name, hourly)
        self.cell = None
        self._ends: list[float] = []  # ends of jobs running at (or after) the last start
        self._last_start = 0.0
        # deferred requests: a heap of those before ``_edge``, later ones in hourly buckets
        # (a pop from one heap of thousands read a dozen entries made hours ago: slow)
        self._pending: list[tuple[float, int, int, Booking]] = []
        self._edge = 0.0
        self._later: dict[float, list[tuple[float, int, int, Booking]]] = {}
        self._later_keys: list[float] = []  # a heap of the buckets' numbers
        self._soon: list[tuple[float, int, int, Booking]] = []  # requests that wake the lane
        # times the lane must wake at (a heap, and as a set), and those with an event in the
        # run's queue: only the earliest is (SimPy's queue of every pending event is the
        # run's busiest heap: thousands of wake-ups there, days ahead, slow every event)
        self._wake_at: list[float] = []
        self._wakes: set[float] = set()
        self._armed: set[float] = set()
        self._seq = itertools.count()
        self._on_wake = self._woken  # (a bound method made once, not per wake-up)
        # lanes whose deferred bookings' journeys may ask this lane without a SimPy wait in
        # between (see :mod:`sim.model.links`): ``_up`` directly, ``_feeders`` all, in the
        # order to drain
        self._up: set[FifoLane] = set()
        self._down: set[FifoLane] = set()
        self._feeders: tuple[FifoLane, ...] = ()
        self.linkable = True  # False once a port's journeys need it booked as they come

    # -- booking -----------------------------------------------------------------------
    def defer(self, booking: Booking) -> None:
        """Take a request for a future time (never earlier than now); it is booked, and its
        flow carried on, as soon as the lane is next used or observed at or after that time.
        Requests at the same time are booked in the order of their consignments' arrival.
        A request whose journey must carry on at its time (``booking.wake``) also makes the
        lane wake then: one event per distinct time, not per request, so that requests at
        one time are booked in arrival order whichever journey's event came first."""
        entry = (booking.r, booking.key, next(self._seq), booking)
        if booking.wake:  # few at a time: a heap of their own keeps the big one untouched
            heapq.heappush(self._soon, entry)
            if booking.r not in self._wakes:
                self._wake(booking.r)
        elif booking.r < self._edge:
            heapq.heappush(self._pending, entry)
        else:  # a bucket of its own hour: it joins the heap when the heap has run dry
            k = booking.r // SPAN
            bucket = self._later.get(k)
            if bucket is None:
                self._later[k] = [entry]
                heapq.heappush(self._later_keys, k)
            else:
                bucket.append(entry)
            if not self._pending:
                self._next_bucket()

    def defer_woken(self, times: list[float], keys: list[int], bookings: list[Any]) -> None:
        """:meth:`defer` for requests whose journeys must carry on at their times, given as
        their times, keys (consignments' indices) and bookings: anything with ``service``,
        ``cohort`` and ``proceed`` (a reviewed row is its own booking: one object, not two)."""
        soon, wakes, seq, push = self._soon, self._wakes, self._seq, heapq.heappush
        for r, key, booking in zip(times, keys, bookings, strict=True):
            push(soon, (r, key, next(seq), booking))
            if r not in wakes:
                self._wake(r)

    def _wake(self, r: float) -> None:
        """Make the lane wake at ``r`` (a time it does not wake at yet)."""
        self._wakes.add(r)
        heapq.heappush(self._wake_at, r)
        if not self._armed or r < min(self._armed):
            self._arm(r)

    def _next_bucket(self) -> None:
        """Move the earliest bucket into the (empty) heap: the heap holds every deferred
        request before ``_edge``, the buckets every one at or after it."""
        k = heapq.heappop(self._later_keys)
        self._pending.extend(self._later.pop(k))
        heapq.heapify(self._pending)
        self._edge = (k + 1) * SPAN

    def _arm(self, t: float) -> None:
        """Put the wake-up at ``t`` into the run's queue (after decisions)."""
        self._armed.add(t)
        Call(self.env, t, WAKE, self._on_wake)

    def _woken(self, event: Call) -> None:
        t = event.t
        self._armed.discard(t)
        self._wakes.discard(t)
        at = self._wake_at
        heapq.heappop(at)  # (t: the earliest, as only the earliest is armed)
        if self._feeders:  # every request made for that time, in arrival order
            self.drain(t)
        else:  # (what drain does, without a call, for a lane fed by none)
            self._drain_own(t, INF)
        if at and at[0] not in self._armed:
            self._arm(at[0])

    def drain(self, upto: float, key: float = INF) -> None:
        """Book, in time order, every deferred request made before ``upto`` (and at ``upto``
        by a consignment that arrived before the one with ``key``: all of them by default).
        The lanes that feed this one are drained first (upstream first), so that every request
        their deferred bookings lead to is here before this lane books past it."""
        for lane in self._feeders:
            pending, soon = lane._pending, lane._soon  # (a look at the heads spares a call)
            if pending and pending[0][0] <= upto or soon and soon[0][0] <= upto:
                lane._drain_own(upto, key)
        pending, soon = self._pending, self._soon
        if pending and pending[0][0] <= upto or soon and soon[0][0] <= upto:
            self._drain_own(upto, key)

    def _drain_own(self, upto: float, key: float) -> None:
        """:meth:`drain`, this lane's own requests only."""
        pending, soon = self._pending, self._soon
        book = self._book
        while pending or soon:
            if soon and (not pending or soon[0] < pending[0]):
                head = soon
            else:
                head = pending
            r, k = head[0][0], head[0][1]
            if r > upto or (r == upto and k >= key):
                return
            _, _, _, b = heapq.heappop(head)
            if not pending and self._later_keys:
                self._next_bucket()
            b.proceed(book(r, b.service, b.cohort))

    def _queued_for_ever(self, r: float) -> tuple[float, float]:
        """A request to a lane that never has a server: it joins the queue for ever."""
        self._requests += 1
        w0, w1 = self._bounds
        if r < w1:
            self.win_queue += w1 - max(r, w0)
        return INF, INF

    def _start_on_schedule(self, s: float) -> float:
        """When a job that may start at ``s`` starts on a scheduled lane: at the first moment
        fewer jobs are in service than the hour's servers (a job ends, or the schedule adds a
        server); ``ends`` is left holding the jobs still in service then."""
        ends, cap, period = self._ends, self._cap, self._period
        while ends and ends[0] <= s:
            heapq.heappop(ends)
        while len(ends) >= cap[int(s) % period]:
            nxt = ends[0] if ends else INF
            change = int(s) + self._to_change[int(s) % period]
            s = change if change < nxt else nxt
            while ends and ends[0] <= s:
                heapq.heappop(ends)
        return s

    def _book(self, r: float, service: float, cohort: bool) -> tuple[float, float]:
        self.jobs_total += 1
        if self._never:
            return self._queued_for_ever(r)
        ends, cap = self._ends, self._cap
        s = r if r > self._last_start else self._last_start
        if self._constant:  # ``ends`` holds the ends of the last cap jobs: if all servers
            # are busy at s, the job starts when the first frees (it takes that server)
            if len(ends) >= cap[0]:
                first = ends[0]
                if first > s:
                    s = first
                e = s + service
                heapq.heapreplace(ends, e)
            else:
                e = s + service
                heapq.heappush(ends, e)
        else:
            s = self._start_on_schedule(s)
            e = s + service
            heapq.heappush(ends, e)
        self._last_start = s
        self._requests += 1
        self._starts.append(s)
        heapq.heappush(self._end_marks, e)
        w0, w1 = self._bounds
        if s > w0 and r < w1:
            self.win_queue += (s if s < w1 else w1) - (r if r > w0 else w0)
        if e > w0 and s < w1:
            self.win_busy += (e if e < w1 else w1) - (s if s > w0 else w0)
            if self._edges:  # (a timeline's periods)
                self.clip_busy(s, e)
        if e > self._run_end:  # (booked past the run's end: the run saw its part up to it)
            self._past_end(r, s, e, service, cohort)
            return s, e
        self.area_queue += s - r
        self.area_busy += service
        self.sojourn_total += e - r
        if cohort:  # (what LaneStats.wait does, written out: once per booked job)
            self.waits.add(s - r)
            if s > r:
                self.waited += 1
            days = self.weekly.days  # (Weekly.add, written out)
            day = days.get(int(r // 24))
            if day is None:
                days[int(r // 24)] = [s - r, 1.0]
            else:
                day[0] += s - r
                day[1] += 1.0
            if self._edges:
                self.period_wait(r, s - r)
            self.served += 1
            self.service_sum += service
        return s, e
