"""Service or delay times fitted to observations: the distributions a scenario can take.

A lane's ``service`` (or any duration) can resample the observations themselves
(``empirical`` with ``csv``), or be a ``lognormal`` or ``gamma`` of their mean and
coefficient of variation, which a scenario takes as written (``{dist = "lognormal", mean =
"18 min", cv = 0.5}``). The two are fitted by their moments, as the schema gives them, and
each is set against the observations by the Kolmogorov-Smirnov distance, so the modeller sees
which shape the data bear out before choosing one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import stats

from sim.scenario.csv_observations import read_observations
from sim.scenario.limits import MAX_DURATION_H
from sim.scenario.units import TIME_UNITS, unknown_unit


@dataclass(frozen=True)
class TimeFit:
    """The observations' moments and each shape's distance from them."""

    n: int
    mean: float  #: in the observations' unit
    cv: float  #: standard deviation / mean
    quantiles: dict[str, float]  #: median, p90, p95, max
    ks: dict[str, tuple[float, float]]  #: dist -> (KS distance, p-value), moment-fitted

    def lines(self, csv_name: str, column: str | None, unit: str) -> list[str]:
        """One TOML value per shape, ``service = ...``, with its KS distance."""
        col = f', column = "{column}"' if column is not None else ""
        out = [f'service = {{dist = "empirical", csv = "{csv_name}"{col}, unit = "{unit}"}}'
               "   # resamples the observations"]
        for dist, (d, p) in self.ks.items():
            out.append(f'service = {{dist = "{dist}", mean = "{self.mean:.4g} {unit}", '
                       f"cv = {self.cv:.3g}}}   # KS distance {d:.3f} (p = {p:.2g})")
        return out


def _check_times(path: Path, x: np.ndarray, unit: str) -> None:
    """At least two observations, each a finite time from 0 to the longest a scenario's
    durations may be (a year): a larger one would fit a mean no scenario takes, or none at
    all (1e308 minutes overflow to an infinite mean). The first bad one is named."""
    longest = MAX_DURATION_H / TIME_UNITS[unit]
    allowed = (f"times must be at least two numbers from 0 to {longest:,.6g} {unit} (365 d, "
               "the longest duration a scenario takes)")
    if len(x) < 2:
        raise ValueError(f"{str(path)!r}: {allowed}; got {len(x)} observation(s)")
    bad = np.flatnonzero(~np.isfinite(x) | (x < 0) | (x > longest))
    if len(bad):
        i = int(bad[0])
        raise ValueError(f"{str(path)!r}: observation {i + 1} is {x[i]:g} {unit}; {allowed}")


def fit_times(path: Path, column: str | None, unit: str) -> TimeFit:
    """The moments of the observations in the CSV at ``path`` (``column``, else the first)
    and the Kolmogorov-Smirnov distance of the lognormal and gamma of those moments."""
    if unit not in TIME_UNITS:
        raise ValueError(f"unknown unit {unit!r}; {unknown_unit(unit)}")
    x = np.array(read_observations(path, column))
    _check_times(path, x, unit)
    mean = float(x.mean())
    cv = float(x.std(ddof=1) / mean) if mean > 0 else 0.0
    if cv <= 0:
        raise ValueError(f"{str(path)!r}: every observation is {mean:g}: write it as a fixed "
                         f'time, "{mean:g} {unit}"')
    sigma = math.sqrt(math.log1p(cv**2))
    shapes = {
        "lognormal": stats.lognorm(sigma, scale=mean / math.exp(sigma**2 / 2)),
        "gamma": stats.gamma(1 / cv**2, scale=mean * cv**2),
    }
    ks = {}
    for name, dist in shapes.items():
        res = stats.kstest(x, dist.cdf)
        ks[name] = (float(res.statistic), float(res.pvalue))
    q = np.quantile(x, [0.5, 0.9, 0.95])
    return TimeFit(n=len(x), mean=mean, cv=cv, ks=ks,
                   quantiles={"median": float(q[0]), "p90": float(q[1]), "p95": float(q[2]),
                              "max": float(x.max())})
