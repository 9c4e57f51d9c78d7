"""The honest sentence under a paper's table when its intervals rest on too little: with
fewer than :data:`FEW` replications, or where a paired change's 95 % interval is wider than
the change itself, a note says so, with the replications that would bring the widest such
interval within the change (:func:`sim.experiment.precision.reps_needed`: the smallest
count whose t interval, at the sample's spread, is that narrow; an estimate), so that a
reader does not quote a sign the runs cannot carry."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: fewer replications than this are named as few in the note
FEW = 10


@dataclass(frozen=True)
class Change:
    """One paired change of a table: its row's words, mean, interval and replications."""

    label: str
    mean: float
    low: float
    high: float
    n: int


def caveat(reps: int, changes: Sequence[Change]) -> list[str]:
    """One sentence (a list of one note) when ``reps`` (the fewest replications behind a
    figure) is below :data:`FEW` or a change's interval is wider than the change; none
    otherwise."""
    from sim.experiment.precision import reps_needed

    wide = [c for c in changes if _wider_than_effect(c)]
    if reps >= FEW and not wide:
        return []
    said = (f"Only {reps} replication{'s' if reps != 1 else ''} per figure: intervals from so "
            f"few runs are wide and their widths themselves uncertain ({FEW} or more are "
            "advised before a figure is quoted)" if reps < FEW else
            "Some changes are smaller than their intervals are wide")
    worst = max(wide, key=lambda c: (c.high - c.low) / abs(c.mean), default=None)
    if worst is None:
        return [said + "."]
    need = reps_needed(worst.n, (worst.high - worst.low) / 2, abs(worst.mean) / 2)
    said += (f"; the change in {worst.label} ({worst.mean:.3g}) has an interval "
             f"{worst.high - worst.low:.3g} wide")
    if need is not None:
        said += (f", and about {need} replications would make it no wider than the change "
                 "(an estimate from this sample's spread)")
    return [said + "."]


def _wider_than_effect(c: Change) -> bool:
    """Whether the interval's width exceeds the change's size (a change of exactly 0, the
    same runs, has no size to compare with)."""
    values = (c.mean, c.low, c.high)
    if not all(math.isfinite(v) for v in values) or c.mean == 0 or c.n < 2:
        return False
    return c.high - c.low > abs(c.mean)
