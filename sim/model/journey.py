"""The SimPy interpreter: one consignment's journey along its route plan.

The journey keeps its own clock ``t``. Steps that cannot queue are arithmetic on ``t``; only a
finite lane, the lab, a wait for a decision or on the organisation yields a SimPy event, so a
consignment that meets no constrained resource runs to the end without a single event.

Every stretch of time between arrival and exit is booked to one owner as the journey passes it
(the constraint that held the consignment back): the trader, the terminal, customs,
quarantine or the organisation.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

import simpy

from sim.model.consignment import Consignment
from sim.model.draws import R
from sim.model.lane import Booking, negative_service
from sim.model.milestones import ARRIVED, DISCHARGED, EXITED, LOADED, N_OWNERS, REJECTED
from sim.model.route import LANE, WAITS

if TYPE_CHECKING:
    from sim.model.port import Port

GOODS_READY, DIRECTION = R.goods_ready, R.direction
INF = float("inf")
NAN = float("nan")


class Owners:
    """Books the time from arrival onwards to owners, as the journey's clock moves forward.

    The clock can run past the run's end ``end`` (steps that cannot queue are arithmetic);
    the hours booked after it are also kept apart, in ``keep.late``, so that a censored
    consignment's hours can stop at the end (see :mod:`sim.model.recorder`).
    """

    __slots__ = ("own", "cursor", "end", "keep")

    def __init__(self, own: list[float], arrived: float, end: float = INF, keep: Any = None):
        self.own, self.cursor, self.end, self.keep = own, arrived, end, keep

    def to(self, t: float, owner: int) -> None:
        if t > self.cursor:
            self.own[owner] += t - self.cursor
            if t > self.end:
                self._late(t, owner)
            self.cursor = t

    def _late(self, t: float, owner: int) -> None:
        """Keep the part of a booking up to ``t`` that falls after the run's end."""
        if self.keep is None:
            return
        late = self.keep.late
        if late is None:
            late = self.keep.late = [0.0] * N_OWNERS
        late[owner] += t - max(self.cursor, self.end)


class Journey:
    """What the steps' scalar forms read and move: the consignment, its clock and its port."""

    __slots__ = (
        ("env", "port", "c", "r", "m", "t", "lodged_q", "q_done", "clock", "chained")
        + ("exam", "phases")  # an examination visited as a lane (see steps.yard)
        + ("missed",)  # until when the yard's waits are the trader's (see steps.yard)
    )
    exam: tuple[bool, bool]  # (physical, quarantine)
    phases: tuple[Any, tuple[Any, ...], bool]  # (phases, their unlimited lanes, at premises)
    missed: float  # a late trader's missed appointment: the yard's next one (else -inf)

    def __init__(self, env: simpy.Environment, port: Port, c: Consignment):
        self.env, self.port, self.c = env, port, c
        self.r, self.m = c.req, c.m
        self.t = c.arrived
        self.lodged_q = self.q_done = c.arrived
        self.clock = Owners(c.own, c.arrived, port.end, c)
        #: a deferred journey has been booked at a lane: it runs when that lane books it,
        #: maybe later in the run's time than its own clock, and asks its next lanes at ``t``
        self.chained = False
        export = c.req[DIRECTION] == 1  # an export comes by truck: nothing is discharged
        self.m[ARRIVED], self.m[DISCHARGED] = c.arrived, NAN if export else c.req[GOODS_READY]


def journey(
    env: simpy.Environment, port: Port, c: Consignment, done: Callable[[Consignment], None]
) -> Generator[Any, Any, None]:
    """Move ``c`` along its plan from arrival to exit (or seizure / rejection); ``done(c)``
    books it. A decision taken on the way (a dynamic selector's) changes the plan: the steps
    after it are then those of the new plan."""
    j = Journey(env, port, c)
    route, plan = port.route, c.plan
    steps = route.planned(plan)
    while steps:
        for step, kind, ends in steps:
            if kind == LANE:
                visit = step.visit(j)
                if visit is not None:
                    # what serve() does, written out: this is the hottest loop of the model
                    lane, t, service = visit
                    if service < 0:
                        raise negative_service(lane, service, f"step {step.name}")
                    if lane.unlimited:
                        lane.delay(service, c.cohort)
                        start, end = t, t + service
                    elif c.booked is not None:  # its review, booked while it was a row
                        (start, end), c.booked = c.booked, None
                    elif c.deferred:  # (a first request: no earlier than now; later ones at t)
                        now = env.now
                        r = t if j.chained or t > now else now
                        j.chained = True
                        start, end = yield Booking(lane, r, c.index, service, c.cohort)
                    else:  # (now too: the requests of one moment go in arrival order)
                        r = t if t > env.now else env.now
                        start, end = yield Booking(lane, r, c.index, service, c.cohort, True)
                    if end == INF:  # no server will ever come: wait for ever (censored)
                        yield env.event()
                    step.visited(j, start, end)
            elif kind == WAITS:
                yield from step.flow(j)
            else:
                step.flow(j)
            if ends and c.outcome:
                if c.outcome == REJECTED and port.disposal is not None:
                    yield from port.disposal.dispose(c, j.t)  # (its wait: disposal_facility)
                done(c)
                return
            if c.plan != plan:  # decided on the way: carry on along the new plan
                plan = c.plan
                steps = route.planned_after(plan, step)
                break
        else:
            break
    c.m[LOADED if c.req[DIRECTION] == 1 else EXITED] = j.t  # an export ends at loading
    done(c)
