"""The recorder's clearance histograms (see :mod:`sim.model.recorder`): per time metric,
dimension and group, a log-histogram of the hours (quantiles within the bound of
:mod:`sim.analysis.sketch`), their sum, and how many took no longer than each time target
(``within_hours``: counted exactly, the boundary counted in)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from sim.analysis.sketch import NBINS, bin_index
from sim.scenario.within import column, reported


class TimeHistograms:
    """Histograms, sums and counts within each time target, by (metric, dimension).

    A metric's groups of every dimension are rows of one array (each dimension's a view of
    its rows), so that a block is folded into all of them by one count per figure: a fold
    runs once per few thousand consignments, for every metric, and one count per dimension
    cost more in calls than in counting."""

    def __init__(
        self, metrics: Sequence[str], dimensions: dict[str, list[str]], within: Sequence[float]
    ) -> None:
        #: the time targets (hours, ascending; 24 h always among them)
        self.targets = np.array(reported(within))
        self.dims = list(dimensions)
        sizes = [len(g) for g in dimensions.values()]
        #: each dimension's first row in a metric's arrays, and the rows of all
        self.offsets = np.cumsum([0, *sizes[:-1]]).astype(np.int64)
        rows, t = sum(sizes), len(self.targets)
        self._all = {
            k: (np.zeros((rows, NBINS), np.int64), np.zeros(rows), np.zeros((rows, t), np.int64))
            for k in metrics
        }
        self.hist: dict[tuple[str, str], np.ndarray] = {}
        self.sums: dict[tuple[str, str], np.ndarray] = {}
        self.within: dict[tuple[str, str], np.ndarray] = {}
        for k, (hist, sums, counts) in self._all.items():
            for d, start, size in zip(self.dims, self.offsets.tolist(), sizes, strict=True):
                rows_of = slice(start, start + size)
                self.hist[k, d] = hist[rows_of]
                self.sums[k, d] = sums[rows_of]
                self.within[k, d] = counts[rows_of]

    def fold(self, metric: str, v: np.ndarray, codes: dict[str, np.ndarray]) -> None:
        """One metric's hours ``v`` into every dimension, each row in its group ``codes``
        (a code per row and dimension: every dimension, in the order they were given)."""
        if list(codes) != self.dims:
            raise ValueError(f"codes for {list(codes)}, not for every dimension {self.dims}")
        hist, sums, counts = self._all[metric]
        rows, t = len(sums), len(self.targets)
        # every row once per dimension, as its group's row in the metric's arrays
        group = (np.stack(list(codes.values())) + self.offsets[:, None]).ravel()
        n = len(self.dims)
        bins = np.tile(bin_index(v), n)
        hist += np.bincount(group * NBINS + bins, minlength=rows * NBINS).reshape(rows, NBINS)
        sums += np.bincount(group, weights=np.tile(v, n), minlength=rows)
        # the first target each is within (NaN or past the last: none): counted per level,
        # summed up to each target
        level = np.tile(np.searchsorted(self.targets, v, side="left"), n)
        per = np.bincount(group * (t + 1) + level, minlength=rows * (t + 1)).reshape(rows, -1)
        counts += np.cumsum(per[:, :t], axis=1)

    def within_columns(self) -> list[str]:
        """The clearance table's columns of the shares within each time target
        (``within_24h``, ...), in the order of :attr:`targets`."""
        return [column(h) for h in self.targets]
