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


def _per_day(arrivals: object) -> float:
    """Declarations a day on average, as ``check --arrivals`` counts them."""
    per_call = arrivals.batch.size.mean if arrivals.batch is not None else 1.0  # type: ignore[attr-defined]
    return float(arrivals.rate * per_call * 24)  # type: ignore[attr-defined]


def test_the_default_scenarios_comments_give_the_declarations_a_day_it_runs():
    """The sea port's note (calls x declarations = a day's average) and the post hub's
    (every port's declarations a day, summed, and the imports alone) say the figures the
    rates give: the weekly weights are rescaled to keep the rate, so a quieter Sunday does
    not lower the average."""
    import re

    path = REPO / "scenarios" / "default.toml"
    text = " ".join(path.read_text(encoding="utf-8").replace("#", " ").split())
    scenario = load_scenario(str(path))
    ports = scenario.ports
    sea = re.search(r"4 calls x 135 = ([\d,]+)/d on average", text)
    assert sea is not None, "the sea port's note on its declarations a day is gone"
    assert float(sea[1].replace(",", "")) == pytest.approx(_per_day(ports["sea_port"].arrivals))
    both = re.search(r"against ([\d,+ ]+) = ([\d,]+) goods declarations", text)
    imports = re.search(r"imports alone ([\d,]+) / ([\d,]+) =", text)
    assert both is not None and imports is not None, "the post hub's note is gone"
    terms = [int(n.replace(",", "")) for n in both[1].split("+")]
    goods = sum(_per_day(a) for name, p in ports.items() if name != "post_hub"
                for a in [p.arrivals, *([p.exports.arrivals] if p.exports else [])])
    assert terms[0] == round(_per_day(ports["sea_port"].arrivals))  # (the sea port's imports)
    assert sum(terms) == int(both[2].replace(",", "")) == round(goods)
    assert int(imports[1]) == round(_per_day(ports["post_hub"].arrivals))
    assert int(imports[2].replace(",", "")) == round(
        sum(_per_day(p.arrivals) for n, p in ports.items() if n != "post_hub"))
