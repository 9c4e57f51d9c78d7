"""AEO priority in the exam yard against Cobham's non-preemptive priority M/M/c waits.

With ``aeo_priority`` the yard's waiting jobs start in the order (priority, arrival), AEO
traders' first, and a job in progress is never interrupted. The yard here is two bays and two
exam teams (a cell of two finite lanes; the team is always free when a bay is, so the bays
bind), no move, slots always open; every consignment is examined (exponential, mean 1 h),
Poisson arrivals at 1.2 an hour of which 30 % are advanced AEOs. So the bays are an M/M/2
queue with two non-preemptive priority classes at rho = 0.6 and, by Cobham,

    W_aeo = 0.274 h,  W_general = 0.686 h   (0.5625 h for both without priority).

The statistic is each class's mean wait for a bay (``exam_start - arrived`` from the log, as
nothing precedes the exam) in each of 40 independent replications of 200 days.

Tolerance: the 99 % Student-t interval of each class must contain its Cobham wait and be at
most 10 % of it wide on each side. Design (measured): 20 replications of 200 days gave
half-widths of 5.2 % (AEO) and 9.3 % (general), so 40 give about 3.7 % and 6.6 % (3.7 % and
5.8 % with these seeds; 21 s: the yard's cell runs on SimPy events, about six times slower a
job than a FIFO lane). 10 % still tells the rule apart: without priority the AEO wait doubles
and the general one falls by 18 %; with the classes the wrong way round both miss by far.
"""

from __future__ import annotations

import numpy as np
import pytest
from theory_scenarios import PORT, assert_matches_theory, build, exam, scenario

from sim.analysis.queueing import mmc_wait, priority_waits
from sim.model.run import simulate

ARRIVAL_RATE = 1.2  # per hour
AEO_SHARE = 0.3
SERVERS = 2
MEAN_SERVICE_H = 1.0
DAYS = 200
SEEDS = list(range(401, 441))
LEVEL = 0.99
PRECISION = 0.10


def test_cobham_formula():
    # one class is Erlang C; M/M/1 with classes of rho 0.2 and 0.3:
    # W0 = rho / mu = 0.5, W1 = 0.5 / 0.8, W2 = 0.5 / (0.8 * 0.5)
    assert priority_waits([1.2], 1.0, 2) == pytest.approx([mmc_wait(1.2, 1.0, 2)])
    assert priority_waits([0.2, 0.3], 1.0, 1) == pytest.approx([0.625, 1.25])
    # the classes' waits average (by rate) to the FIFO wait: priority only reorders
    rates = [ARRIVAL_RATE * AEO_SHARE, ARRIVAL_RATE * (1 - AEO_SHARE)]
    waits = priority_waits(rates, MEAN_SERVICE_H, SERVERS)
    fifo = mmc_wait(ARRIVAL_RATE, MEAN_SERVICE_H, SERVERS)
    assert np.dot(rates, waits) / ARRIVAL_RATE == pytest.approx(fifo)


def yard():
    data = scenario(
        rate_per_h=ARRIVAL_RATE,
        days=DAYS,
        warmup_days=1,
        drain_days=2,
        selection={"physical": 1.0},
        exam=exam(SERVERS, MEAN_SERVICE_H),
        name="priority",
    )
    port = data["ports"][PORT]
    port["traffic"]["trader_classes"] = {"aeo_advanced": AEO_SHARE, "general": 1 - AEO_SHARE}
    port["exam"]["aeo_priority"] = True
    port["exam"]["teams"] = {"capacity": SERVERS}
    return build(data)


def _class_waits(seed: int) -> tuple[float, float]:
    result = simulate(yard(), seed, log=True)
    assert result.counts["censored"] == 0
    log = result.log
    assert log is not None
    log = log[log.cohort]
    wait = log.exam_start - log.arrived
    aeo = log.trader_class == "aeo_advanced"
    return float(wait[aeo].mean()), float(wait[~aeo].mean())


@pytest.mark.slow
def test_aeo_priority_matches_cobham():
    analytic = priority_waits(
        [ARRIVAL_RATE * AEO_SHARE, ARRIVAL_RATE * (1 - AEO_SHARE)], MEAN_SERVICE_H, SERVERS
    )
    waits = np.array([_class_waits(seed) for seed in SEEDS])
    for k, name in enumerate(("AEO", "general")):
        what = f"Cobham W ({name})"
        assert_matches_theory(waits[:, k], analytic[k], what, LEVEL, PRECISION)
