"""The risk engine's window of recent scores and the thresholds taken from it (see
:mod:`sim.model.risk`): a ring buffer per port and direction, and the order statistic above
which a target share of its scores lies, recomputed at each refresh (kept cheap by a tail
of the window's scores, sorted and followed as scores come and go: :class:`Tail`)."""

from __future__ import annotations

import bisect
import math

import numpy as np


class Window:
    """The last ``size`` scores (a ring buffer) and their quantiles; ``tails``: the tails
    of its scores that thresholds follow (told of each score that comes or goes)."""

    def __init__(self, size: int):
        self.buf = np.empty(size)
        self.n = self.pos = 0
        self.tails: list[Tail] = []

    def add(self, x: np.ndarray) -> None:
        size = len(self.buf)
        x = x[-size:]
        k = len(x)
        if self.tails:
            self._tell(x, k)
        end = self.pos + k
        if end <= size:
            self.buf[self.pos : end] = x
        else:
            cut = size - self.pos
            self.buf[self.pos :] = x[:cut]
            self.buf[: k - cut] = x[cut:]
        self.pos = end % size
        self.n = min(size, self.n + k)

    def _tell(self, x: np.ndarray, k: int) -> None:
        """Tell the tails of the ``k`` scores ``x`` about to come in and of those they push
        out (the oldest: from ``pos`` on when full, else from the buffer's start)."""
        size, n = len(self.buf), self.n
        start, end = (self.pos, self.pos + k) if n == size else (0, max(0, n + k - size))
        if end <= size:
            gone = self.buf[start:end].tolist()
        else:
            gone = self.buf[start:].tolist() + self.buf[: end - size].tolist()
        came = x.tolist()
        for tail in self.tails:
            tail.update(gone, came)

    def add_one(self, x: float) -> None:
        """:meth:`add` of one score."""
        size = len(self.buf)
        if self.tails:
            gone = [float(self.buf[self.pos])] if self.n == size else []
            for tail in self.tails:
                tail.update(gone, [x])
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
        self.tail: Tail | None = None

    def of_window(self, window: Window, q: float) -> float:
        """:meth:`__call__` of ``window``'s scores, read from a tail of them that the window
        keeps up to date: rebuilt (a partition of the window) only when it holds fewer
        scores than the statistic needs, trimmed when it holds many more."""
        n = window.n
        if q <= 0 or not n:
            return math.inf
        if q >= 1:
            return -math.inf
        i = min(n - 1, max(0, math.ceil(n * (1.0 - q)) - 1))  # its rank from the bottom
        upper = n - i <= n // 2  # (else counted from below)
        need = n - i if upper else i + 1  # the scores from the tail's end to it
        tail = self.tail
        if tail is None or tail.window is not window or tail.upper != upper:
            if tail is not None and tail in tail.window.tails:
                tail.window.tails.remove(tail)
            tail = self.tail = Tail(window, upper)
            window.tails.append(tail)
        margin = max(FLOOR_RANKS, need // 2)
        if len(tail.vals) < need:
            tail.rebuild(need + margin)
        value = tail.vals[len(tail.vals) - need] if upper else tail.vals[i]
        if len(tail.vals) > need + 2 * margin:
            tail.trim(need + margin)
        return value

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


class Tail:
    """A window's scores at or above a bound (``upper``; else at or below it), sorted, kept
    up to date as scores come and go (:meth:`update`)."""

    def __init__(self, window: Window, upper: bool):
        self.window, self.upper = window, upper
        self.bound = -math.inf if upper else math.inf
        self.vals: list[float] = sorted(window.scores().tolist())

    def update(self, gone: list[float], came: list[float]) -> None:
        """Scores that left the window (``gone``) and came in."""
        b, vals = self.bound, self.vals
        for v in gone:
            if v >= b if self.upper else v <= b:
                del vals[bisect.bisect_left(vals, v)]
        for v in came:
            if v >= b if self.upper else v <= b:
                bisect.insort(vals, v)

    def rebuild(self, m: int) -> None:
        """Hold at least the ``m`` scores from the tail's end (all of the window's scores
        tied with the last of them)."""
        scores = self.window.scores()
        n = len(scores)
        m = min(n, m)
        if self.upper:
            self.bound = float(np.partition(scores, n - m)[n - m])
            self.vals = sorted(scores[scores >= self.bound].tolist())
        else:
            self.bound = float(np.partition(scores, m - 1)[m - 1])
            self.vals = sorted(scores[scores <= self.bound].tolist())

    def trim(self, m: int) -> None:
        """Hold only the ``m`` scores from the tail's end (and those tied with the last)."""
        vals = self.vals
        if self.upper:
            self.bound = vals[len(vals) - m]
            del vals[: bisect.bisect_left(vals, self.bound)]
        else:
            self.bound = vals[m - 1]
            del vals[bisect.bisect_right(vals, self.bound) :]


#: how many ranks below a threshold :class:`Threshold` keeps its floor (from below: above it,
#: its ceiling): more than a window usually takes in between two refreshes
FLOOR_RANKS = 64
