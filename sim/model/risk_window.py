"""The risk engine's window of recent scores and the thresholds taken from it (see
:mod:`sim.model.risk`): a ring buffer per port and direction, and the order statistic above
which a target share of its scores lies, recomputed at each refresh."""

from __future__ import annotations

import math

import numpy as np


class Window:
    """The last ``size`` scores (a ring buffer) and their quantiles."""

    def __init__(self, size: int):
        self.buf = np.empty(size)
        self.n = self.pos = 0

    def add(self, x: np.ndarray) -> None:
        size = len(self.buf)
        x = x[-size:]
        k = len(x)
        end = self.pos + k
        if end <= size:
            self.buf[self.pos : end] = x
        else:
            cut = size - self.pos
            self.buf[self.pos :] = x[:cut]
            self.buf[: k - cut] = x[cut:]
        self.pos = end % size
        self.n = min(size, self.n + k)

    def add_one(self, x: float) -> None:
        """:meth:`add` of one score."""
        size = len(self.buf)
        self.buf[self.pos] = x
        self.pos = (self.pos + 1) % size
        self.n = min(size, self.n + 1)

    def scores(self) -> np.ndarray:
        return self.buf[: self.n]


def threshold(scores: np.ndarray, q: float) -> float:
    """The score above which a share ``q`` of ``scores`` lies (an order statistic: at most
    ``q`` of them are strictly above it)."""
    n = len(scores)
    if q <= 0 or not n:
        return math.inf
    if q >= 1:
        return -math.inf
    i = min(n - 1, max(0, math.ceil(n * (1.0 - q)) - 1))
    return float(np.partition(scores, i)[i])


class Threshold:
    """:func:`threshold` of a moving window, recomputed at each refresh: the same order
    statistic, found among the scores at or above a floor kept from the last refresh (a
    score ``FLOOR_RANKS`` ranks further down), since a window moves little between refreshes
    and a partition of a few hundred scores costs far less than one of thousands. Whenever
    fewer than the needed scores lie above the floor, the whole window is partitioned. A
    statistic near the bottom of the window (a share ``q`` above one half) is found the same
    way from below, among the scores at or below a ceiling."""

    def __init__(self) -> None:
        self.floor = -math.inf
        self.ceiling = math.inf

    def __call__(self, scores: np.ndarray, q: float) -> float:
        n = len(scores)
        if q <= 0 or not n:
            return math.inf
        if q >= 1:
            return -math.inf
        i = min(n - 1, max(0, math.ceil(n * (1.0 - q)) - 1))  # its rank from the bottom
        top = n - i  # scores at or above it
        if top > n // 2:
            return self._from_below(scores, i)
        cand = scores[scores >= self.floor]
        if len(cand) < top:
            cand = scores
        j = len(cand) - top  # its rank among the candidates: they are the window's highest
        low = max(0, j - max(FLOOR_RANKS, top // 2))
        part = np.partition(cand, (low, j))
        self.floor = float(part[low])
        return float(part[j])

    def _from_below(self, scores: np.ndarray, i: int) -> float:
        """The ``i``-th lowest score, found among those at or below the ceiling."""
        cand = scores[scores <= self.ceiling]
        if len(cand) <= i:
            cand = scores
        high = min(len(cand) - 1, i + max(FLOOR_RANKS, (i + 1) // 2))
        part = np.partition(cand, (i, high))
        self.ceiling = float(part[high])
        return float(part[i])


#: how many ranks below a threshold :class:`Threshold` keeps its floor (from below: above it,
#: its ceiling): more than a window usually takes in between two refreshes
FLOOR_RANKS = 64
