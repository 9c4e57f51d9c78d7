"""Across-replication statistics: means and Student-t confidence intervals.

Replications are independent and identically distributed, so the replication means of a metric
give a t interval for its expected value; with a handful of replications the t quantile (not
the normal one) keeps the interval honest.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from scipy import special

from sim.analysis.sketch import RELATIVE_ERROR, XMIN

#: metrics that are quantiles of the streamed histogram (medians, p90s, p95s): each is known
#: only to its resolution (:mod:`sim.analysis.sketch`)
_QUANTILE = re.compile(r"_(median|p\d\d)(_|$)")


def is_quantile(metric: str) -> bool:
    """Whether ``metric`` is a quantile read from the streamed histogram."""
    return _QUANTILE.search(metric) is not None


def resolution(scale: float) -> float:
    """How far a histogram quantile of about ``scale`` hours can lie from the sample quantile
    (1 % relative plus 0.36 s, the first bin, which holds values reported as 0): a
    half-width no interval of it, or
    of a sum of such quantiles of total size ``scale``, can honestly be narrower than."""
    return RELATIVE_ERROR * abs(scale) + XMIN


@functools.lru_cache(maxsize=256)
def t_quantile(p: float, dof: float) -> float:
    """The ``p`` quantile of Student's t distribution with ``dof`` degrees of freedom.

    Same value as ``scipy.stats.t.ppf(p, dof)`` (both evaluate ``scipy.special.stdtrit``),
    without importing ``scipy.stats``, which is slow to import.
    """
    return float(special.stdtrit(dof, p))


def mean_half_width(values: Iterable[float], level: float = 0.95) -> tuple[float, float | None]:
    """``(mean, half-width)`` of the Student-t ``level`` interval for the mean of ``values``.

    The values are independent draws (replications): half-width
    ``t((1 + level) / 2, n - 1) * s / sqrt(n)``, ``s`` the sample standard deviation. NaNs
    are ignored; with fewer than two values left the half-width is None (and the mean is NaN
    when no value is left).
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be in (0, 1); got {level}")
    arr = np.asarray(list(values), dtype=float)
    return _mean_half(arr[~np.isnan(arr)], level)


def _mean_half(kept: np.ndarray, level: float) -> tuple[float, float | None]:
    """:func:`mean_half_width` of values with no NaN."""
    n = len(kept)
    if n == 0:
        return math.nan, None
    mean = float(kept.mean())
    if n < 2:
        return mean, None
    return mean, t_quantile((1 + level) / 2, n - 1) * float(kept.std(ddof=1)) / math.sqrt(n)


def confidence_interval(
    values: Iterable[float], level: float = 0.95
) -> tuple[float, float | None, float | None]:
    """``(mean, low, high)`` of the Student-t interval for the mean of ``values``.

    NaNs are ignored. With fewer than two values left the interval cannot be estimated, so
    ``low`` and ``high`` are None (and the mean is NaN when no value is left).
    """
    mean, half = mean_half_width(values, level)
    if half is None:
        return mean, None, None
    return mean, mean - half, mean + half


def summarise(
    per_rep: pd.DataFrame,
    level: float = 0.95,
    scale: Mapping[str, float] | None = None,
    widen: bool = True,
) -> pd.DataFrame:
    """One row per metric (index ``metric``) with ``mean``, ``ci_low``, ``ci_high`` and ``n``.

    ``per_rep`` has one row per replication and one column per metric; a ``replication``
    column and non-numeric columns are skipped. A missing interval is NaN here. A quantile's
    interval is at least its :func:`resolution` wide on each side: replications whose
    quantiles fall in one bin of the histogram would otherwise give an interval of zero
    width. ``scale``: per metric, the size the resolution is of (a difference's: the sum of
    the two quantiles'); by default the mean's. ``widen=False``: no such floor (differences
    between runs that are the same to the last bit: they are exactly 0).
    """
    dtypes = per_rep.dtypes
    cols = [c for c in per_rep.columns
            if c != "replication" and pd.api.types.is_numeric_dtype(dtypes[c])]  # fmt: skip
    if cols and not 0 < level < 1:
        raise ValueError(f"level must be in (0, 1); got {level}")
    matrix = per_rep[cols].to_numpy(dtype=float)  # (one conversion, not one per metric)
    rows = []
    for j, col in enumerate(cols):
        values = matrix[:, j]
        kept = values[~np.isnan(values)]
        mean, half = _mean_half(kept, level)
        low, high = (None, None) if half is None else (mean - half, mean + half)
        if widen and low is not None and high is not None and is_quantile(col):
            half = resolution(mean if scale is None else scale.get(col, mean))
            low, high = min(low, mean - half), max(high, mean + half)
        rows.append(
            {
                "metric": col,
                "mean": mean,
                "ci_low": math.nan if low is None else low,
                "ci_high": math.nan if high is None else high,
                "n": len(kept),
            }
        )
    out = pd.DataFrame(rows, columns=["metric", "mean", "ci_low", "ci_high", "n"])
    return out.set_index("metric")


def summary_dict(summary: pd.DataFrame) -> dict[str, dict[str, float | None]]:
    """``summarise`` output as ``{metric: {mean, ci_low, ci_high}}``, NaN as None (JSON null)."""
    out: dict[str, dict[str, float | None]] = {}
    for metric, row in summary.iterrows():
        out[str(metric)] = {k: _finite(row[k]) for k in ("mean", "ci_low", "ci_high")}
    return out


def _finite(x: float) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


def ratio_interval(
    numerator: Iterable[float], denominator: Iterable[float], level: float = 0.95
) -> tuple[float, float, float]:
    """``(ratio, low, high)``: the ratio of the means of paired ``numerator`` and
    ``denominator`` values (one pair a replication) and its Fieller ``level`` interval.

    A ratio of two noisy means (a cost over hours saved) has no t interval of its own; Fieller's
    keeps the two means' covariance. When the denominator's own interval reaches 0 the set is
    unbounded, so ``low`` and ``high`` are NaN (so with fewer than two pairs); the ratio is NaN
    when the denominator's mean is 0. Pairs with a NaN are dropped.
    """
    x = np.asarray(list(numerator), dtype=float)
    y = np.asarray(list(denominator), dtype=float)
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y = x[keep], y[keep]
    n = len(x)
    mx, my = (float(x.mean()), float(y.mean())) if n else (math.nan, math.nan)
    ratio = mx / my if n and my != 0 else math.nan
    if n < 2 or not math.isfinite(ratio):
        return ratio, math.nan, math.nan
    t2 = t_quantile((1 + level) / 2, n - 1) ** 2
    cov = np.cov(x, y, ddof=1) / n  # the covariance matrix of the two means
    a = my * my - t2 * float(cov[1, 1])
    b = mx * my - t2 * float(cov[0, 1])
    c = mx * mx - t2 * float(cov[0, 0])
    if a <= 0:
        return ratio, math.nan, math.nan
    root = math.sqrt(max(b * b - a * c, 0.0))  # (never below 0 when a > 0, but by rounding)
    return ratio, (b - root) / a, (b + root) / a
