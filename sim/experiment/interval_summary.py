"""The milestone intervals across replications (``milestone-intervals.csv`` of a results
folder): for each stretch and group of the per-replication tables (``rep-NNNN-intervals.csv``,
see :mod:`sim.model.interval_tally`), the mean over replications of its mean, median, p90 and
hours per consignment, each with a 95 % Student-t interval, as ``summary.json`` gives the
metrics'. A median's or a p90's interval is never narrower than the histogram's resolution
(:func:`sim.analysis.stats.resolution`), as the metrics' quantiles are not."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import special

from sim.analysis.sketch import RELATIVE_ERROR, XMIN
from sim.model.groups import with_group_parts
from sim.model.milestones import OWNERS

FILE = "milestone-intervals.csv"
KEYS = ["interval", "kind", "from", "to", "owner", "dimension", "group"]
#: figures given with their interval; the quantiles' intervals widened to the resolution
WITH_INTERVAL = ("mean_h", "median_h", "p90_h", "per_consignment_h")
QUANTILES = ("median_h", "p90_h")
#: figures given as their mean over replications only
MEAN_ONLY = ("consignments", "n", "whole_mean_h", *(f"{o}_h" for o in OWNERS))
LEVEL = 0.95


def summarise_intervals(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """One row per stretch and group of the replications' interval tables ``frames``:
    ``reps`` (the replications whose table has the row), the means over them and, for
    :data:`WITH_INTERVAL`, ``<figure>_ci_low`` and ``<figure>_ci_high`` (NaN with fewer than
    two replications measuring it: a group's stretch no consignment passed through in a
    replication has no mean there)."""
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=[*KEYS, "reps"])
    t = pd.concat(frames, ignore_index=True)
    for k in KEYS:
        t[k] = t[k].astype(str)
    grouped = t.groupby(KEYS, sort=False, dropna=False)
    out = grouped.size().rename("reps").reset_index()
    means = grouped[[c for c in MEAN_ONLY if c in t]].mean().reset_index(drop=True)
    out = pd.concat([out, means], axis=1)
    for col in WITH_INTERVAL:
        stats = grouped[col].agg(["mean", "std", "count"]).reset_index(drop=True)
        low, high = _interval(stats, col in QUANTILES)
        out[col], out[f"{col}_ci_low"], out[f"{col}_ci_high"] = stats["mean"], low, high
    return with_group_parts(out[_columns(out)])  # (port, direction, class beside group)


def _interval(stats: pd.DataFrame, quantile: bool) -> tuple[np.ndarray, np.ndarray]:
    """The Student-t interval of each row's mean (``stats``: mean, std and count over
    replications); a quantile's at least its resolution wide on each side."""
    n = stats["count"].to_numpy(float)
    mean = stats["mean"].to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(n >= 2, special.stdtrit(np.maximum(n - 1, 1), (1 + LEVEL) / 2), np.nan)
        half = t * stats["std"].to_numpy(float) / np.sqrt(n)
    if quantile:  # (resolution(), on every row)
        half = np.maximum(half, RELATIVE_ERROR * np.abs(mean) + XMIN)  # (NaN stays NaN)
    return mean - half, mean + half


def _columns(out: pd.DataFrame) -> list[str]:
    """The summary's columns in order: keys, counts, each figure with its interval, the rest."""
    cols = [*KEYS, "reps", "consignments", "n"]
    for col in WITH_INTERVAL:
        cols += [col, f"{col}_ci_low", f"{col}_ci_high"]
    cols += [c for c in MEAN_ONLY if c not in cols]
    return [c for c in cols if c in out.columns]
