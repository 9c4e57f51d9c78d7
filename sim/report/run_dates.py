"""Days of the run as dates: ``bordersim hours`` numbers days from the run's start (day 0 is
the warm-up's first), which a manager planning around a holiday has to count off a calendar.
With the scenario's ``start_date``, each ``day N`` of the printed lines is followed by its
date and weekday (``day 24 (Thu 2026-02-19)``, in Chinese ``第 24 天（2026-02-19 周四）``),
and a CSV gets a ``date`` column. Without it, nothing changes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

#: weekdays in Chinese, Monday first
WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_EN = re.compile(r"\bday (\d+)\b")
_ZH = re.compile(r"第 (\d+) 天")


def start_of(scenario: dict[str, Any]) -> dt.date | None:
    """A resolved scenario's (``scenario.json``'s) ``start_date``, or None without one."""
    text = scenario.get("start_date")
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def date_of(day: int, start: dt.date) -> dt.date:
    """The calendar date of day ``day`` of the run (day 0: ``start``)."""
    return start + dt.timedelta(days=day)


def dated_lines(lines: list[str], start: dt.date | None, lang: str = "en") -> list[str]:
    """``lines`` with each day number followed by its date and weekday (unchanged when
    ``start`` is None)."""
    if start is None:
        return lines
    if lang == "zh":
        def zh(m: re.Match[str]) -> str:
            d = date_of(int(m.group(1)), start)
            return f"{m.group(0)}（{d.isoformat()} {WEEKDAYS_ZH[d.weekday()]}）"

        return [_ZH.sub(zh, line) for line in lines]

    def en(m: re.Match[str]) -> str:
        d = date_of(int(m.group(1)), start)
        return f"{m.group(0)} ({d.strftime('%a')} {d.isoformat()})"

    return [_EN.sub(en, line) for line in lines]


def with_dates(table: pd.DataFrame, start: dt.date | None) -> pd.DataFrame:
    """A table of days (a ``day`` column) or of moments (``peak_h``, hours from the run's
    start) with a ``date`` column beside (unchanged when ``start`` is None)."""
    if start is None or not len(table):
        return table
    if "day" in table:
        days = table["day"].astype(int)
    elif "peak_h" in table:
        days = (table["peak_h"].astype(float) // 24).astype(int)
    else:
        return table
    return table.assign(date=[date_of(int(d), start).isoformat() for d in days])
