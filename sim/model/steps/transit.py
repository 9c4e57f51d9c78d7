"""The transit leg (转关) of goods that land at an entry port and are cleared at this inland
office: the transit declaration is checked and the container sealed at the entry port
(customs' time), then the truck travels under seal to this office's supervised yard (the
carrier's, booked to the trader). A delay per consignment, no queue: plan rule, scalar and
bulk forms side by side, so transit goods stay on the bulk path."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.milestones import CUSTOMS, TRADER, TRANSIT_ARRIVED, TRANSIT_SEALED
from sim.model.route import Step

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port

TRANSIT, FORMALITIES, TRAVEL = R.transit, R.transit_formalities, R.transit_travel


class Transit(Step):
    """From the arrival at the entry port to the arrival here: the formalities, then the
    journey under seal. Lodging and every check follow it (:mod:`sim.model.transit_leg`)."""

    name = "transit"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.asarray(r[:, TRANSIT] > 0)

    def flow(self, j: Journey) -> None:
        r, m = j.r, j.m
        t = j.c.arrived + r[FORMALITIES]
        m[TRANSIT_SEALED] = t
        j.clock.to(t, CUSTOMS)
        t = t + r[TRAVEL]
        m[TRANSIT_ARRIVED] = t
        j.clock.to(t, TRADER)
        j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        skip = np.full(len(rows), -np.inf)  # (books nothing to the rows that do not take it)
        t = b.arrived + b.req[:, FORMALITIES]
        b.m[rows, TRANSIT_SEALED] = t[rows]
        b.to(np.where(rows, t, skip), CUSTOMS)
        t = t + b.req[:, TRAVEL]
        b.m[rows, TRANSIT_ARRIVED] = t[rows]
        b.to(np.where(rows, t, skip), TRADER)
        b.t = np.where(rows, t, b.t)
        yield from ()
