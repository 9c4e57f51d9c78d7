"""The clearance flow of one consignment, milestone by milestone (DESIGN.md section 2).

The flow keeps its own clock ``t``. Steps that cannot queue are arithmetic on ``t``; only a
finite lane, the lab or a wait on the organisation yields a SimPy event. A consignment that meets
no constrained resource (most go green) therefore runs to the end without a single event.

Every stretch of time between arrival and exit is booked to one owner as the flow passes it
(the constraint that held the consignment back): the trader, the terminal, customs,
quarantine or the organisation.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import simpy

from sim.model.consignment import (
    R_ADVANCE,
    R_ADVANCE_LEAD,
    R_AI_CLEAR,
    R_AI_READ,
    R_DISCHARGED,
    R_DOC_TIME,
    R_EXAM_TIME,
    R_FORM,
    R_GATE,
    R_HIT,
    R_IMAGE_TIME,
    R_INCUBATION,
    R_LODGING,
    R_MOVE,
    R_PICKUP,
    R_QCHECK,
    R_QMOVE,
    R_REFER,
    R_REJECT,
    R_REVIEW,
    R_REVIEW_TIME,
    R_SAMPLE,
    R_SCAN_TIME,
    R_SECOND,
    R_SEL_DOC,
    R_SEL_PHYS,
    R_SEL_QUAR,
    R_SEL_SCAN,
    Consignment,
)
from sim.model.lane import hold, serve
from sim.model.milestones import CUSTOMS, QUARANTINE, REJECTED, SEIZED, TERMINAL, TRADER, M
from sim.model.organisation import Organisation
from sim.model.port import PortModel

ARRIVED, DISCHARGED, LODGED, LODGED_Q, ACCEPTED, ASSESSED = (
    M["arrived"],
    M["discharged"],
    M["lodged"],
    M["lodged_quarantine"],
    M["accepted"],
    M["assessed"],
)
DOC_START, DOC_END, SCAN_START, SCAN_END, IMAGE_START, IMAGE_END = (
    M["doc_start"],
    M["doc_end"],
    M["scan_start"],
    M["scan_end"],
    M["image_start"],
    M["image_end"],
)
EXAM_START, EXAM_END, Q_START, Q_END, LAB_START, LAB_END = (
    M["exam_start"],
    M["exam_end"],
    M["quarantine_start"],
    M["quarantine_end"],
    M["lab_start"],
    M["lab_end"],
)
Q_CLEARED, RELEASED, EXITED = M["quarantine_cleared"], M["released"], M["exited"]


class Owners:
    """Books the time from arrival onwards to owners, as the flow's clock moves forward."""

    __slots__ = ("own", "cursor")

    def __init__(self, own: list[float], arrived: float):
        self.own, self.cursor = own, arrived

    def to(self, t: float, owner: int) -> None:
        if t > self.cursor:
            self.own[owner] += t - self.cursor
            self.cursor = t


def clearance(
    env: simpy.Environment, port: PortModel, org: Organisation, c: Consignment, done
) -> Generator[simpy.Event, Any, None]:
    """Move ``c`` from arrival to exit (or seizure / rejection); ``done(c)`` books it."""
    r, m = c.req, c.m
    cohort = c.cohort
    arrived, discharged = c.arrived, r[R_DISCHARGED]
    m[ARRIVED], m[DISCHARGED] = arrived, discharged
    clock = Owners(c.own, arrived)

    # 1. lodging: before arrival (advance) or after it (the trader's delay)
    t = arrived - r[R_ADVANCE_LEAD] if r[R_ADVANCE] else arrived + r[R_LODGING]
    m[LODGED] = t
    clock.to(t, TRADER)
    lodged_q = t
    if port.separate_declarations:  # a second declaration to inspection & quarantine
        lodged_q = t + r[R_SECOND]
        m[LODGED_Q] = lodged_q

    # 2. acceptance: automatic, or officer review
    if r[R_REVIEW] and port.review is not None:
        _, t = yield from serve(env, port.review, t, r[R_REVIEW_TIME], c)
    m[ACCEPTED] = t
    clock.to(t, CUSTOMS)

    # 3. risk assessment (selection was drawn with the block); escalation point
    t += port.assess
    m[ASSESSED] = t
    clock.to(t, CUSTOMS)
    t = yield from org.wait(c, t, "assessment", clock)

    # 4. checks
    if r[R_SEL_DOC] and port.document is not None:
        m[DOC_START], t = yield from serve(env, port.document, t, r[R_DOC_TIME], c)
        m[DOC_END] = t
        c.did_doc = True
        clock.to(t, CUSTOMS)

    physical = r[R_SEL_PHYS] and port.bays is not None
    quarantine = r[R_SEL_QUAR] and port.quarantine_officers is not None
    if r[R_SEL_SCAN] and port.scanners is not None:
        if t < discharged:
            t = discharged
            clock.to(t, TERMINAL)
        m[SCAN_START], t = yield from serve(env, port.scanners, t, r[R_SCAN_TIME], c)
        m[SCAN_END] = t
        c.did_scan = True
        clock.to(t, CUSTOMS)
        cleared = False
        if r[R_AI_READ]:
            t += port.ai_time
            cleared = r[R_AI_CLEAR]
        if not cleared:
            m[IMAGE_START], t = yield from serve(env, port.image_officers, t, r[R_IMAGE_TIME], c)
            physical = physical or (r[R_REFER] and port.bays is not None)
        m[IMAGE_END] = t
        clock.to(t, CUSTOMS)

    q_done = lodged_q
    if physical or quarantine:
        if t < discharged:
            t = discharged
            clock.to(t, TERMINAL)
        if quarantine and t < lodged_q:  # quarantine cannot act before its own declaration
            t = lodged_q
            clock.to(t, TRADER)
        if port.separate_inspection:
            if quarantine:
                t = port.slots.next_start(t + port.booking_lead)
                clock.to(t, QUARANTINE)
                m[Q_START], t = yield from hold(
                    env,
                    port.cell,
                    [port.bays, port.movers, port.quarantine_officers],
                    t,
                    r[R_QMOVE] + r[R_QCHECK],
                    c,
                )
                m[Q_END] = t
                clock.to(t, QUARANTINE)
            if physical:
                t = port.slots.next_start(t + port.booking_lead)
                clock.to(t, CUSTOMS)
                m[EXAM_START], t = yield from hold(
                    env,
                    port.cell,
                    [port.bays, port.movers, port.teams],
                    t,
                    r[R_MOVE] + r[R_EXAM_TIME],
                    c,
                )
                m[EXAM_END] = t
                clock.to(t, CUSTOMS)
        else:  # joint: one move, one booking
            lanes = [port.bays, port.movers]
            if physical and quarantine and not port.cross_trained:
                lanes += [port.teams, port.quarantine_officers]
                work = max(r[R_EXAM_TIME], r[R_QCHECK])
            elif physical and quarantine:
                lanes.append(port.teams)
                work = r[R_EXAM_TIME] + r[R_QCHECK]
            elif physical:
                lanes.append(port.teams)
                work = r[R_EXAM_TIME]
            else:
                lanes.append(port.teams if port.cross_trained else port.quarantine_officers)
                work = r[R_QCHECK]
            owner = CUSTOMS if physical else QUARANTINE
            t = port.slots.next_start(t + port.booking_lead)
            clock.to(t, owner)
            start, t = yield from hold(env, port.cell, lanes, t, r[R_MOVE] + work, c)
            if physical:
                m[EXAM_START], m[EXAM_END] = start, t
            if quarantine:
                m[Q_START], m[Q_END] = start, t
            clock.to(t, owner)
        c.did_physical, c.did_quarantine = physical, quarantine
        if physical and r[R_HIT]:
            c.outcome = SEIZED
            done(c)
            return
        q_done = t if quarantine else lodged_q

    if quarantine:
        if r[R_SAMPLE] and port.lab is not None:
            if t > env.now:
                yield env.timeout(t - env.now)
            m[LAB_START] = t
            _, t = yield port.lab.submit(r[R_INCUBATION], cohort)
            m[LAB_END] = t
            clock.to(t, QUARANTINE)
            q_done = t
        if r[R_REJECT]:
            c.outcome = REJECTED
            done(c)
            return

    # 5. separate declarations: customs releases only against the quarantine clearance form
    if port.separate_declarations:
        q_done += r[R_FORM]
        m[Q_CLEARED] = q_done
        if q_done > t:
            t = q_done
            clock.to(t, QUARANTINE)

    # 6. release, then exit (the trader picks the goods up, the terminal's gate lets them out)
    t = max(t, arrived)
    m[RELEASED] = t
    clock.to(t, CUSTOMS)
    if t < discharged:
        t = discharged
        clock.to(t, TERMINAL)
    t += r[R_PICKUP]
    clock.to(t, TRADER)
    if port.gate is not None:
        _, t = yield from serve(env, port.gate, t, r[R_GATE], c)
        clock.to(t, TERMINAL)
    m[EXITED] = t
    done(c)
