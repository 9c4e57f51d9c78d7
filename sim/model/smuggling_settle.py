"""Whether smuggling groups had settled when observation began.

A group learns each route's detection from its own outcomes (exponential smoothing with
weight ``learning``), so after ``n`` outcomes on a route its starting belief still weighs
``(1 - learning) ** n``. If that weight is still large when observation begins, the group's
choices drift through the observed days towards where they settle: the run's attempts,
deterrence and displacement are then partly a transient from the assumed starting beliefs, as
a queue's waits are before it settles. The check: take each route's catch share over the run
as what the group learns there (moved towards the starting belief by ``Z`` standard errors, so
that chance alone does not warn); give the starting belief the weight it has on average over
the observed days (its weight at their start, decaying at the route's rate of outcomes); if
the logit shares of the group's options then differ from those of the learned beliefs by more
than ``SETTLE`` (of its opportunities) for any option, the run warns, and suggests a warm-up
that would bring the difference under ``SETTLE`` at the run's rates.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.model.smuggling_groups import CAUGHT_N, SLIPPED, GroupState, logit_shares

if TYPE_CHECKING:
    from sim.model.smuggling import Smugglers

#: the largest move of a group's choice shares (a share of its opportunities) that its
#: starting beliefs may still cause when observation begins
SETTLE = 0.02
#: standard errors by which a route's catch share is moved towards the starting belief
Z = 2.0
#: the longest warm-up suggested (days): beyond it, the message says so
LONGEST = 365


def unsettled(s: Smugglers) -> list[str]:
    """Plain-language warnings, one per group whose starting beliefs still moved its
    choices by more than ``SETTLE`` when observation began."""
    out = []
    for g in s.groups:
        message = _group(s, g)
        if message:
            out.append(message)
    return out


def _learned(s: Smugglers, g: GroupState) -> tuple[np.ndarray, np.ndarray]:
    """What group ``g`` learns of each route (its catch share over the run, moved ``Z``
    standard errors towards its starting belief; the starting belief where it has no
    outcome) and its outcomes a day on each route."""
    n = s.ledger.n[:, g.i, s.rows[g.i][:-1]]
    caught, resolved = n[:, :, CAUGHT_N].sum(0), n[:, :, [CAUGHT_N, SLIPPED]].sum((0, 2))
    share = caught / np.maximum(resolved, 1)
    q = (caught + 1) / (resolved + 2)  # (no standard error of zero at a share of 0 or 1)
    se = np.sqrt(q * (1 - q) / np.maximum(resolved, 1))
    gap = np.maximum(np.abs(share - g.start) - Z * se, 0.0) * np.sign(share - g.start)
    learned = np.where(resolved > 0, g.start + gap, g.start)
    return learned, resolved / max(s.stop / 24.0, 1e-9)


def _moved(g: GroupState, learned: np.ndarray, left: np.ndarray) -> np.ndarray:
    """How the group's option shares with beliefs still weighing ``left`` of their start
    differ from those with the ``learned`` beliefs."""
    now = learned + left * (g.start - learned)
    scale = g.spec.profit_scale
    shares = [logit_shares(g.gain * (1 - p) - g.cost, scale) for p in (now, learned)]
    return np.asarray(shares[0] - shares[1])


def _left(w: float, warm: np.ndarray, per_day: np.ndarray, days: float) -> np.ndarray:
    """The starting beliefs' mean weight over ``days`` observed days, from their weight after
    ``warm`` outcomes, decaying as outcomes come at ``per_day`` a day."""
    x = -np.log1p(-w) * per_day * days if w < 1 else np.full(len(per_day), np.inf)
    mean = np.where(x > 1e-9, -np.expm1(-x) / np.where(x > 1e-9, x, 1.0), 1.0)
    return np.asarray((1 - w) ** warm * mean)


def _group(s: Smugglers, g: GroupState) -> str | None:
    """The warning for group ``g``, if its choices had not settled."""
    w = g.learning
    if w <= 0:  # (beliefs never move: its choices are as steady at the start as later)
        return None
    learned, per_day = _learned(s, g)
    days = (s.stop - s.warmup) / 24.0
    left = _left(w, g.warm.astype(float), per_day, days)
    moved = _moved(g, learned, left)
    if np.abs(moved).max() <= SETTLE:
        return None
    warmup = s.warmup / 24.0
    k = int(np.argmax(left * np.abs(g.start - learned)))  # the route that moves most
    o = int(np.argmax(np.abs(moved)))
    names = [r.name for r in g.routes] + ["not smuggling"]
    shares = logit_shares(g.gain * (1 - learned) - g.cost, g.spec.profit_scale)
    need = _warmup_needed(g, learned, per_day, (warmup, days))
    suggest = (
        f"a warm-up of about {need} days would do: --set warmup_days={need}"
        if need is not None
        else f"even a {LONGEST}-day warm-up would not do at this replication's rates"
    )
    return (
        f"smuggling group {g.name} had not settled when observation began: what it believed "
        f"at the start still moved its choices by more than {100 * SETTLE:.0f} points of its "
        "opportunities over the observed days, so its attempts, deterrence and displacement "
        "there are partly where it started, not where it settles: lengthen the warm-up (here: "
        f"after the {warmup:g}-day warm-up its belief about {names[k]}, {g.start[k]:.2f} at "
        f"the start against {learned[k]:.2f} it learns there, still weighed {left[k]:.0%} on "
        f"average, moving {names[o]} to {shares[o] + moved[o]:.0%} of its opportunities "
        f"against about {shares[o]:.0%} once learned; {suggest})"
    )


def _warmup_needed(
    g: GroupState, learned: np.ndarray, per_day: np.ndarray, run: tuple[float, float]
) -> int | None:
    """The shortest warm-up, in whole weeks, after which the starting beliefs move the
    group's choices by ``SETTLE`` at most over the observed days (``run``: the warm-up's
    and the observed days; outcomes coming at the run's rates), or None."""
    warmup, days = run
    for weeks in range(math.ceil(warmup / 7) + 1, LONGEST // 7 + 1):
        left = _left(g.learning, per_day * 7 * weeks, per_day, days)
        if np.abs(_moved(g, learned, left)).max() <= SETTLE:
            return 7 * weeks
    return None
