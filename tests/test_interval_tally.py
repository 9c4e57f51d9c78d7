"""The intervals table's coarser groups: their histograms are the sums of their fine
groups', whichever fine groups hold consignments and whichever cells are asked for."""

from __future__ import annotations

import numpy as np

from sim.model.interval_tally import LEVELS, IntervalTally
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES


def test_each_levels_histograms_are_the_sums_of_its_fine_groups():
    tally = IntervalTally(["a", "b", "c"], [False, True, False])
    rng = np.random.default_rng(5)
    groups = tally.consignments.size
    busy = rng.choice(groups, size=groups // 3, replace=False)
    tally.consignments[busy] = rng.integers(1, 50, busy.size)
    tally.hist[:, busy] = rng.integers(0, 9, (tally.hist.shape[0], busy.size, tally.hist.shape[2]))
    shape = (3, len(DIRECTIONS), len(TRADER_CLASSES))
    for _, axes in LEVELS:
        plain = tally.hist.reshape((tally.hist.shape[0], *shape, -1)).sum(axis=axes)
        plain = plain.reshape(tally.hist.shape[0], -1, tally.hist.shape[2])
        kept = list(range(plain.shape[1]))
        every = np.ones(plain.shape[:2], bool)
        assert np.array_equal(tally._hist(axes, kept, every), plain[every])
        some = rng.random(plain[:, 1::2].shape[:2]) < 0.5  # (cells asked for, in their order)
        assert np.array_equal(tally._hist(axes, kept[1::2], some), plain[:, 1::2][some])
