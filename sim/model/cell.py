"""Lanes taken together: the exam yard's bays, movers, teams and quarantine officers.

A job waits until every lane it newly needs has a free server and then takes them all at
once, so no server it takes is held idle while the job waits for another of them; a lane kept
from an earlier phase (a bay) stays busy while its job waits for the next phase's lanes. The
requests of one moment are taken together at its end, in the order (priority, consignment),
as a FIFO lane takes its own: never in the order the model happened to schedule them.
"""

from __future__ import annotations

import heapq
from collections.abc import Generator
from itertools import count
from typing import Any

import simpy

from sim.model.engine import CELL, Gather
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
        self._plan, self._period = hourly, 168  # (a longer plan: :meth:`plan`)
        self._following = hourly is not None and len(set(hourly)) > 1
        if self._following:
            env.process(self._follow_schedule())

    def plan(self, cap: list[int]) -> None:
        """Follow ``cap``, servers hour by hour from time 0 (whole weeks, repeating after
        them), instead of the weekly schedule: dated capacity windows
        (:mod:`sim.model.capacity_plan`). Called before the run starts."""
        self._plan = self.planned = list(cap)
        self._period = len(cap)
        self.capacity = cap[0]
        if not self._following and len(set(cap)) > 1:
            self._following = True
            self.env.process(self._follow_schedule())

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
        hourly, period = self._plan, self._period
        assert hourly is not None
        changes = [h for h in range(period) if hourly[h] != hourly[h - 1]]
        if not changes:
            return
        week = 0
        while True:
            for h in changes:
                t = week * period + h
                if t > self.env.now:
                    yield self.env.timeout(t - self.env.now)
                if t == 0:
                    continue
                self.integrate()
                self.capacity = hourly[h]
                if self.cell is not None:
                    self.cell.start_waiting(t)
            week += 1

    def job_done(self, requested: float, end: float, service: float, cohort: bool) -> None:
        """Book a job finished at ``end`` (for Little's law and service statistics)."""
        self.sojourn_total += end - requested
        self.jobs_total += 1
        if cohort:
            self.served += 1
            self.service_sum += service


class Cell:
    """Lanes that a job takes together: an inspection bay, move equipment, an exam team and
    quarantine officers.

    A job waits until every lane it needs has a free server and then takes them all at once,
    so no server is held idle while its job waits for another (and no deadlock can arise: a
    job may keep a bay while it asks for a team or a mover, but nobody holding a team or a
    mover ever waits). Waiting jobs start first-fit in the order (priority, arrival) whenever
    a server frees up or a shift begins. A job may need two servers of one lane (a lane
    listed twice).

    Each waiting job remembers which of its lanes was short the last time it was looked at:
    when it starts, that is the lane that held it back (the binding constraint; when several
    were short, the first of its lanes in the order bays, movers, teams, quarantine officers).
    """

    def __init__(self, env: simpy.Environment):
        self.env = env
        # waiting jobs grouped by the lanes they need: within a group only the head can be
        # next, so a wake-up looks at a handful of heads, not at every waiting job.
        # An entry: [priority, seq, event, requested, cohort, short lane]
        self._groups: dict[tuple[CellLane, ...], list[list[Any]]] = {}
        self._seq = count()
        self._asks = Gather(env, self._answer, CELL)  # requests, by the moment they are for
        self._members: list[CellLane] = []
        #: how runs of phases use the lanes, by the lanes of their phases (see
        #: :func:`sim.model.steps.phases.phase_plan`)
        self.plans: dict[tuple[tuple[Any, ...], ...], Any] = {}

    def join(self, lanes: list[Any]) -> None:
        self._members = [lane for lane in lanes if not lane.unlimited]
        for lane in lanes:
            lane.cell = self

    def waiting(self, lanes: list[CellLane]) -> int:
        """Jobs waiting that need one of ``lanes`` (each counted once)."""
        wanted = set(lanes)
        return sum(len(group) for need, group in self._groups.items() if wanted.intersection(need))

    def waiting_cohort(self, lane: CellLane) -> int:
        """Cohort jobs still waiting (never started) that need ``lane``: with those that
        started, the jobs its cohort asked of it (an overloaded lane's offered load)."""
        return sum(1 for need, group in self._groups.items() if lane in need
                   for entry in group if entry[4])  # fmt: skip

    @staticmethod
    def short(lanes: tuple[CellLane, ...]) -> CellLane | None:
        """The first lane without a free server for this job (None: all fit)."""
        if len(lanes) == len(set(lanes)):
            for lane in lanes:
                if lane.busy >= lane.capacity:
                    return lane
            return None
        for lane in lanes:
            if lane.busy + lanes.count(lane) > lane.capacity:
                return lane
        return None

    def ask(
        self, lanes: tuple[CellLane, ...], cohort: bool, priority: int, key: int, t: float
    ) -> simpy.Event:
        """Ask at time ``t`` (not before now) for one server of each lane. The requests of
        one moment are taken together after everything else at that moment (servers freed,
        shifts begun), in the order (priority, consignment), as the FIFO lane takes its own.
        The event succeeds, with (start, the lane that held the job back; None: it did not
        wait), when the job starts."""
        return self._asks.ask(t, (priority, key), (lanes, cohort, priority, t))

    def _answer(self, ev: simpy.Event, request: tuple[Any, ...]) -> None:
        lanes, cohort, priority, t = request
        if self.request(lanes, cohort, priority, ev, t):
            ev.succeed((t, None))

    def request(
        self, lanes: tuple[CellLane, ...], cohort: bool, priority: int, ev: simpy.Event, now: float
    ) -> bool:
        """Ask for one server of each lane at the moment ``now`` (exactly: the clock may be a
        unit in the last place off it); True when all are taken at once. Otherwise ``ev``
        succeeds, with (start, the lane that held the job back), when the job starts."""
        for lane in lanes:
            lane.integrate()
            lane.asked += 1
        group = self._groups.setdefault(lanes, [])
        blocking = self.short(lanes)
        if not group and blocking is None:
            for lane in lanes:
                lane.busy += 1
                if cohort:
                    lane.wait(now, 0.0)
            return True
        if blocking is None:  # behind an earlier job that needs the same lanes
            blocking = group[0][5] or lanes[0]
        heapq.heappush(group, [priority, next(self._seq), ev, now, cohort, blocking])
        for lane in lanes:
            lane.waiting_together += 1
        return False

    def release(self, lanes: tuple[CellLane, ...], now: float) -> None:
        """Free one server of each lane at the moment ``now``."""
        for lane in lanes:
            lane.integrate()
            lane.busy -= 1
        self.start_waiting(now)

    def start_waiting(self, now: float) -> None:
        """Start waiting jobs, in (priority, arrival) order, while their lanes are free (at the
        moment ``now``: their start)."""
        while True:
            best = None
            for lanes, group in self._groups.items():
                if not group:
                    continue
                head = group[0]
                blocking = self.short(lanes)
                if blocking is not None:
                    head[5] = blocking
                elif best is None or head[:2] < best[1][0][:2]:
                    best = (lanes, group)
            if best is None:
                return
            lanes, group = best
            _, _, ev, requested, cohort, blocking = heapq.heappop(group)
            for lane in lanes:
                lane.integrate()
                lane.busy += 1
                lane.waiting_together -= 1
                if cohort:
                    lane.wait(requested, now - requested)
            ev.succeed((now, blocking))


def take(
    env: simpy.Environment,
    cell: Cell,
    lanes: tuple[Any, ...],
    t: float,
    cohort: bool,
    priority: int = 0,
    key: int = 0,
) -> Generator[Any, Any, tuple[float, Any]]:
    """From time ``t``, wait for one server of each (finite, cell) lane and take them all at
    once (``key``: the consignment, which orders the requests of one moment). Returns
    (start, the lane that held the job back, or None if it did not wait)."""
    start, blocking = yield cell.ask(lanes, cohort, priority, key, max(t, env.now))
    return start, blocking


def give(
    cell: Cell, lanes: tuple[Any, ...], requested: float, start: float, end: float, cohort: bool
) -> None:
    """Release lanes taken with :func:`take` (asked at ``requested``, from ``start`` to
    ``end``)."""
    for lane in lanes:
        lane.job_done(requested, end, end - start, cohort)
    cell.release(lanes, end)


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
    requested = max(t, env.now)
    start, _ = yield from take(env, cell, finite, t, cohort, 0, c.index)
    end = start + duration
    yield env.timeout(max(end - env.now, 0.0))  # (the clock may be a unit in the last place on)
    give(cell, finite, requested, start, end, cohort)
    return start, end
