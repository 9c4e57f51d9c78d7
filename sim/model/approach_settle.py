"""Whether a land crossing's approach queue settled: the trucks waiting on it by observed day,
and the warning when they keep rising.

The rule of :mod:`sim.model.stability` for a lane's waits (weekly means that rise
consistently) needs three whole observed weeks; an approach that lets in too few trucks
fills within days, so it is judged by the day instead: the time-weighted mean of the trucks
waiting (parking and road) on each whole observed day. With at least ``MIN_DAYS`` days, the
queue did not settle when the later half of the days holds more trucks than the earlier
half, by at least ``RISE_SHARE`` of them and at least ``RISE_MIN_TRUCKS``, and the daily
means rise consistently (Kendall's S at least ``TREND`` of all pairs of days). A settled
queue's days scatter around a level (the daily cycle of arrivals averages out within a
day); one that does not settle gains trucks day after day. (Not the lanes' factor of
``RISE_FACTOR``: a queue that grew through a long warm-up from empty gains only a few tenths
of its length over a week, at the same pace of trucks a day.)
"""

from __future__ import annotations

import math

import numpy as np

from sim.model.weekly import TREND

#: whole observed days before a rise can be told from chance: over 5 days, 3 in 20 runs of
#: an approach 75 % loaded (teaching-mmc at 3 trucks an hour) rose by this rule; over 7, none
MIN_DAYS = 7
RISE_MIN_TRUCKS = 1.0  # rises smaller than one truck waiting are noise, not a growing queue
RISE_SHARE = 0.1  # ... and so are rises smaller than this share of the earlier half's trucks


class DailyWaiting:
    """Truck-hours of waiting by whole observed day (``area[d]``: day ``d`` of the window)."""

    __slots__ = ("area", "warmup")

    def __init__(self, window: tuple[float, float]):
        self.warmup = window[0]
        self.area = [0.0] * max(math.floor((window[1] - window[0]) / 24), 0)

    def add(self, start: float, end: float, trucks: int) -> None:
        """Book ``trucks`` waiting from ``start`` to ``end`` (hours), split by day."""
        if trucks == 0 or end <= start:
            return
        t = start
        while t < end:
            day = math.floor((t - self.warmup) / 24)
            until = min(end, self.warmup + 24 * (day + 1))
            if 0 <= day < len(self.area):
                self.area[day] += trucks * (until - t)
            t = until

    def means(self) -> list[float]:
        """Mean trucks waiting on each whole observed day."""
        return [a / 24 for a in self.area]


def rises(means: list[float]) -> bool:
    """Do these daily means of trucks waiting keep rising (the rule in the module's text)?"""
    n = len(means)
    if n < MIN_DAYS:
        return False
    half = n // 2
    first, second = float(np.mean(means[:half])), float(np.mean(means[n - half :]))
    w = np.asarray(means)
    s = sum(int(np.sign(w[j + 1 :] - w[j]).sum()) for j in range(n - 1))
    return (
        s >= TREND * n * (n - 1) / 2
        and second - first >= max(RISE_SHARE * first, RISE_MIN_TRUCKS)
    )


def unsettled(port: str, daily: DailyWaiting, wait_h_mean: float, inside: int) -> list[str]:
    """The warning of an approach whose waiting trucks keep rising (none if they settle)."""
    means = daily.means()
    if not rises(means):
        return []
    half = len(means) // 2
    first, second = float(np.mean(means[:half])), float(np.mean(means[-half:]))
    return [
        f"{port}: the trucks waiting on the approach rose through the observed days (from "
        f"{first:.1f} to {second:.1f} on average, the earlier half of the days against the "
        f"later; daily means {', '.join(f'{m:.1f}' for m in means)}; mean wait "
        f"{wait_h_mean:.1f} h): the approach queue had not settled by the end of the run, so "
        "its waits are not steady-state; the crossing lets in too few trucks at once for "
        f"the pace of its lanes: raise ports.{port}.approach.inside (now {inside}), or add "
        "capacity at its lanes"
    ]
