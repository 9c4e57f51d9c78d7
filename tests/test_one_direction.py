"""A run with one direction of trade (the teaching scenarios: imports only) shows each figure
once: its import rows would repeat the pooled rows value for value, in the terminal's key
table and in the report's main table. A run with both directions keeps them."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest

import sim
from sim.cli import _run_rows
from sim.experiment.one_direction import once, only_direction
from sim.report.html import report_rows


@pytest.fixture(scope="module")
def summary() -> dict[str, dict[str, float | None]]:
    """One short replication of ``teaching-mmc`` as a run's summary (a figure no
    replication measured has no mean, as in ``summary.json``)."""
    scenario = sim.load_scenario("teaching-mmc", {"days": 1, "warmup_days": 0})
    metrics = sim.simulate(scenario, seed=1).metrics()
    return {k: {"mean": None if math.isnan(v) else v} for k, v in metrics.items()}


def _repeats(rows: list[str] | tuple[str, ...]) -> list[str]:
    return [r for r in rows if r.endswith("_import") and r.removesuffix("_import") in rows]


def test_the_key_table_of_an_import_only_run_shows_each_figure_once(summary):
    measured = [m for m, v in summary.items() if v["mean"] is not None]
    assert only_direction(measured) == "import"
    assert summary["clearance_h_mean_import"]["mean"] == summary["clearance_h_mean"]["mean"]
    rows, _ = _run_rows(summary, [])
    assert {"clearance_h_mean", "overall_clearance_h_p90", "inspection_rate"} <= set(rows)
    assert _repeats(rows) == []
    # a row by direction with no pooled row beside it stays (it is shown once)
    assert "owner_share_customs_import" in rows
    # asked for by name, an import row is shown
    assert "clearance_h_mean_import" in _run_rows(summary, ["clearance_h_mean_import"])[0]


def test_the_reports_main_table_of_an_import_only_run_shows_each_figure_once(summary):
    table = pd.DataFrame({"metric": list(summary), "mean": [v["mean"] for v in summary.values()]})
    res = SimpleNamespace(summary=table, meta={}, options=[], names=["run"])
    rows = report_rows(res)  # type: ignore[arg-type]
    assert "clearance_h_mean" in rows and _repeats(rows) == []


def test_a_run_with_both_directions_keeps_its_rows_by_direction():
    names = ["clearance_h_mean", "clearance_h_mean_import", "clearance_h_mean_export"]
    assert once(names, names) == names
    assert only_direction(names) is None
    exports_only = ["clearance_h_mean", "clearance_h_mean_export", "clearance_h_mean_import"]
    assert once(exports_only, exports_only[:2]) == ["clearance_h_mean", "clearance_h_mean_import"]
