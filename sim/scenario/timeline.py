"""Dated reforms: a scenario's ``timeline`` switches reforms on at times inside the run.

``[[timeline]] reform = "joint_inspection", at = "60 d"`` (time after the run's start, the
start of the warm-up) or ``at = "2018-04-20"`` (a date, with the scenario's ``start_date``,
the calendar date of the run's start). The reform applies to consignments arriving from that
time on (see :mod:`sim.reforms.timeline`). One that takes effect at or after the last observed
arrival (warm-up + observed days) is allowed but warned about (:func:`after_the_run`): no
observed arrival meets it; so is a time of ``periods_at`` there (its period is not reported).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BeforeValidator, Field, field_validator

from sim.scenario import limits
from sim.scenario.base import Strict
from sim.scenario.distributions import _quantity

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: a time of the run (a timeline entry's, a period's) is read up to the longest run there is;
#: the scenario then holds it to its own run (:func:`run_time_problem`), not to the 365 d of
#: other durations
RUN_TIME_CAP_H = limits.MAX_RUN_DAYS * limits.HOURS_PER_DAY


def _run_time(v: Any) -> float:
    return _quantity(v, "duration", RUN_TIME_CAP_H)


#: A time after the run's start (``periods_at``), in hours, written with a unit.
RunTime = Annotated[float, BeforeValidator(_run_time)]


def latest_time(scenario: Scenario) -> float:
    """The latest time, in hours, a timeline entry or ``periods_at`` may give as a duration:
    the run's end (warm-up + days + drain), or 365 d in a shorter run (a time after the
    observed days is warned about: :func:`after_the_run`)."""
    run = scenario.warmup_days + scenario.days + scenario.drain_days
    return max(limits.MAX_DURATION_H, run * limits.HOURS_PER_DAY)


def run_time_problem(hours: float, scenario: Scenario) -> str | None:
    """Why a time of ``hours`` after the run's start is refused (None when it is not)."""
    latest = latest_time(scenario)
    if hours <= latest:
        return None
    run = scenario.warmup_days + scenario.days + scenario.drain_days
    return (
        f"{hours / 24:g} d is after the run's end: at most {latest / 24:g} d, the longer of "
        f"the run ({scenario.warmup_days:g} days of warm-up + {scenario.days:g} observed "
        f"days + {scenario.drain_days:g} days of drain = {run:g} days) and 365 d"
    )


class Dated(Strict):
    """One dated reform of the timeline."""

    reform: str = Field(
        description="a reform of the library with its strengths, e.g. 'single_window' or "
        "'advance_declaration:uptake=0.8' (see `bordersim reforms`)"
    )
    at: str | limits.Real = Field(
        description="when it switches on: a time after the run's start with its unit ('60 d', "
        "up to the run's end or 365 d, the later; a bare number, in hours, only in a resolved "
        "scenario.json) or a date ('2018-04-20', quoted or not, with start_date)"
    )

    @field_validator("reform")
    @classmethod
    def _known(cls, v: str) -> str:
        from sim.reforms.compose import parse
        from sim.reforms.reform import ReformError

        try:
            plan = parse(v)
        except ReformError as exc:
            raise ValueError(str(exc)) from None
        if plan.dated:
            raise ValueError("a timeline entry's reform takes no '@': its time is 'at'")
        for r in plan.reforms:
            why = r.missing()
            if why:
                raise ValueError(why)
        return v

    @field_validator("at", mode="before")
    @classmethod
    def _when(cls, v: Any) -> str | float:
        """A time after the run's start, in hours, or a date (a TOML date, unquoted, too)."""
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            return v.isoformat()
        if isinstance(v, bool) or not isinstance(v, str | int | float):
            raise ValueError(
                "a time after the run's start ('60 d') or a date ('2018-04-20', with "
                "start_date)"
            )
        if isinstance(v, str) and _DATE.match(v.strip()):
            try:
                dt.date.fromisoformat(v.strip())
            except ValueError:
                raise ValueError(f"not a date: {v!r} (write YYYY-MM-DD)") from None
            return v.strip()
        try:
            return _run_time(v)
        except ValueError as exc:
            if not isinstance(v, str) or not str(exc).startswith("cannot read"):
                raise
            raise ValueError(
                f"cannot read {v!r} as a duration or a date: write a time after the run's "
                "start ('12 h', '60 d') or a date, YYYY-MM-DD with start_date ('2018-04-20')"
                + (", without a time of day" if _DATE.match(v.strip()[:10]) else "")
            ) from None

    def hours(self, start: dt.date | None) -> float:
        """When the reform switches on, in hours after the run's start."""
        if isinstance(self.at, float | int):
            return float(self.at)
        if start is None:
            raise ValueError(f"at = {self.at!r} is a date: the scenario needs a start_date")
        return (dt.date.fromisoformat(self.at) - start).days * 24.0


def after_the_run(scenario: Scenario, skip: Iterable[float] = ()) -> list[str]:
    """A warning per dated reform that takes effect at or after the last observed arrival,
    then one per time of ``periods_at`` there (but those of the timeline's own times, or in
    ``skip``, in hours: a comparison's other options' dated reforms, warned about there).

    Such a reform applies to no observed arrival (during the drain it changes only later
    arrivals, which observed goods still in the flow may meet at a lane): a run with it reads
    almost like one without, so the user is told when it takes effect, when the observed run
    ends, and how many observed days would show it. Such a period holds no observed arrival:
    it is not reported, and the user is told so in the same words. Then one per dated
    arrival window outside the run's arriving days
    (:func:`sim.scenario.dated_arrivals.unused_windows`), then one per list of the office's
    dates the run does not reach (:func:`sim.scenario.office_dates.unused_office_dates`),
    then one per capacity window staffing exam teams outside the yard's slot hours
    (:func:`sim.scenario.exam_window_hours.exam_window_hours`).
    """
    out = []
    warmup, days, start = scenario.warmup_days, scenario.days, scenario.start_date
    end = warmup + days
    ended = (
        f"at or after the end of the observed run on {_day(end, start)} ({warmup:g} days "
        f"of warm-up + {days:g} observed days)"
    )
    for entry in scenario.timeline:
        t = entry.hours(start) / 24.0
        if t <= warmup:  # (in force for every observed arrival: no before to set it against)
            out.append(
                f"the dated reform {entry.reform!r} takes effect on {_day(t, start)} of the "
                f"run, at or before the observed days begin ({_day(warmup, start)}, after the "
                "warm-up), so every observed arrival meets it and there is no period before "
                f"it; date it after day {warmup:g} to set its before against its after"
            )
        if t < end:
            continue
        out.append(
            f"the dated reform {entry.reform!r} takes effect on {_day(t, start)} of the run, "
            f"{ended}, so no observed arrival meets it (observed goods still in the flow then "
            "share lanes with later arrivals it changes, no more); observe more than "
            f"{t - warmup:g} days (--days) to see it"
        )
    told = {entry.hours(start) for entry in scenario.timeline} | set(skip)
    for h in sorted(scenario.periods_at):
        t = h / 24.0
        if t < end or h in told:
            continue
        out.append(
            f"the period from periods_at {t:g} d begins on {_day(t, start)} of the run, "
            f"{ended}, so no observed arrival falls in it and it is not reported; observe "
            f"more than {t - warmup:g} days (--days) to see it"
        )
    from sim.scenario.dated_arrivals import unused_windows
    from sim.scenario.exam_window_hours import exam_window_hours
    from sim.scenario.office_dates import unused_office_dates

    out += unused_windows(scenario) + unused_office_dates(scenario)
    return out + exam_window_hours(scenario)


def periods(
    scenario: Scenario, names: Mapping[float, str] | None = None
) -> list[tuple[float, str]]:
    """The periods a timeline splits the run into, as (start in hours, what begins): period
    0 from the run's start, then one from each distinct time of its dated reforms (those
    at one time together) and of ``periods_at``. Empty without either. ``names``: what
    begins at a time, where the caller knows better (a comparison: which option's reform)."""
    start = scenario.start_date
    at: dict[float, list[str]] = {}
    for entry in scenario.timeline:
        at.setdefault(entry.hours(start), []).append(entry.reform)
    for t in scenario.periods_at:  # (a compared option's dates, say)
        at.setdefault(float(t), [])
    if not at:
        return []
    out = [(0.0, "the run's start")]
    for t in sorted(at):
        what = (names or {}).get(t) or " + ".join(at[t]) or "a period boundary (periods_at)"
        out.append((t, f"{_day(t / 24.0, start)}: {what}"))
    return out


def observed_periods(scenario: Scenario, names: Mapping[float, str] | None = None) -> list[str]:
    """The periods results are reported by (those that begin before the observed days
    end), each as ``era_<k> from <when>: <what>`` (``names``: as :func:`periods`); empty
    without periods."""
    spans = periods(scenario, names)
    if not spans:
        return []
    warmup, end = scenario.warmup_days * 24.0, (scenario.warmup_days + scenario.days) * 24.0
    ends = [t for t, _ in spans[1:]] + [math.inf]
    out = []
    for k, ((t, what), until) in enumerate(zip(spans, ends, strict=True)):
        if t >= end or until <= warmup:  # (no observed arrival in it)
            continue
        if t <= warmup:
            when = _day(warmup / 24.0, scenario.start_date)
            what = f"the observed days' start ({when}; {what})" if k else (
                f"the observed days' start ({when})")
        out.append(f"era_{k} from {what}")
    return out


def _day(days: float, start: dt.date | None) -> str:
    """``day 60``, or ``2018-04-20, day 109`` when the run has a start date (a day past the
    last date there is, 9999-12-31, is shown as ``day 60``)."""
    if start is None:
        return f"day {days:g}"
    try:
        return f"{start + dt.timedelta(days=days):%Y-%m-%d}, day {days:g}"
    except OverflowError:
        return f"day {days:g}"
