"""Scheduled staffing against an independent event-driven model, consignment by consignment.

Every bundled lane follows a staffing schedule, and the model's rule at a shift change is
documented (:mod:`sim.model.lane`, :mod:`sim.model.fifo`): a job in service when capacity drops
finishes (its server leaves only when free, working over), no job starts while the busy count
is at or above the hour's capacity, and jobs start first come first served. Little's law holds
whatever the rule, so here the lane is compared with a plain SimPy model of that rule written
below, independently of the model's code: a ``PriorityResource`` with as many servers as the
schedule's peak, from which an off-duty server is taken by a request of higher priority than
any job's (granted at once if a server is free, else the moment one frees, ahead of waiting
jobs: the outgoing officer finishes the job first) and given back when the shift returns.

Both are fed the very same arrival times and service requirements (read back from the log),
and the rule is deterministic given them, so each consignment's wait must agree to 1e-9 h:
a pathwise check, not a statistical one. Two lanes are checked: a FIFO lane (the document
check, booked analytically) and the exam yard's bays taken together with a team (a cell of
two finite lanes, driven by SimPy events), each on a 24-hour and a 168-hour schedule.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pytest
import simpy
from theory_scenarios import build, exam, scenario, scheduled_lane

from sim.model.run import simulate

TOL = 1e-9  # hours
RATE = 1.5  # per hour
MEAN_SERVICE_H = 0.5
#: none overnight, three by day, one in the evening: drops of 3 -> 1 and 1 -> 0 with jobs busy
DAILY = [0] * 6 + [3] * 10 + [1] * 8
#: a week: the day shifts above on weekdays, two all day at the weekend
WEEKLY = DAILY * 5 + ([2] * 24) * 2
SCHEDULES = {"daily": DAILY, "weekly": WEEKLY}


def shift_model(
    arrived: Sequence[float], service: Sequence[float], hourly: list[int], horizon: float
) -> np.ndarray:
    """Start times of FIFO jobs at a pool whose servers come and go by ``hourly`` (24 or 168
    numbers); a server whose shift ends finishes its job first."""
    env = simpy.Environment()
    week = hourly * (168 // len(hourly))
    top = max(week)
    pool = simpy.PriorityResource(env, capacity=top)
    off: list[simpy.resources.resource.PriorityRequest] = []  # off-duty: granted or waiting
    start = np.full(len(arrived), np.nan)

    def staffing():
        hour = 0
        while True:
            away = top - week[hour % 168]
            while len(off) < away:  # a server goes off duty (when free)
                off.append(pool.request(priority=-1))
            while len(off) > away:  # one comes back: the latest to leave first
                req = off.pop()
                if req.triggered:
                    pool.release(req)
                else:
                    req.cancel()
            yield env.timeout(1)
            hour += 1

    def job(i: int):
        with pool.request(priority=0) as req:
            yield req
            start[i] = env.now
            yield env.timeout(service[i])

    def arrivals():
        for i, t in enumerate(arrived):
            yield env.timeout(t - env.now)
            env.process(job(i))

    env.process(staffing())
    env.process(arrivals())
    env.run(until=horizon)
    return start


def _data(check: str, hourly: list[int]) -> dict:
    if check == "document":
        return scenario(
            rate_per_h=RATE,
            days=21,
            drain_days=10,
            selection={"document": 1.0},
            document_check=scheduled_lane(hourly, MEAN_SERVICE_H),
        )
    # an exam yard of scheduled bays and a team always free: a cell of two finite lanes
    yard = exam(1, MEAN_SERVICE_H)
    yard["bays"] = {"schedule": list(hourly)}
    yard["teams"] = {"capacity": max(hourly)}
    return scenario(
        rate_per_h=RATE, days=21, drain_days=10, selection={"physical": 1.0}, exam=yard
    )


def _run(check: str, hourly: list[int], seed: int) -> pd.DataFrame:
    """The log of a run, with each job's service requirement (``service``) and start."""
    result = simulate(build(_data(check, hourly)), seed, log=True)
    assert result.counts["censored"] == 0
    log = result.log
    assert log is not None and (log.outcome == "released").all()
    log = log.sort_values("arrived", kind="stable").reset_index(drop=True)
    if check == "document":
        return log.assign(service=log.doc_time, start=log.doc_start, end=log.doc_end)
    return log.assign(service=log.exam_time, start=log.exam_start, end=log.exam_end)


def _overtime(start: np.ndarray, end: np.ndarray, hourly: list[int]) -> int:
    """Shift ends at which more jobs were in service than the new capacity."""
    week = hourly * (168 // len(hourly))
    drops = [h for h in range(168) if week[h] < week[h - 1]]
    count = 0
    for t in (w * 168.0 + h for w in range(int(end.max() // 168) + 1) for h in drops):
        count += int(((start < t) & (end > t)).sum() > week[int(t) % 168])
    return count


@pytest.mark.parametrize("schedule", SCHEDULES)
@pytest.mark.parametrize("check", ["document", "physical"])
def test_shift_changes_match_an_independent_model(check, schedule):
    hourly = SCHEDULES[schedule]
    log = _run(check, hourly, 5)
    arrived, service = log.arrived.to_numpy(), log.service.to_numpy()
    start, end = log.start.to_numpy(), log.end.to_numpy()
    np.testing.assert_allclose(end, start + service, rtol=0, atol=TOL)
    assert len(log) > 500 and (start - arrived).max() > 4.0  # queues formed overnight
    assert _overtime(start, end, hourly) > 10  # the shift-end rule was exercised
    expected = shift_model(arrived, service, hourly, horizon=31 * 24.0)
    assert not np.isnan(expected).any()
    np.testing.assert_allclose(start - arrived, expected - arrived, rtol=0, atol=TOL)
