"""Quantities with units, as written in scenario files.

Inside the model every time is in **hours** and every rate is **per hour**; files say
``"15 min"``, ``"2 h"``, ``"3 d"``, ``"20/h"`` or ``"1500/d"`` so that a reader never guesses.
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import math
import re
from collections.abc import Iterator

#: Hours per unit of time; the keys are every spelling a scenario may use.
TIME_UNITS: dict[str, float] = {
    "s": 1 / 3600,
    "sec": 1 / 3600,
    "second": 1 / 3600,
    "seconds": 1 / 3600,
    "min": 1 / 60,
    "minute": 1 / 60,
    "minutes": 1 / 60,
    "h": 1.0,
    "hour": 1.0,
    "hours": 1.0,
    "d": 24.0,
    "day": 24.0,
    "days": 24.0,
    "w": 168.0,
    "week": 168.0,
    "weeks": 168.0,
}
ALLOWED_TIME = "s, min, h, d, w"
#: every spelling of :data:`TIME_UNITS`, for an unknown unit's message
ALL_TIME_SPELLINGS = (
    f"{ALLOWED_TIME} (or {', '.join(k for k in TIME_UNITS if k not in ALLOWED_TIME.split(', '))})"
)
#: hours in the calendar's average month and year (365.25 days), for rates only: offices
#: count declarations by month and year ("13500/month"), while a time of "1 month" would
#: leave its length to a guess
MONTH_HOURS = 365.25 * 24 / 12
YEAR_HOURS = 365.25 * 24
#: hours per unit of a rate's time base: :data:`TIME_UNITS`, a month and a year
RATE_UNITS: dict[str, float] = {
    **TIME_UNITS,
    "month": MONTH_HOURS,
    "months": MONTH_HOURS,
    "year": YEAR_HOURS,
    "years": YEAR_HOURS,
}
ALL_RATE_SPELLINGS = f"{ALL_TIME_SPELLINGS}, month (30.44 d), year (365.25 d)"

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_DURATION = re.compile(rf"^\s*({_NUMBER})\s*([A-Za-z]+)\s*$")
_RATE = re.compile(rf"^\s*({_NUMBER})\s*/\s*({_NUMBER})?\s*([A-Za-z]+)\s*$")


class UnitError(ValueError):
    """A quantity whose number or unit cannot be read."""


#: set while a resolved scenario's own data is validated again (a patch): its times are bare
#: hours and its rates bare numbers per hour, as the model holds them
_CANONICAL = contextvars.ContextVar("canonical_units", default=False)


@contextlib.contextmanager
def canonical_units() -> Iterator[None]:
    """Within this block, a bare number is read as hours (a duration or a time of day) or as
    per hour (a rate): the units of a dumped scenario. Files always need their units."""
    token = _CANONICAL.set(True)
    try:
        yield
    finally:
        _CANONICAL.reset(token)


def in_canonical_units() -> bool:
    """Whether bare numbers are read in the model's units now (see :func:`canonical_units`)."""
    return _CANONICAL.get()


def _bare(value: object) -> float | None:
    """``value`` as a canonical number, when canonical units are on and it is one."""
    if _CANONICAL.get() and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value) or value < 0:
            raise UnitError(f"must be finite and >= 0; got {value!r}")
        return float(value)
    return None


def unknown_unit(unit: str, per: bool = False) -> str:
    """What is allowed instead of the time unit ``unit`` (of a rate: ``per``): every
    spelling, and the nearest one first if any is near."""
    units = RATE_UNITS if per else TIME_UNITS
    near = difflib.get_close_matches(unit.lower(), list(units), n=1, cutoff=0.7)
    hint = f"did you mean {near[0]!r}? " if near else ""
    return f"{hint}allowed: {'per ' + ALL_RATE_SPELLINGS if per else ALL_TIME_SPELLINGS}"


def parse_duration(value: object) -> float:
    """Read a duration such as ``"15 min"`` and return hours (must be finite and >= 0)."""
    bare = _bare(value)
    if bare is not None:
        return bare
    if isinstance(value, dict) and "dist" in value:
        raise UnitError(
            "this time is fixed: write one duration such as '15 min' or '2 h', not a "
            f"distribution; got {value!r}"
        )
    if isinstance(value, bool) or not isinstance(value, str):
        raise UnitError(
            f"a duration needs a unit, written as a string such as '15 min' or '2 h' "
            f"(units: {ALLOWED_TIME}); got {value!r}"
        )
    m = _DURATION.match(value)
    if not m:
        raise UnitError(f"cannot read {value!r} as a duration; write e.g. '15 min', '2 h', '3 d'")
    number, unit = float(m.group(1)), m.group(2)
    if unit not in TIME_UNITS:
        raise UnitError(f"unknown time unit {unit!r} in {value!r}; {unknown_unit(unit)}")
    if not math.isfinite(number) or number < 0:
        raise UnitError(f"a duration must be finite and >= 0; got {value!r}")
    return number * TIME_UNITS[unit]


def parse_rate(value: object) -> float:
    """Read a rate such as ``"20/h"``, ``"1500/d"``, ``"3 / 2 h"`` or ``"13500/month"``
    (:data:`RATE_UNITS`) and return events per hour."""
    bare = _bare(value)
    if bare is not None:
        return bare
    if isinstance(value, bool) or not isinstance(value, str):
        raise UnitError(
            f"a rate needs a unit, written as a string such as '20/h' or '1500/d' "
            f"(per {ALLOWED_TIME}); got {value!r}"
        )
    m = _RATE.match(value)
    if not m:
        raise UnitError(f"cannot read {value!r} as a rate; write e.g. '20/h' or '1500/d'")
    number = float(m.group(1))
    per = float(m.group(2)) if m.group(2) else 1.0
    unit = m.group(3)
    if unit not in RATE_UNITS:
        raise UnitError(f"unknown time unit {unit!r} in {value!r}; {unknown_unit(unit, per=True)}")
    if not math.isfinite(number) or number < 0:
        raise UnitError(f"a rate must be finite and >= 0; got {value!r}")
    if per <= 0:
        raise UnitError(f"a rate's time base must be > 0; got {value!r}")
    return number / (per * RATE_UNITS[unit])


def parse_clock(value: object) -> float:
    """Read a time of day ``"HH:MM"`` and return hours after midnight, in [0, 24]."""
    bare = _bare(value)
    if bare is not None and bare <= 24:
        return bare
    if not isinstance(value, str) or not re.fullmatch(r"\d{1,2}:\d{2}", value.strip()):
        raise UnitError(f"a time of day is written 'HH:MM', e.g. '09:30'; got {value!r}")
    hh, mm = (int(x) for x in value.strip().split(":"))
    if hh > 24 or mm > 59 or (hh == 24 and mm):
        raise UnitError(f"time of day out of range: {value!r}")
    return hh + mm / 60
