"""The other side of a land crossing (the partner country's controls), read from a small TOML
file: what :mod:`sim.analysis.both_sides` needs to put the partner's queue beside a run's own
port, so that a crossing is timed from one side's arrival to leaving the other side's control,
with the two sides' controls in series (today) or at one stop (a joint control zone).

A mistake names the file, the field path, the bad value and what is allowed."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from sim.scenario.units import UnitError, parse_clock, parse_duration


class PartnerSpecError(ValueError):
    """A partner file that cannot be read as written."""


@dataclass(frozen=True)
class Control:
    """One direction's control on the partner side: a FIFO desk (``officers`` servers, open
    ``open_h`` to ``close_h`` each day, lognormal service of mean ``service_h`` and
    coefficient of variation ``service_cv``), then for a share ``inspect_share`` of trucks
    a physical inspection by ``teams`` teams in the same hours (lognormal, ``inspect_h``,
    ``inspect_cv``)."""

    officers: int
    open_h: float
    close_h: float
    service_h: float
    service_cv: float
    inspect_share: float
    teams: int
    inspect_h: float
    inspect_cv: float


@dataclass(frozen=True)
class PartnerSide:
    """The partner's controls at the run's port ``port``: ``outbound`` for trucks bound for
    that port (the port's imports: the partner's export control), ``inbound`` for trucks
    from it (the port's exports: the partner's import control); ``joint_exam``: at one stop,
    a truck the port's side examines is examined once, jointly, not again by the partner."""

    name: str
    port: str
    outbound: Control
    inbound: Control
    joint_exam: bool


CONTROL_KEYS = ("officers", "hours", "service", "inspect_share", "teams", "inspect")


def load_partner(path: Path) -> PartnerSide:
    """Read and check a partner file (its fields: docs/both-sides.md)."""
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise PartnerSpecError(f"{path}: cannot read the partner file: {e}") from None
    return partner_from(raw, str(path))


def partner_from(raw: dict[str, Any], where: str) -> PartnerSide:
    """A :class:`PartnerSide` from a parsed TOML table (``where`` names it in errors)."""
    _only(raw, ("name", "port", "outbound", "inbound", "one_stop"), "", where)
    name, port = raw.get("name", "partner"), raw.get("port")
    if not isinstance(port, str) or not port:
        _fail(where, "port", port, "the name of the run's land port whose trucks it controls")
    if not isinstance(name, str):
        _fail(where, "name", name, "a string")
    one_stop = raw.get("one_stop", {})
    if not isinstance(one_stop, dict):
        _fail(where, "one_stop", one_stop, "a table")
    _only(one_stop, ("joint_exam",), "one_stop.", where)
    joint = one_stop.get("joint_exam", True)
    if not isinstance(joint, bool):
        _fail(where, "one_stop.joint_exam", joint, "true or false")
    return PartnerSide(str(name), port, _control(raw, "outbound", where),
                       _control(raw, "inbound", where), joint)


def _control(raw: dict[str, Any], key: str, where: str) -> Control:
    table = raw.get(key)
    if not isinstance(table, dict):
        _fail(where, key, table, f"a table [{key}] with {', '.join(CONTROL_KEYS)}")
    _only(table, CONTROL_KEYS, f"{key}.", where)
    missing = [k for k in CONTROL_KEYS if k not in table]
    if missing:
        _fail(where, f"{key}.{missing[0]}", None, "a value (every field is required)")
    hours = table["hours"]
    if not (isinstance(hours, list) and len(hours) == 2):
        _fail(where, f"{key}.hours", hours, 'two times of day, opening and closing, '
              'e.g. ["07:00", "19:00"]')
    open_h, close_h = (_read(parse_clock, h, where, f"{key}.hours") for h in hours)
    if close_h <= open_h:
        _fail(where, f"{key}.hours", hours, "a closing time after the opening time")
    service_h, service_cv = _lognormal(table["service"], where, f"{key}.service")
    inspect_h, inspect_cv = _lognormal(table["inspect"], where, f"{key}.inspect")
    share = table["inspect_share"]
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
        _fail(where, f"{key}.inspect_share", share, "a share from 0 to 1 (write 5 % as 0.05)")
    return Control(_servers(table["officers"], where, f"{key}.officers"), open_h, close_h,
                   service_h, service_cv, float(share),
                   _servers(table["teams"], where, f"{key}.teams"), inspect_h, inspect_cv)


def _servers(value: Any, where: str, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        _fail(where, field, value, "a whole number of at least 1")
    return int(value)


def _lognormal(value: Any, where: str, field: str) -> tuple[float, float]:
    allowed = '{ mean = "15 min", cv = 0.8 } (a lognormal time: its mean and cv, cv >= 0)'
    if not isinstance(value, dict) or set(value) != {"mean", "cv"}:
        _fail(where, field, value, allowed)
    mean = _read(parse_duration, value["mean"], where, f"{field}.mean")
    cv = value["cv"]
    if isinstance(cv, bool) or not isinstance(cv, int | float) or not 0 <= cv <= 10:
        _fail(where, f"{field}.cv", cv, "a coefficient of variation from 0 to 10")
    if mean <= 0:
        _fail(where, f"{field}.mean", value["mean"], "a time above zero")
    return mean, float(cv)


def _read(parse: Any, value: Any, where: str, field: str) -> float:
    try:
        return float(parse(value))
    except UnitError as e:
        raise PartnerSpecError(f"{where}: {field}: {e}") from None


def _only(table: dict[str, Any], allowed: tuple[str, ...], prefix: str, where: str) -> None:
    for k in table:
        if k not in allowed:
            _fail(where, f"{prefix}{k}", table[k], f"one of the fields {', '.join(allowed)}")


def _fail(where: str, field: str, value: Any, allowed: str) -> NoReturn:
    shown = "missing" if value is None else repr(value)
    raise PartnerSpecError(f"{where}: {field}: {shown}; allowed: {allowed}")
