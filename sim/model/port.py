"""A Port: its lanes, its arrivals, and the making of consignments in numpy blocks."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from typing import Any

import numpy as np
import simpy

from sim.model import consignment as C
from sim.model.consignment import Consignment
from sim.model.fifo import FifoLane
from sim.model.green import GreenBlock, OneLaneBlock, green_flow
from sim.model.lab import Lab
from sim.model.lane import Cell, Lane
from sim.model.selection import SelectionInput, Selector
from sim.model.slots import SlotBook
from sim.model.streams import ARRIVALS, CONSIGNMENTS, UniformRows, port_stream
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES, Port, Scenario

GROUP = 1024  # Poisson arrivals made per block


class PortModel:
    """The lanes of one port and the source of its consignments."""

    def __init__(
        self,
        env: simpy.Environment,
        scenario: Scenario,
        name: str,
        index: int,
        seed: np.random.SeedSequence,
        selector: Selector,
    ):
        self.env, self.scenario, self.name, self.index = env, scenario, name, index
        self.spec: Port = scenario.ports[name]
        self.selector = selector
        self.commodities = list(scenario.commodities)
        spec = self.spec
        self.lanes: dict[str, Lane] = {}

        def lane(key: str, lane_spec, together: bool = False) -> Lane | FifoLane | None:
            if lane_spec is None:
                return None
            kind = Lane if together else FifoLane
            made = kind(env, name, key, lane_spec.hourly_capacity())
            self.lanes[key] = made
            return made

        self.review = lane("declaration_review", spec.review)
        self.document = lane("document_check", spec.document_check)
        self.scanners = lane("scanners", spec.scan.scanners if spec.scan else None)
        self.image_officers = lane(
            "image_officers", spec.scan.image_review.officers if spec.scan else None
        )
        q = spec.quarantine
        cell_specs = {
            "exam_bays": spec.exam.bays if spec.exam else None,
            "movers": spec.exam.movers if spec.exam else None,
            "exam_teams": spec.exam.teams if spec.exam else None,
            "quarantine_officers": q.officers if q else None,
        }
        # with at most one finite lane among them, taking them together is a FIFO queue
        finite = [k for k, v in cell_specs.items() if v is not None and not v.unlimited]
        self.simple_cell = len(finite) <= 1
        together = not self.simple_cell
        self.bays = lane("exam_bays", cell_specs["exam_bays"], together)
        self.movers = lane("movers", cell_specs["movers"], together)
        self.teams = lane("exam_teams", cell_specs["exam_teams"], together)
        self.quarantine_officers = lane(
            "quarantine_officers", cell_specs["quarantine_officers"], together
        )
        self.gate = lane("gate", spec.release.gate)
        self.cell = Cell(env)  # bays, movers, teams and quarantine officers are taken together
        self.cell.join(
            [
                x
                for x in (self.bays, self.movers, self.teams, self.quarantine_officers)
                if x is not None
            ]
        )
        self.lab = Lab(env, name, q.lab.batch_size, q.lab.cutoffs) if q and q.lab else None
        self.slots = SlotBook(spec.exam.slots) if spec.exam else None
        self.booking_lead = spec.exam.booking_lead if spec.exam else 0.0
        self.assess = spec.declaration.assess
        self.ai_time = spec.scan.image_review.ai_time if spec.scan else 0.0
        self.separate_declarations = scenario.declaration.mode == "separate"
        self.separate_inspection = scenario.inspection.mode == "separate"
        self.cross_trained = scenario.inspection.joint_staffing == "cross_trained"

        self._arrival_rng = port_stream(seed, name, ARRIVALS)
        self._rows = UniformRows(port_stream(seed, name, CONSIGNMENTS), C.WIDTH)
        self.created = 0
        self.fast = True
        self.org_waits = False  # the organisation issue sets this when escalations exist

    # -- arrivals -----------------------------------------------------------------------
    def _arrival_times(self, until: float) -> Iterator[np.ndarray]:
        """Non-homogeneous Poisson times (hour-of-week profile) by inverting the intensity."""
        rates = np.array(self.spec.arrivals.weekly_rates())
        cum = np.concatenate([[0.0], np.cumsum(rates)])
        per_week = cum[-1]
        if per_week <= 0:
            return
        hours = np.arange(169, dtype=float)
        level = 0.0
        while True:
            level = level + np.cumsum(self._arrival_rng.exponential(1.0, GROUP))
            weeks, within = np.divmod(level, per_week)
            times = weeks * 168 + np.interp(within, cum, hours)
            times = times[times < until]
            if len(times):
                yield times
            if len(times) < GROUP:
                return
            level = level[-1]

    def groups(self, until: float) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Blocks of (arrival time, uniform rows), in arrival order, before ``until``."""
        batch = self.spec.arrivals.batch
        if batch is None:
            for times in self._arrival_times(until):
                yield times, self._rows.take(len(times))
            return
        for calls in self._arrival_times(until):
            sizes = np.maximum(1, np.rint(batch.size.ppf(self._arrival_rng.random(len(calls)))))
            for t, n in zip(calls, sizes.astype(int), strict=True):
                yield np.full(n, t), self._rows.take(n)

    # -- consignments -------------------------------------------------------------------
    def make(
        self, arrived: np.ndarray, u: np.ndarray, cohort: Callable[[float], bool]
    ) -> tuple[list[Consignment], GreenBlock | None, list[OneLaneBlock]]:
        """Turn a block of uniform rows into consignments (all transforms vectorised).

        Consignments that will meet no lane are finished at once, vectorised (the green
        block); those whose one queue is the declaration review or the gate go to the lane in
        bulk (one-lane blocks); the others are returned to be started as flows.
        """
        spec, sc = self.spec, self.scenario
        n = len(arrived)
        tr = spec.traffic

        def pick(shares: dict[str, float], keys, col: int) -> np.ndarray:
            cum = np.cumsum([shares.get(k, 0.0) for k in keys])
            return np.minimum(np.searchsorted(cum, u[:, col], side="right"), len(keys) - 1)

        direction = pick(spec.direction, DIRECTIONS, C.U_DIRECTION)
        commodity = pick(tr.commodities, self.commodities, C.U_COMMODITY)
        tclass = pick(tr.trader_classes, TRADER_CLASSES, C.U_CLASS)
        origins = list(tr.origins)
        origin = pick(tr.origins, origins, C.U_ORIGIN)
        value = tr.value.ppf(u[:, C.U_VALUE])
        containers = np.maximum(1, np.rint(tr.containers.ppf(u[:, C.U_CONTAINERS]))).astype(int)

        discharged = arrived.copy()
        batch = spec.arrivals.batch
        if batch is not None and n:
            span = containers.sum() / batch.discharge_rate  # the whole call's discharge
            discharged = arrived + span * u[:, C.U_DISCHARGE] ** (1.0 / containers)

        decl = spec.declaration
        adv_share = np.where(direction == 0, decl.advance_share.import_, decl.advance_share.export)
        advance = u[:, C.U_ADVANCE] < adv_share
        lead = np.minimum(decl.advance_lead.ppf(u[:, C.U_ADVANCE_LEAD]), sc.declaration.advance_max)
        review_p = np.array([sc.declaration.review(k) for k in TRADER_CLASSES])[tclass]
        review = u[:, C.U_REVIEW] < review_p

        sel = self.selector.select(
            SelectionInput(
                port=self.name,
                direction=direction,
                commodity=commodity,
                trader_class=tclass,
                value=value,
                origin=origin,
                uniforms={
                    "document": u[:, C.U_SEL_DOC],
                    "scan": u[:, C.U_SEL_SCAN],
                    "physical": u[:, C.U_SEL_PHYS],
                    "quarantine": u[:, C.U_SEL_QUAR],
                },
            )
        )

        def times(dist, col: int) -> np.ndarray:
            return dist.ppf(u[:, col]) if dist is not None else np.zeros(n)

        def service(lane_spec, col: int) -> np.ndarray:
            return times(lane_spec.service if lane_spec is not None else None, col)

        scan, exam, q = spec.scan, spec.exam, spec.quarantine
        ir = scan.image_review if scan else None
        hit_p = np.array([sc.commodities[k].exam_hit for k in self.commodities])[commodity]
        rej_p = np.array([sc.commodities[k].quarantine_reject for k in self.commodities])[commodity]
        columns = [
            direction,
            commodity,
            tclass,
            value,
            origin,
            containers,
            discharged,
            advance,
            lead,
            times(decl.lodging_delay, C.U_LODGING),
            review,
            service(spec.review, C.U_REVIEW_TIME),
            times(sc.declaration.second_submission, C.U_SECOND),
            sel["document"],
            sel["scan"],
            sel["physical"],
            sel["quarantine"],
            service(spec.document_check, C.U_DOC_TIME),
            service(scan.scanners if scan else None, C.U_SCAN_TIME),
            u[:, C.U_AI_READ] < (ir.ai_share if ir else 0.0),
            u[:, C.U_AI_CLEAR] < (ir.ai_clear if ir else 0.0),
            service(ir.officers if ir else None, C.U_IMAGE_TIME),
            u[:, C.U_REFER] < (ir.refer if ir else 0.0),
            times(exam.move if exam else None, C.U_MOVE),
            times(exam.duration if exam else None, C.U_EXAM_TIME),
            times(q.check if q else None, C.U_QCHECK),
            u[:, C.U_SAMPLE] < (q.sample_share if q else 0.0),
            times(q.lab.incubation if q and q.lab else None, C.U_INCUBATION),
            times(q.clearance_form if q else None, C.U_FORM),
            u[:, C.U_HIT] < hit_p,
            u[:, C.U_REJECT] < rej_p,
            times(spec.release.pickup, C.U_PICKUP),
            service(spec.release.gate, C.U_GATE),
            times(exam.move if exam else None, C.U_QMOVE),
        ]
        table = np.column_stack(columns).astype(float)
        first = self.created
        self.created += n
        index = np.arange(first, first + n)
        green, singles = None, []
        slow = np.ones(n, bool)
        if self.fast:
            touches = self._touches(table)
            anything = np.logical_or.reduce(list(touches.values()))
            pure = ~anything
            if pure.any():
                green = green_flow(self, index[pure], arrived[pure], table[pure])
            slow &= anything
            kinds = (
                ("review", self.review),
                ("document", self.document),
                ("scan", self.scanners),
                ("gate", self.gate),
            )
            for kind, lane in kinds:
                if lane is None or lane.unlimited:
                    continue
                others = np.logical_or.reduce([v for k, v in touches.items() if k != kind])
                only = touches[kind] & ~others
                if kind == "scan":  # and the image review adds no queue and no exam
                    only &= self._image_review_is_a_delay(table)
                if only.any():
                    singles.append(
                        OneLaneBlock(
                            self, kind, index[only], arrived[only], table[only], self.env.now
                        )
                    )
                    slow &= ~only
        rows = table[slow].tolist()
        made = [
            Consignment(self.index, int(i), a, cohort(a), r)
            for i, a, r in zip(index[slow].tolist(), arrived[slow].tolist(), rows, strict=True)
        ]
        if self.fast:
            for c, one in zip(made, (self._visits(table[slow]) == 1).tolist(), strict=True):
                c.deferred = one
        return made, green, singles

    def _visits(self, t: np.ndarray) -> np.ndarray:
        """How many queues each consignment will meet (examinations and the lab count 2).

        A consignment that meets exactly one FIFO lane can hand it a deferred booking: its
        request time is known now, and everything after the lane is arithmetic.
        """
        n = np.zeros(len(t), np.int64)

        def finite(lane) -> bool:
            return lane is not None and not lane.unlimited

        no = np.zeros(len(t), bool)
        if finite(self.review):
            n += t[:, C.R_REVIEW] > 0
        if finite(self.document):
            n += t[:, C.R_SEL_DOC] > 0
        scan = t[:, C.R_SEL_SCAN] > 0 if self.scanners is not None else no
        read = scan & ~((t[:, C.R_AI_READ] > 0) & (t[:, C.R_AI_CLEAR] > 0))
        if finite(self.scanners):
            n += scan
        if finite(self.image_officers):
            n += read
        physical = (
            (t[:, C.R_SEL_PHYS] > 0) | (read & (t[:, C.R_REFER] > 0))
            if self.bays is not None
            else no
        )
        quarantine = t[:, C.R_SEL_QUAR] > 0 if self.quarantine_officers is not None else no
        holds = (
            physical.astype(np.int64) + quarantine
            if self.separate_inspection
            else (physical | quarantine).astype(np.int64)
        )
        n += holds * (1 if self.simple_cell else 2)
        if self.lab is not None:
            n += 2 * (quarantine & (t[:, C.R_SAMPLE] > 0))
        if finite(self.gate):
            n += 1
        if self.org_waits:
            n += 2
        return n

    def _image_review_is_a_delay(self, t: np.ndarray) -> np.ndarray:
        """Scanned consignments whose image review meets no queue and refers none to an exam."""
        read = ~((t[:, C.R_AI_READ] > 0) & (t[:, C.R_AI_CLEAR] > 0))
        queue = read & (not self.image_officers.unlimited)
        refer = read & (t[:, C.R_REFER] > 0) & (self.bays is not None)
        return ~(queue | refer)

    def _touches(self, t: np.ndarray) -> dict[str, np.ndarray]:
        """Which lanes (finite or not) each consignment's path will touch, by step."""
        n = len(t)
        no = np.zeros(n, bool)
        out = {"review": t[:, C.R_REVIEW] > 0 if self.review is not None else no}
        for key, lane, col in (
            ("document", self.document, C.R_SEL_DOC),
            ("scan", self.scanners, C.R_SEL_SCAN),
            ("physical", self.bays, C.R_SEL_PHYS),
            ("quarantine", self.quarantine_officers, C.R_SEL_QUAR),
        ):
            out[key] = t[:, col] > 0 if lane is not None else no
        out["gate"] = np.ones(n, bool) if self.gate is not None else no
        out["organisation"] = np.ones(n, bool) if self.org_waits else no
        return out

    def arrivals(
        self,
        start: Callable[[Consignment], None],
        finish: Callable[[GreenBlock], None],
        book: Callable[[OneLaneBlock], None],
        until: float,
        cohort: Callable[[float], bool],
    ) -> Generator[simpy.Event, Any, None]:
        """The port's arrival process: make each block just early enough, then start flows.

        A block is made ``advance_max`` before its first arrival, because an advance
        declaration may need an officer before its goods arrive.
        """
        env = self.env
        lead = self.scenario.declaration.advance_max
        for arrived, u in self.groups(until):
            wake = arrived[0] - lead
            if wake > env.now:
                yield env.timeout(wake - env.now)
            made, green, singles = self.make(arrived, u, cohort)
            if green is not None:
                finish(green)
            for block in singles:
                book(block)
            for c in made:
                start(c)
