"""Coverage of the paired intervals of ``bordersim compare`` on the M/M/c teaching lane.

A *group* is what ``bordersim compare scenarios/teaching-mmc.toml --seed S --reps R`` with the
option ``c_plus_1`` (one more officer at the document check) runs: replications
``0 .. R-1`` of the baseline (M/M/2) and of the option (M/M/3), each pair under the seed the
comparison gives replication ``r`` of every option. The runs go through the comparison's own
plan (:func:`sim.experiment.compare.prepare` and the method it runs replications with), so
the seeds are those ``compare`` uses, not the test's. The group's interval for
``option - baseline`` is :func:`sim.analysis.paired.paired_interval`; Welch's
:func:`~sim.analysis.paired.unpaired_interval` on the same values is what the pairing is
measured against. Used by ``tests/test_paired_coverage.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from interval_coverage import (
    ARRIVAL_RATE,
    MEAN_SERVICE_H,
    SERVERS,
    TEACHING,
    lane_wait,
)

from sim.analysis.paired import paired_interval, unpaired_interval
from sim.analysis.queueing import mmc_wait
from sim.experiment.compare import prepare
from sim.experiment.executors import Failure
from sim.experiment.options import BASELINE

OPTION = "c_plus_1"
#: the option as ``bordersim compare`` takes it: one officer more than the lane's c = 2
MORE_SERVERS = f"{OPTION}:ports.crossing.document_check.capacity={SERVERS + 1}"


def true_difference() -> float:
    """Erlang C's Wq(c + 1) - Wq(c) of the lane: 1/44 h - 1/6 h = -0.1439 h."""
    return mmc_wait(ARRIVAL_RATE, MEAN_SERVICE_H, SERVERS + 1) - mmc_wait(
        ARRIVAL_RATE, MEAN_SERVICE_H, SERVERS
    )


def paired_group(seed: int, reps: int) -> tuple[np.ndarray, np.ndarray]:
    """``(option, baseline)``: the lane's mean wait in replications ``0 .. reps-1`` of each,
    run by the comparison's plan under root ``seed`` (no cohort censored, no run failed)."""
    plan = prepare(TEACHING, [MORE_SERVERS], seed, log=False)
    todo = [(name, r) for r in range(reps) for name in (BASELINE, OPTION)]
    waits: dict[tuple[str, int], float] = {}
    for key, result in plan._results(todo):
        assert not isinstance(result, Failure), result.describe()
        assert result.counts["censored"] == 0, key
        waits[key] = lane_wait(result)
    option = np.array([waits[OPTION, r] for r in range(reps)])
    baseline = np.array([waits[BASELINE, r] for r in range(reps)])
    return option, baseline


def half_widths(option: np.ndarray, baseline: np.ndarray) -> tuple[float, float]:
    """Half-widths of the paired and of Welch's 95 % interval of ``option - baseline``."""
    _, low, high, _ = paired_interval(option, baseline)
    _, w_low, w_high = unpaired_interval(option, baseline)
    if low is None or high is None or w_low is None or w_high is None:
        raise AssertionError(f"no interval from {len(option)} replications")
    return (high - low) / 2, (w_high - w_low) / 2


@dataclass(frozen=True)
class PairedCoverage:
    """The outcome of a paired coverage experiment (arrays: one row per group)."""

    covered: int
    groups: int
    option: np.ndarray  # (groups, reps): the option's value in each replication
    baseline: np.ndarray  # (groups, reps): the baseline's, under the same seeds
    paired_halves: np.ndarray
    welch_halves: np.ndarray

    @property
    def width_ratio(self) -> float:
        """Mean paired half-width over mean Welch half-width: below 1 when pairing gains."""
        return float(self.paired_halves.mean() / self.welch_halves.mean())

    @property
    def unshared_ratio(self) -> float:
        """The same ratio with each group's option set against the *next* group's baseline
        (other seeds, so independent): what the ratio would be without common random
        numbers, from the same runs."""
        other = np.roll(self.baseline, 1, axis=0)
        halves = np.array([half_widths(o, b) for o, b in zip(self.option, other, strict=True)])
        return float(halves[:, 0].mean() / halves[:, 1].mean())

    @property
    def correlation(self) -> float:
        """Correlation of option and baseline within groups (deviations from group means)."""
        o = self.option - self.option.mean(axis=1, keepdims=True)
        b = self.baseline - self.baseline.mean(axis=1, keepdims=True)
        return float(np.sum(o * b) / np.sqrt(np.sum(o * o) * np.sum(b * b)))


def paired_coverage(seeds: list[int], reps: int, truth: float) -> PairedCoverage:
    """How many groups (one per root seed) give a paired interval holding ``truth``."""
    runs = [paired_group(seed, reps) for seed in seeds]
    option = np.array([o for o, _ in runs])
    baseline = np.array([b for _, b in runs])
    covered = 0
    for o, b in runs:
        _, low, high, _ = paired_interval(o, b)
        covered += int(low is not None and high is not None and low <= truth <= high)
    halves = np.array([half_widths(o, b) for o, b in runs])
    return PairedCoverage(covered, len(seeds), option, baseline, halves[:, 0], halves[:, 1])
