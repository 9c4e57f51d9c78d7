"""Observed figures against a run's (``run --observed FILE``): the validation table, its
file, its errors before anything runs, and the report's section."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sim.cli import main
from sim.experiment.validation import (
    ObservedError,
    ObservedFigure,
    read_observed,
    validation_rows,
)

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
FAST = ["--days", "2", "--reps", "2", "--set", "warmup_days=1", "--set", "drain_days=3"]


def _file(tmp_path: Path, text: str, name: str = "observed.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_figure_is_inside_when_its_observed_value_is_within_the_interval():
    """Inside is judged against the interval as shown, at both ends; a figure without an
    interval (one replication) or not measured says so rather than guess."""
    summary = {
        "a_h_mean": {"mean": 2.0, "ci_low": 1.5, "ci_high": 2.5, "shown_low": 1.5,
                     "shown_high": 2.5, "n": 3},
        "b_h_mean": {"mean": 2.0, "ci_low": None, "ci_high": None, "n": 1},
        "c_h_mean": {"mean": None, "ci_low": None, "ci_high": None, "n": 0},
    }
    figures = [ObservedFigure("a_h_mean", x) for x in (1.5, 2.5, 1.49, 3.0)]
    rows = validation_rows(figures, summary)
    assert [r["inside"] for r in rows] == ["yes", "yes", "no", "no"]
    assert rows[3]["difference"] == pytest.approx(-1.0)
    assert rows[3]["relative_difference"] == pytest.approx(-1 / 3)
    other = validation_rows([ObservedFigure("b_h_mean", 2.0), ObservedFigure("c_h_mean", 1.0),
                             ObservedFigure("a_h_mean", 0.0)], summary)
    assert [r["inside"] for r in other] == ["no interval", "not measured", "no"]
    assert other[2]["relative_difference"] is None  # (no ratio to an observed 0)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("metric,observed\ninspection_rate,6\n",
         "line 2, column 'observed': inspection_rate is a share, from 0 to 1; got 6 "
         "(write 6 % as 0.06)"),
        ("metric,observed\ninspection_rate,6%\n", "write a share as a fraction"),
        ("metric,observed\nclearance_h_mean,-1\n", "clearance_h_mean is a time, 0 or more"),
        ("metric,observed\nclearance_h_mean,three\n", "'three' is not a number"),
        ("metric,observed,stage\nclearance_h_mean,3,x\n",
         "line 1 (the header): unknown column 'stage'; allowed: metric, observed, label, source"),
        ("metric,label\nclearance_h_mean,x\n", "column 'observed' is required"),
        ("metric,observed\nclearance_h_mean,3\nclearance_h_mean,4\n",
         "line 3, column 'metric': 'clearance_h_mean' is given twice (also line 2)"),
        ("metric,observed\nclearance_h_mean,3,x\n", "line 2: the row has 3 cell(s)"),
        ("metric,observed\n", "has a header but no figure"),
        ("# nothing\n\n", "is empty"),
    ],
)
def test_a_bad_observed_file_is_an_error_naming_the_file_line_column_and_value(
    tmp_path, text, says
):
    path = _file(tmp_path, text)
    with pytest.raises(ObservedError) as err:
        read_observed(path)
    assert says in str(err.value)
    assert "observed.csv" in str(err.value)


def test_comments_blank_lines_and_quoted_cells_are_read(tmp_path):
    path = _file(tmp_path, '# our TRS\n\nmetric,observed,source\n'
                           'clearance_h_mean, 3.5 ,"TRS 2024, table 4"\n')
    [figure] = read_observed(path)
    assert (figure.metric, figure.observed, figure.source, figure.line) == (
        "clearance_h_mean", 3.5, "TRS 2024, table 4", 4)


def test_a_metric_the_scenario_cannot_yield_is_refused_before_the_run(tmp_path, capsys):
    """A misspelt metric stops the command (status 2) before any replication runs, naming the
    line and the nearest name; no results folder is made."""
    path = _file(tmp_path, "metric,observed\nclearance_h_maen,3\n")
    out = tmp_path / "res"
    assert main(["run", SMALL, *FAST, "--out", str(out), "--observed", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 2, column 'metric': metric 'clearance_h_maen' is not a metric" in err
    assert "did you mean 'clearance_h_mean'" in err
    assert not out.exists()


def test_run_writes_the_validation_table_and_prints_it(tmp_path, capsys):
    """The table's figures are the run's summary figures, so a reader can trust the match;
    it is printed after the key table, given in --json and shown in the report."""
    path = _file(tmp_path, "metric,observed,label,source\n"
                           "clearance_h_mean,1000,arrival to release,TRS\n"
                           "consignments_arrived,1e9,none,made up\n")
    out = tmp_path / "res"
    assert main(["run", SMALL, *FAST, "--out", str(out), "--observed", str(path)]) == 0
    printed = " ".join(capsys.readouterr().out.split())  # (the caption wraps)
    assert "Observed against simulated" in printed
    assert "0 of 2 observed figure(s) inside the run's 95 % interval" in printed
    summary = json.loads((out / "summary.json").read_text())
    with (out / "validation.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["metric"] for r in rows] == ["clearance_h_mean", "consignments_arrived"]
    for row in rows:
        s = summary[row["metric"]]
        assert float(row["simulated_mean"]) == pytest.approx(s["mean"])
        assert float(row["ci_low"]) == pytest.approx(s["shown_low"])
        assert float(row["ci_high"]) == pytest.approx(s["shown_high"])
        assert row["inside"] == "no"
    assert rows[0]["label"] == "arrival to release" and rows[0]["source"] == "TRS"

    # an observed value set at the simulated mean is inside; --json carries the rows
    mean = summary["clearance_h_mean"]["mean"]
    path.write_text(f"metric,observed\nclearance_h_mean,{mean!r}\n", encoding="utf-8")
    assert main(["run", SMALL, *FAST, "--out", str(out), "--observed", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["inside"] for r in data["validation"]] == ["yes"]

    from sim.report.folder_report import render_folder

    page = render_folder(out)
    assert "Observed against simulated" in page
    assert "1 of 1 observed figure(s) fall inside" in page


def test_a_resumed_run_sets_the_kept_figures_against_its_new_summary(tmp_path, capsys):
    """Rerun into the folder with more replications and no --observed: validation.csv is
    rewritten from the new summary, never left describing the old one."""
    path = _file(tmp_path, "metric,observed\nclearance_h_mean,1\n")
    out = tmp_path / "res"
    assert main(["run", SMALL, *FAST, "--out", str(out), "--observed", str(path)]) == 0
    more = [*FAST]
    more[more.index("--reps") + 1] = "3"
    assert main(["run", SMALL, *more, "--out", str(out)]) == 0
    capsys.readouterr()
    summary = json.loads((out / "summary.json").read_text())
    with (out / "validation.csv").open(newline="") as f:
        [row] = list(csv.DictReader(f))
    assert row["reps"] == "3"
    assert float(row["simulated_mean"]) == pytest.approx(summary["clearance_h_mean"]["mean"])


def test_observed_figures_are_added_to_a_finished_run_without_running_it(tmp_path, capsys,
                                                                         monkeypatch):
    """The same command again with --observed computes nothing (every replication is kept)
    and writes the table from the folder's summary."""
    import sim.model.run

    out = tmp_path / "res"
    assert main(["run", SMALL, *FAST, "--out", str(out)]) == 0
    assert not (out / "validation.csv").exists()

    def no_run(*args, **kwargs):
        raise AssertionError("a finished run was run again")

    monkeypatch.setattr(sim.model.run, "simulate", no_run)
    path = _file(tmp_path, "metric,observed\nclearance_h_mean,1\n")
    assert main(["run", SMALL, *FAST, "--out", str(out), "--observed", str(path)]) == 0
    capsys.readouterr()
    assert (out / "validation.csv").read_text().startswith("metric,label,observed")
