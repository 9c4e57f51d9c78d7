"""When consignments arrive at a port: Poisson arrivals with an hour-of-week profile, made by
inverting the cumulative intensity, one block of ``GROUP`` at a time; at a sea port, vessel
calls that each bring a batch of declarations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from sim.model.streams import JointRows, UniformRows
from sim.scenario.schema import Arrivals

GROUP = 1024  # Poisson arrivals made per block


def arrival_times(spec: Arrivals, rng: np.random.Generator, until: float) -> Iterator[np.ndarray]:
    """Non-homogeneous Poisson times (hour-of-week profile) before ``until``, in blocks."""
    rates = np.array(spec.weekly_rates())
    cum = np.concatenate([[0.0], np.cumsum(rates)])
    per_week = cum[-1]
    if per_week <= 0:
        return
    hours = np.arange(169, dtype=float)
    level: Any = 0.0
    while True:
        level = level + np.cumsum(rng.exponential(1.0, GROUP))
        weeks, within = np.divmod(level, per_week)
        times = weeks * 168 + np.interp(within, cum, hours)
        times = times[times < until]
        if len(times):
            yield times
        if len(times) < GROUP:
            return
        level = level[-1]


def arrival_groups(
    spec: Arrivals, rng: np.random.Generator, rows: UniformRows | JointRows, until: float
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Blocks of (arrival time, uniform rows), in arrival order, before ``until``: a block of
    Poisson arrivals, or one vessel call's declarations."""
    batch = spec.batch
    if batch is None:
        for times in arrival_times(spec, rng, until):
            yield times, rows.take(len(times))
        return
    for calls in arrival_times(spec, rng, until):
        sizes = np.maximum(1, np.rint(batch.size.ppf(rng.random(len(calls)))))
        for t, n in zip(calls, sizes.astype(int), strict=True):
            yield np.full(n, t), rows.take(n)
