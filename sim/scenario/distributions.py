"""Probability distributions for service, transfer and delay times (and plain quantities).

A scenario writes a distribution as a table with a ``dist`` key, e.g.
``{dist = "lognormal", mean = "2 h", cv = 0.5}``, or as a bare duration ``"15 min"`` meaning
a fixed time. Every distribution is sampled by its inverse CDF, :meth:`ppf`, from uniforms the
model drew in advance: the same uniform gives the same quantile whatever the parameters, which is
what keeps random numbers common across reforms.

Parameters are converted on load: durations to hours, plain quantities left as numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from scipy import special

from sim.scenario import limits
from sim.scenario.units import TIME_UNITS, UnitError, parse_duration, unknown_unit


def _raw_quantity(value: Any) -> float | str:
    """A parameter as written: a number, or a string with a unit (``"8 min"``).

    It is converted to a float (hours for durations) by :data:`DurationDist` or
    :data:`NumberDist` right after the distribution is parsed, so a validated distribution
    only ever holds floats, which is what :data:`Quantity` declares.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise ValueError(f"expected a number or a quantity with a unit, e.g. '8 min'; got {value!r}")


#: A distribution parameter: a float once validated (read as a number or a string with a unit).
Quantity = Annotated[float, PlainValidator(_raw_quantity)]
#: a coefficient of variation (sd / mean)
CV = Annotated[
    float, BeforeValidator(limits.real), Field(ge=0, le=limits.MAX_CV, allow_inf_nan=False)
]


class _Dist(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    #: the largest value a draw may take (set on load from the field's kind)
    _cap: float = PrivateAttr(default=limits.MAX_DURATION_H)

    dist: str  # each distribution narrows it to its own tag

    def _shown(self, written: dict[str, Any], name: str) -> str:
        """A parameter as the user wrote it (``"50 min"``, not its hours), for messages."""
        return repr(written.get(name, getattr(self, name)))

    def _check(self, written: dict[str, Any]) -> None:  # pragma: no cover - overridden
        """Raise ValueError if the (converted) parameters are not allowed (``written``: the
        parameters as written, to quote)."""
        raise NotImplementedError

    def ppf(self, u: np.ndarray) -> np.ndarray:  # pragma: no cover - overridden
        raise NotImplementedError

    @property
    def mean(self) -> float:  # pragma: no cover - overridden
        raise NotImplementedError

    def _quantities(self) -> tuple[str, ...]:
        return ()


class Exponential(_Dist):
    """Memoryless times (Poisson-like service); one parameter, the mean."""

    dist: Literal["exponential"]
    mean_: Quantity = Field(alias="mean")

    def _quantities(self) -> tuple[str, ...]:
        return ("mean_",)

    def _check(self, written: dict[str, Any]) -> None:
        if self.mean_ <= 0:
            raise ValueError(f"exponential mean must be > 0; got {self._shown(written, 'mean_')}")

    def ppf(self, u: np.ndarray) -> np.ndarray:
        out: np.ndarray = np.minimum(-self.mean_ * np.log1p(-u), self._cap)
        return out

    @property
    def mean(self) -> float:
        return float(self.mean_)


class LogNormal(_Dist):
    """Right-skewed times, given by their mean and coefficient of variation (sd / mean)."""

    dist: Literal["lognormal"]
    mean_: Quantity = Field(alias="mean")
    cv: CV

    def _quantities(self) -> tuple[str, ...]:
        return ("mean_",)

    def _check(self, written: dict[str, Any]) -> None:
        if self.mean_ <= 0:
            raise ValueError(f"lognormal mean must be > 0; got {self._shown(written, 'mean_')}")

    def ppf(self, u: np.ndarray) -> np.ndarray:
        s2 = math.log1p(self.cv**2)
        if s2 == 0:  # cv 0 (or too small to matter): a fixed time; ndtri(0) * 0 is NaN
            return np.full(np.shape(u), min(float(self.mean_), self._cap))
        mu = math.log(self.mean_) - s2 / 2
        with np.errstate(over="ignore"):
            return np.minimum(np.exp(mu + math.sqrt(s2) * special.ndtri(u)), self._cap)

    @property
    def mean(self) -> float:
        return float(self.mean_)


class Gamma(_Dist):
    """Gamma times by mean and coefficient of variation (cv = 1 is exponential)."""

    dist: Literal["gamma"]
    mean_: Quantity = Field(alias="mean")
    cv: Annotated[CV, Field(ge=limits.MIN_GAMMA_CV)]

    def _quantities(self) -> tuple[str, ...]:
        return ("mean_",)

    def _check(self, written: dict[str, Any]) -> None:
        if self.mean_ <= 0:
            raise ValueError(f"gamma mean must be > 0; got {self._shown(written, 'mean_')}")

    def ppf(self, u: np.ndarray) -> np.ndarray:
        shape = 1 / self.cv**2
        out: np.ndarray = np.minimum(
            special.gammaincinv(shape, u) * (self.mean_ / shape), self._cap
        )
        return out

    @property
    def mean(self) -> float:
        return float(self.mean_)


class Triangular(_Dist):
    """Three-point estimate (low, most likely, high), as officers give them in interviews."""

    dist: Literal["triangular"]
    low: Quantity
    mode: Quantity
    high: Quantity

    def _quantities(self) -> tuple[str, ...]:
        return ("low", "mode", "high")

    def _check(self, written: dict[str, Any]) -> None:
        if not (self.low <= self.mode <= self.high) or self.low == self.high:
            raise ValueError(
                f"triangular needs low <= mode <= high and low < high; "
                f"got low={self._shown(written, 'low')}, mode={self._shown(written, 'mode')}, "
                f"high={self._shown(written, 'high')}"
            )

    def ppf(self, u: np.ndarray) -> np.ndarray:
        a, c, b = self.low, self.mode, self.high
        fc = (c - a) / (b - a)
        left = a + np.sqrt(u * (b - a) * (c - a))
        right = b - np.sqrt((1 - u) * (b - a) * (b - c))
        return np.where(u < fc, left, right)

    @property
    def mean(self) -> float:
        return (self.low + self.mode + self.high) / 3


class Uniform(_Dist):
    """Equally likely between low and high."""

    dist: Literal["uniform"]
    low: Quantity
    high: Quantity

    def _quantities(self) -> tuple[str, ...]:
        return ("low", "high")

    def _check(self, written: dict[str, Any]) -> None:
        if not self.low <= self.high:
            raise ValueError(
                f"uniform needs low <= high; got low={self._shown(written, 'low')}, "
                f"high={self._shown(written, 'high')}"
            )

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return self.low + u * (self.high - self.low)

    @property
    def mean(self) -> float:
        return (self.low + self.high) / 2


class Deterministic(_Dist):
    """A fixed time (no variability)."""

    dist: Literal["deterministic"]
    value: Quantity

    def _quantities(self) -> tuple[str, ...]:
        return ("value",)

    def _check(self, written: dict[str, Any]) -> None:
        pass

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return np.full(np.shape(u), float(self.value))

    @property
    def mean(self) -> float:
        return float(self.value)


class Empirical(_Dist):
    """Resampled observations: ``values = [...]`` or ``csv = "file.csv"`` (+ ``column``).

    Each draw returns one of the observations with equal probability (bootstrap). CSV numbers
    are in ``unit`` (required for durations), the path relative to the scenario file. Every
    row holds one observation and as many cells as the first row: an empty cell, a short
    or long row, a quote never closed, a number not as a CSV writes one (``1_000``) or a
    ``column`` the first row names twice is an error naming the line, never a row left out
    or a guess.
    """

    dist: Literal["empirical"]
    values: list[Quantity] | None = None
    csv_: str | None = Field(default=None, alias="csv")
    column: str | None = None
    unit: str | None = None

    def _quantities(self) -> tuple[str, ...]:
        return ()

    def _check(self, written: dict[str, Any]) -> None:
        if not self.values:
            raise ValueError("empirical needs at least one value")
        if len(self.values) > limits.MAX_OBSERVATIONS:
            raise ValueError(
                f"empirical has {len(self.values):,} values; at most {limits.MAX_OBSERVATIONS:,}"
            )
        for i, v in enumerate(self.values):
            if not (math.isfinite(v) and 0 <= v <= self._cap):
                raise ValueError(
                    f"empirical value {i + 1} is {self._written_value(written, i, v)}; each "
                    f"must be finite, >= 0 and "
                    f"<= {self._cap:g}{' h' if self._cap == limits.MAX_DURATION_H else ''}"
                )

    def _written_value(self, written: dict[str, Any], i: int, v: float) -> str:
        """Value ``i`` as written (``-2`` with its unit, not its hours); a CSV's as read."""
        values = written.get("values")
        if not isinstance(values, list) or i >= len(values):
            return repr(v) if self.unit is None else f"{v!r} h"
        value, unit = values[i], written.get("unit")
        if isinstance(value, str):
            return repr(value)
        return f"{value:g}" + (f" {unit}" if unit else "")

    def ppf(self, u: np.ndarray) -> np.ndarray:
        vals = np.asarray(self.values, dtype=float)
        idx = np.minimum((u * len(vals)).astype(np.int64), len(vals) - 1)
        return vals[idx]

    @property
    def mean(self) -> float:
        assert self.values is not None  # validation guarantees at least one value
        return float(np.mean(self.values))


AnyDist = Annotated[
    Exponential | LogNormal | Gamma | Triangular | Uniform | Deterministic | Empirical,
    Field(discriminator="dist"),
]
DIST_NAMES = "exponential, lognormal, gamma, triangular, uniform, deterministic, empirical"


def _shorthand(value: Any) -> Any:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return {"dist": "deterministic", "value": value}
    if isinstance(value, dict) and "dist" not in value:
        raise ValueError(f"a distribution needs a 'dist' key, one of: {DIST_NAMES}")
    return value


def _read_csv(d: Empirical, info: ValidationInfo) -> list[float]:
    """The observations in ``d``'s CSV (see :mod:`sim.scenario.csv_observations`), its path
    relative to the scenario file."""
    from sim.scenario.csv_observations import read_observations

    assert d.csv_ is not None
    base = Path((info.context or {}).get("base_dir", "."))
    return read_observations(base / str(d.csv_), d.column)


def _convert(
    kind: str, cap: float | None = None
) -> Callable[[Any, ValidatorFunctionWrapHandler, ValidationInfo], _Dist]:
    """Build the validator that turns parsed quantities into floats (hours for durations).

    ``cap`` bounds every parameter and every draw (default: 365 d for durations, 1e12 for
    plain quantities).
    """
    if cap is None:
        cap = limits.MAX_DURATION_H if kind == "duration" else limits.MAX_PLAIN_NUMBER

    def convert(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> _Dist:
        d: _Dist = handler(_shorthand(value))
        update: dict[str, Any] = {}
        written_values: dict[str, Any] = {}
        for name in d._quantities():
            try:
                update[name] = _quantity(getattr(d, name), kind, cap)
            except ValueError as exc:
                raise ValueError(f"{d.dist} {name.rstrip('_')}: {exc}") from None
        if isinstance(d, Empirical):  # (its values are now in hours: it no longer needs the
            # csv read or the unit applied, and validated again it must not apply them again)
            update["values"], written_values = _empirical_values(d, kind, cap, info)
            update.update(csv_=None, column=None, unit=None)
        out = d.model_copy(update=update)
        out._cap = cap
        written = {name: getattr(d, name) for name in d._quantities()}
        out._check(written | written_values)
        return out

    return convert


def _empirical_values(
    d: Empirical, kind: str, cap: float, info: ValidationInfo
) -> tuple[list[float], dict[str, Any]]:
    """An empirical distribution's observations, converted (hours for durations), and its
    values as written (to quote)."""
    if (d.values is None) == (d.csv_ is None):
        raise ValueError("empirical needs exactly one of 'values' or 'csv'")
    if d.values is not None and len(d.values) > limits.MAX_OBSERVATIONS:
        raise ValueError(f"empirical: at most {limits.MAX_OBSERVATIONS:,} values")
    raw = d.values if d.values is not None else _read_csv(d, info)
    written = {"values": list(raw), "unit": d.unit}  # (quoted by _check)
    if d.unit is not None:
        if kind != "duration":
            raise ValueError("'unit' is only for durations")
        if d.unit not in TIME_UNITS:
            raise ValueError(f"unknown unit {d.unit!r}; {unknown_unit(d.unit)}")
        scale = TIME_UNITS[d.unit]
        try:
            return [float(limits.real(v)) * scale for v in raw], written
        except ValueError as exc:
            raise ValueError(f"empirical values with a unit are plain numbers: {exc}") from None
    if d.csv_ is not None and kind == "duration":
        raise ValueError("an empirical csv of durations needs 'unit', e.g. unit = 'min'")
    return [_quantity(v, kind, cap) for v in raw], written


def _quantity(v: Any, kind: str, cap: float | None = None) -> float:
    if kind == "duration":
        cap = limits.MAX_DURATION_H if cap is None else cap
        if isinstance(v, int | float) and not isinstance(v, bool) and v == 0:
            return 0.0
        try:
            hours = parse_duration(v)
        except UnitError as exc:
            raise ValueError(str(exc)) from None
        if hours > cap:
            raise ValueError(f"at most {cap / 24:g} d; got {v!r}")
        return hours
    cap = limits.MAX_PLAIN_NUMBER if cap is None else cap
    if isinstance(v, str):
        raise ValueError(f"expected a plain number here, without a unit; got {v!r}")
    limits.real(v)
    if not math.isfinite(v) or v < 0 or v > cap:
        raise ValueError(f"expected a finite number from 0 to {cap:g}; got {v!r}")
    return float(v)


def hours(text: str) -> float:
    """A duration written with a unit (``"3 s"``), in hours: a typed default for ``Duration``."""
    return _quantity(text, "duration")


def fixed(
    value: float | str, kind: Literal["duration", "number"] = "duration", cap: float | None = None
) -> Deterministic:
    """A fixed duration (``"0 h"``) or number as a validated distribution: a typed default for
    ``DurationDist`` or ``NumberDist`` (of cap ``cap``: :func:`number_dist`), equal to what
    validating ``value`` would give."""
    out = Deterministic(dist="deterministic", value=_quantity(value, kind, cap))
    if cap is not None or kind == "number":
        out._cap = limits.MAX_PLAIN_NUMBER if cap is None else cap
    return out


def number_dist(cap: float) -> Any:
    """A distribution of plain quantities whose parameters and draws are at most ``cap``."""
    return Annotated[AnyDist, WrapValidator(_convert("number", cap))]


#: A distribution of durations; parameters carry time units and are held in hours.
DurationDist = Annotated[AnyDist, WrapValidator(_convert("duration"))]
#: A distribution of plain quantities (goods value, containers per declaration, ...).
NumberDist = Annotated[AnyDist, WrapValidator(_convert("number"))]
#: A single duration in hours, written with a unit.
Duration = Annotated[float, BeforeValidator(lambda v: _quantity(v, "duration"))]
