"""A land crossing's approach: trucks that reached the crossing wait there until it has room.

The crossing holds at most ``inside`` trucks at once (``[ports.<port>.approach]``,
:mod:`sim.scenario.approach`). A truck reaches the approach (its moment ``reached``); it
enters the crossing (its ``arrived``, where its flow starts) when fewer than ``inside``
trucks are inside, in the order the trucks reached it, and no earlier than a dated hold of
the port's arrivals lets it in (a closed gate: :mod:`holds`). It counts as inside until its
flow ends (an import's ``exited``, an export's ``loaded``, a seizure or a rejection: when
the journey books it). Waiting, the first ``parking`` trucks stand in the parking area and
the rest on the road.

Every consignment a port with an approach makes (imports, exports, a surge's) is one truck
and queues; its flow is handed on at its entry, as a flow (no bulk block: a truck's leaving
frees its space at its own time), but an advance declaration is lodged from its reaching and
reviewed while it waits (:mod:`approach_docs`), and the observed cohort takes it by when it
reached the approach (the day's traffic: docs/trucks.md).
Smuggling groups' attempts at the port (:mod:`smuggled`) do not queue. Without the section
no process starts and no number is drawn: the port runs as before.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import simpy

from sim.analysis.sketch import LogHistogram
from sim.model.approach_ahead import at_entry, drawn_ahead
from sim.model.approach_docs import QueuedDocs, lodged_from
from sim.model.approach_left import StillQueued, left_behind, left_metrics
from sim.model.approach_settle import DailyWaiting, unsettled
from sim.model.consignment import Consignment
from sim.model.milestones import M

if TYPE_CHECKING:
    from sim.model.port import Port

#: what an approach hands a truck on to at its entry: (index, arrived, uniforms, export,
#: reached: when it reached the approach, which places it in the observed cohort)
Enter = Callable[[np.ndarray, np.ndarray, np.ndarray, bool, np.ndarray], None]


class Approach:
    """One land crossing's approach queue and its tallies over the observed window."""

    def __init__(self, port: Port, inside: int, parking: int, enter: Enter, log: bool = False):
        self.env, self.name, self.enter, self.inside = port.env, port.name, enter, inside
        self.port = port
        self.warmup, self.stop = port.warmup, port.stop
        self.gate = simpy.Resource(port.env, capacity=inside)
        self.parking = parking
        self.held: dict[int, Any] = {}  # truck index -> its request for a place inside
        #: truck index -> when it reached the approach: only for the log's ``reached`` column
        #: (without a log, memory does not grow with the trucks)
        self.reached: dict[int, float] | None = {} if log else None
        self.most_inside = 0  # the most trucks inside at once (an invariant: <= inside)
        self.waits = LogHistogram()  # observed trucks' hours before entry (a stream)
        self.waiting = 0  # trucks on the approach now (for room inside, or the gate to open)
        self.spilled = 0  # observed trucks that found the parking area full
        # time-weighted waiting trucks in parking and on the road over the window, and peaks
        self.area = [0.0, 0.0]
        self.peak = [0, 0]
        self.last = port.warmup
        self.daily = DailyWaiting((port.warmup, port.stop))  # (whether the queue settled)
        self.docs = QueuedDocs(port)  # advance declarations lodged and reviewed while waiting
        self.shut = _closures(port)  # (start, end) of the holds that shut its arrivals
        self.lab_hours = 0.0  # truck-hours inside, in the window, waiting for a lab result
        self.queued = StillQueued()  # the trucks waiting now (those left at the end: no flow)

    @classmethod
    def of(cls, port: Port, enter: Enter, shared: Any = None, log: bool = False
           ) -> Approach | None:
        """The approach of ``port``, if its scenario gives one (None otherwise, and for an
        era of a port: the port's own approach lets its trucks in). Its trucks go as flows;
        ``log``: the run keeps a per-consignment log (each truck's ``reached`` is kept for it)."""
        spec = port.spec.approach
        if spec is None:
            return None
        port.bulk = False
        return None if shared is not None else cls(port, spec.inside, spec.parking, enter, log)

    # -- trucks ----------------------------------------------------------------------------
    def reach(
        self, index: np.ndarray, reached: np.ndarray, earliest: np.ndarray, u: np.ndarray,
        export: bool,
    ) -> None:
        """Queue a block of trucks: each reaches the approach at ``reached`` and may enter
        no earlier than ``earliest`` (later only while a hold keeps the gate shut). Their
        requirements are drawn now, for the block (:mod:`approach_ahead`), where they can be;
        their advance declarations are lodged from ``reached`` (:mod:`approach_docs`)."""
        table = drawn_ahead(self.port, earliest, u, export)
        seen = (reached >= self.warmup) & (reached < self.stop)
        early = self.docs.early(index, reached, table, seen).tolist()
        for k in range(len(index)):
            row = None if table is None else table[k : k + 1]
            truck = self._truck(int(index[k]), float(reached[k]), float(earliest[k]),
                                u[k : k + 1], export, row, early[k])  # fmt: skip
            self.env.process(truck)

    def _truck(
        self, i: int, reached: float, earliest: float, u: np.ndarray, export: bool,
        row: np.ndarray | None, early: bool,
    ) -> Generator[simpy.Event, Any, None]:
        env = self.env
        if reached > env.now:
            yield env.timeout(reached - env.now)
        request = self.gate.request() if earliest <= env.now else None  # (None: gate shut)
        if request is None or not request.triggered:  # it waits on the approach
            if self.warmup <= reached < self.stop and self.waiting >= self.parking:
                self.spilled += 1  # (the parking area is full: it waits on the road)
            self._tally()
            self.waiting += 1
            self.queued.waits(i, reached)
            self._tally()  # (its peak, with this truck)
            if request is None:  # (the gate shut by a hold: it waits for it to open)
                yield env.timeout(earliest - env.now)
                request = self.gate.request()
            yield request
            opens = self._opens(env.now)
            if opens > env.now:  # (room inside, but the crossing is shut: in at its end)
                yield env.timeout(opens - env.now)
            self._tally()
            self.waiting -= 1
            self.queued.enters(i)
        self.most_inside = max(self.most_inside, self.gate.count)
        self.held[i] = request
        if self.reached is not None:
            self.reached[i] = reached
        if self.warmup <= reached < self.stop:
            self.waits.add(env.now - reached)
        if row is None:  # (drawn at its entry, under the rules then)
            self.enter(np.array([i]), np.array([env.now]), u, export, np.array([reached]))
        else:
            table = at_entry(row, env.now)
            if early:  # (its declaration lodged its lead before it reached the approach)
                lodged_from(table, env.now, reached)
            self.port._hand_on(np.array([i]), np.array([env.now]), u, export, table=table,
                               reached=np.array([reached]))  # fmt: skip

    def left(self, c: Consignment) -> None:
        """A truck's flow ended (or it was seized or rejected): its place inside is free at
        its flow's end (an import's exit, an export's loading), or now."""
        request = self.held.pop(c.index, None)
        if request is None:  # (not a queued truck: a smuggling group's attempt)
            return
        end = max(c.m[M["exited"]], c.m[M["loaded"]])
        wait = end - self.env.now if end == end and end > self.env.now else 0.0
        self.env.timeout(wait).callbacks.append(partial(self._free, request))
        lab = (c.m[M["lab_start"]], c.m[M["lab_end"]])
        if lab[0] == lab[0] and lab[1] == lab[1]:  # (sampled, and it had the result here)
            start = max(lab[0], c.arrived, self.warmup)  # (its hours inside waiting for it)
            self.lab_hours += max(min(lab[1], self.env.now + wait, self.stop) - start, 0.0)

    def _opens(self, t: float) -> float:
        """When the crossing, shut by a hold of its arrivals at ``t`` (or not), lets trucks in:
        no truck enters while it is shut, those that waited for room before it first."""
        for start, end in self.shut:
            if start <= t < end:
                return self._opens(end)
        return t

    def _free(self, request: Any, _: simpy.Event) -> None:
        self.gate.release(request)  # (the first truck waiting, if any, enters now)

    def _tally(self) -> None:
        """Add the waiting trucks' time since the last change (within the window), and
        their count now to the peaks: called before a change and after it."""
        now = min(self.env.now, self.stop)
        waiting = self.waiting
        here = (min(waiting, self.parking), max(waiting - self.parking, 0))
        if now > self.last:
            self.daily.add(self.last, now, waiting)
            for k in (0, 1):
                self.area[k] += here[k] * (now - self.last)
            self.last = now
        if self.warmup <= self.env.now < self.stop:
            for k in (0, 1):
                self.peak[k] = max(self.peak[k], here[k])

    # -- figures ---------------------------------------------------------------------------
    def metrics(self) -> dict[str, float]:
        """The approach's figures over the observed window (see docs/trucks.md)."""
        self._tally()
        hours, days = self.stop - self.warmup, (self.stop - self.warmup) / 24
        w, tail = self.waits, f"_port_{self.name}"
        return {
            f"approach_wait_h_mean{tail}": w.mean,  # (nan without an observed truck)
            f"approach_wait_h_p90{tail}": w.quantile(0.9) if len(w) else math.nan,
            f"approach_parking_mean{tail}": self.area[0] / hours,
            f"approach_road_mean{tail}": self.area[1] / hours,
            f"approach_parking_peak{tail}": float(self.peak[0]),
            f"approach_road_peak{tail}": float(self.peak[1]),
            f"approach_road_trucks_per_day{tail}": self.spilled / days,
            f"approach_inside_lab_mean{tail}": self.lab_hours / hours,
        } | left_metrics(self.left_hours(), tail)

    def left_hours(self) -> np.ndarray:
        """The waits so far, at the run's end (now), of the observed trucks still waiting."""
        return self.queued.hours((self.warmup, self.stop), self.env.now)


def _closures(port: Port) -> list[tuple[float, float]]:
    """The (start, end) hours of the holds that shut ``port``'s arrivals (none without)."""
    from sim.model.holds import spans  # (here: a cycle via the steps)

    return spans(port.scenario, port.name, "arrivals") if port.scenario.holds else []


def truck_left(port: Port, c: Consignment) -> None:
    """``c``'s flow at ``port`` ended: free its place inside, if the port has an approach."""
    if port.approach is not None:
        port.approach.left(c)


def approach_metrics(ports: list[Port]) -> dict[str, float]:
    """Every approach's figures (none without one)."""
    return {k: v for p in ports if p.approach is not None for k, v in p.approach.metrics().items()}


def approach_warnings(ports: list[Port], drain_days: float) -> list[str]:
    """A warning for each approach whose waiting trucks kept rising (:mod:`approach_settle`),
    else for each that left many observed trucks waiting at the end (:mod:`approach_left`)."""
    out = []
    for p in ports:
        if p.approach is not None:
            a = p.approach
            a._tally()  # (up to the end of the window)
            out += (unsettled(a.name, a.daily, a.waits.mean, a.inside)
                    or left_behind(a.name, a.left_hours(), len(a.waits), a.inside, drain_days))
    return out


def with_reached(log: pd.DataFrame | None, ports: list[Port]) -> pd.DataFrame | None:
    """The log with a ``reached`` column when a port has an approach (when each truck reached
    it; ``arrived`` for consignments that did not queue): none added otherwise."""
    queued = [p for p in ports if p.approach is not None]
    if log is None or not queued:
        return log
    reached = log["arrived"].to_numpy(float).copy()
    index = log["index"].to_numpy()
    for p in queued:
        assert p.approach is not None and p.approach.reached is not None, "a log's run keeps it"
        rows = (log["port"] == p.name).to_numpy()
        at = pd.Series(p.approach.reached, dtype=float).reindex(index[rows])
        reached[rows] = np.where(at.isna(), reached[rows], at.to_numpy())
    log.insert(list(log.columns).index("arrived"), "reached", reached)
    return log
