"""A container terminal's yard at its busiest, in boxes: how many of the declarations'
containers are on a sea port's ground at once, the most over the observed window and the
level it stays at or under 95 % of the time, by direction.

``yard_boxes_mean`` (:mod:`sim.model.yard_dwell`) is a mean by Little's law; a yard is
planned for its busy days. A level at each minute must count every box on the ground then,
also those of consignments that arrived before the observed window (still there from the
warm-up), which the streamed statistics rows (the cohort's) leave out: so the recorder hands
this tally every consignment it books, cohort or not. A box is on the ground from its
discharge (an export: its gate-in) to its exit through the gate (an export: its vessel's
departure), as the dwell counts it; a consignment still in the flow at the run's end, to the
end. Seized, rejected and detained goods are left out, as in the dwell (a rejected box
whose commodity's disposal takes time, to the rejection plus its wait at the disposal
facility plus that time: :mod:`sim.model.disposal_yard`). The level is kept on
a grid of minutes over the observed window (:class:`sim.model.exam_level.ExamLevelTally`),
so memory does not grow with the consignments.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from sim.model.disposal_yard import FINDS
from sim.model.draws import R
from sim.model.exam_level import ExamLevelTally
from sim.model.milestones import CENSORED, REJECTED, RELEASED, M, flow_end
from sim.scenario.schema import DIRECTIONS

if TYPE_CHECKING:
    from sim.model.disposal_yard import DisposalYard

#: the metrics' stems and their units (read through sim.model.yard_dwell's UNITS)
UNITS = {"yard_boxes_max": "containers", "yard_boxes_p95": "containers"}
_ARR, _DIS, _EXIT, _LOAD, _DEP = (M[k] for k in ("arrived", "discharged", "exited", "loaded",
                                                "departed"))  # fmt: skip
_FINDS = [M[k] for k in FINDS]
_ND = len(DIRECTIONS)
_BATCH = 4096  # single consignments added at a time


class YardLevelTally:
    """Per sea port and direction, the boxes on the ground at each minute of the window."""

    def __init__(self, modes: Sequence[str], window: tuple[float, float]) -> None:
        self.sea = [m == "sea" for m in modes]
        self.grid = ExamLevelTally([""] * (len(modes) * _ND), window)
        #: by port, single consignments waiting to be added a block at a time (speed)
        self._waiting: list[list[tuple[Sequence[float], Sequence[float]]]] = [[] for _ in modes]
        #: rejected boxes' disposals (set by the dwell's tally; None: rejected boxes left out)
        self.disposal: DisposalYard | None = None

    def single(
        self, port: int, req: Sequence[float], m: Sequence[float], outcome: int, wait: float = 0.0
    ) -> None:
        """Add one booked consignment's boxes (any consignment, cohort or not); ``wait``, a
        rejected one's hours waiting at the disposal facility before its disposal."""
        if outcome == REJECTED and self.disposal is not None and self.sea[port]:
            disposed = self._disposed(req, m, wait)
            if disposed is None:
                return
            m, outcome = disposed, RELEASED  # (on the ground to the disposal's end)
        if self.sea[port] and outcome in (RELEASED, CENSORED):
            waiting = self._waiting[port]
            waiting.append((tuple(req), list(m)))
            if len(waiting) >= _BATCH:
                self._flush(port)

    def _disposed(
        self, req: Sequence[float], m: Sequence[float], wait: float
    ) -> list[float] | None:
        """A rejected consignment's milestones as if it left the ground at the rejection
        plus its wait at the disposal facility plus its commodity's disposal time (None
        when that takes no time)."""
        assert self.disposal is not None
        hours = float(self.disposal.hours[int(req[R.commodity])])
        if not hours > 0:
            return None
        found = max((m[k] for k in _FINDS if m[k] == m[k]), default=math.nan)
        out = list(m)
        out[_EXIT], out[_LOAD], out[_DEP] = found + wait + hours, math.nan, math.nan
        return out

    def _flush(self, port: int) -> None:
        """Add the port's waiting single consignments as one block."""
        waiting, self._waiting[port] = self._waiting[port], []
        if waiting:
            req = np.array([r for r, _ in waiting], float)
            self.block(port, req, np.array([m for _, m in waiting], float))

    def block(self, port: int, req: np.ndarray, m: np.ndarray) -> None:
        """Add a port's consignments' boxes, released or still in the flow (``req`` and
        ``m``: their requirements and milestones, a row each; NaN where not reached)."""
        if not self.sea[port] or not len(m):
            return
        export = req[:, R.direction] == 1
        on_ground = np.where(export, m[:, _ARR], np.fmax(m[:, _DIS], m[:, _ARR]))
        out = flow_end(m[:, _EXIT], m[:, _LOAD])
        out = np.where(export, np.fmax(m[:, _DEP], out), out)
        out = np.where(np.isnan(out), np.inf, out)  # (still on the ground at the end)
        ok = ~np.isnan(on_ground)
        cell = port * _ND + export.astype(np.int64)
        self.grid.add(cell[ok], on_ground[ok], out[ok], req[ok, R.containers])

    def metrics(self, port: int, d: int) -> tuple[float, float]:
        """Port ``port``'s boxes on the ground in direction ``d`` at their most and their
        time-weighted p95 over the observed window."""
        self._flush(port)
        return self.grid.busiest(port * _ND + d)
