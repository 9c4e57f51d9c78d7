"""Lanes: pools of identical servers whose capacity may follow a staffing schedule.

SimPy's resources cannot change capacity, and placeholder "blocking" requests would show up in
queues and utilisation. Here only consignments ever queue or count as busy. Two kinds:

- :class:`sim.model.fifo.FifoLane` (officers' desks, scanners, a gate): first come first
  served, booked analytically when asked; a flow visits it with :func:`serve`;
- :class:`Lane`, a member of a :class:`Cell` (bay, movers, team, quarantine officers): a job
  takes one server of several lanes at once, through SimPy events; a flow uses :func:`hold`.

When capacity drops, jobs in progress finish and no new job starts until the busy count is
below the new capacity. Statistics are streamed: time-weighted areas (queue, busy, on duty)
over the observation window and over the whole run (Little's law), and a histogram of the
waits of cohort consignments.
"""

from __future__ import annotations

import heapq
from collections.abc import Generator
from itertools import count
from typing import Any

import numpy as np
import simpy

from sim.analysis.sketch import LogHistogram


class LaneStats:
    """What every lane measures: time-weighted areas and the waits of cohort consignments."""

    def __init__(self, env: simpy.Environment, port: str, name: str, hourly: list[int] | None):
        self.env, self.port, self.name = env, port, name
        self.unlimited = hourly is None
        self.hourly = hourly
        # whole-run integrals (Little's law) and window snapshots
        self.area_queue = self.area_busy = self.area_duty = 0.0
        self.sojourn_total = 0.0
        self.jobs_total = 0
        self._win_start: tuple[float, float, float, float] | None = None
        self._win_end: tuple[float, float, float, float] | None = None
        # cohort statistics
        self.waits = LogHistogram()
        self.service_sum = 0.0
        self.served = 0

    def _advance(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def delay(self, service: float, cohort: bool) -> None:
        """An unlimited lane: no queue, the job simply takes its time."""
        self.jobs_total += 1
        self.area_busy += service
        self.sojourn_total += service
        if cohort:
            self.served += 1
            self.service_sum += service
            self.waits.add(0.0)

    def delay_many(self, services: np.ndarray, cohort: np.ndarray) -> None:
        """:meth:`delay` for many jobs at once (consignments finished in bulk)."""
        self.jobs_total += len(services)
        total = float(services.sum())
        self.area_busy += total
        self.sojourn_total += total
        mine = services[cohort]
        self.served += len(mine)
        self.service_sum += float(mine.sum())
        self.waits.add_many(np.zeros(len(mine)))

    # -- observation window ------------------------------------------------------------
    def _snapshot(self) -> tuple[float, float, float, float]:
        self._advance()
        return (self.env.now, self.area_queue, self.area_busy, self.area_duty)

    def open_window(self) -> None:
        self._win_start = self._snapshot()

    def close_window(self) -> None:
        self._win_end = self._snapshot()

    def window(self) -> dict[str, float]:
        """Time-weighted statistics over the observation window."""
        nan = float("nan")
        if self._win_start is None:
            return {"queue_mean": nan, "busy_mean": nan, "capacity_mean": nan, "utilisation": nan}
        end = self._win_end or self._snapshot()
        span = end[0] - self._win_start[0]
        queue = end[1] - self._win_start[1]
        busy = end[2] - self._win_start[2]
        duty = end[3] - self._win_start[3]
        if self.unlimited:
            return {
                "queue_mean": 0.0,
                "busy_mean": nan,
                "capacity_mean": float("inf"),
                "utilisation": nan,
            }
        return {
            "queue_mean": queue / span if span > 0 else nan,
            "busy_mean": busy / span if span > 0 else nan,
            "capacity_mean": duty / span if span > 0 else nan,
            "utilisation": busy / duty if duty > 0 else nan,
        }


class Lane(LaneStats):
    """Servers taken through SimPy events, as one of the lanes of a :class:`Cell` (bays,
    movers, teams, quarantine officers) where a job needs several at once. The cell keeps the
    waiting jobs; the lane keeps its capacity, which follows the staffing schedule."""

    booked = False

    def __init__(self, env: simpy.Environment, port: str, name: str, hourly: list[int] | None):
        super().__init__(env, port, name, hourly)
        self.capacity = 0 if hourly is None else hourly[0]
        self.busy = 0
        self.waiting_together = 0  # jobs waiting in the cell that need this lane
        self.cell: Cell | None = None
        self._last = 0.0
        if hourly is not None and len(set(hourly)) > 1:
            env.process(self._follow_schedule())

    @property
    def queue_length(self) -> int:
        return self.waiting_together

    def _advance(self) -> None:
        now = self.env.now
        dt = now - self._last
        if dt > 0:
            self.area_queue += self.waiting_together * dt
            self.area_busy += self.busy * dt
            self.area_duty += max(self.capacity, self.busy) * dt
            self._last = now

    def _follow_schedule(self) -> Generator[simpy.Event, Any, None]:
        """Change capacity on the hour the schedule says; a new shift may start waiting jobs.
        (A lane's own process: it never queues and never counts as busy.)"""
        hourly = self.hourly
        assert hourly is not None
        changes = [h for h in range(168) if hourly[h] != hourly[h - 1]]
        week = 0
        while True:
            for h in changes:
                t = week * 168 + h
                if t > self.env.now:
                    yield self.env.timeout(t - self.env.now)
                if t == 0:
                    continue
                self._advance()
                self.capacity = hourly[h]
                if self.cell is not None:
                    self.cell.start_waiting()
            week += 1

    def job_done(self, requested: float, service: float, cohort: bool) -> None:
        """Book a finished job (for Little's law and service statistics)."""
        self.sojourn_total += self.env.now - requested
        self.jobs_total += 1
        if cohort:
            self.served += 1
            self.service_sum += service


class Booking:
    """A deferred visit to a FIFO lane: the flow waits here until the lane books it."""

    __slots__ = ("lane", "r", "key", "service", "cohort", "proceed")

    def __init__(self, lane: Any, r: float, key: int, service: float, cohort: bool):
        self.lane, self.r, self.key, self.service, self.cohort = lane, r, key, service, cohort
        self.proceed: Any = None  # set by whoever drives the flow: called with (start, end)


def serve(
    env: simpy.Environment, lane: Any, t: float, service: float, c: Any
) -> Generator[Any, Any, tuple[float, float]]:
    """Queue at ``lane`` from time ``t`` and be served for ``service`` hours.

    Returns (start, end). An unlimited lane costs no event: the times are arithmetic. A FIFO
    lane fixes start and end when the request is made, so the flow only waits (one timeout)
    until its request time; a consignment whose only lane visit this is (``c.deferred``) does
    not even wait: it hands the lane a :class:`Booking`, and the lane books it in time order.
    """
    cohort = c.cohort
    if lane.unlimited:
        lane.delay(service, cohort)
        return t, t + service
    if c.deferred:  # (asked no earlier than now: before time 0 means at time 0)
        start, end = yield Booking(lane, max(t, env.now), c.index, service, cohort)
    else:
        if t > env.now:
            yield env.timeout(t - env.now)
        start, end = lane.book(service, cohort, c.index)
    if end == float("inf"):  # no server will ever come: wait for ever (censored)
        yield env.event()
    return start, end


class Cell:
    """Lanes that a job takes together: an inspection bay, move equipment, an exam team and
    quarantine officers.

    A job waits until every lane it needs has a free server and then takes them all at once,
    so no server is held idle while its job waits for another (and no deadlock can arise).
    Waiting jobs start first-fit in (priority, arrival) order whenever a server frees up or a
    shift begins.
    """

    def __init__(self, env: simpy.Environment):
        self.env = env
        # waiting jobs grouped by the lanes they need: within a group only the head can be
        # next, so a wake-up looks at a handful of heads, not at every waiting job
        self._groups: dict[tuple[Lane, ...], list[tuple[float, int, simpy.Event, float, bool]]]
        self._groups = {}
        self._seq = count()
        self._members: list[Lane] = []

    def join(self, lanes: list[Lane]) -> None:
        self._members = [lane for lane in lanes if not lane.unlimited]
        for lane in lanes:
            lane.cell = self

    def request(self, lanes: tuple[Lane, ...], priority: float, cohort: bool) -> simpy.Event | None:
        """Ask for one server of each lane now; None when all are taken at once."""
        for lane in lanes:
            lane._advance()
        group = self._groups.setdefault(lanes, [])
        if not group and all(lane.busy < lane.capacity for lane in lanes):
            for lane in lanes:
                lane.busy += 1
                if cohort:
                    lane.waits.add(0.0)
            return None
        ev = self.env.event()
        heapq.heappush(group, (priority, next(self._seq), ev, self.env.now, cohort))
        for lane in lanes:
            lane.waiting_together += 1
        return ev

    def release(self, lanes: tuple[Lane, ...]) -> None:
        for lane in lanes:
            lane._advance()
            lane.busy -= 1
        self.start_waiting()

    def start_waiting(self) -> None:
        """Start waiting jobs, earliest (priority, arrival) first, while their lanes are free."""
        now = self.env.now
        while True:
            best = None
            for lanes, group in self._groups.items():
                if group and (best is None or group[0][:2] < best[1][0][:2]):
                    if all(lane.busy < lane.capacity for lane in lanes):
                        best = (lanes, group)
            if best is None:
                return
            lanes, group = best
            _, _, ev, requested, cohort = heapq.heappop(group)
            for lane in lanes:
                lane._advance()
                lane.busy += 1
                lane.waiting_together -= 1
                if cohort:
                    lane.waits.add(now - requested)
            ev.succeed()


def hold(
    env: simpy.Environment,
    cell: Cell,
    lanes: list[Lane],
    t: float,
    duration: float,
    c: Any,
) -> Generator[Any, Any, tuple[float, float]]:
    """Take one server of each lane together, from time ``t``, for ``duration``.

    Returns (start, end). Unlimited lanes are pure delays; with none finite, no event; with
    one finite lane (then a FIFO lane, see PortModel) it is :func:`serve`.
    """
    cohort, priority = c.cohort, 0.0
    finite = tuple(lane for lane in lanes if not lane.unlimited)
    for lane in lanes:
        if lane.unlimited:
            lane.delay(duration, cohort)
    if not finite:
        return t, t + duration
    if len(finite) == 1 and finite[0].booked:
        return (yield from serve(env, finite[0], t, duration, c))
    if t > env.now:
        yield env.timeout(t - env.now)
    requested = env.now
    ev = cell.request(finite, priority, cohort)
    if ev is not None:
        yield ev
    start = env.now
    yield env.timeout(duration)
    for lane in finite:
        lane.job_done(requested, duration, cohort)
    cell.release(finite)
    return start, env.now
