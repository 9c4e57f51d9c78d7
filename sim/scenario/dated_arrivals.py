"""Dated arrival factors (``arrivals.dated``): days of the calendar on which the arrival rate
is a multiple of what the weekly and monthly profiles give, such as the rush of exports in
the two weeks before the Spring Festival, the trough of its closure and the weeks of
recovery after it. A month-of-year profile is too coarse for a one-week rush; a window of
dates is not. The run's ``start_date`` places the dates; a window outside the run changes
nothing."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
from pydantic import Field, field_validator, model_validator

from sim.scenario.base import Strict
from sim.scenario.limits import Real

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: the largest factor (a bound against a typo: a rate 1,000 times the usual one)
MAX_FACTOR = 20.0
#: a bound against a typo (a century of holidays is about 1,000 days)
MAX_WINDOWS = 1000


def iso_date(v: Any) -> str:
    """A TOML date or an ISO string YYYY-MM-DD, as an ISO string (ValueError otherwise)."""
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v.isoformat()
    if isinstance(v, str) and _ISO.match(v.strip()):
        try:
            return dt.date.fromisoformat(v.strip()).isoformat()
        except ValueError:
            pass
    raise ValueError(f"not a date: {v!r}; allowed: an ISO date YYYY-MM-DD ('2026-02-16', "
                     "quoted or not)")


class DatedFactor(Strict):
    """A window of whole days (``from`` to ``to``, both included) whose arrival rate is
    ``factor`` times what the weekly and monthly profiles give."""

    from_: str = Field(alias="from", description="the window's first day (YYYY-MM-DD)")
    to: str = Field(description="the window's last day (YYYY-MM-DD), included")
    factor: Real = Field(
        ge=0,
        le=MAX_FACTOR,
        description="multiplies the rate of every hour of these days, on top of the weekly "
        "and monthly profiles (0: no arrivals; at most 20); of the honest traffic only: "
        "smuggling groups' loads keep their own rate, and those due on a day of factor 0 "
        "at the port come when it takes trucks again (docs/spring-festival.md)",
    )
    note: str = Field(default="", description="what the window is and where its factor "
                      "comes from")

    @field_validator("from_", "to", mode="before")
    @classmethod
    def _date(cls, v: Any) -> str:
        return iso_date(v)

    @model_validator(mode="after")
    def _ordered(self) -> DatedFactor:
        from sim.scenario.limits import AtField

        if self.to < self.from_:
            raise AtField(("to",), f"{self.to} is before from ({self.from_}); allowed: a date "
                          f"on or after {self.from_}", self.to)
        return self

    def days(self, start: dt.date) -> tuple[int, int]:
        """The window as run-day numbers [first, last + 1) after ``start`` (day 0)."""
        first = (dt.date.fromisoformat(self.from_) - start).days
        return first, (dt.date.fromisoformat(self.to) - start).days + 1


def check_apart(windows: list[DatedFactor]) -> None:
    """No day is in two windows (their factors would be ambiguous: AtField otherwise)."""
    from sim.scenario.limits import AtField

    for j, w in enumerate(windows):
        for i, v in enumerate(windows[:j]):
            if w.from_ <= v.to and v.from_ <= w.to:
                raise AtField(
                    ("dated", j, "from"),
                    f"dated.{j} ({w.from_} to {w.to}) overlaps dated.{i} ({v.from_} to "
                    f"{v.to}); allowed: windows that share no day (split one, or give the "
                    "days in common one factor)",
                    w.from_,
                )


def day_factors(windows: list[DatedFactor], start: dt.date, days: int) -> np.ndarray:
    """The factor of each of the run's first ``days`` days (day 0: ``start``): 1 outside
    every window."""
    out = np.ones(days)
    for w in windows:
        first, end = w.days(start)
        out[max(first, 0) : max(min(end, days), 0)] = w.factor
    return out


def outside(windows: list[DatedFactor], start: dt.date, days: int) -> list[int]:
    """The indices of the windows that share no day with the run's first ``days`` days."""
    return [i for i, w in enumerate(windows) if w.days(start)[1] <= 0 or w.days(start)[0] >= days]


def mean_factor(arrivals: Any, start: dt.date | None, days: float) -> float:
    """The mean over the run's arriving ``days`` (day 0: ``start``) of each day's month
    factor (``arrivals.monthly``, rescaled to a year's average of 1) times its dated factor:
    what they make of the expected number of arrivals (1 without a calendar). A run in a
    peak month makes more than ``rate`` says."""
    n = int(np.ceil(days))
    if start is None or n <= 0 or (not arrivals.dated and arrivals.monthly is None):
        return 1.0
    dates = np.datetime64(start, "D") + np.arange(n)
    month = dates.astype("datetime64[M]").astype(np.int64) % 12  # (0: January)
    months = np.array(arrivals.month_factors())[month]
    return float((months * day_factors(arrivals.dated, start, n)).mean())


def unused_windows(scenario: Any) -> list[str]:
    """A warning per dated window (imports' and exports') that shares no day with the
    run's arriving days (warm-up and observed): it changes nothing, which a typo in a year
    would otherwise pass in silence."""
    start = scenario.start_date
    if start is None:
        return []
    n = int(np.ceil(scenario.warmup_days + scenario.days))
    last = start + dt.timedelta(days=n - 1)
    out = []
    for pname, port in scenario.ports.items():
        flows = [("arrivals", port.arrivals)]
        if port.exports is not None:
            flows.append(("exports.arrivals", port.exports.arrivals))
        for where, arrivals in flows:
            for i in outside(arrivals.dated, start, n):
                w = arrivals.dated[i]
                out.append(
                    f"the dated window ports.{pname}.{where}.dated.{i} ({w.from_} to {w.to}) "
                    f"shares no day with the run's arriving days ({start} to {last}, "
                    "warm-up included), so it changes no arrival; check its year or the "
                    "start_date"
                )
    return out
