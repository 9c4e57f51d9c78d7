"""Coverage of the reported intervals of a quantile (the M/M/2 lane's p90 wait) and of a
network's mean sojourn (the Jackson teaching network).

The habits are those of :mod:`interval_coverage`: a *group* is what ``bordersim run --seed S
--reps R`` does (replications ``0 .. R-1`` under root seed ``S``, summarised by
:func:`sim.analysis.stats.summarise`, which widens a quantile's interval to the histogram's
resolution), groups under distinct root seeds are independent, and the count of intervals
holding the truth is binomial. The truths: the p90 of M/M/c's wait in queue in closed form
(:func:`sim.analysis.queueing.mmc_wait_quantile`) and the network's mean clearance time by
Jackson's theorem (:func:`sim.analysis.queueing.jackson_sojourn`).

Shared by ``tests/test_quantile_coverage.py`` (fast) and ``benchmarks/quantile_coverage.py``
(thorough, on demand).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from interval_coverage import ARRIVAL_RATE, MEAN_SERVICE_H, SERVERS, Coverage, reported_interval

import sim
from sim.analysis.queueing import jackson_sojourn, mmc_wait_quantile

#: the lane's cohort 90th-percentile wait, as ``RunResult.metrics()`` names it
P90_METRIC = "wait_h_p90_crossing_document_check"
SHARE = 0.9
JACKSON = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-jackson.toml"
#: the network's mean clearance time of the cohort, as ``RunResult.metrics()`` names it
SOJOURN_METRIC = "clearance_h_mean"
#: the Jackson teaching network as shipped: lambda = 2/h; (visits, servers, mean service h)
JACKSON_RATE = 2.0
JACKSON_STATIONS = ((0.6, 2, 1.0), (0.5, 1, 0.5), (0.3, 3, 3.0))


def p90_wait() -> float:
    """The teaching lane's steady-state p90 wait: ln(10/3) / 2 h = 0.602 h."""
    return mmc_wait_quantile(ARRIVAL_RATE, MEAN_SERVICE_H, SERVERS, SHARE)


def network_sojourn() -> float:
    """The teaching network's mean clearance time by Jackson's theorem (2.6036 h)."""
    return jackson_sojourn(JACKSON_RATE, JACKSON_STATIONS)


def lane_p90(result: sim.RunResult) -> float:
    """The lane's p90 wait: ``metrics()[P90_METRIC]``, read from the resources table."""
    r = result.resources
    row = r[(r.port == "crossing") & (r.lane == "document_check")]
    return float(row["wait_p90_h"].iloc[0])


def network_clearance(result: sim.RunResult) -> float:
    """The cohort's mean clearance time: ``metrics()[SOJOURN_METRIC]``, read from the
    clearance table."""
    c = result.clearance
    row = c[(c.metric == "clearance") & (c.dimension == "all")]
    return float(row["mean_h"].iloc[0])


def jackson(overrides: dict[str, Any] | None = None) -> sim.Scenario:
    """The bundled Jackson teaching network, with ``overrides`` as ``--set``."""
    return sim.load_scenario(JACKSON, overrides or {})


def group_of(scenario: sim.Scenario, seed: int, reps: int, read: Any) -> np.ndarray:
    """``read(result)`` of replications ``0 .. reps-1`` under root ``seed``; none censored."""
    values = []
    for r in range(reps):
        result = sim.simulate(scenario, seed, replication=r)
        assert result.counts["censored"] == 0, (seed, r)
        values.append(read(result))
    return np.array(values)


def count_covered(values: np.ndarray, truth: float, metric: str) -> Coverage:
    """How many groups (rows of ``values``) report an interval of ``metric`` holding
    ``truth``; the interval is the run's, so a quantile's is widened to the resolution."""
    intervals = np.array([reported_interval(v, metric) for v in values])
    covered = int(np.sum((intervals[:, 0] <= truth) & (truth <= intervals[:, 1])))
    halves = (intervals[:, 1] - intervals[:, 0]) / 2
    return Coverage(covered, len(values), values, halves)
