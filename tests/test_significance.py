"""A difference's mark and p-value agree with the interval shown for it: a quantile's interval
is widened to the histogram's resolution, and so is its test; float rounding is exactly 0,
never significant; Holm's correction still decides the marks of several options."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import sim.experiment.compare as compare_mod
from sim.analysis.paired import holm, interval_p_value, paired_interval, unpaired_interval
from sim.experiment.options import resolve_options


def _per_rep(values: dict[str, dict[str, list[float]]]) -> pd.DataFrame:
    """Replication rows from ``{option: {metric: [value per replication]}}``."""
    rows = []
    for option, metrics in values.items():
        reps = len(next(iter(metrics.values())))
        for r in range(reps):
            rows.append({"option": option, "replication": r,
                         **{m: v[r] for m, v in metrics.items()}})  # fmt: skip
    return pd.DataFrame(rows)


def _differences(values: dict[str, dict[str, list[float]]]) -> pd.DataFrame:
    """The differences table of options ``values`` (their names, baseline first)."""
    per_rep = _per_rep(values)
    options = [f"{name}:k={i}" for i, name in enumerate(values) if name != "baseline"]
    d = compare_mod._differences(per_rep, resolve_options(options), {})
    return d[d["option"] != "baseline"]


def _excludes_zero(d: pd.DataFrame) -> pd.Series:
    return (d["ci_low"] > 0) | (d["ci_high"] < 0)


def test_a_quantiles_mark_and_p_value_are_those_of_its_widened_interval():
    """Both replications' p90s fall 0.125 h apart in one bin: the paired spread is 0, but the
    interval is widened to the resolution (1 % of the two p90s, about 0.23 h) and holds 0, so
    no mark and p > 0.05; a p90 1 h apart is beyond it: marked, and its p-value says so."""
    d = _differences(
        {
            "baseline": {"clearance_h_p90": [12.0, 11.5], "clearance_h_p95": [20.0, 19.5]},
            "a": {"clearance_h_p90": [11.875, 11.375], "clearance_h_p95": [19.0, 18.5]},
        }
    ).set_index("metric")
    p90, p95 = d.loc["clearance_h_p90"], d.loc["clearance_h_p95"]
    assert p90["mean"] == -0.125 and p90["ci_low"] < 0 < p90["ci_high"]
    assert p90["p_value"] > 0.05 and not p90["significant"]
    assert p95["ci_high"] < 0 and p95["p_value"] < 0.05 and p95["significant"]


@pytest.mark.parametrize("seed", range(4))
def test_with_one_option_a_mark_is_there_exactly_when_the_interval_excludes_zero(seed: int):
    """Means and quantiles, narrow and wide, small and large effects: the mark, the p-value
    and the interval shown never disagree."""
    rng = np.random.default_rng(seed)
    base, option = {}, {}
    for k in range(40):
        metric = f"x{k}_h_p90" if k % 2 else f"x{k}_h_mean"
        level = rng.uniform(1, 30)
        b = level + rng.normal(0, 1, 3)
        spread = rng.choice([0.0, 0.001, 0.05, 0.5])
        base[metric] = b.tolist()
        option[metric] = (b + rng.normal(0, 0.4) + rng.normal(0, spread, 3)).tolist()
    d = _differences({"baseline": base, "a": option})
    assert (d["significant"] == _excludes_zero(d)).all()
    assert (d["significant"] == (d["p_value"] <= 0.05)).all()
    assert 0 < d["significant"].sum() < len(d)  # (the check is not vacuous)


def test_the_p_value_of_an_interval_is_the_t_tests_when_nothing_widened_it():
    """Unwidened, the interval's p-value is the paired t test's; at its edges, 0.05."""
    values = np.array([0.3, 0.5, 0.1, 0.4])
    n, mean, sd = len(values), float(values.mean()), float(values.std(ddof=1))
    t975 = 3.182446305284263  # t(0.975, 3)
    half = t975 * sd / math.sqrt(n)
    from scipy import stats

    expected = stats.ttest_1samp(values, 0.0).pvalue
    assert interval_p_value(mean, mean - half, mean + half, n) == pytest.approx(expected)
    assert interval_p_value(half, 0.0, 2 * half, n) == pytest.approx(0.05)
    assert interval_p_value(0.0, -1.0, 1.0, n) == 1.0
    assert interval_p_value(0.3, 0.3, 0.3, n) == 0.0  # the same nonzero change every time
    assert math.isnan(interval_p_value(0.3, math.nan, math.nan, 1))


def test_a_difference_that_is_float_rounding_is_exactly_zero_and_not_significant():
    """Two runs that add the same costs in another order differ by 8e-08 a year: no change,
    an interval of exactly 0, p = 1, no mark (a real difference beside it is still found)."""
    cost = [25_000_000.1, 31_000_000.7, 27_500_000.3]
    d = _differences(
        {
            "baseline": {"agency_cost_per_year": cost, "clearance_h_mean": [5.0, 6.0, 7.0]},
            "a": {
                "agency_cost_per_year": [c + 8e-08 for c in cost],
                "clearance_h_mean": [4.0, 5.5, 6.0],
            },
        }
    ).set_index("metric")
    noise = d.loc["agency_cost_per_year"]
    assert (noise["mean"], noise["ci_low"], noise["ci_high"]) == (0.0, 0.0, 0.0)
    assert noise["p_value"] == 1.0 and not noise["significant"]
    assert d.loc["clearance_h_mean", "mean"] == pytest.approx(-5 / 6)
    assert paired_interval([c + 8e-08 for c in cost], cost) == (0.0, 0.0, 0.0, 3)


def test_an_interaction_that_is_float_rounding_is_exactly_zero():
    """(A+B) - A - B + baseline of effects that add up exactly, but for float rounding."""
    base = [3.3, 2.3, 4.3]  # (the first two leave -4.4e-16 of rounding, the third none)
    per_rep = _per_rep(
        {
            "baseline": {"x_h_mean": base},
            "a": {"x_h_mean": [x + 0.1 for x in base]},
            "b": {"x_h_mean": [x + 0.7 for x in base]},
            "a+b": {"x_h_mean": [x + 0.1 + 0.7 for x in base]},
        }
    )
    opts = resolve_options(["a:k=1", "b:j=2", "a+b"])
    i = compare_mod._interactions(per_rep, opts).set_index("metric")
    row = i.loc["x_h_mean"]
    assert (row["mean"], row["ci_low"], row["ci_high"]) == (0.0, 0.0, 0.0)
    assert row["p_value"] == 1.0


def test_holm_still_decides_the_marks_of_several_options():
    """A large effect is marked; three smaller ones beside it each exclude 0 at 5 % (p about
    0.03), but Holm's correction asks p <= 0.05 / 3 of the next smallest, so none of them is
    marked; every mark sits on an interval that excludes 0."""
    base = np.array([10.0, 10.4, 9.8, 10.2, 9.6])
    spread = np.array([0, -0.6, 0.6, -0.3, 0.3])
    values = {"baseline": {"clearance_h_p90": base.tolist()}}
    for name, shift in (("a", -0.7), ("b", -0.714), ("c", -0.686), ("d", -4.0)):
        values[name] = {"clearance_h_p90": (base + shift + spread).tolist()}
    d = _differences(values).set_index("option")
    assert d["significant"].tolist() == holm(d["p_value"].tolist())
    assert (d.loc[["a", "b", "c"], "p_value"] < 0.05).all()
    assert not d.loc[["a", "b", "c"], "significant"].any()
    assert d.loc["d", "significant"]
    assert _excludes_zero(d)[d["significant"]].all()


@pytest.mark.parametrize("seed", [1, 2])
def test_the_unpaired_interval_is_welchs(seed: int):
    """Runs on other seeds cannot be paired: Welch's interval (unequal variances and sizes),
    as scipy's two-sample t test gives it; NaNs dropped, too few values give no bounds."""
    from scipy import stats

    rng = np.random.default_rng(seed)
    a, b = rng.normal(1.0, 0.5, 7), rng.normal(0.4, 2.0, 12)
    want = stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.95)
    mean, low, high = unpaired_interval(np.append(a, np.nan), b)
    assert mean == pytest.approx(a.mean() - b.mean())
    assert (low, high) == pytest.approx((want.low, want.high))
    assert unpaired_interval([1.0], b)[1:] == (None, None)
    assert unpaired_interval([2.0, 2.0], [1.0, 1.0]) == (1.0, 1.0, 1.0)
