"""The quantiles of many histograms at once (:func:`sim.analysis.sketch.row_bins` from their
running sums, :func:`sim.analysis.sketch.sparse_bins` from their filled bins only; used by the
clearance and milestone-interval tables) are those of each histogram alone."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.analysis.sketch import (
    NBINS,
    bin_value,
    bin_values,
    quantile_from_counts,
    row_bins,
    row_quantiles,
    sparse_bins,
)


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


@settings(max_examples=40, deadline=None)
@given(histograms(), st.integers(0, 2**32 - 1))
def test_quantiles_from_filled_bins_only_are_those_of_the_rows(counts, seed):
    rng = np.random.default_rng(seed)
    cell, bins = np.nonzero(counts)
    parts = rng.integers(1, 3, cell.size)  # (a bin's count split in up to two entries)
    cell, bins = np.repeat(cell, parts), np.repeat(bins, parts)
    each = counts[cell, bins] // np.repeat(parts, parts)
    first = np.r_[True, (cell[1:] != cell[:-1]) | (bins[1:] != bins[:-1])]
    each[first] += counts[cell, bins][first] - np.add.reduceat(each, np.flatnonzero(first))
    keep = each > 0
    mixed = rng.permutation(np.flatnonzero(keep))
    qs = [0.0, 0.01, 0.5, 0.9, 0.999, 1.0]
    found = sparse_bins(cell[mixed], bins[mixed], each[mixed], len(counts), qs)
    for q, bins_q in zip(qs, found, strict=True):
        assert np.array_equal(bins_q, row_bins(np.cumsum(counts, axis=1), q))


def test_no_histograms_no_bins():
    empty = np.empty(0, np.int64)
    assert [b.shape for b in sparse_bins(empty, empty, empty, 0, [0.5, 0.9])] == [(0,), (0,)]


@settings(max_examples=40, deadline=None)
@given(histograms(), st.sampled_from([0.0, 0.5, 0.9, 1.0]))
def test_each_rows_quantile_at_once_is_its_own_and_an_empty_rows_nan(counts, q):
    counts = np.vstack([np.zeros((1, NBINS), np.int64), counts])  # (an empty row first)
    alone = [quantile_from_counts(row, q) for row in counts]
    assert np.array_equal(row_quantiles(counts, q), alone, equal_nan=True)  # (to the last bit)
