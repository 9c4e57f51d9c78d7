"""The office's holidays and make-up days the run does not reach are warned about: a list
in the wrong year closed no arriving day and said nothing. A year's holidays listed for a
month's run, some within it, stay quiet; dates before the run's start never count."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.scenario.office_dates import unused_office_dates
from sim.warning_codes import classify

EXAMPLE = Path(__file__).parents[1] / "docs" / "examples" / "office-hours" / "spring-festival.toml"
HOLIDAYS = "organisation.office_hours.holidays"
WORKDAYS = "organisation.office_hours.workdays"


def _said(settings: dict) -> list[str]:
    return unused_office_dates(sim.load_scenario(EXAMPLE, settings))


def test_the_examples_dates_all_fall_in_the_run():
    assert _said({}) == []


def test_a_year_of_holidays_with_some_in_the_run_is_quiet():
    """2026's holidays for a run of 2 February to 8 March: most after it, none before."""
    year = ["2026-02-16", "2026-02-17", "2026-04-06", "2026-05-01", "2026-10-01"]
    assert _said({HOLIDAYS: year}) == []


def test_holidays_in_the_year_before_are_said_with_the_runs_days():
    said = _said({HOLIDAYS: ["2025-01-29", "2025-01-30", "2025-02-03"]})
    assert said == [
        "organisation.office_hours.holidays: 3 of its 3 dates (2025-01-29 to 2025-02-03) fall "
        "outside the run's arriving days (2026-02-02 to 2026-03-08, warm-up included), none "
        "within them, so they close no arriving day; the 3 before its start change nothing; "
        "check their year or the start_date"
    ]
    code, fields, figures = classify(said[0])
    assert code.code == "office_dates_outside_run"
    assert fields["dates"] == "holidays" and fields["run_first"] == "2026-02-02"
    assert figures == {"outside": 3, "listed": 3, "before": 3}


def test_a_date_before_the_start_is_said_though_others_fall_within():
    said = _said({WORKDAYS: ["2026-01-31", "2026-02-14"]})
    assert len(said) == 1 and "1 of its 2 dates (2026-01-31 to 2026-01-31)" in said[0]
    assert "none within" not in said[0] and "the 1 before its start" in said[0]
    assert classify(said[0])[2] == {"outside": 1, "listed": 2, "before": 1}


def test_a_list_wholly_after_the_run_is_said_without_a_before_clause():
    said = _said({HOLIDAYS: ["2027-02-08"], WORKDAYS: []})
    assert len(said) == 1 and ", so they close no arriving day; check" in said[0]
    fields, figures = classify(said[0])[1:]
    assert "none_within" in fields and "before" not in figures


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "warning: organisation.office_hours.holidays: 2 of its 2 dates"),
    ("zh", "警告：organisation.office_hours.holidays 所列 2 个日期中有 2 个（2025-01-29 至 "
           "2025-01-30）不在本次运行的到港日（2026-02-02 至 2026-03-08，含预热期）之内"),
])
def test_check_prints_it(lang: str, words: str, capsys: pytest.CaptureFixture[str]):
    setting = f'{HOLIDAYS}=["2025-01-29","2025-01-30"]'
    assert main(["check", str(EXAMPLE), "--set", setting, "--lang", lang]) == 0
    err = capsys.readouterr().err
    assert words in err, err
