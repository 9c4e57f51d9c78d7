"""Public holidays and make-up working days on the office's week
(``organisation.office_hours.holidays``/``workdays``): a request on a holiday waits for the
next working day's opening, a make-up Saturday is open, a unit's open hours leave holidays
out and count make-up days, and the IPR holder's 3 working days skip the holidays. Hours
are counted by hand from time 0, Monday 2026-02-02 00:00 (the dates: an example calendar,
docs/organisation-hours.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.model.holidays import Closures
from sim.model.ipr_calendar import calendar_of, reply_end
from sim.model.org.holiday_hours import HolidayHours
from sim.model.org.hours import Hours, kept
from sim.scenario.office_hours import OfficeHours

SPINDLE = "scenarios/guangdong-spindle.toml"
START = "2026-02-02"  # (a Monday: day 0)
HOLIDAYS = ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23"]
WORKDAYS = ["2026-02-14", "2026-02-28"]  # (Saturdays, days 12 and 26)
OFF, ON = (14, 15, 16, 17, 18, 21), (12, 26)
WEEK = OfficeHours().spans()  # (Monday to Friday, 08:30 to 17:30)


def _hours(on: tuple[int, ...] = ON) -> HolidayHours:
    return HolidayHours(WEEK, Closures(OFF, on), (8.5, 17.5))


def test_a_request_on_a_holiday_morning_waits_for_the_next_working_days_opening():
    h = _hours()
    mon_16_9am = 14 * 24 + 9.0
    assert h.until_open(mon_16_9am) == pytest.approx(22 * 24 + 8.5 - mon_16_9am)  # Tue 24th
    assert h.until_open(21 * 24 + 7.0) == pytest.approx(24 + 1.5)  # Mon 23rd 07:00: Tue
    assert h.until_open(13 * 24 + 20.0) == pytest.approx(22 * 24 + 8.5 - 13 * 24 - 20.0)
    assert h.until_open(10 * 24 + 9.0) == 0.0  # (Thursday 12th: an ordinary working day)
    assert Hours(WEEK).until_open(mon_16_9am) == 0.0  # (without the holiday: open)


def test_a_make_up_saturday_is_open_at_the_usual_hours():
    h = _hours()
    assert h.until_open(12 * 24 + 10.0) == 0.0  # Sat 14th 10:00
    assert h.until_open(11 * 24 + 18.0) == pytest.approx(14.5)  # Fri 13th 18:00: Sat 08:30
    assert h.until_open(12 * 24 + 18.0) == pytest.approx(22 * 24 + 8.5 - 12 * 24 - 18.0)
    assert h.until_open(26 * 24 + 7.0) == pytest.approx(1.5)  # Sat 28th 07:00
    assert Hours(WEEK).until_open(12 * 24 + 10.0) > 24  # (without it: Monday)


def test_a_windows_open_hours_leave_out_the_holidays_and_count_the_make_up_days():
    h = _hours()
    # 3 weeks of 45 h, less 6 holidays of 9 h, plus 2 Saturdays of 9 h
    assert h.open_between(7 * 24.0, 28 * 24.0) == pytest.approx(135 - 54 + 18)
    # Mon 16th 12:00 to Tue 24th 10:00: only Tuesday's 08:30-10:00
    assert h.open_between(14 * 24 + 12.0, 22 * 24 + 10.0) == pytest.approx(1.5)
    assert h.open_between(12 * 24 + 9.0, 12 * 24 + 10.0) == pytest.approx(1.0)


def test_a_friday_finding_before_the_holiday_week_waits_exactly_the_closed_days_longer():
    """Found Friday 13th 15:00: 3 working days end Wednesday 18th 17:30 on the plain week;
    with the holidays, Sat 14th (make-up), Tue 24th and Wed 25th: Wednesday 25th 17:30, 7
    days later; without the make-up day Thursday 26th, 8 days later."""
    office, fri = OfficeHours(), 11 * 24 + 15.0
    plain = reply_end(fri, 3.0, office)
    assert plain == 16 * 24 + 17.5
    assert reply_end(fri, 3.0, office, Closures(OFF, ON)) - plain == 7 * 24
    assert reply_end(fri, 3.0, office, Closures(OFF)) - plain == 8 * 24
    assert reply_end(fri, 0.5, office, Closures(OFF)) == 22 * 24 + 8.5 + 4.5  # Tue 24th


def _spindle(**office: object) -> sim.Scenario:
    return sim.load_scenario(SPINDLE, {"days": 28, "start_date": START,
                                       "organisation.office_hours": office})


def test_the_scenarios_dates_reach_the_staff_and_the_reply_days():
    s = _spindle(holidays=HOLIDAYS, workdays=WORKDAYS)
    h = kept(s, "tariff")
    assert isinstance(h, HolidayHours) and h.until_open(14 * 24 + 9.0) == pytest.approx(
        22 * 24 + 8.5 - 14 * 24 - 9.0
    )
    office, closures = calendar_of(s)
    assert (closures.off, closures.on) == (OFF, ON)
    plain = _spindle()
    assert type(kept(plain, "tariff")) is Hours and not calendar_of(plain)[1]
    assert "holidays" not in plain.model_dump()["organisation"]["office_hours"]


def _check(capsys: pytest.CaptureFixture[str], path: Path, office: str, start: bool) -> str:
    """Check a file extending the spindle with these office hours: refused, its message (and
    in Chinese too, not left untranslated)."""
    spindle = Path(SPINDLE).resolve().as_posix()
    dated = f'start_date = "{START}"\n' if start else ""
    path.write_text(f'extends = "{spindle}"\n{dated}[organisation]\noffice_hours = {office}\n')
    assert main(["check", str(path), "--lang", "zh"]) == 2
    zh = capsys.readouterr().err
    assert zh.startswith("错误") and "尚无中文译文" not in zh, zh
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    return err


@pytest.mark.parametrize(
    ("office", "words"),
    [
        ('{holidays = ["2026-02-16"], workdays = ["2026-02-16"]}',
         ["organisation.office_hours.holidays.0", "2026-02-16", "both"]),
        ('{holidays = ["16/02/2026"]}',
         ["organisation.office_hours.holidays", "'16/02/2026'", "YYYY-MM-DD"]),
        ('{workdays = ["2026-02-30"]}',
         ["organisation.office_hours.workdays", "'2026-02-30'", "YYYY-MM-DD"]),
        ('{holidays = ["2026-02-15"]}',
         ["organisation.office_hours.holidays.0", "2026-02-15", "Sun", "closed anyway"]),
        ('{workdays = ["2026-02-16"]}',
         ["organisation.office_hours.workdays.0", "2026-02-16", "Mon", "open anyway"]),
    ],
)
def test_bad_dates_are_named_by_file_and_field(capsys, tmp_path, office, words):
    err = _check(capsys, tmp_path / "cal.toml", office, start=True)
    for w in ["cal.toml", *words]:
        assert w in err, err


def test_dates_without_a_start_date_are_refused(capsys, tmp_path):
    err = _check(capsys, tmp_path / "cal.toml", '{workdays = ["2026-02-14"]}', start=False)
    for w in ["cal.toml", "organisation.office_hours.workdays", "2026-02-14", "start_date"]:
        assert w in err, err
