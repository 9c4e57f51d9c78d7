"""A Port: its lanes, its route, and the making of its consignments in numpy blocks."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
import simpy

from sim.model import approach_assess, holds, transit_leg, transit_plans
from sim.model.approach import Approach
from sim.model.bulk import Bulk
from sim.model.consignment import Consignment, requirement_rows
from sim.model.decisions import Decisions
from sim.model.draws import DRAWS, FLOW_WIDTH, WIDTH, Context, R
from sim.model.eras import enter
from sim.model.lab import Lab
from sim.model.lane import Lane
from sim.model.milestones import CAUGHT
from sim.model.orders import Orders
from sim.model.organisation import Organisation
from sim.model.port_lanes import PortLanes, build_lanes
from sim.model.positions import Positions, shift_discharge
from sim.model.route import Route
from sim.model.sample_time import drawing_plans
from sim.model.selection import Observation, Selector
from sim.model.slots import SlotBook
from sim.model.steps import clearance_steps
from sim.model.steps.declaration import DECISIONS, select
from sim.model.steps.loading import direct_of
from sim.model.streams import (
    ARRIVALS,
    CONSIGNMENTS,
    EXPORT_ARRIVALS,
    EXPORT_INDEX,
    EXPORT_ROWS,
    EXPORT_TRUTH,
    EXPORTS,
    SMUGGLING_INDEX,
    SURGE_INDEX,
    TRUTH,
    JointRows,
    UniformRows,
    port_stream,
)
from sim.scenario.schema import ILLICIT, Scenario

#: what a port hands on: blocks to finish in bulk, consignments to start as flows
Launch = Callable[[list[Bulk], list[Consignment]], None]


class Port(PortLanes):
    """The lanes of one port of entry (their attributes: :class:`PortLanes`) and the source
    of its consignments."""

    def __init__(
        self,
        env: simpy.Environment,
        scenario: Scenario,
        name: str,
        index: int,
        seed: np.random.SeedSequence,
        *,
        selector: Selector,
        organisation: Organisation,
        window: tuple[float, float],
        launch: Launch,
        bulk: bool = True,
        shared: Port | None = None,
        centres: dict[str, Lane] | None = None,
        log: bool = False,  # (the run keeps a per-consignment log: an approach keeps more)
    ):
        self.env, self.scenario, self.name, self.index = env, scenario, name, index
        self.spec = spec = scenario.ports[name]
        self.selector, self.organisation, self.bulk = selector, organisation, bulk
        self.warmup, self.stop = window
        self.end = self.stop + scenario.drain_days * 24  # the run's end (as the World's)
        self.commodities = list(scenario.commodities)
        #: later eras of a timeline: (start, the port's rules from then), sorted
        self.eras: list[tuple[float, Port]] = []
        self.positions: Positions | None = (
            Positions.of(spec) if shared is None else shared.positions)
        if shared is not None:  # an era of ``shared``: the same lanes, lab and slots
            self._share(shared)
        else:
            build_lanes(self, centres or {})
            q = spec.quarantine
            lab = q.lab if q else None
            self.lab = Lab(env, name, lab.batch_size, lab.cutoffs, window) if lab else None
            self.slots = SlotBook(env, spec.exam.slots) if spec.exam else None
        self.lab_tests = [scenario.commodities[k].lab_test for k in self.commodities]
        self.drawing = drawing_plans(scenario, spec)  # time to draw a sample (sample_time)
        self.booking_lead = spec.exam.booking_lead if spec.exam else 0.0
        self.assess = spec.declaration.assess
        self.direct_pickup, self.direct_lead, self.direct_cutoffs = direct_of(spec)
        self.ai_time = spec.scan.image_review.ai_time if spec.scan else 0.0
        self.separate_declarations = scenario.declaration.mode == "separate"
        self.separate_inspection = scenario.inspection.mode == "separate"
        self.cross_trained = scenario.inspection.joint_staffing == "cross_trained"
        self.slowdown = scenario.inspection.cross_training_slowdown if self.pooled else 1.0
        self.aeo_priority = bool(spec.exam and spec.exam.aeo_priority)
        self.caught: list[int | None] = [None]
        self.caught += [CAUGHT[scenario.enforcement.outcome[k]] for k in ILLICIT]
        self._learn = getattr(selector, "observe", None)
        self.route = Route(self, clearance_steps())
        self.decisions = Decisions(self, selector)
        self.orders = Orders(scenario, name)  # control orders: checks beside the selector's
        self.launch = launch  # hands on what the port makes (the World finishes or starts it)
        self.approach = Approach.of(self, partial(enter, self), shared, log)  # (a crossing's)
        self._streams(seed)

    def _streams(self, seed: np.random.SeedSequence) -> None:
        """The port's keyed streams: imports' arrivals and rows (clearance and truth side by
        side); exports' own, so imports keep their draws whatever the export settings (their
        indices from EXPORT_INDEX up); and the seed smuggling groups and surges key theirs on."""
        name, exports = self.name, self.spec.exports
        self._arrival_rng = port_stream(seed, name, ARRIVALS)
        self._rows = JointRows(
            UniformRows(port_stream(seed, name, CONSIGNMENTS), FLOW_WIDTH),
            UniformRows(port_stream(seed, name, TRUTH), WIDTH - FLOW_WIDTH),
        )
        self.created = 0
        self.cutoffs = exports.loading.cutoffs() if exports and exports.loading.departures else None
        self._export_arrival_rng = port_stream(seed, name, EXPORTS, EXPORT_ARRIVALS)
        self._export_rows = JointRows(
            UniformRows(port_stream(seed, name, EXPORTS, EXPORT_ROWS), FLOW_WIDTH),
            UniformRows(port_stream(seed, name, EXPORTS, EXPORT_TRUTH), WIDTH - FLOW_WIDTH),
        )
        self.created_exports = 0
        self.seed = seed  # the streams of smuggling groups (smuggled.inject) and surges
        self.created_smuggling = 0
        self.smuggling_rows: dict[str, UniformRows] = {}
        self.created_surge = {False: 0, True: 0}

    def _share(self, base: Port) -> None:
        """Take ``base``'s lanes (all that :func:`build_lanes` made), lab and slot book: an
        era changes rules, not resources."""
        for key in (*base.built, "built", "lab", "slots"):
            setattr(self, key, getattr(base, key))

    # -- observation -------------------------------------------------------------------
    def sample(self, t: float) -> list[tuple[Any, ...]]:
        """Queue length, busy servers and capacity of every lane (and the lab) now."""
        rows = []
        for lane in self.lanes.values():
            lane.sync()
            rows.append((t, self.name, lane.name, lane.queue_length, lane.busy, lane.capacity))
        if self.lab is not None:
            rows.append((t, self.name, "lab", self.lab.queue_length, 0, self.lab.batch_size))
        return rows

    def result_rows(self) -> list[dict[str, Any]]:
        """One resources row per lane (and the lab)."""
        rows = [{"port": self.name, **lane.result_row()} for lane in self.lanes.values()]
        if self.lab is not None:
            rows.append({"port": self.name, **self.lab.result_row()})
        return rows

    def observe(self, j: Any, found: bool) -> None:
        """Tell a learning selector what an inspection of ``j`` found (at ``j.t``)."""
        if self._learn is None:
            return
        r = j.r
        self._learn(
            Observation(
                self.name,
                j.t,
                int(r[R.commodity]),
                int(r[R.origin]),
                int(r[R.trader_class]),
                int(r[R.illicit]),
                found,
            )
        )

    def appointment(self, t: float) -> tuple[float, float]:
        """Book an examination at ``t``: (the first slot the booking lead allows, the first
        one with room, which is booked)."""
        assert self.slots is not None, "an examination at a port without an exam yard"
        return self.slots.book(t + self.booking_lead)

    # -- consignments -------------------------------------------------------------------
    def make(
        self, arrived: np.ndarray, u: np.ndarray, export: bool = False, surge: bool = False
    ) -> None:
        """Turn a block of uniform rows into consignments (imports, or exports) and hand them
        on: decided now (a static selector) or at their assessment (a dynamic one, see
        :mod:`decisions`)."""
        reached = arrived  # (when they reach the port; a hold lets them in later)
        if self.scenario.holds:  # (arrivals due while the port is closed come at its end)
            arrived = holds.held_arrivals(self.scenario, self.name, arrived)
        if surge:  # added arrivals: indices of their own (imports' and exports' apart)
            first = SURGE_INDEX + (EXPORT_INDEX if export else 0) + self.created_surge[export]
            self.created_surge[export] += len(arrived)
        elif export:
            first = EXPORT_INDEX + self.created_exports
            self.created_exports += len(arrived)
        else:
            first = self.created
            self.created += len(arrived)
        index = np.arange(first, first + len(arrived))
        if self.approach is None:  # (or trucks wait on the approach for room: approach.py)
            enter(self, index, arrived, u, export)
        else:
            self.approach.reach(index, reached, arrived, u, export)

    def _hand_on(
        self,
        index: np.ndarray,
        arrived: np.ndarray,
        u: np.ndarray,
        export: bool,
        call_containers: float | None = None,
        table: np.ndarray | None = None,
        reached: np.ndarray | None = None,
    ) -> None:
        """Draw a block's requirements under this port's rules (``table``: drawn already, as
        an approach does when its trucks reach it: :mod:`approach_ahead`), decide, launch it.
        ``reached``: queued trucks' reaching the approach, which places them in the cohort."""
        if table is None:
            ctx = Context(self.scenario, self.spec, self.commodities, arrived, export=export,
                          port_name=self.name, call_containers=call_containers)
            table = DRAWS.table(ctx, u)
        if not export:  # (a call waiting for a berth or track is discharged later)
            shift_discharge(self.positions, self.spec, table, arrived, call_containers)
        transit_leg.arrive_inland(self.scenario, self.name, table, arrived)  # (and holds)
        seen = arrived if reached is None else reached
        cohort = (seen >= self.warmup) & (seen < self.stop)
        transit_plans.admit(self, index, arrived, table)  # (escalations that do not hold)
        uniforms = {check: u[:, DRAWS.column(f"sel_{check}")] for check in DECISIONS}
        approach_assess.lead_at_entry(self, table, arrived, reached)  # (a queued truck's)
        if self.decisions.dynamic:
            self.decisions.defer(index, arrived, table, cohort, uniforms)
            return
        select(self, table, uniforms, self.env.now)
        self.launch(*self.split(index, arrived, table, cohort))

    def split(
        self,
        index: np.ndarray,
        arrived: np.ndarray,
        table: np.ndarray,
        cohort: np.ndarray,
        plan: np.ndarray | None = None,
        decided: bool = True,
        queues: tuple[np.ndarray, np.ndarray] | None = None,
        min_block: int = 1,
    ) -> tuple[list[Bulk], list[Consignment]]:
        """Bulk blocks (one per step where their one queue is, none first) and flows.
        ``queues``: the rows' queue visits and first queue step, if known; a block that would
        have fewer than ``min_block`` rows goes as flows instead (the same times either way:
        for a few rows, a block's fixed numpy cost is more than theirs as flows)."""
        route = self.route
        if plan is None:
            plan = route.plan(table)
        blocks = []
        slow = np.ones(len(index), bool)
        visits, first = route.queues(table, plan) if queues is None else queues
        if self.bulk and decided:
            bulk = route.in_bulk(plan, visits)
            queue = np.where(bulk, first, -2)
            counts = np.bincount(queue[bulk] + 1)  # (by first queue step; -1: none)
            steps = np.flatnonzero(counts)
            for step, size in zip((steps - 1).tolist(), counts[steps].tolist(), strict=True):
                rows = queue == step
                if size < min_block:
                    bulk &= ~rows
                    continue
                i, a, r, pl, co = (x[rows] for x in (index, arrived, table, plan, cohort))
                blocks.append(Bulk(self, i, a, r, pl, co, self.env.now))
            slow = ~bulk
        return blocks, self.flows(index, arrived, table, cohort, plan, decided, visits, slow)

    def flows(self, *columns: Any) -> list[Consignment]:
        """The rows ``slow`` of a block as consignments to start as journeys (see
        :meth:`split`). ``columns``: index, arrived, table, cohort, plan, decided, queue
        visits, slow."""
        index, arrived, table, cohort, plan, decided, visits, slow = columns
        made = [
            Consignment(self.index, i, a, c, r, p)
            for i, a, c, r, p in zip(
                index[slow].tolist(),
                arrived[slow].tolist(),
                cohort[slow].tolist(),
                requirement_rows(table[slow]),
                plan[slow].tolist(),
                strict=True,
            )
        ]
        if not decided:  # (a consignment is made decided)
            for c in made:
                c.decided = False
        if self.bulk and decided:
            one, chains = visits[slow] == 1, self.route.chains(plan[slow])
            if chains.any():
                one |= chains & (index[slow] < SMUGGLING_INDEX)
            for c, deferred in zip(made, one.tolist(), strict=True):
                c.deferred = deferred
        return made
