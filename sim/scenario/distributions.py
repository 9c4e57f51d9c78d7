"""Probability distributions for service, transfer and delay times (and plain quantities).

A scenario writes a distribution as a table with a ``dist`` key, e.g.
``{dist = "lognormal", mean = "2 h", cv = 0.5}``, or as a bare duration ``"15 min"`` meaning
a fixed time. Every distribution is sampled by its inverse CDF, :meth:`ppf`, from uniforms the
model drew in advance: the same uniform gives the same quantile whatever the parameters, which is
what keeps random numbers common across reforms.

Parameters are converted on load: durations to hours, plain quantities left as numbers.
"""

from __future__ import annotations

import csv
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
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)
from scipy import special

from sim.scenario.units import TIME_UNITS, UnitError, parse_duration


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


class _Dist(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    dist: str  # each distribution narrows it to its own tag

    def _check(self) -> None:  # pragma: no cover - overridden
        """Raise ValueError if the (converted) parameters are not allowed."""
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

    def _check(self) -> None:
        if self.mean_ <= 0:
            raise ValueError(f"exponential mean must be > 0; got {self.mean_}")

    def ppf(self, u: np.ndarray) -> np.ndarray:
        out: np.ndarray = -self.mean_ * np.log1p(-u)
        return out

    @property
    def mean(self) -> float:
        return float(self.mean_)


class LogNormal(_Dist):
    """Right-skewed times, given by their mean and coefficient of variation (sd / mean)."""

    dist: Literal["lognormal"]
    mean_: Quantity = Field(alias="mean")
    cv: float = Field(ge=0)

    def _quantities(self) -> tuple[str, ...]:
        return ("mean_",)

    def _check(self) -> None:
        if self.mean_ <= 0:
            raise ValueError(f"lognormal mean must be > 0; got {self.mean_}")

    def ppf(self, u: np.ndarray) -> np.ndarray:
        s2 = math.log1p(self.cv**2)
        mu = math.log(self.mean_) - s2 / 2
        return np.exp(mu + math.sqrt(s2) * special.ndtri(u))

    @property
    def mean(self) -> float:
        return float(self.mean_)


class Gamma(_Dist):
    """Gamma times by mean and coefficient of variation (cv = 1 is exponential)."""

    dist: Literal["gamma"]
    mean_: Quantity = Field(alias="mean")
    cv: float = Field(gt=0)

    def _quantities(self) -> tuple[str, ...]:
        return ("mean_",)

    def _check(self) -> None:
        if self.mean_ <= 0:
            raise ValueError(f"gamma mean must be > 0; got {self.mean_}")

    def ppf(self, u: np.ndarray) -> np.ndarray:
        shape = 1 / self.cv**2
        return special.gammaincinv(shape, u) * (self.mean_ / shape)

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

    def _check(self) -> None:
        if not (self.low <= self.mode <= self.high) or self.low == self.high:
            raise ValueError(
                f"triangular needs low <= mode <= high and low < high; "
                f"got low={self.low}, mode={self.mode}, high={self.high}"
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

    def _check(self) -> None:
        if not self.low <= self.high:
            raise ValueError(f"uniform needs low <= high; got low={self.low}, high={self.high}")

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

    def _check(self) -> None:
        pass

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return np.full(np.shape(u), float(self.value))

    @property
    def mean(self) -> float:
        return float(self.value)


class Empirical(_Dist):
    """Resampled observations: ``values = [...]`` or ``csv = "file.csv"`` (+ ``column``).

    Each draw returns one of the observations with equal probability (bootstrap). CSV numbers
    are in ``unit`` (required for durations), the path relative to the scenario file.
    """

    dist: Literal["empirical"]
    values: list[Quantity] | None = None
    csv_: str | None = Field(default=None, alias="csv")
    column: str | None = None
    unit: str | None = None

    def _quantities(self) -> tuple[str, ...]:
        return ()

    def _check(self) -> None:
        if not self.values:
            raise ValueError("empirical needs at least one value")
        if any(v < 0 for v in self.values):
            raise ValueError("empirical values must be >= 0")

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
    assert d.csv_ is not None
    base = Path((info.context or {}).get("base_dir", "."))
    path = (base / d.csv_).resolve()
    try:
        with path.open(newline="") as fh:
            rows = list(csv.reader(fh))
    except OSError as exc:
        raise ValueError(f"cannot read empirical csv {str(path)!r}: {exc.strerror}") from None
    if not rows:
        raise ValueError(f"empirical csv {str(path)!r} is empty")
    header = rows[0]
    col = 0
    body = rows
    if d.column is not None:
        if d.column not in header:
            raise ValueError(f"column {d.column!r} not in {str(path)!r}; columns: {header}")
        col, body = header.index(d.column), rows[1:]
    out: list[float] = []
    for i, row in enumerate(body):
        cell = row[col].strip() if col < len(row) else ""
        if cell == "":
            continue
        try:
            out.append(float(cell))
        except ValueError:
            if i == 0 and d.column is None:  # a header line
                continue
            raise ValueError(f"{str(path)!r} row {i + 1}: {cell!r} is not a number") from None
    return out


def _convert(kind: str) -> Callable[[Any, ValidatorFunctionWrapHandler, ValidationInfo], _Dist]:
    """Build the validator that turns parsed quantities into floats (hours for durations)."""

    def convert(value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> _Dist:
        d: _Dist = handler(_shorthand(value))
        update: dict[str, Any] = {}
        for name in d._quantities():
            try:
                update[name] = _quantity(getattr(d, name), kind)
            except ValueError as exc:
                raise ValueError(f"{d.dist} {name.rstrip('_')}: {exc}") from None
        if isinstance(d, Empirical):
            if (d.values is None) == (d.csv_ is None):
                raise ValueError("empirical needs exactly one of 'values' or 'csv'")
            raw = d.values if d.values is not None else _read_csv(d, info)
            if d.unit is not None:
                if kind != "duration":
                    raise ValueError("'unit' is only for durations")
                if d.unit not in TIME_UNITS:
                    raise ValueError(f"unknown unit {d.unit!r}")
                scale = TIME_UNITS[d.unit]
                update["values"] = [float(v) * scale for v in raw]
            elif d.csv_ is not None and kind == "duration":
                raise ValueError("an empirical csv of durations needs 'unit', e.g. unit = 'min'")
            else:
                update["values"] = [_quantity(v, kind) for v in raw]
        out = d.model_copy(update=update)
        out._check()
        return out

    return convert


def _quantity(v: Any, kind: str) -> float:
    if kind == "duration":
        if isinstance(v, int | float) and not isinstance(v, bool) and v == 0:
            return 0.0
        try:
            return parse_duration(v)
        except UnitError as exc:
            raise ValueError(str(exc)) from None
    if isinstance(v, str):
        raise ValueError(f"expected a plain number here, without a unit; got {v!r}")
    if not math.isfinite(v) or v < 0:
        raise ValueError(f"expected a finite number >= 0; got {v!r}")
    return float(v)


def hours(text: str) -> float:
    """A duration written with a unit (``"3 s"``), in hours: a typed default for ``Duration``."""
    return _quantity(text, "duration")


def fixed(value: float | str, kind: Literal["duration", "number"] = "duration") -> Deterministic:
    """A fixed duration (``"0 h"``) or number as a validated distribution: a typed default for
    ``DurationDist`` or ``NumberDist``, equal to what validating ``value`` would give."""
    return Deterministic(dist="deterministic", value=_quantity(value, kind))


#: A distribution of durations; parameters carry time units and are held in hours.
DurationDist = Annotated[AnyDist, WrapValidator(_convert("duration"))]
#: A distribution of plain quantities (goods value, containers per declaration, ...).
NumberDist = Annotated[AnyDist, WrapValidator(_convert("number"))]
#: A single duration in hours, written with a unit.
Duration = Annotated[float, BeforeValidator(lambda v: _quantity(v, "duration"))]
