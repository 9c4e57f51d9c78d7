"""The organisation's queues against Erlang C: one unit of c officers is an M/M/c queue, and
pooling two equal units into one with the same total staff lowers the wait as Erlang C
predicts for both.

Two ports, each with Poisson arrivals at 0.5 an hour; every consignment raises a ruling
(exponential decision of mean 1 h, no transfer time) that does not hold its goods. In the
spindle each port's directly-affiliated customs has one officer (two M/M/1 queues at
rho = 0.5, Wq = 1 h); in the dumbbell the national tax centre has both (one M/M/2 queue at
rho = 0.5, Wq = 1/3 h). The same replications serve both tests. Tolerance: the 99 % Student-t
interval over the replications contains the analytic wait and its half-width is at most 25 %
of it (measured: about 13 % for M/M/1 and 18 % for M/M/2 with 12 replications of 120 days;
the test runs 10 replications of 100 days, a few seconds; the two waits differ threefold).
"""

from __future__ import annotations

import numpy as np
import pytest
from org_scenarios import generated, ports_scenario
from theory_scenarios import assert_matches_theory, build

from sim.analysis.queueing import mmc_wait
from sim.model.run import simulate

RATE, SERVICE = 0.5, 1.0  # per port, per hour; hours
SEEDS = list(range(1, 11))
DAYS = 100
PRECISION = 0.25


def _waits(structure: str) -> np.ndarray:
    data = ports_scenario(["p1", "p2"], RATE, DAYS, warmup_days=1, drain_days=1)
    data["organisation"] = generated(
        structure, {"a": ["p1"], "b": ["p2"]}, {"tariff": 2}, service_h=SERVICE
    )
    sc = build(data)
    out = []
    for seed in SEEDS:
        res = simulate(sc, seed).resources
        org = res[res.port.str.startswith("org/")]
        assert len(org) == (2 if structure == "spindle" else 1)
        out.append(float((org.wait_mean_h * org.served).sum() / org.served.sum()))
    return np.array(out)


@pytest.fixture(scope="module")
def waits() -> dict[str, np.ndarray]:
    return {s: _waits(s) for s in ("spindle", "dumbbell")}


@pytest.mark.slow
def test_one_unit_of_c_officers_is_an_mmc_queue(waits):
    analytic = mmc_wait(2 * RATE, SERVICE, 2)
    assert_matches_theory(waits["dumbbell"], analytic, "Wq(M/M/2)", precision=PRECISION)


@pytest.mark.slow
def test_pooling_two_units_lowers_the_wait_as_erlang_c_predicts(waits):
    apart, pooled = mmc_wait(RATE, SERVICE, 1), mmc_wait(2 * RATE, SERVICE, 2)
    assert_matches_theory(waits["spindle"], apart, "Wq(M/M/1)", precision=PRECISION)
    assert_matches_theory(waits["dumbbell"], pooled, "Wq(M/M/2)", precision=PRECISION)
    assert (waits["dumbbell"] < waits["spindle"]).all()  # paired: the same arrivals
