"""``sim.with_clearance``: a per-consignment log with each consignment's clearance hours
(``released - arrived``) beside its ``released``, whose mean over the cohort's released
consignments is the run's ``clearance_h_mean`` (docs/log.md, docs/python.md)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim

SMALL = Path(__file__).resolve().parent / "scenarios" / "small.toml"


def test_the_clearance_column_is_the_metrics_sample():
    scenario = sim.load_scenario(SMALL, {"days": 1, "warmup_days": 0.5, "drain_days": 0.5})
    result = sim.simulate(scenario, seed=3, log=True)
    log = result.log
    assert log is not None
    before = log.copy()
    out = sim.with_clearance(log)
    pd.testing.assert_frame_equal(log, before)  # (the log itself is left as it was)
    cols = list(out.columns)
    assert cols[cols.index("released") + 1] == "clearance_h"
    assert len(cols) == len(log.columns) + 1
    hours = out["clearance_h"]
    gone = out["released"].isna()
    assert gone.any() and hours[gone].isna().all()  # (not released: NaN)
    assert np.allclose(hours[~gone], out["released"][~gone] - out["arrived"][~gone])
    cohort = out[out["cohort"].astype(bool)]
    assert cohort["clearance_h"].mean() == pytest.approx(result.metrics()["clearance_h_mean"])


def test_a_table_that_is_not_a_log_is_refused_by_name():
    with pytest.raises(ValueError, match="no released column"):
        sim.with_clearance(pd.DataFrame({"arrived": [1.0]}))
    with pytest.raises(ValueError, match="already has a clearance_h column"):
        sim.with_clearance(pd.DataFrame({"arrived": [1.0], "released": [2.0],
                                         "clearance_h": [1.0]}))
