"""A port's arrival profile fitted to observed arrivals: ``rate``, ``hourly`` and ``weekly``.

A modeller moving a study to bordersim has a CSV of observed arrivals (one row per truck or
declaration with its time, or one row per hour with a count), not the 24 and 7 weights an
``arrivals`` table takes. The model's intensity in hour ``h`` of weekday ``d`` is ``rate``
times ``weekly[d] x hourly[h]`` (rescaled, :meth:`Arrivals.weekly_rates`), a Poisson
log-linear model of two main effects, whose maximum-likelihood fit has a closed form: the
hourly weights are the counts by hour of day, the weekly ones the counts by weekday over the
days of that weekday observed, and ``rate`` the mean over weekdays of each one's hourly rate.

How far the observed hour-of-week counts stray from that product is said (Pearson's
chi-square over the 168 cells); where they stray, ``hour_of_week`` (each hour of the week's
own count over the days of its weekday observed) gives a week whose days differ in shape.
And how much more the daily counts vary than a Poisson stream's.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scipy import stats

from sim.scenario import limits
from sim.scenario.files import MAX_CSV_BYTES, FileProblem, read_text

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WHOLE = re.compile(r"\d+")


class ArrivalFitError(ValueError):
    """Observed arrivals that cannot be fitted; the message names the file, line and column."""


@dataclass(frozen=True)
class ArrivalFit:
    """The fitted profile and how well the data bear it out."""

    rate: float  #: arrivals per hour, the weekly average (what ``arrivals.rate`` takes)
    hourly: list[float]  #: 24 weights, 00:00 first, mean 1
    weekly: list[float]  #: 7 weights, Monday first, mean 1
    arrivals: int  #: arrivals counted
    first_day: dt.date  #: the observation window's first day (from 00:00)
    last_day: dt.date  #: and its last (to 24:00)
    chi2: float  #: Pearson's chi-square of the hour-of-week counts against the fit
    dof: int  #: its degrees of freedom
    p_value: float  #: the chance of a chi-square this large were the profile a product
    dispersion: float  #: variance / mean of the daily counts about the fit (Poisson: 1)
    worst: list[tuple[str, int, float]] = field(default_factory=list)  #: largest misfits
    #: 168 weights, Monday 00:00 first, mean 1: each hour of the week's own rate
    hour_of_week: list[float] = field(default_factory=list)

    def toml(self, digits: int = 3, week: bool = False) -> str:
        """The ``arrivals`` table as a TOML inline table, weights to ``digits`` decimals: by
        ``hourly`` and ``weekly``, or with ``week`` by ``hour_of_week``."""
        if week:
            weights = ", ".join(_num(w, digits) for w in self.hour_of_week)
            return f'arrivals = {{rate = "{self.rate:.4g}/h", hour_of_week = [{weights}]}}'
        hourly = ", ".join(_num(w, digits) for w in self.hourly)
        weekly = ", ".join(_num(w, digits) for w in self.weekly)
        return (f'arrivals = {{rate = "{self.rate:.4g}/h", hourly = [{hourly}], '
                f"weekly = [{weekly}]}}")

    def table(self, digits: int = 3, week: bool = False) -> dict[str, object]:
        """The ``arrivals`` table as data (``sim.patch`` and ``load_scenario`` take it)."""
        if week:
            return {"rate": f"{self.rate:.4g}/h",
                    "hour_of_week": [round(w, digits) for w in self.hour_of_week]}
        return {"rate": f"{self.rate:.4g}/h",
                "hourly": [round(w, digits) for w in self.hourly],
                "weekly": [round(w, digits) for w in self.weekly]}


def _num(w: float, digits: int) -> str:
    text = f"{w:.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def fit_arrivals(path: Path, column: str, count: str | None = None,
                 first_day: dt.date | None = None,
                 last_day: dt.date | None = None) -> ArrivalFit:
    """Fit ``rate``, ``hourly`` and ``weekly`` to the arrivals in the CSV at ``path``: one per
    row at the time in ``column`` (ISO 8601, ``2025-03-03 14:05``), or ``count`` of them
    where a column gives each row's count. The window runs from ``first_day`` 00:00 to
    ``last_day`` 24:00, by default the days of the first and last arrival: give them when
    the observation began or ended on days without arrivals."""
    times = _read(path, column, count)
    if not times:
        raise ArrivalFitError(f"{str(path)!r}: no arrival (every row counts 0, or none follows "
                              "the header)")
    first = first_day or min(t.date() for t, _, _ in times)
    last = last_day or max(t.date() for t, _, _ in times)
    if last < first:
        raise ArrivalFitError(f"the window's last day {last} is before its first {first}")
    cells = [[0] * 24 for _ in range(7)]
    daily: dict[dt.date, int] = {}
    for t, n, line in times:
        if not first <= t.date() <= last:
            raise ArrivalFitError(
                f"{str(path)!r} line {line}, column {column!r}: {t:%Y-%m-%d %H:%M} is outside "
                f"the window {first} to {last}; widen the window or leave the row out")
        cells[t.weekday()][t.hour] += n
        daily[t.date()] = daily.get(t.date(), 0) + n
    days = [first + dt.timedelta(d) for d in range((last - first).days + 1)]
    exposure = [sum(1 for d in days if d.weekday() == w) for w in range(7)]
    if min(exposure) == 0:
        missing = ", ".join(WEEKDAYS[w] for w in range(7) if exposure[w] == 0)
        raise ArrivalFitError(
            f"{str(path)!r}: the window {first} to {last} ({len(days)} days) has no {missing}: "
            "a weekly profile needs every weekday observed (at least 7 days; whole weeks are "
            "best)")
    return _fit(cells, exposure, daily, days)


def _fit(cells: list[list[int]], exposure: list[int], daily: dict[dt.date, int],
         days: list[dt.date]) -> ArrivalFit:
    """The closed-form fit of the two main effects, and its goodness of fit."""
    by_hour = [sum(cells[d][h] for d in range(7)) for h in range(24)]
    by_day = [sum(cells[d]) for d in range(7)]
    total = sum(by_day)
    per_day = [by_day[d] / exposure[d] for d in range(7)]  # arrivals a day of that weekday
    hourly = [24 * n / total for n in by_hour]
    weekly = [7 * r / sum(per_day) for r in per_day]
    rate = sum(per_day) / (7 * 24)

    def expected(d: int, h: int) -> float:  # fitted count of cell (d, h) over the window
        return exposure[d] * per_day[d] * by_hour[h] / total

    chi2, used, misfits = 0.0, 0, []
    for d in range(7):
        for h in range(24):
            e = expected(d, h)
            if e > 0:
                chi2 += (cells[d][h] - e) ** 2 / e
                used += 1
                misfits.append(((cells[d][h] - e) / math.sqrt(e), d, h, e))
    dof = max(used - (sum(1 for n in by_hour if n) + 7 - 1), 1)
    misfits.sort(key=lambda m: -abs(m[0]))
    worst = [(f"{WEEKDAYS[d]} {h:02d}:00", cells[d][h], round(e, 1))
             for _, d, h, e in misfits[:3]]
    fitted = [per_day[d.weekday()] for d in days]
    dispersion = (sum((daily.get(d, 0) - f) ** 2 / f for d, f in zip(days, fitted, strict=True))
                  / max(len(days) - 7, 1))
    own = [cells[d][h] / exposure[d] for d in range(7) for h in range(24)]
    return ArrivalFit(rate=rate, hourly=hourly, weekly=weekly, arrivals=total,
                      first_day=days[0], last_day=days[-1], chi2=chi2, dof=dof,
                      p_value=float(stats.chi2.sf(chi2, dof)), dispersion=dispersion,
                      worst=worst, hour_of_week=[168 * r / sum(own) for r in own])


def _read(path: Path, column: str, count: str | None) -> list[tuple[dt.datetime, int, int]]:
    """(time, count, line) of every row; every problem an error naming the line and column."""
    try:
        text = read_text(path, MAX_CSV_BYTES)
    except FileProblem as exc:
        raise ArrivalFitError(f"{str(path)!r} {exc}") from None
    if text.count("\n") > limits.MAX_OBSERVATIONS + 2:
        raise ArrivalFitError(f"{str(path)!r} has more than {limits.MAX_OBSERVATIONS:,} rows")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ArrivalFitError(f"{str(path)!r} line {reader.line_num}: cannot be read as CSV "
                              f"({exc})") from None
    while rows and not any(c.strip() for c in rows[-1][1]):
        rows.pop()
    if not rows:
        raise ArrivalFitError(f"{str(path)!r} is empty")
    header = [c.strip() for c in rows[0][1]]
    at = _where(path, header, column)
    n_at = _where(path, header, count) if count is not None else None
    out: list[tuple[dt.datetime, int, int]] = []
    offsets: dict[Any, int] = {}  # UTC offset written -> its first line
    for line, row in rows[1:]:
        if len(row) != len(header):
            raise ArrivalFitError(
                f"{str(path)!r} line {line}: the row has {len(row)} cell(s), the first row "
                f"{len(header)}; every row needs one cell per column")
        stamp = _stamp(path, line, column, row[at].strip())
        offsets.setdefault(stamp.utcoffset(), line)
        if len(offsets) > 1:
            raise ArrivalFitError(
                f"{str(path)!r} line {line}, column {column!r}: a time with another UTC offset "
                f"than line {min(offsets.values())}'s; the profile reads each time's clock, so "
                "write every time in the port's local time, with one offset or none")
        n = 1 if n_at is None else _count(path, line, str(count), row[n_at].strip())
        out.append((stamp.replace(tzinfo=None), n, line))
    return out


def _where(path: Path, header: list[str], name: str) -> int:
    at = [i for i, h in enumerate(header) if h == name]
    if len(at) != 1:
        said = "is not in the first row" if not at else f"names {len(at)} columns"
        raise ArrivalFitError(f"{str(path)!r}: column {name!r} {said}; the first row has "
                              f"{', '.join(repr(h) for h in header[:12])}")
    return at[0]


def _stamp(path: Path, line: int, column: str, cell: str) -> dt.datetime:
    where = f"{str(path)!r} line {line}, column {column!r}"
    try:
        t = dt.datetime.fromisoformat(cell)
    except ValueError:
        shown = repr(cell[:32])
        raise ArrivalFitError(
            f"{where}: {shown} is not a date and time as ISO 8601 writes one; write "
            "'2025-03-03 14:05' (year-month-day, 24-hour clock)") from None
    if len(cell) <= 10:  # a date alone: fromisoformat gives its midnight
        raise ArrivalFitError(f"{where}: {cell!r} is a date without a time of day; the hourly "
                              "profile needs each arrival's time ('2025-03-03 14:05')")
    return t  # (its clock as written is the port's: the offset only checked for sameness)


def _count(path: Path, line: int, column: str, cell: str) -> int:
    if not _WHOLE.fullmatch(cell):
        shown = repr(cell[:32])
        raise ArrivalFitError(f"{str(path)!r} line {line}, column {column!r}: {shown} is not "
                              "a count; a count is a whole number, 0 or more")
    return int(cell)
