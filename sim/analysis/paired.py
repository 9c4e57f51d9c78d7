"""Paired comparisons across replications: differences, their p-values and Holm's correction
(and, to measure what pairing gains, the unpaired interval of runs on other seeds).

Replication ``r`` of every option runs under the same seed (common random numbers), so the
per-replication differences ``option_r - baseline_r`` are independent across ``r`` and the
ordinary Student-t interval of :mod:`sim.analysis.stats` applies to them (a paired t interval).

A difference's p-value is read off the interval shown for it (:func:`interval_p_value`), which
for a quantile is widened to the histogram's resolution: so p <= 1 - level exactly when that
interval excludes 0. A difference that is only float rounding beside the size of the values
it is taken between (:data:`NOISE`) is exactly 0 (:func:`noise_free`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import special

from sim.analysis.stats import confidence_interval, t_quantile

Values = Sequence[float] | np.ndarray
#: a difference at most this share of the larger of the values it is taken between is float
#: rounding (the same sums added in another order), not an effect
NOISE = 1e-9


def paired_interval(
    option: Values, baseline: Values, level: float = 0.95
) -> tuple[float, float | None, float | None, int]:
    """``(mean, low, high, n)`` of the paired t interval of ``option - baseline``.

    Pairs where either value is NaN are dropped. Identical inputs, or inputs apart only by
    float rounding (:func:`noise_free`), give exactly ``(0, 0, 0, n)``.
    """
    d = _differences(option, baseline)
    mean, low, high = confidence_interval(d, level)
    return mean, low, high, len(d)


def unpaired_interval(
    option: Values, baseline: Values, level: float = 0.95
) -> tuple[float, float | None, float | None]:
    """``(mean, low, high)`` of Welch's t interval of ``mean(option) - mean(baseline)`` when
    the two were run on independent random numbers (other seeds), so cannot be paired.

    Its variance is the sum of the two means' variances, with the Welch-Satterthwaite degrees
    of freedom; it is what common random numbers are measured against (docs/teaching.md).
    NaNs are dropped; with fewer than two values on a side the bounds are None.
    """
    a = np.asarray(option, dtype=float)
    b = np.asarray(baseline, dtype=float)
    a, b = a[~np.isnan(a)], b[~np.isnan(b)]
    if len(a) < 2 or len(b) < 2:
        return float(a.mean() - b.mean()) if len(a) and len(b) else math.nan, None, None
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    mean = float(a.mean() - b.mean())
    if va + vb == 0:
        return mean, mean, mean
    dof = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    half = t_quantile((1 + level) / 2, dof) * math.sqrt(va + vb)
    return mean, mean - half, mean + half


def paired_p_value(option: Values, baseline: Values) -> float:
    """Two-sided p-value of the paired t test of ``mean(option - baseline) == 0``.

    With differences all equal (zero spread): 1 when they are all zero, else 0. NaN with
    fewer than two pairs.
    """
    return t_test_p_value(_differences(option, baseline))


def t_test_p_value(values: Values) -> float:
    """Two-sided p-value of the one-sample t test of ``mean(values) == 0`` (NaNs ignored)."""
    d = np.asarray(values, dtype=float)
    d = d[~np.isnan(d)]
    n = len(d)
    if n < 2:
        return math.nan
    mean = float(d.mean())
    sd = float(d.std(ddof=1))
    if sd == 0 or not math.isfinite(sd):
        return 1.0 if mean == 0 else 0.0
    t = mean / (sd / math.sqrt(n))
    return float(2 * special.stdtr(n - 1, -abs(t)))


def interval_p_value(mean: float, low: float, high: float, n: int, level: float = 0.95) -> float:
    """Two-sided p-value of the t test of a mean difference == 0, from its ``level`` t interval
    ``[low, high]`` over ``n`` replications.

    The standard error is the half-width (on the side of 0) over the t quantile, so a widened
    interval (a quantile's resolution) widens the test too, and ``p <= 1 - level`` exactly when
    the interval excludes 0. A mean of exactly 0 gives 1; a nonzero mean with a zero-width
    interval (every replication the same difference) gives 0; NaN with fewer than two.
    """
    if n < 2 or math.isnan(mean) or math.isnan(low) or math.isnan(high):
        return math.nan
    if mean == 0:
        return 1.0
    half = mean - low if mean > 0 else high - mean
    if half <= 0:
        return 0.0
    t = abs(mean) * t_quantile((1 + level) / 2, n - 1) / half
    return float(2 * special.stdtr(n - 1, -t))


def noise_free(d: np.ndarray, *terms: np.ndarray) -> np.ndarray:
    """``d`` (differences of ``terms``, element by element) with each value that is float
    rounding set to exactly 0: ``|d| <= NOISE x`` the largest ``|term|`` there (NaNs ignored).

    Two runs that do the same work in another order can sum the same costs to values a few
    units in the last place apart; the zero-width interval of such a difference would
    otherwise look significant.
    """
    d = np.asarray(d, dtype=float)
    size = np.zeros_like(d)
    for term in terms:
        size = np.fmax(size, np.abs(np.asarray(term, dtype=float)))
    out: np.ndarray = np.where(np.abs(d) <= NOISE * size, 0.0, d)
    return out


def holm(p_values: Values, alpha: float = 0.05) -> list[bool]:
    """Holm's step-down rejections for ``p_values`` at family-wise level ``alpha``.

    Sort the m p-values ascending; reject the i-th smallest (i = 1..m) while
    ``p_(i) <= alpha / (m - i + 1)``; stop at the first that fails. NaN p-values are never
    rejected and do not count in m.
    """
    p = [float(x) for x in p_values]
    valid = [i for i, x in enumerate(p) if not math.isnan(x)]
    m = len(valid)
    reject = [False] * len(p)
    for rank, i in enumerate(sorted(valid, key=lambda i: p[i])):
        if p[i] <= alpha / (m - rank):
            reject[i] = True
        else:
            break
    return reject


def _differences(option: Values, baseline: Values) -> np.ndarray:
    a = np.asarray(option, dtype=float)
    b = np.asarray(baseline, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"paired values need the same length; got {a.shape} and {b.shape}")
    d = noise_free(a - b, a, b)
    out: np.ndarray = d[~np.isnan(d)]
    return out
