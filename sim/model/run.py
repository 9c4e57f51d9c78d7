"""``simulate(scenario, seed) -> RunResult``: one deterministic replication, no side effects."""

from __future__ import annotations

import gc
from collections.abc import Generator
from typing import Any

import numpy as np
import pandas as pd
import simpy

from sim.model.consignment import Consignment
from sim.model.flow import clearance
from sim.model.green import GreenBlock, OneLaneBlock
from sim.model.lane import Booking
from sim.model.milestones import CENSORED
from sim.model.organisation import Organisation
from sim.model.port import PortModel
from sim.model.recorder import Recorder
from sim.model.result import RunResult
from sim.model.selection import Selector, TableSelector
from sim.model.streams import replication_seed
from sim.scenario.schema import Scenario


class _Flow:
    """Carries on a flow that has started and yielded an event, by event callbacks.

    This is what a SimPy Process does, less its start-up event: a flow that must wait costs
    only the events it waits on. (A class, not a closure: a closure that re-registers itself
    is a reference cycle, and the run pauses the cyclic collector.)
    """

    __slots__ = ("gen",)

    def __init__(self, gen: Generator, first: simpy.Event | Booking):
        self.gen = gen
        self._wait(first)

    def resume(self, event: simpy.Event) -> None:
        self.proceed(event._value)

    def proceed(self, value: object) -> None:
        while True:
            try:
                nxt = self.gen.send(value)
            except StopIteration:
                return
            if self._wait(nxt):
                return
            value = nxt._value  # already processed: go on at once

    def _wait(self, nxt: simpy.Event | Booking) -> bool:
        """Arrange to be called back when ``nxt`` is done; False if it is done already."""
        if isinstance(nxt, Booking):  # a deferred lane visit: the lane calls back
            nxt.proceed = self.proceed
            nxt.lane.defer(nxt)
            return True
        if nxt.callbacks is not None:  # a pending event
            nxt.callbacks.append(self.resume)
            return True
        return False


def simulate(
    scenario: Scenario,
    seed: int | np.random.SeedSequence = 0,
    *,
    replication: int = 0,
    log: bool = False,
    selector: Selector | None = None,
    fast: bool = True,
) -> RunResult:
    """Run one replication of ``scenario``.

    Same scenario, seed and replication give bit-identical results. Consignments arriving in
    ``[warmup, warmup + days)`` are the cohort; arrivals then stop and the system drains for up
    to ``drain_days``; cohort consignments not out by then are counted as censored.
    """
    ss = replication_seed(seed, replication)
    env = simpy.Environment()
    warmup = scenario.warmup_days * 24
    stop = warmup + scenario.days * 24
    end = stop + scenario.drain_days * 24
    selector = selector or TableSelector(scenario)
    names = list(scenario.ports)
    ports = [PortModel(env, scenario, n, i, ss, selector) for i, n in enumerate(names)]
    org = Organisation(env)
    recorder = Recorder(
        names, [scenario.ports[n].mode for n in names], list(scenario.commodities), end, log
    )
    open_flows: dict[int, Consignment] = {}
    counts = {"arrived": 0}

    def cohort(t: float) -> bool:
        return warmup <= t < stop

    def done(c: Consignment) -> None:
        open_flows.pop(id(c), None)
        recorder.record(c)

    def start(c: Consignment) -> None:
        if c.cohort:
            counts["arrived"] += 1
        gen = clearance(env, ports[c.port], org, c, done)
        try:
            first = next(gen)
        except StopIteration:
            return
        open_flows[id(c)] = c
        _Flow(gen, first)

    def finish(block: GreenBlock) -> None:
        in_cohort = (block.arrived >= warmup) & (block.arrived < stop)
        counts["arrived"] += int(in_cohort.sum())
        recorder.record_block(block, in_cohort)

    open_blocks: dict[int, OneLaneBlock] = {}

    def block_done(block: OneLaneBlock, green: GreenBlock) -> None:
        open_blocks.pop(id(block), None)
        recorder.record_block(green, (green.arrived >= warmup) & (green.arrived < stop))

    def book(block: OneLaneBlock) -> None:
        in_cohort = (block.arrived >= warmup) & (block.arrived < stop)
        counts["arrived"] += int(in_cohort.sum())
        open_blocks[id(block)] = block
        block.book_all(in_cohort, block_done)

    for p in ports:
        p.fast = fast
        env.process(p.arrivals(start, finish, book, stop, cohort))

    lanes = [lane for p in ports for lane in p.lanes.values()]
    for lane in lanes:
        if lane.booked:
            lane.set_window(warmup, stop)
    samples: list[tuple] = []

    def window() -> Generator[simpy.Event, Any, None]:
        yield env.timeout(warmup)
        for lane in lanes:
            lane.open_window()
        yield env.timeout(stop - warmup)
        for lane in lanes:
            lane.close_window()

    def sampler() -> Generator[simpy.Event, Any, None]:
        step = scenario.queue_sample
        k = 0
        while k * step <= end:
            t = k * step
            if t > env.now:
                yield env.timeout(t - env.now)
            for p in ports:
                for lane in p.lanes.values():
                    samples.append(
                        (t, p.name, lane.name, lane.queue_length, lane.busy, lane.capacity)
                    )
                if p.lab is not None:
                    samples.append(
                        (t, p.name, "lab", p.lab.queue_length, 0, p.spec.quarantine.lab.batch_size)
                    )
            k += 1

    env.process(window())
    env.process(sampler())
    # The run keeps many short-lived objects alive at once (waiting flows, events); Python's
    # cyclic collector would rescan them all again and again. Flows break their own cycles
    # when they end, so the collector is paused for the run and restored after it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        env.run(until=end)
        for lane in lanes:  # deferred requests made before the end are booked
            if lane.booked:
                lane.drain(end)
    finally:
        if collecting:
            gc.enable()

    for c in list(open_flows.values()):
        c.outcome = CENSORED
        recorder.record(c)
    for block in list(open_blocks.values()):  # some never reached their lane: censored
        block.finish()
    recorder.flush()
    out = recorder.outcomes
    counts.update(
        {
            "released": int(out[0]),
            "seized": int(out[1]),
            "rejected": int(out[2]),
            "censored": int(out[3]),
        }
    )

    resources = []
    for p in ports:
        for lane in p.lanes.values():
            w = lane.window()
            resources.append(
                {
                    "port": p.name,
                    "lane": lane.name,
                    **w,
                    "wait_mean_h": lane.waits.mean,
                    "wait_p90_h": lane.waits.quantile(0.9),
                    "served": lane.served,
                    "service_mean_h": lane.service_sum / lane.served
                    if lane.served
                    else float("nan"),
                    "jobs_total": lane.jobs_total,
                    "sojourn_total_h": lane.sojourn_total,
                    "area_total": lane.area_queue + lane.area_busy,
                }
            )
        if p.lab is not None:
            resources.append(
                {
                    "port": p.name,
                    "lane": "lab",
                    "queue_mean": float("nan"),
                    "busy_mean": float("nan"),
                    "capacity_mean": float("nan"),
                    "utilisation": float("nan"),
                    "wait_mean_h": p.lab.waits.mean,
                    "wait_p90_h": p.lab.waits.quantile(0.9),
                    "served": p.lab.waits.n,
                    "service_mean_h": float("nan"),
                    "jobs_total": p.lab.samples,
                    "sojourn_total_h": float("nan"),
                    "area_total": float("nan"),
                    "batches": p.lab.batches,
                }
            )
    return RunResult(
        scenario=scenario.name,
        seed=(int(ss.entropy), *ss.spawn_key),
        counts=counts,
        clearance=recorder.clearance_table(),
        intervals=recorder.interval_table(),
        owners=recorder.owner_table(),
        resources=pd.DataFrame(resources),
        queues=pd.DataFrame(samples, columns=["t_h", "port", "lane", "queue", "busy", "capacity"]),
        events=next(env._eid),
        log=recorder.log_frame(names, list(scenario.commodities)),
    )
