"""The risk engine's daily figures in the ``--json`` summary (sim.experiment.risk_daily_json):
a series per port, direction and class (and option), each figure a list by observed day,
as the replications' own daily tables give them; none without an engine."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from sim.cli import main
from sim.experiment.risk_daily_json import daily_json
from tests.conftest import SMALL

SHORT = ["--days", "1", "--set", "warmup_days=0.5", "--set", "drain_days=0.5"]
ENGINE = ["--set", "risk.target=0.03"]


def test_a_run_with_the_engine_has_its_days_in_the_json(tmp_path, capsys):
    out = tmp_path / "r"
    assert main(["run", str(SMALL), "--reps", "2", *SHORT, *ENGINE, "--json",
                 "--out", str(out)]) == 0
    daily = json.loads(capsys.readouterr().out)["risk_daily"]
    reps = [pd.read_csv(out / "reps" / f"rep-{r:04d}-risk-daily.csv") for r in (0, 1)]
    assert daily["days"] == sorted(set(reps[0]["day"]) | set(reps[1]["day"]))
    assert daily["reps"] == 2
    seen = 0
    for s in daily["series"]:
        for i, day in enumerate(daily["days"]):
            rows = [t[(t["day"] == day) & (t["port"] == s["port"])
                      & (t["direction"] == s["direction"])
                      & (t["trader_class"] == s["trader_class"])] for t in reps]
            if any(r.empty for r in rows):
                continue
            decided = [float(r["decided"].iloc[0]) for r in rows]
            inspected = [float(r["inspected"].iloc[0]) for r in rows]
            assert s["decided"][i] == pytest.approx(sum(decided) / 2)
            assert s["inspected"][i] == pytest.approx(sum(inspected) / 2)
            if all(d > 0 for d in decided):
                rate = sum(k / d for k, d in zip(inspected, decided, strict=True)) / 2
                assert s["rate"][i] == pytest.approx(rate)
                assert s["rate_ci_low"][i] <= s["rate"][i] <= s["rate_ci_high"][i]
                seen += 1
    assert seen > 0


def test_no_engine_no_daily_figures(tmp_path, capsys):
    assert main(["run", str(SMALL), "--reps", "1", *SHORT, "--json",
                 "--out", str(tmp_path / "r")]) == 0
    assert "risk_daily" not in json.loads(capsys.readouterr().out)


def test_a_day_a_series_lacks_is_null_and_a_comparison_keeps_its_options_apart():
    row = {"day": 0, "port": "sea", "direction": "import", "trader_class": "general",
           "reps": 3, "target": 0.03, "decided": 100.0, "inspected": 3.0, "rate": 0.03,
           "rate_ci_low": 0.02, "rate_ci_high": 0.04, "rate_diff": 0.0,
           "rate_diff_ci_low": 0.0, "rate_diff_ci_high": 0.0}
    table = pd.DataFrame([
        {**row, "option": "baseline"}, {**row, "option": "baseline", "day": 2},
        {**row, "option": "t5", "rate": 0.05, "rate_diff": 0.02}])
    got = daily_json(table)
    assert got is not None and got["days"] == [0, 2]
    base, t5 = got["series"]
    assert (base["option"], t5["option"]) == ("baseline", "t5")
    assert base["rate"] == [0.03, 0.03] and t5["rate"] == [0.05, None]
    assert t5["rate_diff"] == [0.02, None] and t5["decided"] == [100, None]
    assert daily_json(table.iloc[0:0]) is None


def test_a_comparisons_json_has_each_options_days_with_the_paired_change(tmp_path, capsys):
    assert main(["compare", str(SMALL), "--reps", "2", *SHORT, *ENGINE, "--option",
                 "t5:risk.target=0.05", "--no-report", "--no-gains", "--json",
                 "--out", str(tmp_path / "c")]) == 0
    daily = json.loads(capsys.readouterr().out)["risk_daily"]
    options = {s["option"] for s in daily["series"]}
    assert options == {"baseline", "t5"}
    held = [s for s in daily["series"] if s["option"] == "t5" and s["trader_class"] == "general"]
    assert held and all(t == 0.05 for s in held for t in s["target"] if t is not None)
    assert all(len(s["rate_diff"]) == len(daily["days"]) for s in daily["series"])
