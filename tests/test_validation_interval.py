"""An observed figure with a 95 % interval of its own (another model's mean over its runs):
the difference's interval from both half-widths, ``agree`` when it holds 0, and every bad
interval an error naming the file, line, column and value."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from sim.experiment.validation import (
    TABLE_COLUMNS,
    ObservedError,
    ObservedFigure,
    read_observed,
    table_csv,
    validation_rows,
)

SUMMARY = {
    "a_h_mean": {"mean": 2.0, "ci_low": 1.7, "ci_high": 2.3, "shown_low": 1.7,
                 "shown_high": 2.3, "n": 5},
    "b_h_mean": {"mean": 2.0, "ci_low": None, "ci_high": None, "n": 1},
}


def test_the_difference_interval_adds_both_half_widths_in_quadrature() -> None:
    # half-widths 0.3 (the run's) and 0.4 (the figure's): the difference's is 0.5
    near = ObservedFigure("a_h_mean", 2.45, low=2.05, high=2.85)
    far = ObservedFigure("a_h_mean", 2.55, low=2.15, high=2.95)
    rows = validation_rows([near, far, ObservedFigure("a_h_mean", 2.45)], SUMMARY)
    assert [r["inside"] for r in rows] == ["no", "no", "no"]  # outside the run's interval
    assert rows[0]["difference_low"] == pytest.approx(-0.45 - 0.5)
    assert rows[0]["difference_high"] == pytest.approx(-0.45 + 0.5)
    assert [r["agree"] for r in rows] == ["yes", "no", ""]  # none without its own interval
    assert rows[2]["difference_low"] is None


def test_a_run_without_an_interval_says_so_rather_than_agree() -> None:
    rows = validation_rows([ObservedFigure("b_h_mean", 2.0, low=1.0, high=3.0),
                            ObservedFigure("c_h_mean", 2.0, low=1.0, high=3.0)], SUMMARY)
    assert [r["agree"] for r in rows] == ["no interval", "not measured"]


def test_the_interval_is_read_and_written_back(tmp_path: Path) -> None:
    path = tmp_path / "observed.csv"
    path.write_text("metric,observed,observed_low,observed_high\n"
                    "a_h_mean,2.45,2.05,2.85\nb_h_mean,2,,\n")
    figures = read_observed(path)
    assert (figures[0].low, figures[0].high) == (2.05, 2.85)
    assert (figures[1].low, figures[1].high) == (None, None)
    kept = tmp_path / "validation.csv"
    kept.write_text(table_csv(validation_rows(figures, SUMMARY)))
    again = read_observed(kept, TABLE_COLUMNS)  # (a run resumed without --observed)
    assert again == [ObservedFigure(f.metric, f.observed, line=f.line, low=f.low,
                                    high=f.high) for f in figures]
    assert math.isclose(validation_rows(again, SUMMARY)[0]["difference_high"], 0.05)


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("clearance_h_mean,3,2,", "line 2, column 'observed_high': empty; give both ends"),
        ("clearance_h_mean,3,,4", "line 2, column 'observed_low': empty; give both ends"),
        ("clearance_h_mean,3,two,4", "column 'observed_low': 'two' is not a number"),
        ("clearance_h_mean,3,3.5,4", "[3.5, 4] does not hold the observed 3"),
        ("clearance_h_mean,3,-1,4", "clearance_h_mean is a time; [-1, 4] goes beyond"),
        ("inspection_rate,0.5,0.4,1.2", "inspection_rate is a share; [0.4, 1.2] goes beyond"),
    ],
)
def test_a_bad_interval_is_an_error_naming_line_and_column(
    tmp_path: Path, row: str, says: str
) -> None:
    path = tmp_path / "observed.csv"
    path.write_text(f"metric,observed,observed_low,observed_high\n{row}\n")
    with pytest.raises(ObservedError) as exc:
        read_observed(path)
    assert "observed.csv" in str(exc.value) and says in str(exc.value)


def test_run_and_report_show_the_difference_interval_and_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """From the command line to validation.csv and the report: a figure at the run's mean
    with a wide interval of its own agrees; one far off with a narrow one does not."""
    import csv
    import json

    from sim.cli import main
    from sim.report.folder_report import render_folder

    small = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")
    fast = ["--days", "2", "--reps", "2", "--set", "warmup_days=1", "--set", "drain_days=3"]
    out = tmp_path / "res"
    assert main(["run", small, *fast, "--out", str(out)]) == 0
    mean = json.loads((out / "summary.json").read_text())["clearance_h_mean"]["mean"]
    path = tmp_path / "observed.csv"
    path.write_text("metric,observed,observed_low,observed_high\n"
                    f"clearance_h_mean,{mean!r},{mean * 0.5!r},{mean * 1.5!r}\n"
                    f"overall_clearance_h_mean,1000,999,1001\n")
    capsys.readouterr()
    assert main(["run", small, *fast, "--out", str(out), "--observed", str(path)]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert "difference 95 % CI" in printed and "agree: the difference's interval" in printed
    with (out / "validation.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["agree"] for r in rows] == ["yes", "no"]
    assert float(rows[0]["difference_low"]) < 0 < float(rows[0]["difference_high"])
    page = render_folder(out)
    assert "<th>difference 95 % CI</th><th>agree</th>" in page
    assert "1 agree: the difference's 95 % interval" in page
