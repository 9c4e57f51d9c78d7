"""Who owns examination time: a physical exam (and its wait for a slot) is customs' time, a
quarantine-only check in joint mode is quarantine's; with separate inspections the quarantine
exam is quarantine's and the physical exam after it customs'."""

from __future__ import annotations

import numpy as np
import pytest
from det_scenarios import exam, fixed, port, scenario, unlimited

import sim

MOVE, EXAM, QCHECK, LEAD = 0.5, 1.5, 0.75, 1.0


def run(physical: float, quarantine: float, **national) -> sim.RunResult:
    p = port(
        exam=exam(MOVE, EXAM, LEAD),
        quarantine={"officers": unlimited(), "check": fixed(QCHECK)},
    )
    s = scenario({"p": p}, selection={"physical": physical, "quarantine": quarantine}, **national)
    r = sim.simulate(s, 4, log=True)
    assert r.counts["released"] == r.counts["arrived"] > 50
    return r


def close(a, b) -> None:
    np.testing.assert_allclose(np.asarray(a, float), np.asarray(b, float), rtol=0, atol=1e-9)


def owners(r: sim.RunResult):
    return r.owners.set_index("owner")


def nobody_else(log, *owner: str) -> None:
    for o in ("trader", "terminal", "customs", "quarantine", "organisation"):
        if o not in owner:
            close(log[f"own_{o}"], 0.0)


def test_physical_exam_and_its_slot_wait_are_customs_time():
    r = run(physical=1.0, quarantine=0.0)
    log = r.log[r.log.cohort]
    assert log.quarantine_start.isna().all()
    close(log.exam_end - log.exam_start, MOVE + EXAM)
    slot_wait = log.exam_start - log.arrived
    assert (slot_wait >= LEAD - 1e-9).all() and (slot_wait > LEAD + 1).any()  # night waits
    close(log.own_customs, slot_wait + MOVE + EXAM)
    close(log.own_customs, log.exited - log.arrived)
    nobody_else(log, "customs")
    o = owners(r)
    assert o.loc["customs", "share"] == 1.0
    assert o.loc["customs", "mean_h"] == pytest.approx((log.exited - log.arrived).mean())


def test_quarantine_only_check_is_quarantine_time_in_joint_mode():
    r = run(physical=0.0, quarantine=1.0)
    log = r.log[r.log.cohort]
    assert log.exam_start.isna().all()
    close(log.quarantine_end - log.quarantine_start, MOVE + QCHECK)
    close(log.own_quarantine, log.quarantine_end - log.arrived)  # slot wait included
    close(log.own_quarantine, log.exited - log.arrived)
    nobody_else(log, "quarantine")
    o = owners(r)
    assert o.loc["quarantine", "share"] == 1.0
    assert o.loc["customs", "mean_h"] == 0.0


def test_joint_exam_of_both_agencies_is_customs_time():
    r = run(physical=1.0, quarantine=1.0)
    log = r.log[r.log.cohort]
    close(log.exam_start, log.quarantine_start)
    close(log.exam_end - log.exam_start, MOVE + max(EXAM, QCHECK))
    close(log.own_customs, log.exited - log.arrived)
    nobody_else(log, "customs")


def test_separate_inspections_book_each_exam_to_its_agency():
    r = run(physical=1.0, quarantine=1.0, inspection={"mode": "separate"})
    log = r.log[r.log.cohort]
    close(log.quarantine_end - log.quarantine_start, MOVE + QCHECK)
    close(log.exam_end - log.exam_start, MOVE + EXAM)
    assert (log.exam_start >= log.quarantine_end + LEAD - 1e-9).all()
    # quarantine first: its slot wait and check; then customs: its slot wait and exam
    close(log.own_quarantine, log.quarantine_end - log.arrived)
    close(log.own_customs, log.exam_end - log.quarantine_end)
    nobody_else(log, "customs", "quarantine")
    o = owners(r)
    assert o.loc["quarantine", "mean_h"] == pytest.approx(
        (log.quarantine_end - log.arrived).mean(), rel=1e-9
    )
    assert o.loc["customs", "mean_h"] == pytest.approx(
        (log.exam_end - log.quarantine_end).mean(), rel=1e-9
    )
