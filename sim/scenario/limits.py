"""Bounds on every number a scenario may hold, checked on load.

No real scenario needs to come near these limits; they exist so that a typo (``"1e30 d"``, a
missing ``/h``, an infinity) is reported when the file is read instead of overflowing, hanging
or exhausting memory halfway through a run. README.md lists them for users.

=========================================  ===========================================
what                                       allowed
=========================================  ===========================================
any number                                 finite (no NaN, no infinity); not true/false
``days``                                   > 0; ``days + warmup_days + drain_days``
                                           at most 36,525 days (100 years)
``start_date``                             a Monday; the run ends by 9999-12-31
any time (service, delay, lead, ...)       0 to 365 d, in parameters and in every draw
a timeline or ``periods_at`` time          up to the run's end, if later than 365 d
``queue_sample``                           1 s to 365 d, at most 1,000,000 samples a run
arrival ``rate``                           0 to 1,000,000/d per port
``discharge_rate``                         1/d to 100,000/h
expected consignments per run              at most 100,000,000 (all ports)
hourly / weekly / monthly profile weights  0 to 1,000,000, at least one > 0
``capacity``, schedule entries             whole numbers 0 to 10,000
declarations per call (``batch.size``)     draws capped at 100,000
containers per declaration                 draws capped at 10,000
customs value (USD)                        draws capped at 1e12
``cv`` of lognormal / gamma                0 to 10 (gamma: at least 0.01)
empirical observations                     1 to 1,000,000 values, each finite and >= 0
lab ``batch_size``                         1 to 100,000
slot ``every``                             0 (no slots) or 1 min to 1 d
probabilities and shares                   0 to 1
a port's name                              letters, digits, _ and - (sim/scenario/port_names.py)
=========================================  ===========================================
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, Strict

HOURS_PER_DAY = 24.0

MAX_RUN_DAYS = 36_525.0
MAX_DURATION_H = 365 * HOURS_PER_DAY
MIN_QUEUE_SAMPLE_H = 1 / 3600
MAX_QUEUE_SAMPLES = 1_000_000
MAX_ARRIVAL_RATE_H = 1_000_000 / HOURS_PER_DAY
MIN_DISCHARGE_RATE_H = 1 / HOURS_PER_DAY
MAX_DISCHARGE_RATE_H = 100_000.0
MAX_CONSIGNMENTS = 100_000_000
MAX_WEIGHT = 1_000_000.0
MAX_SERVERS = 10_000
MAX_BATCH_SIZE = 100_000.0
MAX_CONTAINERS = 10_000.0
MAX_VALUE = 1e12
MAX_CV = 10.0
MIN_GAMMA_CV = 0.01
MAX_OBSERVATIONS = 1_000_000
MAX_LAB_BATCH = 100_000
MIN_SLOT_EVERY_H = 1 / 60
MAX_SLOT_EVERY_H = HOURS_PER_DAY
MAX_PLAIN_NUMBER = 1e12  # any other plain quantity in a distribution

MAX_DEPTH = 32  # tables and arrays nested in a scenario file (the schema needs 8)
MAX_EXTENDS = 32  # files in an ``extends`` chain


def clock(v: Any) -> float:
    """A time of day, ``"HH:MM"``, as hours after midnight (a ValueError saying how to write
    it otherwise)."""
    from sim.scenario.units import UnitError, parse_clock

    try:
        return parse_clock(v)
    except UnitError as exc:
        raise ValueError(str(exc)) from None


Clock = Annotated[float, BeforeValidator(clock)]


def on_the_hour(v: float, what: str) -> float:
    """``v`` (hours after midnight) if it is a whole hour; else a ValueError saying
    ``what`` (why it must be) and the time given as HH:MM."""
    if v != int(v):
        raise ValueError(f"{what}; got {int(v):02d}:{round((v - int(v)) * 60):02d}")
    return v


def real(v: Any) -> Any:
    """A number as written: int or float, never a boolean or a string (no silent coercion)."""
    if isinstance(v, bool):
        raise ValueError(f"expected a valid number, not {str(v).lower()}")
    if not isinstance(v, int | float):
        raise ValueError(f"expected a valid number; got {type(v).__name__} {v!r}"[:120])
    if isinstance(v, float) and not math.isfinite(v):
        raise ValueError(f"expected a finite number; got {v}")
    return v


def boolean(v: Any) -> Any:
    """A switch as written: true or false, never a number or a word ("no", "on", 1: no
    silent coercion)."""
    if not isinstance(v, bool):
        raise ValueError(f"expected true or false; got {type(v).__name__} {v!r}"[:120])
    return v


def whole(v: Any) -> Any:
    """A whole number as written (``3``), never a boolean, a float or a string."""
    if isinstance(v, bool):  # (as a scenario file writes it, not Python's True)
        raise ValueError(f"expected a whole number, not {str(v).lower()}")
    if not isinstance(v, int):
        raise ValueError(f"expected a whole number; got {v!r}"[:120] + read_as_float(v))
    return v


def read_as_float(v: Any) -> str:
    """Why a whole-valued float (``1e4``, ``4.0``) is not a whole number: TOML reads a
    number with an exponent or a decimal point as a float ("" for any other value)."""
    if isinstance(v, float) and v.is_integer():
        return (
            f"; {v!r} was read as a float (a number with an exponent or a decimal point is "
            f"one): write {int(v)}"
        )
    return ""


#: A finite number (int or float as written), never true/false.
Real = Annotated[float, BeforeValidator(real), Field(allow_inf_nan=False)]
#: A whole number as written (``3``): never true/false, a float or a string.
Whole = Annotated[int, BeforeValidator(whole), Strict()]
#: A switch: true or false as written.
Flag = Annotated[bool, BeforeValidator(boolean)]
#: A probability or share: a finite number in [0, 1], never true/false.
Probability = Annotated[float, BeforeValidator(real), Field(ge=0, le=1, allow_inf_nan=False)]
#: A number of servers: a whole number 0 .. MAX_SERVERS.
Servers = Annotated[int, BeforeValidator(whole), Strict(), Field(ge=0, le=MAX_SERVERS)]
#: a whole number of at least one, e.g. examinations an appointment slot can take
Count = Annotated[int, BeforeValidator(whole), Strict(), Field(ge=1, le=MAX_SERVERS)]


def _or_unlimited(low: int, what: str) -> Callable[[Any], Any]:
    """A validator of a whole number ``low`` .. MAX_SERVERS or ``"unlimited"``: one message
    saying both (not one per member of the union)."""
    allowed = f'a whole number of {what} from {low} to {MAX_SERVERS:,}, or "unlimited"'

    def check(v: Any) -> Any:
        if v == "unlimited" or (
            isinstance(v, int) and not isinstance(v, bool) and low <= v <= MAX_SERVERS
        ):
            return v
        near = isinstance(v, float) and v.is_integer() and low <= v <= MAX_SERVERS
        raise ValueError(allowed + (read_as_float(v) if near else ""))

    return check


#: A lane's capacity: a number of servers, or "unlimited" (a pure delay).
Capacity = Annotated[Servers | Literal["unlimited"], BeforeValidator(_or_unlimited(0, "servers"))]
#: Examinations an appointment slot can take, or "unlimited".
SlotCapacity = Annotated[
    Count | Literal["unlimited"], BeforeValidator(_or_unlimited(1, "examinations"))
]
#: A profile weight: finite, 0 .. MAX_WEIGHT.
Weight = Annotated[float, BeforeValidator(real), Field(ge=0, le=MAX_WEIGHT, allow_inf_nan=False)]


def check_run(days: float, warmup: float, drain: float) -> str | None:
    """Why a run of this length is refused (None when it is fine)."""
    total = days + warmup + drain
    if total > MAX_RUN_DAYS:
        return (
            f"days + warmup_days + drain_days = {total:g} days; at most {MAX_RUN_DAYS:,.0f} "
            "days (100 years)"
        )
    return None


def check_start(start: dt.date | None, days: float, warmup: float, drain: float) -> str | None:
    """Why a run of this length cannot start on ``start`` (None when it can): it is not a
    Monday (time 0 is Monday 00:00 in every weekly schedule and profile, so another weekday
    would be read as a Monday, silently), or its last day would be past the last date there
    is (9999-12-31)."""
    if start is None:
        return None
    total = days + warmup + drain
    latest = dt.date.max - dt.timedelta(days=math.ceil(total))
    latest -= dt.timedelta(days=latest.weekday())
    if start > latest:
        return (
            f"a run of {total:g} days (warm-up + days + drain) from {start} would end after "
            f"{dt.date.max}, the last date there is: start it on {latest} (a Monday) at the "
            "latest"
        )
    if start.weekday():
        monday = start - dt.timedelta(days=start.weekday())
        return (
            f"{start} is a {start:%A}: the run starts on a Monday (time 0 is Monday 00:00 in "
            f"every weekly schedule and arrival profile); start it on {monday} or "
            f"{monday + dt.timedelta(days=7)}"
        )
    return None


#: no value given (:class:`AtField`): the loader shows what the field holds
NOTHING: Any = object()
#: no value to show (:class:`AtField`): the problem is what the table lacks, not a value
UNSHOWN: Any = object()


class AtField(ValueError):
    """A problem found by a check of a whole table but belonging to one of its fields.

    ``path`` is relative to the table; the loader appends it to the table's location, so the
    message names the field (``ports.sea.traffic.commodities``) and not only the table.
    ``value``, when given, is the bad value to show (a table's key, say, not its table;
    :data:`UNSHOWN`: none).
    ``sources``: what the problem sets against each other (a label -> its field's path,
    relative to the table), so that the loader can say which file set each (a parent an
    ``extends`` chain inherits, the child, the command line) or that it is a default;
    ``hint``: what to do about it, said after them.
    """

    def __init__(
        self,
        path: str | tuple,
        message: str,
        value: Any = NOTHING,
        sources: dict[str, tuple[str, ...]] | None = None,
        hint: str = "",
    ):
        super().__init__(message)
        self.path = tuple(path.split(".")) if isinstance(path, str) else tuple(path)
        self.value = value
        self.sources = sources or {}
        self.hint = hint
