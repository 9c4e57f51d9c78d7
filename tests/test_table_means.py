"""The per-option mean tables (a comparison's ``CompareResult.tables``, a report's tables)
keep the labels each replication's table has: a clearance or interval group's ``port``,
``direction`` and ``trader_class``, so the mean joins the per-replication tables and the
summary on them rather than on the packed ``group``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.experiment.compare import _TableMeans
from sim.experiment.table_means import mean_table
from sim.report.folder import _mean_tables

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
LABELS = ["port", "direction", "trader_class"]


def test_the_labels_a_key_determines_stay_beside_the_means():
    one = pd.DataFrame({"group": ["all", "sea/import"], "port": [np.nan, "sea"],
                        "direction": [np.nan, "import"], "mean_h": [1.0, 4.0]})  # fmt: skip
    two = one.assign(mean_h=[3.0, 6.0])
    out = mean_table(pd.concat([one, two], ignore_index=True), ["group"])
    assert list(out.columns) == ["group", "port", "direction", "mean_h"]
    assert out["mean_h"].tolist() == [2.0, 5.0]
    assert out.loc[1, ["port", "direction"]].tolist() == ["sea", "import"]
    assert out.loc[0, ["port", "direction"]].isna().all()  # (every port pooled: empty)


@pytest.fixture(scope="module")
def reps() -> list[sim.RunResult]:
    s = sim.load_scenario(SMALL, {"days": 3, "warmup_days": 1})
    return [sim.simulate(s, r) for r in range(2)]


def _same_labels(mean: pd.DataFrame, one: pd.DataFrame, keys: list[str]) -> None:
    assert set(LABELS) <= set(mean.columns)
    got = mean.set_index(keys)[LABELS].sort_index()
    want = one.set_index(keys)[LABELS].sort_index()
    pd.testing.assert_frame_equal(got.loc[want.index], want, check_dtype=False)


def test_a_comparisons_mean_tables_keep_port_and_direction(reps):
    means = _TableMeans()
    for r in reps:
        means.add("baseline", {"clearance": r.clearance, "intervals": r.intervals})
    out = means.means()["baseline"]
    _same_labels(out["clearance"], reps[0].clearance, ["metric", "dimension", "group"])
    keys = ["interval", "kind", "dimension", "group"]
    _same_labels(out["intervals"], reps[0].intervals, keys)


def test_a_reports_mean_tables_keep_port_and_direction(reps, tmp_path):
    for i, r in enumerate(reps):
        r.clearance.to_csv(tmp_path / f"rep-{i:04d}-clearance.csv", index=False)
    out = _mean_tables(tmp_path, [0, 1])["clearance"]
    one = pd.read_csv(tmp_path / "rep-0000-clearance.csv")
    _same_labels(out, one, ["metric", "dimension", "group"])
