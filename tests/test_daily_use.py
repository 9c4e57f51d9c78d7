"""``bordersim hours --day``: utilisation and queues by day of the run from a results
folder's queue samples, each day's busiest lane and the lane whose queue ran highest: the
days a schedule of vessel calls overloads."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.report.daily_use import busiest_days, daily_lines, daily_use

HERE = Path(__file__).parent
CALLS = HERE / "data" / "vessel-calls.csv"


def _samples(rows: list[tuple[float, str, str, int, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["t_h", "port", "lane", "queue", "busy", "capacity"])


def test_each_day_of_the_window_apart_with_its_busiest_and_deepest_lane():
    q = _samples([
        (30.0, "p", "desk", 2, 2, 2), (40.0, "p", "desk", 6, 2, 2),  # day 1: full, queue 6
        (30.0, "p", "team", 9, 1, 4), (40.0, "p", "team", 11, 1, 4),  # idle, deepest queue
        (50.0, "p", "desk", 0, 1, 2), (50.0, "p", "team", 0, 0, 4),  # day 2: half
        (10.0, "p", "desk", 50, 2, 2),  # day 0: before the window
        (30.0, "p", "gate", 0, 5, math.inf), (30.0, "p", "lab", 40, 0, 40),
    ])
    use = daily_use(q, (24.0, 72.0)).set_index(["lane", "day"])
    assert set(use.index.get_level_values("lane")) == {"desk", "team"}  # unlimited, lab out
    assert set(use.index.get_level_values("day")) == {1, 2}
    assert use.loc[("desk", 1), "utilisation"] == 1.0
    assert use.loc[("desk", 1), "queue_mean"] == 4.0 and use.loc[("desk", 1), "queue_peak"] == 6
    assert use.loc[("desk", 2), "utilisation"] == pytest.approx(0.5)
    top = busiest_days(daily_use(q, (24.0, 72.0))).set_index("day")
    assert top.loc[1, "lane"] == "desk" and bool(top.loc[1, "binding"])
    assert top.loc[1, "deepest"] == "team" and top.loc[1, "deepest_peak"] == 11
    assert not bool(top.loc[2, "binding"])
    assert daily_lines(daily_use(q, (24.0, 72.0))) == [
        "p  day 1  desk 1.00 (queue 4.0, at most 6.0)  binding; longest queue team, at most 11.0",
        "p  day 2  desk 0.50 (queue 0.0, at most 0.0)",
    ]


def test_hours_by_day_of_a_scheduled_run(tmp_path, capsys):
    child = tmp_path / "calls.toml"
    child.write_text(
        f'extends = "{HERE / "scenarios" / "small.toml"}"\nname = "calls"\ndrain_days = 2\n'
        f'[ports.sea.arrivals]\nschedule = "{CALLS}"\n'
    )
    out = tmp_path / "run"
    assert main(["run", str(child), "--reps", "1", "--out", str(out)]) == 0
    capsys.readouterr()
    table = tmp_path / "days.csv"
    assert main(["hours", str(out), "--day", "--port", "sea", "--csv", str(table)]) == 0
    *lines, note = capsys.readouterr().out.strip().splitlines()
    assert [line.split()[:3] for line in lines] == [["sea", "day", str(d)] for d in range(7, 14)]
    assert note == ("days count from the run's start: day 0 is the warm-up's first (7 days of "
                    "warm-up), so the observed days are days 7 to 13")
    days = pd.read_csv(table)
    assert set(days["day"]) == set(range(7, 14)) and (days["samples"] == 24).all()
    assert main(["hours", str(out), "--day", "--peak"]) == 2
    assert "--day and --peak are different views: give one" in capsys.readouterr().err
