"""The recorder's row buffer gives back exactly the rows booked, in the folds' order (bulk
blocks first, then single rows), whatever the sizes and however often it is reused."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.model.row_buffer import RowBuffer

WIDTH, CAPACITY = 5, 8

#: a fold's bookings: bulk blocks (their row counts) and single rows, in any order
BOOKINGS = st.lists(st.one_of(st.integers(1, 3 * CAPACITY), st.none()), max_size=40)


def _rows(start: int, k: int) -> np.ndarray:
    """``k`` rows whose values say which booking they came from (row ``start`` on)."""
    return np.arange(start * WIDTH, (start + k) * WIDTH, dtype=float).reshape(k, WIDTH)


@settings(max_examples=200, deadline=None)
@given(st.lists(BOOKINGS, min_size=1, max_size=4))
def test_take_gives_blocks_then_single_rows_in_the_order_booked(folds):
    buf, n = RowBuffer(WIDTH, CAPACITY), 0
    for bookings in folds:
        blocks, singles = [], []
        for k in bookings:
            if k is None and buf.n_single < CAPACITY:
                row = _rows(n, 1)[0]
                buf.pack_into(buf.single, buf.n_single * buf.row_bytes, *row)
                buf.n_single += 1
                singles.append(row)
                n += 1
            elif k is not None:
                rows = _rows(n, k)  # given as columns: one 1-D, then a 2-D pair, then two
                waiting = buf.add_block((rows[:, 0], rows[:, 1:3], rows[:, 3], rows[:, 4]))
                blocks.append(rows)
                n += k
                assert waiting == sum(len(b) for b in blocks)
        want = np.concatenate([*blocks, np.array(singles).reshape(-1, WIDTH)])
        got = buf.take()
        if not len(want):
            assert got is None
        else:
            np.testing.assert_array_equal(got, want)
        assert buf.take() is None  # (taken: nothing waits)


def test_a_block_of_the_wrong_width_is_refused():
    buf = RowBuffer(WIDTH, CAPACITY)
    try:
        buf.add_block((np.zeros(3), np.zeros((3, 2))))
    except ValueError as e:
        assert "3 columns, for rows of 5" in str(e)
    else:
        raise AssertionError("a block of 3 columns was taken for rows of 5")


def test_no_fold_keeps_the_rows_it_is_given(monkeypatch):
    """The rows a fold is given are overwritten by the next fold's: a tally that kept them
    to read later (here they are overwritten with NaN as soon as the fold returns) would
    report other figures."""
    import sim
    from sim.model.recorder import Recorder

    scenario = sim.load_scenario(sim.default_scenario_path(), {"days": 3})
    want = sim.simulate(scenario, 1)
    fold = Recorder._fold

    def poisoned(self: Recorder, a: np.ndarray) -> None:
        fold(self, a)
        a[:] = np.nan

    monkeypatch.setattr(Recorder, "_fold", poisoned)
    assert sim.simulate(scenario, 1).equals(want)
