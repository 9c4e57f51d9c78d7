"""``bordersim hours --recovery``: each option's backlog above the baseline's queue at the same
sample, its largest excess and the hours until it is back at or below the baseline's."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.report.recovery import excess_backlog, excess_lines

SMALL = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")


def _queues(values: dict[str, list[float]]) -> pd.DataFrame:
    rows = [
        {"t_h": float(t), "port": "sea", "lane": lane, "queue": q, "busy": 0.0, "capacity": 1.0}
        for lane, qs in values.items()
        for t, q in enumerate(qs)
    ]
    return pd.DataFrame(rows)


def test_the_excess_is_set_against_the_baseline_at_each_sample():
    base = _queues({"scanners": [5, 5, 9, 9, 2, 2, 2, 2], "gate": [1] * 8, "exam_slots": [0] * 8})
    option = _queues(
        {"scanners": [5, 5, 9, 15, 14, 6, 2, 1], "gate": [1] * 8, "exam_slots": [9] * 8}
    )
    rows = excess_backlog(option, base, (0.0, 8.0))
    assert rows["lane"].tolist() == ["scanners"]  # no excess at the gate; slots are no queue
    r = rows.iloc[0]
    # the largest excess (14 - 2 at hour 4), not the highest queue (15 at hour 3)
    assert (r.excess_queue, r.peak_h, r["queue"], r.baseline_queue) == (12.0, 4.0, 14.0, 2.0)
    assert r.recovered_h == 2.0  # at hour 6 the option's queue is the baseline's again
    assert excess_lines(rows) == [
        "sea  scanners  +12.0 above the baseline on day 0 at 04:00 (queue 14.0, baseline "
        "2.0); back to the baseline's queue 2 h later"
    ]


def test_an_excess_never_worked_off_and_one_outside_the_window():
    base = _queues({"scanners": [0] * 6})
    option = _queues({"scanners": [0, 0, 3, 4, 4, 4]})
    r = excess_backlog(option, base, (0.0, 6.0)).iloc[0]
    assert r.excess_queue == 4.0 and math.isnan(r.recovered_h)
    assert "not back to the baseline's queue before the run ends" in excess_lines(
        excess_backlog(option, base, (0.0, 6.0))
    )[0]
    assert excess_backlog(option, base, (0.0, 2.0)).empty  # the excess comes after the window


@pytest.fixture(scope="module")
def small_compare(tmp_path_factory):
    out = tmp_path_factory.mktemp("recovery") / "cmp"
    down = "capacity_windows=[{port='sea', lane='scanners', at='9 d', lasts='12 h', servers=0}]"
    argv = ["compare", SMALL, "--option", f"down:{down}", "--reps", "1", "--out", str(out),
            "--no-report", "--days", "5"]
    assert main(argv) == 0
    return out


def test_hours_recovery_reads_a_comparison(small_compare, capsys, tmp_path):
    capsys.readouterr()
    csv = tmp_path / "rec.csv"
    assert main(["hours", str(small_compare), "--recovery", "--csv", str(csv)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "down:"
    assert out[1].startswith("sea  scanners  +") and "above the baseline on day 9 at" in out[1]
    assert out[-1] == ("days count from the run's start: day 0 is the warm-up's first (7 days "
                       "of warm-up), so the observed days are days 7 to 11")
    table = pd.read_csv(csv)
    assert table.loc[0, "lane"] == "scanners" and table.loc[0, "option"] == "down"


def test_hours_recovery_needs_a_comparison_and_no_other_view(small_compare, capsys, tmp_path):
    run = tmp_path / "run"
    assert main(["run", SMALL, "--reps", "1", "--days", "3", "--out", str(run)]) == 0
    capsys.readouterr()
    assert main(["hours", str(run), "--recovery"]) == 2
    assert "--recovery needs a comparison's folder with a baseline" in capsys.readouterr().err
    assert main(["hours", str(small_compare), "--recovery", "--peak"]) == 2
    assert "--recovery is a view of its own" in capsys.readouterr().err
    assert main(["hours", str(small_compare), "--recovery", "--day"]) == 2  # (--day: a view too)
    assert "without --week, --day or --peak" in capsys.readouterr().err
