"""The rising-wait guard on an M/M/1 queue: successive jobs' waits are strongly correlated,
so the guard's standard error is by batch means (a day a batch), not the jobs' own spread
taken as independent. At utilisation 0.5 the queue settles and the guard stays silent over
many seeds; at 1.1 it grows without end and the guard speaks in nearly every seed."""

from __future__ import annotations

import numpy as np

from sim.model.weekly import Z_RISE, Weekly, rising_warning

WEEKS = 4
SERVICE_H = 1.0  # (mean service, hours: a desk or a scanner, 24 jobs a day at rho 1)


def mm1(rho: float, seed: int, warm_weeks: int = 0) -> Weekly:
    """An M/M/1 queue's waits (Lindley's recursion), from empty, over ``warm_weeks`` left
    out and then ``WEEKS`` booked by the hour each job asked."""
    rng = np.random.default_rng(seed)
    end = (warm_weeks + WEEKS) * 168.0
    n = int(rho / SERVICE_H * end * 1.3) + 50
    asked = np.cumsum(rng.exponential(SERVICE_H / rho, n))
    service = rng.exponential(SERVICE_H, n)
    weekly, wait = Weekly(), 0.0
    for i in range(1, int(np.searchsorted(asked, end))):
        wait = max(0.0, wait + service[i - 1] - (asked[i] - asked[i - 1]))
        if asked[i] >= warm_weeks * 168.0:
            weekly.add(float(asked[i]) - warm_weeks * 168.0, wait)
    return weekly


def _speaks(weekly: Weekly) -> bool:
    return bool(rising_warning("p", "desk", weekly.means(), (0.0, WEEKS * 168.0), weekly))


def test_the_guard_is_silent_on_a_queue_that_settles_and_speaks_on_one_that_does_not():
    settles = [seed for seed in range(40) if _speaks(mm1(0.5, seed))]
    grows = [seed for seed in range(20) if _speaks(mm1(1.1, seed))]
    assert settles == []  # (the jobs taken as independent, seed 4 warned)
    assert len(grows) >= 17, grows  # (19 of 20 rise by the rule's factor in 4 weeks)


def test_the_rises_standard_error_holds_for_a_settled_queue():
    """A settled queue's later weeks wait no longer than its earlier weeks but by chance:
    the rise over its standard error is beyond 2 in about 5 % of seeds if the error is
    right. Taken as independent jobs it was in 24 of 40 (the error far too small); by batch
    means of days, in 3 of 40."""
    z = [mm1(0.5, 1000 + seed, warm_weeks=1).rise_z([0, 1], [2, 3]) for seed in range(40)]
    beyond = sum(abs(x) >= Z_RISE for x in z)
    assert beyond <= 6, (beyond, z)
