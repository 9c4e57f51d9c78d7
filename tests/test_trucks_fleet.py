"""bordersim trucks --fleet N: a reform's change per trip times a company's trucks a day and
working days a year, with the interval scaled alike, read off each direction's all row."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from sim import cli_trucks, cli_zh_trucks
from sim.analysis.trucks_fleet import YEARLY, fleet_year
from sim.cli import main
from sim.model.milestones import MILESTONES, OWNERS


def _row(group: str, figure: str, change: float, low: float | None,
         high: float | None) -> dict[str, object]:
    return {"direction": "import", "group": group, "figure": figure, "base": 1.0,
            "change": change, "low": low, "high": high, "n": 3}


def test_a_fleets_year_is_the_change_per_trip_times_its_trips():
    change = pd.DataFrame([
        _row("all", "turnaround_h_mean", -0.5, -0.7, -0.3),
        _row("08-10", "turnaround_h_mean", -9.0, -9.5, -8.5),   # a band's: not the fleet's
        _row("all", "over_limit_share", -0.02, None, None),      # one replication: no interval
        _row("all", "turnaround_h_p90", -1.0, -2.0, 0.0),        # not a yearly figure
        _row("all", "cost_per_trip", math.nan, None, None)])     # unpriced
    year = fleet_year(change, per_day=40.0, days=300.0)
    assert list(year["figure"]) == ["truck_hours", "trips_over_limit", "cost"]
    hours = year.iloc[0]
    assert (hours["change"], hours["low"], hours["high"]) == (
        -0.5 * 12000, -0.7 * 12000, -0.3 * 12000)
    assert year.iloc[1]["change"] == -0.02 * 12000 and math.isnan(year.iloc[1]["low"])
    assert math.isnan(year.iloc[2]["change"])
    band = fleet_year(change, per_day=40.0, days=300.0, group="08-10")  # (all arrive then)
    assert band["change"].tolist() == [-9.0 * 12000]


def test_the_fleets_words_are_said_in_english_and_chinese():
    assert set(cli_trucks.YEAR_WORDS) == set(YEARLY.values()) == set(cli_zh_trucks.YEAR_WORDS)


def _folder(path: Path, stays: list[float]) -> Path:
    """A run's results folder as ``run --log`` writes it, of imports at port ``land`` each
    at the crossing ``stays[i]`` hours (two replications alike), without running a model."""
    base: dict[str, object] = {name: math.nan for name in MILESTONES}
    base.update({f"own_{o}": 0.0 for o in OWNERS})
    base.update({"port": "land", "cohort": True, "outcome": "released", "direction": "import",
                 "trader_class": "general", "commodity": "general", "release_early": False,
                 "quarantine_treat": False, "quarantine_seen": False})
    (path / "reps").mkdir(parents=True)
    (path / "scenario.json").write_text(json.dumps(
        {"days": 1, "ports": {"land": {"mode": "land"}}, "commodities": {"general": {}}}))
    (path / "meta.json").write_text(json.dumps({"seed": 1}))
    for r in range(2):
        log = pd.DataFrame([{**base, "replication": r, "arrived": 10.0 + i,
                             "released": 10.0 + i + h, "exited": 10.0 + i + h}
                            for i, h in enumerate(stays)])
        log.to_parquet(path / "reps" / f"rep-{r:03d}-log.parquet")
    return path


def test_fleet_needs_a_reform_run_and_prints_a_line_a_direction(tmp_path, capsys):
    base = _folder(tmp_path / "base", [1.0, 3.0])
    faster = _folder(tmp_path / "faster", [0.5, 3.0])  # the 10:00 truck half an hour less
    assert main(["trucks", str(base), "--fleet", "40"]) == 2
    assert "error: --fleet: a fleet's yearly change is a reform's: give --against" in (
        capsys.readouterr().err)
    assert main(["trucks", str(base), "--fleet-group", "10-12"]) == 2  # (alone: nothing)
    assert "error: --fleet-group: it picks the row --fleet multiplies" in (
        capsys.readouterr().err)
    assert main(["trucks", str(base), "--fleet", "40", "--fleet-days", "300",
                 "--against", f"faster={faster}"]) == 0
    said = capsys.readouterr().out
    assert "for a fleet of 40 trucks a day, 300 days a year" in said
    assert ("  imports: -3,000 +-0 truck-hours at the crossing; +0 +-0 trips over the duty "
            "limit; +0 +-0 trucks kept overnight\n") in said  # (uncosted: no cost)
    assert main(["trucks", str(base), "--fleet", "40", "--against", f"faster={faster}",
                 "--fleet-days", "300", "--every", "1", "--fleet-group", "10-11"]) == 0
    said = capsys.readouterr().out
    assert "(its trucks all of group 10-11;" in said
    assert "  imports: -6,000 +-0 truck-hours at the crossing;" in said
    assert main(["trucks", str(base), "--fleet", "40", "--against", f"faster={faster}",
                 "--every", "1", "--fleet-group", "07-08"]) == 2
    assert "--fleet-group: '07-08' is not a group of the table; allowed: all, 10-11, 11-12" in (
        capsys.readouterr().err)
