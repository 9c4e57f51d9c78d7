"""The recorder's counting helpers against the numpy calls they replace: ``tally`` gives
``np.add.at``'s counts exactly, ``sums_by`` each column's ``np.bincount`` to the bit (each
cell sums its values in row order), and ``add_rows_at`` ``np.add.at``'s rows to the bit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.model.recorder_rows import add_rows_at, sums_by, tally


def _tallies_as_add_at(rows: int, cols: int, n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    into = rng.integers(0, 9, (rows, cols)).astype(np.int32)
    i, j = rng.integers(0, rows, n), rng.integers(0, cols, n)
    expected = into.copy()
    np.add.at(expected, (i, j), 1)
    tally(into, i, j)
    assert into.dtype == np.int32
    np.testing.assert_array_equal(into, expected)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.integers(1, 5), st.integers(0, 200), st.integers(0, 2**31))
def test_tally_counts_as_add_at(rows: int, cols: int, n: int, seed: int) -> None:
    _tallies_as_add_at(rows, cols, n, seed)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 40), st.integers(20, 300), st.integers(0, 200), st.integers(0, 2**31))
def test_tally_counts_few_in_a_large_table_as_add_at(rows: int, cols: int, n: int,
                                                     seed: int) -> None:
    """Fewer counts than a sixteenth of the table's cells take the other way: the same counts."""
    _tallies_as_add_at(rows, cols, n, seed)


def test_tally_adds_through_a_flat_view() -> None:
    """The intervals' histograms are counted through ``reshape(-1)``: a view, so counted."""
    hist = np.zeros((2, 3, 4), np.int32)
    tally(hist.reshape(-1), np.array([0, 5, 5, 23]))
    assert hist[0, 1, 1] == 2 and hist[1, 2, 3] == 1 and hist.sum() == 4


def test_tally_refuses_a_position_out_of_range() -> None:
    with pytest.raises(ValueError):
        tally(np.zeros(3, np.int64), np.array([3]))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6), st.integers(1, 4), st.integers(0, 300), st.integers(0, 2**31))
def test_sums_by_is_each_columns_bincount_to_the_bit(
    groups: int, cols: int, n: int, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    code = rng.integers(0, groups, n)
    values = rng.lognormal(0.0, 2.0, (n, cols))
    got = sums_by(code[:, None] * cols + np.arange(cols), values, groups)
    assert got.shape == (groups, cols)
    for j in range(cols):
        expected = np.bincount(code, weights=values[:, j], minlength=groups)
        assert got[:, j].tobytes() == expected.tobytes()
    at = np.zeros((groups, cols))
    np.add.at(at, code, values)
    np.testing.assert_allclose(got, at, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6), st.integers(1, 4), st.integers(0, 300), st.integers(0, 2**31))
def test_add_rows_at_is_add_at_of_rows_to_the_bit(
    groups: int, cols: int, n: int, seed: int
) -> None:
    """Sums already there, values of many magnitudes, rows repeated: the same bytes as
    ``np.add.at`` on rows (each cell adds its values in row order, onto what it held)."""
    rng = np.random.default_rng(seed)
    start = rng.lognormal(0.0, 3.0, (groups, 2, cols))
    rows = rng.integers(0, groups * 2, n)
    values = rng.lognormal(0.0, 3.0, (n, cols))
    expected = start.copy()
    np.add.at(expected.reshape(-1, cols), rows, values)
    got = start.copy()
    add_rows_at(got, rows, values)
    assert got.tobytes() == expected.tobytes()


def test_add_rows_at_refuses_an_array_it_would_copy() -> None:
    with pytest.raises(ValueError, match="C-contiguous"):
        add_rows_at(np.zeros((4, 3))[:, ::2], np.array([0]), np.ones((1, 2)))
