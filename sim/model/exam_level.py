"""The exam yard at its busiest, in boxes: how many containers are at a port's exam bays or
waiting for them at once, the highest over the observed window and the level it stays at or
under 95 % of the time.

``hours --peak`` counts declarations and the lanes' queues count jobs; a terminal plans its
exam yard in slots for boxes. A box is in the exam yard from when it could go there (the
latest of its milestones before the examinations: its discharge, its declaration's
assessment, a scan's image review, quarantine's own declaration ...) to when it is back from
its last examination (``inspected``); still there at the end of the run, to the end. An
examination at the trader's premises keeps no box in the yard. It counts the cohort's
consignments whose examination (physical or quarantine) started by the run's end, with all
their declaration's containers: a box still waiting for its first examination at the end is
not known to be there (its plan is not recorded), nor is one of a consignment that arrived
before the observed window.

Rows come out of time order (as their consignments leave the flow), so each box's entry and
exit are added to a level kept on a grid of minutes over the observed window: memory is fixed
by the window's length, not by the consignments. At the end the grid is walked in time
order: a running maximum of the level, and a histogram of the level weighted by the minutes
it held (its time-weighted p95). A box's entry and exit are taken to the nearest minute.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.milestones import MILESTONES, M
from sim.model.recorder_rows import _S, _SMS

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: the metrics' stems and their units (sim.experiment.compare.metric_unit reads them)
UNITS = {"exam_yard_boxes_max": "containers", "exam_yard_boxes_p95": "containers"}
STEP_H = 1 / 60  # the grid: a minute
_EXAM, _CHECK, _BACK = (_SMS + M[k] for k in ("exam_start", "quarantine_start", "inspected"))
#: the milestones before the examinations: the latest of them is when a box could go there
_BEFORE = [_SMS + i for i in range(MILESTONES.index("exam_start"))]


class ExamLevelTally:
    """Per port, the change of the exam yard's boxes at each minute of the observed window
    (a box in at its minute, out at its minute)."""

    def __init__(self, ports: Sequence[str], window: tuple[float, float]) -> None:
        self.ports, self.window = list(ports), window
        self.steps = max(1, math.ceil((window[1] - window[0]) / STEP_H - 1e-9))
        self.change = np.zeros((len(ports), self.steps + 1))

    def fold(self, a: np.ndarray) -> None:
        """Fold statistics rows: those whose examination started, not at the premises."""
        first = np.fmin(a[:, _EXAM], a[:, _CHECK])
        keep = ~np.isnan(first) & ~(a[:, _S["premises"]] > 0)
        if not keep.any():
            return
        a, first = a[keep], first[keep]
        ready = np.fmin(np.nanmax(a[:, _BEFORE], axis=1), first)
        back = np.where(np.isnan(a[:, _BACK]), self.window[1], a[:, _BACK])
        self.add(a[:, _S["port"]].astype(int), ready, back, a[:, _S["containers"]])

    def add(self, port: np.ndarray, entry: np.ndarray, exit: np.ndarray, boxes: np.ndarray) -> None:
        """Add boxes in the yard from ``entry`` to ``exit`` (hours), cut to the window."""
        start, stop = self.window
        i = np.rint((np.clip(entry, start, stop) - start) / STEP_H).astype(np.int64)
        j = np.rint((np.clip(exit, start, stop) - start) / STEP_H).astype(np.int64)
        i, j = np.minimum(i, self.steps), np.minimum(j, self.steps)
        on = j > i  # (out of the window, or in and out in the same minute: never counted)
        flat, width = self.change.reshape(-1), self.steps + 1
        np.add.at(flat, port[on] * width + i[on], boxes[on])
        np.add.at(flat, port[on] * width + j[on], -boxes[on])

    def busiest(self, p: int) -> tuple[float, float]:
        """Port ``p``'s exam yard at its busiest: the maximum level and its time-weighted
        p95 (the smallest level held at least 95 % of the minutes), walking the minutes in
        order with a running maximum and a histogram of the level."""
        top, counts = 0, np.zeros(1, np.int64)
        level = np.rint(np.cumsum(self.change[p, : self.steps])).astype(np.int64)
        level = np.maximum(level, 0)  # (whole boxes: a sum's rounding never goes below)
        for chunk in np.array_split(level, max(1, len(level) // 4096)):
            top = max(top, int(chunk.max()))
            if top >= len(counts):
                counts = np.concatenate([counts, np.zeros(top + 1 - len(counts), np.int64)])
            counts += np.bincount(chunk, minlength=len(counts))
        rank = math.ceil(0.95 * counts.sum())
        return float(top), float(np.searchsorted(np.cumsum(counts), rank))

    def metrics(self, scenario: Scenario) -> dict[str, float]:
        """For each port with an exam yard: ``exam_yard_boxes_max_port_<port>`` and
        ``exam_yard_boxes_p95_port_<port>`` (0 where nothing was examined)."""
        out: dict[str, float] = {}
        for p, name in enumerate(self.ports):
            if scenario.ports[name].exam is None:
                continue
            top, p95 = self.busiest(p)
            out[f"exam_yard_boxes_max_port_{name}"] = top
            out[f"exam_yard_boxes_p95_port_{name}"] = p95
        return out
