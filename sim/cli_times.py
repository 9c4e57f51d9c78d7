"""Small times in the terminal's tables: a time in hours below :data:`IN_SECONDS` h (36 s)
reads in seconds with its unit (``-0.13 s``, not ``-0.000036`` beside the row's ``(h)``:
a difference of a fraction of a second read as hours looks like noise or like an error).
Only what the terminal shows changes; the CSV and JSON files keep hours."""

from __future__ import annotations

import math
from collections.abc import Callable

#: below this many hours (36 s) a time is shown in seconds
IN_SECONDS = 0.01
#: below this many hours a time is float rounding of 0 (shown as the tables show 0)
ROUNDING = 1e-9


def small(x: float) -> bool:
    """Whether a time of ``x`` hours is shown in seconds (nonzero, below :data:`IN_SECONDS`)."""
    return not math.isnan(x) and ROUNDING < abs(x) < IN_SECONDS


def seconds(x: float) -> str:
    """A time of ``x`` hours in seconds, to two significant digits: ``-0.13 s``, ``11 s``."""
    from sim.report.numbers import tiny

    s = x * 3600
    return (tiny(s) if abs(s) < 0.0005 else f"{s:.2g}") + " s"


def time_value(x: float, show: Callable[[float], str]) -> str:
    """A time of ``x`` hours as a table cell: in seconds where :func:`small`, else ``show``."""
    return seconds(x) if small(x) else show(x)


def time_bounds(low: float, high: float) -> tuple[str, str] | None:
    """An interval of times in hours in seconds, both ends, where neither end reaches
    :data:`IN_SECONDS` and one is :func:`small`; None: the table shows it in hours."""
    ends = (low, high)
    if any(math.isnan(v) or abs(v) >= IN_SECONDS for v in ends) or not any(map(small, ends)):
        return None
    return tuple(seconds(v) if small(v) else "0 s" for v in ends)  # type: ignore[return-value]


def time_cells(mean: float | None, low: float | None, high: float | None,
               show: Callable[[float | None], str],
               bounds: Callable[[float | None, float | None], tuple[str, str]],
               ) -> tuple[str, str, str]:
    """A run table's mean and interval ends of a time in hours (``show`` and ``bounds``:
    the table's forms of one number and of an interval), small ones in seconds."""
    shown = show(mean) if mean is None else time_value(mean, show)
    ends = None if low is None or high is None else time_bounds(low, high)
    return (shown, *(ends or bounds(low, high)))
