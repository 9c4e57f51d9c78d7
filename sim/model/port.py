"""A Port: its lanes, its route, and the making of its consignments in numpy blocks."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

import numpy as np
import simpy

from sim.model.bulk import Bulk
from sim.model.cell import Cell, CellLane
from sim.model.consignment import Consignment
from sim.model.decisions import Decisions
from sim.model.draws import DRAWS, FLOW_WIDTH, WIDTH, Context, R
from sim.model.fifo import FifoLane
from sim.model.lab import Lab
from sim.model.lane import Lane
from sim.model.milestones import CAUGHT, CUSTOMS, QUARANTINE, TERMINAL
from sim.model.organisation import Organisation
from sim.model.route import Route
from sim.model.selection import Observation, Selector
from sim.model.slots import SlotBook
from sim.model.smuggling import forced_table
from sim.model.steps import clearance_steps
from sim.model.steps.declaration import DECISIONS, lodged_at, select
from sim.model.streams import (
    ARRIVALS,
    CONSIGNMENTS,
    EXPORT_ARRIVALS,
    EXPORT_INDEX,
    EXPORT_ROWS,
    EXPORT_TRUTH,
    EXPORTS,
    SMUGGLING_INDEX,
    SMUGGLING_ROWS,
    SURGE,
    SURGE_INDEX,
    TRUTH,
    JointRows,
    UniformRows,
    group_stream,
    name_key,
    port_stream,
)
from sim.scenario.schema import ILLICIT, Scenario

#: what a port hands on: blocks to finish in bulk, consignments to start as flows
Launch = Callable[[list[Bulk], list[Consignment]], None]


class _Pool:
    """The lane spec of a cross-trained pool: its hourly headcount (None: unlimited)."""

    def __init__(self, hourly: list[int] | None):
        self.hourly = hourly
        self.unlimited = hourly is None

    def hourly_capacity(self) -> list[int] | None:
        return self.hourly


class Port:
    """The lanes of one port of entry and the source of its consignments."""

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
    ):
        self.env, self.scenario, self.name, self.index = env, scenario, name, index
        self.spec = spec = scenario.ports[name]
        self.selector, self.organisation, self.bulk = selector, organisation, bulk
        self.warmup, self.stop = window
        self.commodities = list(scenario.commodities)
        #: later eras of a timeline: (start, the port's rules from then), sorted
        self.eras: list[tuple[float, Port]] = []
        if shared is not None:  # an era of ``shared``: the same lanes, lab and slots
            self._share(shared)
        else:
            self.lanes: dict[str, Lane] = {}
            self._build_lanes(centres or {})
            q = spec.quarantine
            self.lab = Lab(env, name, q.lab.batch_size, q.lab.cutoffs) if q and q.lab else None
            self.slots = SlotBook(spec.exam.slots) if spec.exam else None
        self.lab_tests = [scenario.commodities[k].lab_test for k in self.commodities]
        self.booking_lead = spec.exam.booking_lead if spec.exam else 0.0
        self.assess = spec.declaration.assess
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
        self.launch = launch  # hands on what the port makes (the World finishes or starts it)
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
        self.seed = seed  # smuggling groups' and surges' streams (see inject, surge)
        self.created_smuggling = 0
        self._smuggling_rows: dict[str, UniformRows] = {}
        self.created_surge = {False: 0, True: 0}

    _SHARED = (
        "lanes",
        "lab",
        "slots",
        "review",
        "document",
        "scanners",
        "image_officers",
        "gate",
        "pooled",
        "simple_cell",
        "bays",
        "movers",
        "teams",
        "quarantine_officers",
        "cell",
        "owner_of",
    )

    def _share(self, base: Port) -> None:
        """Take ``base``'s lanes, lab and slot book: an era changes rules, not resources."""
        for key in self._SHARED:
            setattr(self, key, getattr(base, key))

    def _lane(self, key: str, lane_spec: Any, together: bool = False) -> Any:
        """Make a lane (a FIFO desk, or a member of the exam cell) and list it."""
        if lane_spec is None:
            return None
        kind = CellLane if together else FifoLane
        made = kind(self.env, self.name, key, lane_spec.hourly_capacity())
        self.lanes[key] = made
        return made

    def _build_lanes(self, centres: dict[str, Lane]) -> None:
        spec = self.spec
        self.review = self._lane("declaration_review", spec.review)
        self.document = self._lane("document_check", spec.document_check)
        self.scanners = self._lane("scanners", spec.scan.scanners if spec.scan else None)
        pool = spec.scan.image_review.pool if spec.scan else ""
        if pool:  # a review centre's lane, shared with other ports (the World lists it)
            self.image_officers = centres[pool]
        else:
            self.image_officers = self._lane(
                "image_officers", spec.scan.image_review.officers if spec.scan else None
            )
        self._build_yard()
        self.gate = self._lane("gate", spec.release.gate)

    def _yard_staff(self) -> dict[str, Any]:
        """The exam yard's staff lanes: teams and quarantine officers, or, for cross-trained
        joint exams, one pool of officers who can do both (their headcounts added; an
        unlimited kind makes the pool unlimited)."""
        exam, q = self.spec.exam, self.spec.quarantine
        inspection = self.scenario.inspection
        self.pooled = bool(
            exam
            and q
            and inspection.mode == "joint"
            and inspection.joint_staffing == "cross_trained"
        )
        if not self.pooled:
            return {
                "exam_teams": exam.teams if exam else None,
                "quarantine_officers": q.officers if q else None,
            }
        assert exam is not None and q is not None
        a, b = exam.teams.hourly_capacity(), q.officers.hourly_capacity()
        hourly = None if a is None or b is None else [x + y for x, y in zip(a, b, strict=True)]
        return {"exam_officers": _Pool(hourly)}

    def _build_yard(self) -> None:
        """Bays, movers and staff, taken together in one cell; who owns a wait at each."""
        exam = self.spec.exam
        staff = self._yard_staff()
        cell_specs = {
            "exam_bays": exam.bays if exam else None,
            "movers": exam.movers if exam else None,
            **staff,
        }
        # with at most one finite lane among them, taking them together is a FIFO queue
        # (not for a pool: a joint exam takes two of its officers at once)
        finite = [k for k, v in cell_specs.items() if v is not None and not v.unlimited]
        self.simple_cell = len(finite) <= 1 and not self.pooled
        together = not self.simple_cell
        self.bays = self._lane("exam_bays", cell_specs["exam_bays"], together)
        self.movers = self._lane("movers", cell_specs["movers"], together)
        if self.pooled:
            pool = self._lane("exam_officers", staff["exam_officers"], True)
            self.teams = self.quarantine_officers = pool
        else:
            self.teams = self._lane("exam_teams", cell_specs["exam_teams"], together)
            self.quarantine_officers = self._lane(
                "quarantine_officers", cell_specs["quarantine_officers"], together
            )
        self.cell = Cell(self.env)
        members = [self.bays, self.movers, self.teams]
        if self.quarantine_officers is not self.teams:
            members.append(self.quarantine_officers)
        self.cell.join([x for x in members if x is not None])
        # who owns a wait for each exam-yard lane (the constraint that binds)
        self.owner_of: dict[Any, int] = {}
        for made, owner in (
            (self.bays, TERMINAL),
            (self.movers, TERMINAL),
            (self.quarantine_officers, QUARANTINE),
            (self.teams, CUSTOMS),  # a cross-trained pool is customs' staff
        ):
            if made is not None:
                self.owner_of[made] = owner

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
        if not self.eras:
            self._hand_on(index, arrived, u, export)
            return
        ports = [self] + [p for _, p in self.eras]
        era, call = self.era_of(arrived, u, export)
        for k in np.unique(era).tolist():  # each era's rules for the consignments assessed in it
            rows = era == k
            ports[k]._hand_on(index[rows], arrived[rows], u[rows], export, call)

    def era_of(
        self, arrived: np.ndarray, u: np.ndarray, export: bool
    ) -> tuple[np.ndarray, float]:
        """The era (0: this port's rules; k: ``eras[k - 1]``) whose rules each consignment
        follows: the one in force at its assessment. The assessment time is planned under the
        rules in force at arrival: lodging, officer review and acceptance, without any wait in
        the review queue (a wait that carries an assessment past a date keeps the earlier
        rules: the one approximation, since the era must be known when the block is made).
        Also the block's containers, since a vessel's call may be split between eras."""
        starts = [t for t, _ in self.eras]
        ports = [self] + [p for _, p in self.eras]
        on_arrival = np.searchsorted(starts, arrived, side="right")
        assessed = np.empty(len(arrived))
        containers = 0.0
        for k in np.unique(on_arrival).tolist():
            rows = on_arrival == k
            r = ports[k].planned_table(arrived[rows], u[rows], export)
            assessed[rows] = ports[k].planned_assessment(arrived[rows], r)
            containers += float(r[:, R.containers].sum())
        return np.searchsorted(starts, assessed, side="right"), containers

    def planned_table(self, arrived: np.ndarray, u: np.ndarray, export: bool) -> np.ndarray:
        """A block's requirement table under this port's rules (no decision taken)."""
        ctx = Context(
            self.scenario, self.spec, self.commodities, arrived, export=export, port_name=self.name
        )
        return DRAWS.table(ctx, u)

    def planned_assessment(self, arrived: np.ndarray, r: np.ndarray) -> np.ndarray:
        """When each consignment of a block (its requirement table ``r``) would be assessed
        under this port's rules, with no wait in the officer review queue."""
        lodged = lodged_at(r, arrived)
        review = (r[:, R.review] > 0) & (self.review is not None)
        return np.asarray(lodged + np.where(review, r[:, R.review_time], 0.0) + self.assess)

    def _hand_on(
        self,
        index: np.ndarray,
        arrived: np.ndarray,
        u: np.ndarray,
        export: bool,
        call_containers: float | None = None,
    ) -> None:
        """Draw a block's requirements under this port's rules, decide, and launch it."""
        ctx = Context(
            self.scenario,
            self.spec,
            self.commodities,
            arrived,
            export=export,
            port_name=self.name,
            call_containers=call_containers,
        )
        table = DRAWS.table(ctx, u)
        cohort = (arrived >= self.warmup) & (arrived < self.stop)
        self.organisation.admit(self.name, index, arrived, table)
        uniforms = {check: u[:, DRAWS.column(f"sel_{check}")] for check in DECISIONS}
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
    ) -> tuple[list[Bulk], list[Consignment]]:
        """Bulk blocks (one per step where their one queue is, none first) and flows."""
        route = self.route
        if plan is None:
            plan = route.plan(table)
        blocks = []
        slow = np.ones(len(index), bool)
        visits, first = route.queues(table, plan)
        if self.bulk and decided:
            bulk = route.in_bulk(plan, visits)
            queue = np.where(bulk, first, -2)
            for step in np.unique(queue[bulk]).tolist():
                rows = queue == step
                blocks.append(
                    Bulk(
                        self,
                        index[rows],
                        arrived[rows],
                        table[rows],
                        plan[rows],
                        cohort[rows],
                        self.env.now,
                    )
                )
            slow = ~bulk
        made = [
            Consignment(self.index, i, a, c, r, p)
            for i, a, c, r, p in zip(
                index[slow].tolist(),
                arrived[slow].tolist(),
                cohort[slow].tolist(),
                table[slow].tolist(),
                plan[slow].tolist(),
                strict=True,
            )
        ]
        for c in made:
            c.decided = decided
        if self.bulk and decided:
            one = (visits[slow] == 1) | route.chains(plan[slow]) & (index[slow] < SMUGGLING_INDEX)
            for c, deferred in zip(made, one.tolist(), strict=True):
                c.deferred = deferred
        return blocks, made

    def arrivals(self, until: float, export: bool = False) -> Generator[simpy.Event, Any, None]:
        """The port's arrival process of imports (or of exports): make each block just
        early enough.

        A block is made ``advance_max`` before its first arrival, because an advance
        declaration may need an officer before its goods arrive.
        """
        from sim.model.arrivals import arrival_groups

        if export:
            if self.spec.exports is None:
                return
            groups = arrival_groups(
                self.spec.exports.arrivals, self._export_arrival_rng, self._export_rows, until
            )
        else:
            groups = arrival_groups(self.spec.arrivals, self._arrival_rng, self._rows, until)
        yield from self._made_in_time(groups, export)

    def surges(self, export: bool) -> bool:
        """Whether this port has added arrivals (imports, or exports)."""
        if export:
            return self.spec.exports is not None and self.spec.exports.arrivals.extra > 0
        return self.spec.arrivals.extra > 0

    def surge(self, until: float, export: bool = False) -> Generator[simpy.Event, Any, None]:
        """Added arrivals (``arrivals.extra`` times the rate) from streams of their own, with
        indices of their own: the port's other consignments keep their draws."""
        from sim.model.arrivals import arrival_groups

        if not self.surges(export):
            return
        spec = self.spec.exports.arrivals if export and self.spec.exports else self.spec.arrivals
        sub = (1,) if export else (0,)
        rows = JointRows(
            UniformRows(port_stream(self.seed, self.name, SURGE, *sub, 1), FLOW_WIDTH),
            UniformRows(port_stream(self.seed, self.name, SURGE, *sub, 2), WIDTH - FLOW_WIDTH),
        )
        more = spec.model_copy(update={"rate": spec.rate * spec.extra})
        rng = port_stream(self.seed, self.name, SURGE, *sub, 0)
        yield from self._made_in_time(arrival_groups(more, rng, rows, until), export, surge=True)

    def _made_in_time(
        self, groups: Any, export: bool, surge: bool = False
    ) -> Generator[simpy.Event, Any, None]:
        env, lead = self.env, self.scenario.declaration.advance_max
        for arrived, u in groups:
            wake = arrived[0] - lead
            if wake > env.now:
                yield env.timeout(wake - env.now)
            self.make(arrived, u, export, surge)

    # -- smuggling -----------------------------------------------------------------------
    def inject(self, arrived: np.ndarray, forced: dict[str, Any], group: str) -> np.ndarray:
        """Make consignments for a smuggling group's attempts at this port and hand them on
        as the port's own (they meet its queues and checks; those arriving in the window are
        cohort members). Their uniforms come from the group's stream at this port and their
        indices from SMUGGLING_INDEX up, so the port's other consignments keep their draws;
        ``forced`` quantities (by draw name) replace the drawn ones. Returns the indices."""
        rows = self._smuggling_rows.get(group)
        if rows is None:
            rng = group_stream(self.seed, group, SMUGGLING_ROWS, name_key(self.name))
            rows = self._smuggling_rows[group] = UniformRows(rng, WIDTH, block=64)
        u = rows.take(len(arrived))
        export = int(forced.get("direction", 0)) == 1
        ctx = Context(
            self.scenario, self.spec, self.commodities, arrived, export=export, port_name=self.name
        )
        table = forced_table(ctx, u, forced)
        first = SMUGGLING_INDEX + self.created_smuggling
        self.created_smuggling += len(arrived)
        index = np.arange(first, first + len(arrived))
        cohort = (arrived >= self.warmup) & (arrived < self.stop)
        self.organisation.admit(self.name, index, arrived, table)
        uniforms = {check: u[:, DRAWS.column(f"sel_{check}")] for check in DECISIONS}
        if self.decisions.dynamic:
            self.decisions.defer(index, arrived, table, cohort, uniforms)
        else:
            select(self, table, uniforms, self.env.now)
            self.launch(*self.split(index, arrived, table, cohort))
        return index
