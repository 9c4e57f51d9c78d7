"""The exam yard's figures per container (sim/model/exam_figures.py): boxes examined a day,
hours of examination a box and boxes a team examines an hour on duty, checked by hand on a
deterministic yard and against the teams' own utilisation."""

from __future__ import annotations

import math
from typing import Any

from det_scenarios import exam, fixed, port, scenario, unlimited

import sim

BOXES, PER_BOX = 3, 0.5


def _yard(
    teams: dict | None = None, days: float = 2, warmup_days: float = 0, **national: Any
) -> sim.Scenario:
    """A land port whose every declaration, of 3 boxes, is examined, 0.5 h a box."""
    lanes = {"teams": teams} if teams is not None else {}
    p = port(rate="1/h", exam=exam(0.25, PER_BOX, 0.0, **lanes))
    p["traffic"]["containers"] = {"dist": "deterministic", "value": BOXES}
    p["quarantine"] = {"officers": unlimited(), "check": fixed(0.5)}
    return scenario(
        {"p": p}, selection={"physical": 1.0}, days=days, warmup_days=warmup_days,
        drain_days=2, **national,
    )


def test_boxes_a_day_and_hours_a_box_are_counted_from_the_examinations():
    s = _yard()
    res = sim.simulate(s, 1, log=True)
    log = res.log
    ended = log[log.cohort.astype(bool) & log.exam_end.notna()]
    m = res.metrics()
    assert len(ended) > 20
    assert m["exam_boxes_per_day_port_p"] == BOXES * len(ended) / 2  # over the 2 observed days
    assert math.isclose(m["exam_h_per_box_port_p"], PER_BOX)  # each box's examination
    # unlimited teams: no team-hours on duty to divide by
    assert math.isnan(m["exam_boxes_per_team_hour_port_p"])


def test_boxes_a_team_hour_times_hours_a_box_is_the_teams_utilisation():
    """A team is busy for exactly the examination: boxes per team-hour on duty x hours per
    box is the teams' utilisation, up to the examinations at the window's edges (a cohort's
    night arrivals wait for the day's slots, so two days would be off by a quarter)."""
    m = sim.simulate(_yard({"capacity": 2}, days=14, warmup_days=2), 1).metrics()
    per_team_hour = m["exam_boxes_per_team_hour_port_p"]
    assert 0.3 < per_team_hour < 2 / PER_BOX
    implied = per_team_hour * m["exam_h_per_box_port_p"]
    assert math.isclose(implied, m["utilisation_p_exam_teams"], rel_tol=0.05)


def test_a_port_without_an_exam_yard_names_no_yard_figure():
    p = port(rate="1/h")
    m = sim.simulate(scenario({"p": p}, days=1, drain_days=1), 1).metrics()
    assert not [k for k in m if k.startswith(("exam_boxes_", "exam_h_per_box_"))]


def test_a_partial_examination_is_told_its_time_is_not_partial():
    """boxes_opened below 1 lowers detection only: check notes that the yard's times still
    cover every box, naming the fields to scale; a full examination gets no such note."""
    from sim.scenario.dormant import unused_parts

    def notes(opened: float) -> list[str]:
        s = _yard(enforcement={"detection": {"boxes_opened": opened}})
        return [n for n in unused_parts(s) if "boxes_opened" in n]

    assert notes(1.0) == []
    (note,) = notes(0.4)
    assert "boxes_opened = 0.4" in note and "ports.p.exam.duration and move" in note
    assert "opens 40% of the boxes" in note


def test_moves_are_two_a_box_each_visit_to_the_yard():
    """Every declaration of 3 boxes is examined at a bay: 6 moves each (in and out), over the
    observed days, and over every box of the port's consignments."""
    res = sim.simulate(_yard(), 1, log=True)
    log, m = res.log, res.metrics()
    cohort = log[log.cohort.astype(bool)]
    back = cohort.inspected.notna() & (cohort.premises == 0)
    assert back.sum() > 20
    assert m["exam_moves_per_day_port_p"] == 2 * BOXES * back.sum() / 2  # over 2 days
    assert m["exam_moves_per_box_port_p"] == 2 * back.sum() / len(cohort)


def test_separate_inspections_move_a_box_twice_as_often_as_a_joint_one():
    """Before 2018 a box both agencies inspect visits the yard twice (four moves a box); a
    joint inspection once. Checked against the log of the small scenario."""
    from pathlib import Path

    small = Path(__file__).parent / "scenarios" / "small.toml"
    base = sim.load_scenario(small)
    for mode in ("joint", "separate"):
        s = sim.patch(base, {"inspection.mode": mode, "days": 1, "warmup_days": 1,
                             "drain_days": 2})
        res = sim.simulate(s, 1, log=True)
        log, m = res.log, res.metrics()
        c = log[log.cohort.astype(bool) & (log.port == "sea")]
        both = c.exam_start.notna() & c.quarantine_start.notna()
        visits = c.exam_start.notna().astype(int) + c.quarantine_start.notna()
        visits = visits - (both & (mode == "joint"))
        visits[c.inspected.isna() | (c.premises > 0)] = 0
        assert both.sum() > 0 and (c.exam_start[both] != c.quarantine_start[both]).all() == (
            mode == "separate")
        moves = float((2 * visits * c.containers).sum())
        assert math.isclose(m["exam_moves_per_day_port_sea"], moves, rel_tol=1e-12)  # 1 day
        assert math.isclose(m["exam_moves_per_box_port_sea"], moves / c.containers.sum())
