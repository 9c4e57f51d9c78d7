"""Coverage of the reported confidence intervals on the M/M/2 teaching lane.

A *group* is what ``bordersim run --seed S --reps R`` does: replications ``0 .. R-1`` of a
scenario under root seed ``S``, summarised by :func:`sim.analysis.stats.summarise` (the
function behind ``summary.json`` and the tables). Many groups under distinct root seeds are
independent, so the number whose interval holds the Erlang C value is binomial with the
intervals' true coverage as its chance; :func:`acceptance_region` gives the counts that are
consistent with the nominal level.

Shared by ``tests/test_theory_coverage.py`` (a fast check) and ``benchmarks/coverage.py``
(a thorough one, run on demand).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

import sim
from sim.analysis.queueing import mmc_wait
from sim.analysis.stats import summarise

TEACHING = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-mmc.toml"
#: the teaching lane as shipped: lambda = 2/h, mean service 0.5 h, c = 2 (rho = 0.5)
ARRIVAL_RATE = 2.0
MEAN_SERVICE_H = 0.5
SERVERS = 2
#: the lane's cohort mean wait: the statistic whose expected value is Erlang C's Wq
METRIC = "wait_h_mean_crossing_document_check"
#: ``bordersim run``'s default number of replications (and the nominal level it reports)
REPS = 5
NOMINAL = 0.95


def erlang_c_wait() -> float:
    """Wq of the teaching lane (1/6 h)."""
    return mmc_wait(ARRIVAL_RATE, MEAN_SERVICE_H, SERVERS)


def teaching(overrides: dict[str, Any] | None = None) -> sim.Scenario:
    """The bundled teaching scenario, with ``overrides`` as the command line's ``--set``."""
    return sim.load_scenario(TEACHING, overrides or {})


def lane_wait(result: sim.RunResult) -> float:
    """The lane's cohort mean wait: the value ``RunResult.metrics()`` gives as ``METRIC``,
    read from the resources table (``metrics()`` costs as much as the run itself)."""
    r = result.resources
    row = r[(r.port == "crossing") & (r.lane == "document_check")]
    return float(row["wait_mean_h"].iloc[0])


def group_values(scenario: sim.Scenario, seed: int, reps: int = REPS) -> np.ndarray:
    """The metric in replications ``0 .. reps-1`` under root ``seed``; no cohort censored."""
    values = []
    for r in range(reps):
        result = sim.simulate(scenario, seed, replication=r)
        assert result.counts["censored"] == 0, (seed, r)
        values.append(lane_wait(result))
    return np.array(values)


def reported_interval(values: np.ndarray, metric: str = METRIC) -> tuple[float, float]:
    """``(ci_low, ci_high)`` exactly as a run's summary gives them for these replications of
    ``metric`` (a quantile's widened to the histogram's resolution, as the run does)."""
    row = summarise(pd.DataFrame({metric: values})).loc[metric]
    return float(row["ci_low"]), float(row["ci_high"])


@dataclass(frozen=True)
class Coverage:
    """The outcome of a coverage experiment."""

    covered: int
    groups: int
    all_values: np.ndarray  # (groups, reps): every replication's value
    half_widths: np.ndarray  # one per group

    @property
    def share(self) -> float:
        return self.covered / self.groups


def coverage(scenario: sim.Scenario, seeds: list[int], truth: float, reps: int = REPS) -> Coverage:
    """How many of the groups (one per root seed) report an interval holding ``truth``."""
    values = np.array([group_values(scenario, s, reps) for s in seeds])
    intervals = np.array([reported_interval(v) for v in values])
    covered = int(np.sum((intervals[:, 0] <= truth) & (truth <= intervals[:, 1])))
    halves = (intervals[:, 1] - intervals[:, 0]) / 2
    return Coverage(covered, len(seeds), values, halves)


def acceptance_region(groups: int, nominal: float, level: float) -> tuple[int, int]:
    """The counts ``[lo, hi]`` a binomial(``groups``, ``nominal``) count falls in with
    probability at least ``level``: at most ``(1 - level) / 2`` of it below ``lo`` and at most
    that above ``hi`` (equal tails)."""
    tail = (1 - level) / 2
    dist = stats.binom(groups, nominal)
    lo = int(dist.ppf(tail))  # smallest k with P(K <= k) >= tail, so P(K < lo) < tail
    hi = int(dist.isf(tail))  # smallest k with P(K > k) <= tail
    return lo, hi
