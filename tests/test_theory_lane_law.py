"""A lane's chance to wait against Erlang C, and Little's law over the observed window.

A Jackson tandem at one crossing (as ``test_theory_jackson``, shorter): trucks arrive at
2 an hour and are sent independently to the document check (0.6; 2 officers, mean 1 h: an
M/M/2 queue at a = 1.2 erlangs), the scanner (0.5; one, mean 30 min: M/M/1 at rho = 0.5) and
the exam bays (0.3; 3 bays, mean 3 h), whose exams also take one of 2 movers in and out, so
that the bays and movers are cell lanes (taken together) while the first two are FIFO lanes.

- ``waited_share_<port>_<lane>`` of the two M/M/c stations: the 99 % Student-t interval over
  the replications must hold Erlang C's C(c, a) (arrivals see time averages) and be narrow
  enough to tell it from a neighbouring load (half-width at most ``PRECISION`` of C).
- ``in_service_mean_<port>_<lane>`` of the two M/M/c stations against the offered load
  lambda E[S] (Little's law at the servers), at the same level and precision.
- Little's law per lane, L = lambda W over the observed window: ``queue_mean`` against
  ``arrivals_per_hour x wait_h_mean``. Their difference in one replication is the window's
  edge terms (jobs waiting as it opens, and waits that run past its end), which cancel in
  expectation in steady state: the interval of the difference must hold 0 and be narrow
  (half-width at most ``LITTLE_PRECISION`` of L), so a rate or a queue off by a few per cent
  shows. Its level is 99.9 % (``LITTLE_LEVEL``), Bonferroni over the four lanes: the
  difference is mostly exactly 0 (a window that opens and closes on an empty queue) with a
  few large values, so a Student-t interval over 24 of them covers less than it says, and
  the bays' and movers' edge terms move together (the same exams).

Design (measured, 60 replications of 28 days): the share that waited has a standard
deviation across replications of about 0.02 at the document check and the scanner, so 24
replications give a 99 % half-width of about 0.012 (2.5 % of C = 0.45, 0.5); the
difference L - lambda W has a half-width of 0.1-0.5 % of L. Each replication takes about
0.08 s.
"""

from __future__ import annotations

from collections.abc import Generator
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import simpy
from theory_scenarios import PORT, assert_matches_theory, build, exam, lane, scan, scenario

from sim.analysis.queueing import erlang_c
from sim.analysis.stats import mean_half_width
from sim.model.cell import Cell, CellLane, hold
from sim.model.lane_law import lane_law_metrics
from sim.model.lane_periods import observe
from sim.model.run import simulate

ARRIVAL_RATE = 2.0  # per hour
#: lane -> (selection probability, servers, mean service in hours) of the M/M/c stations
STATIONS = {"document_check": (0.6, 2, 1.0), "scanners": (0.5, 1, 0.5)}
DAYS = 28
SEEDS = list(range(1, 25))
LEVEL = 0.99
PRECISION = 0.05
LITTLE_PRECISION = 0.02
LITTLE_LEVEL = 0.999
#: the lanes Little's law is checked on: FIFO lanes, then cell lanes (taken together)
LANES = ("document_check", "scanners", "exam_bays", "movers")


def _network():
    data = scenario(rate_per_h=ARRIVAL_RATE, days=DAYS, warmup_days=2, drain_days=2,
                    selection={"document": 0.6, "scan": 0.5, "physical": 0.3},
                    document_check=lane(2, 1.0), scan=scan(1, 0.5), exam=exam(3, 3.0))  # fmt: skip
    port = data["ports"][PORT]
    port["exam"]["movers"] = {"capacity": 2}  # (finite: bays and movers are taken together)
    port["exam"]["move"] = {"dist": "uniform", "low": "5 min", "high": "20 min"}
    return build(data)


@pytest.fixture(scope="module")
def runs() -> list[dict[str, float]]:
    """Every replication's metrics."""
    sc = _network()
    out = []
    for seed in SEEDS:
        result = simulate(sc, seed)
        assert result.counts["censored"] == 0
        out.append(result.metrics())
    return out


def _series(runs: list[dict[str, float]], stem: str, name: str) -> np.ndarray:
    return np.array([m[f"{stem}_{PORT}_{name}"] for m in runs])


@pytest.mark.parametrize("name", list(STATIONS))
def test_the_share_that_waited_is_erlang_c(runs, name):
    p, servers, mean_h = STATIONS[name]
    analytic = erlang_c(servers, ARRIVAL_RATE * p * mean_h)
    shares = _series(runs, "waited_share", name)
    assert_matches_theory(shares, analytic, f"Erlang C at {name}", LEVEL, PRECISION)


@pytest.mark.parametrize("name", list(STATIONS))
def test_the_mean_number_in_service_is_the_offered_load(runs, name):
    """Little's law at the servers: L_s = lambda E[S] (a = lambda / mu erlangs of M/M/c),
    and, from the same busy-time area, the utilisation times the servers (on duty always)."""
    p, servers, mean_h = STATIONS[name]
    in_service = _series(runs, "in_service_mean", name)
    offered = ARRIVAL_RATE * p * mean_h
    assert_matches_theory(in_service, offered, f"lambda E[S] at {name}", LEVEL, PRECISION)
    assert in_service == pytest.approx(servers * _series(runs, "utilisation", name))


@pytest.mark.parametrize("name", LANES)
def test_littles_law_holds_on_each_lane_over_the_window(runs, name):
    queue = _series(runs, "queue_mean", name)
    rate = _series(runs, "arrivals_per_hour", name)
    wait = _series(runs, "wait_h_mean", name)
    assert queue.min() > 0.1, name  # (the lane queued: the law says something)
    mean, half = mean_half_width(queue - rate * wait, LITTLE_LEVEL)
    assert half is not None
    L = float(queue.mean())
    assert half <= LITTLE_PRECISION * L, f"{name}: half-width {half:.5f} of L = {L:.4f}"
    assert mean - half <= 0.0 <= mean + half, (
        f"{name}: L - lambda W = {mean:.5f} +- {half:.5f} (L = {L:.4f}) does not hold 0"
    )


def test_a_cell_lane_counts_the_jobs_asked_and_those_that_waited():
    """By hand, on a cell lane of one server (taken through SimPy events, as the exam yard's
    are): jobs asked at 0, 0 and 5 h for 1 h each; the second waits 1 h, the others not.
    Over a window of 10 h: 3 jobs asked (0.3 an hour), one of three waited, and the queue's
    area (1 job-hour: 0.1 on average) is lambda W = 0.3 x 1/3; 3 job-hours of service make
    0.3 in service on average."""
    env = simpy.Environment()
    bays = CellLane(env, "p", "bays", [1] * 168)
    cell = Cell(env)
    cell.join([bays])
    env.process(observe(env, [bays], [], (0.0, 10.0)))
    for i, at in enumerate((0.0, 0.0, 5.0)):
        c = SimpleNamespace(cohort=True, deferred=False, index=i)
        env.process(_later(env, at, hold(env, cell, [bays], at, 1.0, c)))
    env.run(until=20)
    figures = lane_law_metrics([bays], (0.0, 10.0))
    # 3 job-hours of service in 10 h: 0.3 in service on average, lambda E[S] = 0.3 x 1 h
    assert figures == {"waited_share_p_bays": 1 / 3, "arrivals_per_hour_p_bays": 0.3,
                       "in_service_mean_p_bays": 0.3}
    assert bays.window()["queue_mean"] == pytest.approx(0.3 * bays.waits.mean)


def _later(
    env: simpy.Environment, at: float, job: Generator[Any, Any, Any]
) -> Generator[Any, Any, Any]:
    yield env.timeout(at)
    yield from job
