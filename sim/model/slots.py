"""Daytime appointment slots for physical examinations (time 0 is a Monday 00:00)."""

from __future__ import annotations

import math

from sim.scenario.schema import Slots


class SlotBook:
    def __init__(self, slots: Slots):
        self.start, self.end, self.every = slots.day_start, slots.day_end, slots.every
        self.days = {d - 1 for d in slots.weekdays}  # 0 = Monday
        self.always = self.start == 0 and self.end == 24 and self.every == 0 and len(self.days) == 7

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
