"""The staff of one unit in one role: a first-come-first-served queue with ``count`` servers.

Requests reach a unit at times the organisation computes ahead of the simulation clock, and a
request may visit several units in turn, so each is a SimPy resource (reentrant), not a FIFO
lane of the clearance flow. Utilisation, waits and the mean queue (Little's law) are measured
over the observation window, and the mean wait by week for the stability check
(:func:`sim.model.stability.staff`). Staff work around the clock unless the organisation
keeps office hours (:mod:`sim.model.org.hours`): a request then starts only while the office
is open (one being served at closing is finished), and utilisation is over the open hours.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import simpy

from sim.analysis.sketch import LogHistogram
from sim.model.engine import ORG, Gather
from sim.model.org.hours import Hours, kept
from sim.model.org.running_in import RunningIn

__all__ = ["Hours", "StaffQueue", "kept"]
from sim.model.weekly import Weekly


def _go(ev: simpy.Event, _: Any) -> None:
    ev.succeed()


class StaffQueue:
    """``count`` officers of one role at one unit, serving requests in order of arrival, at
    any hour or in office hours (``hours``); requests arriving at one moment in the order of
    their keys (not in the order the model happened to schedule them, which follows how
    arrivals were cut into blocks)."""

    def __init__(
        self,
        env: simpy.Environment,
        unit: str,
        role: str,
        count: int,
        window: tuple[float, float],
        slowdown: RunningIn | None = None,
        hours: Hours | None = None,
    ):
        self.env, self.unit, self.role, self.count = env, unit, role, count
        self.hours = hours  # (None: around the clock)
        self.resource = simpy.Resource(env, capacity=count)
        self._asks = Gather(env, _go, ORG)
        self.start, self.stop = window
        self.slowdown = slowdown or RunningIn()  # productivity lost after a structural change
        self.busy = 0.0  # service hours inside the window
        self.wait_total = 0.0  # waits of requests arriving inside the window
        self.waits = LogHistogram()
        self.weekly = Weekly()  # by the week of request
        self.jobs = 0

    def service_time(self, t: float, service: float) -> float:
        """A request's service, longer while a structural change is being run in."""
        return self.slowdown.service(t, service)

    def serve(
        self, t: float, service: float, key: float = 0.0
    ) -> Generator[simpy.Event, Any, float]:
        """Queue a request that arrives at ``t`` (not before now); return when it is done.
        ``key``: its place among the requests of that moment (a keyed draw of its own)."""
        env = self.env
        yield self._asks.ask(t, key, None)
        service = self.service_time(t, service)
        with self.resource.request() as req:
            yield req
            closed = self.hours.until_open(env.now) if self.hours is not None else 0.0
            if closed > 0:  # (an officer free while the office is shut starts at opening)
                yield env.timeout(closed)
            begin = env.now
            yield env.timeout(service)
        end = begin + service
        self.busy += max(0.0, min(end, self.stop) - max(begin, self.start))
        if self.start <= t < self.stop:
            self.jobs += 1
            self.wait_total += begin - t
            self.waits.add(begin - t)
            self.weekly.add(t, begin - t)
        return end

    def weekly_waits(self) -> dict[int, float]:
        """Mean wait of requests by the week (of the run) in which they arrived, inside the
        observation window (for the stability check)."""
        return self.weekly.means()

    def result_row(self) -> dict[str, Any]:
        """A row of the resources table: port ``org/<unit>``, lane the role."""
        span = self.stop - self.start
        # (utilisation over the hours it is open, as a lane's over its hours on duty)
        duty = span if self.hours is None else self.hours.open_between(self.start, self.stop)
        return {
            "port": f"org/{self.unit}",
            "lane": self.role,
            "queue_mean": self.wait_total / span if span > 0 else float("nan"),
            "busy_mean": self.busy / span if span > 0 else float("nan"),
            "capacity_mean": float(self.count),
            "utilisation": self.busy / (duty * self.count) if duty > 0 else float("nan"),
            "wait_mean_h": self.waits.mean,
            "wait_p90_h": self.waits.quantile(0.9),
            "served": self.jobs,
            "jobs_total": self.jobs,
        }
