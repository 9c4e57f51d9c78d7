"""The observed window of a run and what its length allows: the notes a run (and the
command line) gives when the warm-up is not whole weeks, or too few whole weeks are observed
for the rising-wait check (then no warning does not mean steady-state)."""

from __future__ import annotations

from collections.abc import Mapping

from sim.model.credit_rules import credit_rules
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


def window_notes(warmup_days: float, days: float) -> list[str]:
    """The notes on a run's window, as the command line prints them: a warm-up that is not
    whole weeks, and a run too short for the rising-wait check (its silence is not
    'settled')."""
    short = too_short(warmup_days, days)
    found = [warmup_note(warmup_days), f"note: {short}." if short is not None else None]
    return [n for n in found if n is not None]


def run_notes(
    warnings: Mapping[str, list[str]], means: Mapping[str, float], warmup_days: float, days: float
) -> list[str]:
    """The notes and warnings of a run of replications, as ``bordersim run`` prints them:
    each distinct warning once with the replications it came from (``warnings``: by
    replication, ``rep-0003`` -> messages), the lanes near saturation on average (``means``:
    by metric, over the replications), the credit rules its selection tables break
    (:func:`sim.model.credit_rules.credit_rules`), alerts that crowd the risk engine's
    decisions (:func:`sim.model.risk_notes.risk_notes`) and the notes on the window
    (:func:`window_notes`)."""
    seen: dict[str, list[str]] = {}
    for rep, messages in warnings.items():
        for m in messages:
            seen.setdefault(m.split(" (")[0], []).append(rep)
    out = []
    for message, reps in seen.items():
        where = f"{len(reps)} of the replications" if len(reps) > 1 else reps[0]
        out.append(f"warning: {message} ({where})")
    out += [f"note: {message}" for message in near_saturation(means)]
    out += [f"note: {message}" for message in credit_rules(means).values()]
    out += [f"note: {message}" for message in risk_notes(means).values()]
    return out + window_notes(warmup_days, days)
