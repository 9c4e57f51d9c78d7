"""A seeded Monte Carlo of an appraisal's NPV over its cost inputs and the simulation's noise
together, beside the one-at-a-time spread (:mod:`sim.experiment.appraisal_spread`).

Each draw takes every cost input from a triangular distribution over its range (low, central
as the mode, high), independently, and works the replications' mean NPV at those inputs
again from the per-replication flows (nothing is simulated again); it then adds the
simulation's noise: a Student-t draw (replications less one degrees of freedom) scaled by the
standard error of the paired NPV at the central inputs. The figures are the draws' 2.5 % and
97.5 % percentiles and the share of draws below 0. A range of zero width draws its central
value alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from sim.experiment.appraisal import Appraisal, yearly_flows
from sim.experiment.appraisal_spread import Range

#: the draws and the seed (fixed: the same folder and terms give the same figures)
DRAWS = 2000
SEED = 20240607


@dataclass(frozen=True)
class Joint:
    """The NPV's 95 % range over the cost inputs and the simulation's noise together."""

    low: float
    high: float
    below_zero: float
    draws: int
    #: the draws' mean and 5 %, 50 % and 95 % points (for a spreadsheet's summary)
    mean: float = math.nan
    p5: float = math.nan
    p50: float = math.nan
    p95: float = math.nan

    def record(self) -> dict[str, Any]:
        """For ``appraisal.json`` (NaN as null)."""
        def number(x: float) -> float | None:
            return x if math.isfinite(x) else None

        return {"low": number(self.low), "high": number(self.high),
                "share_below_zero": number(self.below_zero), "draws": self.draws,
                "seed": SEED, "mean": number(self.mean), "p5": number(self.p5),
                "p50": number(self.p50), "p95": number(self.p95)}


def summary(out: np.ndarray) -> Joint:
    """The figures of an option's draws of the NPV (:func:`npv_draws`'s)."""
    p5, p50, p95 = (float(np.percentile(out, q)) for q in (5, 50, 95))
    return Joint(float(np.percentile(out, 2.5)), float(np.percentile(out, 97.5)),
                 float(np.mean(out < 0)), len(out), float(np.mean(out)), p5, p50, p95)


def _yearly(mine: pd.DataFrame, base: pd.DataFrame, ask: Appraisal) -> dict[str, float]:
    """The replications' means the NPV is built from: the net benefit a year with no running
    cost added and no value of time (with the capacity freed where ``ask`` counts it), the
    value of time a year at a scale of 1, and the equipment outlay."""
    flows = yearly_flows(mine, base, replace(ask, time_value_scale=1.0), 0.0, 0.0)
    time = flows["time_saving_per_year"].to_numpy(dtype=float)
    net = flows["net_benefit_per_year"].to_numpy(dtype=float) - time
    return {"net": float(np.nanmean(net)), "time": float(np.nanmean(time)),
            "outlay": float(np.nanmean(flows["equipment_outlay"].to_numpy(dtype=float)))}


def _residual(mine: pd.DataFrame, base: pd.DataFrame, ask: Appraisal, rate: float) -> float:
    """The replications' mean residual value of the equipment at ``rate`` (0 where none)."""
    flows = yearly_flows(mine, base, replace(ask, discount_rate=rate), 0.0, 0.0)
    value = float(np.nanmean(flows["equipment_residual_value"].fillna(0.0).to_numpy(float)))
    return value if math.isfinite(value) else 0.0


def joint(mine: pd.DataFrame, base: pd.DataFrame, ask: Appraisal, ranges: Sequence[Range],
          npv: np.ndarray, draws: int = DRAWS) -> Joint:
    """An option's NPV over ``draws`` seeded draws of its inputs' ``ranges`` and of the
    simulation's noise (``npv``: its replications' NPVs at the central inputs, whose
    standard error scales the noise)."""
    return summary(npv_draws(mine, base, ask, ranges, npv, draws))


def npv_draws(mine: pd.DataFrame, base: pd.DataFrame, ask: Appraisal,
              ranges: Sequence[Range], npv: np.ndarray, draws: int = DRAWS) -> np.ndarray:
    """The ``draws`` seeded draws of the NPV that :func:`joint` sums up, in order (a
    spreadsheet charts them)."""
    rng = np.random.default_rng(SEED)
    by = {r.name: r for r in ranges}
    x = {k: _triangular(rng, by[k], draws) for k in by}
    rate = x.get("discount_rate", np.full(draws, ask.discount_rate))
    years = float(ask.years)
    a = np.where(rate == 0, years, (1.0 - (1.0 + rate) ** -years) / np.where(rate == 0, 1, rate))
    m = _yearly(mine, base, ask)
    equipment = np.full(draws, m["outlay"])
    if ask.count_residual:  # (smooth in the rate: worked at 41 rates, between them linear)
        grid = np.linspace(float(rate.min()), float(rate.max()), 41)
        values = [_residual(mine, base, ask, float(i)) for i in grid]
        equipment = equipment - np.interp(rate, grid, values)
    out = (a * (m["net"] + x["time_value"] * m["time"] - x["running_cost_given"])
           - x["setup_cost"] - x["equipment_price"] * equipment)
    finite = npv[np.isfinite(npv)]
    if finite.size >= 2:  # (the simulation's noise about the mean)
        out = out + rng.standard_t(finite.size - 1, draws) * float(
            np.std(finite, ddof=1)) / math.sqrt(finite.size)
    return np.asarray(out, dtype=float)


def _triangular(rng: np.random.Generator, r: Range, draws: int) -> np.ndarray:
    """``draws`` values of ``r`` (low, central as the mode, high); its central value alone
    where it has zero width."""
    if r.low == r.high:
        return np.full(draws, r.central)
    return rng.triangular(r.low, min(max(r.central, r.low), r.high), r.high, draws)
