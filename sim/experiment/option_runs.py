"""A comparison's replications (``replications.csv``: one row per option and replication, one
column per metric) split by option once, as numbers.

A comparison has hundreds to thousands of metrics and a handful of replications: selecting
one option's rows of that wide table (``per_rep[per_rep["option"] == name]``) costs far more
than the arithmetic done on them, and the paired differences, interactions and summaries
select each option's rows again and again. Here the table is turned into one float matrix
and each option's rows are picked from it by position; what is worked out of them is what
the selections gave, to the last bit (the options' mean sizes are pandas' own group means of
the same rows: how pandas sums a column depends on the block it is in).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.analysis.paired import noise_free


class OptionRuns:
    """``per_rep`` split by option: each option's replications (in the table's order) and
    its rows of the metrics (every column but ``option`` and ``replication``)."""

    def __init__(self, per_rep: pd.DataFrame):
        self.metrics = [c for c in per_rep.columns if c not in ("option", "replication")]
        matrix = per_rep[self.metrics].to_numpy(dtype=float)
        reps = per_rep["replication"].to_numpy()
        at: dict[object, list[int]] = {}
        for i, name in enumerate(per_rep["option"].tolist()):
            at.setdefault(name, []).append(i)
        self._rows = {name: (reps[rows], matrix[rows]) for name, rows in at.items()}
        self._at = at
        self._per_rep = per_rep

    def names(self) -> set[object]:
        """The options that have a row."""
        return set(self._rows)

    def rows(self, name: str) -> pd.DataFrame:
        """Option ``name``'s rows, indexed by replication, one column per metric (floats)."""
        reps, values = self._rows.get(name, (np.array([], dtype=int), _empty(self.metrics)))
        return pd.DataFrame(values, index=pd.Index(reps, name="replication"),
                            columns=self.metrics)

    def paired(self, name: str, baseline: str) -> pd.DataFrame:
        """Rows of ``name`` minus those of ``baseline``, aligned on replication (both
        finished), by replication; float rounding is exactly 0
        (:func:`sim.analysis.paired.noise_free`)."""
        empty = (np.array([], dtype=int), _empty(self.metrics))
        a_reps, a = self._rows.get(name, empty)
        b_reps, b = self._rows.get(baseline, empty)
        b_at = {r: i for i, r in enumerate(b_reps.tolist())}
        both = sorted((r, i, b_at[r]) for i, r in enumerate(a_reps.tolist()) if r in b_at)
        ia = [i for _, i, _ in both]
        ib = [j for _, _, j in both]
        d = noise_free(a[ia] - b[ib], a[ia], b[ib])
        index = pd.Index(np.asarray([r for r, _, _ in both], dtype=a_reps.dtype),
                         name="replication")
        return pd.DataFrame(d, index=index, columns=self.metrics)

    def scale(self, names: set[str]) -> dict[str, float]:
        """Per metric, the sum of the options' (``names``) mean sizes: a difference of
        quantiles is known only to the resolution of the quantiles it is made of (see
        :func:`sim.analysis.stats.resolution`). (pandas' group means, of the same rows in
        the same blocks: how it sums depends on them, to the last bit.)"""
        picked = sorted(i for n in names for i in self._at.get(n, []))
        rows = self._per_rep.iloc[picked]
        metrics = rows.drop(columns=["option", "replication"])
        sizes = metrics.groupby(rows["option"]).mean(numeric_only=True).abs()
        return {str(k): float(v) for k, v in sizes.sum().items()}


def _empty(metrics: list[str]) -> np.ndarray:
    return np.zeros((0, len(metrics)), dtype=float)
