"""The rising-wait rule of :mod:`sim.model.stability` for a lane that a dated capacity window
closed for a while (a crossing shut over a holiday, a scanner down): its weekly mean wait
jumps in the closure's week by the backlog the closure leaves, which the rule reads as a
queue that keeps rising. Running longer does not help a dated closure, so the lane's
warning says instead whether the queue came back to its level before the closure by the
last observed week:

- back (the last week's mean not above the earlier weeks' by the rule's own margin, over
  ``RISE_FACTOR`` times and by more than ``RISE_MIN_H``): a ``closure_backlog`` warning,
  which does not make the run unsteady; its figures hold the closure's backlog;
- not back: the rising-wait warning as before (the queue may truly not settle), with the
  closure and the level it did not come back to;
- no whole observed week after the closure: the rising-wait warning, with the closure
  (more days after it would tell); none before it: the rising-wait warning as before
  (nothing to judge the level by).
"""

from __future__ import annotations

import math
from typing import Any

from sim.model.weekly import RISE_FACTOR, RISE_MIN_H, rising_warning, spread_of

WEEK = 168


def closed_hours(lane: Any, end: float) -> tuple[int, int] | None:
    """The first and (one past) the last hour before ``end`` in which a capacity window left
    ``lane`` no server where its schedule staffs one; None when there is none (a lane no
    window touches has no plan)."""
    planned, hourly = getattr(lane, "planned", None), getattr(lane, "hourly", None)
    if planned is None or hourly is None:
        return None
    shut = [h for h in range(min(len(planned), math.ceil(end)))
            if planned[h] == 0 and hourly[h % WEEK] > 0]
    return (shut[0], shut[-1] + 1) if shut else None


def rising_or_closure(lane: Any, window: tuple[float, float]) -> list[str]:
    """The rising-wait warning of ``lane`` (:func:`sim.model.weekly.rising_warning`), or,
    for one a window closed, what the closure did (see the module)."""
    weeks = lane.weekly_waits()
    said = rising_warning(lane.port, lane.name, weeks, window, spread_of(lane))
    closed = closed_hours(lane, window[1]) if said else None
    if closed is None:
        return said
    span = [w for w in range(math.ceil(window[0] / WEEK), math.floor(window[1] / WEEK))
            if w in weeks]
    before = [weeks[w] for w in span if (w + 1) * WEEK <= closed[0]]
    dates = f"from {closed[0] // 24} d to {-(-closed[1] // 24)} d"  # (its whole days)
    if not before:
        return said
    if span[-1] * WEEK < closed[1]:
        return [said[0] + f"; it rose over the closure of its servers {dates}, after which "
                "no whole week was observed"]
    level, end = sum(before) / len(before), weeks[span[-1]]
    shown = ", ".join(f"{weeks[w]:.1f}" for w in span)
    figures = f"{end:.1f} h against {level:.1f} h"
    if end > RISE_FACTOR * level and end - level > RISE_MIN_H:
        return [said[0] + f"; it rose over the closure of its servers {dates} and was not "
                f"back to its level before it by the last observed week ({figures})"]
    return [
        f"{lane.port}: the mean wait at {lane.name} rose over the closure of its servers "
        f"{dates} (weekly means {shown} h; days from the run's start) and was back to its "
        f"level before the closure by the last observed week ({figures}): the closure's "
        "backlog had cleared, not a queue that keeps growing; the figures include the "
        "backlog (bordersim hours --day shows its days)"
    ]
