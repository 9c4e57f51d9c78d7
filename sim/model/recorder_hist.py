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
    """Histograms, sums and counts within each time target, by (metric, dimension)."""

    def __init__(
        self, metrics: Sequence[str], dimensions: dict[str, list[str]], within: Sequence[float]
    ) -> None:
        self.hist = {
            (k, d): np.zeros((len(g), NBINS), np.int64)
            for k in metrics
            for d, g in dimensions.items()
        }
        self.sums = {key: np.zeros(h.shape[0]) for key, h in self.hist.items()}
        #: the time targets (hours, ascending; 24 h always among them)
        self.targets = np.array(reported(within))
        self.within = {
            key: np.zeros((h.shape[0], len(self.targets)), np.int64)
            for key, h in self.hist.items()
        }

    def fold(self, metric: str, v: np.ndarray, codes: dict[str, np.ndarray]) -> None:
        """One metric's hours ``v`` into every dimension, each row in its group ``codes``."""
        bins = bin_index(v)
        within = v[:, None] <= self.targets  # (NaN: within none)
        for dim, code in codes.items():
            key = (metric, dim)
            g = self.hist[key].shape[0]
            cells = np.bincount(code * NBINS + bins, minlength=g * NBINS)
            self.hist[key] += cells.reshape(g, NBINS)
            self.sums[key] += np.bincount(code, weights=v, minlength=g)
            counts = self.within[key]
            for k in range(len(self.targets)):
                counts[:, k] += np.bincount(code, weights=within[:, k], minlength=g).astype(
                    np.int64
                )

    def within_columns(self) -> list[str]:
        """The clearance table's columns of the shares within each time target
        (``within_24h``, ...), in the order of :attr:`targets`."""
        return [column(h) for h in self.targets]
