"""A lane with no one on duty: nothing starts, the queue only grows, work in hand finishes.

The document check is unstaffed from 00:00 to 08:00 every day and has two officers otherwise
(DESIGN: a job in progress at a shift end finishes; no new job starts until the busy count is
below the new capacity). Checked on the per-consignment log, and against the lane's own queue
and busy counts sampled every hour.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from theory_scenarios import PORT, build, scenario, scheduled_lane

from sim.model.result import RunResult
from sim.model.run import simulate

OFF = 8  # hours 0-7 unstaffed
SCHEDULE = [0] * OFF + [2] * (24 - OFF)
DAYS, DRAIN = 14, 4


def _run(seed: int) -> RunResult:
    data = scenario(
        rate_per_h=1.0,
        days=DAYS,
        warmup_days=0,
        drain_days=DRAIN,
        selection={"document": 1.0},
        document_check=scheduled_lane(SCHEDULE, 1.0),
    )
    data["queue_sample"] = "1 h"
    result = simulate(build(data), seed, log=True)
    assert result.counts["censored"] == 0
    assert result.log is not None and (result.log.outcome == "released").all()
    return result


def _windows() -> list[tuple[float, float]]:
    return [(d * 24.0, d * 24.0 + OFF) for d in range(DAYS + DRAIN)]


def _waiting(asked: np.ndarray, start: np.ndarray, t: float, side: str) -> int:
    """Consignments in the queue just after (``+``) or just before (``-``) time t."""
    if side == "+":
        return int(((asked <= t) & (start > t)).sum())
    return int(((asked < t) & (start >= t)).sum())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_service_starts_while_unstaffed(seed):
    log = _run(seed).log
    asked, start = log.assessed.to_numpy(), log.doc_start.to_numpy()
    hour = np.mod(start, 24.0)
    assert not ((hour >= 0) & (hour < OFF)).any(), "a check started while no one was on duty"
    for lo, hi in _windows():
        arrived_inside = int(((asked > lo) & (asked < hi)).sum())
        grown = _waiting(asked, start, hi, "-") - _waiting(asked, start, lo, "+")
        assert grown == arrived_inside, (lo, hi)
    # every day's night queue is served at 08:00 sharp, two at a time
    starts_at_eight = np.isclose(hour, OFF, rtol=0, atol=1e-9)
    assert starts_at_eight.sum() >= 2 * DAYS


def test_queue_and_busy_samples_match_the_log():
    """Inside each unstaffed window the sampled queue grows by the arrivals, and the sampled
    busy count is the number of checks that started before the window and are still going."""
    result = _run(4)
    log, q = result.log, result.queues
    q = q[(q.port == PORT) & (q.lane == "document_check")].set_index("t_h")
    asked, start, end = (log[c].to_numpy() for c in ("assessed", "doc_start", "doc_end"))
    for lo, _ in _windows():
        for k in range(1, OFF):  # whole hours strictly inside the window
            t = lo + k
            assert q.loc[t, "capacity"] == 0
            assert q.loc[t, "queue"] == _waiting(asked, start, t, "+"), t
            assert q.loc[t, "busy"] == int(((start < lo) & (end > t)).sum()), t


def test_work_in_progress_finishes_after_the_shift_ends():
    straddling = []
    for seed in (1, 2, 3):
        log = _run(seed).log
        for lo, _ in _windows():
            inside = log[(log.doc_start < lo) & (log.doc_end > lo)]
            straddling.append(inside.assign(window=lo))
    jobs = pd.concat(straddling)
    assert len(jobs) > 0, "no check was in progress at any shift end"
    # such a job keeps its officer past the shift end and gets its full service time
    assert (jobs.doc_end > jobs.window).all()
    np.testing.assert_allclose(jobs.doc_end - jobs.doc_start, jobs.doc_time, rtol=0, atol=1e-9)
