"""SimPy internals, in one place: an environment that counts its events through the public
``schedule`` hook, and the driver that carries a journey on from event to event."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import simpy
from simpy.core import NORMAL, EventPriority, SimTime
from simpy.events import Event

from sim.model.lane import Booking

_schedule = simpy.Environment.schedule


class Environment(simpy.Environment):
    """A SimPy environment that counts the events scheduled on it."""

    def __init__(self) -> None:
        super().__init__()
        self.scheduled = 0

    def schedule(self, event: Event, priority: EventPriority = NORMAL, delay: SimTime = 0) -> None:
        self.scheduled += 1
        _schedule(self, event, priority, delay)  # (not super(): this runs once per event)


class Flow:
    """Carries on a journey that has started and yielded, by event callbacks.

    This is what a SimPy Process does, less its start-up event: a journey that must wait
    costs only the events it waits on. (A class, not a closure: a closure that re-registers
    itself is a reference cycle, and the run pauses the cyclic collector.)
    """

    __slots__ = ("gen",)

    def __init__(self, gen: Generator[Any, Any, None], first: Event | Booking):
        self.gen = gen
        self._wait(first)

    def resume(self, event: Event) -> None:
        self.proceed(event.value)

    def proceed(self, value: object) -> None:
        send = self.gen.send
        while True:
            try:
                nxt = send(value)
            except StopIteration:
                return
            # (what _wait does, written out: this runs once per wait of every journey)
            if type(nxt) is Booking:  # a lane visit booked later: the lane calls back
                nxt.proceed = self.proceed
                nxt.lane.defer(nxt)
                return
            if nxt.callbacks is not None:  # a pending event
                nxt.callbacks.append(self.resume)
                return
            value = nxt.value  # already processed: go on at once

    def _wait(self, nxt: Event | Booking) -> bool:
        """Arrange to be called back when ``nxt`` is done; False if it is done already."""
        if isinstance(nxt, Booking):  # a lane visit booked later: the lane calls back
            nxt.proceed = self.proceed
            nxt.lane.defer(nxt)
            return True
        if nxt.callbacks is not None:  # a pending event
            nxt.callbacks.append(self.resume)
            return True
        return False


def start(gen: Generator[Any, Any, None]) -> bool:
    """Run a journey up to its first wait; False if it finished without one."""
    try:
        first = next(gen)
    except StopIteration:
        return False
    Flow(gen, first)
    return True
