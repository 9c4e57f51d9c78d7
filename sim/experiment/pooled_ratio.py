"""A share pooled over replications as the ratio of sums (total detected / total known), with
its 95 % interval from the ratio estimator: the mean of each replication's share weights one
with 3 illicit loads like one with 300, the ratio of sums weights each load once. And the
difference of two such shares paired by replication, for options run on the same seeds."""

from __future__ import annotations

import math

import numpy as np
from scipy import stats


def pooled_ratio(parts: np.ndarray, wholes: np.ndarray) -> tuple[float, float, float]:
    """``(R, low, high)``: R = sum(parts) / sum(wholes) over the replications, and R's 95 %
    interval by the delta method, a Student-t interval on the residuals d_i - R a_i:
    R +- t(0.975, n - 1) s_e / (sqrt(n) mean(a)). NaN without wholes; no interval (NaN
    ends) from one replication. The ends are not clipped."""
    d, a = np.asarray(parts, dtype=float), np.asarray(wholes, dtype=float)
    keep = ~(np.isnan(d) | np.isnan(a))
    d, a = d[keep], a[keep]
    if a.sum() <= 0:
        return math.nan, math.nan, math.nan
    r = float(d.sum() / a.sum())
    n = len(a)
    if n < 2:
        return r, math.nan, math.nan
    spread = float(np.std(d - r * a, ddof=1)) / (math.sqrt(n) * float(a.mean()))
    half = float(stats.t.ppf(0.975, n - 1)) * spread
    return r, r - half, r + half


def paired_pooled_difference(
    parts: np.ndarray, wholes: np.ndarray, base_parts: np.ndarray, base_wholes: np.ndarray
) -> tuple[float, float, float]:
    """``(R1 - R2, low, high)``: the difference of two ratios of sums (an option's ``parts`` /
    ``wholes`` and the baseline's), paired by replication (the i-th values of each share
    the i-th seeds: common random numbers), with its 95 % interval by the delta method, a
    Student-t interval on each replication's difference of linearised residuals
    ``(d1_i - R1 a1_i) / mean(a1) - (d2_i - R2 a2_i) / mean(a2)``. What the two options
    have in common in a replication cancels there, so the interval is narrower than the
    two ratios' own intervals combined. A replication missing a value in either is left
    out; NaN where either has no wholes, no interval (NaN ends) from one replication."""
    cols = [np.asarray(x, dtype=float) for x in (parts, wholes, base_parts, base_wholes)]
    keep = ~np.any([np.isnan(c) for c in cols], axis=0)
    d1, a1, d2, a2 = (c[keep] for c in cols)
    if a1.sum() <= 0 or a2.sum() <= 0:
        return math.nan, math.nan, math.nan
    r1, r2 = float(d1.sum() / a1.sum()), float(d2.sum() / a2.sum())
    diff, n = r1 - r2, len(a1)
    if n < 2:
        return diff, math.nan, math.nan
    residuals = (d1 - r1 * a1) / float(a1.mean()) - (d2 - r2 * a2) / float(a2.mean())
    half = float(stats.t.ppf(0.975, n - 1)) * float(np.std(residuals, ddof=1)) / math.sqrt(n)
    return diff, diff - half, diff + half
