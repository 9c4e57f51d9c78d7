"""The inspection step: the examination (physical, quarantine, or both, jointly or separately;
the quarantine result and form are in :mod:`sim.model.steps.quarantine`). Plan rule and
scalar form side by side; examinations have no bulk form (they take lanes together), so their
consignments are flows."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import AEO_CLASSES, R
from sim.model.green_lane import green
from sim.model.ipr_hold import released_after_reply
from sim.model.milestones import (
    CUSTOMS,
    EXAM_END,
    EXAM_START,
    INSPECTED,
    Q_END,
    Q_START,
    QUARANTINE,
    TERMINAL,
    TRADER,
)
from sim.model.route import LANE, WAITS, Step, at_port
from sim.model.sample_time import check_work
from sim.model.steps import yard
from sim.model.steps.after import reviewed_after
from sim.model.steps.checks import read_by_officer, scanned
from sim.model.steps.phases import run_phases
from sim.model.steps.yard import bays_only
from sim.model.truth import UNDERVALUATION

if TYPE_CHECKING:
    from sim.model.journey import Journey
    from sim.model.port import Port

GOODS_READY = R.goods_ready


def physical_rows(p: Port, r: np.ndarray) -> np.ndarray:
    """Selected for a physical exam, or referred to one: by the officer who read the scan
    image, or by an alarm of the document check (see :func:`document_refers`)."""
    if p.bays is None:
        return np.zeros(len(r), bool)
    referred = scanned(p, r) & read_by_officer(r) & (r[:, R.refer] > 0)
    return np.asarray((r[:, R.sel_physical] > 0) | referred | document_refers(p, r))


def document_refers(p: Port, r: np.ndarray) -> np.ndarray:
    """A document check's alarm sends the goods to a physical exam, unless what it found is
    undervaluation (the duty is reassessed on the papers)."""
    checked = at_port(p.document is not None, (r[:, R.sel_document] > 0) & ~reviewed_after(p, r))
    return np.asarray(checked & (r[:, R.doc_alarm] > 0) & (r[:, R.illicit] != UNDERVALUATION))


def quarantine_rows(p: Port, r: np.ndarray) -> np.ndarray:
    return at_port(p.quarantine_officers is not None, r[:, R.sel_quarantine] > 0)


def needs(p: Port, r: Sequence[float]) -> tuple[bool, bool]:
    """:func:`physical_rows` and :func:`quarantine_rows` for one consignment."""
    scan = bool(r[R.sel_scan]) and p.scanners is not None
    read = not (r[R.ai_read] and r[R.ai_clear])
    referred = scan and read and bool(r[R.refer])
    by_papers = (
        bool(r[R.sel_document])
        and p.document is not None
        and not r[R.tax_after]
        and bool(r[R.doc_alarm])
        and r[R.illicit] != UNDERVALUATION
    )
    physical = p.bays is not None and (bool(r[R.sel_physical]) or referred or by_papers)
    return physical, bool(r[R.sel_quarantine]) and p.quarantine_officers is not None


class Inspect(Step):
    """Physical and quarantine examinations in the exam yard, in daytime appointment slots.
    Separate (before 2018): two bookings, two moves. Joint: one booking, one move.

    An examination is booked into the first appointment slot with room, then runs in three
    phases: *move in* (a bay and a mover: the mover brings the box and leaves), *exam* (the
    bay, kept, and an exam team, plus quarantine officers when both agencies examine; in a
    cross-trained pool, two of its officers), *move out* (a mover takes the box back; the bay
    is released when the box has left it, at the end of the move out). At the trader's
    premises (a share of AEO examinations) there is only the exam phase. When the trader
    must attend, the box is brought in no earlier than the trader arrives.

    Who owns the time (the constraint that binds): the wait for the first slot the booking
    lead allows is the examining agency's (customs for a physical or joint exam, quarantine
    for a quarantine-only check); the further wait because earlier slots were full is
    customs'; the wait for the trader to arrive is the trader's, and so, when it came after its
    appointment (missed it), is a wait for the yard's lanes until the next appointment time (the
    yard would not have examined the goods before it); a wait for lanes is booked to
    the owner of the lane that held the job back (bays and movers: terminal, teams and a
    cross-trained pool: customs, quarantine officers: quarantine); moving is the terminal's
    and the examination itself the examining agency's.
    """

    name = "inspect"
    waits = True
    ends = True
    bulk_form = False

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.asarray(physical_rows(p, r) | quarantine_rows(p, r))

    def lanes_of(self, p: Port) -> tuple[Any, ...] | None:
        """With at most one finite lane in the yard (a FIFO lane) and slots without a limit,
        an examination is arithmetic but for that lane; otherwise it may wait on events (and
        a slot booked depends on the order of bookings)."""
        if not p.simple_cell or p.slots is None or p.slots.capacity is not None:
            return None
        return (p.bays, p.movers, p.teams, p.quarantine_officers)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        physical, quarantine = physical_rows(p, r), quarantine_rows(p, r)
        if p.separate_inspection:
            holds = physical.astype(np.int64) + quarantine
        else:
            holds = (physical | quarantine).astype(np.int64)
        # lanes taken together count 2; a FIFO lane as many times as it is visited (a
        # mover twice: in and out), an overcount being harmless
        per_exam = 2 if not p.simple_cell or p.movers is not None and not p.movers.unlimited else 1
        return np.asarray(holds * per_exam)

    def kind(self, p: Port) -> int:
        return LANE if bays_only(p) else WAITS  # (a lane step: see steps.yard)

    def visit(self, j: Journey) -> tuple[Any, float, float] | None:
        p, r = j.port, j.r
        j.exam = physical, quarantine = self.ready(j)
        staff, work, owner = self.joint_exam(p, r, physical, quarantine)
        visit = yard.visit(j, staff, work * p.slowdown, r[R.move], r[R.move_out], owner)
        if visit is None:  # nothing to book: the step is complete
            self.visited(j, j.t, j.t)
        return visit

    def visited(self, j: Journey, start: float, end: float) -> None:
        start, end = yard.visited(j, start, end)
        physical, quarantine = j.exam
        if physical:
            j.m[EXAM_START], j.m[EXAM_END] = start, end
        if quarantine:
            j.m[Q_START], j.m[Q_END] = start, end
        j.m[INSPECTED] = j.t  # (the box back from the bay)
        self.concluded(j, physical, quarantine)

    @staticmethod
    def ready(j: Journey) -> tuple[bool, bool]:
        """Which examinations ``j`` needs; its clock moved to when the goods (and, for
        quarantine, its declaration) are ready."""
        physical, quarantine = needs(j.port, j.r)
        t = j.t
        if t < j.r[GOODS_READY]:
            t = j.r[GOODS_READY]
            j.clock.to(t, TERMINAL)
        if quarantine and t < j.lodged_q:  # quarantine cannot act before its own declaration
            t = j.lodged_q
            j.clock.to(t, TRADER)
        j.t = t
        return physical, quarantine

    def flow(self, j: Journey) -> Generator[Any, Any, None]:
        p = j.port
        physical, quarantine = self.ready(j)
        if p.separate_inspection:
            yield from self.separately(j, physical, quarantine)
        else:  # one examination (written out: a generator less to pass through)
            staff, work, owner = self.joint_exam(p, j.r, physical, quarantine)
            r, m = j.r, j.m
            start, end = yield from self.examine(
                j, staff, work * p.slowdown, r[R.move], r[R.move_out], owner
            )
            if physical:
                m[EXAM_START], m[EXAM_END] = start, end
            if quarantine:
                m[Q_START], m[Q_END] = start, end
        j.m[INSPECTED] = j.t  # (the box back from the bay, after the last examination)
        self.concluded(j, physical, quarantine)

    @staticmethod
    def concluded(j: Journey, physical: bool, quarantine: bool) -> None:
        """What the examinations found: seized goods end the journey."""
        p, c = j.port, j.c
        c.did_physical, c.did_quarantine = physical, quarantine
        found = bool(physical and j.r[R.exam_finds])
        if found or not quarantine:  # a quarantine check's result comes later
            p.observe(j, found)
        if found:
            caught = p.caught[int(j.r[R.illicit])]
            if caught is not None and not released_after_reply(j):  # (enforcement.ipr)
                c.outcome = caught
                return
        j.q_done = j.t if quarantine else j.lodged_q

    def separately(self, j: Journey, physical: bool, quarantine: bool) -> Generator[Any, Any, None]:
        p, r, m = j.port, j.r, j.m
        if quarantine:
            staff = (p.quarantine_officers,)
            move = r[R.quarantine_move]
            start, end = yield from self.examine(
                j, staff, check_work(p, r), move, move, QUARANTINE
            )
            m[Q_START], m[Q_END] = start, end
        if physical:
            staff = (p.teams,)
            start, end = yield from self.examine(
                j, staff, r[R.exam_time], r[R.move], r[R.move_out], CUSTOMS
            )
            m[EXAM_START], m[EXAM_END] = start, end

    @staticmethod
    def joint_exam(
        p: Port, r: Sequence[float], physical: bool, quarantine: bool
    ) -> tuple[tuple[Any, ...], float, int]:
        """A joint examination's staff, work and owner (before any cross-training slowdown).
        Both agencies: the teams and the quarantine officers (in a pool: two of its
        officers) for the longer of the two exams."""
        if physical and quarantine:
            return (
                (p.teams, p.quarantine_officers),
                max(r[R.exam_time], check_work(p, r)),
                CUSTOMS,
            )
        if physical:
            return (p.teams,), r[R.exam_time], CUSTOMS
        return (p.quarantine_officers,), check_work(p, r), QUARANTINE

    def examine(
        self,
        j: Journey,
        staff: tuple[Any, ...],
        work: float,
        move_in: float,
        move_out: float,
        agency: int,
    ) -> Generator[Any, Any, tuple[float, float]]:
        """One examination from booking to the box back in the yard; (start, end) of the
        examination itself. Moves ``j.t`` to the end of the move out."""
        p, r = j.port, j.r
        appointment, slots = None, p.slots
        if slots is not None and slots.capacity is not None:  # booked at the booking's own
            # time, the bookings of one moment in arrival order (unlimited: order-free)
            asked = j.t if j.t > j.env.now else j.env.now
            appointment = yield slots.ask(asked, j.c.index, j.t + p.booking_lead)
        phases, premises = yard.to_the_bay(j, staff, work, move_in, move_out, agency, appointment)
        first = (p.aeo_priority and int(r[R.trader_class]) in AEO_CLASSES) or green(p, r)
        times = yield from run_phases(j, phases, 0 if first else 1)
        return times[0 if premises else 1]
