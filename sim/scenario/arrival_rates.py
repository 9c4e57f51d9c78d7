"""What a scenario's arrival rates come to, said by ``bordersim check``: per hour, per day
and per month, and at the busiest hour of the week.

An office gives its traffic as monthly counts and an hour-of-day profile; the model holds a
rate per hour whose weights are rescaled so that the rate stays the weekly average. Saying
what that makes of the figures (and at which hour the load peaks) lets a reader catch a
monthly count typed as a daily one, or a profile that piles the day into a few hours,
before a run. A month-of-year profile is said by its busiest and quietest months; dated
factors by the busiest and quietest days of the run they make (and any window outside it).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sim.scenario.call_pattern import with_pattern
from sim.scenario.units import MONTH_HOURS

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: a busiest hour below this multiple of the average is no peak worth naming
FLAT = 1.1


def arrival_lines(scenario: Any) -> list[str]:
    """One line per port and direction with arrivals: ``<path>: ...`` (see
    :func:`rate_line`), imports first, in the scenario's order of ports; after a port's
    exports, the departures its call pattern makes for them (``from_calls``)."""
    from sim.scenario.call_departures import departures_line

    lines = []
    for name, port in scenario.ports.items():
        flows = [(f"ports.{name}.arrivals", port.arrivals)]
        if port.exports is not None:
            flows.append((f"ports.{name}.exports.arrivals", port.exports.arrivals))
        lines += [
            f"{path}: {rate_line(arrivals)}{_dated(arrivals, scenario)}"
            for path, arrivals in flows
        ]
        leaving = departures_line(name, port)  # (exports on the call pattern's calls)
        lines += [leaving] if leaving else []
    return lines


def rate_line(arrivals: Any) -> str:
    """What ``arrivals`` (a schema ``Arrivals``) come to: declarations per hour, day and
    month on average (a surge's ``extra`` included; a vessel or train call's declarations
    at their mean), and per hour in the busiest hour of the week."""
    if arrivals.schedule is not None:
        from sim.scenario.schedule import schedule_line

        return schedule_line(arrivals.schedule)
    per_call = arrivals.batch.size.mean if arrivals.batch is not None else 1.0
    start, end = arrivals.surge_window()
    timed = arrivals.extra > 0 and (start > 0 or end != float("inf"))
    surge = 1.0 if timed else 1.0 + arrivals.extra
    hourly = with_pattern(arrivals, arrivals.rate * per_call * surge)
    if hourly == 0:
        return "no arrivals"
    text = (
        f"{_num(hourly)} declarations/h on average, {_num(hourly * 24)}/d, "
        f"{_num(hourly * MONTH_HOURS)}/month (30.44 d)"
    )
    pattern = arrivals.calls
    rest = 1.0 - pattern.share if pattern is not None and pattern.share < 1 else 1.0
    if arrivals.batch is not None:
        random = " random" if rest < 1 else ""
        text += (
            f"; {_num(arrivals.rate * rest * 24 * surge)}{random} calls/d of {_num(per_call)} "
            "declarations on average"
        )
    if arrivals.calls is not None:
        from sim.scenario.call_pattern import pattern_line
        from sim.scenario.call_share import share_clause

        share = share_clause(arrivals)  # (None without a share: the line as before)
        return f"{text}; {pattern_line(arrivals.calls)}" + (f"; {share}" if share else "")
    week = arrivals.weekly_rates()
    peak = max(range(len(week)), key=week.__getitem__)
    day, hour = divmod(peak, 24)
    what = "calls" if arrivals.batch is not None else "declarations"
    if week[peak] < FLAT * arrivals.rate:
        text += "; spread about evenly over the week's hours"
    else:
        text += (
            f"; busiest hour {WEEKDAYS[day]} {hour:02d}:00, {_num(week[peak] * surge)} "
            f"{what}/h ({week[peak] / arrivals.rate:.1f} x the average)"
        )
    closed = sum(1 for r in week if r == 0)
    if closed:
        text += f"; none in {closed} of the week's 168 hours"
    if timed:
        text += _timed_surge(arrivals.rate * per_call * arrivals.extra, start, end)
    return text + _season(arrivals)


def _timed_surge(added: float, start: float, end: float) -> str:
    """A surge placed in time (``extra_from``, ``extra_for``): its added declarations, not
    in the averages above, and when they come."""
    until = "the run's end" if end == float("inf") else f"{_num(end / 24)} d"
    return (
        f"; a surge adds {_num(added)} declarations/h ({_num(added * 24)}/d) from "
        f"{_num(start / 24)} d to {until} (times from the warm-up's first day)"
    )


def _season(arrivals: Any) -> str:
    """The busiest and quietest months of a monthly profile, as multiples of the average."""
    if arrivals.monthly is None:
        return ""
    f = arrivals.month_factors()
    high = max(range(12), key=f.__getitem__)
    low = min(range(12), key=f.__getitem__)
    return (
        f"; busiest month {MONTHS[high]} ({f[high]:.2f} x the yearly average), quietest "
        f"{MONTHS[low]} ({f[low]:.2f} x)"
    )


def _dated(arrivals: Any, scenario: Any) -> str:
    """The busiest and quietest days of the run's arriving days (warm-up and observed) with
    the dated factors (``arrivals.dated``), their declarations and their date's factor."""
    start = scenario.start_date
    if not arrivals.dated or start is None or arrivals.schedule is not None or (
        arrivals.calls is not None and arrivals.calls.share == 1
    ):
        return ""
    from sim.scenario.dated_arrivals import day_factors, outside

    n = math.ceil(scenario.warmup_days + scenario.days)
    week = arrivals.weekly_rates()
    per_call = arrivals.batch.size.mean if arrivals.batch is not None else 1.0
    months, dated = arrivals.month_factors(), day_factors(arrivals.dated, start, n)
    dates = [start + dt.timedelta(days=d) for d in range(n)]
    per_day = [  # (beside a call pattern's share: its declarations added, its rest scaled)
        with_pattern(arrivals, sum(week[24 * (d % 7) : 24 * (d % 7) + 24]) * per_call
                     * months[day.month - 1] * dated[d], 24.0)
        for d, day in enumerate(dates)
    ]
    high = max(range(n), key=per_day.__getitem__)
    low = min(range(n), key=per_day.__getitem__)
    text = "".join(
        f"; {what} day with the dated factors {dates[d]:%a %Y-%m-%d}, {_num(per_day[d])} "
        f"declarations (date factor {dated[d]:g})"
        for what, d in (("busiest", high), ("quietest", low))
    )
    away = outside(arrivals.dated, start, n)
    if away:
        text += "; outside the run, changing nothing: " + ", ".join(f"dated.{i}" for i in away)
    return text


def _num(x: float) -> str:
    """A rate as read: three significant figures, thousands separated."""
    if x >= 1000:
        return f"{x:,.0f}"
    return f"{x:.3g}"
