"""A quarantine check in the exam yard holds a bay, as a physical examination does: the box
(or truck) is moved into a bay, checked there by the quarantine officers and moved out, so a
selection that adds quarantine checks loads the yard's bays by the moves as well as the
check (``docs/laboratory.md``: why selecting every plant consignment fills the land border's
yard)."""

from __future__ import annotations

import pytest
from det_scenarios import exam, fixed, port, scenario

import sim

MOVE, EXAM, QCHECK = 0.25, 1.0, 0.5


def _per_job(physical: float) -> tuple[float, float]:
    """The bays' and the quarantine officers' busy hours per job they took, every
    consignment checked by quarantine (and by customs too when ``physical``)."""
    p = port(exam=exam(MOVE, EXAM, 0.0, bays={"capacity": 50}),
             quarantine={"officers": {"capacity": 50}, "check": fixed(QCHECK)})
    s = scenario({"p": p}, selection={"physical": physical, "quarantine": 1.0}, days=1)
    m = sim.simulate(s, 1).metrics()
    bays = m["in_service_mean_p_exam_bays"] / m["arrivals_per_hour_p_exam_bays"]
    officers = (m["in_service_mean_p_quarantine_officers"]
                / m["arrivals_per_hour_p_quarantine_officers"])
    return bays, officers


def test_a_quarantine_only_check_holds_a_bay_for_its_moves_and_its_check():
    bays, officers = _per_job(physical=0.0)
    assert officers == pytest.approx(QCHECK, rel=0.05)
    assert bays == pytest.approx(MOVE + QCHECK + MOVE, rel=0.05)


def test_a_joint_examination_holds_one_bay_for_the_longer_work():
    bays, officers = _per_job(physical=1.0)
    assert bays == pytest.approx(MOVE + max(EXAM, QCHECK) + MOVE, rel=0.05)
