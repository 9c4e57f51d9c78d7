"""Arrival rates as an office counts them (per month, per year) and what ``check
--arrivals`` says they come to: per hour, day and month, and at the busiest hour."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from sim.scenario.loader import load_scenario
from sim.scenario.units import UnitError, parse_duration, parse_rate

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
MONTH_H = 365.25 * 24 / 12  # the calendar's average month, in hours


def test_a_rate_per_month_or_year_is_read_on_the_calendars_average():
    assert parse_rate("13500/month") == pytest.approx(13500 / MONTH_H)
    assert parse_rate("13500 / months") == pytest.approx(13500 / MONTH_H)
    assert parse_rate("162000/year") == pytest.approx(162000 / (365.25 * 24))
    assert parse_rate("3 / 2 months") == pytest.approx(1.5 / MONTH_H)


def test_a_misspelt_month_is_refused_with_the_units_a_rate_takes():
    with pytest.raises(UnitError) as err:
        parse_rate("13500/mnth")
    assert "did you mean 'month'?" in str(err.value)
    assert "month (30.44 d), year (365.25 d)" in str(err.value)


def test_a_duration_of_a_month_stays_refused():
    """A month's length would be a guess for a time (30 or 31 days?): only rates take it."""
    with pytest.raises(UnitError, match="unknown time unit 'month'"):
        parse_duration("1 month")


def test_a_scenario_takes_a_monthly_count():
    scenario = load_scenario(SMALL, {"ports.sea.exports.arrivals.rate": "5400/month"})
    assert scenario.ports["sea"].exports.arrivals.rate == pytest.approx(5400 / MONTH_H)


def test_check_arrivals_says_what_the_rates_come_to(capsys):
    """A monthly count over one open hour a day: the average per hour, day and month, and a
    busiest hour 24 times the average; a vessel call's declarations at their mean."""
    one_hour = [0] * 10 + [1] + [0] * 13
    settings = ["--set", 'ports.sea.exports.arrivals.rate="7305/month"',
                "--set", f"ports.sea.exports.arrivals.hourly={one_hour}"]
    assert main(["check", SMALL, *settings, "--arrivals"]) == 0
    out = capsys.readouterr().out.splitlines()
    imports, exports = out
    # 7305 a month is 10/h on average (a month of 730.5 h), 240/d; all of it at 10:00
    assert exports == (
        "ports.sea.exports.arrivals: 10 declarations/h on average, 240/d, 7,305/month "
        "(30.44 d); busiest hour Mon 10:00, 240 declarations/h (24.0 x the average); none in "
        "161 of the week's 168 hours"
    )
    # 3 calls a day of 140 declarations (uniform 70-210): 420/d, 17.5/h, spread evenly
    assert imports == (
        "ports.sea.arrivals: 17.5 declarations/h on average, 420/d, 12,784/month (30.44 d); "
        "3 calls/d of 140 declarations on average; spread about evenly over the week's hours"
    )
