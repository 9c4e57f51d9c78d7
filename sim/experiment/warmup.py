"""How long a warm-up does a scenario need? MSER-5 on daily batch means of a pilot run.

A pilot runs the scenario from empty with no warm-up (``warmup_days = 0``) for ``days`` days
and ``reps`` replications. From each replication it takes one number per day:

- ``clearance`` (default): the mean overall clearance (hours, arrival to the end of the flow:
  an import's exit, an export's loading) of the consignments that arrived that day and left,
  one series per port and direction (from the per-consignment log);
- ``queue``: the mean total queue length over all lanes that day (from ``RunResult.queues``).

Clearance is taken per port and direction because a pooled daily mean is dominated by the
high-volume flows (a post hub's parcels) and hides the transient of a small one (a sea port's
exam yard filling from empty): MSER runs on each series and the longest truncation is
suggested, naming the series that set it. A series with days that no replication measured
(fewer than one arrival a day) is left out when more than a quarter of its days are empty.

The pilot's replications have random streams of their own: replication ``r`` of the pilot is
replication ``1,000,000 + r`` of the root seed (:data:`PILOT_REPLICATION`), so the pilot does
not see the consignments of the runs whose warm-up it chooses (which use replications
``0, 1, ...``).

The pilot's drain is at least as long as the pilot itself, so that slow consignments arriving
late are followed to the end rather than censored. The daily series are averaged over
replications (Welch's ensemble average) and MSER-5 (White 1997; batches of 5 observations,
truncation chosen among the first half) picks the truncation point: the number of initial
days whose removal minimises the squared standard error of the mean of the rest. The model
has daily and weekly cycles, so the suggested warm-up is that truncation rounded *up* to a
whole number of weeks.

The suggestion is noisy: on a series with no visible transient the MSER statistic is nearly
flat, and the truncation can change by weeks from one pilot seed to the next (taking the
longest over several series leans long). A weekly cycle biases it too: 5-day batches
hold no whole week, so on a cyclic series with no transient MSER-5 mostly drops one batch
(a week once rounded up) for nothing, never two weeks; whole-week batches (``batch=7``)
remove that bias but, being fewer, suggest two weeks or more far more often, so the default
stays 5 (numbers in ``docs/how-results-are-computed.md``). Two cases are flagged in the suggestion's
``warnings``: a truncation at the limit of the search (half the pilot: ``at_limit``, "no
steady state found within the pilot: run a longer pilot"), and a queue series with fewer
samples than days (``queue_sample`` coarser than a day: the days between carry the last
sample forward; the queue of a day is the mean of its instantaneous samples).

:func:`plot_warmup` draws the daily means, Welch's moving average and the cumulative running
mean with the suggestion marked. Suggestions are kept by :mod:`sim.experiment.warmup_store`
(per scenario, output and pilot seed, under ``results/warmup/`` in the current folder) so
that ``bordersim run`` and ``compare`` can warn without another pilot, against the longest
saved.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sim.experiment.executors import Executor, Failure, ReplicationsFailed, Task, get_executor
from sim.experiment.warmup_plot import plot_warmup as plot_warmup
from sim.experiment.warmup_store import OUTPUTS as OUTPUTS
from sim.experiment.warmup_store import Suggestion as Suggestion
from sim.experiment.warmup_store import save_suggestion as save_suggestion
from sim.experiment.warmup_store import stored_suggestion as stored_suggestion
from sim.experiment.warmup_store import suggestion_path as suggestion_path
from sim.experiment.warmup_store import warmup_key as warmup_key
from sim.experiment.warmup_store import warmup_warning as warmup_warning
from sim.python_words import as_python, given_in_python_words
from sim.scenario import limits
from sim.scenario.schema import Scenario

if TYPE_CHECKING:
    from sim.model.result import RunResult

DAY_H = 24.0
WEEK_D = 7


@dataclass(frozen=True)
class MSER:
    """An MSER-``batch`` truncation: drop the first ``truncation`` observations."""

    truncation: int  # observations (a multiple of ``batch``)
    batch: int
    statistic: np.ndarray  # MSER(d) for d = 0 .. (batches used) // 2, in batches

    @property
    def at_limit(self) -> bool:
        """The truncation is the longest MSER may choose (half the series): no steady
        state was found within it (in a longer series it might be later still)."""
        last = len(self.statistic) - 1
        return last > 0 and int(np.argmin(self.statistic)) == last


def mser(series: Any, batch: int = 5) -> MSER:
    """MSER-``batch`` truncation point of ``series``.

    The series is cut into ``n = len // batch`` batch means ``z`` (a remainder at the end is
    dropped); for ``d = 0 .. n // 2`` ``MSER(d) = sum((z[d:] - mean(z[d:]))**2) / (n - d)**2``;
    the truncation is ``batch * argmin`` (the first minimum). NaN values are not allowed.
    """
    y = np.asarray(series, dtype=float)
    if batch < 1:
        raise ValueError(f"batch must be at least 1; got {batch}")
    if np.isnan(y).any():
        raise ValueError("the series has NaN values")
    n = len(y) // batch
    if n < 2:
        raise ValueError(f"MSER-{batch} needs at least {2 * batch} observations; got {len(y)}")
    z = y[: n * batch].reshape(n, batch).mean(axis=1)
    stat = np.array(
        [float(np.sum((z[d:] - z[d:].mean()) ** 2)) / (n - d) ** 2 for d in range(n // 2 + 1)]
    )
    return MSER(int(np.argmin(stat)) * batch, batch, stat)


def daily_clearance(result: RunResult, days: int) -> np.ndarray:
    """Mean overall clearance (h) of the consignments arriving on each day ``0 .. days-1``."""
    log = result.log
    if log is None:
        raise ValueError("the daily clearance needs the per-consignment log (log=True)")
    arrived = log["arrived"].to_numpy(dtype=float)
    took = log["exited"].to_numpy(dtype=float) - arrived
    day = np.floor(arrived / DAY_H)
    ok = np.isfinite(took) & (day >= 0) & (day < days)
    sums = np.bincount(day[ok].astype(int), weights=took[ok], minlength=days)
    counts = np.bincount(day[ok].astype(int), minlength=days)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def daily_clearance_by_group(result: RunResult, days: int) -> dict[str, np.ndarray]:
    """Mean overall clearance (h, to the end of the flow: exit or loading) of the
    consignments arriving on each day ``0 .. days-1``, per ``"<port>/<direction>"``."""
    log = result.log
    if log is None:
        raise ValueError("the daily clearance needs the per-consignment log (log=True)")
    arrived = log["arrived"].to_numpy(dtype=float)
    end = np.fmax(log["exited"].to_numpy(dtype=float), log["loaded"].to_numpy(dtype=float))
    took, day = end - arrived, np.floor(arrived / DAY_H)
    ok = np.isfinite(took) & (day >= 0) & (day < days)
    group = log["port"].astype(str) + "/" + log["direction"].astype(str)
    out = {}
    for name in sorted(set(group[ok])):
        at = ok & (group == name).to_numpy()
        d = day[at].astype(int)
        sums = np.bincount(d, weights=took[at], minlength=days)
        counts = np.bincount(d, minlength=days)
        out[name] = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return out


def daily_queue(result: RunResult, days: int) -> np.ndarray:
    """Mean total queue length over all lanes on each day ``0 .. days-1``: the mean of the
    day's instantaneous samples (one every ``queue_sample``), not a time-weighted mean; NaN
    on a day without a sample (``queue_sample`` coarser than a day)."""
    q = result.queues
    total = q.groupby("t_h")["queue"].sum()
    day = np.floor(total.index.to_numpy(dtype=float) / DAY_H)
    by_day = pd.Series(total.to_numpy(dtype=float)).groupby(day).mean()
    return by_day.reindex(range(days)).to_numpy(dtype=float)


@dataclass
class Pilot:
    suggestion: Suggestion
    daily: pd.DataFrame  # one column per replication, one row per day
    mean: pd.Series  # the ensemble (Welch) average per day
    mser: MSER


def pilot(
    scenario: Scenario | str | Path,
    days: int = 56,
    reps: int = 3,
    seed: int = 1,
    *,
    output: str = "clearance",
    batch: int = 5,
    executor: str | Executor = "serial",
    workers: int | None = None,
) -> Pilot:
    """Run the pilot and suggest a warm-up in whole weeks (see the module's docstring);
    ``scenario``: a :class:`Scenario` or a scenario file's path."""
    if not isinstance(scenario, Scenario):
        from sim.scenario.loader import load_scenario

        scenario = load_scenario(scenario)
    if output not in OUTPUTS:
        raise ValueError(f"unknown output {output!r}; allowed: {', '.join(OUTPUTS)}")
    if days < 2 * batch:
        raise ValueError(
            f"a pilot of {days} day(s) is too short for MSER-{batch}: it needs at least "
            f"{2 * batch} days (several weeks show the weekly cycle better)"
        )
    longest = longest_pilot(scenario)
    if days > longest:
        raise ValueError(
            f"a pilot of {days:,} days is too long: allowed {2 * batch} to {longest:,} days "
            f"(the pilot runs its days and then at least as long again to drain, and a run "
            f"is at most {limits.MAX_RUN_DAYS:,.0f} days)"
        )
    _check_pilot_run(scenario, days)
    ex = get_executor(executor, workers=workers)
    per_rep = _pilot_series(scenario, days, reps, seed, output, ex)
    series, daily, mean, m, each = _longest(per_rep, batch)
    weeks = math.ceil(m.truncation / WEEK_D)
    warnings = _doubts(m, per_rep, days, output, float(scenario.queue_sample))
    suggestion = Suggestion(
        weeks=weeks,
        days=weeks * WEEK_D,
        truncation_days=m.truncation,
        pilot_days=days,
        reps=reps,
        seed=seed,
        output=output,
        batch=batch,
        scenario=scenario.name,
        key=warmup_key(scenario),
        series=series,
        at_limit=m.at_limit,
        warnings=tuple(warnings),
        first_replication=PILOT_REPLICATION,
        truncations=each,
    )
    return Pilot(suggestion, daily, mean, m)


def _check_pilot_run(scenario: Scenario, days: int) -> None:
    """The pilot's run (its days, no warm-up, its drain) is one a scenario may hold (not too
    many consignments, say), checked before anything runs: else every replication fails."""
    from sim.scenario.loader import ScenarioError
    from sim.scenario.patch import patch

    drain = max(float(scenario.drain_days), float(days))
    try:
        patch(scenario, {"days": float(days), "warmup_days": 0.0, "drain_days": drain}, "pilot")
    except ScenarioError as exc:
        why = "; ".join(f"{path}: {msg}" for _, path, _, msg in exc.problems)
        raise ValueError(f"a pilot of {days:,} days cannot run: {why}") from None


def longest_pilot(scenario: Scenario) -> int:
    """The most days a pilot of ``scenario`` may run: with its drain (the scenario's or as
    long as the pilot, the longer: :func:`_pilot_series`) within the longest run there is."""
    most = limits.MAX_RUN_DAYS
    return math.floor(min(most / 2, most - float(scenario.drain_days)))


#: the pilot's replication ``r`` is replication ``PILOT_REPLICATION + r`` of the root seed:
#: random streams that no run of fewer replications uses, so the warm-up is not chosen on
#: the very consignments it is then applied to
PILOT_REPLICATION = 1_000_000


def _pilot_series(
    scenario: Scenario, days: int, reps: int, seed: int, output: str, executor: Executor
) -> dict[int, dict[str, np.ndarray]]:
    """Each pilot replication's daily series (by name), run from empty without a warm-up."""
    # long enough a drain that late arrivals are not censored (which would bias their day)
    drain = max(float(scenario.drain_days), float(days))
    run = scenario.model_copy(update={"days": float(days), "warmup_days": 0.0, "drain_days": drain})
    log = output == "clearance"
    per_rep: dict[int, dict[str, np.ndarray]] = {}
    failures: list[Failure] = []
    tasks = [Task(r, run, seed, PILOT_REPLICATION + r, log) for r in range(reps)]
    for key, result in executor.map(tasks):
        if isinstance(result, Failure):
            failures.append(result)
            continue
        r = int(key)  # type: ignore[call-overload]
        per_rep[r] = (
            daily_clearance_by_group(result, days) if log else {"all": daily_queue(result, days)}
        )
    if failures:
        raise ReplicationsFailed(failures)
    return per_rep


def _doubts(
    m: MSER, per_rep: dict[int, dict[str, np.ndarray]], days: int, output: str, sample_h: float
) -> list[str]:
    """What makes a suggestion doubtful: a truncation at the limit of MSER's search (half
    the pilot), and a queue series sampled more coarsely than once a day."""
    found = []
    if m.at_limit:
        found.append(
            f"no steady state found within the pilot: MSER's truncation ({m.truncation} days) "
            f"is the longest it may choose in a {days}-day pilot (half its batches), so the "
            "suggestion is only a lower bound; run a longer pilot (--days)"
        )
    if output == "queue":
        sampled = min(int(np.isfinite(s).sum()) for rep in per_rep.values() for s in rep.values())
        if sampled < days:
            found.append(
                f"the queue is sampled every {sample_h:g} h: only {sampled} of the {days} pilot "
                "days have a sample, and the days between repeat the last one, so MSER sees fewer "
                "values than it counts; set queue_sample to a day or less (--set "
                "queue_sample='1 h') or use --output clearance"
            )
    return found


def _longest(
    per_rep: dict[int, dict[str, np.ndarray]], batch: int
) -> tuple[str, pd.DataFrame, pd.Series, MSER, dict[str, int]]:
    """MSER on each series' ensemble average (replications' days averaged); the series with
    the longest truncation (the first such in name order), its daily values and mean, and
    every series' truncation (days)."""
    names = sorted({name for rep in per_rep.values() for name in rep})
    best: tuple[str, pd.DataFrame, pd.Series, MSER] | None = None
    each: dict[str, int] = {}
    for name in names:
        daily = pd.DataFrame({r: per_rep[r][name] for r in sorted(per_rep) if name in per_rep[r]})
        daily.index.name = "day"
        mean = daily.mean(axis=1, skipna=True)
        if mean.isna().all() or (len(names) > 1 and mean.isna().mean() > 0.25):
            continue  # too few arrivals to measure a day (a very small flow)
        # days with nothing measured (no arrivals in any replication) carry the previous value
        m = mser(mean.ffill().bfill().to_numpy(), batch)
        each[name] = int(m.truncation)
        if best is None or m.truncation > best[3].truncation:
            best = (name, daily, mean, m)
    if best is None:
        raise ValueError("the pilot measured nothing: no consignment arrived")
    return (*best, each)


def _in_python_words(found: Pilot) -> None:
    """Its suggestion's warnings in Python's words (``days`` for ``--days``,
    ``output='clearance'`` for ``--output clearance``)."""
    said = tuple(as_python(w) for w in found.suggestion.warnings)
    found.suggestion = replace(found.suggestion, warnings=said)


#: :func:`pilot` as ``sim.pilot`` gives it to a Python user (``bordersim warmup`` runs
#: :func:`pilot` itself, and stores its suggestion in the command line's words)
python_pilot = given_in_python_words(pilot, _in_python_words)
