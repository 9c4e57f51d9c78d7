"""Units and distributions: every family samples what its parameters say."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pydantic import TypeAdapter, ValidationError
from scipy import stats

from sim.scenario.distributions import DurationDist, NumberDist
from sim.scenario.units import UnitError, parse_clock, parse_duration, parse_rate

DUR = TypeAdapter(DurationDist)
NUM = TypeAdapter(NumberDist)
U = np.random.default_rng(7).random(400_000)


@pytest.mark.parametrize(
    "text,hours",
    [
        ("15 min", 0.25),
        ("2 h", 2),
        ("3 d", 72),
        ("90 s", 0.025),
        ("1 w", 168),
        ("1.5 hours", 1.5),
        ("0 h", 0),
    ],
)
def test_durations(text, hours):
    assert parse_duration(text) == pytest.approx(hours)


@pytest.mark.parametrize(
    "text,per_hour",
    [("20/h", 20), ("1500/d", 62.5), ("3 / 2 h", 1.5), ("0.5/min", 30), ("7/w", 1 / 24)],
)
def test_rates(text, per_hour):
    assert parse_rate(text) == pytest.approx(per_hour)


@pytest.mark.parametrize("bad", ["15", 15, "15 parsecs", "-2 h", "h", "nan h"])
def test_bad_durations(bad):
    with pytest.raises(UnitError):
        parse_duration(bad)


def test_clock():
    assert parse_clock("09:30") == 9.5 and parse_clock("24:00") == 24
    with pytest.raises(UnitError):
        parse_clock("25:00")


def ci_contains(sample: np.ndarray, value: float) -> bool:
    """The 99.9 % confidence interval of the sample mean contains ``value``."""
    half = stats.norm.ppf(0.9995) * sample.std(ddof=1) / math.sqrt(len(sample))
    return abs(sample.mean() - value) <= half


@pytest.mark.parametrize(
    "spec,mean,var",
    [
        ({"dist": "exponential", "mean": "2 h"}, 2, 4),
        ({"dist": "lognormal", "mean": "30 min", "cv": 0.8}, 0.5, (0.8 * 0.5) ** 2),
        ({"dist": "gamma", "mean": "3 h", "cv": 0.5}, 3, (0.5 * 3) ** 2),
        (
            {"dist": "triangular", "low": "1 h", "mode": "2 h", "high": "6 h"},
            3,
            (1 + 4 + 36 - 2 - 6 - 12) / 18,
        ),
        ({"dist": "uniform", "low": "1 h", "high": "3 h"}, 2, 4 / 12),
        ({"dist": "empirical", "values": ["1 h", "2 h", "6 h"]}, 3, (4 + 1 + 9) / 3),
    ],
)
def test_each_family_has_its_mean_and_variance(spec, mean, var):
    d = DUR.validate_python(spec)
    x = d.ppf(U)
    assert d.mean == pytest.approx(mean)
    assert ci_contains(x, mean)
    assert x.var() == pytest.approx(var, rel=0.03)
    assert (x >= 0).all()


def test_deterministic_and_shorthand():
    d = DUR.validate_python("45 min")
    assert (d.ppf(U[:10]) == 0.75).all()


def test_same_uniform_same_quantile_monotone():
    """Inverse CDFs are monotone in the uniform: the basis of common random numbers."""
    d = DUR.validate_python({"dist": "gamma", "mean": "1 h", "cv": 1.5})
    u = np.sort(U[:1000])
    assert (np.diff(d.ppf(u)) >= 0).all()


def test_empirical_csv(tmp_path):
    (tmp_path / "times.csv").write_text("port,minutes\na,10\nb,20\nc,30\n")
    d = DUR.validate_python(
        {"dist": "empirical", "csv": "times.csv", "column": "minutes", "unit": "min"},
        context={"base_dir": str(tmp_path)},
    )
    assert sorted(set(d.ppf(U).round(9))) == pytest.approx([1 / 6, 1 / 3, 0.5])


@pytest.mark.parametrize(
    "body,words",
    [  # an empty cell used to drop its row; a ragged row was read as far as it went
        ("x,y\n5,1\n,2\n7,3\n", "line 3, column 'x': an empty cell"),
        ("x,y\n5\n6,7,8\n", "line 2, column 'x': the row has 1 cell(s), but the first row has 2"),
        ("x,y\n5,1\n6,7,8\n", "line 3, column 'x': the row has 3 cell(s), but the first row has 2"),
        ("x,y\n5,1\n\n6,2\n", "line 3, column 'x': a blank line"),
        ("x,y\n5,1\nfive,2\n", "line 3, column 'x': not a number ('five')"),
        # Python's syntax, not a CSV's number: 1_000 was read as 1000, other digits as 12
        ("x,y\n5,1\n1_000,2\n", "line 3, column 'x': not a number ('1_000'); write it "
         "without '_'"),
        ("x,y\n\u0661\u0662,1\n", "line 2, column 'x': not a number ('\u0661\u0662'); write it "
         "with the digits 0-9"),
        # a quote never closed was read as if closed at the end of the file
        ('x,y\n5,1\n6,"2\n', "line 3, column 2: a quoted cell is never closed"),
        ('x,y\n"5"1,1\n', "line 2, column 1: cannot be read as CSV (',' expected after"),
        # the second 'x' was ignored, unsaid
        ("x,x\n1,2\n", "column 'x' is ambiguous: the first row of"),
    ],
)
def test_an_empirical_csv_row_without_its_observation_is_an_error(tmp_path, body, words):
    (tmp_path / "d.csv").write_text(body)
    with pytest.raises(ValidationError) as exc:
        DUR.validate_python(
            {"dist": "empirical", "csv": "d.csv", "column": "x", "unit": "min"},
            context={"base_dir": str(tmp_path)},
        )
    said = str(exc.value)
    assert f"{str(tmp_path / 'd.csv')!r} {words}" in said or (
        words.startswith("column") and words in said and repr(str(tmp_path / "d.csv")) in said)


def test_an_empirical_csv_may_end_in_blank_lines_and_name_no_column(tmp_path):
    (tmp_path / "d.csv").write_text("x,y\n5,1\n7,3\n\n\n")
    spec = {"dist": "empirical", "csv": "d.csv", "column": "x", "unit": "min"}
    d = DUR.validate_python(spec, context={"base_dir": str(tmp_path)})
    assert sorted(set(d.ppf(U).round(9))) == pytest.approx([5 / 60, 7 / 60])
    (tmp_path / "d.csv").write_text("10\n\n20\n")
    with pytest.raises(ValidationError, match=r"line 2, column 1: a blank line"):
        DUR.validate_python({**spec, "column": None}, context={"base_dir": str(tmp_path)})


def test_empirical_csv_needs_a_unit_for_durations(tmp_path):
    (tmp_path / "t.csv").write_text("10\n20\n")
    with pytest.raises(ValidationError, match="needs 'unit'"):
        DUR.validate_python(
            {"dist": "empirical", "csv": "t.csv"}, context={"base_dir": str(tmp_path)}
        )


def test_plain_numbers_refuse_units():
    assert NUM.validate_python({"dist": "lognormal", "mean": 50000, "cv": 1}).mean == 50000
    with pytest.raises(ValidationError, match="without a unit"):
        NUM.validate_python({"dist": "uniform", "low": "1 h", "high": 3})


@pytest.mark.parametrize(
    "spec,words",
    [
        ({"dist": "exponential", "mean": "0 h"}, "must be > 0"),
        ({"dist": "triangular", "low": "3 h", "mode": "1 h", "high": "4 h"}, "low <= mode <= high"),
        ({"dist": "lognormal", "mean": "1 h"}, "cv"),
        ({"dist": "weibull", "mean": "1 h"}, "weibull"),
    ],
)
def test_bad_parameters(spec, words):
    with pytest.raises(ValidationError, match=words):
        DUR.validate_python(spec)


@pytest.mark.parametrize(
    "spec,quoted",
    [
        (
            {"dist": "triangular", "low": "50 min", "mode": "20 min", "high": "45 min"},
            "low='50 min', mode='20 min', high='45 min'",
        ),
        ({"dist": "uniform", "low": "2 h", "high": "30 min"}, "low='2 h', high='30 min'"),
        ({"dist": "lognormal", "mean": "0 min", "cv": 0.5}, "got '0 min'"),
        ({"dist": "empirical", "values": [1, -2], "unit": "min"}, "value 2 is -2 min;"),
    ],
)
def test_a_bad_duration_is_quoted_as_written_not_in_hours(spec, quoted):
    """The user wrote minutes; the error quotes minutes, not 0.8333333333333334 (hours)."""
    with pytest.raises(ValidationError) as err:
        DUR.validate_python(spec)
    assert quoted in str(err.value)
    assert "0.833" not in str(err.value) and "0.5, high" not in str(err.value)


@pytest.mark.parametrize(
    ("body", "column", "first"),
    [("x\n", None, "its first row, not a number"), ("x,y\n", "x", "the header row")],
)
def test_an_empirical_csv_of_a_header_alone_says_so(tmp_path, body, column, first):
    """A CSV holding only 'x' gave "empirical needs at least one value": it did not say the
    one row was taken as a header."""
    (tmp_path / "d.csv").write_text(body)
    with pytest.raises(ValidationError) as exc:
        DUR.validate_python(
            {"dist": "empirical", "csv": "d.csv", "column": column, "unit": "min"},
            context={"base_dir": str(tmp_path)},
        )
    assert (f"{str(tmp_path / 'd.csv')!r} has no observation: {first} is a header, and no "
            "row follows it") in str(exc.value)
