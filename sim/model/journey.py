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
from sim.model.milestones import ARRIVED, DISCHARGED, EXITED

if TYPE_CHECKING:
    from sim.model.port import Port

GOODS_READY = R.goods_ready


class Owners:
    """Books the time from arrival onwards to owners, as the journey's clock moves forward."""

    __slots__ = ("own", "cursor")

    def __init__(self, own: list[float], arrived: float):
        self.own, self.cursor = own, arrived

    def to(self, t: float, owner: int) -> None:
        if t > self.cursor:
            self.own[owner] += t - self.cursor
            self.cursor = t


class Journey:
    """What the steps' scalar forms read and move: the consignment, its clock and its port."""

    __slots__ = ("env", "port", "c", "r", "m", "t", "lodged_q", "q_done", "clock")

    def __init__(self, env: simpy.Environment, port: Port, c: Consignment):
        self.env, self.port, self.c = env, port, c
        self.r, self.m = c.req, c.m
        self.t = c.arrived
        self.lodged_q = self.q_done = c.arrived
        self.clock = Owners(c.own, c.arrived)
        self.m[ARRIVED], self.m[DISCHARGED] = c.arrived, c.req[GOODS_READY]


def journey(
    env: simpy.Environment, port: Port, c: Consignment, done: Callable[[Consignment], None]
) -> Generator[Any, Any, None]:
    """Move ``c`` along its plan from arrival to exit (or seizure / rejection); ``done(c)``
    books it. The plan is read step by step, so a decision taken on the way (at the
    assessment) is followed at once."""
    j = Journey(env, port, c)
    for i, step in enumerate(port.route.steps):
        if not (c.plan >> i) & 1:
            continue
        if step.waits:
            yield from step.flow(j)
        else:
            step.flow(j)
        if step.ends and c.outcome:
            done(c)
            return
    c.m[EXITED] = j.t
    done(c)
