"""Days of the run as dates in ``bordersim hours`` (--day, --peak, --recovery) when the
scenario has a start_date, and a closed day said, not left out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from sim.cli import main
from sim.cli_zh_hours import daily_lines as zh_daily_lines
from sim.report.daily_use import daily_lines, daily_use
from sim.report.run_dates import dated_lines, start_of, with_dates

HERE = Path(__file__).parent
MONDAY = dt.date(2026, 1, 26)


def test_each_day_number_gets_its_date_and_weekday():
    lines = ["p  day 21  desk 0.50", "p  lane  peak queue 4.0 on day 9 at 10:00", "days 7 to 9"]
    assert dated_lines(lines, MONDAY) == [
        "p  day 21 (Mon 2026-02-16)  desk 0.50",
        "p  lane  peak queue 4.0 on day 9 (Wed 2026-02-04) at 10:00",
        "days 7 to 9",
    ]
    zh = dated_lines(["p  第 22 天  desk"], MONDAY, "zh")
    assert zh == ["p  第 22 天（2026-02-17 周二）  desk"]
    assert dated_lines(lines, None) == lines  # (no start_date: as before)
    days = with_dates(pd.DataFrame({"day": [21, 22]}), MONDAY)
    assert list(days["date"]) == ["2026-02-16", "2026-02-17"]
    peaks = with_dates(pd.DataFrame({"peak_h": [21 * 24 + 23.0]}), MONDAY)
    assert list(peaks["date"]) == ["2026-02-16"]
    assert "date" not in with_dates(pd.DataFrame({"day": [1]}), None)
    assert start_of({"start_date": "2026-01-26"}) == MONDAY and start_of({}) is None


def test_a_day_with_no_lane_on_duty_is_said_closed():
    q = pd.DataFrame([(30.0, "p", "desk", 2, 1, 2), (54.0, "p", "desk", 7, 0, 0),
                      (78.0, "p", "desk", 0, 1, 2)],
                     columns=["t_h", "port", "lane", "queue", "busy", "capacity"])
    use = daily_use(q, (24.0, 96.0))
    assert daily_lines(use) == [
        "p  day 1  desk 0.50 (queue 2.0, at most 2.0)",
        "p  day 2  no lane on duty (closed); longest queue desk, at most 7.0",
        "p  day 3  desk 0.50 (queue 0.0, at most 0.0)",
    ]
    closed = "第 2 天  无作业线当班（关闭）；排队最长的作业线 desk，最多 7.0"
    assert closed in zh_daily_lines(use)[1]


def test_hours_by_day_of_a_dated_run_shows_dates(tmp_path, capsys):
    child = tmp_path / "dated.toml"
    child.write_text(f'extends = "{HERE / "scenarios" / "small.toml"}"\nname = "dated"\n'
                     "start_date = 2026-01-26\nwarmup_days = 1\ndays = 2\ndrain_days = 1\n")
    out = tmp_path / "run"
    assert main(["run", str(child), "--reps", "1", "--out", str(out)]) == 0
    capsys.readouterr()
    table = tmp_path / "days.csv"
    assert main(["hours", str(out), "--day", "--port", "sea", "--csv", str(table)]) == 0
    *lines, note = capsys.readouterr().out.strip().splitlines()
    assert [ln.split()[1:5] for ln in lines] == [["day", "1", "(Tue", "2026-01-27)"],
                                                  ["day", "2", "(Wed", "2026-01-28)"]]
    assert "day 0 (Mon 2026-01-26) is the warm-up's first" in note
    assert set(pd.read_csv(table)["date"]) == {"2026-01-27", "2026-01-28"}
