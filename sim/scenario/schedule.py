"""A fixed schedule of vessel or train calls (``arrivals.schedule``) instead of random call
times: when each call comes (hours from the run's start, the warm-up's first day 00:00) and
how many import declarations it brings, written inline or read from a CSV.

The CSV has a first row of column names; ``hours`` and ``declarations`` are read, any other
column (a vessel's name, its boxes, its export cut-off) is left alone. Every problem is an
error naming the file, the row, the column, the bad value and what is allowed: a missing
column, an empty cell, a number not as a CSV writes one, a call before the previous one, a
call of no declarations. With a schedule, the port's ``rate`` and ``batch.size`` are replaced
by what the schedule comes to (a parent scenario's random calls no longer come), so that the
averages other parts read (``bordersim check --arrivals``, run-length hints) are the
schedule's.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, model_validator

from sim.scenario import limits
from sim.scenario.base import Strict
from sim.scenario.files import MAX_CSV_BYTES, FileProblem, read_text
from sim.scenario.limits import UNSHOWN, AtField

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

MAX_CALLS = 100_000  #: calls one schedule may hold (about 30 a day for ten years)
COLUMNS = ("hours", "declarations")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_HARMLESS = re.compile(r"[\w .+%:/-]{0,24}")
HOURS_ALLOWED = "hours from the run's start (the warm-up's first day, 00:00), a number 0 or more"
SIZE_ALLOWED = f"a whole number of declarations, 1 to {limits.MAX_BATCH_SIZE:,.0f}"


class Schedule(Strict):
    """Vessel or train calls at fixed times: ``csv = "calls.csv"`` (columns ``hours`` and
    ``declarations``, others left alone) or ``hours`` and ``declarations`` as lists, one
    entry a call, in order of arrival."""

    hours: list[limits.Real] = Field(
        description="when each call comes, in hours from the run's start (the warm-up's first "
        "day, 00:00), in order of arrival"
    )
    declarations: list[limits.Whole] = Field(description="the import declarations each call brings")

    @model_validator(mode="before")
    @classmethod
    def _read(cls, data: Any, info: Any) -> Any:
        if isinstance(data, str):
            data = {"csv": data}
        if isinstance(data, dict) and "csv" in data:
            extra = sorted(set(data) - {"csv"})
            if extra:
                raise ValueError(f"a schedule read from csv takes nothing else; got {extra}")
            base = Path((info.context or {}).get("base_dir", "."))
            path = base / str(data["csv"])
            if not Path(str(data["csv"])).is_absolute() and not (
                path.exists() or path.is_symlink()  # (a link to nowhere: said by the reader)
            ):
                raise ValueError(
                    f"schedule csv {str(path)!r}: no such file; a relative path is read from "
                    f"the scenario file's folder ({str(base)!r}): give it from there, or an "
                    "absolute path"
                )
            return read_schedule(path)
        return data

    @model_validator(mode="after")
    def _calls(self) -> Schedule:
        if len(self.hours) != len(self.declarations):
            raise ValueError(
                f"hours has {len(self.hours)} calls, declarations {len(self.declarations)}: "
                "give one of each per call"
            )
        where = (f"call {i + 1}" for i in range(len(self.hours)))
        check_calls(zip(where, self.hours, self.declarations, strict=True), "the schedule")
        return self

    def span(self) -> float:
        """The hours of the whole days to the last call (a day at least)."""
        return max(1, math.floor(self.hours[-1] / 24) + 1) * 24.0

    def per_hour(self) -> float:
        """Calls per hour over the whole days to the last call: the schedule's ``rate``."""
        return len(self.hours) / self.span()


def check_calls(calls: Iterator[tuple[str, float, float]], what: str) -> None:
    """Raise ``ValueError`` at the first call (``where``, hours, declarations) that is not a
    call of a schedule: a time not finite or below 0, before the previous call, a size not a
    whole number from 1."""
    previous, n = 0.0, 0
    for where, t, size in calls:
        n += 1
        if n > MAX_CALLS:
            raise ValueError(f"{what} has more than {MAX_CALLS:,} calls")
        if not (math.isfinite(t) and t >= 0):
            raise ValueError(f"{where}, column 'hours': {t!r} is not allowed; {HOURS_ALLOWED}")
        if t < previous:
            raise ValueError(
                f"{where}, column 'hours': {t:g} comes before the previous call's "
                f"{previous:g}; list the calls in order of arrival (calls at the same hour "
                "are allowed)"
            )
        if not (size == int(size) and 1 <= size <= limits.MAX_BATCH_SIZE):
            raise ValueError(
                f"{where}, column 'declarations': {size:g} is not allowed; {SIZE_ALLOWED}"
            )
        previous = t
    if n == 0:
        raise ValueError(f"{what} has no call; give at least one")


def read_schedule(path: Path) -> dict[str, list[Any]]:
    """The calls in the CSV at ``path``: ``{"hours": [...], "declarations": [...]}``."""
    name = repr(str(path))
    try:
        text = read_text(path, MAX_CSV_BYTES)
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        rows = [(reader.line_num, row) for row in reader]
    except FileProblem as exc:
        raise ValueError(f"schedule csv {name} {exc}") from None
    except csv.Error as exc:
        raise ValueError(f"schedule csv {name} cannot be read as CSV: {exc}") from None
    while rows and not any(cell.strip() for cell in rows[-1][1]):
        rows.pop()
    if not rows:
        raise ValueError(f"schedule csv {name} is empty; its first row names the columns "
                         "hours,declarations")
    header = [cell.strip() for cell in rows[0][1]]
    cols = [_column(name, header, c) for c in COLUMNS]
    found: dict[str, list[Any]] = {"hours": [], "declarations": []}
    checked = []
    for line, row in rows[1:]:
        if len(row) != len(header):
            raise ValueError(
                f"schedule csv {name} row {line}: {len(row)} cell(s), but the first row names "
                f"{len(header)} columns; every row needs one cell per column"
            )
        t, size = (_number(name, line, c, row[i]) for c, i in zip(COLUMNS, cols, strict=True))
        checked.append((f"schedule csv {name} row {line}", t, size))
        found["hours"].append(t)
        found["declarations"].append(int(size) if size == int(size) else size)
    check_calls(iter(checked), f"schedule csv {name}")
    return found


def _column(name: str, header: list[str], column: str) -> int:
    """Where ``column`` is in the first row: exactly once."""
    at = [i for i, h in enumerate(header) if h == column]
    if len(at) != 1:
        problem = "does not name" if not at else f"names {len(at)} times"
        raise ValueError(
            f"schedule csv {name}: the first row {problem} the column {column!r}; it needs the "
            f"columns {', '.join(COLUMNS)} once each (others are left alone)"
        )
    return at[0]


def _number(name: str, line: int, column: str, cell: str) -> float:
    """A cell as a number, or an error saying where, what it holds and what is allowed."""
    cell = cell.strip()
    if _NUMBER.fullmatch(cell):
        return float(cell)
    shown = repr(cell) if _HARMLESS.fullmatch(cell) else "a cell not shown (long or unusual)"
    allowed = HOURS_ALLOWED if column == "hours" else SIZE_ALLOWED
    empty = "an empty cell" if cell == "" else f"{shown}, not a number"
    raise ValueError(f"schedule csv {name} row {line}, column {column!r}: {empty}; {allowed}")


def fill_from_schedule(data: Any, info: Any) -> Any:
    """An ``arrivals`` table (as written) with its schedule read, and ``rate`` and
    ``batch.size`` replaced by what it comes to: written beside it or inherited from a parent
    scenario, they would describe random calls that no longer come."""
    if not isinstance(data, dict) or data.get("schedule") is None:
        return data
    try:
        schedule = Schedule.model_validate(data["schedule"], context=info.context)
    except ValueError as exc:
        errors = getattr(exc, "errors", None)
        message = str(errors()[0]["msg"]).removeprefix("Value error, ") if errors else str(exc)
        raise AtField("schedule", message) from None
    out = {**data, "schedule": schedule, "rate": f"{len(schedule.hours)} / {schedule.span():g} h"}
    batch = out.get("batch")
    if isinstance(batch, dict):
        sizes = [float(n) for n in schedule.declarations]
        out["batch"] = {**batch, "size": {"dist": "empirical", "values": sizes}}
    return out


def schedule_line(schedule: Schedule) -> str:
    """What a schedule comes to (``bordersim check --arrivals``): its calls and declarations,
    the day's average, and its busiest day (day 0: the warm-up's first, as ``bordersim hours
    --peak`` and ``extra_from`` count)."""
    days = int(schedule.span() // 24)
    per_day = [0] * days
    calls = [0] * days
    for t, n in zip(schedule.hours, schedule.declarations, strict=True):
        per_day[int(t // 24)] += n
        calls[int(t // 24)] += 1
    busiest = max(range(days), key=per_day.__getitem__)
    total = sum(per_day)
    return (
        f"{len(schedule.hours)} calls at fixed times (a schedule), hours {schedule.hours[0]:g} "
        f"to {schedule.hours[-1]:g}: {total:,} declarations, {total / days:.3g}/d over its "
        f"{days} days; busiest day {busiest} (hours {busiest * 24} to {busiest * 24 + 24}), "
        f"{per_day[busiest]:,} declarations in {calls[busiest]} call(s)"
    )


def unscheduled_fields(scenario: Scenario) -> dict[str, str]:
    """The fields of random calls at each scheduled port -> why they act on nothing there
    (a ``--set`` or an option changing them is told so, not shown as no difference); a call
    pattern of share below 1 leaves them acting on the random calls beside it."""
    out = {}
    for name, port in scenario.ports.items():
        if port.arrivals.calls is not None and port.arrivals.calls.share < 1:
            continue
        if port.arrivals.calls is not None:
            out.update(dict.fromkeys(
                (f"ports.{name}.arrivals.{f}" for f in
                 ("rate", "hourly", "weekly", "monthly", "hour_of_week", "batch.size")),
                f"the calls at {name!r} come from its call pattern (ports.{name}.arrivals."
                "calls), which replaces the rate and size of random calls (change its slots "
                "or boxes instead)"))
            continue
        if port.arrivals.schedule is None:
            continue
        why = (f"the calls at {name!r} come from its schedule (ports.{name}.arrivals.schedule), "
               "which replaces the rate and size of random calls (change the schedule's file "
               "instead)")
        for field in ("rate", "hourly", "weekly", "monthly", "hour_of_week", "batch.size"):
            out[f"ports.{name}.arrivals.{field}"] = why
    return out


def check_filled(arrivals: Any) -> None:
    """Raise :class:`AtField` where a scheduled ``arrivals`` (or one with a call pattern)
    adds random calls (``extra``)."""
    if arrivals.schedule is None and arrivals.calls is None:
        return
    if arrivals.extra > 0 and arrivals.calls is not None:
        raise AtField("extra", "extra adds random calls, and the call pattern gives the "
                      "calls: add slots to the pattern (or raise its boxes), or set extra = 0")
    if arrivals.extra > 0:
        raise AtField("extra", "extra adds random calls, and a schedule fixes them: put the "
                      "added calls in the schedule, or set extra = 0")


def check_schedules(scenario: Scenario) -> None:
    """Raise :class:`AtField` at a schedule that cannot be followed: of exports (trucks), of
    imports without vessels (``batch``), with a call after arrivals stop (the observed days'
    end, which would be left out), or with no call in the observed days (nothing would be
    measured)."""
    warmup = scenario.warmup_days * 24.0
    stop = warmup + scenario.days * 24.0
    for pname, port in scenario.ports.items():
        if port.exports is not None and port.exports.arrivals.calls is not None:
            raise AtField(("ports", pname, "exports", "arrivals", "calls"),
                          "exports arrive by truck, one declaration at a time: a call pattern "
                          "gives the vessel calls of imports; delete it here", value=UNSHOWN)
        if port.exports is not None and port.exports.arrivals.schedule is not None:
            raise AtField(("ports", pname, "exports", "arrivals", "schedule"),
                          "exports arrive by truck, one declaration at a time: a schedule "
                          "lists the vessel or train calls of imports; delete it here",
                          value=UNSHOWN)
        if port.arrivals.calls is not None and port.arrivals.batch is None:
            raise AtField(("ports", pname, "arrivals", "calls"), "a call pattern gives vessel "
                          "calls: give arrivals.batch (its discharge_rate unloads each call) "
                          "too", value=UNSHOWN)
        schedule = port.arrivals.schedule
        if schedule is None:
            continue
        path = ("ports", pname, "arrivals", "schedule")
        if port.arrivals.batch is None:
            raise AtField(path, "a schedule lists vessel or train calls: give arrivals.batch "
                          "(its discharge_rate unloads each call) too", value=UNSHOWN)
        run = (f"arrivals stop at hour {stop:g} ({scenario.warmup_days:g} days of warm-up, "
               f"then {scenario.days:g} observed days; hours count from the warm-up's first day)")
        late = [i for i, t in enumerate(schedule.hours) if t >= stop]
        if late:
            i = late[0]
            raise AtField(path, f"{len(late)} call(s), from call {i + 1} at hour "
                          f"{schedule.hours[i]:g}, come after {run}: lengthen days, or leave "
                          "those calls out of the schedule", value=UNSHOWN)
        if schedule.hours[-1] < warmup:
            raise AtField(path, f"every call comes in the warm-up (the last at hour "
                          f"{schedule.hours[-1]:g}), and {run}: no call would be observed; "
                          "count hours from the warm-up's first day", value=UNSHOWN)


def schedule_notes(scenario: Scenario) -> list[str]:
    """Notes on a scheduled port whose calls leave part of the run without imports: none in
    the warm-up (its lanes start the observed days empty, a yard no month starts with), or
    none in the observed days' last day or more (they observe no import arriving)."""
    warmup = scenario.warmup_days * 24.0
    stop = warmup + scenario.days * 24.0
    out = []
    for pname, port in scenario.ports.items():
        schedule = port.arrivals.schedule
        if schedule is None:
            continue
        path = f"ports.{pname}.arrivals.schedule"
        if warmup > 0 and schedule.hours[0] >= warmup:
            out.append(
                f"{path} has no call in the warm-up (its first at hour {schedule.hours[0]:g}, "
                f"the observed days from hour {warmup:g}): {pname}'s import lanes start the "
                "observed days empty, so its first days clear faster than they will; give the "
                "calls of the weeks before too (they fill the yard and are not counted)"
            )
        if stop - schedule.hours[-1] >= 24:
            out.append(
                f"{path} has no call after hour {schedule.hours[-1]:g}, and the observed days "
                f"run to hour {stop:g}: {(stop - schedule.hours[-1]) / 24:.3g} days at "
                f"{pname} observe no import arriving; shorten days or give their calls"
            )
    return out

