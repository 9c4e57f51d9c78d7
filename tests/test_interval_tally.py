"""The intervals table's coarser groups: their quantiles are those of the sums of their fine
groups' histograms, whichever fine groups hold consignments."""

from __future__ import annotations

import numpy as np

from sim.analysis.sketch import bin_value, row_bins
from sim.model.interval_tally import LEVELS, QUANTILES, IntervalTally
from sim.model.intervals import STRETCHES
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES


def test_each_levels_quantiles_are_those_of_its_fine_groups_summed():
    tally = IntervalTally(["a", "b", "c"], [False, True, False])
    rng = np.random.default_rng(5)
    groups = tally.consignments.size
    busy = rng.choice(groups, size=groups // 3, replace=False)
    tally.consignments[busy] = rng.integers(1, 50, busy.size)
    shape = (tally.hist.shape[0], busy.size, tally.hist.shape[2])
    tally.hist[:, busy] = rng.integers(1, 9, shape) * (rng.random(shape) < 0.01)
    tally.n = tally.hist.sum(axis=-1, dtype=np.int64)  # (some stretches of a group empty)
    fine = (3, len(DIRECTIONS), len(TRADER_CLASSES))
    filled = tally._filled()
    for dim, axes in LEVELS:
        plain = tally.hist.reshape((tally.hist.shape[0], *fine, -1)).sum(axis=axes)
        plain = plain.reshape(tally.hist.shape[0], -1, tally.hist.shape[2])
        people = tally.consignments.reshape(fine).sum(axis=tuple(a - 1 for a in axes)).reshape(-1)
        plain = plain[:, (people > 0) | (dim == "all")]
        on = plain.sum(axis=-1) > 0
        rows = tally._level(dim, axes, filled)
        assert len(rows["n"]) == plain.shape[1] * len(STRETCHES)
        for name, q in QUANTILES:
            want = np.full(on.shape, np.nan)
            want[on] = bin_value(row_bins(np.cumsum(plain[on], axis=-1), q))
            assert np.array_equal(rows[name], want.T.reshape(-1), equal_nan=True), (dim, name)
