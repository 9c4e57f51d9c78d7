"""A capacity window that puts exam teams on duty outside the exam yard's slot hours (no
examination starts then) is warned about: the window, the lane, the hours, the staff-hours
paid above the schedule and what to give instead; ``added`` windows, windows within the
slot hours, fewer staff than the schedule's and a yard open round the clock are not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sim.cli import main
from sim.scenario.exam_window_hours import exam_window_hours
from sim.scenario.loader import load_scenario

SMALL = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")
#: small.toml's exam teams: 6 round the clock; make them a day shift, 08:00-18:00
DAY = {"ports.sea.exam.teams": {"schedule": [0] * 8 + [4] * 10 + [0] * 6}}


def _said(window: dict[str, Any], **more: Any) -> list[str]:
    w = {"port": "sea", "lane": "exam_teams", "at": "8 d", "lasts": "2 d", **window}
    return exam_window_hours(load_scenario(SMALL, {**DAY, **more, "capacity_windows": [w]}))


def test_teams_on_duty_all_night_are_warned_of_with_their_hours():
    (said,) = _said({"servers": 13})
    assert said.startswith(
        "capacity_windows.0 puts 13 exam_teams on duty at port sea in 30 hours outside its "
        "exam yard's hours (slots 08:00-17:00): 17:00-08:00;")
    # (17:00 is staffed by the schedule: 9 more there, 13 in the other 14 night hours)
    assert f"the {2 * 9 + 2 * 14 * 13} staff-hours above the schedule" in said
    assert "give added = 9 instead of servers" in said


@pytest.mark.parametrize("window, more", [
    ({"added": 9}, {}),  # (adds to the schedule's staffed hours only)
    ({"servers": 13, "at": "200 h", "lasts": "9 h"}, {}),  # (day 8, 08:00-17:00)
    ({"servers": 0}, {}),  # (a breakdown: no staff paid above the schedule)
    ({"servers": 13}, {"ports.sea.exam.slots": {"day_start": "00:00", "day_end": "24:00"}}),
], ids=["added", "day-hours", "closure", "round-the-clock-yard"])
def test_no_warning_where_every_hour_can_be_worked(window: dict[str, Any],
                                                    more: dict[str, Any]) -> None:
    assert _said(window, **more) == []


def test_check_says_it_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    night = "capacity_windows=[{port='sea', lane='exam_teams', at='8 d', lasts='1 d', servers=9}]"
    assert main(["check", SMALL, "--set", night]) == 0
    assert "warning: capacity_windows.0 puts 9 exam_teams on duty at port sea in 15 hours" in (
        capsys.readouterr().err)
