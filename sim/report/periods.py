"""A comparison's periods in words for the page: each by the days its goods arrived (and how
far into the observed run), which option switches on what at which date, and for how many of
the observed days an option's own dated reform was in force. Read from the options' resolved
scenarios (``scenario.json``: warm-up, observed days, the timeline's times in hours)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sim.report.folder import Variant


@dataclass(frozen=True)
class Periods:
    """The words of a comparison's periods."""

    #: ``era_<k>`` -> "Goods arriving from day 21 (7 days into the observed run) to ..."
    labels: dict[str, str] = field(default_factory=dict)
    #: option -> ``era_<k>`` -> what its own dated reforms switch on when that period begins
    own: dict[str, dict[str, str]] = field(default_factory=dict)
    #: said once: which option switches on what at which date
    note: str = ""
    #: option -> (observed days its own earliest dated reform was in force, observed days)
    in_force: dict[str, tuple[float, float]] = field(default_factory=dict)


def _hours(at: Any, start: Any) -> float:
    """A timeline entry's time in hours after the run's start (a date, with ``start``)."""
    if isinstance(at, str):
        return (dt.date.fromisoformat(at) - dt.date.fromisoformat(str(start))).days * 24.0
    return float(at)


def day_words(days: float, scenario: Mapping[str, Any]) -> str:
    """``day 21 (7 days into the observed run)``, with the calendar date when the run has
    one; a day at or before the observed run's start is that start."""
    warmup = float(scenario.get("warmup_days") or 0)
    day = max(days, warmup)
    where = ("the observed run's start" if day <= warmup else
             f"{day - warmup:g} day{'s' if day - warmup != 1 else ''} into the observed run")
    start = scenario.get("start_date")
    when = f"day {day:g}"
    if start:
        when = f"{dt.date.fromisoformat(str(start)) + dt.timedelta(days=day):%Y-%m-%d}, {when}"
    return f"{when} ({where})"


def own_dated(option_reform: str, scenario: Mapping[str, Any]) -> list[tuple[float, str]]:
    """An option's own dated reforms (those its reform text dates, ``NAME@TIME``) as (days
    after the run's start, reform label), from its scenario's timeline, earliest first."""
    from sim.reforms.compose import parse
    from sim.reforms.reform import ReformError

    try:
        labels = {label for label, _ in parse(option_reform).dated} if option_reform else set()
    except ReformError:
        return []
    start = scenario.get("start_date")
    return sorted(
        (_hours(e["at"], start) / 24.0, str(e["reform"]))
        for e in scenario.get("timeline") or [] if str(e.get("reform")) in labels
    )


def _starts(scenario: Mapping[str, Any]) -> list[float]:
    """Each period's start in days (period 0 at the run's start), as the run splits it: at
    every distinct time of the timeline and of ``periods_at``."""
    start = scenario.get("start_date")
    times = {_hours(e["at"], start) for e in scenario.get("timeline") or []}
    times |= {float(t) for t in scenario.get("periods_at") or []}
    return [0.0, *(t / 24.0 for t in sorted(times))]


def _in_force(first: float, scenario: Mapping[str, Any]) -> tuple[float, float] | None:
    """(observed days a reform switched on at day ``first`` was in force, observed days);
    None when it was in force for all of them or none."""
    warmup, days = float(scenario.get("warmup_days") or 0), float(scenario.get("days") or 0)
    if first <= warmup or first >= warmup + days:
        return None
    return warmup + days - first, days


def in_force_words(span: tuple[float, float]) -> str:
    """The caveat of a reform in force for part of the observed days."""
    return (f"in force for {span[0]:g} of {span[1]:g} observed days: whole-run figures mix "
            "the periods; see the period figures")


def periods_of(
    meta: Mapping[str, Any], options: Sequence[Any], variants: Mapping[str, Variant]
) -> Periods:
    """The words of a comparison's periods (``meta["periods"]``: those observed, as
    ``era_<k> from ...``) from its options' scenarios; none without periods or scenarios."""
    from sim.report.options_table import reform_words

    eras = [str(p).partition(" from ")[0] for p in meta.get("periods") or []]
    names = [o.name for o in options]
    base = variants.get(names[0]) if names else None
    if len(eras) < 2 or base is None:
        return Periods()
    scenario = base.scenario
    starts = _starts(scenario)
    end = float(scenario.get("warmup_days") or 0) + float(scenario.get("days") or 0)
    labels = {}
    for era in eras:
        k = int(era.removeprefix("era_"))
        until = starts[k + 1] if k + 1 < len(starts) and starts[k + 1] < end else None
        to = (f"day {until:g}" if until is not None else
              f"the observed run's end (day {end:g})")
        labels[era] = f"Goods arriving from {day_words(starts[k], scenario)} to {to}"
    own: dict[str, dict[str, str]] = {}
    said, in_force = [], {}
    for o in options[1:]:
        v = variants.get(o.name)
        dated = own_dated(o.reform, v.scenario) if v is not None else []
        for day, label in dated:
            what = reform_words(label, day)
            at = next((e for e in eras if starts[int(e[4:])] == day), None)
            if at is not None:
                mine = own.setdefault(o.name, {})
                mine[at] = f"{mine[at]} + {what}" if at in mine else what
            said.append(f"{o.name} switches on {what} on {day_words(day, scenario)}")
        span = _in_force(dated[0][0], scenario) if dated else None
        if span is not None:
            in_force[o.name] = span
    note = "; ".join(said) + (". " if said else "") + (
        "Every option's results are also split at these dates by the goods' arrival (the "
        "table's rows named _era_<k>: " + "; ".join(
            f"era_{e[4:]}: {labels[e][0].lower()}{labels[e][1:]}" for e in eras) + "), each "
        "period set against the baseline's same period. An option whose own reform does not "
        "switch on at a date changes nothing there: its periods differ from the baseline's "
        "only by its own reform.")
    return Periods(labels, own, note, in_force)
