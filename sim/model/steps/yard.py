"""An examination in a yard whose only finite lane is the bays (a FIFO lane), as a lane step:
the arithmetic before the bay (appointment, the trader's arrival, the move in's unlimited
lanes), one booking of the bay for the whole stretch (move in, exam, move out), and the
arithmetic after it. It is what :func:`sim.model.steps.phases.run_phases` does for such a
yard, step for step and in the same order, without its generators: the SimPy interpreter
visits the bay as it visits any FIFO lane (see :mod:`sim.model.journey`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sim.model.draws import R
from sim.model.milestones import CUSTOMS, TERMINAL, TRADER
from sim.model.steps.phases import Phase, one_stretch, phase_plan, waited

INF = float("inf")

if TYPE_CHECKING:
    from sim.model.journey import Journey
    from sim.model.port import Port


def bays_only(p: Port) -> bool:
    """Whether an examination at ``p`` is a lane step: slots without a limit and no finite
    lane in the yard but (FIFO) bays, one joint examination."""
    if p.slots is None or p.slots.capacity is not None or p.separate_inspection:
        return False
    others = (p.movers, p.teams, p.quarantine_officers)
    return p.bays is not None and p.bays.booked and all(x is None or x.unlimited for x in others)


def to_the_bay(
    j: Journey,
    staff: tuple[Any, ...],
    work: float,
    move_in: float,
    move_out: float,
    agency: int,
    appointment: tuple[float, float] | None = None,
) -> tuple[list[Phase], bool]:
    """Book the examination's slot (unless ``appointment`` was booked already) and wait for
    the trader if it attends (``j.t`` moves to when the examination may start); its phases,
    and whether it is done at the trader's premises (no bay, no mover). The bay is kept from
    the move in to the end of the move out."""
    p, r, clock = j.port, j.r, j.clock
    booked = j.t
    first, slot = p.appointment(booked) if appointment is None else appointment
    clock.to(first, agency)
    clock.to(slot, CUSTOMS)  # earlier slots were full
    if j.c.cohort and p.slots is not None and p.slots.capacity is not None:
        p.slots.waited(booked, slot - first)
    t = slot
    j.missed = -INF
    premises = bool(r[R.premises])
    if r[R.attend] and not premises:
        present = booked + r[R.attend_delay]
        if present > t:
            t = present
            clock.to(t, TRADER)
            assert p.slots is not None  # (an appointment was booked)
            j.missed = p.slots.next_start(t)
    j.t = t
    if premises:
        return [(staff, work, agency, 0)], True
    return [
        ((p.bays, p.movers), move_in, TERMINAL, 0),
        ((p.bays, *staff), work, agency, 0),
        ((p.bays, p.movers), move_out, TERMINAL, 1),
    ], False


def visit(
    j: Journey, staff: tuple[Any, ...], work: float, move_in: float, move_out: float, agency: int
) -> tuple[Any, float, float] | None:
    """Up to the bay: (the bays, request time, the stretch's service), or None when there is
    none to book (an examination at the trader's premises); ``j.phases`` keeps the phases."""
    p = j.port
    phases, premises = to_the_bay(j, staff, work, move_in, move_out, agency)
    t = j.t
    key = tuple(phase[0] for phase in phases)
    known = p.cell.plans.get(key)
    if known is None:  # (shared with run_phases, which would take this plan in one stretch)
        plan = phase_plan(key)
        known = p.cell.plans[key] = (plan, one_stretch(plan))
    unlimited = tuple(x[0] for x in known[0])
    j.phases = (phases, unlimited, premises)
    cohort = j.c.cohort
    for lane in unlimited[0]:
        lane.delay(phases[0][1], cohort)
    if premises:
        return None
    span = 0.0
    for phase in phases:
        span += phase[1]
    return p.bays, t, span


def visited(j: Journey, start: float, end: float) -> tuple[float, float]:
    """After the bay (``start``: when the stretch started; ignored without a bay): the
    phases' times and owners; (start, end) of the examination itself."""
    phases, unlimited, premises = j.phases
    t, clock, cohort = j.t, j.clock, j.c.cohort
    if not premises and start > t:
        waited(j, start, j.port.owner_of.get(j.port.bays, phases[0][2]))
        t = start
    times = (t, t)
    for i, (_, duration, owner, _) in enumerate(phases):
        if i:
            for lane in unlimited[i]:
                lane.delay(duration, cohort)
        if i == len(phases) // 2:  # the examination itself (the only phase, or the middle)
            times = (t, t + duration)
        t += duration
        clock.to(t, owner)
    j.t = t
    return times
