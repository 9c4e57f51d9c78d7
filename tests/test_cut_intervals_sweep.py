"""A sweep's tables mark an interval end cut to what is possible as the comparison's do
(:data:`sim.report.numbers.CUT`, with its note): the printed means, in English and Chinese,
and the folder report's table of points (its Chinese page too). Two replications of a day
give intervals wide enough to reach below 0 or past 1."""

from __future__ import annotations

import contextlib
import html
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.cli_zh import CUT_NOTE_ZH
from sim.experiment.compare import clip_interval
from sim.report.numbers import CUT, CUT_NOTE
from sim.report.sweep_html import render_sweep
from tests.short_runs import short_run

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.fixture(scope="module")
def swept(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A sweep of small.toml over two document-check sizes, 2 replications of a day without
    warm-up, run in English and in Chinese: its folder and the two printouts."""
    tmp = tmp_path_factory.mktemp("cut-sweep")
    printed = []
    for lang in ("en", "zh"):
        out, said = tmp / lang, io.StringIO()
        argv = ["sweep", short_run(tmp, SMALL), "--param",
                "ports.sea.document_check.capacity=1,3", "--days", "1", "--reps", "2",
                "--lang", lang, "--out", str(out)]
        with contextlib.redirect_stdout(said):
            assert main(argv) == 0
        printed.append(said.getvalue())
    return tmp / "en", printed[0], printed[1]


def _cut(metric: str, low: float, high: float) -> tuple[bool, bool]:
    shown = clip_interval(metric, low, high)
    return shown[0] != low, shown[1] != high


def _intervals(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "intervals.csv").dropna(subset=["ci_low", "ci_high"])


def test_the_printed_means_mark_each_cut_end_and_say_what_the_mark_means(
    swept: tuple[Path, str, str],
) -> None:
    folder, english, chinese = swept
    table = english.split("half-width:\n", 1)[1]
    shown = [r for r in table.splitlines() if re.match(r"\d+ ", r)]
    cut = 0
    for _, row in _intervals(folder).iterrows():
        low_cut, high_cut = _cut(row["metric"], row["ci_low"], row["ci_high"])
        cut += low_cut + high_cut
        columns = table.splitlines()[0].split()
        if row["metric"] not in columns:  # (a metric the table does not show)
            continue
        cells = re.findall(r"\S+ (?:\([^)]*\)|±\S+)|\S+", shown[int(row["point"])])
        cell = cells[columns.index(row["metric"]) + 1]  # (the point's number first)
        if not (low_cut or high_cut):
            assert CUT not in cell and "±" in cell, (row["metric"], cell)
            continue
        low, high = cell.split("(", 1)[1].rstrip(")").split(" to ")
        assert (low.endswith(CUT), high.endswith(CUT)) == (low_cut, high_cut), cell
    assert cut > 0 and CUT in english  # (two replications of a day: some are cut)
    assert CUT_NOTE in english and CUT_NOTE not in chinese
    assert CUT_NOTE_ZH in chinese and " 至 " in chinese and CUT in chinese


def test_the_sweep_reports_table_marks_each_cut_end(swept: tuple[Path, str, str]) -> None:
    folder = swept[0]
    page = render_sweep(folder)
    cells = re.findall(r'<td class="mean" [^>]*data-metric="([^"]+)" [^>]*data-ci-low="([^"]+)"'
                       r' data-ci-high="([^"]+)">[^<]*<small>\[([^\]]*)\]</small>', page)
    assert cells
    marked = 0
    for metric, low, high, span in cells:
        low_cut, high_cut = _cut(metric, float(low), float(high))
        a, b = span.split(", ")
        assert (a.endswith(CUT), b.endswith(CUT)) == (low_cut, high_cut), (metric, span)
        marked += low_cut + high_cut
    assert marked > 0
    points = page.split("<h2>Each point against point 0</h2>")[0]  # (the table of points)
    assert points.count(html.escape(CUT_NOTE)) == 1
    out = folder.parent / "report-zh.html"
    assert main(["report", str(folder), "--lang", "zh", "--out", str(out)]) == 0
    zh = out.read_text(encoding="utf-8")
    assert CUT_NOTE_ZH in zh and html.escape(CUT_NOTE) not in zh


def test_a_change_of_shares_past_1_is_cut_and_marked_in_both_tables_of_differences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Point 1 detects 0.9 more in one replication and 0.9 less in the other: two
    replications' t-interval of the change reaches far past -1 and 1; a time's change is
    not cut (it may be negative)."""
    from sim.cli_experiments import _print_differences
    from sim.report.sweep_html import _differences, point_differences

    rows = pd.DataFrame({"point": [0, 0, 1, 1], "replication": [0, 1, 0, 1], "x": [1, 1, 2, 2],
                         "detection_rate": [0.0, 0.9, 0.9, 0.0],
                         "clearance_h_mean": [2.0, 3.0, 2.5, 9.5]})
    design = pd.DataFrame({"x": [1, 2]}, index=pd.Index([0, 1], name="point"))
    metrics = ["detection_rate", "clearance_h_mean"]
    raw = point_differences(rows, metrics, ["x"]).set_index("metric")
    assert raw.at["detection_rate", "ci_low"] < -1 < 1 < raw.at["detection_rate", "ci_high"]
    assert raw.at["clearance_h_mean", "ci_low"] < 0
    page = _differences(design, point_differences(rows, metrics, ["x"]), ["x"])
    spans = dict(re.findall(r'data-metric="([^"]+)">[^<]*<small>\[([^\]]*)\]</small>', page))
    assert [float(e.rstrip(CUT)) for e in spans["detection_rate"].split(", ")] == [-1, 1]
    assert spans["detection_rate"].count(CUT) == 2 and CUT not in spans["clearance_h_mean"]
    assert page.count(html.escape(CUT_NOTE)) == 1
    _print_differences(rows, ["x"], metrics)
    printed = capsys.readouterr().out
    assert f"[-1{CUT}, 1{CUT}]" in printed, printed  # (three significant figures: -1, 1)
    assert printed.count(CUT) == 3 and CUT_NOTE in printed  # (two ends and the note)
    _print_differences(rows, ["x"], metrics, "zh")
    assert CUT_NOTE_ZH in capsys.readouterr().out


def test_the_sweep_report_says_the_cut_note_once_for_both_its_tables(
    swept: tuple[Path, str, str],
) -> None:
    """The table of points and the table of differences from point 0 both mark a cut end:
    the page says what the mark means once, under the first."""
    page = render_sweep(swept[0])
    points, differences = page.split("<h2>Each point against point 0</h2>")
    assert CUT in points and CUT in differences.split("<h2>")[0]
    assert page.count(html.escape(CUT_NOTE)) == 1
