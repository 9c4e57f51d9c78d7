"""The result tables of a run, read from the recorder's streamed statistics."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from sim.analysis.sketch import bin_values, row_bins
from sim.model.agency_costs import duty_hours
from sim.model.capacity_plan import lost_hours
from sim.model.draws import DRAWS
from sim.model.finders import FINDERS, found_by
from sim.model.groups import with_group_parts
from sim.model.lane_law import lane_law_metrics
from sim.model.lane_periods import lane_period_metrics
from sim.model.milestones import CHANNELS, OUTCOMES, OWNERS, RELEASED
from sim.model.recorder import Recorder
from sim.model.recorder_rows import COLUMNS
from sim.model.release_owners import log_columns, owner_columns
from sim.model.truth_kinds import logged_kinds
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sim.model.costbook import CostBook
    from sim.model.lane import Lane
    from sim.model.port import Port
    from sim.model.smuggling import Smugglers
    from sim.scenario.schema import Scenario


def outcome_counts(rec: Recorder, arrived: int) -> dict[str, int]:
    """The run's consignments by outcome, beside those that arrived."""
    counts = {"arrived": arrived}
    counts.update({name: int(n) for name, n in zip(OUTCOMES, rec.outcomes, strict=True)})
    counts["treated"] = rec.treated  # released after treatment (among "released")
    # released by customs, not yet out at the end (among "censored"; in clearance figures)
    counts["not_out"] = int(rec.not_out.sum())
    return counts


def clearance_table(rec: Recorder) -> pd.DataFrame:
    """Clearance times by metric and dimension: count, mean, quantiles, share within each
    time target (``within_24h``, and those of the scenario's ``within_hours``)."""
    blocks = [_clearance_block(rec, metric, dim) for metric, dim in rec.hist]
    if not blocks:
        return pd.DataFrame([])
    columns = {
        name: np.concatenate([b[name] for b in blocks])
        for name in ("metric", "dimension", "group", "n", "mean_h", "median_h", "p90_h",
                     "p95_h", *rec.times.within_columns())
    }  # fmt: skip
    return with_group_parts(pd.DataFrame({
        k: list(v) if k in ("metric", "dimension", "group") else v for k, v in columns.items()
    }))  # fmt: skip


def _clearance_block(rec: Recorder, metric: str, dim: str) -> dict[str, np.ndarray]:
    """The rows of one metric and dimension: its groups with values (``all`` always)."""
    hist, groups = rec.hist[(metric, dim)], rec.dimensions[dim]
    n = hist[: len(groups)].sum(axis=1)
    kept = np.flatnonzero((n > 0) | (dim == "all"))
    n, on = n[kept], n[kept] > 0
    cum = np.cumsum(hist[kept][on], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = {"mean_h": np.where(on, rec.sums[(metric, dim)][kept] / n, math.nan)}
        for k, col in enumerate(rec.times.within_columns()):
            out[col] = np.where(on, rec.within[(metric, dim)][kept, k] / n, math.nan)
    for name, q in (("median_h", 0.5), ("p90_h", 0.9), ("p95_h", 0.95)):
        out[name] = np.full(len(kept), math.nan)
        out[name][on] = bin_values()[row_bins(cum, q)]
    names = np.array([str(groups[g]) for g in kept], dtype=object)
    return {
        "metric": np.full(len(kept), metric, object), "group": names,
        "dimension": np.full(len(kept), dim, object), "n": n.astype(np.int64), **out,
    }  # fmt: skip


def interval_table(rec: Recorder) -> pd.DataFrame:
    """The milestone intervals (:mod:`sim.model.intervals`): per stretch and group (all, each
    direction, each port and direction, and by credit class within them), count, mean,
    median, p90, hours per consignment, its whole stretch and the hours by owner."""
    return with_group_parts(rec.intervals.table())


def owner_table(rec: Recorder, intervals: pd.DataFrame) -> pd.DataFrame:
    """Time from arrival to exit by owner: mean per released consignment and share; by
    direction, also of arrival -> release (``mean_h_to_release_import``, the ``intervals``
    table's ``clearance`` rows: over the consignments out of the flow), with its shares."""
    n = int(rec.outcomes[RELEASED])
    total = rec.owner_sum.sum()
    columns: dict[str, Any] = {
        "owner": list(OWNERS),
        "mean_h": rec.owner_sum / n if n else np.nan,
        "share": rec.owner_sum / total if total > 0 else np.nan,
    }
    for d, direction in enumerate(DIRECTIONS):  # imports and exports apart
        hours, k = rec.owners.hours[d], int(rec.owners.n[d])
        columns[f"mean_h_{direction}"] = hours / k if k else np.nan
        columns[f"share_{direction}"] = hours / hours.sum() if hours.sum() > 0 else np.nan
    columns.update(owner_columns(intervals))
    return pd.DataFrame(columns)  # (made once: a column set at a time costs more)


def log_frame(
    rec: Recorder, ports: list[str], scenario: Scenario, book: CostBook | None = None
) -> pd.DataFrame | None:
    """The per-consignment log (None unless asked for), with named categories, by port and
    index, and with a cost book each consignment's trader cost (:mod:`sim.model.cost_log`).
    Built from the recorder's rows, which it takes (so that its peak memory is about twice
    the rows', not several times)."""
    if not rec.log:
        return None
    chunks, rec._chunks = rec._chunks, []
    data = np.concatenate(chunks) if chunks else np.empty((0, len(COLUMNS) + 1))
    del chunks
    at = {c: i for i, c in enumerate(COLUMNS)}
    data = data[np.lexsort((data[:, at["index"]], data[:, at["port"]]))]  # (stable)
    raw = {c: data[:, i] for c, i in at.items()}
    commodities = list(scenario.commodities)
    finder = found_by(raw, data[:, -1])  # (the last column: the checks bits)
    typed: dict[str, Any] = dict(raw)
    ints = ("port", "index", "outcome", "channel", *DRAWS.dtypes("int"),
            *DRAWS.dtypes("category"))  # fmt: skip
    for col in ints:
        typed[col] = raw[col].astype(np.int64)
    for col in ("cohort", *DRAWS.dtypes("bool")):
        typed[col] = raw[col].astype(bool)
    categories = {
        "port": ports,
        "outcome": list(OUTCOMES),
        "channel": list(CHANNELS),
        "directions": list(DIRECTIONS),
        "commodities": commodities,
        "trader_classes": list(TRADER_CLASSES),
        "illicit": logged_kinds(scenario, raw["illicit"]),
    }
    named = [("port", "port"), ("outcome", "outcome"), ("channel", "channel")]
    named += [(d.name, d.dtype.split(":")[1]) for d in DRAWS.draws if ":" in d.dtype]
    for col, kind in named:
        typed[col] = pd.Categorical.from_codes(typed[col], categories=pd.Index(categories[kind]))
    typed["found_by"] = pd.Categorical.from_codes(finder, categories=pd.Index(FINDERS))
    if book is not None:
        from sim.model.cost_log import cost_columns

        typed.update(cost_columns(raw, book.prices))
    frame = pd.DataFrame(typed)  # (one block per type: adding columns to it does not warn)
    at_own = list(frame.columns).index(f"own_{OWNERS[-1]}") + 1  # (beside the owners' hours)
    for k, (name, values) in enumerate(log_columns(frame, rec.intervals.crossing).items()):
        frame.insert(at_own + k, name, values)
    return frame


def _pools(ports: list[Port]) -> dict[str, Any]:
    """By port, a cross-trained exam pool's parts: its teams' and quarantine officers'
    hourly capacities (costed at their own heads)."""
    out = {}
    for p in ports:
        exam, q = p.spec.exam, p.spec.quarantine
        if p.pooled and exam is not None and q is not None:
            parts = (exam.teams.hourly_capacity(), q.officers.hourly_capacity())
            if parts[0] is not None and parts[1] is not None:
                out[p.name] = parts
    return out


def cost_tables(
    book: CostBook | None,
    ports: list[Port],
    resources: list[dict[str, Any]],
    smugglers: Smugglers | None = None,
) -> dict[str, Any]:
    """The cost tables and headline cost metrics (none when the scenario has no costs), from
    the resources table's rows (each lane's utilisation and time on duty); ``smugglers``'
    patrols' interdictions count as seizures in ``cost_per_seizure``, as their staff count
    in its cost."""
    if book is None:
        return {}
    if smugglers is not None:
        from sim.model.smuggling_metrics import interdicted

        book.interdicted = interdicted(smugglers.frame())
    lanes = {p.name: {k: lane.hourly for k, lane in p.lanes.items()} for p in ports}
    utilisation = {(r["port"], r["lane"]): r["utilisation"] for r in resources}
    duty = lane_duty(resources, ports, lanes, utilisation, book.window)
    labs = {p.name: p.lab is not None for p in ports}
    pools = _pools(ports)
    agency = book.agency_items(lanes, labs, utilisation, duty, pools)
    groups = book.groups(agency)
    from sim.model.cost_periods import period_duties, period_metrics

    duties = period_duties(book, ports, resources, lanes, utilisation)  # (by period)
    return {
        "costs": with_group_parts(pd.DataFrame(list(groups.values()))),
        "agency": pd.DataFrame(agency),
        "cost_metrics": {
            **book.summary(agency, groups),
            **period_metrics(book, lanes, labs, duty, pools, duties),  # (a timeline's)
        },
    }


def lane_duty(
    resources: list[dict[str, Any]],
    ports: list[Port],
    lanes: dict[str, dict[str, list[int] | None]],
    utilisation: dict[tuple[str, str], float],
    window: tuple[float, float],
    measured: dict[tuple[str, str], float] | None = None,
) -> dict[str, dict[str, float]]:
    """Each port's lanes' server-hours on duty in ``window``, overtime included: the
    resources rows' ``capacity_mean`` x the window, or ``measured``'s hours where it has
    the lane (by port and lane: a period's own), plus the hours a capacity window took
    away (paid as scheduled, not overtime), and the review centres' officers by port."""
    span, measured = window[1] - window[0], measured or {}
    duty: dict[str, dict[str, float]] = {}
    for r in resources:  # server-hours on duty, overtime included
        hours = measured.get((r["port"], r["lane"]), r["capacity_mean"] * span)
        duty.setdefault(r["port"], {})[r["lane"]] = hours
    for p in ports:  # (hours a capacity window took away: paid as scheduled, not overtime)
        for key, lane in p.lanes.items():
            lost = lost_hours(lane, *window)
            if lost > 0:
                duty[p.name][key] = duty[p.name].get(key, 0.0) + lost
    _review_centres(ports, lanes, utilisation, duty, window)
    return duty


def _review_centres(
    ports: list[Port],
    lanes: dict[str, dict[str, list[int] | None]],
    utilisation: dict[tuple[str, str], float],
    duty: dict[str, dict[str, float]],
    window: tuple[float, float],
) -> None:
    """Cost a review centre's officers to the ports they came from: each port's officers at
    the centre's utilisation, and its share of the centre's time on duty (overtime included)
    in proportion to its officers' scheduled hours (the centre's schedule is their sum)."""
    pooled: dict[str, dict[str, float]] = {}
    for p in ports:
        review = p.spec.scan.image_review if p.spec.scan else None
        pool = review.pool if review else ""
        if review and pool:
            hourly = lanes[p.name]["image_officers"] = review.officers.hourly_capacity()
            utilisation[(p.name, "image_officers")] = utilisation.get(
                (pool, "image_officers"), math.nan
            )
            pooled.setdefault(pool, {})[p.name] = duty_hours(hourly, *window)
    for pool, mine in pooled.items():
        worked, scheduled = duty.get(pool, {}).get("image_officers", math.nan), sum(mine.values())
        for name, hours in mine.items():
            share = hours / scheduled if scheduled > 0 else 0.0
            duty.setdefault(name, {})["image_officers"] = worked * share


def enforcement_metrics(rec: Recorder, scenario: Scenario) -> dict[str, float]:
    """The enforcement tally's metrics, with each illicit type's counts and values pooled
    (:mod:`sim.model.illicit_types`), the types of ``enforcement.report_by_port``
    counted by port and direction (:mod:`sim.model.illicit_ports`), and with
    ``enforcement.ipr`` the found counterfeits detained or released (:mod:`sim.model.ipr`)."""
    from sim.model.illicit_ports import port_type_metrics
    from sim.model.illicit_types import type_metrics
    from sim.model.ipr import ipr_metrics
    from sim.model.ipr_calendar import calendar_of
    from sim.model.ipr_trader import trader_hold_metrics

    out = rec.enforcement.metrics()
    out.update(type_metrics(rec.enforcement))  # (each type pooled, in every run)
    out.update(rec.reviews.metrics())  # (how often declarations are reviewed)
    kinds = scenario.enforcement.report_by_port
    if kinds:
        out.update(port_type_metrics(rec.enforcement, kinds))
    if scenario.enforcement.ipr is not None:  # (the holder's reply after a finding)
        out.update(ipr_metrics(rec.suspects, scenario.enforcement.ipr, *calendar_of(scenario)))
        held = np.concatenate(rec.suspects.held)  # (its trader's storage: ipr_trader.py)
        out.update(trader_hold_metrics(held, scenario))
    return out


def port_metrics(
    rec: Recorder,
    scenario: Scenario,
    rows: list[dict[str, Any]],
    lanes: Sequence[Lane],
    window: tuple[float, float],
) -> dict[str, float]:
    """The by-port figures of a run: the recorder's by port and exam yard, and each lane's by
    period and for Little's law over the observed ``window``."""
    return {
        **rec.by_port.metrics(), **rec.exams.metrics(scenario, rows), **rec.holds.metrics(),
        **lane_period_metrics(scenario, lanes, window),
        **lane_law_metrics(lanes, window),
    }
