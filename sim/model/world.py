"""The World: one replication's parts (ports and their lanes, the organisation, the recorder),
built from a scenario and a seed, run, and asked for their results.

Each part adds its own rows to the results (desmod's components do the same); the selector and
the organisation are injected, so a risk engine or an organisation tree is a constructor
argument, not a flag set afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Generator
from typing import Any

import numpy as np
import pandas as pd
import simpy

from sim.model import tables
from sim.model.approach import approach_metrics, truck_left, with_reached
from sim.model.arrivals import port_arrivals, surge, surges
from sim.model.bonded_stock import BondedStockTally
from sim.model.bulk import Bulk, BulkRun
from sim.model.calls import CallTally
from sim.model.consignment import Consignment
from sim.model.costbook import CostBook
from sim.model.cutoffs import departures_of
from sim.model.delay_tails import DelayTailTally
from sim.model.engine import Environment, start
from sim.model.eras import add_eras, desk_era_counts, wire_risk_engine
from sim.model.fifo import FifoLane
from sim.model.idling import IdlingTally
from sim.model.journey import journey
from sim.model.lab_holds import LabHoldTally
from sim.model.lane_periods import observe, period_marks
from sim.model.milestones import CENSORED, DETAINED, SEIZED
from sim.model.organisation import Organisation
from sim.model.pest_catch import PestCatchTally
from sim.model.port import Port
from sim.model.port_lanes import exam_waiting, review_centres
from sim.model.recorder import Recorder
from sim.model.result import RunResult
from sim.model.risk import RiskEngine
from sim.model.risk_report import risk_fields
from sim.model.selection import Selector, TableSelector
from sim.model.smuggling import Smugglers
from sim.model.streams import SMUGGLING_INDEX, replication_seed
from sim.model.world_warnings import world_warnings
from sim.scenario.schema import Scenario
from sim.scenario.timeline import periods


class World:
    """Everything one replication simulates."""

    def __init__(
        self,
        scenario: Scenario,
        seed: int | np.random.SeedSequence = 0,
        *,
        replication: int = 0,
        log: bool = False,
        selector: Selector | None = None,
        organisation: Callable[[simpy.Environment], Organisation] = Organisation,
        bulk: bool = True,
    ):
        self.scenario = scenario
        self.seed = replication_seed(seed, replication)
        self.env = env = Environment()
        self.warmup = scenario.warmup_days * 24
        self.stop = self.warmup + scenario.days * 24
        self.end = self.stop + scenario.drain_days * 24
        self.organisation = self._organisation(organisation)
        selector_given = selector
        if selector is None:
            on = scenario.risk is not None and scenario.risk.enabled
            selector = RiskEngine(scenario, seed=self.seed) if on else TableSelector(scenario)
        self.selector = selector
        self.centres = review_centres(env, scenario)
        self.ports = self._ports(selector, bulk, log)
        if scenario.timeline:
            add_eras(self, selector_given, bulk)
        names, modes = list(scenario.ports), [p.mode for p in scenario.ports.values()]
        if isinstance(selector, RiskEngine):
            wire_risk_engine(self, selector)
        self.recorder = Recorder(
            names, modes, list(scenario.commodities), self.end, log, (self.warmup, self.stop),
            departures=[departures_of(p.spec) for p in self.ports], within=scenario.within_hours,
            periods=[t for t, _ in periods(scenario) if t < self.stop],  # (observed ones)
            transit=any(p.spec.transit is not None for p in self.ports),  # (转关 apart)
        )
        self.costs = self._cost_book()
        self.lab_holds = LabHoldTally.of(scenario, self.ports).wire(self.recorder)
        self.tails = DelayTailTally.of(scenario, self.ports, self.end).wire(self.recorder)
        self.calls = CallTally.of(scenario, self.end).wire(self.recorder)
        self.bonded = BondedStockTally.of(scenario, (self.warmup, self.stop)).wire(self.recorder)
        self.idling = IdlingTally.of(scenario).wire(self.recorder)
        self.pests = PestCatchTally.of(scenario, self.end).wire(self.recorder)
        self.lanes = [x for p in self.ports for x in p.lanes.values()] + [*self.centres.values()]
        self.open_flows: dict[int, Consignment] = {}
        self.open_blocks: dict[int, BulkRun] = {}
        self.arrived = 0
        self.paths = {"bulk": 0, "flow": 0}
        self.samples: list[tuple[Any, ...]] = []
        self.smugglers = self._smugglers()

    def _ports(self, selector: Selector, bulk: bool, log: bool) -> list[Port]:
        """The scenario's ports, in its order, each told the run's selector and organisation."""
        return [Port(self.env, self.scenario, name, i, self.seed, selector=selector,
                     organisation=self.organisation, window=(self.warmup, self.stop),
                     launch=self.launch, bulk=bulk, centres=self.centres, log=log)
                for i, name in enumerate(self.scenario.ports)]  # fmt: skip

    def _route_detection(self, rec: Recorder) -> dict[str, float]:
        """Detection over every route, the patrols' interdictions outside the ports
        included (:mod:`sim.model.route_detection`); none without smuggling groups."""
        if self.smugglers is None:
            return {}
        from sim.model.route_detection import route_detection

        return route_detection(rec.enforcement, self.smugglers.frame())

    def _smugglers(self) -> Smugglers | None:
        """The scenario's smuggling groups, if it has any (a patrol's catch raises the risk
        engine's alerts, as a seizure at a port does)."""
        if self.scenario.smuggling is None:
            return None
        s = Smugglers(self.env, self.scenario, self.seed, self.ports, (self.warmup, self.stop))
        if isinstance(self.selector, RiskEngine):
            s.on_interdiction = self.selector.alerts.add_outside
        return s

    def _organisation(
        self, organisation: Callable[[simpy.Environment], Organisation]
    ) -> Organisation:
        """The scenario's organisation tree, unless another organisation was injected."""
        if organisation is Organisation and self.scenario.organisation is not None:
            from sim.model.org import OrgModel

            return OrgModel(self.env, self.scenario, self.seed, (self.warmup, self.stop))
        return organisation(self.env)

    def _cost_book(self) -> CostBook | None:
        """The cost book of a costed scenario, fed by the recorder's folds."""
        if self.scenario.costs is None:
            return None
        rec = self.recorder
        book = CostBook(
            self.scenario, rec.cost_dimensions(), rec.port_mode, (self.warmup, self.stop)
        )
        rec.also_fold(book.fold)
        book.org_units = dict(getattr(self.organisation, "units", {}) or {})
        return book

    def exam_queue(self, port: str) -> float:
        """Consignments waiting at ``port``'s exam yard now for a physical exam's bay, movers
        or team (:func:`sim.model.port_lanes.exam_waiting`): what a throttle reads."""
        return float(exam_waiting(self.ports[list(self.scenario.ports).index(port)]))

    # -- consignments on their way -------------------------------------------------------
    def launch(
        self, blocks: list[Bulk], flows: list[Consignment], port: Port | None = None
    ) -> None:
        """Finish ``blocks`` in bulk and start ``flows`` (what a port, or ``port``, an era of
        one, has made)."""
        for b in blocks:
            self.arrived += int(b.cohort.sum())
            self.paths["bulk"] += len(b.index)
            run = BulkRun(b, self.block_done)
            if run.open:
                self.open_blocks[id(b)] = run
        for c in flows:
            self.paths["flow"] += 1
            if c.cohort:
                self.arrived += 1
            if start(journey(self.env, port or self.ports[c.port], c, self.done)):
                self.open_flows[id(c)] = c

    def done(self, c: Consignment) -> None:
        self.open_flows.pop(id(c), None)
        truck_left(self.ports[c.port], c)  # (its place inside a crossing is free: approach.py)
        if c.outcome in (SEIZED, DETAINED):  # a case, and an alert
            self.organisation.caught(self.ports[c.port].name, c, max(x for x in c.m if x == x))
        self.recorder.record(c)
        if c.index >= SMUGGLING_INDEX and self.smugglers is not None:
            self.smugglers.settle_flow(c)  # the group learns its outcome

    def block_done(self, b: Bulk) -> None:
        self.open_blocks.pop(id(b), None)
        self.recorder.record_block(b)
        if self.smugglers is not None:
            self.smugglers.settle_block(b)

    # -- running -------------------------------------------------------------------------
    def run(self) -> World:
        """Run arrivals, the observation window and the queue sampler to the drain limit."""
        env = self.env
        for p in self.ports:
            env.process(port_arrivals(p, self.stop))
            if p.spec.exports is not None:
                env.process(port_arrivals(p, self.stop, export=True))
            for export in (False, True):  # added arrivals, when a surge asks for them
                if surges(p, export):
                    env.process(surge(p, self.stop, export))
        for lane in self.lanes:
            if isinstance(lane, FifoLane):
                lane.set_window(self.warmup, self.stop, self.end)
        marks = period_marks(self.scenario, self.warmup, self.stop)  # (a timeline's periods)
        env.process(observe(env, self.lanes, marks, (self.warmup, self.stop)))
        self.organisation.start()
        env.process(self._sampler())
        if self.smugglers is not None:
            self.smugglers.start()
        # The run keeps many short-lived objects alive at once (waiting flows, events);
        # Python's cyclic collector would rescan them all again and again. Flows break their
        # own cycles when they end, so the collector is paused for the run.
        collecting = gc.isenabled()
        gc.disable()
        try:
            env.run(until=self.end)
            for lane in self.lanes:  # deferred requests made before the end are booked
                if isinstance(lane, FifoLane):
                    lane.drain(self.end)
        finally:
            if collecting:
                gc.enable()
        return self

    def _sampler(self) -> Generator[Any, Any, None]:
        env, step, k = self.env, self.scenario.queue_sample, 0
        while k * step <= self.end:
            t = k * step
            if t > env.now:
                yield env.timeout(t - env.now)
            for p in self.ports:
                self.samples.extend(p.sample(t))
            for lane in self.centres.values():
                lane.sync()
                self.samples.append(
                    (t, lane.port, lane.name, lane.queue_length, lane.busy, lane.capacity)
                )
            k += 1

    # -- results -------------------------------------------------------------------------
    def result(self) -> RunResult:
        """What the run measured (consignments still inside at the end are censored)."""
        for p in self.ports:  # reviewed declarations waiting as rows: journeys, to censor
            for port in [p, *(era for _, era in p.eras)]:
                port.decisions.close()
        for c in list(self.open_flows.values()):
            c.outcome = CENSORED
            self.recorder.record(c)
        for run in list(self.open_blocks.values()):  # some never reached their lane: censored
            run.finish()
        rec = self.recorder
        rec.flush()
        counts = tables.outcome_counts(rec, self.arrived)
        rows = [row for p in self.ports for row in p.result_rows()]
        rows += [{"port": p.name, **p.slots.result_row(self.warmup, self.stop)}
                 for p in self.ports if p.slots is not None and p.slots.capacity is not None]
        rows += [{"port": lane.port, **lane.result_row()} for lane in self.centres.values()]
        rows += self.organisation.result_rows()
        utilisation = {(r["port"], r["lane"]): r["utilisation"] for r in rows}
        names = list(self.scenario.ports)
        costs = tables.cost_tables(self.costs, self.ports, rows, self.smugglers)
        engine = self.selector if isinstance(self.selector, RiskEngine) else None
        intervals = tables.interval_table(rec)
        return RunResult(
            scenario=self.scenario.name,
            seed=(int(self.seed.entropy), *self.seed.spawn_key),  # type: ignore[arg-type]
            counts=counts,
            clearance=tables.clearance_table(rec),
            intervals=intervals,
            owners=tables.owner_table(rec, intervals),
            resources=pd.DataFrame(rows),
            queues=pd.DataFrame(
                self.samples, columns=["t_h", "port", "lane", "queue", "busy", "capacity"]
            ),
            events=self.env.scheduled,
            log=with_reached(tables.log_frame(rec, names, self.scenario, self.costs), self.ports),
            paths=dict(self.paths),
            inspections=rec.inspections | desk_era_counts(self.ports),  # (desk_eras.py)
            enforcement=rec.enforcement.table(),
            enforcement_daily=rec.enforcement.daily_table(),
            enforcement_metrics=tables.enforcement_metrics(rec, self.scenario)
            | self.pests.metrics() | self._route_detection(rec),
            export_metrics=rec.cutoffs.metrics() | rec.dwell.metrics(self.scenario),
            port_metrics=tables.port_metrics(rec, self.scenario, rows, self.lanes,
                                             (self.warmup, self.stop)),
            lab_hold_metrics=self.lab_holds.metrics(),
            tail_metrics=self.tails.metrics(),
            call_metrics=self.calls.metrics(),
            bonded_metrics=self.bonded.metrics(),
            idling_metrics=self.idling.metrics() | approach_metrics(self.ports),
            organisation_metrics=self.organisation.metrics(),
            warnings=world_warnings(self, utilisation),
            smuggling=self.smugglers.frame() if self.smugglers is not None else None,
            **risk_fields(engine),
            **costs,
        )
