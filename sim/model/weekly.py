"""Cohort waits by the week of the run in which they asked, for the rising-wait rule of
:mod:`sim.model.stability`: each week's sum, count and sum of squares, so that a rise of the
weekly means can be told from the chance swings of a queue that serves a handful of jobs a
week (a laboratory at a quiet port, an exam yard that one or two vessels a week use); the
rule's warning, and which waits it leaves alone (a nearly idle lane's, a laboratory's that
only waited for its cut-offs)."""

from __future__ import annotations

import math

import numpy as np

HOURS_PER_WEEK = 168
RISE_FACTOR = 1.5
RISE_MIN_H = 1.0  # rises smaller than this (hours) are noise, not instability
TREND = 0.6  # Kendall's S as a share of all pairs of weeks
MIN_WEEKS = 3  # whole weeks observed before a rising wait can be told from noise
#: the later weeks' mean wait above the earlier weeks' by this many standard errors of the
#: difference, the jobs taken as independent (queues' waits are positively correlated, so
#: the true error is larger: a rise that passes may be noise, one that fails surely is)
Z_RISE = 2.0
#: a lane busy less than this share of its on-duty time is nearly idle: a rise of its weekly
#: waits is the chance of when its few jobs came against its shifts, not a queue
IDLE = 0.05


class Weekly:
    """The waits of cohort jobs by week: ``weeks[w] = [sum, count, sum of squares]``."""

    __slots__ = ("weeks",)

    def __init__(self) -> None:
        self.weeks: dict[int, list[float]] = {}

    def add(self, asked: float, wait: float) -> None:
        """Book a job that asked at ``asked`` (hours) and waited ``wait``."""
        week = self.weeks.get(int(asked // HOURS_PER_WEEK))
        if week is None:
            self.weeks[int(asked // HOURS_PER_WEEK)] = [wait, 1.0, wait * wait]
        else:
            week[0] += wait
            week[1] += 1.0
            week[2] += wait * wait

    def means(self) -> dict[int, float]:
        """Mean wait by week, in week order."""
        return {w: s / n for w, (s, n, _) in sorted(self.weeks.items())}

    def rise_z(self, early: list[int], late: list[int]) -> float:
        """How many standard errors the mean wait of the jobs of weeks ``late`` lies above
        that of weeks ``early`` (jobs taken as independent, which queues' waits are not: so
        the figure overstates a rise, never hides one); ``-inf`` where a side has fewer than
        two jobs (no spread to judge by)."""
        (m1, v1, n1), (m2, v2, n2) = self._pooled(early), self._pooled(late)
        if n1 < 2 or n2 < 2:
            return -math.inf
        se = math.sqrt(v1 / n1 + v2 / n2)
        if se == 0.0:
            return math.inf if m2 > m1 else -math.inf
        return (m2 - m1) / se

    def _pooled(self, weeks: list[int]) -> tuple[float, float, float]:
        """Mean, sample variance and count of the jobs of ``weeks``."""
        total = count = squares = 0.0
        for w in weeks:
            s, n, q = self.weeks.get(w, (0.0, 0.0, 0.0))
            total, count, squares = total + s, count + n, squares + q
        if count < 2:
            return (total / count if count else 0.0), 0.0, count
        mean = total / count
        return mean, max(squares - count * mean * mean, 0.0) / (count - 1), count


def rising(weekly: list[float]) -> bool:
    """Do these weekly mean waits keep rising (see the rule in :mod:`sim.model.stability`)?"""
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


def spread_of(queue: object) -> Weekly | None:
    """A queue's waits by week with their spread, where it keeps them."""
    weekly = getattr(queue, "weekly", None)
    return weekly if isinstance(weekly, Weekly) else None


def rising_warning(
    port: str,
    name: str,
    weeks: dict[int, float],
    window: tuple[float, float],
    spread: Weekly | None = None,
) -> list[str]:
    """The rising-wait warning of one queue (``weeks``: mean wait by week), if it rises; with
    ``spread`` (its waits' counts and spread by week), only if the rise is more than the
    chance swings of its jobs (``Z_RISE``)."""
    first_week, last_week = math.ceil(window[0] / 168), math.floor(window[1] / 168)
    span = [w for w in range(first_week, last_week) if w in weeks]
    means = [weeks[w] for w in span]
    if len(means) < last_week - first_week or not rising(means):
        return []
    half = len(span) // 2
    if spread is not None and spread.rise_z(span[:half], span[len(span) - half :]) < Z_RISE:
        return []
    shown = ", ".join(f"{m:.1f}" for m in means)
    return [
        f"{port}: the mean wait at {name} trends upward through the observed "
        f"weeks ({shown} h; the later weeks' mean over {RISE_FACTOR:g}x the earlier "
        f"weeks'): the queue had not settled by the end of the run; run "
        f"longer (--days {2 * (last_week - first_week) * 7:g}) to see whether it settles "
        "or keeps growing (then it needs more capacity)"
    ]


def schedule_or_idle(lane: object, utilisation: float) -> bool:
    """Whether a lane's waits cannot be a queue that keeps rising, so that their weekly
    means rise by chance alone: a laboratory whose samples all went in the first batch after
    their submission (each waited only for the next cut-off), or a lane busy less than
    ``IDLE`` of its on-duty time (its jobs wait for a shift to start). A queue that keeps
    rising keeps its servers busy through the weeks it rises, and a laboratory's leaves
    samples for later batches."""
    scheduled = getattr(lane, "waits_scheduled", None)
    if scheduled is not None:
        return bool(scheduled())
    return utilisation < IDLE
