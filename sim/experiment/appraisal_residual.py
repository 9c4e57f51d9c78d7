"""The equipment's service beyond (or short of) an appraisal's horizon: its residual value.

An appraisal pays an option's added equipment at once (year 0). Over a horizon shorter than
the equipment's life the state keeps a part of it at the end (a residual value); over a
longer one the equipment must be replaced within it. Both are
``K - E x A(N)``: the outlay ``K`` less the equipment's equivalent annual cost ``E`` (at the
appraisal's rate, over its life) for the ``N`` years of the horizon, ``A(N)`` the annuity
factor: above 0 a residual value, below 0 the replacement's cost (in kind, as often as its
life runs out, less its own residual value), 0 when the horizon is the life. The life is
what the comparison's own charge implies: the run charges the equipment as
``agency_capital_cost_per_year`` (the outlay's equivalent annual cost at the scenario's
``costs.discount_rate`` over each item's ``life_years``), so ``A_s(L) = K / E_s``; an option
adding equipment of several lives gets one life between theirs."""

from __future__ import annotations

import math

import pandas as pd

#: the run's equivalent annual cost of its equipment (``sim.model.cost_summary``)
CAPITAL = "agency_capital_cost_per_year"


def implied_life(outlay: float, per_year: float, scenario_rate: float) -> float:
    """The life in years over which ``per_year`` a year at ``scenario_rate`` repays
    ``outlay`` (NaN where none does: no charge a year, or one too small to repay it)."""
    if outlay == 0:
        return 0.0
    if per_year == 0 or (outlay > 0) != (per_year > 0):
        return math.nan
    ratio = outlay / per_year
    if scenario_rate == 0:
        return ratio
    left = 1.0 - scenario_rate * ratio
    return math.nan if left <= 0 else -math.log(left) / math.log1p(scenario_rate)


def annuity(rate: float, years: float) -> float:
    """The present value of 1 a year at the end of each of ``years`` years at ``rate``."""
    return years if rate == 0 else (1.0 - (1.0 + rate) ** -years) / rate


def residual_value(outlay: pd.Series, per_year: pd.Series, scenario_rate: float,
                   rate: float, years: int) -> pd.Series:
    """Per replication, the present value of the equipment's service beyond ``years`` (below
    0: its replacement within them), ``outlay`` and ``per_year`` the option's changes in the
    equipment's outlay and in its equivalent annual cost at ``scenario_rate``."""
    out = []
    for k, e in zip(outlay.to_numpy(dtype=float), per_year.to_numpy(dtype=float), strict=True):
        life = implied_life(k, e, scenario_rate)
        if k == 0 or math.isnan(life):
            out.append(0.0 if k == 0 else math.nan)
            continue
        left = k - k / annuity(rate, life) * annuity(rate, years)
        out.append(0.0 if abs(left) <= 1e-9 * abs(k) else left)  # (0 at the life: not noise)
    return pd.Series(out, index=outlay.index)
