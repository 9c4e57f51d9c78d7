"""Enforcement counts by a timeline's period, so that a dated reform's (or an outbreak's)
before and after shows in enforcement as in time: per period (by the goods' arrival, as the
clearance figures' ``era``) and direction the counts of :data:`ERA`, and per period and truth
code those of :data:`BY_TYPE` (how many of one illicit type arrived, how many of those had a
known outcome, how many of those were detected before release)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from sim.model.finders import TRUTH
from sim.scenario.base import DIRECTIONS

_D = len(DIRECTIONS)
#: per period and direction: declarations, inspected, seized (detained or rejected), illicit
#: ones whose outcome is known (not held undetected at the end), of which detected before
#: release
ERA = ("declarations", "inspected", "caught", "illicit_known", "detected")
#: per period and truth code: declarations, of them with a known outcome, of those detected
#: before release
BY_TYPE = ("declarations", "known", "detected")


class EraTally:
    """Counts by period; ``on`` only with two periods or more (a timeline)."""

    def __init__(self, periods: Sequence[float]):
        #: the periods' starts (hours; two or more, else none)
        self.periods = np.asarray(periods if len(periods) > 1 else (), float)
        self.on = len(self.periods) > 0
        self.counts = np.zeros((len(self.periods), _D, len(ERA)), np.int64)
        self.by_type = np.zeros((len(self.periods), len(TRUTH), len(BY_TYPE)), np.int64)

    def __len__(self) -> int:
        return len(self.periods)

    def fold(
        self,
        arrived: np.ndarray,
        direction: np.ndarray,
        code: np.ndarray,
        counts: Sequence[Any],
    ) -> None:
        """Count a block by the period its goods arrived in: all, then each of ``counts``
        (:data:`ERA`'s after the first) by direction; all, known and detected by truth code
        (``counts[2]``, ``counts[3]``: the illicit known and the detected)."""
        k = np.maximum(np.searchsorted(self.periods, arrived, side="right") - 1, 0)
        cell, size = k * _D + direction, self.counts[..., 0].size
        for j, rows in enumerate((np.ones(len(k), bool), *counts)):
            self.counts[..., j] += np.bincount(cell[rows], minlength=size).reshape(-1, _D)
        kinds = len(TRUTH)
        cell, size = k * kinds + code, self.by_type[..., 0].size
        known = counts[2] | (code == 0)  # (the compliant have no unknown outcome to count)
        for j, rows in enumerate((np.ones(len(k), bool), known, counts[3])):
            self.by_type[..., j] += np.bincount(cell[rows], minlength=size).reshape(-1, kinds)
