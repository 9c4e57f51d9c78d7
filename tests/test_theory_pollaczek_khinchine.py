"""M/G/1: the document check's mean wait with non-exponential service against
Pollaczek-Khinchine.

One officer, Poisson arrivals at 0.6 an hour and service of mean 1 h (rho = 0.6), drawn from
the scenario's own distributions: deterministic (M/D/1, Wq = 0.75 h, half the M/M/1 wait)
and gamma with cv 0.5 (Wq = 0.9375 h). Wq = rho E[S] (1 + cv^2) / (2 (1 - rho)) depends on the
service time's second moment, so a distribution drawn with the wrong spread (or the wrong
mean) shows here, which the exponential-only Erlang C tests cannot see.

Tolerance: the 99 % Student-t interval over 40 independent replications must contain Wq and
have a half-width at most 2 % of it, as in ``test_theory_erlang_c``. Design (measured): the
mean wait of N customers has variance about K Wq^2 / N with K ~ 18 (deterministic) and ~ 28
(gamma, cv 0.5), so 40 replications of 1,000 days (576,000 customers) and of 1,500 days
(864,000) give half-widths of about 1.5 % (1.5 % and 1.5 % with these seeds; 8 s and 11 s).
"""

from __future__ import annotations

import pytest
from theory_scenarios import assert_matches_theory, build, replicate, resource
from theory_scenarios import scenario as make_scenario

from sim.analysis.queueing import mg1_wait, mmc_wait

ARRIVAL_RATE = 0.6  # per hour
MEAN_SERVICE_H = 1.0
WARMUP_DAYS = 2  # relaxation time about 1 day
SEEDS = list(range(301, 341))
LEVEL = 0.99
PRECISION = 0.02

#: name -> (service distribution of mean 1 h, its cv, days per replication)
SERVICES = {
    "deterministic": ({"dist": "deterministic", "value": "1.0 h"}, 0.0, 1000),
    "gamma": ({"dist": "gamma", "mean": "1.0 h", "cv": 0.5}, 0.5, 1500),
}


def test_pollaczek_khinchine_formula():
    # M/M/1 (cv 1) is rho / (mu - lambda); M/D/1 half of it; textbook M/D/1 at rho = 0.5: 0.5
    assert mg1_wait(0.5, 1.0, 1.0) == pytest.approx(mmc_wait(0.5, 1.0, 1))
    assert mg1_wait(0.8, 1.0, 0.0) == pytest.approx(mmc_wait(0.8, 1.0, 1) / 2)
    assert mg1_wait(0.5, 1.0, 0.0) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        mg1_wait(1.0, 1.0, 0.0)


def scenario(service: dict, days: float):
    return build(
        make_scenario(
            rate_per_h=ARRIVAL_RATE,
            days=days,
            warmup_days=WARMUP_DAYS,
            drain_days=2,
            selection={"document": 1.0},
            document_check={"capacity": 1, "service": service},
            name="mg1",
        )
    )


def _wait(result) -> float:
    assert result.counts["censored"] == 0
    return resource(result, "document_check")["wait_mean_h"]


@pytest.mark.slow
@pytest.mark.parametrize("name", SERVICES)
def test_mg1_mean_wait_matches_pollaczek_khinchine(name):
    service, cv, days = SERVICES[name]
    analytic = mg1_wait(ARRIVAL_RATE, MEAN_SERVICE_H, cv)
    waits = replicate(scenario(service, days), SEEDS, _wait)
    assert_matches_theory(waits, analytic, f"P-K Wq ({name} service)", LEVEL, PRECISION)
