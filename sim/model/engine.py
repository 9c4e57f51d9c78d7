"""SimPy internals, in one place: an environment that counts its events through the public
``schedule`` hook, and the driver that carries a journey on from event to event."""

from __future__ import annotations

from collections.abc import Callable, Generator
from functools import partial
from operator import itemgetter
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


#: priorities after every ordinary event of a moment, in this order: a tick's decisions,
#: appointment-slot bookings, FIFO lanes' wake-ups, exam cells' requests, the organisation's
#: staff queues' requests. Each may lead to the next at that very moment (a decided row asks
#: a lane, a booked job asks a cell's servers).
DECIDE, SLOTS, WAKE, CELL, ORG = (EventPriority(NORMAL + k) for k in range(1, 6))


class Instant(Event):
    """An event at time ``t``, processed after every ordinary event of that moment
    (``priority`` later than SimPy's ``Timeout``), whenever those were scheduled. (Born
    triggered, as SimPy's own ``Timeout`` is.)"""

    def __init__(
        self, env: simpy.Environment, t: float, priority: EventPriority, value: Any = None
    ):
        if t < env.now:
            raise ValueError(f"an instant in the past: {t} < now {env.now}")
        super().__init__(env)
        self._ok = True
        self._value = value
        env.schedule(self, priority, t - env.now)


class Call(Event):
    """An :class:`Instant` at ``t`` with one callback, ``callback(event)``, made for less (no
    set-up of an Event to append to afterwards): a FIFO lane wakes up tens of thousands of
    times a run. ``t``: the time it was made for."""

    def __init__(
        self,
        env: simpy.Environment,
        t: float,
        priority: EventPriority,
        callback: Callable[[Any], None],
    ):
        if t < env.now:
            raise ValueError(f"a call in the past: {t} < now {env.now}")
        self.env, self.t = env, t
        self.callbacks = [callback]
        self._ok, self._value = True, t
        env.schedule(self, priority, t - env.now)


class Gather:
    """Requests for one moment, answered together after every ordinary event of that moment
    in the order of their keys (a consignment's index, first): who is served first at one
    moment never depends on the order in which the model happened to schedule its events
    (that order follows how arrivals were cut into blocks, which a user never sees)."""

    __slots__ = ("env", "answer", "priority", "_at")

    def __init__(
        self, env: simpy.Environment, answer: Callable[[Event, Any], None], priority: EventPriority
    ):
        self.env, self.answer, self.priority = env, answer, priority
        self._at: dict[float, list[tuple[Any, Any, Event]]] = {}

    def ask(self, t: float, key: Any, request: Any) -> Event:
        """Ask at time ``t`` (not before now); the event succeeds when ``answer`` says."""
        asks = self._at.get(t)
        if asks is None:
            asks = self._at[t] = []
            due = Instant(self.env, t, self.priority)
            due.callbacks.append(partial(self._due, t))
        ev = Event(self.env)
        asks.append((key, request, ev))
        return ev

    def _due(self, t: float, _: Event) -> None:
        asks = self._at.pop(t)
        if len(asks) > 1:
            asks.sort(key=itemgetter(0))
        answer = self.answer
        for _key, request, ev in asks:
            answer(ev, request)


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
