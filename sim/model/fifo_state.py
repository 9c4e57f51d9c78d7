"""What a FIFO lane's booked jobs show (see :mod:`sim.model.fifo`, which books them): the
lane's state at a moment as an event-driven lane would show it, its on-duty time, and its
figures over the observation window and over the whole run, up to the run's end."""

from __future__ import annotations

import functools
import heapq
import math
from collections import deque

import simpy

from sim.model.lane import LaneStats

INF = math.inf


@functools.cache
def _to_change(h: tuple[int, ...]) -> tuple[float, ...]:
    """Hours from the start of each hour of the week ``h`` covers to its next change of
    capacity (INF: never); worked out once for each schedule, as lanes share a few."""
    out: list[float] = [INF] * 168
    for i in range(168):
        for k in range(1, 169):
            if h[(i + k) % 168] != h[i]:
                out[i] = k
                break
    return tuple(out)


def to_change_linear(h: tuple[int, ...]) -> tuple[float, ...]:
    """:func:`_to_change` for a plan of any length (it repeats after it), in one backward
    sweep over two rounds (a plan spans many weeks)."""
    n = len(h)
    out: list[float] = [INF] * n
    nxt = INF  # the next hour (absolute, on the doubled plan) whose capacity differs
    for j in range(2 * n - 1, -1, -1):
        i, following = j % n, (j + 1) % n
        if j + 1 < 2 * n and h[following] != h[i]:
            nxt = j + 1
        if j < n:
            out[i] = nxt - j
    return tuple(out)


class FifoState(LaneStats):
    """The statistics and state of a FIFO lane, from the starts and ends it booked."""

    def __init__(self, env: simpy.Environment, port: str, name: str, hourly: list[int] | None):
        super().__init__(env, port, name, hourly)
        # for reading the state at a moment: booked starts (in order) and ends (a heap)
        self._starts: deque[float] = deque()
        self._end_marks: list[float] = []
        self._requests = self._started = self._ended = 0
        self._clock = 0.0  # how far on-duty time has been integrated
        self._bounds = (0.0, INF)  # the observation window
        self._run_end = INF
        self.win_queue = self.win_busy = 0.0
        h = hourly or [0] * 168
        self._constant = len(set(h)) == 1
        self._cap = h
        self._never = max(h) == 0
        self._to_change = _to_change(tuple(h))
        self._period = 168  # hours after which ``_cap`` repeats (a week; longer: :meth:`plan`)

    def plan(self, cap: list[int]) -> None:
        """Follow ``cap``, servers hour by hour from time 0 (whole weeks, repeating after
        them), instead of the weekly schedule: dated capacity windows
        (:mod:`sim.model.capacity_plan`). Called before the run starts."""
        self._cap = self.planned = list(cap)
        self._period = len(cap)
        self._constant = len(set(cap)) == 1
        self._never = max(cap) == 0
        self._to_change = to_change_linear(tuple(cap))

    # -- state as an event-driven lane would show it (as of the last sync) -------------
    @property
    def queue_length(self) -> int:
        return self._requests - self._started

    def asked_count(self) -> int:
        """Requests booked so far: after a sync, every one made before now (a FIFO lane
        books them in time order), so the window's own are a difference of two counts."""
        return self._requests

    @property
    def busy(self) -> int:
        return self._started - self._ended

    @property
    def capacity(self) -> int:
        return self._cap[int(self.env.now) % self._period]

    def drain(self, upto: float, key: float = INF) -> None:  # pragma: no cover - overridden
        """Book the deferred requests made before ``upto`` (the lane's booking does)."""
        raise NotImplementedError

    def _past_end(self, r: float, s: float, e: float, service: float, cohort: bool) -> None:
        """The statistics of a job booked to end after the run's end: its time in the lane
        up to the end; a cohort job that had not started by then was not served in the run
        (its wait is not known, as its consignment's clearance is not). The stability check
        still sees its wait as booked: a queue that keeps growing shows there."""
        end = self._run_end
        start = s if s < end else end
        self.area_queue += start - r
        self.area_busy += end - start
        self.sojourn_total += end - r
        if not cohort:
            return
        if s < end:
            self.wait(r, s - r)
            self.served += 1
            self.service_sum += service
        else:
            self.weekly_wait(r, s - r)

    # -- statistics --------------------------------------------------------------------
    def set_window(self, start: float, end: float, run_end: float = INF) -> None:
        """The observation window and the run's end, known before the run (booked jobs are
        clipped to the window, and the whole run's figures to its end)."""
        self._bounds = (start, end)
        self._run_end = run_end

    def sync(self) -> None:
        """Bring the state (and on-duty time) up to now: book the deferred requests made
        before now (their journeys carry on), then sweep the booked starts and ends. Requests
        made at this very moment wait for the lane's wake-up, which books them together in
        arrival order: a look at the lane never changes who goes first."""
        now = self.env.now
        self.drain(now, -INF)
        starts, ends = self._starts, self._end_marks
        while True:
            ts = starts[0] if starts else INF
            te = ends[0] if ends else INF
            if te <= ts:  # an end first (at equal times: a server frees, then is taken)
                if te > now:
                    break
                if not self._constant:
                    self._integrate(te)
                heapq.heappop(ends)
                self._ended += 1
            else:
                if ts > now:
                    break
                if not self._constant:
                    self._integrate(ts)
                starts.popleft()
                self._started += 1
        if not self._constant:
            self._integrate(now)

    def _integrate(self, t: float) -> None:
        """On-duty server time of a scheduled lane: max(capacity, busy), hour by hour."""
        a = self._clock
        if t <= a:
            return
        b = self._started - self._ended
        cap, period = self._cap, self._period
        hour = int(a)
        if t <= hour + 1:
            c = cap[hour % period]
            self.area_duty += (c if c > b else b) * (t - a)
        else:
            while a < t:
                edge = min(t, math.floor(a) + 1.0)
                self.area_duty += max(cap[int(a) % period], b) * (edge - a)
                a = edge
        self._clock = t

    def _duty_between(
        self, a: tuple[float, float, float, float], b: tuple[float, float, float, float]
    ) -> float:
        if self._constant:  # (as :meth:`window`: its areas are not kept)
            return float(self._cap[0] * (b[0] - a[0]))
        return b[3] - a[3]

    def _busy_between(
        self, a: tuple[float, float, float, float], b: tuple[float, float, float, float], k: int
    ) -> float:
        return self._period_busy[k]  # (booked jobs clipped to the period: clip_busy)

    def clip_busy(self, s: float, e: float) -> None:
        """Book a job's busy time from ``s`` to ``e`` to the periods of the observed window
        it overlaps (as ``win_busy`` to the window)."""
        points = [self._bounds[0], *self._edges, self._bounds[1]]
        for k in range(len(points) - 1):
            lo, hi = max(s, points[k]), min(e, points[k + 1])
            if hi > lo:
                self._period_busy[k] += hi - lo

    def window(self) -> dict[str, float]:
        nan = float("nan")
        if self._win_start is None:
            return {"queue_mean": nan, "busy_mean": nan, "capacity_mean": nan, "utilisation": nan}
        if self.unlimited:
            return super().window()
        end = self._win_end or self._snapshot()
        span = end[0] - self._win_start[0]
        if self._constant:
            duty = self._cap[0] * span  # busy never exceeds a constant capacity
        else:
            duty = end[3] - self._win_start[3]
        return {
            "queue_mean": self.win_queue / span if span > 0 else nan,
            "busy_mean": self.win_busy / span if span > 0 else nan,
            "capacity_mean": duty / span if span > 0 else nan,
            "utilisation": self.win_busy / duty if duty > 0 else nan,
        }
