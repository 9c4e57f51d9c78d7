"""How far simulation noise moves Sobol indices, and the warnings that say so.

Every point of a sweep's replication ``r`` has the same random numbers (common random
numbers), so a replication's outputs over the sample are one realised response surface, and
the indices of that surface are conditional on its random numbers. SALib's bootstrap
resamples the parameter sample only: its intervals leave that noise out, and raising N only
narrows them around the realised (possibly wrong) values.

With two or more replications per point the indices are computed from each replication's
outputs separately; their spread over replications measures the noise. ``S1_noise`` and
``ST_noise`` are the 95 % Student-t half-widths of the mean of those per-replication indices
(``t * sd / sqrt(R)``), an estimate of how far the noise left in the mean over ``R``
replications (what the reported indices are computed from) moves an index. When that is
wider than the bootstrap half-width, a warning says so. With one replication the noise cannot
be measured, and a warning says that the intervals exclude it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy import stats

Indices = Callable[[list[str], np.ndarray], pd.DataFrame]


def per_replication(
    names: list[str], runs: pd.DataFrame, metric: str, indices: Indices
) -> pd.DataFrame:
    """The indices from each replication's outputs alone: columns ``replication, parameter,
    S1, ST`` (a replication whose outputs do not vary or have NaN is left out)."""
    frames = []
    for r, rows in runs.groupby("replication"):
        y = rows.sort_values("point")[metric].to_numpy(dtype=float)
        try:
            got = indices(names, y)
        except ValueError:  # NaN outputs or none that vary in this replication
            continue
        frames.append(got[["S1", "ST"]].reset_index().assign(replication=int(str(r))))
    if not frames:
        return pd.DataFrame(columns=["replication", "parameter", "S1", "ST"])
    return pd.concat(frames, ignore_index=True)[["replication", "parameter", "S1", "ST"]]


def noise_halfwidths(per_rep: pd.DataFrame, names: list[str], level: float = 0.95) -> pd.DataFrame:
    """Per parameter: ``S1_reps`` and ``ST_reps``, the mean of the per-replication indices,
    and ``S1_noise`` and ``ST_noise``, the ``level`` t half-width of that mean (NaN with
    fewer than two replications). The interval the noise gives is about ``S1_reps``, not
    about ``S1`` (the index of the outputs averaged over replications, another estimator)."""
    cols = ["S1_reps", "S1_noise", "ST_reps", "ST_noise"]
    out = pd.DataFrame(index=pd.Index(names, name="parameter"), columns=cols, dtype=float)
    for name, rows in per_rep.groupby("parameter"):
        n = len(rows)
        if n < 2:
            continue
        t = float(stats.t.ppf(0.5 + level / 2, n - 1))
        for col in ("S1", "ST"):
            sd = float(rows[col].std(ddof=1))
            out.loc[str(name), f"{col}_reps"] = float(rows[col].mean())
            out.loc[str(name), f"{col}_noise"] = t * sd / np.sqrt(n)
    return out


def noise_warning(indices: pd.DataFrame, reps: int) -> str | None:
    """A warning when the intervals leave out noise that matters: with one replication (it
    cannot be measured), or when a noise half-width exceeds the bootstrap half-width."""
    if reps < 2:
        return (
            "with one replication per point the Sobol intervals exclude simulation noise: "
            "every point shares one realisation of the random numbers, so the indices may be "
            "confidently wrong (mass can move from one parameter to another); run --reps 2 "
            "or more (the spread of the indices over replications is then reported) and "
            "longer runs (--days): a larger --sobol N does not reduce this"
        )
    worse = []
    for col in ("S1", "ST"):
        noise = indices[f"{col}_noise"].to_numpy(dtype=float)
        boot = indices[f"{col}_conf"].to_numpy(dtype=float)
        worse += [
            f"{name} {col} ±{n:.3g} (bootstrap ±{b:.3g})"
            for name, n, b in zip(indices.index, noise, boot, strict=True)
            if n > b
        ]
    if not worse:
        return None
    return (
        "simulation noise moves the Sobol indices more than their bootstrap intervals show "
        f"(noise half-width over {reps} replications: {'; '.join(worse)}); the bootstrap "
        "resamples the parameter sample only: raise --reps or --days (a larger --sobol N "
        "does not reduce the noise)"
    )
