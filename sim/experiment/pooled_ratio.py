"""A share pooled over replications as the ratio of sums (total detected / total known), with
its 95 % interval from the ratio estimator: the mean of each replication's share weights one
with 3 illicit loads like one with 300, the ratio of sums weights each load once."""

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
