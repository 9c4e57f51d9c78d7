"""Who gains in money per container: a broker prices per box, so the trader cost's change
and its baseline are also given over the consignments' containers (``gains.csv``'s
``*_per_container`` columns), beside the per-declaration figures; the time measures have
none."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sim.analysis.stats import confidence_interval
from sim.experiment.gains import COST, gains_one, summarise_gains

COLUMNS = ["port", "index", "direction", "trader_class", "commodity", "arrived", "released",
           "exited", "loaded", "containers", COST]  # fmt: skip


def _logs(cost: tuple[float, float], boxes: tuple[int, int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two imports at one port, of ``boxes`` containers; the option changes their trader
    cost by ``cost`` and their release by nothing."""
    base = pd.DataFrame([("p", i, "import", "general", "g", 0.0, 1.0, 5.0, np.nan, b, 100.0)
                         for i, b in enumerate(boxes)], columns=COLUMNS)  # fmt: skip
    opt = base.copy()
    opt[COST] = [100.0 + c for c in cost]
    return base, opt


def test_the_trader_costs_change_is_given_per_container_beside_per_declaration():
    reps = [((-30.0, -10.0), (2, 1)), ((-12.0, 0.0), (1, 3))]
    parts = []
    for r, (cost, boxes) in enumerate(reps):
        part = gains_one(*_logs(cost, boxes))
        parts.append(part.assign(option="o", replication=r))
    pooled = summarise_gains(pd.concat(parts, ignore_index=True))
    row = pooled[(pooled["measure"] == COST) & (pooled["dimension"] == "port_direction")].iloc[0]
    assert row["mean_change"] == pytest.approx((-40.0 - 12.0) / 4)  # per declaration
    assert row["mean_change_per_container"] == pytest.approx((-40.0 - 12.0) / 7)
    assert row["baseline_mean_per_container"] == pytest.approx(400.0 / 7)
    _, low, high = confidence_interval([-40.0 / 3, -12.0 / 4])  # each replication's own
    assert (row["ci_low_per_container"], row["ci_high_per_container"]) == pytest.approx(
        (low, high))
    hours = pooled[pooled["measure"] == "clearance"]
    assert hours["mean_change_per_container"].isna().all()  # (hours are per consignment)


def test_a_log_without_containers_gives_no_per_container_figure():
    base, opt = _logs((-30.0, -10.0), (2, 1))
    part = gains_one(base.drop(columns="containers"), opt.drop(columns="containers"))
    pooled = summarise_gains(part.assign(option="o", replication=0))
    assert pooled["mean_change_per_container"].isna().all()
    assert not math.isnan(pooled[pooled["measure"] == COST]["mean_change"].iloc[0])
