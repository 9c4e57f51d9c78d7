"""A FIFO lane booked at request time, without SimPy events.

When jobs reach a first-come-first-served lane in time order, each job's start is fixed the
moment it asks: it is the first instant, no earlier than its request and than the previous
job's start, at which fewer servers are busy than the schedule provides (the Kiefer-Wolfowitz
recursion, extended to staffing schedules: a job in progress at a shift end finishes, and no
job starts while the busy count is at or above the capacity). So a consignment pays no queue
event and no service event here: its flow simply moves its clock to the job's end.

Time-weighted statistics come from a small sweep over the booked starts and ends, so queue
length, busy servers and on-duty time are exactly those an event-driven lane would record.
"""

from __future__ import annotations

import heapq
import itertools
import math

import simpy

from sim.model.lane import Booking, LaneStats

INF = math.inf


class FifoLane(LaneStats):
    """Identical servers, first come first served (officers' desks, scanners, a gate)."""

    booked = True

    def __init__(self, env: simpy.Environment, port: str, name: str, hourly: list[int] | None):
        super().__init__(env, port, name, hourly)
        self.cell = None
        self._ends: list[float] = []  # ends of jobs running at (or after) the last start
        self._last_start = 0.0
        # booked changes, swept only when statistics are read: (time, 0 end / 1 request / 2 start)
        self._sweep: list[tuple[float, int]] = []
        self._clock = 0.0
        self._queue = 0
        self._busy = 0
        self._pending: list[tuple[float, int, Booking]] = []  # deferred requests, by time
        self._seq = itertools.count()
        h = hourly or [0] * 168
        self._constant = len(set(h)) == 1
        self._cap = h
        self._never = max(h) == 0
        # hours from the start of hour-of-week h to the next change of capacity
        self._to_change = [
            next((k for k in range(1, 169) if h[(i + k) % 168] != h[i]), INF) for i in range(168)
        ]

    # -- state as an event-driven lane would show it ----------------------------------
    @property
    def queue_length(self) -> int:
        self._advance()
        return self._queue

    @property
    def busy(self) -> int:
        self._advance()
        return self._busy

    @property
    def capacity(self) -> int:
        return self._cap[int(self.env.now) % 168]

    # -- booking -----------------------------------------------------------------------
    def defer(self, booking: Booking) -> None:
        """Take a request for a future time (never earlier than now); it is booked, and its
        flow carried on, as soon as the lane is next used or observed at or after that time."""
        heapq.heappush(self._pending, (booking.r, next(self._seq), booking))

    def drain(self, upto: float) -> None:
        """Book, in time order, every deferred request made at or before ``upto``."""
        pending = self._pending
        while pending and pending[0][0] <= upto:
            r, _, b = heapq.heappop(pending)
            b.proceed(self._book(r, b.service, b.cohort))

    def book(self, service: float, cohort: bool) -> tuple[float, float]:
        """A job asks now: fix its start and end (inf if no server will ever come)."""
        r = self.env.now
        if self._pending:
            self.drain(r)
        return self._book(r, service, cohort)

    def _book(self, r: float, service: float, cohort: bool) -> tuple[float, float]:
        self.jobs_total += 1
        if self._never:
            heapq.heappush(self._sweep, (r, 1))  # joins the queue for ever
            return INF, INF
        ends, cap, constant = self._ends, self._cap, self._constant
        s = r if r > self._last_start else self._last_start
        while True:
            while ends and ends[0] <= s:
                heapq.heappop(ends)
            if len(ends) < cap[int(s) % 168]:
                break
            nxt = ends[0] if ends else INF
            if not constant:
                change = int(s) + self._to_change[int(s) % 168]
                if change < nxt:
                    nxt = change
            s = nxt
        e = s + service
        heapq.heappush(ends, e)
        self._last_start = s
        sweep = self._sweep
        heapq.heappush(sweep, (r, 1))
        heapq.heappush(sweep, (s, 2))
        heapq.heappush(sweep, (e, 0))
        self.sojourn_total += e - r
        if cohort:
            self.waits.add(s - r)
            self.served += 1
            self.service_sum += service
        return s, e

    # -- statistics --------------------------------------------------------------------
    def _advance(self) -> None:
        """Integrate queue, busy and on-duty time up to now, through the booked changes."""
        now = self.env.now
        if self._pending:
            self.drain(now)
        sweep = self._sweep
        while sweep and sweep[0][0] <= now:
            t, kind = heapq.heappop(sweep)
            self._integrate(t)
            if kind == 2:  # a start
                self._queue -= 1
                self._busy += 1
            elif kind:  # a request
                self._queue += 1
            else:  # an end
                self._busy -= 1
        self._integrate(now)

    def _integrate(self, t: float) -> None:
        a = self._clock
        if t <= a:
            return
        q, b = self._queue, self._busy
        self.area_queue += q * (t - a)
        self.area_busy += b * (t - a)
        cap = self._cap
        hour = int(a)
        if self._constant or t <= hour + 1:
            c = cap[hour % 168]
            self.area_duty += (c if c > b else b) * (t - a)
        else:
            while a < t:
                edge = min(t, math.floor(a) + 1.0)
                self.area_duty += max(cap[int(a) % 168], b) * (edge - a)
                a = edge
        self._clock = t
