"""The quantile sketch against numpy: every reported quantile is within the documented bound
(1 % relative; 0.36 s absolute below 0.36 s) of the exact inverted-CDF sample quantile."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.analysis.sketch import (
    RELATIVE_ERROR,
    XMIN,
    LogHistogram,
    bin_values,
    quantile_from_counts,
    row_bins,
)

QS = [0.0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.3, 0.5, 0.7, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0]


def assert_within_bound(values: np.ndarray, qs=QS) -> None:
    streamed, bulk = LogHistogram(), LogHistogram()
    for v in values.tolist():
        streamed.add(v)
    bulk.add_many(values)
    assert streamed.mean == pytest.approx(values.mean(), rel=1e-9, abs=1e-12)  # exact sums
    assert streamed.n == bulk.n == len(values)  # (read after mean: that flushes the buffer)
    assert np.array_equal(streamed.counts, bulk.counts)
    for q in qs:
        true = float(np.quantile(values, q, method="inverted_cdf"))
        got = bulk.quantile(q)
        assert got == quantile_from_counts(bulk.counts, q) == streamed.quantile(q)
        if true < XMIN:
            assert abs(got - true) <= XMIN, (q, true, got)
        else:
            assert abs(got - true) <= RELATIVE_ERROR * true * (1 + 1e-9), (q, true, got)


def mixture(rng: np.random.Generator, n: int) -> np.ndarray:
    """Atoms at 0 (a third), tiny values below 0.36 s, and a long lognormal tail."""
    k = n // 3
    return rng.permutation(
        np.concatenate(
            [np.zeros(k), rng.uniform(0, 2 * XMIN, k), rng.lognormal(1.0, 2.0, n - 2 * k)]
        )
    )


DISTRIBUTIONS = {
    "lognormal": lambda rng, n: rng.lognormal(np.log(12.0), 1.0, n),
    "lognormal-wide": lambda rng, n: rng.lognormal(0.0, 3.0, n),
    "exponential": lambda rng, n: rng.exponential(0.5, n),
    "atoms-at-0": lambda rng, n: np.where(rng.random(n) < 0.6, 0.0, rng.exponential(24.0, n)),
    "below-0.36-s": lambda rng, n: rng.uniform(0, XMIN, n),
    "around-0.36-s": lambda rng, n: rng.uniform(0.5 * XMIN, 3 * XMIN, n),
    "mixture": mixture,
}


@pytest.mark.parametrize("n", [1, 2, 7, 100, 10_000])
@pytest.mark.parametrize("name", list(DISTRIBUTIONS))
def test_quantiles_within_bound(name, n):
    rng = np.random.default_rng([n, len(name)])
    assert_within_bound(DISTRIBUTIONS[name](rng, n))


def test_documented_bound():
    assert XMIN * 3600 == pytest.approx(0.36)
    assert RELATIVE_ERROR == pytest.approx(0.00995, abs=5e-6)
    empty = LogHistogram()
    assert np.isnan(empty.quantile(0.5)) and np.isnan(empty.mean)


finite = st.floats(0, 1e5, allow_nan=False, allow_infinity=False)
tiny = st.floats(0, 2 * XMIN, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(finite, tiny, st.just(0.0)), min_size=1, max_size=200),
    st.lists(st.floats(0, 1), min_size=1, max_size=10),
)
def test_quantiles_within_bound_generated(values, qs):
    assert_within_bound(np.array(values), qs)


def test_its_length_counts_values_not_yet_binned():
    from sim.analysis.sketch import LogHistogram

    h = LogHistogram()
    for x in (0.5, 1.0, 2.0):
        h.add(x)
    assert len(h) == 3 and h.mean == pytest.approx(7 / 6)


def test_several_quantiles_at_once_are_each_ones_own():
    """The clearance table reads its median, p90 and p95 from one running sum: the same
    figures as one quantile at a time, and NaN for an empty histogram."""
    counts = LogHistogram()
    counts.add_many(np.random.default_rng(3).exponential(0.5, 500))
    qs = (0.0, 0.5, 0.9, 0.95, 1.0)
    cum = np.cumsum(counts.counts)[None, :]
    assert [float(bin_values()[row_bins(cum, q)[0]]) for q in qs] == [
        quantile_from_counts(counts.counts, q) for q in qs
    ]
    assert np.isnan(quantile_from_counts(np.zeros_like(counts.counts), 0.5))
