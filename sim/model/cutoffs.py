"""Missed departures: of the exports loaded at a port with a schedule (a sea port's vessels,
an airport's flights), how many were loaded after the first cut-off at or after their arrival,
and by how many cut-offs.

Streamed like the rest of the recorder's statistics (:mod:`sim.model.recorder`): counts and
sums per port, folded block by block, so memory does not grow with the consignments.

A box is ``loaded`` at the cut-off of the departure it makes (:mod:`sim.model.steps.loading`).
The first cut-off it could have made is the first at or after its arrival (the arrival
report at the supervised place); the cut-offs missed are those from that one up to, not
including, the one it was loaded at: 0 for a box that made the first. The reference is the
port's ordinary cut-offs; at a port with direct loading (``exports.loading.direct``) a
direct user's box, loaded at its own later cut-off, is counted against them too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

WEEK = 168.0
_EPS = 1e-9  # hours: a time on a cut-off (up to rounding) is at it, not after it


def cutoff_index(cutoffs: np.ndarray, t: np.ndarray) -> np.ndarray:
    """The running number of the first cut-off at or after each ``t`` (``cutoffs``: sorted
    hours of the week), counted from the first cut-off of week 0."""
    week = np.floor(t / WEEK)
    i = np.searchsorted(cutoffs, t - week * WEEK - _EPS, side="left")
    return np.asarray(week * len(cutoffs) + i)


class CutoffTally:
    """Per port with a schedule: exports loaded, those loaded after their first cut-off, and
    the cut-offs they missed in all."""

    def __init__(self, ports: Sequence[str], cutoffs: Sequence[Sequence[float] | None]):
        self.ports = list(ports)
        self.cutoffs = [None if c is None else np.asarray(sorted(c), float) for c in cutoffs]
        k = len(self.ports)
        self.loaded = np.zeros(k, np.int64)
        self.missed = np.zeros(k, np.int64)
        self.cutoffs_missed = np.zeros(k, np.int64)

    def fold(self, port: np.ndarray, arrived: np.ndarray, loaded: np.ndarray) -> None:
        """Book rows of exports (``loaded``: NaN for those not loaded, which are skipped)."""
        for p, cut in enumerate(self.cutoffs):
            if cut is None:
                continue
            at = (port == p) & ~np.isnan(loaded) & ~np.isnan(arrived)
            if not at.any():
                continue
            first = cutoff_index(cut, arrived[at])
            n = np.maximum(cutoff_index(cut, loaded[at]) - first, 0).astype(np.int64)
            self.loaded[p] += int(at.sum())
            self.missed[p] += int((n > 0).sum())
            self.cutoffs_missed[p] += int(n.sum())

    def metrics(self) -> dict[str, float]:
        """``exports_missed_cutoff_share_<port>`` and ``exports_cutoffs_missed_mean_<port>`` of
        every port with a schedule (NaN when none of its exports was loaded)."""
        out: dict[str, float] = {}
        for p, name in enumerate(self.ports):
            if self.cutoffs[p] is None:
                continue
            n = int(self.loaded[p])
            out[f"exports_missed_cutoff_share_{name}"] = self.missed[p] / n if n else math.nan
            out[f"exports_cutoffs_missed_mean_{name}"] = (
                self.cutoffs_missed[p] / n if n else math.nan
            )
        return out
