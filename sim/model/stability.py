"""Warnings when a run's queues do not settle: its figures are then not steady-state, and a
comparison between options built on them would mislead.

Two rules, over the observation window (cohort jobs, by the week in which they asked):

- **overload**: a lane's utilisation above ``OVERLOAD`` (0.95);
- **rising wait**: with at least three whole weeks observed, the mean wait of the second half
  of the weeks exceeds that of the first half by more than half (and by more than
  ``RISE_MIN_H``), and the weekly means rise consistently: Kendall's S (rising pairs of weeks
  minus falling ones) is at least ``TREND`` of all pairs. A queue that settles has weekly means
  that scatter around a level, so one late surge is not enough; one that does not settle keeps
  growing week after week.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from sim.model.lane import Lane

OVERLOAD = 0.95
RISE_FACTOR = 1.5
RISE_MIN_H = 1.0  # rises smaller than this (hours) are noise, not instability
TREND = 0.6  # Kendall's S as a share of all pairs of weeks
MIN_WEEKS = 3  # whole weeks observed before a rising wait can be told from noise


def observed_weeks(warmup_days: float, days: float) -> int:
    """The whole weeks (of the run's calendar) that fall in the observed period."""
    return max(math.floor((warmup_days + days) / 7) - math.ceil(warmup_days / 7), 0)


def too_short(warmup_days: float, days: float) -> str | None:
    """Why no warning does not mean settled, when too few whole weeks are observed for the
    rising-wait check; else None."""
    weeks = observed_weeks(warmup_days, days)
    if weeks >= MIN_WEEKS:
        return None
    return (
        f"{days:g} observed day(s) hold {weeks} whole week(s): too few to see whether a queue "
        f"keeps rising (that check needs {MIN_WEEKS}), so only overload was checked. Observe "
        f"{MIN_WEEKS} whole weeks or more (--days {7 * MIN_WEEKS} after a warm-up of whole "
        "weeks) before reading these figures as steady-state"
    )


def rising(weekly: list[float]) -> bool:
    """Do these weekly mean waits keep rising (see the module's rule)?"""
    n = len(weekly)
    if n < MIN_WEEKS:
        return False
    half = n // 2
    first, second = float(np.mean(weekly[:half])), float(np.mean(weekly[n - half :]))
    w = np.asarray(weekly)
    s = sum(int(np.sign(w[j + 1 :] - w[j]).sum()) for j in range(n - 1))
    return (
        s >= TREND * n * (n - 1) / 2
        and second > RISE_FACTOR * first
        and second - first > RISE_MIN_H
    )


def check(
    lanes: Iterable[Lane], window: tuple[float, float], utilisation: dict[tuple[str, str], float]
) -> list[str]:
    """Plain-language warnings for the lanes of a run (``utilisation`` by (port, lane))."""
    first_week, last_week = math.ceil(window[0] / 168), math.floor(window[1] / 168)
    out = []
    for lane in lanes:
        if lane.unlimited:
            continue
        u = utilisation.get((lane.port, lane.name), math.nan)
        if u > OVERLOAD:
            out.append(
                f"{lane.port}: {lane.name} is {u:.0%} utilised (above {OVERLOAD:.0%}); "
                "its queue may not settle, so its waits are not steady-state: "
                "add capacity there, or read its waits as a lower bound"
            )
        weeks = lane.weekly_waits()
        means = [weeks[w] for w in range(first_week, last_week) if w in weeks]
        if len(means) == last_week - first_week and rising(means):
            shown = ", ".join(f"{m:.1f}" for m in means)
            out.append(
                f"{lane.port}: the mean wait at {lane.name} keeps rising through the observed "
                f"weeks ({shown} h): the queue had not settled by the end of the run; run "
                f"longer (--days {2 * (last_week - first_week) * 7:g}) to see whether it settles "
                "or keeps growing (then it needs more capacity)"
            )
    return out
