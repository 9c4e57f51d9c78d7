"""``bordersim hours``: utilisation by hour of the day or week from a results folder's queue
samples, and each hour's busiest lane among those on duty."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.report.hourly_use import busiest, busiest_lines, hourly_use

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")


def _samples(rows: list[tuple[float, str, str, int, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["t_h", "port", "lane", "queue", "busy", "capacity"])


def test_utilisation_by_hour_is_busy_over_servers_on_duty_in_the_window():
    q = _samples([
        (8.0, "p", "desk", 3, 2, 2), (32.0, "p", "desk", 1, 1, 2),  # 08:00 on two days
        (9.0, "p", "desk", 0, 0, 2), (33.0, "p", "desk", 0, 1, 2),
        (18.0, "p", "desk", 0, 1, 0),  # off duty, finishing a job: overtime
        (8.0, "p", "gate", 0, 5, math.inf), (8.0, "p", "lab", 4, 0, 40),
        (200.0, "p", "desk", 9, 2, 2),  # after the window
    ])
    use = hourly_use(q, (0.0, 48.0)).set_index(["lane", "hour"])
    assert set(use.index.get_level_values("lane")) == {"desk"}  # unlimited and lab left out
    assert use.loc[("desk", 8), "utilisation"] == pytest.approx(3 / 4)
    assert use.loc[("desk", 8), "queue_mean"] == pytest.approx(2.0)
    assert use.loc[("desk", 8), "samples"] == 2
    assert use.loc[("desk", 9), "utilisation"] == pytest.approx(1 / 4)
    assert use.loc[("desk", 18), "utilisation"] == 1.0  # overtime is busy all through
    week = hourly_use(q, (0.0, 48.0), week=True).set_index(["lane", "hour"])
    assert week.loc[("desk", 32), "utilisation"] == pytest.approx(1 / 2)  # Tue 08:00


def test_the_busiest_lane_is_among_those_on_duty_and_binds_from_70_percent():
    q = _samples([
        (8.0, "p", "desk", 3, 2, 2), (8.0, "p", "team", 0, 1, 4),
        (18.0, "p", "desk", 0, 1, 2), (18.0, "p", "team", 0, 1, 0),  # the team in overtime
    ])
    top = busiest(hourly_use(q, (0.0, 24.0))).set_index("hour")
    assert top.loc[8, "lane"] == "desk" and bool(top.loc[8, "binding"])
    assert top.loc[18, "lane"] == "desk"  # not the team off duty
    assert not bool(top.loc[18, "binding"])  # 50 %
    first = busiest_lines(hourly_use(q, (0.0, 24.0)))[0]
    assert first == "p  08:00  desk 1.00 (queue 3.0)  binding"


@pytest.fixture(scope="module")
def small_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hours") / "run"
    assert main(["run", SMALL, "--reps", "2", "--days", "7", "--out", str(out)]) == 0
    return out


def test_hours_prints_each_hour_of_the_day_per_port(small_run, capsys, tmp_path):
    capsys.readouterr()
    csv = tmp_path / "use.csv"
    assert main(["hours", str(small_run), "--port", "sea", "--csv", str(csv)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split()[1] for line in lines] == [f"{h:02d}:00" for h in range(24)]
    assert all(line.startswith("sea  ") for line in lines)
    table = pd.read_csv(csv)
    assert set(table["port"]) == {"sea"} and set(table["hour"]) == set(range(24))
    assert (table["samples"] == 7).all()  # one sample an hour, 7 observed days
    assert table["utilisation"].dropna().between(0, 1).all()


def test_hours_by_week_and_a_port_that_is_not_there(small_run, capsys):
    assert main(["hours", str(small_run), "--week", "--port", "sea"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split()[1:3] == ["Mon", "00:00"] and lines[-1].split()[1:3] == ["Sun", "23:00"]
    assert main(["hours", str(small_run), "--port", "nope"]) == 2
    assert "--port 'nope': no such port" in capsys.readouterr().err


def test_hours_of_a_folder_that_is_not_a_results_folder(tmp_path, capsys):
    assert main(["hours", str(tmp_path / "missing")]) == 2
    assert "not a results folder" in capsys.readouterr().err
