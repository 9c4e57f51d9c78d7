"""A rejected lot's disposal at the port's licensed facility, under quarantine's supervision
(``ports.<port>.quarantine.disposal_facility``): the places that destroy or treat rejected
goods, each taken by one disposal at a time.

Without the facility (the default) a disposal holds no capacity, as before the setting
existed. With it, a rejected lot whose commodity's ``disposal.work`` is above 0 queues for a
place from its rejection (its journey's end) and holds it ``work`` hours a container, so
disposals that come together wait for each other and the facility's utilisation, queue and
wait are those of any lane (the resources table). The journey is not held: the lot's
rejection, its clearance figures and the yard's disposal time stay as they were; the
facility's wait is its own, a separate flow that only books the lane.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.engine import start
from sim.model.lane import Booking

if TYPE_CHECKING:
    from sim.model.consignment import Consignment
    from sim.model.port import Port


class DisposalFacility:
    """A port's disposal facility lane and each commodity's hours there per container."""

    def __init__(self, port: Port, lane: Any):
        self.env, self.lane = port.env, lane
        specs = [c.disposal for c in port.scenario.commodities.values()]
        #: by commodity, a rejected container's hours at the facility (0: none)
        self.work = np.array([0.0 if d is None else d.work for d in specs])
        #: each disposal booked: (consignment index, start, end); rejections are few
        self.booked: list[tuple[int, float, float]] = []

    def dispose(self, c: Consignment, rejected_at: float) -> None:
        """Queue a rejected lot for a place from ``rejected_at`` (no earlier than now), if
        its commodity's disposal takes work here."""
        hours = float(self.work[int(c.req[R.commodity])]) * float(c.req[R.containers])
        if hours > 0:
            t = max(rejected_at, self.env.now)
            start(self._book(Booking(self.lane, t, c.index, hours, c.cohort, True)))

    def _book(self, booking: Booking) -> Generator[Any, Any, None]:
        """The disposal's visit: booked at the lane, its times kept."""
        begun, end = yield booking
        self.booked.append((booking.key, begun, end))


def build_disposal(port: Port, lane: Any) -> DisposalFacility | None:
    """The port's disposal facility if its scenario gives one (``lane`` makes and lists a
    lane), else None."""
    q = port.spec.quarantine
    spec = q.disposal_facility if q is not None else None
    if spec is None:
        return None
    return DisposalFacility(port, lane(port, "disposal_facility", spec))

