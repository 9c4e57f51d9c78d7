"""A grid sweep's effect of each swept key at every setting of the others (``effects.csv``).

``differences.csv`` sets every point against point 0. In a grid of two keys or more that
mixes them: point ``(dumbbell, 0.1)`` against point 0 ``(spindle, 0.03)`` is the effect of
both changes at once, not the effect of the structure at an inspection target of 0.1. The
question a figure of "the effect of A against B" asks is the effect of A's level at each
setting of B, so this table sets each point against the point that differs from it in one
key alone, that key at its first value (in the order of the design): per key, level and
setting of the other keys, the paired difference over the replications (the same seeds at
every point), its 95 % Student-t interval, p-value and Holm's verdict over that key's rows,
metric by metric, made exactly as ``differences.csv``'s rows
(:func:`sim.experiment.sweep_pairs.point_differences`).

A point whose partner is not in the design (a sampled design: ``--lhs``, ``--sobol``) has no
row; a sweep of one key has none either (its ``differences.csv`` is that key's effect).
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd

from sim.analysis.paired import holm
from sim.experiment.sweep_pairs import COLUMNS, _against

#: the columns that say which effect a row is, before the point's parameters
WHICH = ["key", "level", "reference", "point", "reference_point"]


def _text(value: Any) -> str:
    """A parameter's value as one comparable text (a value may be a list: a schedule)."""
    if isinstance(value, np.generic):
        value = value.item()
    return json.dumps(value, sort_keys=True, default=str)


def factor_effects(rows: pd.DataFrame, params: list[str]) -> pd.DataFrame:
    """Per swept key, each point whose value of it is not the key's first, against the
    point equal to it but for that key at its first value: the key, the point's level, the
    reference level, both points, the point's parameters, then :data:`COLUMNS` (paired over
    the replications both ran; ``significant``: Holm over the key's rows, metric by metric).
    Empty (with its columns) for fewer than two keys or when no point has such a partner.

    ``rows``: a sweep's table, one row per (point, replication), as ``sweep.csv`` holds it."""
    empty = pd.DataFrame(columns=[*WHICH, *params, *COLUMNS])
    if len(params) < 2:
        return empty
    skip = {"point", "replication", *params}
    metrics = [c for c in rows.columns if c not in skip and pd.api.types.is_numeric_dtype(rows[c])]
    runs = rows.set_index(["point", "replication"])[metrics].astype(float)
    first = rows.groupby("point", sort=True)[params].first()
    keyed = {p: tuple(_text(v) for v in first.loc[p]) for p in first.index}
    where = {k: p for p, k in keyed.items()}
    frames = [f for i, key in enumerate(params) for f in _key_effects(runs, first, keyed, where,
                                                                         params, i, key)]
    return pd.concat(frames, ignore_index=True)[empty.columns] if frames else empty


def _key_effects(
    runs: pd.DataFrame,
    first: pd.DataFrame,
    keyed: dict[Any, tuple[str, ...]],
    where: dict[tuple[str, ...], Any],
    params: list[str],
    i: int,
    key: str,
) -> list[pd.DataFrame]:
    """One key's rows (a frame per point that has a partner), Holm's verdict over them."""
    base = keyed[first.index[0]][i]  # the key's first value in the design's order
    frames = []
    for p, values in keyed.items():
        if values[i] == base:
            continue
        partner = where.get((*values[:i], base, *values[i + 1:]))
        if partner is None:
            continue
        t = _against(pd.DataFrame(runs.xs(p, level="point")),
                     pd.DataFrame(runs.xs(partner, level="point")),
                     int(p), first.loc[p].to_dict(), params)
        t.insert(0, "reference_point", int(partner))
        t.insert(0, "reference", str(first.loc[partner, key]))
        t.insert(0, "level", str(first.loc[p, key]))
        t.insert(0, "key", key)
        frames.append(t)
    if frames:
        table = pd.concat(frames, ignore_index=True)
        p_values = table["p_value"].to_numpy(dtype=float)
        significant = np.zeros(len(table), dtype=bool)
        for at in table.groupby("metric", sort=False).indices.values():
            significant[at] = holm(p_values[at].tolist())
        table["significant"] = significant
        frames = [table]
    return frames


def sweep_effects(rows: pd.DataFrame) -> pd.DataFrame:
    """``sim.sweep_effects``: a sweep's table (as :func:`sim.sweep` returns it and
    ``sweep.csv`` holds it) as its folder's ``effects.csv``: each swept key's paired effect
    at every setting of the other keys (:func:`factor_effects`), the table behind a figure
    of one key's effect against another's value. ValueError for a table that is not a
    sweep's."""
    from sim.experiment.sweep import _params

    return factor_effects(rows, _params(rows))

