"""Daytime appointment slots for examinations (time 0 is a Monday 00:00).

A slot starts every ``every`` hours inside the day's window (with ``every = 0 h`` the whole
window is one slot) and takes at most ``capacity`` examinations: a booking goes to the first
slot, no earlier than the booking lead allows, that still has room. Slots with a capacity are
booked in the order of the booking times (:meth:`SlotBook.ask`), not in the order the model
happens to work its journeys out.
"""

from __future__ import annotations

import math
from typing import Any

import simpy

from sim.analysis.sketch import LogHistogram
from sim.model.engine import SLOTS, Gather
from sim.model.weekly import Weekly
from sim.scenario.schema import Slots


class SlotBook:
    def __init__(self, env: simpy.Environment, slots: Slots):
        self.start, self.end, self.every = slots.day_start, slots.day_end, slots.every
        self.days = {d - 1 for d in slots.weekdays}  # 0 = Monday
        self.always = self.start == 0 and self.end == 24 and self.every == 0 and len(self.days) == 7
        self.capacity = None if slots.capacity == "unlimited" else int(slots.capacity)
        self.taken: dict[float, int] = {}  # examinations booked, by slot
        self.weekly = Weekly()  # by the week of booking
        self.waits = LogHistogram()  # cohort examinations' waits for a slot with room
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
        self.weekly.add(booked, wait)
        self.waits.add(wait)

    def weekly_waits(self) -> dict[int, float]:
        """Mean wait for a slot with room, of cohort examinations by the week of booking."""
        return self.weekly.means()

    def offered(self, start: float, stop: float) -> list[float]:
        """The starts of the slots in [start, stop) (keys of ``taken``)."""
        out = []
        for d in range(math.floor(start / 24), math.ceil(stop / 24)):
            if d % 7 not in self.days:
                continue
            hours = [self.start]
            if self.every > 0:
                n = math.ceil((self.end - self.start) / self.every - 1e-9)
                hours = [self.start + k * self.every for k in range(n)]
            out += [t for h in hours if start <= (t := d * 24 + h) < stop]
        return out

    def result_row(self, start: float, stop: float) -> dict[str, Any]:
        """The slots' row of the resources table, as a lane's (``exam_slots``): the share of
        the slots' room in the window [start, stop) booked (``utilisation``) and the cohort
        examinations' waits for a slot with room; no time-weighted queue (a booking waits in
        no queue: it holds a later slot)."""
        nan = float("nan")
        slots = self.offered(start, stop)
        room = len(slots) * self.capacity if self.capacity is not None else 0
        booked = sum(self.taken.get(self.slot_of(t), 0) for t in slots)
        return {
            "lane": "exam_slots",
            "queue_mean": nan,
            "busy_mean": nan,
            "capacity_mean": nan,
            "utilisation": booked / room if room else nan,
            "wait_mean_h": self.waits.mean,
            "wait_p90_h": self.waits.quantile(0.9),
            "served": self.waits.n,
            "service_mean_h": nan,
            "jobs_total": sum(self.taken.values()),
            "sojourn_total_h": nan,
            "area_total": nan,
        }

    def ask(self, t: float, key: int, earliest: float) -> simpy.Event:
        """Book at time ``t`` (not before now) the first slot with room at or after
        ``earliest``; the bookings of one moment in the order of ``key`` (the consignment).
        The event's value is what :meth:`book` returns."""
        return self._asks.ask(t, key, earliest)

    def _answer(self, ev: simpy.Event, t: float) -> None:
        ev.succeed(self.book(t))
