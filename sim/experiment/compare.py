"""Compare options of a scenario with common random numbers: paired differences, who gains.

    import sim
    res = sim.compare("scenarios/default.toml",
                      ["more_scanners:ports.sea_port.scan.scanners.capacity=4"], reps=5)
    res.table("clearance_h_mean")       # per option: mean, CI, n, difference, Holm mark

Replication ``r`` of every option runs under the same seed, so ``option_r - baseline_r`` are
paired differences (the same consignments with the same draws): their t interval is much
narrower than that of two independent runs. For each metric the options' differences are
tested together and marked significant with Holm's step-down correction; each p-value is
read off the interval shown (a quantile's widened to the histogram's resolution), so a mark
never sits on an interval that holds 0. A difference that is only float rounding beside the
values it is taken between is exactly 0. A combined option ``A+B`` also gets its interaction
``(A+B) - A - B + baseline``.

With ``out`` every (option, replication) is written as it finishes (atomically, one results
folder per option under ``options/``); rerunning into the same folder resumes. A replication
that raises is reported (option, replication, seed, scenario, error) and the others finish.

With ``precision`` replications are added one at a time, after at least 10, until the named
``metrics`` meet it in every option (``precision_on``: in each option's level, in each paired
difference from the baseline, or both, the default; see :mod:`sim.experiment.precision`): the
half-width of a time, cost or count at most ``precision`` x its mean (relative), of a share or
rate at most ``precision`` (absolute); and the half-width of each difference at most
``precision`` x the baseline mean for times, costs and counts, or ``precision`` for shares
(absolute: a difference near zero has no relative size). When ``max_reps`` comes first, each
interval still too wide is a :class:`~sim.experiment.precision.PrecisionGap`, with the
replications it would need, and a warning in ``meta`` (``compare.json``): ``warnings``,
``precision_reached``, ``precision_gaps``, ``precision_reps_needed``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import re
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.analysis.paired import holm, interval_p_value, noise_free
from sim.analysis.stats import is_quantile, summarise
from sim.build import build, libraries
from sim.experiment import finish_seal
from sim.experiment.command_paths import portable_command
from sim.experiment.composition import (
    changed_arrivals,
    changed_truth,
    structure_assumptions,
    switched_engine,
)
from sim.experiment.executors import Executor, Failure, Task, get_executor
from sim.experiment.gains import (
    LOG_COLUMNS,
    OUTCOME,
    TOLERANCE_H,
    UNPAIRED,
    current_columns,
    gains_one,
    summarise_gains,
    trim_log,
)
from sim.experiment.history import (
    close,
    ended_whole,
    entry,
    files_by_unit,
    history_of,
    note_reused,
)
from sim.experiment.interval_notes import intervals_note
from sim.experiment.metric_names import MetricError, check_metrics, did_you_mean, metric_names
from sim.experiment.metric_parts import MetricSplitter
from sim.experiment.nesting import check_given_folder
from sim.experiment.option_runs import OptionRuns
from sim.experiment.options import BASELINE, Option, OptionError, resolve_options
from sim.experiment.plan_reach import plan_reach
from sim.experiment.precision import (
    TARGETS,
    WATCHED,
    most_needed,
    precise_enough,
    precision_gaps,
)
from sim.experiment.ran_on import where_ran
from sim.experiment.reuse import baseline_twins
from sim.experiment.rewrites import stale
from sim.experiment.store import (
    _MAX_REP_BYTES,
    REP_FILES,
    RunStore,
    StoreMismatch,
    _brief,
    _read_own,
    atomic_write,
    check_kind,
    csv_or_empty,
    dump_json,
    identity,
    loads,
    rebuilt,
    rewritten,
    scenario_differences,
    scenario_hash,
)
from sim.experiment.trip_columns import lean, with_trip_columns
from sim.made_where import provenance, resume_warning
from sim.model.credit_rules import engine_caps
from sim.model.result import RunResult
from sim.model.risk_notes import engine_throttle
from sim.model.run import simulate
from sim.model.stability import steady, too_short, unsettled
from sim.python_words import as_python, python_errors, warnings_as_python
from sim.reps import FIRST_REPS, MOST_REPS
from sim.scenario.check import check_flag, check_reps, check_seed, checked
from sim.scenario.costs import currency_of, money_of
from sim.scenario.export_selection import has_export_tables
from sim.scenario.schema import Scenario
from sim.scenario.timeline import observed_periods
from sim.version import __version__

DEFAULT_METRICS = WATCHED
MIN_SEQUENTIAL_REPS = FIRST_REPS
MAX_REPS_DEFAULT = MOST_REPS  # the most replications a precision target may run, unless told
ALPHA = 0.05
OnDone = Callable[[str, int, "dict[str, float] | None"], None]
_SHARE_PREFIXES = ("owner_share_", "utilisation_", "risk_auc")  # (an AUC lies in [0, 1])
#: parts of a name that make it a share: within a time target (24 h, by direction and port
#: too), rates of inspection, detection, hits and document checks, and the alerts' reach
_SHARE_PARTS = ("_within_", "share", "_rate", "_reach")
_MONEY = (
    "cost", "value_", "revenue_", "harm_", "_per_consignment", "_per_container", "fees", "_outlay"
)

#: metrics that are a difference within each replication, so may lie below 0: a laboratory
#: sample's hold, sampled less checked but not sampled (sim.model.lab_holds)
SIGNED = ("lab_hold_h_", "lab_hold_cost_per_container_", "lab_hold_fees_per_container_")


def metric_kind(name: str) -> str:
    """``share`` (bounded by 0 and 1; rates), ``time`` (hours), ``cost`` or ``count``."""
    bare = name.replace("unshared", "")  # (a cost "unshared" by consignments is no share)
    if name.startswith(_SHARE_PREFIXES) or any(p in bare for p in _SHARE_PARTS):
        return "share"
    if any(p in name for p in _MONEY):
        return "cost"
    if "_h_" in name or name.endswith("_h") or name.startswith("owner_hours_"):
        return "time"
    return "count"


def shown_unit(unit: str, currency: str | None) -> str:
    """``unit`` as a table shows it: money in the scenario's ``currency`` (USD per
    consignment), if it has one."""
    return unit.replace("currency", currency) if currency else unit


def metric_unit(name: str) -> str:
    """The unit of a metric of :meth:`RunResult.metrics`, for tables (money: ``currency``,
    which :func:`shown_unit` names)."""
    if name in _FIXED_UNITS:
        return _FIXED_UNITS[name]
    for stem in ("org_staff_cost_per_year", "org_staff_heads",  # (by role)
                 "org_manager_posts", "org_manager_cost_per_year",  # (by level)
                 "org_local_knowledge_auc_bonus"):  # (by illicit type)
        if name.startswith(stem + "_"):
            return _FIXED_UNITS[stem]
    if name.startswith("risk_auc"):
        return "AUC (0-1)"
    if name.startswith("risk_alert_receipts_"):  # (by commodity and period)
        return "receipts"
    if name.startswith(("calls_counted_port_", "calls_held_port_")):  # (sim.model.calls)
        return "vessel or train calls"
    if name.startswith("seizures_per_1000_"):  # (one direction's)
        return _FIXED_UNITS["seizures_per_1000"]
    for stem, yard_unit in _YARD_UNITS.items():  # (the exam yard's, per port)
        if name.startswith(stem):
            return yard_unit
    part_unit = _unit_of_part(name)
    if part_unit is not None:
        return part_unit
    kind = metric_kind(name)
    if kind == "share":
        return "share (0-1)"
    if kind == "time":
        return "hours"
    if kind == "cost":
        return _money_unit(name)
    if name.startswith("exports_cutoffs_missed_mean_"):
        return "cut-offs per export"
    if name.startswith("queue_mean_"):
        return "jobs waiting"  # (consignments; a mover's moves, an organisation's requests)
    if name.startswith(_ATTEMPT_COUNTS):
        return "attempts"
    if name.startswith("attempts_deterred"):  # (opportunities not tried: no attempt made)
        return "opportunities"
    return "consignments"


#: the model's parts whose ``UNITS`` give their metrics' units by stem, in the order they are
#: asked: the module, what follows the stem in a metric's name, and whether the stem alone is one
_PART_UNITS = (
    ("sim.model.idling", "_", False),  # (vehicles waiting at a port, per day)
    ("sim.model.yard_dwell", "_", False),  # (a sea port's boxes on its ground)
    ("sim.model.exam_level", "_", False),  # (the exam yard at its busiest, in boxes)
    ("sim.model.resident_lane", "_route_", False),  # (a border-resident lane, per route)
    ("sim.model.bonded_stock", "_", False),  # (a bonded zone's stock, per gate)
    ("sim.model.lab_work", "_", False),  # (a laboratory's workload, per port)
    ("sim.model.lane_law", "_", False),  # (a lane's arrival rate)
    ("sim.model.ipr", "_", True),  # (suspected counterfeits' days held)
    ("sim.model.cutoffs", "_", False),  # (export boxes that rolled to a later departure)
    ("sim.model.low_value_duty", "_", False),  # (the duty a post hub's threshold gives up)
)


def _unit_of_part(name: str) -> str | None:
    """The unit a model part gives a metric of its own (None: no part names it)."""
    import importlib

    for module, joint, alone in _PART_UNITS:
        units: dict[str, str] = importlib.import_module(module).UNITS
        for stem, unit in units.items():
            if name.startswith(stem + joint) or (alone and name == stem):
                return unit
    return None


#: units that are not a count of consignments (the organisation's staff, priced in CNY a
#: head, are converted into ``[costs]``'s currency at ``costs.exchange.CNY``: one money)
_FIXED_UNITS = {
    "org_staff_cost_per_year": "currency per year",
    "org_staff_cost_run": "currency, observed days",
    "org_staff_heads": "heads",
    "org_manager_posts": "managers' posts",
    "org_manager_cost_per_year": "currency per year",
    "agency_idle_staff_hours_per_year": "head-hours per year",
    "org_local_knowledge_auc_bonus": "AUC",
    "seizures_per_1000": "per 1,000 declarations",
    "audits_per_year": "audits per year",
    "audits_per_auditor_per_year": "audits per auditor per year",
    "audit_lag_days_mean": "days",
    "escalations_raised": "escalations",
    "escalations_decided": "escalations",
    "escalations_open": "escalations",
    "org_holds": "holds",
    "org_holds_before_arrival": "holds",
    "alerts_raised": "alerts",
    "alert_receipts": "receipts",
    "smuggling_opportunities": "opportunities",
}


#: the exam yard's figures per container (sim.model.exam_figures), by port
_YARD_UNITS = {
    "exam_boxes_per_day_": "containers a day",
    "exam_boxes_per_team_hour_": "containers per team-hour",
    "exam_moves_per_day_": "moves a day",
    "exam_moves_per_box_": "moves per container",
}


#: counts of smuggling attempts (a load run past the ports or through them misdeclared)
_ATTEMPT_COUNTS = (
    "smuggling_attempts",
    "smuggling_interdicted",
    "smuggling_caught_at_ports",
    "smuggling_slipped",
    "smuggling_unresolved",
    "smuggling_caught_route_",
)


#: money metrics summed over the observed days (the rest are per year or per unit)
_OBSERVED_TOTALS = ("value_seized", "value_slipped", "value_held", "smuggling_value_")
#: money metrics scaled to a year (see sim.model.costbook)
_PER_YEAR = ("revenue_evaded", "harm_slipped", "revenue_at_risk", "revenue_found_")


#: what a money figure per container is per: the unit trade indicators count in, though
#: a port without boxes counts each truck, air shipment or parcel as one container
PER_CONTAINER = "per container (a truck, air shipment or parcel counts as one)"
#: a timeline period's suffix (``agency_cost_per_year_era_1``), not the "era" in "general"
_PERIOD = re.compile(r"_era_[0-9]+(?=_|$)")


def _money_unit(name: str) -> str:
    """A money metric's unit with its period or base: "currency per consignment", "currency
    per year", "currency, observed days" (tables put the scenario's currency in); a
    timeline period's figure (``_era_<k>``) has its metric's unit."""
    name = _PERIOD.sub("", name)
    if "_per_consignment" in name or re.match(r"trader_cost_p[0-9]", name):
        return "currency per consignment"
    if name.endswith("_per_seizure"):
        return "currency per seizure"
    if name.endswith("_per_audit"):
        return "currency per audit"
    if "_per_lot_" in name:  # (a rejected lot's return or destruction, by commodity)
        return "currency per lot"
    if "_per_inspected_compliant" in name:
        return "currency per inspected compliant declaration"
    if "_per_container" in name:
        return f"currency {PER_CONTAINER}"
    if name.endswith("_outlay"):
        return "currency, one-off (not per year)"
    if name.endswith("_per_year") or name.startswith(_PER_YEAR):
        return "currency per year"
    if name.startswith(_OBSERVED_TOTALS):
        return "currency, observed days"
    return "currency"


def clip_interval(
    name: str, low: float, high: float, difference: bool = False
) -> tuple[float, float]:
    """An interval clipped to what is possible, for display only (the raw one is kept).

    Counts, times and costs are never negative; shares lie in [0, 1]; a difference of shares
    lies in [-1, 1]. Other differences are not clipped, nor a metric that is itself a
    difference within each replication (:data:`SIGNED`).
    """
    kind = metric_kind(name)
    lo, hi = (-1.0, 1.0) if difference else (0.0, 1.0)
    if kind == "share":
        return _clip(low, lo, hi), _clip(high, lo, hi)
    if difference or name.startswith(SIGNED):
        return low, high
    return _clip(low, 0.0, math.inf), _clip(high, 0.0, math.inf)


def _clip(x: float, lo: float, hi: float) -> float:
    return x if math.isnan(x) else min(max(x, lo), hi)


@dataclass(eq=False)  # (its tables are DataFrames: == is identity, as RunResult's)
class CompareResult:
    """What :func:`compare` found. Long tables have one row per option (and metric)."""

    scenario: str
    options: list[Option]
    seed: int
    meta: dict[str, Any]
    per_rep: pd.DataFrame  # option, replication, every metric
    summary: pd.DataFrame  # option, metric, unit, mean, ci_low, ci_high, n, shown_low/high
    differences: pd.DataFrame  # ... plus p_value, significant (Holm), steady_state
    interactions: pd.DataFrame  # combined options: (A+B) - A - B + baseline
    gains: pd.DataFrame  # who gains and who loses (see sim.experiment.gains)
    warnings: dict[str, list[str]]  # option -> distinct warnings over its replications
    failures: list[dict[str, Any]] = field(default_factory=list)
    path: Path | None = None
    # option -> {"clearance", "owners", "resources", "intervals"}: means over replications
    tables: dict[str, dict[str, pd.DataFrame]] = field(default_factory=dict)
    #: option, then the milestone intervals across its replications with 95 % intervals
    #: (sim.experiment.interval_summary)
    milestone_intervals: pd.DataFrame = field(default_factory=pd.DataFrame)

    def __repr__(self) -> str:
        """One line: the scenario, seed, replications, options and what to look at next
        (not every table: ``summary``, ``differences`` and ``table(metric)`` hold them)."""
        reps = self.meta.get("reps")
        if reps is None and "replication" in self.per_rep:
            reps = self.per_rep["replication"].nunique()
        metrics = self.summary["metric"].nunique() if "metric" in self.summary else 0
        unstable = [n for n in self.names if self.unstable(n)]
        where = "" if self.path is None else f", path={str(self.path)!r}"
        return (
            f"CompareResult(scenario={self.scenario!r}, seed={self.seed}, reps={reps}, "
            f"options={self.names}, metrics={metrics}, unstable={unstable}, "
            f"failures={len(self.failures)}, notes={len(self.notes)}{where})"
        )

    @property
    def names(self) -> list[str]:
        return [o.name for o in self.options]

    def unstable(self, option: str) -> bool:
        """Whether a replication of ``option`` warned that its figures are not steady-state
        (see :func:`sim.model.stability.unsettled`). An unknown option is an
        :class:`OptionError` naming the nearest."""
        if option not in self.names:
            raise OptionError(
                f"{option!r} is not an option of this comparison{did_you_mean(option, self.names)}"
                f"; its options: {', '.join(self.names)}"
            )
        return unsettled(self.warnings.get(option, []))

    def logs(self, option: str | None = None) -> pd.DataFrame:
        """The per-consignment rows of ``option`` (of every option: None), one row per
        consignment of the observed cohort and replication, with ``option`` and
        ``replication`` first (:mod:`sim.experiment.compare_logs`); read from the
        comparison's folder, so it needs ``out=FOLDER`` and ``log=True``. An unknown option
        is an :class:`OptionError` naming the nearest."""
        from sim.experiment.compare_logs import option_logs

        if option is not None:
            self.unstable(option)  # (an unknown option is refused, naming the nearest)
        return option_logs(self.path, self.names, option)

    @property
    def notes(self) -> list[str]:
        """The comparison's notes and warnings, as ``bordersim compare`` prints them on stderr
        (see :func:`sim.experiment.compare_notes.compare_notes`) but in Python's words
        (``reps=2`` for ``--reps 2``: :mod:`sim.python_words`): e.g. an option that changes
        nothing, or a run too short to check whether a queue keeps rising (then no option
        flagged ``unstable`` does not make its figures steady-state)."""
        from sim.experiment.compare_notes import compare_notes
        from sim.python_words import as_python

        return [as_python(n) for n in compare_notes(self)]

    def table(self, metric: str) -> pd.DataFrame:
        """One metric, one row per option: mean, CI, n, and the paired difference, with
        ``unstable`` (a replication of the option warned) and ``steady_state`` (as in
        ``differences``: False when the option or the baseline warned, True when neither did
        and the rising-wait check ran, NA when it could not run: too few whole weeks
        observed). A metric the comparison did not measure is a :class:`MetricError`
        naming the nearest."""
        measured = self.summary["metric"].unique().tolist() if "metric" in self.summary else []
        if metric not in measured:
            raise MetricError(
                f"{metric!r} is not a metric of this comparison{did_you_mean(metric, measured)}"
                f"; its {len(measured)} metrics: sorted(res.summary['metric'].unique())"
            )
        s = self.summary[self.summary["metric"] == metric].set_index("option")
        d = self.differences[self.differences["metric"] == metric].set_index("option")
        out = s[["mean", "ci_low", "ci_high", "n"]].join(
            d[["mean", "ci_low", "ci_high", "p_value", "significant"]].add_prefix("diff_")
        )
        out["unstable"] = [self.unstable(o) for o in out.index]
        out["steady_state"] = d["steady_state"].reindex(out.index).astype("boolean")
        return out.reindex([n for n in self.names if n in out.index])

    def to_json(self) -> dict[str, Any]:
        """``{"options": {OPTION: {METRIC: {mean, ci_low, ci_high}}}, "differences": {OPTION:
        {METRIC: {mean, ci_low, ci_high, p_value, significant}}}, "interactions": {...},
        "unstable": [OPTION, ...]}`` (``p_value``: the paired t test's, uncorrected;
        ``significant``: after Holm's correction for the number of options).

        Baseline first; intervals raw (not clipped). A metric map holds metrics only: the
        options whose replications warned (not steady-state) are listed under ``unstable``,
        and a difference from or of one of them is not steady-state.
        """
        return {
            "options": self._by_option(self.summary),
            "differences": self._by_option(self.differences, "significant", p_value=True),
            "interactions": self._by_option(self.interactions, "additive"),
            "unstable": [name for name in self.names if self.unstable(name)],
        }

    def _by_option(
        self, table: pd.DataFrame, *flags: str, p_value: bool = False
    ) -> dict[str, Any]:
        """{OPTION: {METRIC: {mean, ci_low, ci_high, [p_value,] *flags}}} of a table, in
        option order."""
        out: dict[str, Any] = {}
        for name in self.names:
            rows = table[table["option"] == name] if "option" in table else table.iloc[:0]
            if rows.empty:
                continue
            out[name] = {
                str(r["metric"]): {
                    "mean": _num(r["mean"]),
                    "ci_low": _num(r["ci_low"]),
                    "ci_high": _num(r["ci_high"]),
                    **({"p_value": _num(r["p_value"])} if p_value else {}),
                    **{f: bool(r[f]) for f in flags if f in r},
                }
                for r in rows.to_dict("records")
            }
        return out

def _num(x: Any) -> float | None:
    x = float(x)
    return x if math.isfinite(x) else None


def compare(
    scenario: str | Path | Scenario,
    options: Iterable[Option | str],
    reps: int = 5,
    seed: int = 1,
    *,
    precision: float | None = None,
    metrics: Sequence[str] | None = None,
    precision_on: str = "both",
    max_reps: int = MAX_REPS_DEFAULT,
    log: bool = True,
    out: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    tolerance_h: float = TOLERANCE_H,
    on_done: OnDone | None = None,
    command: list[str] | None = None,
    report: bool = True,
    executor: str | Executor = "serial",
    workers: int | None = None,
) -> CompareResult:
    """Run every option (baseline first) with the same seeds and compare them, paired.

    ``scenario`` is a scenario file (or a loaded :class:`Scenario`); ``overrides`` apply to
    every option, before the option's own. ``options`` are :class:`Option` objects or strings
    ``NAME:KEY=VALUE[,KEY=VALUE]`` (each KEY a dotted field path); a bare reform's name is
    that reform at its defaults, and ``Option("sw80", reform="single_window:uptake=0.8")``
    a reform at chosen strengths (``reform`` takes what ``--reforms`` does: ``A+B``,
    ``A@60d``); ``baseline`` is added first when missing. ``reps``
    replications (or, with ``precision``, at least 10 and at most ``max_reps``: see the module
    notes); ``metrics`` are those the precision rule watches (default: mean clearance and
    mean overall clearance), ``precision_on`` where (``"both"``, ``"differences"`` or
    ``"levels"``). With ``log`` (the default, as on the command line) each
    replication's consignment logs are joined for who gains and who loses (``gains``). It
    costs memory: one replication's logs are held at a time, but a 56-day run of the default
    scenario peaks at about 1 GB, against about 0.3 GB with ``log=False`` (then ``gains``
    is empty; every metric is the same). With ``out``
    results are written as they finish and a rerun resumes; ``report`` then also writes
    ``report.html``. ``on_done(option, replication, metrics)`` is called after each run
    (``metrics`` None when it failed). Everything is checked before the first run (see
    :func:`prepare`); a precision target not met at ``max_reps`` is in ``meta["warnings"]``.
    Warnings are in Python's words (``days=21`` for ``--days 21``: :mod:`sim.python_words`).
    ``executor`` (``"processes"``, ``"dask"`` with ``workers``, or an executor object) runs
    each replication's options side by side; the results are the same to the last bit.
    """
    reps, max_reps = check_reps(reps), check_reps(max_reps, "max_reps")
    with python_errors(MetricError, StoreMismatch):  # (metric='x', not --metric 'x')
        check_given_folder(out)  # (never inside another results folder, as --out is not)
        plan = prepare(
            scenario, options, seed, precision=precision, metrics=metrics, overrides=overrides,
            log=log, tolerance_h=tolerance_h, precision_on=precision_on,
        )  # fmt: skip
        res = plan.run(
            reps, max_reps=max_reps, out=out, on_done=on_done, command=command, report=report,
            executor=get_executor(executor, workers=workers),
        )  # fmt: skip
    _for_python(res, scenario, options, out, command)
    return res


def _for_python(
    res: CompareResult, scenario: str | Path | Scenario, options: Iterable[Option | str],
    out: str | Path | None, command: list[str] | None,
) -> None:
    """A comparison's warnings in Python's words (once stored as the command line's:
    :mod:`sim.python_words`), and, called from Python with ``out``, its scenario sources
    (a command writes its own, and its options')."""
    res.warnings = warnings_as_python(res.warnings)
    if "warnings" in res.meta:  # (a precision target not met: --max-reps)
        res.meta = {**res.meta, "warnings": [as_python(w) for w in res.meta["warnings"]]}
    if out is not None and command is None:
        from sim.python_source import keep_option_sources, keep_source

        keep_source(out, scenario)
        keep_option_sources(out, options)


def prepare(
    scenario: str | Path | Scenario,
    options: Iterable[Option | str],
    seed: int = 1,
    *,
    precision: float | None = None,
    metrics: Sequence[str] | None = None,
    overrides: dict[str, Any] | None = None,
    log: bool = True,
    tolerance_h: float = TOLERANCE_H,
    cli: bool = False,
    precision_on: str = "both",
) -> Comparison:
    """A comparison checked and ready to run (the arguments are those of :func:`compare`;
    ``cli``: ``overrides`` came from the command line, which an error they cause names, else
    it names the "overrides").

    Nothing is run and nothing written: an option, a reform or a ``metrics`` name that is
    wrong raises :class:`OptionError` or :class:`MetricError` here, before any simulation.
    """
    if precision is not None and precision <= 0:
        raise ValueError(f"precision must be positive; got {precision}")
    if precision_on not in TARGETS:
        raise ValueError(
            f"precision_on must be one of {', '.join(TARGETS)}; got {precision_on!r}")
    seed = check_seed(seed)
    log = check_flag(log, "log")
    if not isinstance(scenario, str | Path):  # its own fault is the baseline's, not an option's
        checked(scenario, f"baseline scenario {getattr(scenario, 'name', '')!r}")
    over = (dict(overrides or {}), "command line" if cli else "overrides")
    plan = Comparison(scenario, resolve_options(options), seed, over, log, tolerance_h)
    plan.watch(precision, metrics, precision_on)
    return plan


class Comparison:
    """One comparison's state: the options' scenarios, their stores, and what has been
    measured so far (metrics per replication, warnings, who-gains parts, failures)."""

    def __init__(
        self,
        scenario: str | Path | Scenario,
        opts: list[Option],
        seed: int,
        base_over: tuple[dict[str, Any], str],
        log: bool,
        tolerance_h: float,
    ):
        self.opts, self.seed, self.log, self.tolerance_h = opts, seed, log, tolerance_h
        self.on_done: OnDone | None = None
        self.executor: Executor | None = None  # where an option's replication runs (run())
        self.on_notice: Callable[[str], None] | None = None  # a damaged file met on resume
        self.source = "" if isinstance(scenario, Scenario) else str(scenario)
        self.variants = _common_periods({o.name: _variant(scenario, base_over, o) for o in opts})
        self.base = self.variants[BASELINE]
        #: options whose scenario is exactly the baseline's: its replications are reused
        self.twins = baseline_twins(self.variants)
        #: the replications this command reused from the baseline, by option
        self.reused: dict[str, list[int]] = {}
        self.precision: float | None = None
        self.precision_on = "both"  # what the target is on: levels, differences or both
        self.watched: tuple[str, ...] = DEFAULT_METRICS
        self.folder: _CompareFolder | None = None
        self.stores: dict[str, RunStore] = {}
        #: each (option, replication) an earlier run stored, as checked (None: to run)
        self.found: dict[tuple[str, int], tuple[dict[str, float], tuple[int, ...]] | None] = {}
        self.meta: dict[str, Any] = {}
        self.rows: list[dict[str, Any]] = []
        self.warns: dict[str, dict[int, list[str]]] = {o.name: {} for o in opts}
        self.gain_parts: list[pd.DataFrame] = []
        self.failures: list[dict[str, Any]] = []
        self.regained = False  # (who gains worked out again from logs in this command)
        self.tables = _TableMeans()
        #: warnings known before anything runs (a warm-up shorter than a saved suggestion),
        #: first in ``meta["warnings"]``
        self.run_warnings: list[str] = []

    def watch(
        self, precision: float | None, metrics: Sequence[str] | None, on: str = "both"
    ) -> None:
        """The precision target, the metrics it watches and what of them it is ``on``; a
        name that no option's scenario yields raises :class:`MetricError` (see
        :mod:`sim.experiment.metric_names`)."""
        self.precision, self.precision_on = precision, on
        self.watched = tuple(metrics or DEFAULT_METRICS)
        if not metrics:
            return
        known = [metric_names(self.base, self.source)]
        if any(m not in known[0] for m in metrics):  # an option may have more (a new lane)
            known += [metric_names(v) for n, v in self.variants.items() if n != BASELINE]
        check_metrics(metrics, known)

    def run(
        self,
        reps: int = 5,
        *,
        max_reps: int = MAX_REPS_DEFAULT,
        out: str | Path | None = None,
        on_done: OnDone | None = None,
        command: list[str] | None = None,
        report: bool = True,
        executor: Executor | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> CompareResult:
        """Run the replications (see :func:`compare`) and compare the options.
        ``on_notice`` hears of each replication file of ``out`` found damaged or foreign
        (and run again)."""
        reps, max_reps = check_reps(reps), check_reps(max_reps, "max_reps")
        self.on_done, self.executor = on_done, executor
        self.on_notice = on_notice
        self.open(out, reps, max_reps, command)
        try:
            done = self.replicate(reps, max_reps)
        except BaseException:  # (interrupted: what it computed until then is said, and kept)
            if self.folder is not None:
                self._record_history(interrupted=True)
                self.folder.record()
            raise
        return self.result(done, report)

    def open(
        self, out: str | Path | None, reps: int, max_reps: int, command: list[str] | None
    ) -> None:
        """Describe the run and, with ``out``, open its folder and one store per option."""
        base, seed = self.base, self.seed
        base_hash = scenario_hash(base)
        self.meta = {
            "package": "bordersim",
            "version": __version__,
            # the code that ran it and its libraries (each option's meta.json has them too)
            "build": build(),
            "libraries": libraries(),
            **provenance(),  # (Python, machine, operating system; the git commit in a checkout)
            "scenario": base.name,
            "scenario_hash": base_hash,
            "currency": currency_of(base.costs),
            # ("USD at 2019 prices"; "" without costs)
            "money": money_of(base.costs, base.organisation is not None,
                              base.organisation.price_year if base.organisation else None),
            # (ports whose declarations carry containers: costs per container beside them)
            "container_ports": [p for p, v in base.ports.items() if v.mode in ("sea", "rail")],
            "days": base.days,
            "warmup_days": base.warmup_days,
            "drain_days": base.drain_days,
            "seed": seed,
            "seeds": "replication r of every option uses "
            f"SeedSequence(entropy={seed}, spawn_key=(r,))",
            "intervals": intervals_note("compare"),  # (how the files' intervals were made)
            # a fixed number asked for (none with a precision target, which decides how many
            # run); the first round run before the target is first checked; ``reps``, set
            # when the results are made, is how many ran
            "reps_requested": reps if self.precision is None else None,
            "reps_first": reps if self.precision is None else max(reps, MIN_SEQUENTIAL_REPS),
            "precision": self.precision,
            "precision_metrics": list(self.watched),
            "precision_on": self.precision_on if self.precision is not None else None,
            "max_reps": max_reps,
            "tolerance_h": self.tolerance_h,
            "log": self.log,  # (the logs joined for who gains: False is --no-gains)
            "options": [self._identity(o) for o in self.opts],
            **self._option_notes(base_hash),
            "command": portable_command(command),  # (no directory of this machine)
            "warnings": list(self.run_warnings),
        }
        if out is None:
            return
        resolved = json.loads(dump_json(base.model_dump(mode="json", by_alias=True)))
        self.folder = _CompareFolder(Path(out), self.meta, resolved)
        if self.folder.rebuilt and self.on_notice is not None:
            self.on_notice(self.folder.rebuilt)
        # (with a precision target, replications up to --max-reps are this run's own)
        most = reps if self.precision is None else max(reps, max_reps)
        elsewhere = self._open_stores(self.folder.path / "options", most, command)
        said = resume_warning(self.folder.path, self.folder.old, self.meta)
        # (one warning, not one per option: the options' folders were written by the same
        # commands; theirs count only when compare.json recorded nothing to compare)
        for warning in [said] if said is not None else elsewhere[:1]:
            self.run_warnings.append(warning)
            self.meta["warnings"].append(warning)
        self.folder.record()  # (only once every check passed: a refused run changes nothing)

    def _open_stores(self, options: Path, most: int, command: list[str] | None) -> list[str]:
        """Open (or resume) one run folder per option in ``options``, with up to ``most``
        replications; return the warnings of those resumed in another environment
        (:mod:`sim.made_where`), kept for ``compare.json``'s ``warnings``, not printed."""
        elsewhere: list[str] = []
        for o in self.opts:
            store = RunStore(options / o.name, self.on_notice,
                             on_warning=elsewhere.append)
            store.open(self.variants[o.name], self.seed, most, command=command or [])
            self.stores[o.name] = store
        return elsewhere

    def _identity(self, o: Option) -> dict[str, Any]:
        """What the folder keeps of an option; one given by a scenario file also keeps its
        resolved scenario's hash, so that a folder is not resumed after the file changed."""
        out = o.as_dict()
        if o.scenario:
            out["scenario_hash"] = scenario_hash(self.variants[o.name])
        return out

    def _option_notes(self, base_hash: str) -> dict[str, Any]:
        """What qualifies each option's figures, for ``compare.json``: unchanged options,
        reforms that can do nothing or only part, unpriced capacity, a risk engine switched
        on, a structure changed, idle parts, dated reforms after the run."""
        return {
            # options whose scenario is the baseline's (a reform already in effect)
            "unchanged": [
                o.name
                for o in self.opts
                if o.name != BASELINE and scenario_hash(self.variants[o.name]) == base_hash
            ],
            # options whose scenario is an earlier option's (two reforms making one change
            # there) -> that option
            "same_as": _same_as(self.opts, self.variants, base_hash),
            # options whose replications are the baseline's, reused, not run (-> whose)
            "reused": dict(self.twins),
            # reforms that can have no effect on the scenario -> why (it lacks their parts,
            # or what they change acts on nothing there)
            "no_effect": _no_effects(self.opts, self.base, self.variants),
            # reforms only part of which can act there (two-step declaration without a wait
            # for the duty payment: only its fee)
            "caveats": _caveats(self.opts, self.base),
            # options changing a lane's capacity that no price reaches (option -> what)
            "unpriced": _unpriced(self.opts, self.base),
            # options whose library reforms were given no running cost (option -> reforms)
            "uncosted": _uncosted(self.opts, self.base),
            # options that switch on the risk engine the baseline lacks (option -> why)
            "engine_switched": switched_engine(self.base, self.variants),
            # options that change the organisation's structure (option -> its assumptions)
            "structure_assumptions": structure_assumptions(self.base, self.variants),
            # parts of an option's scenario that act on nothing there (option -> why)
            "unused_parts": _unused_parts(self.variants),
            # each option's risk-engine caps (class -> share of ordinary traders' rate)
            "caps": {name: engine_caps(v) for name, v in self.variants.items()},
            # options whose exports have selection tables of their own (the credit rules
            # are then checked in each direction)
            "directed": {name: has_export_tables(v) for name, v in self.variants.items()},
            # each option's risk-engine throttle (the exam queue above which it engages)
            "throttles": {name: engine_throttle(v) for name, v in self.variants.items()},
            # dated reforms that take effect after the observed run (the results miss them)
            "after_the_run": _after_the_run(self.variants),
            # the periods every option's results are also split by (at dated reforms)
            "periods": observed_periods(  # (split alike in every option: see periods_at)
                max(self.variants.values(), key=lambda v: len(v.timeline)),
                _period_names(self.base, self.variants),
            ),
        }

    def replicate(self, reps: int, max_reps: int) -> int:
        """Run replications (more, with a precision target, until the watched metrics are
        precise enough or ``max_reps``); return how many were run."""
        r, precision = 0, self.precision
        target = reps if precision is None else max(reps, MIN_SEQUENTIAL_REPS)
        while True:
            self._replications(r, target)
            r = max(r, target)
            if precision is None or r >= max_reps:
                return r
            if precise_enough(pd.DataFrame(self.rows), self.watched, precision,
                              self.precision_on):
                return r
            target = r + 1

    def _replications(self, first: int, stop: int) -> None:
        """Replications ``first .. stop-1`` of every option, taken in order as they finish
        (run one by one, or side by side on the executor; those done before are loaded)."""
        asked = [(o.name, r) for r in range(first, stop) for o in self.opts]
        kept = {k for k in asked if self._done(*k)}
        todo = [k for k in asked if k not in kept]
        base_runs = {r for name, r in todo if name == BASELINE}  # (twins of these reuse it)
        todo = [(n, r) for n, r in todo if n not in self.twins or r not in base_runs]
        if first == 0 and self.folder is not None:  # (a resumed folder says what it kept)
            from sim.experiment.reporter import reporter_of

            reporter_of(self.executor).resumed([k for k in asked if k in kept], todo)
        results = self._results(todo)
        waiting: dict[tuple[str, int], RunResult | Failure] = {}
        for r in range(first, stop):
            need = [name for name, rr in todo if rr == r]
            while any((name, r) not in waiting for name in need):
                key, result = next(results)
                waiting[key] = result
            self.replication(r, {name: waiting.pop((name, r)) for name in need})

    def _done(self, name: str, r: int) -> bool:
        """Whether an earlier run stored replication ``r`` of option ``name`` (with its log,
        when this comparison works out who gains: one stored without is run again, with the
        same results, so that every replication counts in who gains)."""
        store = self.stores.get(name)
        if self.folder is None or store is None or self._stored(name, r) is None:
            return False
        if self.log and not store.kept_log(r):
            store.notice(f"replication {r} of {name!r} was run without its log (--no-gains): "
                         "computed again for who gains (the same seed gives the same results)")
            return False
        return True

    def _stored(self, name: str, r: int) -> tuple[dict[str, float], tuple[int, ...]] | None:
        """Replication ``r`` of option ``name`` as an earlier run stored it (checked once:
        a damaged file is noted once, and computed again), else None."""
        if (name, r) not in self.found:
            store = self.stores.get(name)
            self.found[name, r] = store.load(r) if store is not None else None
        return self.found[name, r]

    def _results(
        self, todo: list[tuple[str, int]]
    ) -> Iterator[tuple[tuple[str, int], RunResult | Failure]]:
        """Each (option, replication) of ``todo`` with its result, as it finishes: in this
        process, one at a time when asked for, or on the executor; a failure is returned."""
        if self.executor is None or self.executor.name == "serial" or len(todo) < 2:
            for name, r in todo:
                yield (name, r), self._simulate(name, r)
            return
        tasks = [Task((n, r), self.variants[n], self.seed, r, self.log) for n, r in todo]
        for key, result in self.executor.map(tasks):
            name, r = key  # type: ignore[misc]
            yield (str(name), int(r)), result

    def replication(self, r: int, ran: dict[str, RunResult | Failure]) -> None:
        """Replication ``r`` of every option (``ran``: the results of those not done before,
        which are loaded), then who gains."""
        folder, log = self.folder, self.log
        logs: dict[str, pd.DataFrame] = {}
        gains_done = folder.load_gains(r, self.on_notice) if folder is not None and log else None
        loaded = {o.name: self._loaded(o.name, r, logs, gains_done is None) for o in self.opts}
        for o in self.opts:
            metrics_r = loaded[o.name]
            if metrics_r is None and o.name in self.twins and o.name not in ran:  # (reused)
                metrics_r = self._reuse(o.name, r, logs, ran[BASELINE])
            elif metrics_r is None:
                metrics_r = self._simulated(o.name, r, logs, ran[o.name])
            if metrics_r is None:
                continue  # failed: reported, the others go on
            self.rows.append({"option": o.name, "replication": r, **metrics_r})
            if self.on_done is not None:
                self.on_done(o.name, r, metrics_r)
        if not log:
            return
        if gains_done is None:
            gains_done = _gains_of_rep(logs, r, self.tolerance_h)
            self.regained = True
            if folder is not None and BASELINE in logs:
                folder.save_gains(r, gains_done)
        self.gain_parts.append(gains_done)

    def _reuse(
        self, name: str, r: int, logs: dict[str, pd.DataFrame], result: RunResult | Failure
    ) -> dict[str, float] | None:
        """Replication ``r`` of option ``name``, whose scenario is the baseline's, as the
        baseline's ``result`` (stored as if simulated: see :mod:`sim.experiment.reuse`)."""
        metrics_r = self._simulated(name, r, logs, result)
        store = self.stores.get(name)
        if metrics_r is not None:
            self.reused.setdefault(name, []).append(r)
            if store is not None and r in store.computed:  # (reused, not computed)
                store.computed.remove(r)
        return metrics_r

    def _loaded(
        self, name: str, r: int, logs: dict[str, pd.DataFrame], need_log: bool
    ) -> dict[str, float] | None:
        """Metrics of a replication finished by an earlier run (None if there is none)."""
        store, folder = self.stores.get(name), self.folder
        loaded = self._stored(name, r) if store is not None else None
        if loaded is None or folder is None or store is None:
            return None
        if self.log and not store.kept_log(r):  # (run again: see _done)
            return None
        self.warns[name][r] = store.rep_warnings(r)  # (from its checksummed record)
        self.tables.add(name, folder.load_tables(name, r))
        if self.log and need_log:
            logged = folder.load_log(name, r)
            if logged is not None:
                logs[name] = logged
        return loaded[0]

    def _simulate(self, name: str, r: int) -> RunResult | Failure:
        try:
            return simulate(self.variants[name], self.seed, replication=r, log=self.log)
        except Exception as exc:  # noqa: BLE001 - reported, the others go on
            tb = "".join(traceback.format_exception(exc))
            return Failure(name, r, (self.seed, r), f"{type(exc).__name__}: {exc}", tb)

    def _simulated(
        self, name: str, r: int, logs: dict[str, pd.DataFrame], result: RunResult | Failure
    ) -> dict[str, float] | None:
        """Store a replication's ``result``; a failure is recorded, not raised."""
        scenario, folder, store = self.variants[name], self.folder, self.stores.get(name)
        if isinstance(result, Failure):
            self.failures.append(_failure(name, scenario, self.seed, r, result))
            if folder is not None:
                folder.write_failures(self.failures)
            if self.on_done is not None:
                self.on_done(name, r, None)
            return None
        metrics_r = result.metrics()
        self.warns[name][r] = list(result.warnings)
        self.tables.add(name, {k: getattr(result, k) for k in TABLE_KEYS})
        trimmed = trim_log(result.log, scenario) if self.log and result.log is not None else None
        if store is not None and folder is not None:
            folder.save_warnings(name, r, result.warnings)
            saved = (with_trip_columns(trimmed, result.log, scenario)  # (for bordersim trucks)
                     if trimmed is not None and result.log is not None else trimmed)
            store.save(r, dataclasses.replace(result, log=saved), metrics_r,
                       where_ran(self.executor, (name, r)))
        if trimmed is not None:
            logs[name] = trimmed
        return metrics_r

    def result(self, reps: int, report: bool) -> CompareResult:
        """Summaries, paired differences, interactions and who gains, over what was run."""
        opts = self.opts
        per_rep = pd.DataFrame(self.rows)
        if per_rep.empty:
            per_rep = pd.DataFrame(columns=["option", "replication"])
        per_rep = per_rep.sort_values(["option", "replication"], key=_option_order(opts))
        per_rep = per_rep.reset_index(drop=True)
        self.meta["reps"] = reps
        # options whose every figure is the baseline's in every replication (exactly)
        self.meta["identical"] = identical_to_baseline(per_rep, opts)
        # those of them that change the sampling plan -> how few infested goods were sampled
        self.meta["plan_reach"] = plan_reach(per_rep, opts, self.meta["identical"])
        # options whose every figure is an earlier option's (option -> that option)
        self.meta["identical_to"] = identical_to_option(per_rep, opts)
        # options that change which consignments arrive: pooled figures mix other goods
        self.meta["arrivals_changed"] = changed_arrivals(per_rep, BASELINE)
        # options that change which goods are illicit: enforcement figures compare others
        self.meta["truth_changed"] = changed_truth(per_rep, BASELINE)
        if self.precision is not None:
            self._note_precision(per_rep, reps)
        warnings = {name: _named_warnings(by_rep) for name, by_rep in self.warns.items()}
        parts = self.gain_parts
        gains = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        gains, self.meta["unpaired"] = _unpaired(gains)
        result = CompareResult(
            scenario=self.base.name,
            options=opts,
            seed=self.seed,
            meta=self.meta,
            per_rep=per_rep,
            summary=_summaries(per_rep, opts),
            differences=_differences(per_rep, opts, warnings, self.checked()),
            interactions=_interactions(per_rep, opts),
            gains=summarise_gains(gains, currency=str(self.meta.get("currency", "currency"))),
            warnings=warnings,
            failures=self.failures,
            path=self.folder.path if self.folder is not None else None,
            tables=self.tables.means(),
            milestone_intervals=self.tables.intervals(),
        )
        if self.folder is not None:
            self._record_history()
            # (nothing computed, repaired or failed: the finish may be the one sealed before)
            clean = not self.regained and not self.failures and not any(
                store.computed for store in self.stores.values())
            self.folder.finish(result, report=report, on_notice=self.on_notice, clean=clean)
        return result

    def _record_history(self, interrupted: bool = False) -> None:
        """Say in the history of ``compare.json`` and of each option's ``meta.json`` which
        replications this command computed, and which failed, and whether it was
        ``interrupted`` (see :mod:`sim.experiment.history`)."""
        failed: dict[str, list[int]] = {}
        for f in self.failures:
            failed.setdefault(str(f["option"]), []).append(int(f["replication"]))
        computed = {name: sorted(store.computed) for name, store in self.stores.items()}
        close(self.meta.get("history"), computed, {k: sorted(v) for k, v in failed.items()},
              interrupted)
        note_reused(self.meta.get("history"), self.reused)
        for name, store in self.stores.items():
            store.record_history(sorted(failed.get(name, [])), interrupted,
                                 reused=self.reused.get(name, []))

    def checked(self) -> dict[str, bool]:
        """By option: whether its runs were long enough for the rising-wait check."""
        return {n: weeks_checked(v.warmup_days, v.days) for n, v in self.variants.items()}

    def _note_precision(self, per_rep: pd.DataFrame, reps: int) -> None:
        """Whether the precision target was met; if not, one warning per (option, metric)
        interval still too wide, in ``meta`` (``compare.json``) for the CLI to print."""
        assert self.precision is not None
        gaps = precision_gaps(per_rep, self.watched, self.precision, self.precision_on)
        most = most_needed(gaps)
        self.meta["precision_reached"] = not gaps
        self.meta["precision_gaps"] = [dataclasses.asdict(g) for g in gaps]
        self.meta["precision_reps_needed"] = most.reps_needed if most is not None else None
        head = (
            f"--precision {self.precision:g} not reached in {reps} replications "
            f"(--max-reps {self.meta['max_reps']})"
        )
        gap_warnings = [f"{head}: {g.message(self.precision)}" for g in gaps]
        if most is not None:
            gap_warnings.append(f"{head}: replications needed ≈ {most.reps_needed:,} at the "
                                f"spread so far (the most, for {_gap_name(most)})"
                                + _on_hint(gaps, self.precision_on))
        self.meta["warnings"] = [*self.run_warnings, *gap_warnings]


def _gap_name(gap: Any) -> str:
    """``A - baseline, clearance_h_mean`` or ``A, clearance_h_mean``: what a gap is of."""
    return f"{gap.option}{' - baseline' if gap.difference else ''}, {gap.metric}"


def _on_hint(gaps: Sequence[Any], on: str) -> str:
    """With a target on both, when only levels miss: that the differences met it."""
    if on != "both" or any(g.difference for g in gaps):
        return ""
    return ("; every paired difference is within the target: --precision-on differences "
            "stops on them alone")


def _same_as(opts: list[Option], variants: Mapping[str, Scenario], base: str) -> dict[str, str]:
    """Each option whose scenario is an earlier option's, not the baseline's (that is
    "unchanged"), named to that option: in this scenario the two make one change (merging
    the field departments where inspection is already joint is flexible staffing)."""
    first: dict[str, str] = {}
    out = {}
    for o in opts:
        h = scenario_hash(variants[o.name])
        if o.name == BASELINE or h == base:
            continue
        if h in first:
            out[o.name] = first[h]
        first.setdefault(h, o.name)
    return out


TABLE_KEYS = {
    "clearance": ["metric", "dimension", "group"],
    "owners": ["owner"],
    "resources": ["port", "lane"],
    "intervals": ["interval", "kind", "from", "to", "owner", "dimension", "group"],
}


class _TableMeans:
    """Per option, the mean over replications of each small RunResult table."""

    def __init__(self) -> None:
        self.parts: dict[str, dict[str, list[pd.DataFrame]]] = {}

    def add(self, option: str, tables: dict[str, pd.DataFrame | None]) -> None:
        """Hold a replication's tables, compacted (:func:`_compact`): every replication's
        are held until the end, so what each costs is what a long comparison grows by."""
        mine = self.parts.setdefault(option, {})
        for name, table in tables.items():
            if table is not None and not table.empty:
                mine.setdefault(name, []).append(_compact(table, TABLE_KEYS[name]))

    def means(self) -> dict[str, dict[str, pd.DataFrame]]:
        from sim.experiment.table_means import mean_table

        out: dict[str, dict[str, pd.DataFrame]] = {}
        for option, by_name in self.parts.items():
            out[option] = {}
            for name, frames in by_name.items():
                keys = TABLE_KEYS[name]
                t = _uncompact(pd.concat(frames, ignore_index=True), keys)
                out[option][name] = mean_table(t, keys)  # (port, direction, ... kept)
        return out

    def intervals(self) -> pd.DataFrame:
        """Each option's milestone intervals across its replications, with 95 % intervals
        (:func:`sim.experiment.interval_summary.summarise_intervals`), one table."""
        from sim.experiment.interval_summary import summarise_intervals

        parts = []
        for option, by_name in self.parts.items():
            table = summarise_intervals(by_name.get("intervals", []))
            parts.append(table.assign(option=option)[["option", *table.columns]])
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _compact(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Only what the means and intervals use, in the table's column order: the ``keys``, as
    the strings they are grouped by, and the labels (the port, direction and class a group's
    name packs in) as categories, a few distinct values rather than a Python string per row;
    the numeric columns as they are. The figures are the same to the last bit; a
    replication's tables take about a quarter of the memory they did."""
    out = table.copy()
    for c in out.columns:
        if c in keys:
            out[c] = out[c].astype(str).astype("category")
        elif not pd.api.types.is_numeric_dtype(out[c]):
            out[c] = out[c].astype("category")
    return out


def _uncompact(t: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Stacked compact tables back to the dtypes the tables came with: keys as text, labels
    as objects (an empty label stays empty)."""
    for c in t.columns:
        if c in keys:
            t[c] = t[c].astype(str)
        elif isinstance(t[c].dtype, pd.CategoricalDtype):
            t[c] = t[c].astype(object)
    return t


def _option_order(opts: list[Option]) -> Callable[[pd.Series], pd.Series]:
    rank = {o.name: i for i, o in enumerate(opts)}

    def key(col: pd.Series) -> pd.Series:
        return col.map(rank) if col.name == "option" else col

    return key


def _common_periods(variants: dict[str, Scenario]) -> dict[str, Scenario]:
    """Every option split into periods at the dates of every option's dated reforms
    (``periods_at``), so that a dated reform's before and after each have the baseline's
    same period to be set against (a paired difference per period). A date past the
    latest time a period may begin (the run's end, or 365 d) adds none: its reform is warned
    about, and no observed arrival would fall in its period."""
    from sim.scenario.patch import patch
    from sim.scenario.timeline import latest_time

    times = {e.hours(v.start_date) for v in variants.values() for e in v.timeline}
    if not times:
        return variants
    out = {}
    for name, v in variants.items():
        at = {t for t in times if t <= latest_time(v)} | set(v.periods_at)
        out[name] = patch(v, {"periods_at": sorted(at)}, "dated options")
    return out


def _variant(
    scenario: str | Path | Scenario, base_over: tuple[dict[str, Any], str], o: Option
) -> Scenario:
    """The scenario of option ``o``: the comparison's overrides (with where they were given)
    and the option's, then its reforms. An error an option's override causes, in whatever
    field it is found, names where the option was given."""
    from sim.scenario.loader import load_with_option
    from sim.scenario.patch import patch

    ours = o.origin or f"option {o.name}"
    over, where = base_over
    if o.scenario:  # (a file of its own: the comparison's overrides, then the option's)
        variant = load_with_option(o.scenario, over, o.overrides, ours, where)
    elif not isinstance(scenario, Scenario):
        variant = load_with_option(scenario, over, o.overrides, ours, where)
    else:
        base = patch(scenario, over, where)
        variant = patch(base, o.overrides, ours)
    if not o.reform:
        return variant
    from sim.reforms.compose import parse
    from sim.reforms.reform import ReformError

    try:
        reform = parse(o.reform)
        _no_clash(o, reform.fields(variant))
        return reform.apply(variant)
    except ReformError as exc:
        raise OptionError(str(exc)) from None


def _named_warnings(by_rep: Mapping[int, list[str]]) -> list[str]:
    """An option's distinct warnings, each after the replications that gave it
    (``rep-0000, rep-0002: ...``, as a run names them), in the order of their first."""
    reps: dict[str, list[int]] = {}
    for r in sorted(by_rep):
        for w in by_rep[r]:
            reps.setdefault(w, []).append(r)
    return [f"{', '.join(f'rep-{r:04d}' for r in rs)}: {w}" for w, rs in reps.items()]


def _no_effects(
    opts: Sequence[Option], scenario: Scenario, variants: Mapping[str, Scenario]
) -> dict[str, str]:
    """Options that can have no effect -> the reason: a reform alone that acts on nothing in
    ``scenario``, or changes every one of which acts on nothing in the option's scenario (a
    field of a risk engine that is off, a route no group uses)."""
    from sim.reforms.compose import parse
    from sim.scenario.dormant import idle_changes

    out = {}
    for o in opts:
        why = None
        if o.reform and not o.overrides:
            why = parse(o.reform).no_effect(scenario)
        elif o.overrides and not o.reform and o.name in variants:
            why = idle_changes(variants[o.name], o.overrides)
        if why:
            out[o.name] = why
    return out


def _caveats(opts: Sequence[Option], scenario: Scenario) -> dict[str, str]:
    """Options whose reforms or changes can act only in part on ``scenario`` -> what cannot
    act (a change to a port's declaration that the exports section sets for the exports)."""
    from sim.reforms.compose import parse
    from sim.scenario.dormant import shadowed

    out = {}
    for o in opts:
        whys = [parse(o.reform).caveat(scenario)] if o.reform else []
        whys += shadowed(scenario, o.overrides)
        if any(whys):
            out[o.name] = "; ".join(w for w in whys if w)
    return out


def _unpriced(opts: Sequence[Option], scenario: Scenario) -> dict[str, str]:
    """Options changing a lane's capacity that no price reaches -> what (their cost figures
    leave it out: see :func:`sim.scenario.dormant.unpriced`)."""
    from sim.scenario.dormant import unpriced

    found = {o.name: "; ".join(unpriced(scenario, o.overrides)) for o in opts}
    return {name: why for name, why in found.items() if why}


def _uncosted(opts: Sequence[Option], scenario: Scenario) -> dict[str, list[str]]:
    """Options with library reforms whose running cost was not given (``cost_per_year`` 0:
    IT, licences, training beyond the staff and equipment the model counts) -> those
    reforms, where the scenario is costed (else no cost figure exists to flatter). A reform
    that changes only ``[costs]`` fields (who pays a charge, a price) runs nothing and adds
    no running cost: it is not named."""
    from sim.reforms.compose import parse, parse_one

    if scenario.costs is None:
        return {}
    out = {}
    for o in opts:
        composite = parse(o.reform) if o.reform else None
        reforms = [] if composite is None else [
            *composite.reforms, *(parse_one(label)[0] for label, _ in composite.dated)]
        found = [r.name for r in reforms
                 if not float(r.strengths["cost_per_year"]) and _operates(r, scenario)]
        if found:
            out[o.name] = list(dict.fromkeys(found))
    return out


def _operates(reform: Any, scenario: Scenario) -> bool:
    """Whether a reform changes how the border works (a field outside ``[costs]``), so that
    it may have a running cost of its own; one that only reprices (``trader_pays_no_find``:
    who pays) has none."""
    return not all(k.startswith("costs.") for k in reform.fields(scenario))


def _period_names(base: Scenario, variants: Mapping[str, Scenario]) -> dict[float, str]:
    """What begins at each time of the options' own dated reforms, named with the option
    (``training in option A; smart_image_review in option B``): every option's results are
    split at every option's dates, so a period's start says whose reform it is. The
    scenario's own dated reforms (every option's) keep their plain names."""
    own = {(e.reform, e.hours(base.start_date)) for e in base.timeline}
    at: dict[float, list[str]] = {}
    for name, v in variants.items():
        for e in v.timeline:
            t = e.hours(v.start_date)
            if (e.reform, t) not in own:
                at.setdefault(t, []).append(f"{e.reform} in option {name}")
    for e in base.timeline:
        at.setdefault(e.hours(base.start_date), []).insert(0, e.reform)
    return {t: "; ".join(dict.fromkeys(names)) for t, names in at.items()}


def _unused_parts(variants: dict[str, Scenario]) -> dict[str, str]:
    """Option -> why parts of its scenario act on nothing there (see
    :func:`sim.scenario.dormant.unused_parts`)."""
    from sim.scenario.dormant import unused_parts

    found = {name: "; ".join(unused_parts(v)) for name, v in variants.items()}
    return {name: why for name, why in found.items() if why}


def _no_clash(o: Option, changed: Mapping[str, Any]) -> None:
    """A combination of reforms and options whose changes write one field cannot say which
    wins (the reforms would, silently): an error, as for two reforms."""
    from sim.reforms.compose import overlaps

    clash = sorted(
        {max(k, f, key=len) for k in o.overrides for f in changed if overlaps(k, f)}
    )
    if clash:
        raise OptionError(
            f"option {o.name!r}: reform {o.reform} and the option's changes both set "
            f"{', '.join(clash)}; give the combination the value you want as an option "
            "of its own"
        )


def _after_the_run(variants: dict[str, Scenario]) -> dict[str, list[str]]:
    """Option -> warnings of its dated reforms (and times of its own ``periods_at``) after
    the observed run: the baseline's, then each option's that the baseline does not have
    (an option's own)."""
    from sim.scenario.timeline import after_the_run

    dated = {e.hours(v.start_date) for v in variants.values() for e in v.timeline}
    base = after_the_run(variants[BASELINE], dated)  # (every option has the dated periods)
    out = {BASELINE: base} if base else {}
    for name, scenario in variants.items():
        own = [m for m in after_the_run(scenario, dated) if m not in base]
        if name != BASELINE and own:
            out[name] = own
    return out


def _failure(name: str, scenario: Scenario, seed: int, r: int, f: Failure) -> dict[str, Any]:
    return {
        "option": name,
        "replication": r,
        "seed": [seed, r],
        "scenario": scenario.name,
        "scenario_hash": scenario_hash(scenario),
        "error": f.error,
        "traceback": f.traceback,
    }


def _gains_of_rep(logs: dict[str, pd.DataFrame], r: int, tolerance_h: float) -> pd.DataFrame:
    base = logs.get(BASELINE)
    parts = []
    if base is not None:
        for name, log in logs.items():
            if name == BASELINE:
                continue
            g = gains_one(base, log, tolerance_h)
            g.insert(0, "replication", r)
            g.insert(0, "option", name)
            parts.append(g)
    if not parts:
        return pd.DataFrame(columns=["option", "replication"])
    return pd.concat(parts, ignore_index=True)


def _unpaired(gains: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, dict[str, list[int]]]]:
    """Who-gains parts without their :data:`UNPAIRED` rows, and from those, per option and
    ``port/direction``: [consignments left out as not the same as the baseline's, released
    baseline consignments there] (over the replications)."""
    if gains.empty or "measure" not in gains:
        return gains, {}
    left = gains["measure"] == UNPAIRED
    rest = gains[~left]
    if not left.any():
        return rest, {}
    paired = rest[(rest["measure"] == "clearance") & (rest["dimension"] == "port_direction")]
    kept = paired.groupby(["option", "port", "direction"])["n"].sum()
    out: dict[str, dict[str, list[int]]] = {}
    counts = gains[left].groupby(["option", "port", "direction"])["n"].sum()
    for key, n in zip(counts.index.tolist(), counts.tolist(), strict=True):
        option, port, direction = key
        total = int(n) + int(kept.get(key, 0))
        out.setdefault(str(option), {})[f"{port}/{direction}"] = [int(n), total]
    return rest.reset_index(drop=True), out


def identical_to_baseline(per_rep: pd.DataFrame, opts: list[Option]) -> list[str]:
    """The options whose every metric equals the baseline's in every replication both ran
    (NaN equal to NaN): what they change acted on no consignment in these runs, so a
    difference of exactly 0 says nothing of rarer consignments."""
    runs = _runs(per_rep)
    return [o.name for o in opts if o.name != BASELINE and _same_runs(runs, o.name, BASELINE)]


def identical_to_option(per_rep: pd.DataFrame, opts: list[Option]) -> dict[str, str]:
    """Each option (not the baseline's twin) whose every metric equals an earlier option's
    in every replication both ran -> that option: in these runs what tells them apart acted
    on nothing (a combination that adds nothing to one of its parts)."""
    runs = _runs(per_rep)
    out: dict[str, str] = {}
    names = [o.name for o in opts if o.name != BASELINE]
    for i, name in enumerate(names):
        if _same_runs(runs, name, BASELINE):
            continue
        twin = next((e for e in names[:i] if _same_runs(runs, name, e)), None)
        if twin is not None:
            out[name] = twin
    return out


def _runs(per_rep: pd.DataFrame) -> dict[str, pd.DataFrame]:
    metrics = [c for c in per_rep.columns if c not in ("option", "replication")]
    return {str(name): g.set_index("replication")[metrics] for name, g in per_rep.groupby("option")}


def _same_runs(runs: Mapping[str, pd.DataFrame], a: str, b: str) -> bool:
    """Whether options ``a`` and ``b`` ran and give every metric alike in each replication
    both ran (NaN equal to NaN)."""
    x, y = runs.get(a), runs.get(b)
    if x is None or y is None:
        return False
    both = x.index.intersection(y.index)
    return bool(len(both)) and x.loc[both].equals(y.loc[both])


def _summaries(per_rep: pd.DataFrame, opts: list[Option]) -> pd.DataFrame:
    frames = []
    runs = OptionRuns(per_rep.drop(columns=_not_numbers(per_rep)))  # (summarise skips them)
    for o in opts:
        sub = runs.rows(o.name)
        if len(sub) == 0:
            continue
        s = summarise(sub).reset_index()
        s.insert(0, "option", o.name)
        frames.append(s)
    return _finish_table(frames, difference=False)


def option_intervals(
    option: pd.DataFrame, baseline: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The option's and the baseline's levels and their paired differences (tables of
    :func:`summarise`: one row per metric) from their replications (one row per replication,
    index ``replication``, one column per metric), with the intervals of a comparison's
    tables (a quantile's widened to the histogram's resolution): for anything else that
    shows a comparison's figures (the workshop page), so both agree."""
    per_rep = pd.concat(
        [baseline.assign(option=BASELINE), option.assign(option="option")]
    ).rename_axis("replication").reset_index()
    d = _paired(per_rep, "option")
    scale = _scale(per_rep, {"option", BASELINE})
    same = bool((d.fillna(0) == 0).all().all())
    return summarise(option), summarise(baseline), summarise(d, scale=scale, widen=not same)


def _not_numbers(per_rep: pd.DataFrame) -> list[str]:
    """The metric columns that do not hold numbers (a summary leaves them out)."""
    return [str(c) for c, t in per_rep.dtypes.items()
            if c not in ("option", "replication") and not pd.api.types.is_numeric_dtype(t)]


def _paired(per_rep: pd.DataFrame | OptionRuns, name: str) -> pd.DataFrame:
    """Rows of ``name`` minus those of the baseline, aligned on replication (both finished);
    float rounding is exactly 0 (:func:`sim.analysis.paired.noise_free`)."""
    runs = per_rep if isinstance(per_rep, OptionRuns) else OptionRuns(per_rep)
    return runs.paired(name, BASELINE)


def _noise_free(d: pd.DataFrame, terms: list[pd.DataFrame]) -> pd.DataFrame:
    """``d`` with each value that is float rounding beside the ``terms`` it was taken
    between (aligned on its replications and metrics) set to exactly 0."""
    sizes = [t.reindex(index=d.index, columns=d.columns).to_numpy(dtype=float) for t in terms]
    clean = noise_free(d.to_numpy(dtype=float), *sizes)
    return pd.DataFrame(clean, index=d.index, columns=d.columns)


def _paired_table(
    d: pd.DataFrame, p_values: bool = True, scale: dict[str, float] | None = None
) -> pd.DataFrame:
    """Per metric of paired differences (one row per replication): mean, interval, n and the
    p-value of the interval shown (NaN when not asked for): a quantile's is widened to the
    histogram's resolution, and so is its test. ``scale``: see :func:`_scale`."""
    same = _all_zero(d)  # (the runs are the same: exactly 0)
    t = summarise(d, scale=scale, widen=not same).reset_index()
    t["p_value"] = [
        interval_p_value(mean, low, high, n) if p_values else math.nan
        for mean, low, high, n in zip(t["mean"], t["ci_low"], t["ci_high"], t["n"], strict=True)
    ]
    return t


def weeks_checked(warmup_days: float, days: float) -> bool:
    """Whether a run of these lengths observes enough whole weeks for the rising-wait check
    (see :func:`sim.model.stability.too_short`)."""
    return too_short(warmup_days, days) is None


def _differences(
    per_rep: pd.DataFrame,
    opts: list[Option],
    warnings: dict[str, list[str]],
    checked: Mapping[str, bool] | None = None,
) -> pd.DataFrame:
    """Paired differences from the baseline. ``steady_state`` (nullable boolean): False when
    the option or the baseline warned that its figures are not steady-state, True when
    neither did and both ran long enough for the rising-wait check (``checked``, by option;
    None: all did), missing (NA) when neither warned but that check could not run."""
    frames = []
    runs = OptionRuns(per_rep)
    present = runs.names()
    for o in opts:
        if o.name not in present or BASELINE not in present:
            continue
        d = runs.paired(o.name, BASELINE)
        t = _paired_table(d, o.name != BASELINE, runs.scale({o.name, BASELINE}))
        t.insert(0, "option", o.name)
        both = checked is None or (checked.get(o.name, True) and checked.get(BASELINE, True))
        known = steady([*warnings.get(o.name, []), *warnings.get(BASELINE, [])], both)
        t["steady_state"] = pd.array([known] * len(t), dtype="boolean")
        frames.append(t)
    out = _finish_table(frames, difference=True)
    p_values = out["p_value"].tolist() if "p_value" in out else [math.nan] * len(out)
    out["significant"] = _holm_by_metric(out["metric"].tolist(), p_values)  # (none: empty)
    return out


def _holm_by_metric(metrics: list[str], p_values: list[float]) -> np.ndarray:
    """Holm's rejections among the options of each metric (rows in table order): a
    family is one metric's options."""
    rows: dict[str, list[int]] = {}
    for i, metric in enumerate(metrics):
        rows.setdefault(metric, []).append(i)
    significant = np.zeros(len(metrics), dtype=bool)
    for at in rows.values():
        significant[at] = holm([p_values[i] for i in at], ALPHA)
    return significant


def _interactions(per_rep: pd.DataFrame, opts: list[Option]) -> pd.DataFrame:
    frames = []
    runs = OptionRuns(per_rep)
    present = runs.names()
    for o in opts:
        if not o.is_combination or not {o.name, BASELINE, *o.parts} <= present:
            continue
        combo = runs.paired(o.name, BASELINE)
        total = combo.copy()
        for p in o.parts:
            total = total - runs.paired(p, BASELINE)  # (A+B - base) - (A - base) - (B - base)
        total = _noise_free(total, [runs.rows(n) for n in (o.name, BASELINE, *o.parts)])
        t = _paired_table(total, scale=runs.scale({o.name, BASELINE, *o.parts}))
        t.insert(0, "option", o.name)
        t.insert(1, "parts", "+".join(o.parts))
        # a quantile of pooled consignments does not add up over parts that cannot interact
        # (options at two independent ports): its "interaction" is no evidence of one
        t["additive"] = [not is_quantile(str(m)) for m in t["metric"]]
        frames.append(t)
    return _finish_table(frames, difference=True)


#: beside interactions of quantiles: why one can be non-zero when the parts cannot interact
QUANTILE_INTERACTION = (
    "a quantile (median, p90) of pooled consignments is not additive: its interaction can "
    "be non-zero, its interval clear of 0, even for options that cannot interact (at two "
    "independent ports, say), so it is no evidence of an interaction (the means' interactions "
    "are)"
)


def _scale(per_rep: pd.DataFrame, names: set[str]) -> dict[str, float]:
    """Per metric, the sum of the options' mean sizes: a difference of quantiles is known
    only to the resolution of the quantiles it is made of (see
    :func:`sim.analysis.stats.resolution`)."""
    return OptionRuns(per_rep).scale(names)


def _all_zero(d: pd.DataFrame) -> bool:
    """Whether every difference is exactly 0 or missing (the runs are the same)."""
    return bool((np.nan_to_num(d.to_numpy(dtype=float), nan=0.0) == 0).all())


def _in_currency(table: pd.DataFrame, currency: str | None) -> pd.DataFrame:
    """A copy of ``table`` with its units naming the scenario's ``currency`` (as its CSV
    shows them)."""
    table = table.copy()
    if currency and "unit" in table.columns:
        table["unit"] = [shown_unit(str(u), currency) for u in table["unit"]]
    return table


def _finish_table(frames: list[pd.DataFrame], difference: bool) -> pd.DataFrame:
    cols = ["option", "metric", "mean", "ci_low", "ci_high", "n"]
    if not frames:
        return pd.DataFrame(columns=[*cols, "unit", "shown_low", "shown_high"])
    out = pd.concat(frames, ignore_index=True)
    metrics = out["metric"].tolist()  # (each option's rows name the same metrics)
    units = {m: metric_unit(m) for m in dict.fromkeys(metrics)}
    out.insert(2, "unit", [units[m] for m in metrics])
    shown = [
        clip_interval(m, lo, hi, difference)
        for m, lo, hi in zip(metrics, out["ci_low"].tolist(), out["ci_high"].tolist(),
                             strict=True)
    ]
    out["shown_low"] = [s[0] for s in shown]
    out["shown_high"] = [s[1] for s in shown]
    return out


class _CompareFolder:
    """The compare results folder::

    compare.json                     what was run: scenario, days, seeds, options, version,
                                     and the history of the commands that wrote into the
                                     folder (:mod:`sim.experiment.history`)
    options/<option>/                a run results folder per option (scenario.json, reps/)
    options/<option>/reps/rep-0000-warnings.json, rep-0000-log.parquet (cohort, trimmed)
    gains/rep-0000.csv               who gains and who loses, sums of one replication
                                     (hours, or money for the trader cost)
    failures.json                    replications that raised (option, seed, error)
    replications.csv, summary.csv, differences.csv, interactions.csv, gains.csv
                                     (differences.csv: the options', not the baseline's
                                     from itself, all 0: summary.csv holds its levels;
                                     the long ones with each metric's base name, port,
                                     direction, trader class and lane beside it)
    metrics.csv                      replications.csv long: one row per option,
                                     replication and metric, with the same parts
                                     (:mod:`sim.experiment.metric_parts`)
    trading-across-borders.csv       each option's documentary and border compliance by port
                                     and direction, and its difference from the baseline
    milestone-intervals.csv          each option's milestone intervals across its
                                     replications, with 95 % intervals
    smuggling-weekly.csv             with smugglers: each option's attempts, deterrence and
                                     route shares by week, with 95 % intervals and the
                                     difference from the baseline, paired
                                     (:mod:`sim.experiment.smuggling_series`)
    enforcement-weekly.csv           each option's declarations, illicit ones, finds,
                                     inspections and rates by week, port and direction,
                                     with 95 % intervals and paired differences
                                     (:mod:`sim.experiment.enforcement_series`)
    enforcement.csv                  each option's finds and seizures by port, direction
                                     and truth, with 95 % intervals and paired differences
                                     (:mod:`sim.experiment.enforcement_table`)
    seizures-by-layer.csv            each option's truth, seizures, patrol stops, detection
                                     share and customs' hits by illicit type and port, with
                                     paired differences (:mod:`sim.experiment.seizure_layers`)
    risk-achieved.csv                with a risk engine: each option's achieved inspection
                                     rate against its target by port, direction and class,
                                     with 95 % intervals and paired differences
                                     (:mod:`sim.experiment.risk_table`)
    risk-daily.csv                   the same by observed day, with paired differences
                                     (:mod:`sim.experiment.risk_daily_series`)
    risk-reasons.csv                 with a risk engine: each option's inspections and hits
                                     by port, check and reason (and the candidates a cap
                                     let go, not inspections), with paired differences
                                     (:mod:`sim.experiment.risk_reasons_table`)
    summary.json                     the --json object; report.html
    finished.json                    the seal of the finish: from what, and the checksum
                                     of each file written (:mod:`sim.experiment.finish_seal`)
    """

    def __init__(self, path: Path, meta: dict[str, Any], resolved: dict[str, Any]):
        """``resolved``: the baseline scenario as JSON (to say how a folder's differs)."""
        self.path = path
        self.rebuilt = ""  # (the notice of a damaged compare.json written again)
        #: the replications whose tables the command before left (it ended with all finished)
        self.reps_before: Any = None
        #: ``compare.json`` as found, when resuming (to say what changed: sim.made_where)
        self.old: dict[str, Any] = {}
        meta_path = path / "compare.json"
        check_kind(path, "compare")
        if meta_path.exists():
            old, reason = identity(meta_path, {"scenario_hash": str, "seed": int,
                                               "options": list})
            if old is None:  # (safe: each option's folder checks its own replications)
                self.rebuilt = rebuilt(meta_path, reason, "comparison") + (
                    "; who gains is worked out again from the replications' logs")
                old = {}
            elif differ := _folder_differs(path, old, meta, resolved):
                what = "options" if len(differ) == 1 and differ[0][1] else (
                    "scenario, days, seed and options")
                raise StoreMismatch(
                    f"{path} holds a comparison {'; '.join(d for d, _ in differ)}; resume it "
                    f"with the same {what}, or choose another --out"
                )
            meta["created"] = old.get("created")
            meta["resumed"] = _now()
            if ended_whole(old, path / "failures.json"):
                self.reps_before = old.get("reps")
        elif (path / "options" / BASELINE / "meta.json").is_file():  # (compare.json lost:
            # each option's folder still checks its own replications, as when it is damaged)
            self.rebuilt = rebuilt(meta_path, "missing", "comparison") + (
                "; who gains is worked out again from the replications' logs")
            meta["created"] = _now()
            old = {}
        else:
            if path.exists() and any(path.iterdir()):
                raise StoreMismatch(
                    f"{path} already exists and is not a bordersim comparison folder; "
                    "choose another --out folder"
                )
            meta["created"] = _now()
            old = {}
        started = meta.get("resumed") or meta["created"]
        found = files_by_unit(  # (to say what a command killed before it ended computed)
            ((o.name, o / "reps") for o in (path / "options").glob("*") if o.is_dir()), REP_FILES)
        meta["history"] = [*history_of(old, found), entry(meta.get("command"), started, path)]
        self.meta, self.old = meta, old

    def record(self) -> None:
        """Write ``compare.json`` (once the options' folders have been checked too)."""
        atomic_write(self.path / "compare.json", dump_json(self.meta))

    def _rep(self, option: str, r: int, suffix: str) -> Path:
        return self.path / "options" / option / "reps" / f"rep-{r:04d}{suffix}"

    def save_warnings(self, option: str, r: int, warnings: list[str]) -> None:
        atomic_write(self._rep(option, r, "-warnings.json"), dump_json(list(warnings)))

    def load_log(self, option: str, r: int) -> pd.DataFrame | None:
        """A saved log as who gains reads it (without the trucks' columns it also keeps)."""
        path = self._rep(option, r, "-log.parquet")
        return lean(pd.read_parquet(path), (*LOG_COLUMNS, OUTCOME)) if path.exists() else None

    def load_tables(self, option: str, r: int) -> dict[str, pd.DataFrame | None]:
        out: dict[str, pd.DataFrame | None] = {}
        for name in TABLE_KEYS:
            path = self._rep(option, r, f"-{name}.csv")
            out[name] = pd.read_csv(path) if path.exists() else None
        return out

    def save_gains(self, r: int, gains: pd.DataFrame) -> None:
        """Who gains in replication ``r``, with its checksum beside it (written last)."""
        data = gains.to_csv(index=False).encode("utf-8")
        atomic_write(self.path / "gains" / f"rep-{r:04d}.csv", data.decode("utf-8"))
        seal = {"sha256": hashlib.sha256(data).hexdigest(), "replication": r}
        atomic_write(self.path / "gains" / f"rep-{r:04d}.json", dump_json(seal))

    def load_gains(self, r: int, on_notice: Callable[[str], None] | None = None) -> (
        pd.DataFrame | None
    ):
        """Who gains in replication ``r`` if an earlier run stored it intact; a file that
        does not match its checksum (edited, truncated) is reported and None returned, so
        that it is worked out again from the replication's logs."""
        path = self.path / "gains" / f"rep-{r:04d}.csv"
        if not path.exists() or self.rebuilt:  # (of options compare.json no longer names)
            return None
        got = stored_gains(path, r)
        if got is None and on_notice is not None:
            on_notice(f"{path} does not match its checksum (changed, truncated or written "
                      "by another version); worked out again from the replication's logs")
        return got

    def write_failures(self, failures: list[dict[str, Any]]) -> None:
        atomic_write(self.path / "failures.json", dump_json(failures))

    def finish(
        self, res: CompareResult, report: bool, on_notice: Callable[[str], None] | None = None,
        clean: bool = False,
    ) -> None:
        """Write ``compare.json`` and the tables pooled from the replications (``on_notice``
        hears of one that did not match the same replications, left by the command before:
        changed or damaged since); ``failures.json`` when some failed (else none). When
        ``clean`` (this command computed and repaired nothing) and the folder's seal shows
        the same finish made from the same inputs, intact, only ``compare.json`` is written
        (:mod:`sim.experiment.finish_seal`)."""
        atomic_write(self.path / "compare.json", dump_json(res.meta))
        digest, command = finish_seal.inputs_digest(self.path, res), res.meta.get("command")
        if clean and not self.rebuilt and finish_seal.sealed(self.path, digest, command, report):
            (self.path / "failures.json").unlink(missing_ok=True)  # (none: clean)
            return
        finish_seal.unseal(self.path)  # (a finish interrupted from here on is not sealed)
        same = self.reps_before is not None and self.reps_before == res.meta.get("reps")
        from sim.experiment.metric_parts import folder_splitter

        options = [self.path / "options" / o for o in res.names]
        splitter = folder_splitter(o for o in options if (o / "scenario.json").is_file())
        pooled = {**_pooled(res, splitter), **self._weekly_series(res), **self._trading(res)}
        for name, text in pooled.items():
            file = self.path / name
            if same and on_notice is not None and stale(file, text):
                on_notice(rewritten(file, "the options' replications", "them"))
            atomic_write(file, text)
        if res.failures:
            self.write_failures(res.failures)
        else:  # (those of an earlier command have been run again)
            (self.path / "failures.json").unlink(missing_ok=True)
        if report:  # from the files just written, as `bordersim report` reads them
            from sim.report.folder_report import write_folder_report

            write_folder_report(self.path)
        written = [*pooled, *(["failures.json"] if res.failures else []),
                   *(["report.html"] if report else [])]
        finish_seal.seal(self.path, digest, command, written)


    def _trading(self, res: CompareResult) -> dict[str, str]:
        """``trading-across-borders.csv``: each option's documentary and border compliance
        by port and direction, and its difference from the baseline, paired by replication
        (:mod:`sim.experiment.trading_table`); none when no replication kept its intervals."""
        from sim.experiment import trading_table

        reps: dict[str, list[int]] = {}
        for option, r in res.per_rep[["option", "replication"]].itertuples(index=False):
            reps.setdefault(str(option), []).append(int(r))
        options = self.path / "options"
        frames = {o: trading_table.folder_frames(options / o / "reps", rs)
                  for o, rs in reps.items()}  # fmt: skip
        if not any(frames.values()):
            return {}
        modes = trading_table.port_modes(options / BASELINE)
        currency = trading_table.currency_of(options / BASELINE)
        table = trading_table.compare_trading(frames, BASELINE, modes, currency)
        return {trading_table.FILE: table.to_csv(index=False)}

    def _weekly_series(self, res: CompareResult) -> dict[str, str]:
        """``smuggling-weekly.csv`` from the options' smuggling tables of the replications
        the comparison pooled (none when the scenario has no smugglers), and
        ``enforcement-weekly.csv`` from their daily enforcement series."""
        from sim.experiment import (
            enforcement_series,
            enforcement_table,
            risk_daily_series,
            risk_reasons_table,
            risk_table,
            smuggling_series,
        )

        out = {}
        for suffix, file, series in (
            ("-smuggling.csv", smuggling_series.FILE, smuggling_series.compare_smuggling),
            ("-enforcement-daily.csv", enforcement_series.FILE,
             enforcement_series.compare_enforcement),
            ("-enforcement.csv", enforcement_table.FILE,
             enforcement_table.compare_enforcement_table),
            ("-risk.csv", risk_table.FILE, risk_table.compare_risk),
            ("-risk-daily.csv", risk_daily_series.FILE, risk_daily_series.compare_daily),
            ("-risk-reasons.csv", risk_reasons_table.FILE, risk_reasons_table.compare_reasons),
        ):
            frames: dict[str, dict[int, pd.DataFrame]] = {}
            for option, r in res.per_rep[["option", "replication"]].itertuples(index=False):
                path = self._rep(str(option), int(r), suffix)
                if path.exists():
                    frames.setdefault(str(option), {})[int(r)] = csv_or_empty(path)
            if frames:
                out[file] = series(frames, BASELINE).to_csv(index=False)
        out.update(self._layers(res))
        return out

    def _layers(self, res: CompareResult) -> dict[str, str]:
        """``seizures-by-layer.csv`` of every option (:mod:`sim.experiment.seizure_layers`)."""
        from sim.experiment import seizure_layers

        frames: dict[str, dict[int, pd.DataFrame]] = {}
        for option, r in res.per_rep[["option", "replication"]].itertuples(index=False):
            t = seizure_layers.read_rep(self._rep(str(option), int(r), "").parent, int(r))
            if t is not None:
                frames.setdefault(str(option), {})[int(r)] = t
        if not any(not t.empty for f in frames.values() for t in f.values()):
            return {}
        return {seizure_layers.FILE: seizure_layers.compare_layers(frames, BASELINE)
                .to_csv(index=False)}


def _pooled(res: CompareResult, splitter: MetricSplitter) -> dict[str, str]:
    """The tables a comparison pools from its replications, by file name, as written: the
    long ones with each metric's parts beside its name (``splitter``: the options' ports
    and lanes)."""
    from sim.experiment.metric_parts import FILE, long_metrics, with_parts

    cur = res.meta.get("currency")  # (the CSVs name it in their units: USD per year)
    own = res.differences["option"] != BASELINE  # (the baseline's from itself: 0)
    out = {"replications.csv": res.per_rep.to_csv(index=False),
           FILE: long_metrics(res.per_rep, splitter).to_csv(index=False)}
    for name, table in (("summary", res.summary), ("differences", res.differences[own]),
                        ("interactions", res.interactions)):
        table = with_parts(table, splitter)
        out[f"{name}.csv"] = _in_currency(table, cur).to_csv(index=False)
    out["gains.csv"] = res.gains.to_csv(index=False)
    out["milestone-intervals.csv"] = res.milestone_intervals.to_csv(index=False)
    out["warnings.json"] = dump_json(res.warnings)
    out["summary.json"] = dump_json(res.to_json())
    return out


def _folder_differs(
    path: Path, old: dict[str, Any], meta: dict[str, Any], resolved: dict[str, Any]
) -> list[tuple[str, bool]]:
    """How the comparison in folder ``path`` (``old``: its compare.json) differs from this
    one (``meta``; ``resolved``, its baseline scenario): each difference, and whether it is
    one of the options'."""
    out = []
    then, now = _compared(old.get("options")), _compared(meta["options"])
    if then != now:
        out.append((_unlike(then, now), True))
    if old.get("scenario_hash") != meta["scenario_hash"]:
        out += [(d, False) for d in _other_scenario(path, old, meta, resolved)]
    if old.get("seed") != meta["seed"]:
        out.append((f"with seed {old.get('seed')}, not {meta['seed']}", False))
    return out


def _other_scenario(
    path: Path, old: dict[str, Any], meta: dict[str, Any], resolved: dict[str, Any]
) -> list[str]:
    """How the folder's baseline scenario differs from this one's: another scenario, other
    observed days (``of 14 observed days, not 21``), other fields (from its scenario.json)."""
    if old.get("scenario") != meta["scenario"]:
        return [f"of scenario {old.get('scenario')!r}, not {meta['scenario']!r}"]
    out = []
    if old.get("days") != meta["days"]:
        out.append(f"of {_brief(old.get('days'))} observed days, not {_brief(meta['days'])}")
    try:
        scenario = loads(_read_own(path / "options" / BASELINE / "scenario.json",
                                         _MAX_REP_BYTES))
    except (OSError, ValueError, UnicodeDecodeError):
        return out or [f"of scenario {meta['scenario']!r} with other settings"]
    found = [d for d in scenario_differences(scenario, resolved) if not d.startswith("days ")]
    if found:
        more = f" and {len(found) - 4} more field(s)" if len(found) > 4 else ""
        out.append(f"of scenario {meta['scenario']!r} with {', '.join(found[:4])}{more}")
    return out or [f"of scenario {meta['scenario']!r} with other settings"]


#: what identified an option before options could be scenario files (kept when missing)
_OLD_KEYS = ("overrides", "parts", "reform")


def _compared(options: Any) -> list[tuple[str, str]]:
    """What identifies a comparison's options: each one's name and what it changes."""
    out = []
    for o in options or []:
        if isinstance(o, dict):
            what = {k: o.get(k) for k in ("overrides", "parts", "reform", "scenario",
                                          "scenario_hash") if k in o or k in _OLD_KEYS}
            out.append((str(o.get("name")), json.dumps(what, sort_keys=True, default=str)))
    return out


def _unlike(then: list[tuple[str, str]], now: list[tuple[str, str]]) -> str:
    """How a folder's options differ from this run's: other names, or what one changes."""
    names = [n for n, _ in then], [n for n, _ in now]
    if names[0] != names[1]:
        return f"of other options ({', '.join(names[0])}; this run: {', '.join(names[1])})"
    name, was, is_ = next((a[0], a[1], b[1]) for a, b in zip(then, now, strict=True) if a != b)
    old, new = json.loads(was), json.loads(is_)
    if {**old, "scenario_hash": None} == {**new, "scenario_hash": None}:
        return (f"in which option {name}'s scenario file {new['scenario']} had other "
                "settings (it, or a file it extends, has changed since)")
    return f"in which option {name} changes {was} (this run: {is_})"


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def stored_gains(path: Path, r: int) -> pd.DataFrame | None:
    """Who gains in replication ``r`` as stored at ``path`` (``gains/rep-NNNN.csv``), or None
    if it does not match the checksum beside it."""
    seal = path.with_suffix(".json")
    try:
        want = loads(seal.read_text(encoding="utf-8"))
        ok = want == {"sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "replication": r}
    except (OSError, ValueError):
        ok = False
    if not ok:
        return None
    return current_columns(pd.read_csv(path, dtype={"port": str, "direction": str, "group": str}))
