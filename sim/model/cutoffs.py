"""Missed departures: of the exports loaded at a port with a schedule (a sea port's vessels,
an airport's flights), how many left on a later departure than the first they could make, and
by how many departures.

Streamed like the rest of the recorder's statistics (:mod:`sim.model.recorder`): counts and
sums per port, folded block by block, so memory does not grow with the consignments.

A box is ``loaded`` at the cut-off of the departure it makes and ``departed`` with it
(:mod:`sim.model.steps.loading`). The first departure it could have made is the first whose
cut-off, for that box, is at or after its arrival (the arrival report at the supervised
place): the port's ordinary cut-off, or, for a direct user's box (``exports.loading.direct``),
its own later one. The departures missed are those from that one up to, not including, the
one it left on: 0 for a box that made the first.

A terminal counts boxes, not declarations: each declaration also counts with its containers
(a declaration of four boxes that rolls to a later vessel rolls four), for the share of the
containers that missed their first departure and the containers rolled a day (over the
observed hours: a yard's and a line's planning unit, as :mod:`sim.model.exam_figures`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from sim.model.milestones import M
from sim.model.recorder_rows import _LOADED, _S, _SMS

#: the metrics' stems and their units (sim.experiment.compare.metric_unit reads them)
UNITS = {"exports_missed_cutoff_containers_per_day": "containers a day"}
WEEK = 168.0
_EPS = 1e-9  # hours: a time on a cut-off (up to rounding) is at it, not after it


def cutoff_index(cutoffs: np.ndarray, t: np.ndarray) -> np.ndarray:
    """The running number of the first time of a weekly schedule at or after each ``t``
    (``cutoffs``: its sorted hours of the week), counted from its first time in week 0."""
    week = np.floor(t / WEEK)
    i = np.searchsorted(cutoffs, t - week * WEEK - _EPS, side="left")
    return np.asarray(week * len(cutoffs) + i)


def departures_of(spec: Any) -> list[float] | None:
    """A port's export departures in the week (hours), or None where exports cross after a
    delay (no schedule) or the port has no exports."""
    exports = getattr(spec, "exports", None)
    if exports is None or exports.loading.departures is None:
        return None
    return [float(d) for d in exports.loading.departures]


class CutoffTally:
    """Per port with a schedule: exports loaded, those that left on a later departure than
    the first they could make, and the departures they missed in all; in declarations and in
    their containers."""

    def __init__(
        self,
        ports: Sequence[str],
        departures: Sequence[Sequence[float] | None],
        window: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        self.ports, self.hours = list(ports), window[1] - window[0]
        #: each port's departure times in the week (each has its own cut-off before it)
        self.departures = [
            None if d is None else np.asarray(sorted({float(x) % WEEK for x in d}), float)
            for d in departures
        ]
        k = len(self.ports)
        self.loaded = np.zeros(k, np.int64)
        self.missed = np.zeros(k, np.int64)
        self.cutoffs_missed = np.zeros(k, np.int64)
        self.boxes = np.zeros((k, 2))  # (containers loaded, those that missed their first)

    def fold_rows(self, e: np.ndarray) -> None:
        """Book statistics rows of exports out of the flow (:mod:`sim.model.recorder_rows`),
        each with its declaration's containers."""
        self.fold(e[:, _S["port"]].astype(int), e[:, _SMS + M["arrived"]], e[:, _SMS + _LOADED],
                  e[:, _SMS + M["departed"]], e[:, _S["containers"]])  # fmt: skip

    def fold(
        self,
        port: np.ndarray,
        arrived: np.ndarray,
        loaded: np.ndarray,
        departed: np.ndarray,
        boxes: np.ndarray | None = None,
    ) -> None:
        """Book rows of exports (NaN ``loaded``: not loaded, skipped), each of ``boxes``
        containers (None: one each). A box's cut-off lead is ``departed - loaded``: the first
        departure it could make is the first at or after its arrival plus that lead."""
        boxes = np.ones(len(port)) if boxes is None else boxes
        for p, times in enumerate(self.departures):
            if times is None:
                continue
            at = (port == p) & ~np.isnan(loaded) & ~np.isnan(arrived) & ~np.isnan(departed)
            if not at.any():
                continue
            left = departed[at]
            first = cutoff_index(times, arrived[at] + (left - loaded[at]))
            n = np.maximum(cutoff_index(times, left) - first, 0).astype(np.int64)
            self.loaded[p] += int(at.sum())
            self.missed[p] += int((n > 0).sum())
            self.cutoffs_missed[p] += int(n.sum())
            self.boxes[p] += (boxes[at].sum(), boxes[at][n > 0].sum())

    def metrics(self) -> dict[str, float]:
        """``exports_missed_cutoff_share_<port>``, ``exports_cutoffs_missed_mean_<port>`` and
        ``exports_missed_cutoff_containers_share_<port>`` of every port with a schedule (NaN
        when none of its exports was loaded), and its containers that missed their first
        departure a day, ``exports_missed_cutoff_containers_per_day_<port>`` (NaN without
        observed hours)."""
        out: dict[str, float] = {}
        for p, name in enumerate(self.ports):
            if self.departures[p] is None:
                continue
            n = int(self.loaded[p])
            out[f"exports_missed_cutoff_share_{name}"] = self.missed[p] / n if n else math.nan
            out[f"exports_cutoffs_missed_mean_{name}"] = (
                self.cutoffs_missed[p] / n if n else math.nan
            )
            boxes, missed = self.boxes[p]
            out[f"exports_missed_cutoff_containers_share_{name}"] = (
                missed / boxes if boxes > 0 else math.nan
            )
            out[f"exports_missed_cutoff_containers_per_day_{name}"] = (
                missed / (self.hours / 24) if self.hours > 0 else math.nan
            )
        return out
