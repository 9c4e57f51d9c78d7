"""Cohort waits by the day of the run on which they asked, for the rising-wait rule of
:mod:`sim.model.stability`: each day's sum and count, from which the weekly means come, and
the standard error of a rise by batch means (a day a batch), so that a rise of the weekly
means can be told from the chance swings of a queue (a laboratory at a quiet port, an exam
yard that one or two vessels a week use, or any queue whose successive jobs wait alike); the
rule's warning, and which waits it leaves alone (a nearly idle lane's, a laboratory's that
only waited for its cut-offs)."""

from __future__ import annotations

import math

import numpy as np

HOURS_PER_DAY = 24
RISE_FACTOR = 1.5
RISE_MIN_H = 1.0  # rises smaller than this (hours) are noise, not instability
TREND = 0.6  # Kendall's S as a share of all pairs of weeks
MIN_WEEKS = 3  # whole weeks observed before a rising wait can be told from noise
#: the later weeks' mean wait above the earlier weeks' by this many standard errors of the
#: difference, each side's error by batch means with a day a batch (:meth:`Weekly.rise_z`)
Z_RISE = 2.0
#: a lane busy less than this share of its on-duty time is nearly idle: a rise of its weekly
#: waits is the chance of when its few jobs came against its shifts, not a queue
IDLE = 0.05


class Weekly:
    """The waits of cohort jobs by day of the run: ``days[d] = [sum, count]``."""

    __slots__ = ("days",)

    def __init__(self) -> None:
        self.days: dict[int, list[float]] = {}

    def add(self, asked: float, wait: float) -> None:
        """Book a job that asked at ``asked`` (hours) and waited ``wait``."""
        day = self.days.get(int(asked // HOURS_PER_DAY))
        if day is None:
            self.days[int(asked // HOURS_PER_DAY)] = [wait, 1.0]
        else:
            day[0] += wait
            day[1] += 1.0

    def count(self) -> float:
        """The jobs booked."""
        return sum(n for _, n in self.days.values())

    def means(self) -> dict[int, float]:
        """Mean wait by week, in week order."""
        weeks: dict[int, list[float]] = {}
        for d, (s, n) in sorted(self.days.items()):
            week = weeks.setdefault(d // 7, [0.0, 0.0])
            week[0] += s
            week[1] += n
        return {w: s / n for w, (s, n) in weeks.items()}

    def rise_z(self, early: list[int], late: list[int]) -> float:
        """How many standard errors the mean wait of the jobs of weeks ``late`` lies above
        that of weeks ``early``; ``-inf`` where a side has fewer than two jobs.

        Successive jobs of a queue wait alike (one long wait follows another), so their
        waits are not independent, and an error that took them so would be far too small.
        Each side's error is by nonoverlapping batch means (Law, *Simulation Modeling and
        Analysis*, 5th ed., 2015, sec. 9.5.3), a day a batch, so that each batch holds a
        whole day's shifts; days hold unequal numbers of jobs, so the side's mean is their
        ratio estimator and its variance the ratio estimator's (Cochran, *Sampling
        Techniques*, 3rd ed., 1977, sec. 6.3). This assumes a day's mean wait is nearly
        independent of the next day's: true of a queue whose busy spells last hours, not of
        one whose jobs take a day each (its error is still too small)."""
        (m1, v1, n1), (m2, v2, n2) = self._batched(early), self._batched(late)
        if n1 < 2 or n2 < 2:
            return -math.inf
        se = math.sqrt(v1 + v2)
        if se == 0.0:
            return math.inf if m2 > m1 else -math.inf
        return (m2 - m1) / se

    def _batched(self, weeks: list[int]) -> tuple[float, float, float]:
        """Mean wait of the jobs of ``weeks``, its variance by batch means (a day a batch,
        days without jobs counted as batches of none) and the count of jobs."""
        batches = [self.days.get(d, (0.0, 0.0)) for w in weeks for d in range(7 * w, 7 * w + 7)]
        total = sum(s for s, _ in batches)
        count = sum(n for _, n in batches)
        if count < 2:
            return (total / count if count else 0.0), 0.0, count
        mean, k = total / count, len(batches)
        spread = sum((s - mean * n) ** 2 for s, n in batches)
        return mean, k / (k - 1) * spread / (count * count), count


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
