"""``run --observed published``: the published figures a bundled scenario rests on, set beside
the run's in one command. Each bundled figure names a metric the scenario yields, says
whether it was fitted, cites a source with its year, and is the number its research note
gives; a scenario without such figures is refused with the route for a port's own."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.cli_validation import observed_figures
from sim.experiment.compare import metric_kind
from sim.experiment.metric_names import metric_names
from sim.experiment.validation import check_names, read_observed
from sim.scenario.loader import BUNDLED
from sim.scenario.published import SUFFIX, published_figures_path, with_published

REPO = Path(__file__).resolve().parents[1]
FAST = ["--days", "1", "--reps", "1", "--set", "warmup_days=1", "--set", "drain_days=1"]


def _figures(name: str) -> list[sim.experiment.validation.ObservedFigure]:
    return read_observed(BUNDLED / f"{name}{SUFFIX}")


@pytest.mark.parametrize("name", with_published())
def test_every_figure_is_a_metric_of_its_scenario_with_a_source_and_a_year(name):
    assert (BUNDLED / f"{name}.toml").is_file()
    figures = _figures(name)
    path = BUNDLED / f"{name}.toml"
    check_names(figures, metric_names(sim.load_scenario(path), str(path)), path)
    for f in figures:
        assert f.label.startswith(("fitted: ", "not fitted: ")), f
        assert re.search(r"\b(19|20)\d\d\b", f.label + f.source), f  # the figure's year


@pytest.mark.parametrize("name", with_published())
def test_every_figure_is_the_number_its_research_note_gives(name):
    """The source names a research note (``china-figures.md``, ``published-figures.md``);
    the figure is written there, a share as a percentage."""
    for f in _figures(name):
        note = re.search(r"[\w-]+\.md", f.source)
        assert note, f"{f.metric}: the source names no research note"
        text = (REPO / "docs" / "research" / note.group()).read_text(encoding="utf-8")
        shown = f"{f.observed * 100:g} %" if metric_kind(f.metric) == "share" else (
            f"{f.observed:g}")
        assert shown in text, (f.metric, shown, note.group())


def test_the_default_has_published_figures():
    assert "default" in with_published()
    assert published_figures_path("default") == BUNDLED / f"default{SUFFIX}"
    assert published_figures_path("default.toml") == BUNDLED / f"default{SUFFIX}"


def test_run_sets_the_published_figures_beside_the_runs(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # (no file named "published" here)
    out = tmp_path / "out"
    assert main(["run", "default", *FAST, "--out", str(out), "--observed", "published"]) == 0
    with (out / "validation.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    want = _figures("default")
    assert [r["metric"] for r in rows] == [f.metric for f in want]
    assert [float(r["observed"]) for r in rows] == [f.observed for f in want]
    assert all(r["simulated_mean"] for r in rows)  # (one replication: no interval)
    assert [r["source"] for r in rows] == [f.source for f in want]


def test_a_scenario_without_published_figures_is_refused_with_the_route(
        tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["run", "china-2017", *FAST, "--out", str(tmp_path / "o"),
                 "--observed", "published"])
    err = capsys.readouterr().err
    assert code == 2
    assert "'china-2017' has no bundled published figures" in err
    assert "default" in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_a_file_named_published_is_read_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("published").write_text("metric,observed\nclearance_h_mean,1.5\n", encoding="utf-8")
    path = BUNDLED / "default.toml"
    figures = observed_figures(Path("published"), sim.load_scenario(path), str(path))
    assert [(f.metric, f.observed) for f in figures] == [("clearance_h_mean", 1.5)]


def test_a_figure_of_four_decimals_is_shown_with_them_beside_the_runs():
    """China's 0.57 % (0.0057) read 0.006 beside a simulated 0.006: the row now takes the
    observed figure's decimals, the simulated mean and interval too."""
    from rich.console import Console

    from sim.cli_validation import validation_table
    from sim.experiment.validation import ObservedFigure, validation_rows

    figures = [ObservedFigure("inspection_rate_aeo_advanced_goods", 0.0057),
               ObservedFigure("overall_clearance_h_mean_goods_export", 2.6)]
    summary = {"inspection_rate_aeo_advanced_goods":
               {"mean": 0.005926, "ci_low": 0.004724, "ci_high": 0.007128, "n": 5},
               "overall_clearance_h_mean_goods_export":
               {"mean": 3.0312, "ci_low": 2.973, "ci_high": 3.089, "n": 5}}
    console = Console(width=250, record=True)
    console.print(validation_table(validation_rows(figures, summary)))
    text = console.export_text()
    assert "0.0057 " in text and "0.0059 " in text and "0.0047 " in text and "0.0071 " in text
    assert "2.600 " in text and "3.031 " in text  # (three decimals: the table's usual)


def test_the_reports_row_shows_the_figures_decimals_too():
    from sim.report.validation_section import _row

    row = {"metric": "inspection_rate_aeo_advanced_goods", "label": "", "observed": "0.0057",
           "simulated_mean": "0.005926", "ci_low": "0.004724", "ci_high": "0.007128",
           "difference": "0.000226", "relative_difference": "0.04", "inside": "yes"}
    cells = _row(row)
    assert "<td>0.0057</td><td>0.0059</td><td>[0.0047, 0.0071]</td>" in cells
