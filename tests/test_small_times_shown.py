"""A time in hours too small for the terminal's three decimals (a difference of a fraction
of a second, ``-0.000036`` h) reads in seconds with its unit, in the comparison table and in
the run table; the files keep hours."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from rich.console import Console

from sim.cli import _run_table_rows
from sim.cli_compare import table
from sim.report.folder import read_compare

METRIC = "clearance_h_mean"
TINY = {"mean": -0.000036, "ci_low": -0.0002, "ci_high": 0.00013}


def _printed(res) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=400).print(table(res, (METRIC, "inspection_rate")))
    return out.getvalue().splitlines()


def test_a_tiny_difference_in_hours_reads_in_seconds(doc1_compare: Path) -> None:
    res, _ = read_compare(doc1_compare)
    d = res.differences
    at = (d["metric"] == METRIC) & (d["option"] == "doc1")
    for column, value in TINY.items():  # (the difference of the README's third step)
        d.loc[at, column] = value
    d.loc[at, "shown_low"], d.loc[at, "shown_high"] = TINY["ci_low"], TINY["ci_high"]
    row = next(line for line in _printed(res) if "doc1" in line)
    assert "-0.13 s" in row and "-0.72 s to 0.47 s" in row, row
    assert "0.000036" not in row and "-0.00020" not in row
    assert float(pd.read_csv(doc1_compare / "differences.csv").query(
        "metric == @METRIC and option == 'doc1'")["mean"].iloc[0]) != TINY["mean"]
    others = [line for line in _printed(res) if " s" in line and "doc1" not in line]
    assert not any("rate" in line for line in others)  # (a share is never in seconds)


def test_a_tiny_time_in_the_run_table_reads_in_seconds_and_a_share_does_not() -> None:
    tiny = {**TINY, "ci_low": 0.0001}  # (a mean time's interval is cut at 0)
    summary: dict[str, dict[str, float | None]] = {
        METRIC: dict(tiny), "inspection_rate": dict(tiny),
        "overall_clearance_h_mean": {"mean": 5.5, "ci_low": 5.0, "ci_high": 6.0}}
    rows, _ = _run_table_rows(summary, list(summary), 4, None, None, "en")
    cells = {row[0]: row[2:] for row in rows}
    assert cells[METRIC] == ("-0.13 s", "0.36 s", "0.47 s")
    assert cells["overall_clearance_h_mean"] == ("5.500", "5.000", "6.000")
    assert not any(c.endswith(" s") for c in cells["inspection_rate"])
