"""Lanes taken together: the exam yard's bays, movers, teams and quarantine officers.

A job waits until every lane it needs has a free server and then takes them all at once, so
no server is held idle while its job waits for another and no deadlock can arise.
"""

from __future__ import annotations

import heapq
from collections.abc import Generator
from itertools import count
from typing import Any

import simpy

from sim.model.lane import LaneStats, serve


class CellLane(LaneStats):
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

    def sync(self) -> None:
        """Nothing to do: a cell lane's state is kept current by its events."""

    def integrate(self) -> None:
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
                self.integrate()
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


class Cell:
    """Lanes that a job takes together: an inspection bay, move equipment, an exam team and
    quarantine officers.

    A job waits until every lane it needs has a free server and then takes them all at once,
    so no server is held idle while its job waits for another (and no deadlock can arise).
    Waiting jobs start first-fit in arrival order whenever a server frees up or a
    shift begins.
    """

    def __init__(self, env: simpy.Environment):
        self.env = env
        # waiting jobs grouped by the lanes they need: within a group only the head can be
        # next, so a wake-up looks at a handful of heads, not at every waiting job
        self._groups: dict[tuple[CellLane, ...], list[tuple[int, simpy.Event, float, bool]]]
        self._groups = {}
        self._seq = count()
        self._members: list[CellLane] = []

    def join(self, lanes: list[Any]) -> None:
        self._members = [lane for lane in lanes if not lane.unlimited]
        for lane in lanes:
            lane.cell = self

    def request(self, lanes: tuple[CellLane, ...], cohort: bool) -> simpy.Event | None:
        """Ask for one server of each lane now; None when all are taken at once."""
        for lane in lanes:
            lane.integrate()
        group = self._groups.setdefault(lanes, [])
        if not group and all(lane.busy < lane.capacity for lane in lanes):
            for lane in lanes:
                lane.busy += 1
                if cohort:
                    lane.wait(self.env.now, 0.0)
            return None
        ev = self.env.event()
        heapq.heappush(group, (next(self._seq), ev, self.env.now, cohort))
        for lane in lanes:
            lane.waiting_together += 1
        return ev

    def release(self, lanes: tuple[CellLane, ...]) -> None:
        for lane in lanes:
            lane.integrate()
            lane.busy -= 1
        self.start_waiting()

    def start_waiting(self) -> None:
        """Start waiting jobs, earliest arrival first, while their lanes are free."""
        now = self.env.now
        while True:
            best = None
            for lanes, group in self._groups.items():
                if group and (best is None or group[0][0] < best[1][0][0]):
                    if all(lane.busy < lane.capacity for lane in lanes):
                        best = (lanes, group)
            if best is None:
                return
            lanes, group = best
            _, ev, requested, cohort = heapq.heappop(group)
            for lane in lanes:
                lane.integrate()
                lane.busy += 1
                lane.waiting_together -= 1
                if cohort:
                    lane.wait(requested, now - requested)
            ev.succeed()


def hold(
    env: simpy.Environment,
    cell: Cell,
    lanes: list[Any],
    t: float,
    duration: float,
    c: Any,
) -> Generator[Any, Any, tuple[float, float]]:
    """Take one server of each lane together, from time ``t``, for ``duration``.

    Returns (start, end). Unlimited lanes are pure delays; with none finite, no event; with
    one finite lane (then a FIFO lane, see :class:`sim.model.port.Port`) it is :func:`serve`.
    """
    cohort = c.cohort
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
    ev = cell.request(finite, cohort)
    if ev is not None:
        yield ev
    start = env.now
    yield env.timeout(duration)
    for lane in finite:
        lane.job_done(requested, duration, cohort)
    cell.release(finite)
    return start, env.now
