"""Release and what follows it. Customs releases every consignment; an import is then picked
up by the trader once discharged and leaves through the terminal's gate; an export waits for
loading (:mod:`sim.model.steps.loading`). Plan rule, scalar and bulk forms side by side."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.milestones import CUSTOMS, PICKED_UP, RELEASED_AT, TERMINAL, TRADER
from sim.model.route import Step, at_port, finite
from sim.model.transit_leg import here, here_one

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port

GOODS_READY, PICKUP, DIRECTION = R.goods_ready, R.pickup, R.direction
DIRECT_PICKUP = R.direct_pickup
IMPORT, EXPORT = 0, 1  # codes of the direction draw (schema.DIRECTIONS)
_CHECKED = (R.sel_scan, R.sel_physical, R.sel_quarantine)


def imports(r: np.ndarray) -> np.ndarray:
    """Rows of a requirement table that are imports."""
    return np.asarray(r[:, DIRECTION] == IMPORT)


def uninspected(r: Any) -> bool:
    """A decided requirement row has no scan, physical or quarantine exam (goods that may go
    direct: ship-side pick-up, direct loading)."""
    return not (r[_CHECKED[0]] or r[_CHECKED[1]] or r[_CHECKED[2]])


def uninspected_rows(r: np.ndarray) -> np.ndarray:
    """:func:`uninspected` of each row of a requirement table."""
    return np.asarray((r[:, _CHECKED] == 0).all(axis=1))


class Release(Step):
    """Customs release (goods not yet arrived are released on arrival)."""

    name = "release"
    every = True

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.ones(len(r), bool)

    def flow(self, j: Journey) -> None:
        t = max(j.t, here_one(j))
        j.m[RELEASED_AT] = t
        j.clock.to(t, CUSTOMS)
        j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        t = np.maximum(b.t, here(b))
        b.m[:, RELEASED_AT] = t
        b.to(t, CUSTOMS)
        b.t = t
        yield from ()


class PickUp(Step):
    """Imports: the trader picks the goods up once they are discharged; with ship-side
    pick-up, a signed-up trader whose goods were not inspected does so in the port's direct
    time instead of its own drawn one."""

    name = "pickup"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return imports(r)

    def flow(self, j: Journey) -> None:
        t, r = j.t, j.r
        if t < r[GOODS_READY]:
            t = r[GOODS_READY]
            j.clock.to(t, TERMINAL)
        direct = j.port.direct_pickup
        if direct is not None and r[DIRECT_PICKUP] and uninspected(r):
            t += direct
        else:
            t += r[PICKUP]
        j.clock.to(t, TRADER)
        j.m[PICKED_UP] = j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        t = np.where(rows, np.maximum(b.t, b.discharged), b.t)
        b.to(t, TERMINAL)
        req, pickup = b.req, b.req[:, PICKUP]
        direct = b.port.direct_pickup
        if direct is not None:
            pickup = np.where((req[:, DIRECT_PICKUP] > 0) & uninspected_rows(req), direct, pickup)
        t = np.where(rows, t + pickup, t)
        b.to(t, TRADER)
        b.m[rows, PICKED_UP] = t[rows]
        b.t = t
        yield from ()


class Gate(Step):
    """Imports: the terminal's exit gate, where the port has one."""

    name = "gate"
    visits_lane = True
    lane_attr = "gate"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return at_port(p.gate is not None, imports(r))

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.full(len(r), int(finite(p.gate)))

    def visit(self, j: Journey) -> tuple[Any, float, float]:
        return j.port.gate, j.t, j.r[R.gate_time]

    def visited(self, j: Journey, start: float, end: float) -> None:
        j.t = end
        j.clock.to(end, TERMINAL)

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        _, end = yield from b.serve(b.port.gate, b.t, b.req[:, R.gate_time], rows)
        b.t = np.where(rows, end, b.t)
        b.to(b.t, TERMINAL)
