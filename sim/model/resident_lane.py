"""A border-resident lane: honest members and smugglers' carriers at the same officers.

A ``border_resident_trade`` route with a ``lane`` (:mod:`sim.scenario.resident_lane`) has
members crossing with their own goods under the daily allowance, at even rates while the
route is open, and the residents hired to carry a smuggling group's load, ``ceil(value /
allowance)`` of them, joining the queue when the load crosses. Each crossing is served first
come first served by one of the officers on duty (the route's patrol schedule: officer ``i``
works in the hours when more than ``i`` are on duty; a crossing in progress at a shift's end
finishes). The queue is booked analytically at each arrival, in time order, so a booking
never moves an earlier one. A load is caught when its patrol stops it (as without a lane) or
when a detailed check of any of its carriers finds it; the group learns the outcome when its
last carrier has passed. The lane's draws come from its own keyed streams, so a run without
a lane draws as before, and a lane leaves the groups' own draws alone.

What it measures, over crossings that arrive in the observed window: the members' wait for
an officer and time at the lane, the share of crossings that were smugglers' carriers, and
the loads a detailed check found (:func:`lane_metrics`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.analysis.sketch import LogHistogram
from sim.model.arrivals import arrival_times
from sim.model.streams import group_stream
from sim.scenario.schema import Arrivals

if TYPE_CHECKING:
    import simpy

    from sim.scenario.smuggling import Route

#: the lane's streams (keyed by ``lane <route>``, never a group's name: those have no space)
MEMBER_TIMES, MEMBER_DRAWS, CARRIER_DRAWS = range(3)
#: the members' work over the officers' open hours above which a run warns
LOAD_WARN = 0.95
#: members' mean wait (hours) on the last observed day above which a run warns (measured:
#: members do not cross the day they come, whoever fills the queue)
BACKLOG_WARN_H = 24.0
#: units of the lane's metrics that are not times or shares (:func:`metric_unit`)
UNITS = {
    "resident_lane_members": "crossings",
    "resident_lane_carriers": "crossings",
    "resident_lane_loads_found": "attempts",
}


def on_duty_after(staff: list[int], servers: int) -> np.ndarray:
    """``out[i, h]``: hours from the start of hour-of-week ``h`` until officer ``i`` is on
    duty (0: on duty in ``h``; inf: never)."""
    on = np.array([[s > i for s in staff] for i in range(servers)], bool).reshape(servers, 168)
    out = np.full((servers, 168), math.inf)
    for i in range(servers):
        hours = np.flatnonzero(on[i])
        if hours.size:
            ahead = (hours[None, :] - np.arange(168)[:, None]) % 168  # (h, on-duty hour)
            out[i] = ahead.min(axis=1)
    return out


class FifoOfficers:
    """First come first served booking at officers whose number follows a weekly schedule."""

    def __init__(self, staff: list[int]):
        servers = max(staff)
        self.after = on_duty_after(staff, servers)
        self.free = np.zeros(servers)

    def book(self, arrival: float, service: float) -> float:
        """Book one crossing arriving at ``arrival`` (not before any booked so far): the
        start of its service at the officer who can start it first."""
        ready = np.maximum(self.free, arrival)
        hour = np.floor(ready)
        wait = self.after[np.arange(len(ready)), (hour % 168).astype(int)]
        start = np.where(wait == 0, ready, hour + wait)
        i = int(np.argmin(start))
        self.free[i] = start[i] + service
        return float(start[i])


class ResidentLaneRun:
    """One route's lane over a run: members' arrivals, carriers' bookings, the tallies."""

    def __init__(
        self,
        env: simpy.Environment,
        name: str,
        route: Route,
        seed: np.random.SeedSequence,
        window: tuple[float, float],
    ):
        assert route.lane is not None and route.patrol is not None
        self.env, self.name, self.route, self.spec = env, name, route, route.lane
        self.warmup, self.stop = window
        self.officers = FifoOfficers(route.patrol.weekly())
        key = f"lane {name}"
        self.times_rng = group_stream(seed, key, MEMBER_TIMES)
        self.member_rng = group_stream(seed, key, MEMBER_DRAWS)
        self.carrier_rng = group_stream(seed, key, CARRIER_DRAWS)
        # streamed: memory does not grow with the members (p90 within the sketch's 1 %)
        self.member_waits = LogHistogram()
        self.last_day_waits = LogHistogram()
        self.member_times = LogHistogram()
        self.members_checked = 0
        self.carriers = 0
        self.loads_found = 0

    def start(self) -> None:
        self.env.process(self._members())

    def _observed(self, t: float) -> bool:
        return self.warmup <= t < self.stop

    def _cross(self, t: float, u: np.ndarray) -> tuple[float, float, bool]:
        """Book one crossing at ``t`` with uniforms ``u`` (service, checked, check time):
        its start, its end, and whether it had a detailed check."""
        lane = self.spec
        checked = bool(u[1] < lane.check_share)
        service = float(lane.service.ppf(u[0:1])[0])
        if checked:
            service += float(lane.check.ppf(u[2:3])[0])
        start = self.officers.book(t, service)
        return start, start + service, checked

    def _members(self) -> Generator[Any, Any, None]:
        hourly = [1.0] * 24
        if self.route.open_hours is not None:
            hourly = [float(self.route.opens(h + 0.5) == h + 0.5) for h in range(24)]
        profile = Arrivals.model_construct(
            rate=self.spec.members, hourly=hourly, weekly=[1.0] * 7
        )
        for times in arrival_times(profile, self.times_rng, self.stop):
            draws = self.member_rng.random((len(times), 3))
            for t, u in zip(times.tolist(), draws, strict=True):
                if t > self.env.now:
                    yield self.env.timeout(t - self.env.now)
                start, end, checked = self._cross(t, u)
                if self._observed(t):
                    self.member_waits.add(start - t)
                    if t >= self.stop - 24.0:
                        self.last_day_waits.add(start - t)
                    self.member_times.add(end - t)
                    self.members_checked += checked

    def carry(
        self, value: float, caught: bool, observed: bool, settle: Callable[[bool], None]
    ) -> None:
        """A smuggling load of ``value`` crosses now, split among carriers; ``settle`` is told
        whether it was caught (``caught``: stopped by the patrol) when its last carrier has
        passed. ``observed``: the attempt counts in the observed window (as the smuggling
        tables count it, by the day of its opportunity)."""
        t, lane = self.env.now, self.spec
        n = max(1, math.ceil(value / lane.allowance))
        draws = self.carrier_rng.random((n, 4))
        last, found = t, False
        for u in draws:
            _, end, checked = self._cross(t, u)
            last = max(last, end)
            found = found or (checked and bool(u[3] < lane.finds))
        if observed:
            self.carriers += n
        at = self.env.timeout(last - t)
        at.callbacks.append(lambda _: self._told(settle, caught, found, observed))

    def _told(
        self, settle: Callable[[bool], None], caught: bool, found: bool, observed: bool
    ) -> None:
        """The load's last carrier has passed: counted as found (as the group's ledger counts
        it caught, only once it is told) and the group told."""
        if observed:
            self.loads_found += found
        settle(caught or found)

    def warning(self) -> str | None:
        """A plain-language warning when the members alone bring more work than the officers
        on duty can do, or else when members still waited more than a day at the end (hired
        carriers filled the queue): either way the queue grows all run."""
        return self._overload() or self._backlog()

    def _backlog(self) -> str | None:
        mean = self.last_day_waits.mean
        if not mean > BACKLOG_WARN_H:  # (NaN: none came that day)
            return None
        return (
            f"resident lane of route {self.name!r}: members who came on the last observed day "
            f"waited {mean:.0f} hours on average (members and hired carriers "
            "queue at its officers); the queue grows all run and its waits depend on the "
            "run's length (add officers, or check a larger allowance: fewer carriers a load)"
        )

    def _overload(self) -> str | None:
        lane, staff = self.spec, self.route.patrol.weekly() if self.route.patrol else []
        per_crossing = float(lane.service.mean) + lane.check_share * float(lane.check.mean)
        open_hours = [self.route.opens(h + 0.5) == h + 0.5 for h in range(168)]
        officer_hours = sum(s for s, o in zip(staff, open_hours, strict=True) if o)
        work = lane.members * 168 * per_crossing  # (members: per hour)
        if work <= LOAD_WARN * officer_hours:
            return None
        return (
            f"resident lane of route {self.name!r}: members bring {work:.0f} officer-hours of "
            f"work a week, its officers on duty in the open hours give {officer_hours}; the "
            "queue grows all run and its waits depend on the run's length (add officers to "
            "its patrol schedule, or fewer members, a shorter service or check)"
        )

    def summary(self) -> dict[str, float]:
        """The lane's metrics over the observed window, named with the route."""
        waits, times = self.member_waits, self.member_times
        members, carriers = len(waits), self.carriers
        nan = math.nan
        suffix = f"_route_{self.name}"
        return {
            f"resident_lane_members{suffix}": float(members),
            f"resident_lane_carriers{suffix}": float(carriers),
            f"resident_lane_smuggled_share{suffix}": (
                carriers / (members + carriers) if members + carriers else nan
            ),
            f"resident_lane_member_wait_h_mean{suffix}": waits.mean if members else nan,
            f"resident_lane_member_wait_h_p90{suffix}": (
                waits.quantile(0.9) if members else nan
            ),
            f"resident_lane_member_time_h_mean{suffix}": times.mean if members else nan,
            f"resident_lane_member_checked_share{suffix}": (
                self.members_checked / members if members else nan
            ),
            f"resident_lane_loads_found{suffix}": float(self.loads_found),
        }
