"""``class-differences.csv``: each trader class against general traders at the same port and
direction, the per-replication differences paired (same seed) with a 95 % t interval."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from sim.analysis.stats import confidence_interval
from sim.experiment.class_differences import COLUMNS, FILE, class_differences

NAME = "border_burden_per_consignment_{}_port_sea_port_import"


def test_each_class_is_set_against_general_paired_within_replications():
    general, aeo = [100.0, 130.0, 80.0, 55.0], [50.0, 81.0, 29.0, math.nan]
    per_rep = pd.DataFrame({NAME.format("general"): general, NAME.format("aeo_advanced"): aeo,
                            "clearance_h_mean": [1.0] * 4})  # fmt: skip
    table = class_differences(per_rep)
    assert list(table.columns) == COLUMNS and len(table) == 1
    row = table.iloc[0]
    assert (row["metric"], row["port"], row["direction"], row["class"]) == (
        "border_burden_per_consignment", "sea_port", "import", "aeo_advanced")
    pairs = [a - g for a, g in zip(aeo, general, strict=True) if not math.isnan(a)]
    mean, low, high = confidence_interval(pairs)
    assert row["reps"] == 3 and row["difference"] == pytest.approx(mean)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
    assert row["general_mean"] == pytest.approx(310 / 3)  # (over the replications paired)
    # paired, the interval is narrower than the two means' spread would give
    assert row["ci_high"] - row["ci_low"] < 0.5 * (max(general) - min(general))


def test_a_run_folder_has_the_class_differences(tmp_path: Path):
    import sim
    from sim.cli import main

    out = tmp_path / "run"
    path = sim.default_scenario_path()
    # (no warm-up, one drain day: the same rows, classes and no empty difference as with
    # the scenario's 14 and 14 days, compared once; the check is an identity of the folder)
    short = ["--set", "warmup_days=0", "--set", "drain_days=1"]
    assert main(["run", str(path), "--days", "2", "--reps", "2", *short, "--out", str(out)]) == 0
    table = pd.read_csv(out / FILE)
    per_rep = pd.read_csv(out / "replications.csv")
    assert len(table) and set(table["class"]) <= {"aeo_advanced", "aeo_general", "discredited"}
    row = table[(table.metric == "border_burden_per_consignment") & (table.port == "sea_port")
                & (table.direction == "import") & (table["class"] == "aeo_advanced")].iloc[0]
    want = (per_rep[NAME.format("aeo_advanced")] - per_rep[NAME.format("general")]).mean()
    assert row["difference"] == pytest.approx(want)
