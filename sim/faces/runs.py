"""One page session's run: a quick first answer, then the full replications, off the page's thread.

A :class:`Run` is started from the page and works in a thread of its own; the simulations go
to an executor (the dashboard's pool of ``spawn``-ed processes, so the web server stays
responsive). The page polls :meth:`Run.snapshot` and never waits. Baseline and option run
under the same seeds (common random numbers), so the difference column is a paired interval.

The numbers are those of :func:`sim.simulate`: replication ``r`` of either side is
``simulate(scenario, seed, replication=r).metrics()``, and its ``warnings`` (an overloaded
lane, a queue that keeps rising, goods still inside at the end) are kept beside them, by
side, as ``bordersim compare`` names them; the means and 95 % intervals are
:func:`sim.analysis.stats.confidence_interval` and the differences
:func:`sim.analysis.paired.paired_interval`.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim.faces.choices import Plan, Variants, variants
from sim.faces.lane_words import scenario_lanes
from sim.faces.option_titles import side_titles
from sim.faces.parts import called_for, with_desks
from sim.faces.same import identical, reuses, unchanged
from sim.faces.words import python_error, reason, side_labels
from sim.scenario.costs import currency_of
from sim.scenario.loader import BUNDLED
from sim.scenario.schema import Scenario

SIDES = ("baseline", "option")
#: what the page shows: (metric, label); clearance by direction, as China publishes it
SHOWN = (
    ("clearance_h_mean_import", "Customs clearance, imports (h, mean)"),
    ("clearance_h_mean_export", "Customs clearance, exports (h, mean)"),
    ("overall_clearance_h_mean_import", "Overall clearance, imports (h, mean)"),
    ("overall_clearance_h_mean_export", "Overall clearance, exports (h, mean)"),
    ("clearance_h_p90_import", "Customs clearance, imports (h, p90)"),
    ("released_within_24h_import", "Imports released within 24 h (share)"),
    ("released_within_24h_export", "Exports released within 24 h (share)"),
    # (the rows below show only where the scenario, or the option, has their part:
    # :data:`sim.faces.parts.PART_OF`; elsewhere they are 0, not missing)
    ("transit_share", "Imports that came in transit under seal from an entry port (share)"),
    ("transit_h_mean", "Transit leg: entry port to this office, per transit import (h, mean)"),
    ("transit_clearance_share", "Transit leg's part of the imports' clearance time (share)"),
    ("transit_unfinished", "Imports in transit not finished by the end of the run "
     "(consignments: left out of the leg's hours)"),
    ("clearance_h_mean_transit_import", "Customs clearance, imports in transit, from the entry "
     "port (h, mean)"),
    ("clearance_h_mean_direct_import", "Customs clearance, imports not in transit (h, mean)"),
    ("clearance_h_p90_transit_import", "Customs clearance, imports in transit, from the entry "
     "port (h, p90)"),
    ("clearance_h_p90_direct_import", "Customs clearance, imports not in transit (h, p90)"),
    ("clearance_n_transit_import", "Imports in transit released (consignments)"),
    ("clearance_n_direct_import", "Imports not in transit released (consignments)"),
    ("clearance_h_mean_integrated_import", "Customs clearance, imports integration took out "
     "of transit, from the entry port (h, mean)"),
    ("clearance_h_p90_integrated_import", "Customs clearance, imports integration took out "
     "of transit, from the entry port (h, p90)"),
    ("clearance_n_integrated_import", "Imports integration took out of transit released "
     "(consignments)"),
    ("returned_share", "Declarations returned for correction (share)"),
    ("returned_h_mean", "Returned declaration: return to acceptance (h, mean)"),
    ("returned_h_added", "Hours returns add to release time, per consignment (h, mean)"),
    ("returned_clearance_share", "Returns' part of clearance time (share)"),
    # (the rows below show where the scenario measures them: enforcement, costs, an
    # organisation)
    ("inspection_rate_goods", "Goods declarations inspected: scan, physical or quarantine "
     "check (share; parcels apart, as China counts them)"),
    ("inspection_rate_import", "Imports inspected (share)"),
    ("inspection_rate_export", "Exports inspected (share)"),
    ("inspection_rate", "Inspected, every port, parcels included (share)"),
    ("detection_rate", "Illicit consignments detected (share)"),
    # (each type apart: fewer quarantine samples can cost pests much of their detection
    # while the pooled share barely moves; a type the scenario has none of is left out)
    ("detection_rate_tobacco", "Detected, tobacco (share of illicit tobacco consignments)"),
    ("detection_rate_counterfeit", "Detected, counterfeits (share)"),
    ("detection_rate_frozen", "Detected, frozen products without quarantine "
     "clearance (share)"),
    ("detection_rate_pest", "Detected, quarantine pests and disease (share)"),
    ("detection_rate_undervaluation", "Detected before release, undervaluation "
     "(share)"),
    ("detection_rate_wildlife", "Detected, endangered species: CITES wildlife and plants "
     "(share)"),
    ("seizures_per_1000", "Seized, detained or rejected per 1,000 declarations (deterrence "
     "lowers it: more is not better in itself)"),
    ("value_slipped", "Value of illicit goods slipping through ({currency}, observed days)"),
    ("harm_slipped", "Harm of illicit goods slipping through ({currency} a year: pests, "
     "disease and unsafe food at the harm they do)"),
    ("revenue_evaded", "Duty evaded: illicit goods never found ({currency} a year; the duty "
     "rates and the hidden truth are assumptions)"),
    ("revenue_found_after_release", "Duty found after release: tax review, recall, "
     "post-clearance audit ({currency} a year, whenever the find falls due)"),
    ("total_cost_per_consignment_import", "Cost per import, agencies and traders ({currency})"),
    ("total_cost_per_consignment_export", "Cost per export, agencies and traders ({currency})"),
    ("escalation_latency_h_mean", "Organisation: escalation latency (h, mean)"),
    ("org_hold_h_mean", "Organisation: goods' wait per hold that held them (h, mean)"),
)


#: one replication's metrics and warnings
Measured = tuple[dict[str, float], list[str]]


def measure(scenario: Scenario, seed: int, replication: int) -> Measured:
    """One replication's metrics and warnings (run in a worker process; small to send back)."""
    from sim.model.run import simulate

    result = simulate(scenario, seed, replication=replication)
    return result.metrics(), list(result.warnings)


def named_warnings(by_rep: Sequence[Sequence[str]]) -> list[str]:
    """A side's distinct warnings, each after the replications that gave it (``rep-0000,
    rep-0002: ...``, as ``bordersim compare`` names them), in the order of their first."""
    reps: dict[str, list[int]] = {}
    for r, warnings in enumerate(by_rep):
        for w in warnings:
            reps.setdefault(w, []).append(r)
    return [f"{', '.join(f'rep-{r:04d}' for r in rs)}: {w}" for w, rs in reps.items()]


@dataclass
class Snapshot:
    """What the page shows at one moment (a copy: the run goes on changing its own)."""

    phase: str  # idle | quick | full | done | failed
    done: int = 0
    total: int = 0
    message: str = ""
    quick: dict[str, dict[str, float]] = field(default_factory=dict)  # side -> metrics
    full: dict[str, list[dict[str, float]]] = field(default_factory=dict)  # side -> reps
    elapsed: float = 0.0
    warnings: dict[str, list[str]] = field(default_factory=dict)  # side -> named warnings
    notes: list[str] = field(default_factory=list)  # on the full run (too short, a conflict)
    labels: dict[str, str] = field(default_factory=dict)  # side -> what it runs, in words
    currency: str = "USD"  # the scenario's money (the labels' ``{currency}``)
    shown: tuple[tuple[str, str], ...] = SHOWN  # the rows the sides' parts call for
    reused: int = 0  # the option's replications taken from the baseline's (not in total)
    window: tuple[float, float] = (0.0, 0.0)  # the full run's warm-up and observed days
    lanes: tuple[tuple[str, str], ...] = ()  # the scenario's lanes: (port, lane kind)


class Run:
    """A plan's quick run and full run for one page session."""

    def __init__(self, plan: Plan, executor: Executor, folder: Path = BUNDLED,
                 lang: str = "en"):
        self.plan = plan
        self.lang = lang  # the page's: what each side ran and why a run failed, in it
        self.folder = folder
        self._executor = executor
        self._lock = threading.Lock()
        self._state = Snapshot("idle", total=2 * plan.reps)
        self._cancelled = threading.Event()
        self._started = 0.0
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._work, name="bordersim-run", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop after the replications already under way (the page was closed or rerun)."""
        self._cancelled.set()

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def snapshot(self) -> Snapshot:
        with self._lock:
            s = self._state
            return Snapshot(
                s.phase,
                s.done,
                s.total,
                s.message,
                {k: dict(v) for k, v in s.quick.items()},
                {k: list(v) for k, v in s.full.items()},
                time.monotonic() - self._started if self._started else 0.0,
                {k: list(v) for k, v in s.warnings.items()},
                list(s.notes),
                dict(s.labels),
                s.currency,
                s.shown,
                s.reused,
                s.window,
                s.lanes,
            )

    def _set(self, **changes: Any) -> None:
        with self._lock:
            for k, v in changes.items():
                setattr(self._state, k, v)

    def _work(self) -> None:
        try:
            self._set(phase="quick", message="first look: one short replication")
            first = variants(self.plan, quick=True, folder=self.folder)
            self._set(currency=currency_of(first.baseline.costs),
                      lanes=scenario_lanes(first.baseline),
                      shown=with_desks(called_for(SHOWN, (first.baseline, first.option)),
                                       (first.baseline, first.option)))
            quick, _ = self._replications(first, 1)
            self._set(quick={side: rows[0] for side, rows in quick.items()})
            if self._cancelled.is_set():
                return
            self._set(phase="full", message=f"full run: {self.plan.reps} replications a side")
            pair = variants(self.plan, folder=self.folder)
            full, warned = self._replications(pair, self.plan.reps, count=True)
            notes = [*run_notes(pair), *identical(pair, full)]
            window = (float(pair.baseline.warmup_days), float(pair.baseline.days))
            self._set(phase="done", full=full, message="done", notes=notes, window=window,
                      warnings={side: named_warnings(w) for side, w in warned.items()},
                      labels=side_titles(side_labels(self.plan, pair, self.lang),
                                         self.plan.options, self.lang))
        except Exception as exc:  # shown on the page: a bad value, a failed replication
            if hasattr(exc, "format"):  # (a scenario's problems, one a line)
                message = reason(self.lang, str(exc.format()))
            else:
                message = python_error(self.lang, f"{type(exc).__name__}: {exc}")
            self._set(phase="failed", message=message)

    def _replications(
        self, pair: Variants, reps: int, count: bool = False
    ) -> tuple[dict[str, list[dict[str, float]]], dict[str, list[list[str]]]]:
        """Run both sides' replications (metrics and warnings, by side and replication); the
        option side is not run when its scenario is the baseline's (its replications are
        the baseline's, reused: :func:`sim.faces.same.reuses`)."""
        sides: Mapping[str, Scenario] = {"baseline": pair.baseline, "option": pair.option}
        same = reuses(pair)
        jobs: dict[Future[Measured], tuple[str, int]] = {}
        for side, scenario in sides.items():
            if same and side == "option":
                continue
            for r in range(reps):
                jobs[self._executor.submit(measure, scenario, self.plan.seed, r)] = (side, r)
        if count:  # (as compare counts: the replications run; the reused named apart)
            self._set(total=len(jobs), reused=reps if same else 0)
        rows: dict[str, dict[int, Measured]] = {side: {} for side in sides}
        for future in as_completed(jobs):
            side, r = jobs[future]
            rows[side][r] = future.result()
            if count:
                with self._lock:
                    self._state.done += 1
            if self._cancelled.is_set():
                for f in jobs:
                    f.cancel()
                raise RuntimeError("cancelled")
        if same:
            rows["option"] = rows["baseline"]
        return (
            {side: [rows[side][r][0] for r in range(reps)] for side in sides},
            {side: [rows[side][r][1] for r in range(reps)] for side in sides},
        )


def run_notes(pair: Variants) -> list[str]:
    """What qualifies a full run's figures besides its warnings: an option whose scenario is
    the baseline's (:func:`sim.faces.same.unchanged`), one that keeps its own value where a
    lever set the same field, one that switches on the risk engine or changes
    the organisation's structure (as ``compare`` says), and a run too short for the
    rising-wait check (the rule of :func:`sim.model.stability.too_short`, which ``bordersim
    run`` and ``compare`` print, told in the page's terms)."""
    from sim.experiment.composition import structure_assumptions, switched_engine
    from sim.model import stability

    sides = {"option": pair.option}
    found = [*pair.notes, *unchanged(pair), *switched_engine(pair.baseline, sides).values()]
    found += structure_assumptions(pair.baseline, sides).values()
    warmup, days = float(pair.baseline.warmup_days), float(pair.baseline.days)
    if stability.too_short(warmup, days) is None:
        return found
    weeks = stability.observed_weeks(warmup, days)
    short = (
        f"{days:g} observed day(s) hold {weeks} whole week(s): too few to see whether a queue "
        f"keeps rising (that check needs {stability.MIN_WEEKS}), so only overload was "
        f"checked. After this scenario's {warmup:g}-day warm-up, "
        f"{stability.days_for_weeks(warmup)} observed days or more are needed before these "
        "figures can be read as steady-state."
    )
    return [*found, short]


def _or_none(x: float) -> float | None:
    return None if math.isnan(x) else x


def label(text: str, currency: str) -> str:
    """A shown row's label with the scenario's currency in it."""
    return text.replace("{currency}", currency)


def table(
    full: Mapping[str, Sequence[Mapping[str, float]]],
    shown: Sequence[tuple[str, str]] = SHOWN,
    currency: str = "USD",
) -> list[dict[str, Any]]:
    """Per shown metric: each side's mean and 95 % interval, and the paired difference,
    with the intervals ``bordersim compare`` gives (a quantile's widened to the histogram's
    resolution: :func:`sim.experiment.compare.option_intervals`)."""
    import pandas as pd

    from sim.experiment.compare import option_intervals

    metrics = [m for m, _ in shown
               if any(math.isfinite(r.get(m, math.nan)) for s in SIDES for r in full[s])]
    if not metrics:  # (a metric not measured in this scenario is left out: no cost section)
        return []
    frames = {s: pd.DataFrame([{m: float(r.get(m, math.nan)) for m in metrics}
                               for r in full[s]]) for s in SIDES}  # fmt: skip
    option, baseline, difference = option_intervals(frames["option"], frames["baseline"])
    tables = {"option": option, "baseline": baseline, "difference": difference}
    out = []
    for metric, text in shown:
        if metric in metrics:
            row: dict[str, Any] = {"metric": metric, "label": label(text, currency)}
            for side, t in tables.items():
                mean, low, high = t.loc[metric, ["mean", "ci_low", "ci_high"]].to_numpy(float)
                row[side] = (float(mean), _or_none(float(low)), _or_none(float(high)))
            out.append(row)
    return out
