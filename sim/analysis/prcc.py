"""Partial rank correlation coefficients (PRCC): screening the inputs of a sampled design.

For a Latin-hypercube (or any random) design of ``k`` inputs and one output, the PRCC of
input ``j`` is the correlation between the ranks of input ``j`` and the ranks of the output
once the linear effect of the other inputs' ranks is removed from both (Marino, Hogue, Ray
and Kirschner 2008, J. Theor. Biol. 254:178-196). It measures a monotone effect, whatever
its shape, and is between -1 and 1; a non-monotone effect (a U shape) can have a PRCC near
0 (Sobol indices see it).

Its interval and p-value are those of a partial correlation with ``p = k - 1`` inputs held
fixed over ``n`` points: Fisher's ``z = atanh(r)`` has standard error
``1 / sqrt(n - 3 - p)``, and ``t = r * sqrt((n - 2 - p) / (1 - r**2))`` has ``n - 2 - p``
degrees of freedom. An interval needs ``n >= k + 3`` points; its half-width about 0 is
``tanh(1.96 / sqrt(n - k - 2))`` (:func:`halfwidth_at_zero`), so telling a PRCC of 0.2
from 0 takes about ``k + 96`` points.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

#: the columns of :func:`prcc`, after the parameter
COLUMNS = ["prcc", "ci_low", "ci_high", "p_value", "n"]


def halfwidth_at_zero(n: int, k: int, level: float = 0.95) -> float:
    """The half-width of a PRCC's ``level`` interval about 0 with ``n`` points and ``k``
    inputs (NaN below ``k + 3`` points): the smallest PRCC the design can tell from 0."""
    if n - k - 2 < 1:
        return float("nan")
    return float(np.tanh(stats.norm.ppf(0.5 + level / 2) / np.sqrt(n - k - 2)))


def prcc(x: pd.DataFrame, y: pd.Series | np.ndarray, level: float = 0.95) -> pd.DataFrame:
    """The PRCC of ``y`` on each column of ``x`` (one row per point, numeric), with its
    ``level`` Fisher interval, p-value and the points ``n`` used (rows where ``y`` is NaN
    are left out). Index ``parameter``. An input that does not vary, or a ``y`` that does
    not, has NaN, and so does every input with fewer than ``k + 2`` points (with ``k + 1``
    the residuals are one number each, and every PRCC is ±1); the interval and p-value with
    fewer than ``k + 3``."""
    values = np.asarray(y, dtype=float)
    keep = ~np.isnan(values)
    xs = x.loc[keep].astype(float)
    ranks = np.column_stack([stats.rankdata(xs[c]) for c in xs.columns]) if len(xs) else None
    ry = stats.rankdata(values[keep])
    n, k = int(keep.sum()), x.shape[1]
    rows = []
    for j, name in enumerate(x.columns):
        r = _partial(ranks, ry, j) if ranks is not None and n >= k + 2 else float("nan")
        rows.append((str(name), r, *_interval(r, n, k, level), n))
    table = pd.DataFrame(rows, columns=["parameter", *COLUMNS]).set_index("parameter")
    return table


def _partial(ranks: np.ndarray, ry: np.ndarray, j: int) -> float:
    """The correlation of input ``j``'s ranks and the output's ranks, each less its least
    squares fit on the other inputs' ranks (with an intercept)."""
    others = np.column_stack([np.ones(len(ry)), np.delete(ranks, j, axis=1)])
    res_x = ranks[:, j] - others @ np.linalg.lstsq(others, ranks[:, j], rcond=None)[0]
    res_y = ry - others @ np.linalg.lstsq(others, ry, rcond=None)[0]
    scale = float(np.sqrt((res_x @ res_x) * (res_y @ res_y)))
    if not scale > 1e-12 * len(ry) ** 2:  # (an input or output explained away, or flat)
        return float("nan")
    return float(np.clip((res_x @ res_y) / scale, -1.0, 1.0))


def _interval(r: float, n: int, k: int, level: float) -> tuple[float, float, float]:
    """``r``'s Fisher interval and its t-test's p-value (NaN where there are too few
    points or ``r`` is NaN)."""
    df = n - k - 1  # n - 2 - p, with p = k - 1 inputs held fixed
    if not np.isfinite(r) or df - 1 < 1:
        return float("nan"), float("nan"), float("nan")
    if abs(r) == 1.0:
        return r, r, 0.0
    half = stats.norm.ppf(0.5 + level / 2) / np.sqrt(df - 1)
    z = np.arctanh(r)
    t = r * np.sqrt(df / (1 - r * r))
    return float(np.tanh(z - half)), float(np.tanh(z + half)), float(2 * stats.t.sf(abs(t), df))
