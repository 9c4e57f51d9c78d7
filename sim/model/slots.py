"""Daytime appointment slots for examinations (time 0 is a Monday 00:00).

A slot starts every ``every`` hours inside the day's window (with ``every = 0 h`` the whole
window is one slot) and takes at most ``capacity`` examinations: a booking goes to the first
slot, no earlier than the booking lead allows, that still has room. Slots with a capacity are
booked in the order of the booking times (:meth:`SlotBook.ask`), not in the order the model
happens to work its journeys out.
"""

from __future__ import annotations

import math

import simpy

from sim.model.engine import SLOTS, Gather
from sim.scenario.schema import Slots


class SlotBook:
    def __init__(self, env: simpy.Environment, slots: Slots):
        self.start, self.end, self.every = slots.day_start, slots.day_end, slots.every
        self.days = {d - 1 for d in slots.weekdays}  # 0 = Monday
        self.always = self.start == 0 and self.end == 24 and self.every == 0 and len(self.days) == 7
        self.capacity = None if slots.capacity == "unlimited" else int(slots.capacity)
        self.taken: dict[float, int] = {}  # examinations booked, by slot
        self.weekly: dict[int, list[float]] = {}  # week of booking -> [sum of waits, bookings]
        self._asks = Gather(env, self._answer, SLOTS)

    def next_start(self, t: float) -> float:
        """The earliest appointment at or after ``t``."""
        if self.always:
            return t
        day = math.floor(t / 24)
        for d in range(day, day + 15):
            if d % 7 not in self.days:
                continue
            base = d * 24
            hour = max(t - base, self.start) if d == day else self.start
            if self.every > 0:
                k = math.ceil((hour - self.start) / self.every - 1e-9)
                hour = self.start + k * self.every
            if hour < self.end:
                return base + hour
        raise ValueError("no appointment slot within two weeks")  # validated never to happen

    def slot_of(self, t: float) -> float:
        """The slot an appointment at ``t`` belongs to (its key: the slot's start, or with
        ``every = 0 h`` the start of its day)."""
        if self.every > 0:
            return t
        return math.floor(t / 24) * 24.0

    def book(self, t: float) -> tuple[float, float]:
        """Book the first slot with room at or after ``t``: (first possible, booked) times."""
        first = at = self.next_start(t)
        if self.capacity is None:
            return first, at
        taken = self.taken
        while taken.get(self.slot_of(at), 0) >= self.capacity:
            key = self.slot_of(at)
            at = self.next_start(key + self.every if self.every > 0 else key + 24.0)
        key = self.slot_of(at)
        taken[key] = taken.get(key, 0) + 1
        return first, at

    def waited(self, booked: float, wait: float) -> None:
        """Book a cohort examination's wait because earlier slots were full (its week's mean
        for the stability check, :mod:`sim.model.stability`)."""
        week = self.weekly.setdefault(int(booked // 168), [0.0, 0.0])
        week[0] += wait
        week[1] += 1.0

    def weekly_waits(self) -> dict[int, float]:
        """Mean wait for a slot with room, of cohort examinations by the week of booking."""
        return {w: s / n for w, (s, n) in sorted(self.weekly.items())}

    def ask(self, t: float, key: int, earliest: float) -> simpy.Event:
        """Book at time ``t`` (not before now) the first slot with room at or after
        ``earliest``; the bookings of one moment in the order of ``key`` (the consignment).
        The event's value is what :meth:`book` returns."""
        return self._asks.ask(t, key, earliest)

    def _answer(self, ev: simpy.Event, t: float) -> None:
        ev.succeed(self.book(t))
