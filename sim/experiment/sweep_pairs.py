"""A sweep's points set against one of them, paired by replication (``differences.csv``).

Replication ``r`` has the same seed at every point of a sweep (common random numbers), so
``point_r - reference_r`` cancels what the two points share and its Student-t interval over
the replications is far narrower than the two points' own intervals suggest. The intervals
are made as a comparison's (:mod:`sim.experiment.compare`): a difference that is float
rounding is exactly 0 (:func:`sim.analysis.paired.noise_free`), a quantile's interval is at
least the resolution of the two quantiles it is taken between
(:func:`sim.analysis.stats.resolution`), each p-value is read off the interval shown, and
``significant`` is Holm's verdict over the points, metric by metric (with many points some
intervals are clear of 0 by chance).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from sim.analysis.paired import holm, interval_p_value, noise_free
from sim.analysis.stats import summarise

#: the columns of :func:`point_differences` after the point and its parameters
COLUMNS = ["metric", "mean", "ci_low", "ci_high", "n", "p_value", "significant"]


def point_differences(rows: pd.DataFrame, params: list[str], reference: int = 0) -> pd.DataFrame:
    """Per point other than ``reference`` and metric (long): the point's parameters and the
    paired difference ``point - reference`` over the replications both ran: its mean, 95 %
    t-interval, replications ``n``, p-value and ``significant`` (Holm over the points).

    ``rows``: a sweep's table, one row per (point, replication), as :func:`sim.sweep`
    returns it and ``sweep.csv`` holds it. ValueError when ``reference`` is not a point."""
    skip = {"point", "replication", *params}
    metrics = [c for c in rows.columns if c not in skip and pd.api.types.is_numeric_dtype(rows[c])]
    runs = rows.set_index(["point", "replication"])[metrics].astype(float)
    points = sorted({int(p) for p in runs.index.get_level_values(0)})
    if reference not in points:
        raise ValueError(f"reference point {reference} is not a point of the sweep {points}")
    first = rows.groupby("point")[params].first()
    by_point = {p: pd.DataFrame(runs.xs(p, level="point")) for p in points}
    frames = [
        _against(by_point[p], by_point[reference], p, first.loc[p].to_dict(), params)
        for p in points
        if p != reference
    ]
    if not frames:
        return pd.DataFrame(columns=["point", *params, *COLUMNS])
    table = pd.concat(frames, ignore_index=True)
    p_values = table["p_value"].to_numpy(dtype=float)
    significant = np.zeros(len(table), dtype=bool)  # (one assignment, not one per metric)
    for at in table.groupby("metric", sort=False).indices.values():
        significant[at] = holm(p_values[at].tolist())
    table["significant"] = significant
    return table[["point", *params, *COLUMNS]]


def _against(
    mine: pd.DataFrame,
    ref: pd.DataFrame,
    point: int,
    values: Mapping[Hashable, Any],
    params: list[str],
) -> pd.DataFrame:
    """One point's paired differences from the reference, metric by metric."""
    both = mine.index.intersection(ref.index)
    a, b = mine.loc[both], ref.loc[both]
    d = pd.DataFrame(
        noise_free((a - b).to_numpy(), a.to_numpy(), b.to_numpy()), index=both, columns=a.columns
    )
    scale = {str(k): float(v) for k, v in (a.mean().abs() + b.mean().abs()).items()}
    same = bool((d.fillna(0) == 0).all().all())  # (the runs are the same: exactly 0)
    t = summarise(d, scale=scale, widen=not same).reset_index()
    t["p_value"] = [
        interval_p_value(m, lo, hi, n)
        for m, lo, hi, n in zip(t["mean"], t["ci_low"], t["ci_high"], t["n"], strict=True)
    ]
    for i, name in enumerate(params):  # (a value may be a list: a schedule)
        t.insert(i, name, [values[name]] * len(t))
    t.insert(0, "point", point)
    return t
