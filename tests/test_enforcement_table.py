"""Finds and seizures by port, direction and illicit type across replications
(enforcement.csv, sim.experiment.enforcement_table): the enforcement table's count of goods
seized, detained or rejected adds up to the seizure metrics, a type missing from one
replication counts 0 there, differences are paired, a run's and a comparison's folders hold
the file, and every column is in the data dictionary."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.experiment.enforcement_table import (
    FILE,
    compare_enforcement_table,
    summarise_enforcement_table,
)

HERE = Path(__file__).parent
SMALL = HERE / "scenarios" / "small.toml"
CAUGHT = ("consignments_seized", "consignments_detained", "consignments_rejected")


def _table(rows: list[tuple[str, int, int]]) -> pd.DataFrame:
    """An enforcement table of one port's imports: (truth, declarations, seized) rows."""
    t = pd.DataFrame(rows, columns=["truth", "declarations", "seized"])
    return t.assign(port="sea", direction="import", value=0.0, detected=t["seized"],
                    detected_value=0.0, audit_detected=0, audit_detected_value=0.0,
                    seized_value=0.0, held=0, held_value=0.0)  # fmt: skip


def test_the_tables_seized_count_adds_up_to_the_seizure_metrics():
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 7, "warmup_days": 2})
    r = sim.simulate(s, 1)
    m = r.metrics()
    # (added last, in turn: old readers unmoved)
    assert list(r.enforcement.columns)[-2:] == ["seized", "found_on_inspection"]
    seized = int(r.enforcement["seized"].sum())
    assert seized > 0
    assert seized == sum(m[c] for c in CAUGHT)
    per_1000 = seized / r.enforcement["declarations"].sum() * 1000
    assert per_1000 == pytest.approx(m["seizures_per_1000"])


def test_a_type_missing_from_a_replication_counts_zero_there():
    """Replication 0 had 2 pest declarations and seized 1; replication 1 had none (its table
    has no pest row): the mean is 0.5 seized over the two, not 1 over the one that had some."""
    one = _table([("compliant", 100, 0), ("pest", 2, 1)])
    two = _table([("compliant", 90, 0)])
    out = summarise_enforcement_table({0: one, 1: two}).set_index("truth")
    assert out.loc["pest", "seized"] == pytest.approx(0.5)
    assert out.loc["pest", "declarations"] == pytest.approx(1.0)
    assert out.loc["pest", "reps"] == 2
    assert out.loc["compliant", "declarations"] == pytest.approx(95.0)


def test_an_options_difference_is_paired_by_replication():
    base = {0: _table([("pest", 10, 1)]), 1: _table([("pest", 100, 10)])}
    more = {0: _table([("pest", 10, 2)]), 1: _table([("pest", 100, 11)])}
    out = compare_enforcement_table({"baseline": base, "more": more}, "baseline")
    mine = out[out["option"] == "more"].iloc[0]
    assert (mine["seized_diff"], mine["seized_diff_ci_low"]) == (1.0, 1.0)
    assert out.loc[out["option"] == "baseline", "seized_diff"].tolist() == [0.0]
    assert list(out.columns[:4]) == ["option", "port", "direction", "truth"]


def test_a_runs_and_a_comparisons_folders_hold_it(tmp_path):
    run, cmp = tmp_path / "run", tmp_path / "cmp"
    common = [str(SMALL), "--days", "7", "--set", "warmup_days=1", "--reps", "2"]
    assert main(["run", *common, "--out", str(run)]) == 0
    table = pd.read_csv(run / FILE)
    reps = pd.read_csv(run / "replications.csv")
    assert table["seized"].sum() == pytest.approx(reps[list(CAUGHT)].sum(axis=1).mean())
    assert table["declarations"].sum() == pytest.approx(reps["consignments_arrived"].mean())
    option = "more_exams:selection.physical.*.*=0.5"
    assert main(["compare", *common, "--option", option, "--no-report", "--out", str(cmp)]) == 0
    both = pd.read_csv(cmp / FILE)
    assert list(both["option"].unique()) == ["baseline", "more_exams"]
    diff = pd.read_csv(cmp / "differences.csv").set_index("metric")["mean"]
    mine = both[both["option"] == "more_exams"]
    assert mine["seized_diff"].sum() == pytest.approx(sum(diff[c] for c in CAUGHT))


def test_every_column_is_in_the_data_dictionary():
    base = {0: _table([("pest", 10, 1)]), 1: _table([("pest", 10, 2)])}
    columns = compare_enforcement_table({"baseline": base, "x": base}, "baseline").columns
    stems = {re.sub(r"(_diff)?(_ci_low|_ci_high)?$", "", c) for c in columns}
    text = (HERE.parent / "docs" / "results-folder.md").read_text()
    run = text.split("### `enforcement.csv`")[1].split("\n### ")[0]
    theirs = text.split("`enforcement.csv` (a comparison's)")[1].split("\n### ")[0]
    explained = set(re.findall(r"`([a-z_]+)`", run + theirs))
    assert stems <= explained, sorted(stems - explained)
    rep = text.split("### `reps/rep-NNNN-enforcement.csv`")[1].split("\n### ")[0]
    assert "`seized`" in rep
