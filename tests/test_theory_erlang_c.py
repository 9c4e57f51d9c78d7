"""M/M/c: the document check's mean wait against Erlang C.

Every consignment gets a document check at a lane of c officers with exponential service, and
arrivals are Poisson, so the lane is an M/M/c queue. The statistic is the cohort's mean wait
(``wait_mean_h`` of the lane) in each of ``len(SEEDS)`` independent replications; the test asks
for the 99 % Student-t interval over them to be tight (half-width at most 2 % of the analytic
Wq) and to contain the analytic Wq.

Design (measured, not guessed): the mean wait of N customers has variance about K Wq^2 / N.
Independent Kiefer-Wolfowitz chains (1,000 x 20,000 customers) give K ~ 57 for M/M/2 at
rho = 0.5, 50-60 for c = 2 at any rho in 0.3-0.6 and ~90 for c = 3, so c = 2 reaches a 2 %
half-width with the fewest customers (c = 3 would need ~2.2 M, about twice the run time).
60 replications of 1,000 days (24,000 customers each, 1.44 M in all) give an expected
half-width of about 1.7 % (1.8 % with these seeds), which leaves room for the sampling error
of the standard deviation itself (about 9 % at 60 replications).
"""

from __future__ import annotations

import pytest
from theory_scenarios import assert_matches_theory, build, lane, replicate, resource
from theory_scenarios import scenario as make_scenario

from sim.analysis.queueing import mmc_wait

SERVERS = 2
MEAN_SERVICE_H = 1.0
RHO = 0.5
ARRIVAL_RATE = RHO * SERVERS / MEAN_SERVICE_H  # per hour
DAYS = 1000
WARMUP_DAYS = 2  # about 8 relaxation times 1 / (c mu (1 - sqrt(rho))^2) = 5.8 h
SEEDS = list(range(1, 61))
LEVEL = 0.99
PRECISION = 0.02


def scenario():
    return build(
        make_scenario(
            rate_per_h=ARRIVAL_RATE,
            days=DAYS,
            warmup_days=WARMUP_DAYS,
            drain_days=1,
            selection={"document": 1.0},
            document_check=lane(SERVERS, MEAN_SERVICE_H),
            name="mmc",
        )
    )


def test_erlang_c_formula():
    # textbook values: C(1, a) = a; C(2, 1) = 1/3; C(3, 2) = 4/9; Wq(M/M/2, lam = mu = 1) = 1/3
    assert mmc_wait(0.5, 1.0, 1) == pytest.approx(1.0)
    assert mmc_wait(1.0, 1.0, 2) == pytest.approx(1 / 3)
    assert mmc_wait(2.0, 1.0, 3) == pytest.approx(4 / 9)


def _wait(result) -> float:
    assert result.counts["censored"] == 0
    return resource(result, "document_check")["wait_mean_h"]


@pytest.mark.slow
def test_mmc_mean_wait_matches_erlang_c():
    analytic = mmc_wait(ARRIVAL_RATE, MEAN_SERVICE_H, SERVERS)
    waits = replicate(scenario(), SEEDS, _wait)
    assert_matches_theory(waits, analytic, "Erlang C Wq", LEVEL, PRECISION)
