"""The quantiles of many histograms at once (:func:`sim.analysis.sketch.row_bins`, used by the
clearance and milestone-interval tables) are those of each histogram alone."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.analysis.sketch import NBINS, bin_value, bin_values, quantile_from_counts, row_bins


@st.composite
def histograms(draw: st.DrawFn) -> np.ndarray:
    """Rows of NBINS counts, none empty: a few filled bins each, some rows of one value."""
    rows = draw(st.integers(1, 6))
    out = np.zeros((rows, NBINS), np.int64)
    for r in range(rows):
        bins = draw(st.lists(st.integers(0, NBINS - 1), min_size=1, max_size=8))
        for b in bins:
            out[r, b] += draw(st.integers(1, 50))
    return out


@settings(max_examples=60, deadline=None)
@given(histograms(), st.sampled_from([0.0, 0.01, 0.5, 0.9, 0.95, 0.999, 1.0]))
def test_each_rows_quantile_is_its_own(counts, q):
    found = row_bins(np.cumsum(counts, axis=1), q)
    alone = [quantile_from_counts(row, q) for row in counts]
    assert [float(bin_values()[i]) for i in found] == alone  # (to the last bit)
    assert np.allclose(bin_value(found), alone, rtol=1e-12, atol=0)


def test_no_rows_no_bins():
    assert row_bins(np.zeros((0, NBINS), np.int64), 0.5).shape == (0,)
