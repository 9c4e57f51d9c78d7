"""Across-replication statistics against hand computations."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from sim.analysis.stats import (
    confidence_interval,
    mean_half_width,
    summarise,
    summary_dict,
    t_quantile,
)

# Student t quantiles from tables: t(0.975, 4) and t(0.95, 4).
T975_4 = 2.7764451051977987
T95_4 = 2.131846786326649


def test_ci_of_one_to_five_matches_hand_computation():
    # mean 3, sample sd sqrt(2.5), standard error sqrt(2.5 / 5) = sqrt(0.5)
    mean, low, high = confidence_interval([1, 2, 3, 4, 5])
    half = T975_4 * math.sqrt(0.5)
    assert mean == pytest.approx(3.0)
    assert low == pytest.approx(3.0 - half, rel=1e-12)
    assert high == pytest.approx(3.0 + half, rel=1e-12)
    assert low == pytest.approx(1.036757, abs=1e-6)


def test_ci_level():
    mean, low, high = confidence_interval([1, 2, 3, 4, 5], level=0.90)
    assert high - mean == pytest.approx(T95_4 * math.sqrt(0.5), rel=1e-12)
    assert mean - low == pytest.approx(high - mean)


def test_nans_are_ignored():
    assert confidence_interval([1, math.nan, 2, 3, 4, 5]) == pytest.approx(
        confidence_interval([1, 2, 3, 4, 5])
    )


def test_one_value_has_no_interval():
    assert confidence_interval([7.5]) == (7.5, None, None)
    assert confidence_interval([7.5, math.nan]) == (7.5, None, None)


def test_all_nan_or_empty():
    for values in ([math.nan, math.nan], []):
        mean, low, high = confidence_interval(values)
        assert math.isnan(mean) and low is None and high is None


def test_constant_values_give_zero_width():
    assert confidence_interval([2.0, 2.0, 2.0]) == (2.0, 2.0, 2.0)


def test_bad_level():
    with pytest.raises(ValueError):
        confidence_interval([1, 2], level=95)


def test_summarise_one_row_per_metric():
    per_rep = pd.DataFrame(
        {"replication": [0, 1, 2, 3, 4], "a": [1, 2, 3, 4, 5], "b": [1.0] + [math.nan] * 4}
    )
    s = summarise(per_rep)
    assert list(s.index) == ["a", "b"]
    assert list(s.columns) == ["mean", "ci_low", "ci_high", "n"]
    assert s.loc["a", "ci_low"] == pytest.approx(3 - T975_4 * math.sqrt(0.5))
    assert s.loc["a", "n"] == 5
    assert s.loc["b", "mean"] == 1.0 and s.loc["b", "n"] == 1
    assert math.isnan(s.loc["b", "ci_low"]) and math.isnan(s.loc["b", "ci_high"])
    d = summary_dict(s)
    assert d["b"] == {"mean": 1.0, "ci_low": None, "ci_high": None}
    assert d["a"]["mean"] == pytest.approx(3.0)


def test_t_quantile_matches_scipy_stats_to_the_last_digit():
    """``t_quantile`` (scipy.special.stdtrit) against scipy.stats.t.ppf: equal, or 1 ulp."""
    dofs = [*range(1, 121), 150, 200, 500, 1000, 10_000, 1_000_000]
    levels = [0.5, 0.8, 0.9, 0.95, 0.975, 0.98, 0.99, 0.995, 0.999, 0.9999]
    for dof in dofs:
        for level in levels:
            for p in ((1 + level) / 2, 0.5 + level / 2, 1 - level):
                ours, ref = t_quantile(p, dof), float(stats.t.ppf(p, dof))
                assert abs(ours - ref) <= np.spacing(abs(ref)), (p, dof, ours, ref)


def test_t_quantile_table_values():
    assert t_quantile(0.975, 4) == pytest.approx(T975_4, rel=1e-15)
    assert t_quantile(0.95, 4) == pytest.approx(T95_4, rel=1e-15)
    assert t_quantile(0.5, 7) == 0.0


def test_mean_half_width():
    mean, half = mean_half_width([1, 2, 3, 4, 5])
    assert mean == pytest.approx(3.0)
    assert half == pytest.approx(T975_4 * math.sqrt(0.5), rel=1e-12)
    assert mean_half_width([4.0]) == (4.0, None)
    m, h = mean_half_width([])
    assert math.isnan(m) and h is None
    with pytest.raises(ValueError):
        mean_half_width([1, 2], level=1.0)


def test_a_quantile_interval_is_never_narrower_than_the_histograms_resolution():
    """Replications whose p90s fall in one 2 % bin of the streamed histogram give the same
    value: the interval is then the histogram's resolution (1 % relative), not zero width.
    A mean's interval is left as the replications give it, as is a wide quantile's."""
    from sim.analysis.sketch import RELATIVE_ERROR, XMIN, bin_value

    p90 = float(bin_value(500))
    per_rep = pd.DataFrame(
        {
            "clearance_h_p90": [p90] * 3,
            "clearance_h_mean": [2.0] * 3,
            "wait_h_p90_sea_scanners": [1.0, 5.0, 9.0],
            "overall_clearance_h_median_import": [0.0] * 3,
        }
    )
    s = summarise(per_rep)
    half = RELATIVE_ERROR * p90 + XMIN
    assert s.loc["clearance_h_p90", "ci_low"] == pytest.approx(p90 - half)
    assert s.loc["clearance_h_p90", "ci_high"] == pytest.approx(p90 + half)
    assert s.loc["clearance_h_mean", "ci_low"] == s.loc["clearance_h_mean", "ci_high"] == 2.0
    wide = confidence_interval([1.0, 5.0, 9.0])
    assert s.loc["wait_h_p90_sea_scanners", "ci_low"] == pytest.approx(wide[1])
    assert s.loc["overall_clearance_h_median_import", "ci_high"] == pytest.approx(XMIN)
    # a difference of two such quantiles is known to the sum of their resolutions
    d = summarise(per_rep[["clearance_h_p90"]] * 0, scale={"clearance_h_p90": 2 * p90})
    assert d.loc["clearance_h_p90", "ci_high"] == pytest.approx(2 * RELATIVE_ERROR * p90 + XMIN)
