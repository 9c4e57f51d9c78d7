"""A streaming histogram on a logarithmic grid, for quantiles without keeping every value.

Values below ``XMIN`` hours (0.36 s) share the first bin and are reported as 0; above it bins
grow by 2 % each, and a quantile is reported as its bin's geometric midpoint. So a reported
quantile is within **1 % relative error** (at most ``sqrt(1.02) - 1`` = 0.995 %) of the true
sample quantile, or within 0.36 s absolute below ``XMIN``. Means and shares are exact (they
come from running sums and counts, not from the histogram). Memory is fixed: 1,200 counters.
"""

from __future__ import annotations

import functools
import math
from array import array
from collections.abc import Sequence

import numpy as np

XMIN = 1e-4
RATIO = 1.02
NBINS = 1200
_LOG_R = math.log(RATIO)
RELATIVE_ERROR = math.sqrt(RATIO) - 1


def bin_index(values: np.ndarray) -> np.ndarray:
    """Bin of each value (vectorised)."""
    v = np.asarray(values, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        idx = np.floor(np.log(np.maximum(v, XMIN) / XMIN) / _LOG_R).astype(np.int64) + 1
    idx[v < XMIN] = 0
    out: np.ndarray = np.minimum(idx, NBINS - 1)
    return out


def bin_value(idx: np.ndarray | int) -> np.ndarray | float:
    """The value a bin stands for (0 for the first bin, the geometric midpoint otherwise)."""
    i = np.asarray(idx)
    out = XMIN * RATIO ** (i - 1 + 0.5)
    return np.where(i == 0, 0.0, out)


def quantile_from_counts(counts: np.ndarray, q: float) -> float:
    """The q-quantile (inverted CDF: smallest x with F(x) >= q) of a binned sample."""
    n = counts.sum()
    if n == 0:
        return float("nan")
    rank = max(1, math.ceil(q * n))
    idx = int(np.searchsorted(np.cumsum(counts), rank))
    return float(bin_value(idx))


def row_bins(cum: np.ndarray, q: float) -> np.ndarray:
    """The bin of the ``q``-quantile (as :func:`quantile_from_counts`) of each histogram (a
    row, none empty), given as its running sums ``cum``: the first running sum that reaches
    the rank, found for every row in one sorted search (each row's sums lifted above the row
    before's)."""
    if not len(cum):
        return np.empty(0, np.int64)
    n = cum[:, -1]
    rank = np.maximum(1, np.ceil(q * n)).astype(np.int64)
    lift = np.arange(len(cum), dtype=np.int64) * (int(n.max()) + 1)
    found = np.searchsorted((cum + lift[:, None]).reshape(-1), rank + lift, side="left")
    return np.asarray(found - np.arange(len(cum)) * cum.shape[1], np.int64)


def row_quantiles(counts: np.ndarray, q: float) -> np.ndarray:
    """The ``q``-quantile of each histogram (a row of ``counts``) as
    :func:`quantile_from_counts` gives it, to the last bit (NaN for an empty row): one
    search for all rows, not a call per row."""
    out = np.full(len(counts), math.nan)
    on = counts.sum(axis=1) > 0
    out[on] = bin_values()[row_bins(np.cumsum(counts[on], axis=1), q)]
    return out


def sparse_bins(
    cell: np.ndarray, bins: np.ndarray, counts: np.ndarray, cells: int, qs: Sequence[float]
) -> list[np.ndarray]:
    """The bin of each ``q``-quantile in ``qs`` (as :func:`row_bins`) of ``cells``
    histograms given by their filled bins only: ``counts[i]`` (positive) in bin ``bins[i]``
    of histogram ``cell[i]`` (entries of one bin add up; every histogram holds some). One
    sort and one running sum over the entries, not over all 1,200 bins of every histogram:
    a short run's histograms hold a few bins each."""
    if not cells:
        return [np.empty(0, np.int64) for _ in qs]
    order = np.argsort(cell * NBINS + bins, kind="stable")  # (by histogram, then bin)
    cell, bins = cell[order], bins[order]
    cum = np.cumsum(counts[order], dtype=np.int64)  # (rising: each entry's count > 0)
    top = cum[np.searchsorted(cell, np.arange(cells), side="right") - 1]
    base = np.concatenate(([0], top[:-1])).astype(np.int64)  # (the histograms before)
    n = top - base
    out = []
    for q in qs:
        rank = np.maximum(1, np.ceil(q * n)).astype(np.int64)
        out.append(np.asarray(bins[np.searchsorted(cum, base + rank, side="left")], np.int64))
    return out


@functools.cache
def bin_values() -> np.ndarray:
    """:func:`bin_value` of every bin, each worked out alone, as :func:`quantile_from_counts`
    does (a power taken over an array may differ from one taken alone in the last bit)."""
    return np.array([float(bin_value(i)) for i in range(NBINS)])


class LogHistogram:
    """Count, sum and binned counts of a stream of non-negative values."""

    __slots__ = ("counts", "n", "total", "_buf")

    def __init__(self) -> None:
        self.counts = np.zeros(NBINS, dtype=np.int64)
        self.n = 0
        self.total = 0.0
        # doubles, not a list of floats: each value is converted as it comes, while it is
        # fresh in the cache, and no float object is kept alive until the flush
        self._buf = array("d")

    def add(self, x: float) -> None:
        buf = self._buf
        buf.append(x)
        if len(buf) >= 4096:
            self._flush()

    def add_many(self, values: np.ndarray) -> None:
        self._flush()
        values = np.asarray(values, dtype=float)
        self.counts += np.bincount(bin_index(values), minlength=NBINS)
        self.n += len(values)
        self.total += float(values.sum())

    def _flush(self) -> None:
        if self._buf:
            buf, self._buf = self._buf, array("d")
            self.add_many(np.frombuffer(buf, dtype=float))

    def __len__(self) -> int:
        """How many values were added (``n`` counts only those flushed so far)."""
        self._flush()
        return self.n

    @property
    def mean(self) -> float:
        self._flush()
        return self.total / self.n if self.n else float("nan")

    def quantile(self, q: float) -> float:
        self._flush()
        return quantile_from_counts(self.counts, q)
