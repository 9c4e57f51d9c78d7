"""Statistics rows (the recorder's layout, :data:`sim.model.costbook.LAYOUT`) for tests of the
tallies that fold them: only the columns given are set, the rest NaN."""

from __future__ import annotations

import math

import numpy as np

from sim.model.costbook import LAYOUT


def stats_rows(*rows: dict[str, float], **defaults: float) -> np.ndarray:
    """One row per dict: an import at port 0 with one container, ``defaults`` over that,
    then the dict's own columns."""
    a = np.full((len(rows), len(LAYOUT)), math.nan)
    for i, r in enumerate(rows):
        for k, v in {"port": 0, "direction": 0, "containers": 1, **defaults, **r}.items():
            a[i, LAYOUT.index(k)] = v
    return a
