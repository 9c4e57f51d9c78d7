"""Fitting a port's arrivals and a lane's service times to observed data (``bordersim
fit-arrivals``, ``fit-times``): the model's own arrivals fitted back, counts exactly
recovered, a profile the model cannot take flagged, and every bad file an error naming it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from sim.cli import main
from sim.model.arrivals import arrival_times
from sim.scenario.arrival_fit import ArrivalFitError, fit_arrivals
from sim.scenario.schema import Arrivals
from sim.scenario.time_fit import fit_times

MONDAY = dt.datetime(2025, 3, 3)
HOURLY = [0.2] * 6 + [1, 2, 3, 3, 3, 2, 2, 3, 3, 2, 2, 1, 0.5, 0.3] + [0.2] * 4
WEEKLY = [1, 1, 1, 1, 1.2, 0.6, 0.3]


def _stamps(path: Path, hours: np.ndarray) -> Path:
    lines = ["truck,arrived_at"]
    for i, h in enumerate(hours):
        lines.append(f"{i},{MONDAY + dt.timedelta(hours=float(h)):%Y-%m-%d %H:%M:%S}")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_the_models_own_arrivals_are_fitted_back(tmp_path: Path) -> None:
    spec = Arrivals(rate="5/h", hourly=HOURLY, weekly=WEEKLY)  # type: ignore[arg-type]
    rng = np.random.default_rng(7)
    hours = np.concatenate(list(arrival_times(spec, rng, until=52 * 168)))
    fit = fit_arrivals(_stamps(tmp_path / "a.csv", hours), "arrived_at")
    assert fit.arrivals == len(hours)
    assert (fit.first_day, fit.last_day) == (MONDAY.date(), MONDAY.date() + dt.timedelta(363))
    assert fit.rate == pytest.approx(5.0, rel=0.02)
    truth_h = np.array(HOURLY) / np.mean(HOURLY)
    truth_w = np.array(WEEKLY) / np.mean(WEEKLY)
    assert np.allclose(fit.hourly, truth_h, rtol=0.06)
    assert np.allclose(fit.weekly, truth_w, rtol=0.04)
    assert fit.p_value > 0.001  # a product profile, as the model makes
    assert fit.dispersion == pytest.approx(1.0, abs=0.2)  # Poisson days
    # the fitted table loads and gives the same weekly rates, to its rounding
    back = Arrivals(**fit.table())  # type: ignore[arg-type]
    assert np.allclose(back.weekly_rates(), spec.weekly_rates(), rtol=0.08)


def _counts(path: Path, cell: list[list[int]], weeks: int) -> Path:
    """One row per hour of ``weeks`` weeks with ``cell[weekday][hour]`` arrivals."""
    rows = ["hour_start,n"]
    for k in range(weeks * 168):
        t = MONDAY + dt.timedelta(hours=k)
        rows.append(f"{t:%Y-%m-%dT%H:%M},{cell[t.weekday()][t.hour]}")
    path.write_text("\n".join(rows) + "\n")
    return path


def test_hourly_counts_of_a_product_are_recovered_exactly(tmp_path: Path) -> None:
    cell = [[int(10 * w * h) for h in (1, 2, 3, 4) * 6] for w in (1, 1, 1, 1, 2, 2, 4)]
    fit = fit_arrivals(_counts(tmp_path / "c.csv", cell, 2), "hour_start", count="n")
    assert fit.rate == pytest.approx(sum(map(sum, cell)) / 168)
    assert fit.hourly == pytest.approx([24 * h / 60 for h in (1, 2, 3, 4) * 6])
    assert fit.weekly == pytest.approx([7 * w / 12 for w in (1, 1, 1, 1, 2, 2, 4)])
    assert fit.chi2 == pytest.approx(0.0, abs=1e-9)


def test_weekdays_observed_unequally_are_weighted_by_their_days(tmp_path: Path) -> None:
    # 8 days: Monday twice; a Monday's traffic is the same as any other day's
    path = tmp_path / "c.csv"
    rows = ["t,n"] + [f"{MONDAY + dt.timedelta(hours=k):%Y-%m-%d %H:%M},5" for k in range(192)]
    path.write_text("\n".join(rows) + "\n")
    fit = fit_arrivals(path, "t", count="n")
    assert fit.weekly == pytest.approx([1.0] * 7)
    assert fit.rate == pytest.approx(5.0)  # not Monday's two days counted as one


def test_days_that_vary_beyond_poisson_are_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ["t,n"]
    for k in range(28 * 24):  # every third day a fifth busier: daily counts of 288 and 240
        t = MONDAY + dt.timedelta(hours=k)
        rows.append(f"{t:%Y-%m-%d %H:%M},{12 if (k // 24) % 3 == 0 else 10}")
    (tmp_path / "c.csv").write_text("\n".join(rows) + "\n")
    assert main(["fit-arrivals", str(tmp_path / "c.csv"), "--column", "t", "--count", "n"]) == 0
    out = capsys.readouterr().out
    assert "# daily counts vary 2.55 times as much as Poisson arrivals" in out
    assert "the port's days vary more than the model's will" in out


def test_a_shape_that_differs_by_weekday_is_flagged(tmp_path: Path) -> None:
    day = [1] * 6 + [30] * 12 + [1] * 6
    night = [30] * 6 + [1] * 12 + [30] * 6
    cell = [day] * 5 + [night] * 2  # weekends busy at night: no product of two profiles
    out = tmp_path / "c.csv"
    fit = fit_arrivals(_counts(out, cell, 4), "hour_start", count="n")
    assert fit.p_value < 1e-6
    assert fit.worst and fit.worst[0][0].startswith(("Sat", "Sun", "Mon", "Tue", "Wed"))


@pytest.mark.parametrize(
    ("text", "args", "said"),
    [
        ("t\n2025-03-03 10:00\n", {"column": "time"}, "column 'time' is not in the first row"),
        ("t\n03/03/2025 10:00\n", {"column": "t"}, "line 2, column 't': '03/03/2025 10:00' is "
         "not a date and time as ISO 8601"),
        ("t\n2025-03-03\n", {"column": "t"}, "line 2, column 't': '2025-03-03' is a date "
         "without a time of day"),
        ("t,n\n2025-03-03 10:00,2.5\n", {"column": "t", "count": "n"},
         "line 2, column 'n': '2.5' is not a count"),
        ("t,n\n2025-03-03 10:00\n", {"column": "t", "count": "n"}, "line 2: the row has 1"),
        ("t\n2025-03-03 10:00\n2025-03-05 10:00\n", {"column": "t"},
         "has no Thu, Fri, Sat, Sun"),
        ("t\n2025-03-03 10:00\n", {"column": "t", "first_day": dt.date(2025, 3, 4),
                                   "last_day": dt.date(2025, 3, 12)},
         "line 2, column 't': 2025-03-03 10:00 is outside the window 2025-03-04 to 2025-03-12"),
        ("t\n", {"column": "t"}, "no arrival"),
        ("t\n2025-03-03 10:00+08:00\n2025-03-04 02:00Z\n", {"column": "t"},
         "line 3, column 't': a time with another UTC offset than line 2's"),
        ("t\n2025-03-03 10:00+08:00\n2025-03-04 02:00\n", {"column": "t"},
         "line 3, column 't': a time with another UTC offset than line 2's"),
    ],
)
def test_a_bad_file_is_an_error_naming_line_column_and_value(
    tmp_path: Path, text: str, args: dict[str, object], said: str
) -> None:
    path = tmp_path / "obs.csv"
    path.write_text(text)
    with pytest.raises(ArrivalFitError) as exc:
        fit_arrivals(path, **args)  # type: ignore[arg-type]
    assert "obs.csv" in str(exc.value)
    assert said in str(exc.value)


def test_times_with_one_utc_offset_are_read_by_their_clock(tmp_path: Path) -> None:
    rows = ["t"] + [f"2025-03-{3 + d:02d}T{h:02d}:30:00+08:00" for d in range(7)
                    for h in (9, 9, 14)]
    (tmp_path / "a.csv").write_text("\n".join(rows) + "\n")
    fit = fit_arrivals(tmp_path / "a.csv", "t")
    assert fit.hourly[9] == pytest.approx(16) and fit.hourly[14] == pytest.approx(8)


def test_fit_arrivals_prints_a_table_the_scenario_takes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cell = [[2] * 24 for _ in range(7)]
    assert main(["fit-arrivals", str(_counts(tmp_path / "c.csv", cell, 1)),
                 "--column", "hour_start", "--count", "n"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("# fitted to 336 arrivals in c.csv, 2025-03-03 to 2025-03-09")
    assert out[-1] == ('arrivals = {rate = "2/h", hourly = [' + ", ".join(["1"] * 24)
                       + "], weekly = [" + ", ".join(["1"] * 7) + "]}")
    assert main(["fit-arrivals", str(tmp_path / "c.csv"), "--column", "when"]) == 2
    assert "error: " in capsys.readouterr().err


def test_fit_times_recovers_a_lognormal_and_prefers_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = np.random.default_rng(3)
    x = rng.lognormal(np.log(20) - 0.5 * np.log1p(0.25), np.sqrt(np.log1p(0.25)), 2000)
    path = tmp_path / "t.csv"
    path.write_text("minutes\n" + "\n".join(f"{v:.3f}" for v in x) + "\n")
    fit = fit_times(path, "minutes", "min")
    assert fit.mean == pytest.approx(20, rel=0.03)
    assert fit.cv == pytest.approx(0.5, rel=0.06)
    assert fit.ks["lognormal"][0] < fit.ks["gamma"][0]
    assert main(["fit-times", str(path), "--column", "minutes", "--unit", "min"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == ('service = {dist = "empirical", csv = "t.csv", column = "minutes", '
                        'unit = "min"}   # resamples the observations')
    assert lines[3].startswith('service = {dist = "lognormal", mean = "')
    assert main(["fit-times", str(path), "--column", "minutes", "--unit", "mins"]) == 2
    assert "unknown unit 'mins'; did you mean 'min'?" in capsys.readouterr().err


def test_fit_times_refuses_a_constant(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("5\n5\n5\n")
    with pytest.raises(ValueError, match='write it as a fixed time, "5 min"'):
        fit_times(path, None, "min")


def test_a_week_whose_days_differ_is_fitted_by_hour_of_week_and_run(tmp_path: Path) -> None:
    """The model's own arrivals from an hour-of-week profile no product can give: the product
    fit is flagged, the hour-of-week fit recovers the profile, and a scenario takes it."""
    day = [1.0] * 6 + [4.0] * 12 + [1.0] * 6
    night = [4.0] * 6 + [1.0] * 12 + [4.0] * 6
    week = day * 5 + night * 2
    spec = Arrivals(rate="6/h", hour_of_week=week)  # type: ignore[arg-type]
    assert spec.weekly_rates()[9] == pytest.approx(6 * 4 / np.mean(week))  # Mon 09:00
    assert spec.weekly_rates()[5 * 24 + 9] == pytest.approx(6 * 1 / np.mean(week))  # Sat
    hours = np.concatenate(list(arrival_times(spec, np.random.default_rng(5), 52 * 168)))
    fit = fit_arrivals(_stamps(tmp_path / "a.csv", hours), "arrived_at")
    assert fit.p_value < 1e-6
    # each weight from 52 of its hours (125 to 500 arrivals): within Poisson noise
    error = np.array(fit.hour_of_week) / (np.array(week) / np.mean(week)) - 1
    assert np.sqrt(np.mean(error**2)) < 0.1 and np.abs(error).max() < 0.35
    assert fit.rate == pytest.approx(6.0, rel=0.02)
    back = np.array(Arrivals(**fit.table(week=True)).weekly_rates())  # type: ignore[arg-type]
    assert np.sqrt(np.mean((back / spec.weekly_rates() - 1) ** 2)) < 0.1


def test_hour_of_week_multiplies_the_other_profiles_and_is_checked() -> None:
    flat = Arrivals(rate="2/h").weekly_rates()  # type: ignore[arg-type]
    assert Arrivals(rate="2/h", hour_of_week=[3] * 168).weekly_rates() == flat  # type: ignore[arg-type]
    both = Arrivals(rate="2/h", weekly=[1, 1, 1, 1, 1, 1, 2],  # type: ignore[arg-type]
                    hour_of_week=[1] * 144 + [0] * 12 + [1] * 12)
    rates = both.weekly_rates()
    assert rates[144] == 0 and rates[156] == pytest.approx(2 * rates[0])
    assert sum(rates) == pytest.approx(2 * 168)
    with pytest.raises(ValueError, match="hour_of_week needs 168 weights"):
        Arrivals(rate="2/h", hour_of_week=[1] * 24)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="0 in every hour of the week"):
        Arrivals(rate="2/h", weekly=[1, 1, 1, 1, 1, 0, 0],  # type: ignore[arg-type]
                 hour_of_week=[0] * 120 + [1] * 48)


def test_a_scenario_file_with_a_bad_hour_of_week_is_an_error_naming_it(tmp_path: Path) -> None:
    from sim.scenario.loader import ScenarioError, load_scenario

    text = (Path(__file__).resolve().parent.parent / "scenarios" / "teaching-mmc.toml").read_text()
    bad = tmp_path / "mine.toml"
    bad.write_text(text.replace('arrivals = {rate = "2/h"}',
                                'arrivals = {rate = "2/h", hour_of_week = [1, 2]}'))
    with pytest.raises(ScenarioError) as exc:
        load_scenario(bad)
    said = exc.value.format()
    assert "mine.toml: ports.crossing.arrivals.hour_of_week" in said
    assert "hour_of_week needs 168 weights (Monday 00:00 first); got 2" in said


def test_fit_arrivals_offers_hour_of_week_when_the_days_differ(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = [1] * 6 + [30] * 12 + [1] * 6
    night = [30] * 6 + [1] * 12 + [30] * 6
    path = _counts(tmp_path / "c.csv", [day] * 5 + [night] * 2, 2)
    assert main(["fit-arrivals", str(path), "--column", "hour_start", "--count", "n"]) == 0
    assert "--hour-of-week gives each hour of the week its own weight" in capsys.readouterr().out
    assert main(["fit-arrivals", str(path), "--column", "hour_start", "--count", "n",
                 "--hour-of-week"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith('arrivals = {rate = "') and "hour_of_week = [" in last
    weights = [float(w) for w in last.split("[")[1].rstrip("]}").split(", ")]
    assert len(weights) == 168
    assert weights[9] / weights[0] == pytest.approx(30, rel=0.02)  # (to the 3 decimals shown)
    assert weights[120] / weights[129] == pytest.approx(30, rel=0.02)


@pytest.mark.parametrize(
    "rows, said",
    [
        ("1\n2\ninf\n", "observation 3 is inf min"),
        ("1\nnan\n2\n", "observation 2 is nan min"),
        ("3\n-1\n", "observation 2 is -1 min"),
        ("1e308\n1e308\n", "observation 1 is 1e+308 min"),  # (its mean overflows to inf)
        ("1\n600000\n", "observation 2 is 600000 min"),  # (over a year)
        ("7\n", "got 1 observation(s)"),
    ],
)
def test_fit_times_names_the_first_time_no_scenario_takes(tmp_path: Path, rows, said) -> None:
    path = tmp_path / "t.csv"
    path.write_text(rows)
    with pytest.raises(ValueError) as caught:
        fit_times(path, None, "min")
    assert str(path) in str(caught.value) and said in str(caught.value)
    assert "from 0 to 525,600 min (365 d" in str(caught.value)
