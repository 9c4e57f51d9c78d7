"""Inspection steps: the examination (physical, quarantine, or both, jointly or separately),
the quarantine result (laboratory, rejection) and, with separate declarations, the quarantine
clearance form. Plan rule, scalar and bulk forms side by side; examinations and the lab have
no bulk form (they take lanes together and run batches), so their consignments are flows."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.cell import hold
from sim.model.draws import R
from sim.model.milestones import (
    CUSTOMS,
    EXAM_END,
    EXAM_START,
    LAB_END,
    LAB_START,
    Q_CLEARED,
    Q_END,
    Q_START,
    QUARANTINE,
    REJECTED,
    SEIZED,
    TERMINAL,
    TRADER,
    TREATED,
)
from sim.model.route import Step
from sim.model.steps.checks import read_by_officer, scanned

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port

GOODS_READY = R.goods_ready


def physical_rows(p: Port, r: np.ndarray) -> np.ndarray:
    """Selected for a physical exam, or referred to one by the officer who read the image."""
    if p.bays is None:
        return np.zeros(len(r), bool)
    referred = scanned(p, r) & read_by_officer(r) & (r[:, R.refer] > 0)
    return np.asarray((r[:, R.sel_physical] > 0) | referred)


def quarantine_rows(p: Port, r: np.ndarray) -> np.ndarray:
    return (r[:, R.sel_quarantine] > 0) & (p.quarantine_officers is not None)


def needs(p: Port, r: list[float]) -> tuple[bool, bool]:
    """:func:`physical_rows` and :func:`quarantine_rows` for one consignment."""
    scan = bool(r[R.sel_scan]) and p.scanners is not None
    read = not (r[R.ai_read] and r[R.ai_clear])
    referred = scan and read and bool(r[R.refer])
    physical = p.bays is not None and (bool(r[R.sel_physical]) or referred)
    return physical, bool(r[R.sel_quarantine]) and p.quarantine_officers is not None


class Inspect(Step):
    """Physical and quarantine examinations in the exam yard, in daytime appointment slots.
    Separate (before 2018): two bookings, two moves. Joint: one booking, one move."""

    name = "inspect"
    waits = True
    ends = True
    bulk_form = False

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.asarray(physical_rows(p, r) | quarantine_rows(p, r))

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        physical, quarantine = physical_rows(p, r), quarantine_rows(p, r)
        if p.separate_inspection:
            holds = physical.astype(np.int64) + quarantine
        else:
            holds = (physical | quarantine).astype(np.int64)
        return np.asarray(holds * (1 if p.simple_cell else 2))

    def flow(self, j: Journey) -> Generator[Any, Any, None]:
        p, c = j.port, j.c
        physical, quarantine = needs(p, j.r)
        t = j.t
        if t < j.r[GOODS_READY]:
            t = j.r[GOODS_READY]
            j.clock.to(t, TERMINAL)
        if quarantine and t < j.lodged_q:  # quarantine cannot act before its own declaration
            t = j.lodged_q
            j.clock.to(t, TRADER)
        j.t = t
        if p.separate_inspection:
            yield from self.separately(j, physical, quarantine)
        else:
            yield from self.jointly(j, physical, quarantine)
        c.did_physical, c.did_quarantine = physical, quarantine
        if physical and j.r[R.exam_hit]:
            c.outcome = SEIZED
            return
        j.q_done = j.t if quarantine else j.lodged_q

    def separately(self, j: Journey, physical: bool, quarantine: bool) -> Generator[Any, Any, None]:
        p, r, m = j.port, j.r, j.m
        if quarantine:
            t = p.appointment(j.t)
            j.clock.to(t, QUARANTINE)
            lanes = [p.bays, p.movers, p.quarantine_officers]
            work = r[R.quarantine_move] + r[R.quarantine_time]
            m[Q_START], t = yield from hold(j.env, p.cell, lanes, t, work, j.c)
            m[Q_END] = j.t = t
            j.clock.to(t, QUARANTINE)
        if physical:
            t = p.appointment(j.t)
            j.clock.to(t, CUSTOMS)
            lanes = [p.bays, p.movers, p.teams]
            work = r[R.move] + r[R.exam_time]
            m[EXAM_START], t = yield from hold(j.env, p.cell, lanes, t, work, j.c)
            m[EXAM_END] = j.t = t
            j.clock.to(t, CUSTOMS)

    def jointly(self, j: Journey, physical: bool, quarantine: bool) -> Generator[Any, Any, None]:
        p, r, m = j.port, j.r, j.m
        lanes = [p.bays, p.movers]
        if physical and quarantine and not p.cross_trained:
            lanes += [p.teams, p.quarantine_officers]
            work = max(r[R.exam_time], r[R.quarantine_time])
        elif physical and quarantine:
            lanes.append(p.teams)
            work = r[R.exam_time] + r[R.quarantine_time]
        elif physical:
            lanes.append(p.teams)
            work = r[R.exam_time]
        else:
            lanes.append(p.teams if p.cross_trained else p.quarantine_officers)
            work = r[R.quarantine_time]
        owner = CUSTOMS if physical else QUARANTINE
        t = p.appointment(j.t)
        j.clock.to(t, owner)
        start, t = yield from hold(j.env, p.cell, lanes, t, r[R.move] + work, j.c)
        if physical:
            m[EXAM_START], m[EXAM_END] = start, t
        if quarantine:
            m[Q_START], m[Q_END] = start, t
        j.t = t
        j.clock.to(t, owner)


class QuarantineResult(Step):
    """After a quarantine check: a sample may go to the laboratory (each test runs its own
    batches); the goods may then be rejected (returned or destroyed: they leave the clearance
    statistics) or treated (fumigation, heat treatment) and released."""

    name = "quarantine_result"
    waits = True
    ends = True
    bulk_form = False

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return quarantine_rows(p, r)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return 2 * (r[:, R.sample] > 0) * int(p.lab is not None)

    def flow(self, j: Journey) -> Generator[Any, Any, None]:
        p, r, env = j.port, j.r, j.env
        if r[R.sample] and p.lab is not None:
            t = j.t
            if t > env.now:
                yield env.timeout(t - env.now)
            j.m[LAB_START] = t
            test = p.lab_tests[int(r[R.commodity])]
            _, t = yield p.lab.submit(r[R.incubation], j.c.cohort, test)
            j.m[LAB_END] = j.t = j.q_done = t
            j.clock.to(t, QUARANTINE)
        if r[R.quarantine_reject]:
            j.c.outcome = REJECTED
        elif r[R.quarantine_treat]:
            t = j.t + r[R.treatment_time]
            j.m[TREATED] = j.t = j.q_done = t
            j.clock.to(t, QUARANTINE)


class QuarantineForm(Step):
    """Separate declarations: customs releases goods subject to statutory inspection only
    against the quarantine clearance form."""

    name = "quarantine_form"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return (r[:, R.statutory] > 0) & p.separate_declarations

    def flow(self, j: Journey) -> None:
        q_done = j.q_done + j.r[R.clearance_form]
        j.m[Q_CLEARED] = q_done
        if q_done > j.t:
            j.t = q_done
            j.clock.to(q_done, QUARANTINE)

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        q_done = b.q_done + b.req[:, R.clearance_form]
        b.m[rows, Q_CLEARED] = q_done[rows]
        later = rows & (q_done > b.t)
        b.t = t = np.where(later, q_done, b.t)
        b.own[:, QUARANTINE] += np.where(later, np.maximum(t - b.cursor, 0.0), 0.0)
        np.maximum(b.cursor, np.where(later, t, b.cursor), out=b.cursor)
        yield from ()
