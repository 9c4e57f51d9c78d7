"""What a trader class's treatment changes against ``general`` traders at the same port and
direction (``class-differences.csv`` of a results folder): for each class metric, the
difference class - general in every replication, paired within it (the same seed, the same
run), and its mean with a 95 % paired Student-t interval across replications.

A class's figures differ from ``general``'s by its goods (value, commodity) as well as by its
treatment; ``border_burden_per_consignment`` counts only what the border imposes, so its
difference is the nearest to what the class's status saves a trader."""

from __future__ import annotations

import math
import re

import pandas as pd

from sim.analysis.paired import paired_interval
from sim.scenario.base import DIRECTIONS, TRADER_CLASSES

FILE = "class-differences.csv"
#: the class metrics set against ``general``'s (a run without costs has the clearance alone:
#: its mean and its 90th percentile, the tail a trader plans stock and demurrage by)
STEMS = (
    "border_burden_per_consignment",
    "border_burden_per_container",
    "trader_cost_per_consignment",
    "clearance_h_mean",
    "clearance_h_p90",
)
BASE = "general"
COLUMNS = ["metric", "port", "direction", "class", "reps", "class_mean", "general_mean",
           "difference", "ci_low", "ci_high"]  # fmt: skip
_NAME = re.compile(
    rf"^({'|'.join(STEMS)})_({'|'.join(TRADER_CLASSES)})_port_(.+)_({'|'.join(DIRECTIONS)})$"
)


def class_differences(per_rep: pd.DataFrame) -> pd.DataFrame:
    """One row per class metric, port, direction and class other than ``general`` where both
    were measured in a replication: ``reps`` (those replications), the means over them of
    the class's and general's figures, the mean difference and its paired 95 % interval (NaN
    with fewer than two)."""
    rows = []
    for name in per_rep.columns:
        found = _NAME.match(str(name))
        if found is None or found[2] == BASE:
            continue
        stem, cls, port, direction = found.groups()
        base = f"{stem}_{BASE}_port_{port}_{direction}"
        if base not in per_rep:
            continue
        a, b = per_rep[name].astype(float), per_rep[base].astype(float)
        both = a.notna() & b.notna()
        if not both.any():
            continue
        mean, low, high, n = paired_interval(a[both].to_numpy(), b[both].to_numpy())
        rows.append([stem, port, direction, cls, n, float(a[both].mean()),
                     float(b[both].mean()), mean, _or_nan(low), _or_nan(high)])  # fmt: skip
    rows.sort(key=lambda r: (STEMS.index(r[0]), r[1], r[2], TRADER_CLASSES.index(r[3])))
    return pd.DataFrame(rows, columns=COLUMNS)


def _or_nan(x: float | None) -> float:
    return math.nan if x is None else float(x)
