"""RunResult: everything one replication measured, as pandas DataFrames."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from sim.model.desk_eras import desk_era_metrics
from sim.model.release_owners import owner_metrics
from sim.model.result_clearance import clearance_metrics
from sim.model.returns_metrics import returns_metrics
from sim.model.transit_cohort import transit_cohort_metrics
from sim.model.transit_inspections import transit_inspection_metrics
from sim.model.transit_metrics import transit_metrics
from sim.scenario.schema import DIRECTIONS


@dataclass(eq=False)  # (its tables are DataFrames: compare results with .equals())
class RunResult:
    """The outcome of ``simulate(scenario, seed)``. ``seed`` is the root seed, then the
    replication (``(1, 3)``: run again by ``simulate(scenario, seed=1, replication=3)``).

    Tables (all DataFrames):
    - ``clearance``: per metric (``clearance``: arrival to release; ``overall_clearance``:
      arrival to the end of the flow, an import's exit or an export's loading), dimension
      (all, port, mode, direction, port_direction with groups ``<port>/<direction>``,
      channel, commodity, trader_class, direction_class ``<direction>/<class>``,
      port_direction_class; with transit goods, transit_direction ``direct/import``,
      ``transit/import``, ``integrated/import``, ...; a timeline's and a post hub's splits)
      and group, the group's ``port``, ``direction`` and ``trader_class`` beside it (None
      where its dimension has none: see :mod:`sim.model.groups`): n, mean, median, p90,
      p95 (hours) and the share within 24 h (``within_24h``) and each other time target of
      ``within_hours``;
    - ``intervals``: the Time Release Study intervals (:mod:`sim.model.intervals`) of the
      cohort's consignments out of the flow (outcome ``released``; not the seized, detained,
      rejected or censored), per stretch (``kind``: ``to_release``, the stretches that add up
      to each one's arrival -> release, after arrival only: an advance declaration's
      ``lodging`` counts as 0 h, not as a negative time; ``after_release``, those that add
      up to the rest of its overall clearance; ``parallel``, beside the flow, adding nothing;
      ``total``) and group (``dimension`` all, direction, port_direction and
      port_direction_class, as ``clearance``'s groups, with the same ``port``,
      ``direction`` and ``trader_class``): the consignments of the group, ``n``
      passing through the stretch, their mean, median and p90 hours, the hours it adds per
      consignment of the group (``per_consignment_h``), its whole stretch's mean (before
      arrival too, or however little of a parallel wait binds) and the hours it adds by owner
      (``<owner>_h``; the exam yard's waits and moves are ``mixed``);
    - ``owners``: hours per released consignment and share of the time by owner; by
      direction, also of arrival -> release (``mean_h_to_release_import``, ...: the
      ``intervals``' ``clearance`` rows);
    - ``resources``: per port and lane: utilisation, mean queue length, mean/p90 wait, jobs;
    - ``queues``: queue length and busy servers sampled over time;
    - ``log``: one row per consignment (attributes, requirements, milestones), when asked;
    - ``paths``: how many consignments were finished in bulk (numpy) and as SimPy flows;
    - ``enforcement``, ``enforcement_daily``, ``enforcement_metrics``: the hidden truth, what
      was detected and what customs sees (:mod:`sim.model.enforcement`); more seizures are
      not better in themselves: deterrence lowers them (``enforcement_daily``: per observed
      day, port and direction);
    - ``warnings``: plain-language warnings about the run (an overloaded lane, a queue whose
      wait keeps rising, a lane's or an exam yard's appointment slots, more than 1 % of a
      port's cohort not released by the end): its figures are then not steady-state;
    - ``notes``: what the command line would note of the run (a warm-up that is not whole
      weeks; too few whole weeks observed to check whether a queue keeps rising: then no
      warning does not mean steady-state, see ``steady_state``);
    - ``days`` and ``warmup_days``: the observed window, ``[warmup_days, warmup_days +
      days)`` in days from the start (``queues``' ``t_h`` is in hours from the start);
    - ``risk`` and ``risk_thresholds`` (with a risk engine): its decisions, inspections and
      achieved inspection rate per port, direction and class, with the ordinary classes'
      target (:func:`sim.model.risk_report.report`), and its threshold at each refresh;
      ``risk_daily``: the same decisions, inspections and rates by observed day, with the
      target the engine held that day (:mod:`sim.model.risk_daily`);
      ``risk_reasons``: why it inspected, per port, check and reason, with the hits
      (:mod:`sim.model.risk_reasons`);
      ``risk_metrics``: the AUC its scores achieved, measured against the hidden truth
      (:mod:`sim.model.risk_auc`);
    - ``costs`` and ``agency`` (with a scenario's ``[costs]``, see :mod:`sim.model.costbook`):
      mean agency, trader and total cost per finished consignment (and its parts, the p90 of
      trader cost, revenue evaded and harm slipped) by dimension and group (with ``port``,
      ``direction`` and ``trader_class`` as ``clearance``); the agency's fixed
      cost items by port over the observation window, one row each (``kind``: ``staff`` on
      duty by schedule, ``night`` its night-shift premium, ``overtime`` past it, ``posts``,
      ``equipment``, ``systems``).
    """

    scenario: str
    seed: tuple[int, ...]
    counts: dict[str, int]
    clearance: pd.DataFrame
    intervals: pd.DataFrame
    owners: pd.DataFrame
    resources: pd.DataFrame
    queues: pd.DataFrame
    events: int
    log: pd.DataFrame | None = None
    paths: dict[str, int] = field(default_factory=dict)  # consignments by interpreter
    #: cohort declarations and containers, and those inspected (scan, physical, quarantine)
    inspections: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # e.g. a queue that does not settle
    #: with a scenario's [costs]: mean cost per consignment by dimension and group
    costs: pd.DataFrame | None = None
    #: with a scenario's [costs]: the agency's fixed cost items by port over the window
    agency: pd.DataFrame | None = None
    cost_metrics: dict[str, float] = field(default_factory=dict)
    #: the hidden truth and what was detected, per port, direction and truth code
    #: (sim.model.enforcement)
    enforcement: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: per observed day (0: the first after the warm-up), port and direction: declarations,
    #: illicit, detected before release, found after it (audit), inspected (deterrence
    #: shows here)
    enforcement_daily: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: truth, effectiveness and what customs sees, flat (three layers, never mixed)
    enforcement_metrics: dict[str, float] = field(default_factory=dict)
    #: per port with a schedule: exports loaded after the first cut-off after their arrival
    #: (sim.model.cutoffs)
    export_metrics: dict[str, float] = field(default_factory=dict)
    #: a port's own owner shares and containers inspected (sim.model.recorder_rows.PortTally)
    port_metrics: dict[str, float] = field(default_factory=dict)
    #: a commodity's consignments sampled for the laboratory against the rest, and the hold
    #: (sim.model.lab_holds)
    lab_hold_metrics: dict[str, float] = field(default_factory=dict)
    #: the share of containers held past each time target, by port, direction and
    #: commodity, the still held counted (sim.model.delay_tails); and when each vessel or
    #: train call's boxes were all free to leave (sim.model.calls)
    tail_metrics: dict[str, float] = field(default_factory=dict)
    #: when a vessel's or train's call's last box is ready, by port (sim.model.calls)
    call_metrics: dict[str, float] = field(default_factory=dict)
    #: with a bonded zone: its stock, stays and flows, by gate (sim.model.bonded_stock)
    bonded_metrics: dict[str, float] = field(default_factory=dict)
    #: with a scenario's [idling]: vehicle-hours, fuel and CO2 of the goods' wait
    #: (sim.model.idling)
    idling_metrics: dict[str, float] = field(default_factory=dict)
    #: escalation latency, alert and directive propagation, staff cost (sim.model.org)
    organisation_metrics: dict[str, float] = field(default_factory=dict)
    #: the truth layer of smuggling (None without it): per observed day (counted as in
    #: ``enforcement_daily``; the warm-up's negative), group and route (route
    #: ``not_smuggled``: deterred), how many chose it, caught, slipped, unresolved, values
    smuggling: pd.DataFrame | None = None
    #: the risk engine's report (None without one): per port, direction and class, its
    #: decisions, inspections, achieved rate and target (sim.model.risk_report)
    risk: pd.DataFrame | None = None
    #: the risk engine's threshold at each refresh, per port and direction (a time series)
    risk_thresholds: pd.DataFrame | None = None
    #: the risk engine's report by observed day (None without one): per day, port, direction
    #: and class, its decisions, inspections, achieved rate and target (sim.model.risk_daily)
    risk_daily: pd.DataFrame | None = None
    #: why the risk engine inspected (None without one): per port, check and reason (floor,
    #: alert, score, random), the cohort's inspections and hits (sim.model.risk_reasons)
    risk_reasons: pd.DataFrame | None = None
    #: the risk engine's achieved AUC, measured against the truth (sim.model.risk_auc)
    risk_metrics: dict[str, float] = field(default_factory=dict)
    #: the observed window: its days after a warm-up of ``warmup_days`` (None: not known)
    days: float | None = None
    warmup_days: float | None = None
    #: notes on the run as the command line prints them (sim.model.window), in Python's
    #: words (``days=21`` for ``--days 21``: sim.python_words)
    notes: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        """One line: the scenario, seed, window and counts (not every table)."""
        window = "" if self.days is None else f", days={self.days:g}"
        window += "" if self.warmup_days is None else f", warmup_days={self.warmup_days:g}"
        return (f"RunResult(scenario={self.scenario!r}, seed={self.seed}{window}, "
                f"counts={self.counts}, warnings={len(self.warnings)}, notes={len(self.notes)})")

    def equals(self, other: object) -> bool:
        """Whether ``other`` is a result holding the same figures: every table and number
        equal, NaN equal to NaN (what "same seed, same result" means; ``==`` is identity)."""
        from sim.model.same import same_result

        return same_result(self, other)

    @property
    def steady_state(self) -> bool | None:
        """False when a warning says the figures are not steady-state, True when none does
        and the run was long enough to check whether a queue keeps rising, None (not known)
        when none does but that check could not run (see ``notes``)."""
        from sim.model.stability import steady, too_short

        if self.days is None or self.warmup_days is None:
            return steady(self.warnings, False)
        return steady(self.warnings, too_short(self.warmup_days, self.days) is None)

    def _risk_metrics(self) -> dict[str, float]:
        """With a risk engine: the ordinary classes' achieved rate against the target, the
        alerts' reach, and the AUC its scores achieved."""
        if self.risk is None:
            return dict(self.risk_metrics)
        from sim.model.risk_report import ordinary_metrics

        return {**ordinary_metrics(self.risk), **self.risk_metrics}

    def metrics(self) -> dict[str, float]:
        """The headline numbers, flat, under stable snake_case names."""
        out: dict[str, float] = {}
        ins = self.inspections
        if ins:
            n, boxes = ins["declarations"], ins["containers"]
            out["inspection_rate"] = ins["inspected"] / n if n else math.nan
            out["inspection_rate_per_container"] = (
                ins["containers_inspected"] / boxes if boxes else math.nan
            )
            out.update(transit_inspection_metrics(ins))  # (with transit goods, 转关)
        out.update(clearance_metrics(self.clearance))
        for k, v in self.counts.items():
            out[f"consignments_{k}"] = float(v)
        out.update(self.enforcement_metrics)
        out.update(self.export_metrics)
        out.update(self.port_metrics)
        out.update(self.lab_hold_metrics)
        out.update(self.tail_metrics)
        out.update(self.call_metrics)
        out.update(self.bonded_metrics)
        out.update(self.idling_metrics)
        c = self.clearance
        ports = c.loc[(c.metric == "clearance") & (c.dimension == "port"), "group"]
        out.update(owner_metrics(self.intervals, ports.astype(str)))  # (to release)
        out.update(returns_metrics(self.intervals))
        out.update(transit_metrics(self.intervals))
        out.update(transit_cohort_metrics(ins))  # (the share over every import, finished or not)
        out.update(desk_era_metrics(ins))  # (transit goods a date passed at the desk)
        out.update(self.organisation_metrics)
        if self.smuggling is not None:
            from sim.model.smuggling_metrics import smuggling_metrics

            out.update(smuggling_metrics(self.smuggling))
            if "value_slipped" in out:  # (ports, smugglers' port loads included, + outside)
                outside = out["smuggling_value_slipped_outside"]
                out["value_slipped_total"] = out["value_slipped"] + outside
        out.update(self._risk_metrics())
        for _, r in self.owners.iterrows():
            out[f"owner_share_{r['owner']}"] = float(r["share"])
            for d in DIRECTIONS:  # (a table stored by an older version has no split)
                if f"share_{d}" in r:
                    out[f"owner_share_{r['owner']}_{d}"] = float(r[f"share_{d}"])
        for _, r in self.resources.iterrows():
            key = f"{r['port']}_{r['lane']}"
            if not (math.isnan(r["utilisation"]) and r.get("capacity_mean") == math.inf):
                # a lane that can be busy always names it (NaN until it has worked: a lab
                # with no batch yet), so that every run of a scenario has the same columns
                out[f"utilisation_{key}"] = float(r["utilisation"])
            out[f"queue_mean_{key}"] = float(r["queue_mean"])
            out[f"wait_h_mean_{key}"] = float(r["wait_mean_h"])
            out[f"wait_h_p90_{key}"] = float(r["wait_p90_h"])
        out.update(self.cost_metrics)
        return {k: float(v) for k, v in out.items()}
