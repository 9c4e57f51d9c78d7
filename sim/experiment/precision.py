"""A comparison's precision target (``compare --precision H``): which watched intervals are
still too wide, and about how many replications would make them narrow enough.

The target is on what ``on`` names: ``"levels"``, each option's mean (its half-width at most
``H`` x the mean for times, costs and counts, at most ``H`` for shares and rates);
``"differences"``, each option's paired difference from the baseline (at most ``H`` x the
baseline mean, or ``H`` for shares: a difference near zero has no relative size); ``"both"``
(the default). The differences are what a comparison of reforms decides on, and common
random numbers make them far narrower than the levels, so a target on the levels can ask for
hundreds of replications that would not move the decision.

A watched interval still too wide is a :class:`PrecisionGap`, with the replications it would
need at its current spread: the smallest ``m`` whose t interval, ``t(m - 1) s / sqrt(m)``,
is within the target ``H``, ``s`` the spread behind the half-width ``h`` that ``n``
replications gave (:func:`reps_needed`). It is an estimate from a sample variance, itself
uncertain with few replications, so take it as an order of magnitude, not a promise.

A quantile's (a median's, a p90's) half-width is held to the target as the tables show it:
at least the histogram's resolution (:func:`sim.analysis.stats.resolution`, 1 % of it), or
the sum of the two quantiles' for a difference. A target below that is out of any count's
reach, and its gap says so rather than estimate one.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special

from sim.analysis.paired import paired_interval
from sim.analysis.stats import is_quantile, mean_half_width, resolution, t_quantile
from sim.experiment.metric_names import MetricError
from sim.experiment.options import BASELINE
from sim.reps import MOST_REPS

#: what a precision target may be on (``--precision-on``); the first is the default
TARGETS = ("both", "differences", "levels")
#: the metrics a target watches unless told (how many replications it runs: :mod:`sim.reps`)
WATCHED = ("clearance_h_mean", "overall_clearance_h_mean")


@dataclass(frozen=True)
class Target:
    """One scenario's precision target (``bordersim run --precision H``): replications are
    added until each watched metric's 95 % half-width is at most ``precision`` x its mean
    (times, costs, counts) or ``precision`` (shares, rates), from ``FIRST_REPS`` on, up to
    ``max_reps``."""

    precision: float
    metrics: tuple[str, ...] = WATCHED
    max_reps: int = MOST_REPS

    def gaps(self, per_rep: pd.DataFrame) -> list[PrecisionGap]:
        """The watched intervals of a run's replications still too wide."""
        gaps = precision_gaps(per_rep.assign(option=BASELINE), self.metrics, self.precision,
                              "levels")
        return [dataclasses.replace(g, option="") for g in gaps]

    def notes(self, per_rep: pd.DataFrame) -> list[str]:
        """What became of the target: met (a note), or each interval still too wide and
        the replications it would need (warnings)."""
        n = len(per_rep)
        gaps = self.gaps(per_rep)
        if not gaps:
            return [f"note: --precision {self.precision:g} met in {n} replications "
                    f"({', '.join(self.metrics)})"]
        head = f"warning: --precision {self.precision:g} not met in {n} replications " \
               f"(--max-reps {self.max_reps})"
        out = [f"{head}: {g.message(self.precision)}" for g in gaps]
        most = most_needed(gaps)
        if most is not None:
            out.append(f"{head}: replications needed ≈ {most.reps_needed:,} at the spread so "
                       f"far (the most, for {most.metric})")
        return out


@dataclass(frozen=True)
class PrecisionGap:
    """A watched interval wider than the precision target: an option's mean, or its paired
    difference from the baseline (``difference``)."""

    option: str
    metric: str
    difference: bool
    half_width: float | None  # None: no interval (fewer than two values)
    target: float  # the widest half-width allowed, in the metric's unit
    mean: float | None  # what a relative target is a share of (None: absolute, a share)
    n: int = 0  # the replications (or pairs) that gave the interval
    #: replications the target would need at this spread (None: no interval to go by, or
    #: a target below ``resolution``)
    reps_needed: int | None = None
    #: the narrowest half-width the interval is shown with (a quantile's: the histogram's
    #: resolution; 0 for other metrics): a target below it is out of any count's reach
    resolution: float = 0.0

    def message(self, precision: float) -> str:
        """``baseline clearance_h_mean: half-width 0.84 hours = 6.7 % of the mean; ...``."""
        from sim.experiment.compare import metric_unit  # (compare imports this module)

        what = (
            f"{self.option} - baseline, {self.metric} (paired difference)"
            if self.difference else f"{self.option}, {self.metric}" if self.option
            else self.metric  # (a run's: no options)
        )  # fmt: skip
        unit = metric_unit(self.metric)
        if self.mean is None:
            target = f"target {precision:g} (absolute: a share)"
            reached = f"half-width {_g(self.half_width)}" if self.half_width is not None else ""
        else:
            of = "the baseline mean" if self.difference else "the mean"
            target = f"target {100 * precision:g} % ({_g(self.target)} {unit})"
            reached = ""
            if self.half_width is not None:
                share = self.half_width / abs(self.mean) if self.mean else math.inf
                reached = f"half-width {_g(self.half_width)} {unit} = {100 * share:.1f} % of {of}"
        reached = reached or "no interval (fewer than two replications measured it)"
        needed = f"; replications needed ≈ {self.reps_needed:,}" if self.reps_needed else ""
        if self.resolution > self.target:
            needed = (f"; the histogram's resolution alone is ±{_g(self.resolution)} {unit}: "
                      "no number of replications reaches the target")
        return f"{what}: {reached}; {target}{needed}"


def _g(x: float | None) -> str:
    return "–" if x is None or math.isnan(x) else f"{x:.3g}"


def reps_needed(n: int, half: float | None, target: float, level: float = 0.95) -> int | None:
    """Replications that would bring a ``level`` Student-t half-width ``half`` (from ``n``)
    within ``target``, at least ``n + 1``; None without an interval or a target above 0 to
    go by.

    The spread behind the interval is ``s = half sqrt(n) / t(n - 1)``; the count is the
    smallest ``m`` with ``t(m - 1) s / sqrt(m) <= target``. The t quantile is taken at both
    ends, not only at ``n``: ``n (half / target)^2`` would carry the few replications' large
    quantile into the many's (12.7 at two replications against about 2.0 at forty) and ask
    for up to 42 times too many from a pilot of two, 4.8 times from three, 1.3 from ten.
    """
    if half is None or not math.isfinite(half) or not target > 0 or n < 2:
        return None
    q = (1 + level) / 2
    spread = half * math.sqrt(n) / t_quantile(q, n - 1)
    z = float(special.ndtri(q))
    # t > z, so (z s / target)^2 is a lower bound; the t quantile's excess over z shrinks
    # as 1/m, so a few steps up from it find the count (a bounded few: float rounding of a
    # vast count must not hold the loop)
    m = max(n + 1, math.ceil((z * spread / target) ** 2 - 1e-9))
    for _ in range(1000):
        if t_quantile(q, m - 1) * spread / math.sqrt(m) <= target * (1 + 1e-12):
            break
        m += 1
    return m


def most_needed(gaps: Sequence[PrecisionGap]) -> PrecisionGap | None:
    """The gap that needs the most replications (None when none gives an estimate)."""
    known = [g for g in gaps if g.reps_needed is not None]
    return max(known, key=lambda g: g.reps_needed or 0) if known else None


def precise_enough(
    per_rep: pd.DataFrame, watch: Sequence[str], precision: float, on: str = "both"
) -> bool:
    """Whether every watched metric meets ``precision`` where ``on`` says."""
    return not per_rep.empty and not precision_gaps(per_rep, watch, precision, on)


def precision_gaps(
    per_rep: pd.DataFrame, watch: Sequence[str], precision: float, on: str = "both"
) -> list[PrecisionGap]:
    """Every option's interval (``on`` levels or both) and every paired difference's
    (differences or both) of a watched metric that is wider than ``precision`` allows."""
    if on not in TARGETS:
        raise ValueError(f"a precision target is on one of {', '.join(TARGETS)}; got {on!r}")
    from sim.experiment.compare import metric_kind  # (compare imports this module)

    if per_rep.empty:
        return []
    names = list(dict.fromkeys(per_rep["option"]))
    base = per_rep[per_rep["option"] == BASELINE]
    gaps = []
    for metric in watch:
        if metric not in per_rep:
            raise MetricError(
                f"--metric {metric!r}: no replication measured it (a port where nothing was "
                "released, say); watch another metric or run longer"
            )
        relative = metric_kind(metric) != "share"
        base_mean = float(base[metric].mean()) if not base.empty else math.nan
        for name in names:
            if on != "differences":
                values = per_rep.loc[per_rep["option"] == name, metric].to_numpy(dtype=float)
                mean, half = mean_half_width(values)
                n = int(np.count_nonzero(~np.isnan(values)))
                gaps += _gap(name, metric, False, (half, n, _floor(metric, abs(mean))),
                             precision * abs(mean) if relative else precision,
                             mean if relative else None)
            if name == BASELINE or on == "levels":
                continue
            pair = _aligned(per_rep, name, metric)
            d, low, high, n = paired_interval(*pair)
            half = None if low is None or high is None else (high - low) / 2
            size = float(np.nanmean(np.abs(pair[0])) + np.nanmean(np.abs(pair[1]))) if n else 0.0
            floor = 0.0 if d == 0 and half == 0 else _floor(metric, size)  # (the same runs)
            gaps += _gap(name, metric, True, (half, n, floor), precision * abs(base_mean)
                         if relative else precision, base_mean if relative else None)
    return gaps


def _floor(metric: str, size: float) -> float:
    """The narrowest half-width a watched interval can have: a quantile's is widened to the
    histogram's resolution at its ``size`` (a difference's: its two quantiles' summed), as
    the tables show it; 0 for any other metric."""
    return resolution(size) if is_quantile(metric) else 0.0


def _gap(
    name: str, metric: str, difference: bool, spread: tuple[float | None, int, float],
    target: float, mean: float | None,
) -> list[PrecisionGap]:
    """The gap of one interval (``spread``: its raw half-width, count and the narrowest it
    is shown, :func:`_floor`), if it misses. Below that floor no count of replications
    reaches the target: none is estimated."""
    raw, n, floor = spread
    half = None if raw is None else max(raw, floor)
    if half is not None and half <= target:
        return []
    need = None if floor > target else reps_needed(n, raw, target)
    return [PrecisionGap(name, metric, difference, half, target, mean, n, need, floor)]


def _aligned(per_rep: pd.DataFrame, name: str, metric: str) -> tuple[np.ndarray, np.ndarray]:
    a = per_rep[per_rep["option"] == name].set_index("replication")[metric]
    b = per_rep[per_rep["option"] == BASELINE].set_index("replication")[metric]
    common = a.index.intersection(b.index)
    return a.loc[common].to_numpy(dtype=float), b.loc[common].to_numpy(dtype=float)
