"""Screening a sampled sweep's parameters: partial rank correlation coefficients (``prcc.csv``).

A Latin-hypercube sweep (``--lhs N``) gives, per metric, each swept parameter's PRCC
(:mod:`sim.analysis.prcc`) over the points' means (the mean over a point's replications, as
in ``summary.csv``), its 95 % interval and p-value, ``significant``: Holm's verdict over
the parameters, metric by metric (of ten parameters that do nothing, some interval clears
0 by chance in 4 sweeps of 10: 1 - 0.95^10), and the share of the means' spread that is
simulation noise. That noise is variation no parameter explains: it is inside the interval,
and it pulls every PRCC towards 0, so a driver whose effect is small beside the noise needs
more replications (or longer runs) rather than more points to stand out.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from sim.analysis.paired import holm
from sim.analysis.prcc import COLUMNS, halfwidth_at_zero, prcc
from sim.experiment.sweep import _params, numeric

#: a PRCC half-width about 0 above which the design cannot rank its parameters
WIDE = 0.3
#: a share of the spread of the points' means above which simulation noise is said to blur
#: the PRCCs (a tenth of the variance: a correlation of 1 read as at most about 0.95)
NOISY = 0.1


def sweep_prcc(rows: pd.DataFrame, metrics: Sequence[str]) -> pd.DataFrame:
    """Per metric and swept parameter (long): the PRCC of the metric's mean at each point
    on the parameter's values (as numbers: hours, per hour), its 95 % interval, p-value,
    ``significant`` (Holm over the parameters), the points ``n`` it used and the metric's
    ``noise_share`` (:func:`noise_share`: NaN with one replication).

    ``rows``: a sweep's table, one row per (point, replication), as :func:`sim.sweep`
    returns it and ``sweep.csv`` holds it. ValueError for a metric it does not hold or a
    parameter whose values are not numbers (a schedule)."""
    params = _params(rows)
    missing = [m for m in metrics if m not in rows.columns]
    if missing:
        raise ValueError(f"the sweep has no metric {', '.join(missing)}")
    design = numeric(rows.groupby("point")[params].first())
    words = [p for p in params if not pd.api.types.is_numeric_dtype(design[p])]
    if words:
        raise ValueError(f"PRCC needs numbers; {', '.join(words)} takes values that are not")
    means = rows.groupby("point")[list(metrics)].mean()
    frames = []
    for metric in metrics:
        table = prcc(design, means[metric].to_numpy(dtype=float)).reset_index()
        table.insert(0, "metric", metric)
        table["significant"] = holm(table["p_value"].tolist())  # (NaN: no verdict)
        table["noise_share"] = noise_share(rows, metric)
        frames.append(table)
    columns = ["metric", "parameter", *COLUMNS[:-1], "significant", "n", "noise_share"]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def prcc_warning(points: int, parameters: int) -> str | None:
    """A warning when ``points`` are too few for PRCCs over ``parameters`` to rank them:
    none at all below ``parameters + 3``, or an interval about 0 wider than ±``WIDE``."""
    half = halfwidth_at_zero(points, parameters)
    enough = _points_for(WIDE, parameters)
    if half != half:
        return (
            f"{points} points cannot give PRCC intervals over {parameters} parameters (that "
            f"needs {parameters + 3} or more); raise --lhs N to {enough} or more"
        )
    if half <= WIDE:
        return None
    return (
        f"with {points} points and {parameters} parameters a PRCC between ±{half:.2f} cannot "
        f"be told from 0; --lhs {enough} narrows that to ±{WIDE}, --lhs "
        f"{_points_for(0.2, parameters)} to ±0.2"
    )


def _points_for(half: float, parameters: int) -> int:
    """The fewest points whose PRCC interval about 0 is at most ±``half``."""
    n = parameters + 3
    while halfwidth_at_zero(n, parameters) > half:
        n += 1
    return n


def noise_share(rows: pd.DataFrame, metric: str) -> float:
    """The share of the variance of ``metric``'s point means that simulation noise makes
    up. Replication ``r`` has the same seed at every point, so what it shares at every
    point (a busy month) moves every point's mean alike and no rank: the noise that
    matters is the point-by-replication residual ``e = y - point mean - replication mean +
    grand mean``, whose variance ``sum(e**2) / ((P - 1)(R - 1))`` over ``R`` is that of a
    point's mean. NaN with one replication or means that do not vary (points missing a
    replication are left out)."""
    table = rows.pivot_table(index="point", columns="replication", values=metric,
                             aggfunc="mean", dropna=False).dropna()  # fmt: skip
    points, reps = table.shape
    if points < 2 or reps < 2:
        return float("nan")
    y = table.to_numpy(dtype=float)
    e = y - y.mean(axis=1, keepdims=True) - y.mean(axis=0, keepdims=True) + y.mean()
    spread = float(y.mean(axis=1).var(ddof=1))
    if not spread > 0:
        return float("nan")
    return float((e**2).sum() / ((points - 1) * (reps - 1)) / reps / spread)


def noise_warning(rows: pd.DataFrame, metrics: Sequence[str]) -> str | None:
    """A warning naming each of ``metrics`` whose point means the noise can blur (its
    :func:`noise_share` above ``NOISY``), or saying that one replication cannot tell."""
    if int(rows["replication"].nunique()) < 2:
        return (
            "with one replication per point the simulation noise in each point's mean cannot "
            "be measured; it pulls every PRCC towards 0: run --reps 2 or more"
        )
    shares = {m: noise_share(rows, m) for m in metrics}
    noisy = [f"{m} {'all' if share >= 1 else f'{share:.0%}'}"
             for m, share in shares.items() if share > NOISY]  # fmt: skip
    if not noisy:
        return None
    return (
        "simulation noise makes up much of the spread of the points' means "
        f"({'; '.join(noisy)}): it pulls those PRCCs towards 0; raise --reps or --days "
        "(more points do not reduce it)"
    )
