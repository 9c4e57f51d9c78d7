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

A queue no window closed (a laboratory, the exam appointment slots, a lane the window did
not touch) is judged the same way by its port's closure (:func:`at_ports`): the hours any
window closed one of its lanes or it took no trucks (a dated arrival factor of 0, a hold of
its arrivals), since the surge after a closure builds the queue wherever it was given.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from sim.model.weekly import RISE_FACTOR, RISE_MIN_H, Weekly, rising_warning, spread_of

WEEK = 168
#: closed hours, from the run's start: the first, and one past the last
Closed = tuple[int, int]


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


def at_ports(lanes: Iterable[Any], scenario: Any, end: float) -> dict[str, Closed]:
    """Each port's closure before ``end``, from its first closed hour to (one past) its last:
    the hours a capacity window closed any of its lanes (:func:`closed_hours`) and those in
    which it took no trucks (days whose dated arrival factor is 0, holds of its arrivals:
    :func:`sim.model.closed_days.closed_spans`), however the closure was given; a port with
    none is left out. A queue no window closed (a laboratory, the exam appointment slots, a
    lane the closure did not touch) is judged by it: the surge after it builds its queue."""
    from sim.model.closed_days import closed_spans

    spans: dict[str, list[Closed]] = {}
    for lane in lanes:
        if (own := closed_hours(lane, end)) is not None:
            spans.setdefault(lane.port, []).append(own)
    for name, spec in scenario.ports.items():
        for export in (False, True) if spec.exports else (False,):
            spans.setdefault(name, []).extend(
                (int(a), min(math.ceil(b), math.ceil(end)))
                for a, b in closed_spans(scenario, name, export) if a < end
            )
    return {p: (min(a for a, _ in s), max(b for _, b in s)) for p, s in spans.items() if s}


def rising_or_closure(
    lane: Any, window: tuple[float, float], ports: Mapping[str, Closed] | None = None
) -> list[str]:
    """The rising-wait warning of ``lane`` (:func:`sim.model.weekly.rising_warning`), or,
    for one a window closed, what the closure did (see the module); one no window closed is
    judged by its port's closure (``ports``: :func:`at_ports`), if any."""
    own = closed_hours(lane, window[1])
    closed = own if own is not None else (ports or {}).get(lane.port)
    where = "of its servers" if own is not None else "at its port"
    return judged(lane.port, lane.name, lane.weekly_waits(), spread_of(lane), window,
                  closed, where)  # fmt: skip


def judged(
    port: str,
    name: str,
    weeks: dict[int, float],
    spread: Weekly | None,
    window: tuple[float, float],
    closed: Closed | None,
    where: str = "at its port",
) -> list[str]:
    """The rising-wait warning of one queue (a lane, a laboratory, the exam appointment
    slots: ``weeks``, its mean wait by week), or what the closure ``closed`` (hours, from
    the run's start; ``where``: of the queue's own servers, or at its port) did to it."""
    said = rising_warning(port, name, weeks, window, spread)
    if not said or closed is None:
        return said
    span = [w for w in range(math.ceil(window[0] / WEEK), math.floor(window[1] / WEEK))
            if w in weeks]
    before = [weeks[w] for w in span if (w + 1) * WEEK <= closed[0]]
    dates = f"{where} from {closed[0] // 24} d to {-(-closed[1] // 24)} d"  # (whole days)
    if not before:
        return said
    if span[-1] * WEEK < closed[1]:
        return [said[0] + f"; it rose over the closure {dates}, after which "
                "no whole week was observed"]
    level, end = sum(before) / len(before), weeks[span[-1]]
    shown = ", ".join(f"{weeks[w]:.1f}" for w in span)
    figures = f"{end:.1f} h against {level:.1f} h"
    if end > RISE_FACTOR * level and end - level > RISE_MIN_H:
        return [said[0] + f"; it rose over the closure {dates} and was not "
                f"back to its level before it by the last observed week ({figures})"]
    return [
        f"{port}: the mean wait at {name} rose over the closure {dates} (weekly means "
        f"{shown} h; days from the run's start) and was back to its level before the "
        f"closure by the last observed week ({figures}): the closure's backlog had "
        "cleared, not a queue that keeps growing; the figures include the backlog "
        "(bordersim hours --day shows its days)"
    ]
