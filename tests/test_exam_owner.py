"""Who owns examination time: a physical exam (and its wait for a slot) is customs' time, a
quarantine-only check in joint mode is quarantine's; with separate inspections the quarantine
exam is quarantine's and the physical exam after it customs'. Moving the box to the bay and
back is the terminal's (its movers)."""

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
    close(log.exam_end - log.exam_start, EXAM)
    slot_wait = log.exam_start - MOVE - log.arrived
    assert (slot_wait >= LEAD - 1e-9).all() and (slot_wait > LEAD + 1).any()  # night waits
    close(log.own_customs, slot_wait + EXAM)
    close(log.own_terminal, 2 * MOVE)
    close(log.exited - log.arrived, slot_wait + EXAM + 2 * MOVE)
    nobody_else(log, "customs", "terminal")
    o = owners(r)
    assert o.loc["customs", "mean_h"] + o.loc["terminal", "mean_h"] == pytest.approx(
        (log.exited - log.arrived).mean()
    )


def test_quarantine_only_check_is_quarantine_time_in_joint_mode():
    r = run(physical=0.0, quarantine=1.0)
    log = r.log[r.log.cohort]
    assert log.exam_start.isna().all()
    close(log.quarantine_end - log.quarantine_start, QCHECK)
    close(log.own_quarantine, log.quarantine_end - MOVE - log.arrived)  # slot wait included
    close(log.own_terminal, 2 * MOVE)
    nobody_else(log, "quarantine", "terminal")
    o = owners(r)
    assert o.loc["customs", "mean_h"] == 0.0


def test_joint_exam_of_both_agencies_is_customs_time():
    r = run(physical=1.0, quarantine=1.0)
    log = r.log[r.log.cohort]
    close(log.exam_start, log.quarantine_start)
    close(log.exam_end - log.exam_start, max(EXAM, QCHECK))
    close(log.own_customs, log.exited - log.arrived - 2 * MOVE)
    close(log.own_terminal, 2 * MOVE)
    nobody_else(log, "customs", "terminal")


def test_separate_inspections_book_each_exam_to_its_agency():
    r = run(physical=1.0, quarantine=1.0, inspection={"mode": "separate"})
    log = r.log[r.log.cohort]
    close(log.quarantine_end - log.quarantine_start, QCHECK)
    close(log.exam_end - log.exam_start, EXAM)
    back = log.quarantine_end + MOVE  # the box is back in the yard: customs books then
    assert (log.exam_start >= back + LEAD + MOVE - 1e-9).all()
    # quarantine first: its slot wait and check; then customs: its slot wait and exam
    close(log.own_quarantine, log.quarantine_end - MOVE - log.arrived)
    close(log.own_customs, log.exam_end - back - MOVE)
    close(log.own_terminal, 4 * MOVE)
    nobody_else(log, "customs", "quarantine", "terminal")


def first_slot(t: np.ndarray) -> np.ndarray:
    """The first hourly appointment (08:00 to 16:00, every day) at or after ``t``."""
    day, hour = np.floor(t / 24), t % 24
    start = np.maximum(np.ceil(hour - 1e-9), 8.0)
    return np.where(start <= 16, day * 24 + start, (day + 1) * 24 + 8)


def test_a_late_traders_wait_for_the_yard_is_the_traders_not_customs():
    """A trader who comes 12 h after the booking misses its appointment: the box waits in its
    bay for the teams' next shift (08:00). That wait, up to the yard's next appointment time,
    is the trader's; customs keeps only the wait for the first slot and the exam itself."""
    teams = {"schedule": [0] * 8 + [50] * 10 + [0] * 6}
    yard = exam(MOVE, EXAM, 0.0, teams=teams)
    yard["trader_attendance"] = {"share": 1.0, "delay": fixed(12.0)}
    p = port(exam=yard)
    s = scenario({"p": p}, selection={"physical": 1.0})
    r = sim.simulate(s, 4, log=True)
    log = r.log[r.log.cohort]
    assert r.counts["released"] == r.counts["arrived"] > 50
    present = log.arrived + 12.0
    night = log.exam_start - MOVE - present
    assert (night > 5).sum() > 10  # many boxes waited for the morning shift
    close(log.own_customs, first_slot(log.arrived.to_numpy()) - log.arrived + EXAM)
    close(log.own_terminal, 2 * MOVE)
    close(log.own_trader, log.exam_start - MOVE - first_slot(log.arrived.to_numpy()))
    nobody_else(log, "customs", "terminal", "trader")
