"""A month-of-year arrival profile (``arrivals.monthly``): placed on the scenario's calendar,
rescaled so that the rate stays the yearly average, and refused without a calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.cli import main
from sim.model.arrivals import arrival_times, season_rates
from sim.scenario.schema import Arrivals

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
START = dt.date(2018, 1, 1)  # a Monday
SEASON = [1, 0.3, 1, 1, 1, 1, 1, 1, 1, 1, 1.5, 2]
DAY_PROFILE = [1] * 8 + [3] * 10 + [1] * 6


def _months(times: np.ndarray, start: dt.date = START) -> np.ndarray:
    days = np.datetime64(start, "D") + (times // 24).astype(np.int64)
    return days.astype("datetime64[M]").astype(np.int64) % 12


def test_a_years_arrivals_follow_the_months_weights():
    """Over a year, each month's count is Poisson with the mean its weights give (within 4
    standard deviations: a fixed seed, and a 1-in-16,000 chance a month strays further), and
    the year's mean is the rate: weights are rescaled so that ``rate`` stays the average."""
    spec = Arrivals(rate="10/h", hourly=DAY_PROFILE, monthly=SEASON)
    year = 365 * 24
    times = np.concatenate(list(arrival_times(spec, np.random.default_rng(1), year, START)))
    assert np.all(np.diff(times) >= 0) and times.max() < year
    got = np.bincount(_months(times), minlength=12)
    hours = np.arange(year, dtype=float)
    expected = np.bincount(_months(hours), weights=season_rates(spec, START, year), minlength=12)
    assert expected.sum() == pytest.approx(10 * year)  # (the rate is the year's average)
    assert np.all(np.abs(got - expected) < 4 * np.sqrt(expected)), (got, expected.round())
    # February's 28 days at 0.3 against January's 31 at 1: the profile is not ignored
    assert expected[1] / expected[0] == pytest.approx(0.3 * 28 / 31)
    assert got[1] < 0.35 * got[0]


def test_the_day_and_week_profiles_hold_within_a_season():
    """The hour-of-day profile still shapes each day: the busy hours (08:00-18:00, weight 3)
    take 30/44 of a day's arrivals in February as in December."""
    spec = Arrivals(rate="10/h", hourly=DAY_PROFILE, monthly=SEASON)
    times = np.concatenate(list(arrival_times(spec, np.random.default_rng(2), 365 * 24, START)))
    busy = (times % 24 >= 8) & (times % 24 < 18)
    for month in (1, 11):
        share = busy[_months(times) == month].mean()
        n = (_months(times) == month).sum()
        sd = np.sqrt(30 / 44 * 14 / 44 / n)
        assert abs(share - 30 / 44) < 4 * sd, (month, share)


def test_an_even_season_changes_nothing():
    """Equal monthly weights are no season: the times are those without the profile, to
    the bit (the same draws, mapped the same way), so adding the field keeps every pairing."""
    even = Arrivals(rate="10/h", hourly=DAY_PROFILE, monthly=[2] * 12)
    plain = Arrivals(rate="10/h", hourly=DAY_PROFILE)
    a = np.concatenate(list(arrival_times(even, np.random.default_rng(3), 2000.0, START)))
    b = np.concatenate(list(arrival_times(plain, np.random.default_rng(3), 2000.0)))
    assert np.array_equal(a, b)


def test_the_seasonal_mapping_agrees_with_the_weekly_one_when_flat():
    """The seasonal path inverts the run's whole cumulative intensity; with every factor 1 it
    gives the weekly path's times (to rounding): the same draws, the same map."""
    from sim.model.arrivals import _seasonal_map, _times

    spec = Arrivals(rate="10/h", hourly=DAY_PROFILE, weekly=[1, 1, 1, 1, 2, 0.5, 0.2])
    seasonal = _seasonal_map(spec, 3000.0, START)
    a = np.concatenate(list(_times(np.random.default_rng(4), 3000.0, seasonal)))
    b = np.concatenate(list(arrival_times(spec, np.random.default_rng(4), 3000.0)))
    assert len(a) == len(b) and np.allclose(a, b, rtol=0, atol=1e-9)


def test_a_run_across_two_months_sees_the_season():
    """End to end: exports at 180/d with February at a quarter of January's weight. From
    1 January (7 days of warm-up, 42 observed) 31 days fall in January and 18 in February;
    the expected count is 180 x 365 / 344 x (31 + 18 x 0.25) = 6,780 (4 sd: 330)."""
    over = {
        "start_date": "2018-01-01",
        "days": 42,
        "ports.sea.exports.arrivals.monthly": [1, 0.25] + [1] * 10,
    }
    log = sim.simulate(sim.load_scenario(SMALL, over), 1, log=True).log
    exports = log[log.direction == "export"]
    expected = 180 * 365 / 344 * (31 + 18 * 0.25)
    assert abs(len(exports) - expected) < 4 * np.sqrt(expected)
    jan = (exports.arrived < 31 * 24).sum() / 31
    feb = (exports.arrived >= 31 * 24).sum() / 18
    assert feb / jan == pytest.approx(0.25, abs=0.05)


def test_a_monthly_profile_needs_a_calendar(tmp_path, capsys):
    """Without start_date no month is known: the error names the field and what to add; a
    profile of the wrong length names how many weights it needs."""
    path = tmp_path / "s.toml"
    path.write_text(
        f'extends = "{SMALL.as_posix()}"\n'
        "[ports.sea.exports.arrivals]\nrate = \"180/d\"\nmonthly = [1, 1, 1, 1, 1, 1, 1, 1, 1, "
        "1, 1, 2]\n"
    )
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: {path}: ports.sea.exports.arrivals.monthly: a monthly profile needs the "
        "scenario's start_date (a Monday, YYYY-MM-DD) to know which month each day falls in\n"
    )
    with pytest.raises(sim.ScenarioError, match=r"monthly needs 12 weights \(January first\)"):
        sim.load_scenario(SMALL, {"ports.sea.exports.arrivals.monthly": [1] * 7})


def test_check_arrivals_names_the_busiest_and_quietest_months(capsys):
    settings = [
        "--set", 'start_date="2018-01-01"',
        "--set", f"ports.sea.exports.arrivals.monthly={SEASON}",
    ]  # fmt: skip
    assert main(["check", str(SMALL), *settings, "--arrivals"]) == 0
    exports = capsys.readouterr().out.splitlines()[1]
    # mean weight over 365 days: (31 + 28 x 0.3 + 245 + 30 x 1.5 + 31 x 2) / 365 = 1.0723
    assert exports.endswith(
        "; busiest month Dec (1.87 x the yearly average), quietest Feb (0.28 x)"
    ), exports
