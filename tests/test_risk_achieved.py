"""The risk engine's achieved inspection rate against its target across replications
(risk-achieved.csv, sim.experiment.risk_table): a replication's rate is its own ratio,
averaged over replications; the target is carried beside it (empty for a class the credit
rules set); an option's change is paired; a run's and a comparison's folders hold the file."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.experiment.risk_table import FILE, compare_risk, summarise_risk

HERE = Path(__file__).parent
SMALL = HERE / "scenarios" / "small.toml"


def _table(general: tuple[int, int], aeo: tuple[int, int]) -> pd.DataFrame:
    """One port's imports: (decided, inspected) of general and advanced-AEO traders."""
    return pd.DataFrame({
        "port": "sea", "direction": "import", "trader_class": ["general", "aeo_advanced"],
        "decided": [general[0], aeo[0]], "inspected": [general[1], aeo[1]],
        "rate": [general[1] / general[0], aeo[1] / aeo[0]], "target": [0.05, math.nan],
        "illicit": 0, "illicit_inspected": 0, "raised": 0,
    })


def test_the_rate_is_each_replications_own_averaged_and_the_target_beside_it():
    """Replication 0 inspected 5 of 100 (5 %), replication 1 3 of 10 (30 %): the rate is
    their mean, 17.5 %, not the ratio of the summed counts (8 of 110)."""
    out = summarise_risk({0: _table((100, 5), (50, 1)), 1: _table((10, 3), (50, 1))})
    row = out.set_index("trader_class").loc["general"]
    assert row["rate"] == pytest.approx(0.175)
    assert row["rate_ci_low"] < 0.175 < row["rate_ci_high"]
    assert row["target"] == pytest.approx(0.05)
    assert row["reps"] == 2
    assert math.isnan(out.set_index("trader_class").loc["aeo_advanced", "target"])


def test_an_options_change_in_the_rate_is_paired_by_replication():
    base = {0: _table((100, 5), (50, 1)), 1: _table((200, 20), (50, 1))}
    more = {0: _table((100, 7), (50, 1)), 1: _table((200, 24), (50, 1))}
    out = compare_risk({"baseline": base, "more": more}, "baseline")
    mine = out[(out["option"] == "more") & (out["trader_class"] == "general")].iloc[0]
    assert mine["rate_diff"] == pytest.approx(0.02)
    assert mine["rate_diff_ci_low"] == pytest.approx(0.02)  # (the same change in each)
    assert mine["inspected_diff"] == pytest.approx(3.0)
    assert list(out.columns[:4]) == ["option", "port", "direction", "trader_class"]


_COMMON = [str(SMALL), "--set", "warmup_days=0.25", "--reps", "2", "--set",
           "risk.target=0.05", "--executor", "serial"]  # fmt: skip
_KEYS = ["port", "direction", "trader_class"]


def test_a_runs_folder_holds_it(tmp_path, capsys):
    """(The console says each achieved-rate row's target under the table:
    sim.report.risk_targets.)"""
    assert main(["run", *_COMMON, "--days", "0.5", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "inspection_rate_ordinary_port_sea_import" in out
    assert "risk engine's target beside each" in out and "sea_import 5 %" in out
    table = pd.read_csv(tmp_path / FILE).set_index(_KEYS)
    reps = [pd.read_csv(tmp_path / "reps" / f"rep-000{r}-risk.csv") for r in (0, 1)]
    key = ("sea", "import", "general")
    own = [r.set_index(_KEYS).loc[key, "rate"] for r in reps]
    assert table.loc[key, "rate"] == pytest.approx(sum(own) / 2)
    assert table.loc[key, "target"] == pytest.approx(0.05)


def test_a_comparisons_folder_holds_each_options_rate_and_its_change(tmp_path):
    """(Two days, so that the higher target seizes more: the same comparison shows the
    note that seizures are no gain in themselves, sim.experiment.seizure_notes, and each
    illicit type's change in what was found and slipped, sim.model.illicit_types.)"""
    option = "higher:risk.target=0.5"
    args = ["compare", *_COMMON, "--days", "2", "--option", option, "--no-report",
            "--out", str(tmp_path)]  # fmt: skip
    assert main(args) == 0
    both = pd.read_csv(tmp_path / FILE)
    assert list(both["option"].unique()) == ["baseline", "higher"]
    mine = both[(both["option"] == "higher") & (both["trader_class"] == "general")]
    assert (mine["rate_diff"] > 0).all()
    assert (mine["target"] == 0.5).all()
    _each_types_change_is_paired(tmp_path)
    records = json.loads((tmp_path / "warning-records.json").read_text())["records"]
    said = [r for r in records if r["code"] == "seizures_not_success"]
    assert [(r["option"], "fixed_flow" in r["fields"]) for r in said] == [("higher", True)]


def _each_types_change_is_paired(folder: Path) -> None:
    """Each illicit type's counts and values (sim.model.illicit_types), with no
    ``enforcement.report_by_port``, are in the comparison's differences: the mean of each
    replication's own change, within its interval; the higher target finds more pests (by
    quarantine) and lets fewer slip."""
    reps = pd.read_csv(folder / "replications.csv").set_index(["option", "replication"])
    diffs = pd.read_csv(folder / "differences.csv").set_index("metric")
    for name in ("found_pest_by_quarantine", "slipped_pest", "value_slipped_pest"):
        change = (reps.loc["higher", name] - reps.loc["baseline", name]).mean()
        assert diffs.loc[name, "mean"] == pytest.approx(change, rel=1e-9, abs=1e-6), name
        low, high = diffs.loc[name, ["ci_low", "ci_high"]]
        assert low - 1e-6 <= change <= high + 1e-6, name
    assert diffs.loc["found_pest_by_quarantine", "mean"] > 0 > diffs.loc["slipped_pest", "mean"]
    assert diffs.loc["value_slipped_pest", "mean"] < 0
