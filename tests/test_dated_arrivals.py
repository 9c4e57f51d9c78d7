"""Dated arrival factors (``arrivals.dated``): windows of calendar days whose rate is a
multiple of the profiles', placed by start_date; unset, the times are the old ones to the
bit; bad windows are refused with the field and what is allowed."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.cli import main
from sim.model.arrivals import arrival_times
from sim.scenario.schema import Arrivals

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
START = dt.date(2026, 2, 2)  # a Monday
DAY_PROFILE = [1] * 8 + [3] * 10 + [1] * 6
# days 7-13 (9 to 15 February) at twice the rate, days 14-20 (16 to 22 February) at none
WINDOWS = [
    {"from": "2026-02-09", "to": "2026-02-15", "factor": 2},
    {"from": "2026-02-16", "to": "2026-02-22", "factor": 0},
]


def _times(spec: Arrivals, seed: int, until: float, start: dt.date | None = START) -> np.ndarray:
    return np.concatenate(list(arrival_times(spec, np.random.default_rng(seed), until, start)))


def test_a_factor_2_window_doubles_the_arrivals_and_a_factor_0_one_has_none():
    """Week 0 at the base rate, week 1 at twice it, week 2 at none, week 3 at the base rate.
    A week's count is Poisson (10/h x 168 h = 1,680, sd 41); the doubled week's is 3,360
    (sd 58): each is within 4 sd of its mean (a fixed seed; a 1-in-16,000 chance each), and
    the ratio 2 is far from 1 by that tolerance (a window ignored would give 1,680)."""
    spec = Arrivals(rate="10/h", hourly=DAY_PROFILE, dated=WINDOWS)
    times = _times(spec, 1, 4 * 168)
    weeks = np.bincount((times // 168).astype(int), minlength=4)
    base = 10 * 168
    for week, factor in ((0, 1), (1, 2), (3, 1)):
        assert abs(weeks[week] - factor * base) < 4 * math.sqrt(factor * base), weeks
    assert weeks[2] == 0, weeks
    # the hour-of-day profile still shapes the doubled days
    busy = ((times % 24 >= 8) & (times % 24 < 18))[(times // 168).astype(int) == 1].mean()
    assert abs(busy - 30 / 44) < 4 * math.sqrt(30 / 44 * 14 / 44 / weeks[1])


def test_no_dated_factors_keep_the_old_times_to_the_bit():
    """Unset, the weekly fast path makes the times, as before the field: with or without a
    start_date they equal those of a spec that never had it."""
    plain = Arrivals(rate="10/h", hourly=DAY_PROFILE)
    old = _times(plain, 3, 2000.0, None)
    assert np.array_equal(_times(Arrivals(rate="10/h", hourly=DAY_PROFILE, dated=[]), 3, 2000.0),
                          old)
    assert "dated" not in plain.model_dump(by_alias=True)  # (the scenario's hash too)


def test_dated_factors_multiply_a_monthly_profile():
    """A window on top of a season: February at half January's weight, 9 to 15 February
    doubled, so that week comes back to January's level (within 4 sd)."""
    spec = Arrivals(rate="10/h", monthly=[1, 0.5] + [1] * 10, dated=WINDOWS[:1])
    start = dt.date(2026, 1, 26)  # a Monday: week 0 in January, weeks 2 and 3 in February
    weeks = np.bincount((_times(spec, 5, 4 * 168, start) // 168).astype(int), minlength=4)
    f = spec.month_factors()  # (January 1.04 x the rate, February 0.52 x)
    jan, feb = 10 * 168 * f[0], 10 * 168 * f[1]
    assert abs(weeks[2] - jan) < 4 * math.sqrt(jan), weeks  # 9 to 15 February, doubled
    assert abs(weeks[3] - feb) < 4 * math.sqrt(feb), weeks


def _refused(over: dict, field: str, words: str) -> None:
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(SMALL, {"start_date": "2026-02-02", **over})
    assert field in str(err.value) and words in str(err.value), str(err.value)


@pytest.mark.parametrize(
    ("window", "field", "words"),
    [
        ({"from": "20260209", "to": "2026-02-15", "factor": 2}, "arrivals.dated.0.from",
         "allowed: an ISO date YYYY-MM-DD"),
        ({"from": "2026-02-30", "to": "2026-03-01", "factor": 2}, "arrivals.dated.0.from",
         "not a date"),
        ({"from": "2026-02-15", "to": "2026-02-09", "factor": 2}, "arrivals.dated.0.to",
         "is before from (2026-02-15); allowed: a date on or after 2026-02-15"),
        ({"from": "2026-02-09", "to": "2026-02-15", "factor": -0.5}, "arrivals.dated.0.factor",
         "greater than or equal to 0"),
    ],
)
def test_a_bad_window_is_refused(window, field, words):
    _refused({"ports.sea.arrivals.dated": [window]}, f"ports.sea.{field}", words)


def test_overlapping_windows_are_refused():
    windows = [WINDOWS[0], {"from": "2026-02-15", "to": "2026-02-20", "factor": 0.5}]
    _refused({"ports.sea.exports.arrivals.dated": windows},
             "ports.sea.exports.arrivals.dated.1.from",
             "dated.1 (2026-02-15 to 2026-02-20) overlaps dated.0 (2026-02-09 to 2026-02-15)")


def test_dates_need_a_calendar(tmp_path, capsys):
    path = tmp_path / "s.toml"
    path.write_text(
        f'extends = "{SMALL.as_posix()}"\n[[ports.sea.exports.arrivals.dated]]\n'
        'from = 2026-02-09\nto = 2026-02-15\nfactor = 2\n'
    )
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: ports.sea.exports.arrivals.dated.0.from"), err
    assert "need the scenario's start_date" in err and "leave dated out" in err, err


def _toml(windows: list[dict]) -> str:
    """Windows as a TOML array of inline tables."""
    return "[" + ", ".join(
        "{" + ", ".join(f"{k} = {v!r}".replace("'", '"') for k, v in w.items()) + "}"
        for w in windows) + "]"


def test_check_arrivals_names_the_busiest_and_quietest_days(capsys, monkeypatch):
    """Exports at 180/d flat: 9 to 15 February doubled (360/d), 16 to 22 February at none;
    a window after the run is said to change nothing. The lines before stay as they were."""
    monkeypatch.setenv("COLUMNS", "200")
    away = {"from": "2027-01-01", "to": "2027-01-02", "factor": 3}
    settings = [
        "--set", 'start_date="2026-02-02"', "--set", "days=21", "--set", "warmup_days=7",
        "--set", f"ports.sea.exports.arrivals.dated={_toml([*WINDOWS, away])}",
    ]  # fmt: skip
    assert main(["check", str(SMALL), *settings, "--arrivals"]) == 0
    exports = capsys.readouterr().out.splitlines()[1]
    assert "; busiest day with the dated factors Mon 2026-02-09, 360 declarations (date " \
        "factor 2); quietest day with the dated factors Mon 2026-02-16, 0 declarations " \
        "(date factor 0); outside the run, changing nothing: dated.2" in exports, exports
    assert exports.startswith("ports.sea.exports.arrivals: 7.5 declarations/h"), exports


_DATED = "[[ports.sea_port.arrivals.dated]]\n"


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ('start_date = 2026-02-02\n' + _DATED + 'from = "2026-02-01"\nto = "2026-01-14"\n'
         'factor = 1.2\n', "早于 from"),
        ('start_date = 2026-02-02\n' + _DATED + 'from = "20260201"\nto = "2026-02-14"\n'
         'factor = 1.2\n', "不是日期"),
        ('start_date = 2026-02-02\n' + _DATED + 'from = "2026-02-01"\nto = "2026-02-14"\n'
         'factor = 1.2\n' + _DATED + 'from = "2026-02-10"\nto = "2026-02-20"\nfactor = 1\n',
         "有重叠"),
        (_DATED + 'from = "2026-02-01"\nto = "2026-02-14"\nfactor = 1.2\n', "删去 dated"),
    ],
)
def test_each_dated_error_is_said_in_chinese(body: str, said: str, tmp_path, capsys) -> None:
    """Under --lang zh each refusal of a dated window is in Chinese, never marked untranslated."""
    path = tmp_path / "dated.toml"
    path.write_text('extends = "default"\n' + body)
    assert main(["check", str(path), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert said in err and "此条尚无中文译文" not in err, err



def test_the_run_size_limit_counts_the_dated_factors() -> None:
    """Exports at 60 % of MAX_CONSIGNMENTS on a flat calendar are accepted, and refused once
    a dated window doubles them over the whole run (the expected count is the rate times the
    windows' mean factor)."""
    from sim.scenario.limits import MAX_CONSIGNMENTS

    base = sim.load_scenario(SMALL)
    imports = base.ports["sea"].arrivals.rate * base.ports["sea"].arrivals.batch.size.mean
    hours = (365 + base.warmup_days) * 24  # (a year: the rates stay within their own limit)
    rate = 0.6 * MAX_CONSIGNMENTS / hours - imports  # (exports: the rest of 60 %)
    flat = {"start_date": "2026-02-02", "days": 365,
            "ports.sea.exports.arrivals.rate": f"{rate}/h"}
    sim.load_scenario(SMALL, flat)  # (accepted)
    whole = [{"from": "2026-02-02", "to": "2027-12-31", "factor": 2}]
    with pytest.raises(sim.ScenarioError, match="would arrive in the run"):
        sim.load_scenario(SMALL, {**flat, "ports.sea.exports.arrivals.dated": whole})


def test_the_run_size_limit_counts_the_month_of_the_run() -> None:
    """A monthly profile puts more arrivals in its busy months than ``rate`` says: a run in
    November and December, weighted 2 against 1 for the other months, expects 2 x 365 / 426
    times the rate (the profile rescaled to a year's average of 1), and exports at 60 % of
    MAX_CONSIGNMENTS on a flat calendar are refused there."""
    from sim.scenario.limits import MAX_CONSIGNMENTS
    from sim.scenario.schema import expected_per_hour

    base = sim.load_scenario(SMALL)
    imports = base.ports["sea"].arrivals.rate * base.ports["sea"].arrivals.batch.size.mean
    hours = (53 + base.warmup_days) * 24  # (60 arriving days: 2 November to 31 December)
    rate = 0.6 * MAX_CONSIGNMENTS / hours - imports
    flat = {"start_date": "2026-11-02", "days": 53, "ports.sea.exports.arrivals.rate": f"{rate}/h"}
    sim.load_scenario(SMALL, flat)  # (accepted)
    busy = {**flat, "ports.sea.exports.arrivals.monthly": [1] * 10 + [2, 2]}
    with pytest.raises(sim.ScenarioError, match="would arrive in the run"):
        sim.load_scenario(SMALL, busy)
    smaller = {**busy, "ports.sea.exports.arrivals.rate": f"{rate / 2}/h"}
    port = sim.load_scenario(SMALL, smaller).ports["sea"]
    _, exports = expected_per_hour(port, dt.date(2026, 11, 2), 60)
    assert exports == pytest.approx(rate / 2 * 2 * 365 / 426, rel=1e-12)


def test_a_window_outside_the_run_is_warned_about_and_one_in_it_is_not() -> None:
    """A window a year early (a typo in its year) changes no arrival: the run warns, naming
    it and the run's arriving days; a window on the last arriving day is in the run."""
    from sim.scenario.timeline import after_the_run

    windows = [{"from": "2025-02-02", "to": "2025-02-08", "factor": 2},
               {"from": "2026-02-15", "to": "2026-02-15", "factor": 2}]
    scenario = sim.load_scenario(SMALL, {"start_date": "2026-02-02",
                                         "ports.sea.exports.arrivals.dated": windows})
    said = after_the_run(scenario)
    assert said == [
        "the dated window ports.sea.exports.arrivals.dated.0 (2025-02-02 to 2025-02-08) shares "
        "no day with the run's arriving days (2026-02-02 to 2026-02-15, warm-up included), so "
        "it changes no arrival; check its year or the start_date"
    ], said
