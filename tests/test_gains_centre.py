"""gains.csv's mean_change is the pooled mean change while its interval is of the
replications' own means (so not its centre when replications differ in size), as
docs/how-results-are-computed.md says."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.experiment.gains import summarise_gains

DOC = Path(__file__).resolve().parents[1] / "docs" / "how-results-are-computed.md"


def test_mean_change_is_pooled_and_its_interval_of_the_replications_means():
    key = {"option": "a", "measure": "clearance", "dimension": "all", "port": "all",
           "direction": "all", "group": "all"}
    per_rep = pd.DataFrame([
        {**key, "replication": 0, "n": 10, "sum_change": -10.0, "worse": 0, "better": 10,
         "base_sum": 100.0},
        {**key, "replication": 1, "n": 30, "sum_change": -90.0, "worse": 0, "better": 30,
         "base_sum": 300.0},
        {**key, "replication": 2, "n": 20, "sum_change": -20.0, "worse": 0, "better": 20,
         "base_sum": 200.0},
    ])
    row = summarise_gains(per_rep).query("dimension == 'all'").iloc[0]
    assert row["mean_change"] == -120.0 / 60  # pooled
    centre = (row["ci_low"] + row["ci_high"]) / 2
    assert abs(centre - (-1.0 - 3.0 - 1.0) / 3) < 1e-12  # the replications' means
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    assert "`mean_change`, the pooled mean change" in text
    assert "not the interval's centre" in text
