"""``bordersim hours --recovery``: each option's backlog above the baseline's queue at the same
sample, its largest excess and the hours until it is back at or below the baseline's."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.report.recovery import excess_backlog, excess_lines
from tests.test_cli_lang_notes import english_left

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


def _every_5_min(values: dict[str, list[float]], start_h: float = 14.0) -> pd.DataFrame:
    """Queue samples one every 5 minutes from ``start_h`` (sample k at start_h + k/12 h)."""
    table = _queues(values)
    return table.assign(t_h=start_h + table["t_h"] / 12)


def test_a_backlog_cleared_between_whole_hours_is_told_to_the_minute():
    from sim import cli_zh_hours as zh

    # the peak at the 3rd sample (14:10), back at the baseline's at the 7th (14:30)
    base = _every_5_min({"scanners": [2, 2, 2, 2, 2, 2, 2, 2, 2]})
    option = _every_5_min({"scanners": [2, 4, 9, 6, 5, 3, 2, 2, 2]})
    rows = excess_backlog(option, base, (0.0, 24.0))
    assert excess_lines(rows, 5 / 60) == [
        "sea  scanners  +7.0 above the baseline on day 0 at 14:10 (queue 9.0, baseline 2.0); "
        "back to the baseline's queue on day 0 at 14:30, 20 min later"
    ]
    assert zh.excess_lines(rows, 5 / 60) == [
        "sea  scanners  超出基准方案 +7.0，在第 0 天 14:10（排队 9.0，基准方案 2.0）；"
        "第 0 天 14:30 回到基准方案的排队水平（20 分钟后）"
    ]
    # over the hour and past midnight: 23:55 + 2 h 35 min = day 1 at 02:30
    late = _every_5_min({"scanners": [0, 5] + [5] * 30 + [0]}, start_h=23 + 50 / 60)
    flat = _every_5_min({"scanners": [0] * 33}, start_h=23 + 50 / 60)
    assert excess_lines(excess_backlog(late, flat, (0.0, 48.0)), 5 / 60)[0].endswith(
        "on day 0 at 23:55 (queue 5.0, baseline 0.0); back to the baseline's queue on day 1 "
        "at 02:30, 2 h 35 min later"
    )


def test_hourly_samples_say_their_times_are_to_the_hour(small_compare, capsys):
    from sim import cli_zh_hours as zh
    from sim.report.recovery import resolution_note

    capsys.readouterr()
    assert main(["hours", str(small_compare), "--recovery"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2] == (
        "times are to the hour only: the folder's queue samples are one every 1 h "
        "(queue_sample), so a backlog cleared between two samples shows at the next; for "
        "minutes, run again with --set queue_sample='5 min'"
    )
    assert "h later" in out[1] and " at 2" not in out[1].split(";")[1]  # (no moment told)
    assert resolution_note(6.0).startswith("times are to the sample only: the folder's queue "
                                           "samples are one every 6 h")
    assert zh.resolution_note(1.0).startswith("时间只精确到小时：本文件夹的排队采样每隔 1 小时")


@pytest.fixture(scope="module")
def fine_compare(tmp_path_factory):
    out = tmp_path_factory.mktemp("recovery-fine") / "cmp"
    down = "capacity_windows=[{port='sea', lane='scanners', at='8 d', lasts='12 h', servers=0}]"
    argv = ["compare", SMALL, "--option", f"down:{down}", "--reps", "1", "--out", str(out),
            "--no-report", "--days", "3", "--set", "queue_sample=5 min"]
    assert main(argv) == 0
    return out


def test_hours_recovery_with_five_minute_samples(fine_compare, capsys, tmp_path):
    import re

    from sim.report.peak_backlog import clock

    capsys.readouterr()
    csv = tmp_path / "rec.csv"
    assert main(["hours", str(fine_compare), "--recovery", "--csv", str(csv)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2].startswith("times are to the queue sample, one every 5 min (queue_sample)")
    table = pd.read_csv(csv)
    lines = [ln for ln in out if "above the baseline" in ln]
    assert len(lines) == len(table) > 0
    for line, r in zip(lines, table.to_dict("records"), strict=True):
        peak = re.search(r"on day (\d+) at (\d\d):(\d\d) \(", line)
        assert peak and int(peak[3]) % 5 == 0
        assert (int(peak[1]), f"{peak[2]}:{peak[3]}") == clock(r["peak_h"])
        if math.isfinite(r["recovered_h"]):
            day, at = clock(r["peak_h"] + r["recovered_h"])
            assert f"back to the baseline's queue on day {day} at {at}, " in line
    capsys.readouterr()
    assert main(["hours", str(fine_compare), "--recovery", "--lang", "zh"]) == 0
    said = capsys.readouterr().out
    assert "时间精确到排队采样，每隔 5 分钟" in said and "分钟后）" in said
    assert english_left(said) == [], english_left(said)
