"""A port's vessel calls drawn from its call pattern (``arrivals.calls``): every week, each
berth slot's call arrives uniformly within ``window_h`` either side of the slot (not before
the run's start) and brings the declarations of a random number of boxes.

The draws come from the port's stream ``CALLS`` (:mod:`sim.model.streams`), two uniforms a
call (its time, then its boxes), week after week in the order of the slots as written: a
port without a pattern never touches the stream, so its draws and every other port's stay
as they were; a longer run keeps the calls of the weeks a shorter one had.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from sim.scenario.call_pattern import CallPattern, slot_hour


def pattern_calls(
    pattern: CallPattern, rng: np.random.Generator, until: float
) -> Iterator[tuple[float, int]]:
    """The pattern's calls (arrival hour, declarations) before ``until``, in arrival order
    (calls at the same hour in the order drawn)."""
    slots = np.array([slot_hour(s) for s in pattern.slots])
    weeks = max(0, math.ceil((until + pattern.window_h) / 168))
    hours: list[float] = []
    sizes: list[int] = []
    for week in range(weeks):
        u = rng.random((len(slots), 2))
        t = np.maximum(0.0, week * 168 + slots + (2 * u[:, 0] - 1) * pattern.window_h)
        hours.extend(t.tolist())
        sizes.extend(pattern.declarations(u[:, 1]).tolist())
    for i in sorted(range(len(hours)), key=hours.__getitem__):
        if hours[i] < until:
            yield hours[i], sizes[i]
