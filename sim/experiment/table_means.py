"""The mean over replications of a per-replication table (``rep-NNNN-clearance.csv``, ...),
by the columns that identify a row, keeping its labels: the columns a row's key determines
(a clearance group's ``port``, ``direction`` and ``trader_class``, read from ``group``) stay
beside the means, as in each replication's table, so the mean table joins the others on
them."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def mean_table(t: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """``t`` (replications' tables stacked, keys as text) grouped by ``keys``: the mean of
    each numeric column, and each other column's first value that is not empty (empty where
    every replication's is), in ``t``'s column order."""
    keys = list(keys)
    numeric = [c for c in t.columns if c not in keys and pd.api.types.is_numeric_dtype(t[c])]
    labels = [c for c in t.columns if c not in keys and c not in numeric]
    grouped = t.groupby(keys, sort=False)
    out = grouped[numeric].mean()
    if labels:
        out = grouped[labels].first().join(out)
    out = out.reset_index()
    return out[[c for c in t.columns if c in out.columns]]
