"""The transit leg (转关) of goods that land at an entry port and are cleared at this inland
office: the transit declaration is checked and the container sealed at the entry port
(customs' time), then the truck travels under seal to this office's supervised yard (the
carrier's, booked to the trader). Without a transit desk (``transit.desk``) a delay per
consignment, no queue, and the step is arithmetic exactly as before the desk existed; with
one, the formalities are served at the desk's lane (a FIFO queue, its wait customs'). Plan
rule, scalar and bulk forms side by side, so transit goods stay on the bulk path."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model import transit_plans  # (a module: it imports the steps, as they do it)
from sim.model.draws import R
from sim.model.milestones import CUSTOMS, DISCHARGED, TRADER, TRANSIT_ARRIVED, TRANSIT_SEALED
from sim.model.route import LANE, PLAIN, Step, finite
from sim.model.transit_leg import desk_of

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port

TRANSIT, FORMALITIES, TRAVEL = R.transit, R.transit_formalities, R.transit_travel
GOODS_READY = R.goods_ready
ADVANCE, LEAD, LODGING = R.advance, R.advance_lead, R.lodging_delay


class Transit(Step):
    """From the arrival at the entry port to the arrival here: the formalities (at the
    transit desk, where the port has one), then the journey under seal. Lodging and every
    check follow it (:mod:`sim.model.transit_leg`)."""

    name = "transit"

    def kind(self, p: Port) -> int:
        return PLAIN if desk_of(p) is None else LANE

    def lanes_of(self, p: Port) -> tuple[Any, ...]:
        desk = desk_of(p)
        return () if desk is None else (desk,)

    def may_queue(self, p: Port) -> bool:
        return finite(desk_of(p))

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.asarray(r[:, TRANSIT] > 0)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.full(len(r), int(finite(desk_of(p))))

    def flow(self, j: Journey) -> None:
        r, m = j.r, j.m
        t = j.c.arrived + r[FORMALITIES]
        m[TRANSIT_SEALED] = t
        j.clock.to(t, CUSTOMS)
        t = t + r[TRAVEL]
        m[TRANSIT_ARRIVED] = t
        j.clock.to(t, TRADER)
        j.t = t

    def visit(self, j: Journey) -> tuple[Any, float, float]:
        return desk_of(j.port), j.t, j.r[FORMALITIES]

    def visited(self, j: Journey, start: float, end: float) -> None:
        r, m = j.r, j.m
        m[TRANSIT_SEALED] = end
        j.clock.to(end, CUSTOMS)  # (the wait at the desk and its service)
        t = end + r[TRAVEL]
        m[TRANSIT_ARRIVED] = t
        j.clock.to(t, TRADER)
        j.t = t
        # the goods reach this office's yard later by the desk's wait
        m[DISCHARGED] = r[GOODS_READY] = r[GOODS_READY] + (start - j.c.arrived)
        row = np.asarray(r, float)[None, :]  # (holds and escalations from the real lodging)
        transit_plans.left_desk(j.port, np.array([j.c.index]), row, np.array([t]),
                                np.array([end]), np.array([j.c.cohort]))
        r[ADVANCE], r[LEAD], r[LODGING] = (float(row[0, c]) for c in (ADVANCE, LEAD, LODGING))

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        skip = np.full(len(rows), -np.inf)  # (books nothing to the rows that do not take it)
        desk = desk_of(b.port)
        if desk is None:
            t = b.arrived + b.req[:, FORMALITIES]
        else:
            start, t = yield from b.serve(desk, b.t, b.req[:, FORMALITIES], rows)
            ready = b.req[:, GOODS_READY] + (start - b.arrived)
            b.req[rows, GOODS_READY] = b.m[rows, DISCHARGED] = ready[rows]
        b.m[rows, TRANSIT_SEALED] = t[rows]
        b.to(np.where(rows, t, skip), CUSTOMS)
        t = t + b.req[:, TRAVEL]
        b.m[rows, TRANSIT_ARRIVED] = t[rows]
        b.to(np.where(rows, t, skip), TRADER)
        b.t = np.where(rows, t, b.t)
        if desk is not None:  # (holds and escalations from the real lodging)
            left = rows & np.isfinite(t)
            req = b.req[left]
            transit_plans.left_desk(b.port, b.index[left], req, t[left],
                                    b.m[left, TRANSIT_SEALED], b.cohort[left])
            b.req[left] = req
        yield from ()
