"""The detained counterfeits' days on the run's calendar (``organisation.office_hours``,
sim.model.ipr ``detained_days``): each detained consignment is held its legal working days
counted from its finding on the office's working days, holidays skipped and make-up days
counted; without office hours 7/5 calendar days a working day, as before. Days by hand from
time 0, Monday 00:00; the office keeps Monday to Friday, 08:30 to 17:30."""

from __future__ import annotations

import numpy as np
import pytest

import sim
from sim.model.holidays import Closures
from sim.model.ipr import SuspectTally, ipr_metrics
from sim.model.ipr_calendar import calendar_of, reply_end
from sim.scenario.ipr import CALENDAR_PER_WORKING_DAY, IprProcedure
from sim.scenario.office_hours import OfficeHours
from tests.ipr_cases import FRI_3PM, LATE, SMALL, one_detained

HOLIDAY_WEEK = Closures(range(14, 19))  # (Monday 14 to Friday 18: the second week after)


def _mean(t: SuspectTally, *calendar: object) -> float:
    p = IprProcedure(storage_per_day=10.0)
    m = ipr_metrics(t, p, *calendar)  # type: ignore[arg-type]
    assert m["ipr_holder_days"] == m["ipr_detained_days_mean"]  # (one consignment)
    assert m["ipr_storage_cost"] == pytest.approx(10.0 * m["ipr_holder_days"])
    return m["ipr_detained_days_mean"]


def test_a_friday_afternoon_finding_is_held_to_the_close_of_its_last_working_day():
    """Ex officio, 3 + 30 = 33 working days from Monday: six weeks (30) and Monday to
    Wednesday of the seventh: Wednesday 17:30, 47 days and 2.5 hours after the Friday 15:00
    finding; on application, 20 days: the fourth Friday after, 28 days and 2.5 hours."""
    office = OfficeHours()
    assert _mean(one_detained(1), office) == pytest.approx(47 + LATE, abs=1e-12)
    assert _mean(one_detained(0), office) == pytest.approx(28 + LATE, abs=1e-12)
    # found on the Monday after at 15:00, the weekend no longer falls inside: 2 days less
    assert _mean(one_detained(1, FRI_3PM + 72), office) == pytest.approx(45 + LATE, abs=1e-12)


def test_a_holiday_week_inside_the_period_holds_the_goods_exactly_a_week_more():
    """Five working days closed: the period ends five working days, seven calendar days,
    later; a make-up Saturday inside gives one of them back (Tuesday instead of
    Wednesday); a holiday week after the period changes nothing."""
    office = OfficeHours()
    assert _mean(one_detained(1), office, HOLIDAY_WEEK) == pytest.approx(54 + LATE, abs=1e-12)
    assert _mean(one_detained(0), office, HOLIDAY_WEEK) == pytest.approx(35 + LATE, abs=1e-12)
    made_up = Closures(range(14, 19), [12])  # (Saturday 12: worked)
    assert _mean(one_detained(1), office, made_up) == pytest.approx(53 + LATE, abs=1e-12)
    assert _mean(one_detained(1), office, Closures(range(70, 75))) == pytest.approx(47 + LATE)


def test_without_office_hours_a_working_day_is_still_7_5_calendar_days():
    """No calendar: 33 x 7/5 = 46.2 and 20 x 7/5 = 28 days, wherever the finding falls;
    the same figures as the count-based rule, bit for bit."""
    for at in (FRI_3PM, FRI_3PM + 72):
        assert _mean(one_detained(1, at)) == (3.0 + 30.0) * CALENDAR_PER_WORKING_DAY
        assert _mean(one_detained(0, at)) == 20.0 * CALENDAR_PER_WORKING_DAY
        assert _mean(one_detained(1, at)) == pytest.approx(46.2)
        assert _mean(one_detained(0, at)) == 28.0


def test_a_runs_detained_goods_are_held_from_their_finding_in_the_log():
    """In a run with office hours and a holiday week, the consignment-days held are the sum
    over the log's detained counterfeits of their legal days from their finding (the exam's
    end, else the later of it and the laboratory's result) on that calendar, by recordation;
    not the 7/5 figure."""
    office = {"units": {"gac": {"level": "national"},
                        "reg": {"level": "regional", "parent": "gac"},
                        "f1": {"level": "field", "parent": "reg", "ports": ["sea"]}},
              "office_hours": {"holidays": [f"2026-02-{d}" for d in range(16, 21)]}}
    s = sim.load_scenario(SMALL, {
        "start_date": "2026-02-02", "organisation": office,
        "enforcement.prevalence": {"counterfeit": 0.08},
        "enforcement.detection.exam": {"counterfeit": 0.8},
        "enforcement.recordation": {"share": 0.6},
        "enforcement.ipr": {"holder_confirms": 0.7, "holder_applies": 0.5}})
    result = sim.simulate(s, 2, log=True)
    m, log = result.metrics(), result.log
    caught = log[log.cohort & (log.illicit == "counterfeit") & (log.outcome == "detained")]
    recorded = caught.recorded.astype(bool).to_numpy()
    assert recorded.sum() >= 3 and (~recorded).sum() >= 1
    by_exam = caught.found_by.astype(str).eq("exam").to_numpy()
    at = np.where(by_exam, caught.inspected, np.fmax(caught.inspected, caught.lab_end))
    legal = np.where(recorded, 33.0, 20.0)
    calendar = calendar_of(s)
    assert calendar[1]  # (the holidays are in it)
    want = [(reply_end(t, d, *calendar) - t) / 24 for t, d in zip(at, legal, strict=True)]
    assert m["ipr_holder_days"] == pytest.approx(sum(want), rel=1e-12)
    assert m["ipr_holder_days"] != pytest.approx(sum(legal) * 7 / 5, rel=1e-3)
