"""The observed window of a run and what its length allows: the notes a run (and the
command line) gives when the warm-up is not whole weeks, or too few whole weeks are observed
for the rising-wait check (then no warning does not mean steady-state)."""

from __future__ import annotations

import math
from collections.abc import Mapping

from sim.model.cost_sharing import unshared_notes
from sim.model.credit_rules import credit_rules
from sim.model.desk_eras import desk_era_notes
from sim.model.risk_notes import risk_notes
from sim.model.stability import near_saturation, too_short


def warmup_note(warmup_days: float) -> str | None:
    """A warm-up that is not a whole number of weeks is allowed (tests use a day or two) but
    said: observation then starts at another point of the weekly cycle than the run."""
    if not warmup_days % 7:
        return None
    return (
        f"note: warmup_days = {warmup_days:g} is not a whole number of weeks: observation "
        "starts at another weekday or hour than the run (Monday 00:00), so with days that "
        "are not whole weeks either, some weekdays weigh more; whole weeks are recommended"
    )


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_note(warmup_days: float, days: float) -> str | None:
    """Fewer observed days than a week: which weekdays they see (the run starts on a
    Monday), since the arrivals' weekly patterns make them no week's figures; else None."""
    if days >= 7:
        return None
    first = math.floor(warmup_days)
    last = max(math.ceil(warmup_days + days) - 1, first)
    seen = list(dict.fromkeys(WEEKDAYS[d % 7] for d in range(first, last + 1)))
    which = (f"{seen[0]}s only" if len(seen) == 1 else
             f"{', '.join(seen[:-1])} and {seen[-1]} only" if len(seen) < 7 else
             "part of every weekday, not a whole week")
    return (
        f"note: {days:g} observed day(s), less than a week, see {which} (the run starts on a "
        f"Monday and is observed after its {warmup_days:g}-day warm-up): the arrivals follow "
        "weekly patterns, so these figures do not represent a week; observe 7 days or more "
        "(whole weeks)"
    )


def reps_note(reps: int | None) -> str | None:
    """One replication: no confidence interval and no significance; else None."""
    if reps != 1:
        return None
    return (
        "note: one replication gives no confidence interval and no significance (its figures "
        "are one random draw: a difference cannot be told from chance); give --reps 2 or "
        "more"
    )


#: fewer replications than this give intervals that are themselves unreliable (see
#: :func:`few_reps_note`); the command line's default, 5, is above it
FEW_REPS = 4


def few_reps_note(reps: int | None) -> str | None:
    """Two or three replications (fewer than ``FEW_REPS``, more than one): their Student-t
    interval has one or two degrees of freedom, so its multiplier is large (12.7 or 4.30,
    against 1.96 with many) and its 95 % coverage rests on the replications' values being
    near normal, which so few cannot show; else None."""
    if reps is None or not 1 < reps < FEW_REPS:
        return None
    from scipy.special import stdtrit  # (the t quantile; scipy's stats would be slow to load)

    t = float(stdtrit(reps - 1, 0.975))
    return (
        f"note: {reps} replications give intervals that are themselves unreliable: a "
        f"Student-t interval with {reps - 1} degree(s) of freedom stretches {t:.2f} standard "
        "errors each side (1.96 with many replications), and it holds the true mean 95 % of "
        "the time only if the replications' values are near normal, which so few cannot "
        f"show; give --reps {FEW_REPS} or more"
    )


def sample_notes(
    warmup_days: float, days: float, reps: int | None, points: bool = False
) -> list[str]:
    """The notes on too small a sample: fewer days than a week (:func:`weekday_note`), one
    replication (:func:`reps_note`) or, unless the replications are a sweep's per point
    (``points``), two or three (:func:`few_reps_note`)."""
    few = None if points else few_reps_note(reps)
    found = (weekday_note(warmup_days, days), reps_note(reps), few)
    return [n for n in found if n is not None]


def window_notes(
    warmup_days: float, days: float, reps: int | None = None, points: bool = False
) -> list[str]:
    """The notes on a run's window, as the command line prints them: a warm-up that is not
    whole weeks, a run too short for the rising-wait check (its silence is not 'settled'),
    and (:func:`sample_notes`) fewer days than a week or (``reps``) one replication, or two
    or three (not for a sweep's points, ``points``)."""
    short = too_short(warmup_days, days)
    found = [warmup_note(warmup_days), f"note: {short}." if short is not None else None]
    return [n for n in found if n is not None] + sample_notes(warmup_days, days, reps, points)


def _distinct_warnings(warnings: Mapping[str, list[str]]) -> list[str]:
    """Each distinct warning of a run's replications once, whole (its figures and its advice:
    how much capacity, how many --days), with the replications that gave it. Warnings that
    differ only in their figures (the text from the first " (" on: weekly waits, counts) are
    one, with the figures of the first replication that gave it, named."""
    first: dict[str, tuple[str, str]] = {}  # head -> (the first message, its replication)
    reps: dict[str, list[str]] = {}
    same: dict[str, bool] = {}
    for rep, messages in warnings.items():
        for m in messages:
            head = m.split(" (")[0]
            shown, _ = first.setdefault(head, (m, rep))
            reps.setdefault(head, []).append(rep)
            same[head] = same.get(head, True) and m == shown
    out = []
    for head, (message, rep) in first.items():
        n = len(reps[head])
        where = rep if n == 1 else f"{n} of the replications"
        if not same[head]:
            where += f"; the figures are {rep}'s, the others' differ"
        out.append(f"{message} ({where})")
    return out


def run_notes(
    warnings: Mapping[str, list[str]],
    means: Mapping[str, float],
    warmup_days: float,
    days: float,
    replications: int | None = None,
    caps: Mapping[str, float] | None = None,
    throttle: float | None = None,
    directed: bool = False,
    static: bool = False,
) -> list[str]:
    """The notes and warnings of a run of replications, as ``bordersim run`` prints them:
    each distinct warning once with the replications it came from (``warnings``: by
    replication, ``rep-0003`` -> messages), the lanes near saturation on average (``means``:
    by metric, over the replications), the credit rules its selection tables break
    (:func:`sim.model.credit_rules.credit_rules`), alerts that crowd the risk engine's
    decisions (:func:`sim.model.risk_notes.risk_notes`) and the notes on the window
    (:func:`window_notes`, with ``replications``, how many ran); ``caps``: the risk
    engine's, as the scenario sets them (:func:`sim.model.credit_rules.engine_caps`);
    ``throttle``: its throttle's queue (:func:`sim.model.risk_notes.engine_throttle`);
    ``directed``: exports have selection tables of their own (the credit rules are then
    checked in each direction); ``static``: selection by the tables, no risk engine on (an
    unsettled exam yard then gets :func:`sim.model.static_overload.static_overload_notes`)."""
    from sim.model.static_overload import static_overload_notes

    out = [f"warning: {line}" for line in _distinct_warnings(warnings)]
    said = dict.fromkeys(m for messages in warnings.values() for m in messages)
    out += [f"note: {message}" for message in static_overload_notes(said, static)]
    out += [f"note: {message}" for message in near_saturation(means)]
    out += [f"note: {message}" for message in credit_rules(means, caps, directed).values()]
    out += [f"note: {message}" for message in risk_notes(means, throttle).values()]
    out += [f"note: {message}" for message in unshared_notes(dict(means))]
    out += [f"note: {message}" for message in desk_era_notes(means)]  # (desk_eras.py)
    return out + window_notes(warmup_days, days, replications)
