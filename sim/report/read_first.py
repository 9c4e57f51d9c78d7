"""The report's first section, above the headline: what a reader must know before quoting
any figure of the page, said in plain words at the top. The warnings it gathers are those the
page otherwise gives far below the headline (the Stability section, the failures table at the
very end, the notes of *What was run*): an official who reads only the headline would quote
figures of a backlog still growing, or of an option some of whose replications failed,
without seeing either. Each item names the section that has the details."""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING, Any

from sim.model.stability import days_for_weeks, observed_weeks, too_short

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult


def read_first(res: CompareResult) -> list[str]:
    """The section's HTML: how much was run (the basis of every figure), then each warning
    (options not steady-state, a run too short to tell, failed replications, a precision
    target not reached, options where nothing arrived), or that there is none."""
    meta = res.meta
    warmup, days = float(meta.get("warmup_days") or 0), float(meta["days"])
    warnings = [
        *_unsettled(res),
        *_too_short(warmup, days),
        *_failed(res),
        *(f"{w} (see What was run)." for w in map(str, meta.get("warnings") or [])),
        *_empty(res),
    ]
    out = ["<h2 id='read-first'>Before you quote these figures</h2>",
           f"<p>{html.escape(_basis(res, warmup, days))}</p>"]  # fmt: skip
    if not warnings:
        out.append("<p>No warning: every queue settled in every replication of every "
                   f"{'option' if len(res.names) > 1 else 'run'}, and none failed.</p>")
        return out
    items = "".join(f"<li>{html.escape(w)}</li>" for w in warnings)
    return [*out, f"<ul class='warn read-first'>{items}</ul>"]


def _basis(res: CompareResult, warmup: float, days: float) -> str:
    """How much every figure rests on: replications, observed days, warm-up, seeds."""
    reps = res.meta.get("reps")
    runs = f"{reps} replication{'s' if reps != 1 else ''}" if isinstance(reps, int) else (
        "its replications")
    if len(res.names) < 2:
        return (f"Every figure comes from {runs} of {days:g} observed days (after a "
                f"{warmup:g}-day warm-up).")
    return (f"Every figure comes from {runs} of each option, each of {days:g} observed days "
            f"(after a {warmup:g}-day warm-up), the options on the same random draws as the "
            "baseline: each change is that of the same traffic, with its 95 % interval.")


def _unsettled(res: CompareResult) -> list[str]:
    """Options (or a run) a replication of which did not settle: their figures are those of
    a backlog still growing, which a longer run would make larger."""
    names = [n for n in res.names if res.unstable(n)]
    if not names:
        return []
    comparison = len(res.names) > 1
    who = (f"{'Option' if len(names) == 1 else 'Options'} {', '.join(names)}"
           if comparison else "The run")  # fmt: skip
    text = (f"Not steady-state: {who} had a queue (or smugglers) that did not settle in some "
            "replication; the figures describe a backlog still growing at the end of the "
            "observed days, not a lasting state, and a longer run would give other numbers")
    if comparison and res.names[0] in names:
        text += "; as the baseline is one of them, every option's change from it is affected"
    return [text + " (see Stability)."]


def _too_short(warmup: float, days: float) -> list[str]:
    """A run too short for the check that queues do not keep rising: its silence is not
    'settled' (:func:`sim.model.stability.too_short`)."""
    if too_short(warmup, days) is None:
        return []
    weeks = observed_weeks(warmup, days)
    return [f"Too short to tell whether queues settle: {days:g} observed days hold {weeks} "
            f"whole week{'s' if weeks != 1 else ''}, and {days_for_weeks(warmup)} days or "
            "more are needed to see whether a queue keeps rising; until then no figure here "
            "can be read as lasting (see Stability)."]


def _failed(res: CompareResult) -> list[str]:
    """Replications that raised, by option: its figures rest on the others alone."""
    failures: list[dict[str, Any]] = list(getattr(res, "failures", None) or [])
    if not failures:
        return []
    by_option = Counter(str(f.get("option", "")) for f in failures if isinstance(f, dict))
    reps = res.meta.get("reps")
    of = f" of {reps}" if isinstance(reps, int) else ""
    said = "; ".join(f"{name or 'the run'}: {n}{of}" for name, n in by_option.items())
    return [f"Replications that failed ({said}): the figures of each such option rest on "
            "its other replications alone, and its change from the baseline on the "
            "replications both finished (see Replications that failed, at the end)."]


def _empty(res: CompareResult) -> list[str]:
    """Options in whose observed days nothing arrived: their figures are blanks."""
    from sim.experiment.composition import empty_runs

    per_rep = getattr(res, "per_rep", None)
    if per_rep is None:
        return []
    return [f"{name}: no consignment arrived in the observed days of {e} of its {n} "
            "replications: there is nothing to measure there (see What was run)."
            for name, (e, n) in empty_runs(per_rep, "option").items()]
