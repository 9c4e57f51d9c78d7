"""A rejected lot's disposal at the port's licensed facility, under quarantine's supervision
(``ports.<port>.quarantine.disposal_facility``): the places that destroy or treat rejected
goods, each taken by one disposal at a time.

Without the facility (the default) a disposal holds no capacity, as before the setting
existed. With it, a rejected lot whose commodity's ``disposal.work`` is above 0 queues for a
place from its rejection (its journey's end) and holds it ``work`` hours a container, so
disposals that come together wait for each other and the facility's utilisation, queue and
wait are those of any lane (the resources table). The lot's rejection and its clearance
figures stay as they were; its wait for a place (from the rejection to the place's start)
delays its disposal, so its box stays on the ground that much longer: the yard's dwell and
level (:mod:`sim.model.disposal_yard`) and its storage (``costs.checks.disposal_storage``)
count the rejection plus the wait plus the commodity's ``disposal.time``.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.lane import Booking

if TYPE_CHECKING:
    from sim.model.consignment import Consignment
    from sim.model.port import Port

INF = float("inf")

class DisposalFacility:
    """A port's disposal facility lane and each commodity's hours there per container."""

    def __init__(self, port: Port, lane: Any):
        self.env, self.lane = port.env, lane
        specs = [c.disposal for c in port.scenario.commodities.values()]
        #: by commodity, a rejected container's hours at the facility (0: none)
        self.work = np.array([0.0 if d is None else d.work for d in specs])
        #: each disposal booked: (consignment index, start, end); rejections are few
        self.booked: list[tuple[int, float, float]] = []

    def dispose(self, c: Consignment, rejected_at: float) -> Generator[Any, Any, None]:
        """Queue a rejected lot for a place from ``rejected_at`` (no earlier than now), if
        its commodity's disposal takes work here, and keep its wait on the lot
        (``c.disposal_wait``): the journey yields from this before the lot is booked, at the
        moment of its rejection, so its yard figures and storage see the wait. A facility
        that never has a place keeps the lot waiting for ever, as any lane (censored)."""
        hours = float(self.work[int(c.req[R.commodity])]) * float(c.req[R.containers])
        if not hours > 0:
            return
        t = max(rejected_at, self.env.now)
        begun, end = yield Booking(self.lane, t, c.index, hours, c.cohort, True)
        self.booked.append((c.index, begun, end))
        if begun == INF:  # no place will ever come
            yield self.env.event()
        c.disposal_wait = begun - rejected_at


def build_disposal(port: Port, lane: Any) -> DisposalFacility | None:
    """The port's disposal facility if its scenario gives one (``lane`` makes and lists a
    lane), else None."""
    q = port.spec.quarantine
    spec = q.disposal_facility if q is not None else None
    if spec is None:
        return None
    return DisposalFacility(port, lane(port, "disposal_facility", spec))

