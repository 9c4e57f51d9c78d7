"""A reviewed declaration returned for correction (退单 / 修改申报): the reviewing officer
sends it back, the broker corrects it and lodges it again (the trader's time), and it queues
at the same review lane a second time (customs' time). Plan rule, scalar and bulk forms side
by side. A returned declaration meets the review lane twice, so at a finite lane it goes as
a SimPy flow (two queues); only those consignments leave the bulk path."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.milestones import CUSTOMS, RELODGED, RETURNED, TRADER
from sim.model.route import Step, at_port, finite

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port

REVIEW, AMENDED, CORRECTION, REVIEW_TIME = R.review, R.amended, R.amend_time, R.review_time


def returned_rows(p: Port, r: np.ndarray) -> np.ndarray:
    """Rows of a requirement table whose declaration is reviewed at ``p`` and returned."""
    return at_port(p.review is not None, (r[:, REVIEW] > 0) & (r[:, AMENDED] > 0))


class Resubmit(Step):
    """The first review has returned the declaration: the broker corrects it and lodges it
    again, and it is reviewed a second time (for the review's own time) at the same lane."""

    name = "resubmit"
    visits_lane = True
    lane_attr = "review"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return returned_rows(p, r)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.full(len(r), int(finite(p.review)))

    def visit(self, j: Journey) -> tuple[Any, float, float]:
        r, m, t = j.r, j.m, j.t
        m[RETURNED] = t
        j.clock.to(t, CUSTOMS)  # (the first review and its queue)
        t += r[CORRECTION]
        m[RELODGED] = t
        j.clock.to(t, TRADER)
        j.t = t
        return j.port.review, t, r[REVIEW_TIME]

    def visited(self, j: Journey, start: float, end: float) -> None:
        j.t = end

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        skip = np.full(len(rows), -np.inf)  # (books nothing to the rows that do not take it)
        t = b.t
        b.m[rows, RETURNED] = t[rows]
        b.to(np.where(rows, t, skip), CUSTOMS)
        t = t + b.req[:, CORRECTION]
        b.m[rows, RELODGED] = t[rows]
        b.to(np.where(rows, t, skip), TRADER)
        _, end = yield from b.serve(b.port.review, t, b.req[:, REVIEW_TIME], rows)
        b.t = np.where(rows, end, b.t)
