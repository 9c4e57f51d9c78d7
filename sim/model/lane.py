"""Lanes: pools of identical servers whose capacity may follow a staffing schedule.

SimPy's resources cannot change capacity, and placeholder "blocking" requests would show up in
queues and utilisation. Here only consignments ever queue or count as busy. Two kinds share the
:class:`Lane` protocol:

- :class:`sim.model.fifo.FifoLane` (officers' desks, scanners, a gate): first come first
  served, booked analytically when asked; a journey visits it with :func:`serve`;
- :class:`sim.model.cell.CellLane`, a member of a :class:`sim.model.cell.Cell` (bay, movers,
  team, quarantine officers): a job takes one server of several lanes at once, through SimPy
  events; a journey uses :func:`sim.model.cell.hold`.

When capacity drops, jobs in progress finish and no new job starts until the busy count is
below the new capacity. Statistics are streamed: time-weighted areas (queue, busy, on duty)
over the observation window and over the whole run (its bookkeeping: the areas equal the
jobs' summed times; Little's law is checked with the window's figures, see
:mod:`sim.model.lane_law`), and a histogram of the waits of cohort consignments. Reading a
lane's state has no side effects: it is the state as of the lane's last :meth:`Lane.sync`,
which the model calls where it needs the present.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Generator, Sequence
from typing import Any, Protocol

import numpy as np
import simpy

from sim.analysis.sketch import LogHistogram
from sim.model.weekly import Weekly


class Lane(Protocol):
    """What the model and its results read of any lane."""

    port: str
    name: str
    unlimited: bool
    hourly: list[int] | None
    waits: LogHistogram
    served: int
    waited: int
    asked_window: list[int]
    service_sum: float
    jobs_total: int
    sojourn_total: float
    area_queue: float
    area_busy: float

    @property
    def queue_length(self) -> int: ...

    @property
    def busy(self) -> int: ...

    @property
    def capacity(self) -> int: ...

    def sync(self) -> None:
        """Bring the lane's state (and its time-weighted areas) up to now."""

    def delay(self, service: float, cohort: bool) -> None: ...

    def delay_many(self, services: np.ndarray, cohort: np.ndarray) -> None: ...

    def open_window(self) -> None: ...

    def close_window(self) -> None: ...

    def mark_period(self) -> None: ...

    def period_duty(self) -> list[float]: ...

    def set_periods(self, marks: Sequence[float]) -> None: ...

    def period_stats(self) -> list[dict[str, float]]: ...

    def window(self) -> dict[str, float]: ...

    def result_row(self) -> dict[str, Any]: ...

    def weekly_waits(self) -> dict[int, float]: ...


class LaneStats:
    """What every lane measures: time-weighted areas and the waits of cohort consignments."""

    def __init__(self, env: simpy.Environment, port: str, name: str, hourly: list[int] | None):
        self.env, self.port, self.name = env, port, name
        self.unlimited = hourly is None
        self.hourly = hourly
        # whole-run integrals (bookkeeping: areas = summed times) and window snapshots
        self.area_queue = self.area_busy = self.area_duty = 0.0
        self.sojourn_total = 0.0
        self.jobs_total = 0
        self.asked = 0  # jobs asked of a cell lane (a FIFO lane counts its requests)
        self.asked_window: list[int] = []  # jobs asked by the window's start and end
        self._win_start: tuple[float, float, float, float] | None = None
        self._win_end: tuple[float, float, float, float] | None = None
        self._marks: list[tuple[float, float, float, float]] = []  # periods' starts within
        self._edges: list[float] = []  # (where they begin: set_periods)
        self._period_busy: list[float] = []  # (a FIFO lane's busy hours by period)
        self._period_waits: list[list[float]] = []  # (cohort waits' sum and count by period)
        # cohort statistics
        self.waits = LogHistogram()
        self.weekly = Weekly()  # by the week of request
        self.service_sum = 0.0
        self.served = 0
        self.waited = 0  # cohort jobs whose wait was above 0 (Erlang C's chance to wait)

    def wait(self, requested: float, wait: float) -> None:
        """Book the wait of a cohort job (its histogram, and its week's mean for the
        stability check)."""
        self.waits.add(wait)
        if wait > 0:
            self.waited += 1
        self.weekly_wait(requested, wait)
        if self._edges:
            self.period_wait(requested, wait)

    def set_periods(self, marks: Sequence[float]) -> None:
        """Where a timeline's periods begin within the observed window, known before the
        run: each period's busy time and cohort waits are then tallied apart (sums, one per
        period, not lists)."""
        self._edges = list(marks)
        self._period_busy = [0.0] * (len(marks) + 1)
        self._period_waits = [[0.0, 0.0] for _ in range(len(marks) + 1)]

    def period_wait(self, requested: float, wait: float) -> None:
        """Book a cohort job's wait to the period in which it asked."""
        tally = self._period_waits[bisect_right(self._edges, requested)]
        tally[0] += wait
        tally[1] += 1.0

    def weekly_wait(self, requested: float, wait: float) -> None:
        """Book a cohort job's wait into its week's mean only (the stability check's)."""
        self.weekly.add(requested, wait)

    def weekly_waits(self) -> dict[int, float]:
        """Mean wait of cohort jobs by the week (of the run) in which they asked."""
        return self.weekly.means()

    def sync(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def integrate(self) -> None:
        """Bring the time-weighted areas up to now (for the observation window)."""
        self.sync()

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
        self.integrate()
        return (self.env.now, self.area_queue, self.area_busy, self.area_duty)

    def asked_count(self) -> int:
        """Jobs asked of the lane so far (as of its last sync): the arrival count."""
        return self.asked

    def open_window(self) -> None:
        self._win_start = self._snapshot()
        self.asked_window = [self.asked_count()]

    def close_window(self) -> None:
        self._win_end = self._snapshot()
        self.asked_window.append(self.asked_count())

    def mark_period(self) -> None:
        """Snapshot the areas where a timeline's period begins within the observed window,
        so that the time on duty splits by period (areas: nothing kept per consignment)."""
        self._marks.append(self._snapshot())

    def period_duty(self) -> list[float]:
        """Server-hours on duty (overtime included) in each period's part of the observed
        window, between its start, the marks (:meth:`mark_period`) and its end."""
        if self._win_start is None:
            return []
        points = [self._win_start, *self._marks, self._win_end or self._snapshot()]
        return [self._duty_between(a, b) for a, b in zip(points, points[1:], strict=False)]

    def _duty_between(
        self, a: tuple[float, float, float, float], b: tuple[float, float, float, float]
    ) -> float:
        return b[3] - a[3]

    def _busy_between(
        self, a: tuple[float, float, float, float], b: tuple[float, float, float, float], k: int
    ) -> float:
        return b[2] - a[2]

    def period_stats(self) -> list[dict[str, float]]:
        """Each period's part of the observed window (:meth:`set_periods`): its utilisation
        (busy over on-duty time) and its cohort jobs' mean wait, by the hour they asked.
        Empty without periods, and for an unlimited lane."""
        if not self._edges or self.unlimited or self._win_start is None:
            return []
        nan = float("nan")
        points = [self._win_start, *self._marks, self._win_end or self._snapshot()]
        out = []
        for k, (a, b) in enumerate(zip(points, points[1:], strict=False)):
            duty, busy = self._duty_between(a, b), self._busy_between(a, b, k)
            total, n = self._period_waits[k]
            out.append({"utilisation": busy / duty if duty > 0 else nan,
                        "wait_h_mean": total / n if n else nan})  # fmt: skip
        return out

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

    def result_row(self) -> dict[str, Any]:
        """The lane's row of the resources table."""
        return {
            "lane": self.name,
            **self.window(),
            "wait_mean_h": self.waits.mean,
            "wait_p90_h": self.waits.quantile(0.9),
            "served": self.served,
            "service_mean_h": self.service_sum / self.served if self.served else float("nan"),
            "jobs_total": self.jobs_total,
            "sojourn_total_h": self.sojourn_total,
            "area_total": self.area_queue + self.area_busy,
        }


def negative_service(lane: Any, service: float, who: str) -> ValueError:
    """The error for a negative service time at ``lane`` (``who``: the step, or the rows):
    a code mistake (a scenario's durations are checked on load), so the run stops."""
    return ValueError(
        f"a negative service time, {service:g} h, at lane {lane.name} of port {lane.port} "
        f"({who}): a duration a step or a draw's transform gave must be >= 0"
    )


class Booking:
    """A deferred visit to a FIFO lane: the flow waits here until the lane books it."""

    __slots__ = ("lane", "r", "key", "service", "cohort", "wake", "proceed")

    def __init__(
        self, lane: Any, r: float, key: int, service: float, cohort: bool, wake: bool = False
    ):
        self.lane, self.r, self.key, self.service, self.cohort = lane, r, key, service, cohort
        self.wake = wake  # the journey must carry on at ``r`` (else: when the lane next books)
        self.proceed: Any = None  # set by whoever drives the flow: called with (start, end)


def serve(
    env: simpy.Environment, lane: Any, t: float, service: float, c: Any
) -> Generator[Any, Any, tuple[float, float]]:
    """Queue at ``lane`` from time ``t`` and be served for ``service`` hours.

    Returns (start, end). An unlimited lane costs no event: the times are arithmetic. A FIFO
    lane fixes start and end when the request is made: a request for a later time is handed
    to the lane as a :class:`Booking`, which the lane books at that time (requests at one time
    in arrival order), and the journey carries on then; a consignment whose only lane visit
    this is (``c.deferred``) need not even carry on at that time: the lane books it whenever
    it next books.
    """
    cohort = c.cohort
    if lane.unlimited:
        lane.delay(service, cohort)
        return t, t + service
    if c.deferred:  # (asked no earlier than now: before time 0 means at time 0)
        start, end = yield Booking(lane, max(t, env.now), c.index, service, cohort)
    else:  # (now too: the requests of one moment go in arrival order)
        start, end = yield Booking(lane, max(t, env.now), c.index, service, cohort, wake=True)
    if end == float("inf"):  # no server will ever come: wait for ever (censored)
        yield env.event()
    return start, end
