"""A timeline's eras and what the World wires after building its parts: the later eras (one
more Port per era, sharing the first one's lanes), the era each consignment follows (the one
in force at its planned assessment), and a risk engine's hooks."""

from __future__ import annotations

import math
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from sim.model.approach_eras import entry_plan
from sim.model.desk_eras import era_counts
from sim.model.draws import DRAWS, Context, R
from sim.model.risk import RiskEngine
from sim.model.risk_alert_tally import AlertTally
from sim.model.risk_daily import DailyLedger
from sim.model.selection import Selector, TableSelector
from sim.model.steps.declaration import lodged_at
from sim.scenario.base import ILLICIT
from sim.scenario.local_risks import share

if TYPE_CHECKING:
    from sim.model.port import Port
    from sim.model.world import World


def add_eras(world: World, selector: Selector | None, bulk: bool) -> None:
    """A timeline's later eras: for each port, one more Port per era with that era's
    rules, sharing the first one's lanes (a port hands each consignment to the era in force
    at its assessment: ``era_of``)."""
    from sim.model.port import Port
    from sim.reforms.timeline import eras

    shared = world.selector if isinstance(world.selector, RiskEngine) else None
    for t, era in eras(world.scenario)[1:]:  # a risk engine (its state) serves every era
        chosen = selector or shared or TableSelector(era)
        for base in world.ports:
            port = Port(
                world.env,
                era,
                base.name,
                base.index,
                world.seed,
                selector=chosen,
                organisation=world.organisation,
                window=(world.warmup, world.stop),
                launch=partial(world.launch, port=None),
                bulk=bulk,
                shared=base,
            )
            port.launch = partial(world.launch, port=port)
            base.eras.append((t, port))


def wire_risk_engine(world: World, engine: RiskEngine) -> None:
    """The risk engine's hooks to the rest of the world: the exam queues (throttling),
    the observed days' periods its alerts are counted by, a cohort ledger that also counts
    by day (:mod:`sim.model.risk_daily`) and, with an organisation, alerts
    that travel through its tree and the AUC bonus of locally known risks its structure
    keeps."""
    if engine.queue_length is None:
        engine.queue_length = world.exam_queue
    engine.alerts.tally = AlertTally.of(world.scenario, world.warmup, world.stop)
    days = math.ceil((world.stop - world.warmup) / 24)  # (its cohort's, also by day)
    engine.counted = DailyLedger(engine.ports, lambda: world.env.now, world.warmup, days)
    if world.scenario.organisation is None:
        return
    org = world.organisation
    engine.alerts.from_organisation(org)
    table = world.scenario.organisation.advantages.local_risks  # (empty: every type and port)
    bonus = {(p, k): org.auc_bonus(p) * share(table, kind, p)
             for p in world.scenario.ports for k, kind in enumerate(ILLICIT, start=1)}
    if engine.local_auc is None and any(bonus.values()):

        def local_auc(port: str, kind: int, origins: np.ndarray) -> np.ndarray:
            now = engine.current_auc  # in force: learned, or the base (a dated change's)
            add = bonus[(port, kind)]
            return np.full(len(origins), min(0.9999, float(now[kind - 1]) + add))

        engine.local_auc = local_auc


def era_of(
    port: Port, arrived: np.ndarray, u: np.ndarray, export: bool,
    reached: np.ndarray | None = None,
) -> tuple[np.ndarray, float]:
    """The era whose rules each consignment follows (0: ``port``'s rules; k:
    ``port.eras[k - 1]``): the one in force at its assessment. The assessment time is planned
    under the rules in force at arrival: lodging, officer review and acceptance, without any
    wait in the review queue (a wait that carries an assessment past a date keeps the earlier
    rules: the one approximation, since the era must be known when the block is made). A
    reform never acts before its date: a consignment whose assessment the later era's own
    rules would plan before that era begins (goods already in port when advance lodging
    starts, say) keeps the earlier rules. Also the block's containers (under the rules in
    force at arrival), since a vessel's call may be split between eras. ``reached``: trucks
    entering a crossing with an approach now, when they reached it; they are planned as their
    journeys will record their assessment (:mod:`approach_eras`)."""
    starts = [t for t, _ in port.eras]
    ports = [port] + [p for _, p in port.eras]
    on_arrival = np.searchsorted(starts, arrived, side="right")
    assessed = np.empty(len(arrived))
    containers = 0.0
    for k in np.unique(on_arrival).tolist():
        rows = on_arrival == k
        r = planned_table(ports[k], arrived[rows], u[rows], export)
        seen = None if reached is None else reached[rows]
        assessed[rows] = planned_assessment(ports[k], arrived[rows], r, seen)
        containers += float(r[:, R.containers].sum())
    era = np.searchsorted(starts, assessed, side="right")
    for k in range(len(starts), 0, -1):  # (latest first: a row let down is checked again)
        rows = np.flatnonzero((era == k) & (on_arrival < k))
        if len(rows):
            r = planned_table(ports[k], arrived[rows], u[rows], export)
            seen = None if reached is None else reached[rows]
            early = planned_assessment(ports[k], arrived[rows], r, seen) < starts[k - 1]
            era[rows[early]] = k - 1
    return era, containers


def planned_table(port: Port, arrived: np.ndarray, u: np.ndarray, export: bool) -> np.ndarray:
    """A block's requirement table under ``port``'s rules (no decision taken)."""
    ctx = Context(
        port.scenario, port.spec, port.commodities, arrived, export=export, port_name=port.name
    )
    return DRAWS.table(ctx, u)


def planned_assessment(port: Port, arrived: np.ndarray, r: np.ndarray,
                       reached: np.ndarray | None = None) -> np.ndarray:
    """When each consignment of a block (its requirement table ``r``) would be assessed
    under ``port``'s rules, with no wait in the officer review queue. ``reached``: trucks
    entering a crossing with an approach now, when they reached it; their times are planned
    as their journeys will record them (:mod:`approach_eras`)."""
    if reached is not None:
        r, lodged, start = entry_plan(port, r, arrived, reached)
    else:
        start = lodged = lodged_at(r, arrived)
    return assessed_from(port, r, start, lodged)


def assessed_from(port: Port, r: np.ndarray, start: np.ndarray, lodged: np.ndarray) -> np.ndarray:
    """:func:`planned_assessment` of declarations lodged at ``lodged`` whose review (if
    any) starts at ``start``: its review, any return and second review, then the
    assessment (also goods leaving a transit desk: :mod:`sim.model.desk_eras`)."""
    review = (r[:, R.review] > 0) & (port.review is not None)
    # (a returned declaration: corrected, then reviewed a second time)
    again = np.where(review & (r[:, R.amended] > 0), r[:, R.amend_time] + r[:, R.review_time], 0)
    first = np.where(review, start + r[:, R.review_time], lodged)
    return np.asarray(first + again + port.assess)


def enter(port: Port, index: np.ndarray, arrived: np.ndarray, u: np.ndarray, export: bool,
          reached: np.ndarray | None = None) -> None:
    """Hand a block of ``port``'s consignments on, each under the rules of the era it is
    assessed in (``port``'s own without a timeline); ``reached``: queued trucks' reaching
    the approach (the cohort's time: :mod:`approach`)."""
    if not port.eras:
        port._hand_on(index, arrived, u, export, reached=reached)
        return
    ports = [port] + [p for _, p in port.eras]
    era, call = era_of(port, arrived, u, export, reached)
    for k in np.unique(era).tolist():  # each era's rules for the consignments assessed in it
        rows = era == k
        seen = None if reached is None else reached[rows]
        ports[k]._hand_on(index[rows], arrived[rows], u[rows], export, call, reached=seen)


def desk_era_counts(ports: list[Port]) -> dict[str, float]:
    """For a run's ``inspections``: the transit goods a dated rule passed by while they
    waited at a transit desk (:mod:`sim.model.desk_eras`; nothing without one)."""
    return era_counts(ports)
