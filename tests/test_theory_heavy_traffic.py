"""M/M/c in heavy traffic: the document check's mean wait against Erlang C at rho = 0.9.

Four officers, exponential service of mean 1 h, Poisson arrivals at 3.6 an hour (rho = 0.9,
Wq = 1.969 h): more servers and a far heavier load than ``test_theory_erlang_c``. Near
saturation the wait is very sensitive to the service rule: 1 % longer service (rho = 0.909)
raises Wq by 14 %, 0.5 % by 6 %, so a small error in the service draws, the server count or
the queue discipline shows here where it would hide at rho = 0.5.

Tolerance: as in every theory test, the 99 % Student-t interval over independent
replications must contain Wq and be narrow, here with half-width at most 5 % of Wq (not 2 %).
Design (measured, not guessed): the mean wait of N customers has variance about K Wq^2 / N
with K ~ 480-520 at rho = 0.9 (c = 1-4; against K ~ 60-90 at rho = 0.5), so a 2 % half-width
would need about 10 M customers (two minutes and more); 40 replications of 600 days (51,840
customers each, 2.07 M in all) give an expected half-width of about 4.3 % (4.3 % with these
seeds; 23 s), which 5 % bounds with room for the sampling error of the standard deviation.
The relaxation time 1 / (c mu (1 - sqrt(rho))^2) is 95 h, so a 10-day warm-up leaves no
measurable bias from starting empty.
"""

from __future__ import annotations

import pytest
from theory_scenarios import assert_matches_theory, build, lane, replicate, resource
from theory_scenarios import scenario as make_scenario

from sim.analysis.queueing import mmc_wait

SERVERS = 4
MEAN_SERVICE_H = 1.0
RHO = 0.9
ARRIVAL_RATE = RHO * SERVERS / MEAN_SERVICE_H  # per hour
DAYS = 600
WARMUP_DAYS = 10
SEEDS = list(range(201, 241))
LEVEL = 0.99
PRECISION = 0.05


def scenario():
    return build(
        make_scenario(
            rate_per_h=ARRIVAL_RATE,
            days=DAYS,
            warmup_days=WARMUP_DAYS,
            drain_days=2,
            selection={"document": 1.0},
            document_check=lane(SERVERS, MEAN_SERVICE_H),
            name="mmc_heavy",
        )
    )


def _wait(result) -> float:
    assert result.counts["censored"] == 0
    return resource(result, "document_check")["wait_mean_h"]


@pytest.mark.slow
def test_heavy_traffic_mean_wait_matches_erlang_c():
    analytic = mmc_wait(ARRIVAL_RATE, MEAN_SERVICE_H, SERVERS)
    waits = replicate(scenario(), SEEDS, _wait)
    assert_matches_theory(waits, analytic, "Erlang C Wq at rho = 0.9", LEVEL, PRECISION)
