"""Who gains, pooled over replications (:func:`summarise_gains`), is computed on numpy slices
for speed; it must give, to the last bit, what the plain pandas reading of its definition
gives: per group the sums over its replications, the t interval over the replications' own
means, and per standardised cell the interval over each replication's weighted mean."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sim.analysis.stats import confidence_interval
from sim.experiment.gains import KEYS, PER_CONTAINER, summarise_gains

PORTS = [("p", "import"), ("p", "export"), ("q", "import")]


def _per_rep(seed: int, reps: int = 4) -> pd.DataFrame:
    """A who-gains table of two options over ``reps`` replications: port x direction
    strata, classes and commodities within them, some cells empty (n = 0), rows shuffled."""
    rng = np.random.default_rng(seed)
    rows = []
    for option in ("a", "b"):
        for r in range(reps):
            for measure in ("clearance", "trader_cost"):
                cells = [("all", "all", "all", "all")]
                cells += [("port_direction", p, d, "all") for p, d in PORTS]
                cells += [("trader_class", p, d, c) for p, d in PORTS for c in ("A", "B")]
                cells += [("commodity", p, d, c) for p, d in PORTS for c in ("g", "h", "k")]
                for dimension, port, direction, group in cells:
                    n = int(rng.integers(0, 6))
                    rows.append({"option": option, "replication": r, "measure": measure,
                                 "dimension": dimension, "port": port, "direction": direction,
                                 "group": group, "n": n,
                                 "sum_change": float(rng.normal(0, 3) * n),
                                 "worse": int(rng.integers(0, n + 1)),
                                 "better": 0 if n == 0 else int(rng.integers(0, n + 1)),
                                 "base_sum": float(rng.uniform(0, 40) * n),
                                 # (containers for the cost only, as gains_one counts them)
                                 "boxes": float(rng.integers(n, 3 * n + 1))
                                 if measure == "trader_cost" else 0.0})  # fmt: skip
    table = pd.DataFrame(rows)
    return table.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def _reference(per_rep: pd.DataFrame) -> pd.DataFrame:
    """The pooled rows by pandas, one group at a time."""
    out = []
    keys = ["option", *KEYS]
    for key, g in per_rep.groupby(keys, sort=False):
        n = int(g["n"].sum())
        rep_means = (g["sum_change"] / g["n"].where(g["n"] > 0)).to_numpy(dtype=float)
        _, low, high = confidence_interval(rep_means)
        out.append({**dict(zip(keys, key, strict=True)), "n": n,
                    "reps": int(np.count_nonzero(~np.isnan(rep_means))),
                    "mean_change": g["sum_change"].sum() / n if n else math.nan,
                    "ci_low": math.nan if low is None else low,
                    "ci_high": math.nan if high is None else high,
                    "share_worse": g["worse"].sum() / n if n else math.nan,
                    "share_better": g["better"].sum() / n if n else math.nan,
                    "baseline_mean": g["base_sum"].sum() / n if n else math.nan,
                    **_per_box(g)})  # fmt: skip
    return pd.DataFrame(out)


def _per_box(g: pd.DataFrame) -> dict[str, float]:
    """A group's change and baseline per container, by pandas (NaN with no container)."""
    boxes = g["boxes"].sum()
    if not boxes > 0:
        return dict.fromkeys(PER_CONTAINER, math.nan)
    _, low, high = confidence_interval(
        (g["sum_change"] / g["boxes"].where(g["boxes"] > 0)).to_numpy(dtype=float))
    return dict(zip(PER_CONTAINER, (g["sum_change"].sum() / boxes,
                                    math.nan if low is None else low,
                                    math.nan if high is None else high,
                                    g["base_sum"].sum() / boxes), strict=True))


def _standardised_interval(per_rep: pd.DataFrame, pooled: pd.DataFrame, cell: tuple) -> tuple:
    """A standardised cell's interval by pandas: per replication, the within-stratum means
    weighted by the pooled stratum sizes."""
    option, measure, dimension, group = cell
    strata = pooled[(pooled["dimension"] == "port_direction") & (pooled["option"] == option)
                    & (pooled["measure"] == measure)]  # fmt: skip
    sizes = strata.set_index(["port", "direction"])["n"].astype(float)
    g = per_rep[(per_rep["option"] == option) & (per_rep["measure"] == measure)
                & (per_rep["dimension"] == dimension) & (per_rep["group"] == group)
                & (per_rep["n"] > 0)]  # fmt: skip
    values = []
    for _, rep in g.groupby("replication", sort=True):
        w = sizes.reindex(pd.MultiIndex.from_frame(rep[["port", "direction"]])).to_numpy()
        ok = ~np.isnan(w)
        if ok.any() and w[ok].sum() > 0:
            means = (rep["sum_change"] / rep["n"]).to_numpy(dtype=float)
            values.append(float(np.average(means[ok], weights=w[ok])))
    _, low, high = confidence_interval(np.array(values))
    return (math.nan if low is None else low, math.nan if high is None else high)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pooled_rows_are_those_of_pandas_to_the_last_bit(seed):
    per_rep = _per_rep(seed)
    got = summarise_gains(per_rep).drop(columns="unit")
    want = _reference(per_rep)
    plain = got[~got["dimension"].str.endswith("_standardised")].reset_index(drop=True)
    pd.testing.assert_frame_equal(plain, want, check_exact=True, check_dtype=False)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_standardised_intervals_are_those_of_pandas_to_the_last_bit(seed):
    per_rep = _per_rep(seed)
    got = summarise_gains(per_rep)
    std = got[got["dimension"].str.endswith("_standardised")]
    assert len(std) == 2 * 2 * (2 + 3)  # options x measures x (classes + commodities)
    for row in std.itertuples():
        dimension = row.dimension.removesuffix("_standardised")
        cell = (row.option, row.measure, dimension, row.group)
        low, high = _standardised_interval(per_rep, got, cell)
        assert (row.ci_low, row.ci_high) == (low, high) or (
            math.isnan(low) and math.isnan(row.ci_low)
        ), cell
