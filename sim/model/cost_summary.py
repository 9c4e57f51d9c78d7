"""The headline cost metrics of a run, from its cost book's sums and groups (see
:meth:`sim.model.result.RunResult.metrics`): per year, per consignment, and per container,
the unit trade indicators such as Doing Business's cost to export count in."""

from __future__ import annotations

import math
from itertools import product
from typing import Any

from sim.model import agency_costs as ac
from sim.model import cost_capacity
from sim.model.cost_sharing import UNSHARED, unshared
from sim.model.costbook import PER_CONSIGNMENT, CostBook
from sim.model.costs import AGENCY_PARTS, AUDIT_DAYS, HOURS_PER_YEAR, REVENUE_PARTS, TRADER_PARTS, P
from sim.model.low_value_duty import LOW_VALUE_PARTS, named
from sim.model.recorder_rows import ARRIVALS
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

_AGENCY = [P[k] for k in AGENCY_PARTS]
_TRADER = [P[k] for k in TRADER_PARTS]


def summary(
    book: CostBook, agency: list[dict[str, Any]], groups: dict[tuple[str, str], dict[str, Any]]
) -> dict[str, float]:
    """The headline cost metrics (see :meth:`sim.model.result.RunResult.metrics`)."""
    per_year = HOURS_PER_YEAR / (book.window[1] - book.window[0])
    sums = book.sums["all"][0]
    agency_total = sum(r["cost"] for r in agency) + float(sums[_AGENCY].sum())
    staff = [r for r in agency if r["kind"] in (*ac.STAFF_KINDS, "overtime", "posts")]
    n, burden, trader = book.compliant
    capital = sum(r["cost"] for r in agency if r["kind"] == "equipment")
    systems = sum(r["cost"] for r in agency if r["kind"] == "systems")
    out = {
        "agency_cost_per_year": agency_total * per_year,
        # investment (the equipment's equivalent annual cost) apart from running costs
        "agency_capital_cost_per_year": capital * per_year,
        "agency_running_cost_per_year": (agency_total - capital) * per_year,
        "agency_capital_outlay": sum(r.get("outlay", 0.0) for r in agency),  # (one-off)
        "trader_cost_per_year": float(sums[_TRADER].sum()) * per_year,
        "agency_staff_cost_per_year": sum(r["cost"] for r in staff) * per_year,
        "agency_busy_staff_cost_per_year": ac.busy_staff(agency) * per_year,
        # the staff time paid but not busy: a reform's rise in it is capacity freed, not cash
        **cost_capacity.metrics(agency, per_year),
        # the other lines of the agencies' cost, so that staff + capital + systems + checks
        # is agency_cost_per_year to the cent (an auditor's reconciliation)
        "agency_systems_cost_per_year": systems * per_year,
        "agency_checks_cost_per_year": float(sums[_AGENCY].sum()) * per_year,
        # (the patrols' interdictions count: their officers are in agency_total)
        "cost_per_seizure": agency_total / caught if (caught := book.seized + book.interdicted)
        else math.nan,
        "revenue_evaded": float(sums[P["revenue_evaded"]]) * per_year,
        "harm_slipped": float(sums[P["harm_slipped"]]) * per_year,
        "compliant_burden_per_consignment": burden / n if n else math.nan,
        "compliant_trader_cost_per_consignment": trader / n if n else math.nan,
    }
    # the duty at risk and where it was found (at risk = before + after + evaded), a year
    out.update({k: float(sums[P[k]]) * per_year for k in REVENUE_PARTS})
    out.update(_audit_team(book, agency, per_year, out["revenue_found_by_audit"]))
    out.update(_patrols(book, agency, per_year))
    # (a short run's: ports that finished nothing have their fixed costs in no per-consignment)
    out[UNSHARED] = unshared(book, agency) * per_year
    audited = float(sums[P["revenue_found_by_audit"]])  # (its lag, weighted by the duty)
    out["audit_lag_days_mean"] = float(sums[P[AUDIT_DAYS]]) / audited if audited else math.nan
    out["total_cost_per_year"] = out["agency_cost_per_year"] + out["trader_cost_per_year"]
    if not book.truth:
        out.update(dict.fromkeys(("revenue_evaded", "harm_slipped", *REVENUE_PARTS), math.nan))
        out["revenue_found_per_audit"] = out["audit_lag_days_mean"] = math.nan
    everyone = groups[("all", "all")]
    out["trader_cost_p90"] = float(everyone["trader_p90"])
    out.update(book.inspection.metrics())
    for part in PER_CONSIGNMENT:
        out[f"{part}_per_consignment"] = float(everyone[part])
    out.update(_by_group(book, groups))
    out.update(_low_value(book, per_year))
    return out


def _low_value(book: CostBook, per_year: float) -> dict[str, float]:
    """At each post hub (or port given a low-value path) and direction, a year: the duty a
    low-value threshold forgoes on the imports declared below it
    (``duty_forgone_low_value_port_<port>_<direction>``, 0 without a threshold) and the duty
    lost to undervaluation no check found, with the threshold applied
    (``duty_lost_undervaluation_port_<port>_<direction>``, NaN without the hidden truth);
    NaN for exports, which pay no import duty (:mod:`sim.model.low_value_duty`)."""
    out: dict[str, float] = {}
    groups = book.dimensions.get("port_direction", [])
    sums = book.sums.get("port_direction")
    for p in named(book.scenario):
        for d in DIRECTIONS:
            g = f"{p}/{d}"
            for part in LOW_VALUE_PARTS:
                value = math.nan
                if d == "import" and g in groups and sums is not None:
                    value = float(sums[groups.index(g), P[part]]) * per_year
                if part == LOW_VALUE_PARTS[1] and not book.truth:
                    value = math.nan
                out[f"{part}_port_{p}_{d}"] = value
    return out


def _by_group(book: CostBook, groups: dict[tuple[str, str], dict[str, Any]]) -> dict[str, float]:
    """Cost per consignment and per container by direction and port (with the border's
    part of it, for a broker's "what is the government's doing"), and each trader class's
    cost and border burden where it trades."""
    out: dict[str, float] = {}
    where = {"": ("all", "all")}
    for d in DIRECTIONS:
        where[f"_{d}"] = ("direction", d)
        for p in book.ports:
            where[f"_port_{p}_{d}"] = ("port_direction", f"{p}/{d}")
    for suffix, at in where.items():
        row = groups.get(at, {})
        for what in ("agency", "trader", "total"):
            out[f"{what}_cost_per_consignment{suffix}"] = float(row.get(what, math.nan))
        out[f"trader_fees_per_consignment{suffix}"] = float(row.get("trader_fees", math.nan))
        # the costs of no port in the agencies' figure (the port's own: the figure less it)
        overhead = float(row.get("agency_overhead", math.nan))
        out[f"agency_cost_overhead_per_consignment{suffix}"] = overhead
        # per container (a truck, an air shipment or a parcel counts as one)
        for name, column in (
            ("trader_fees", "trader_fees"), ("agency_cost", "agency"), ("total_cost", "total"),
            ("trader_cost", "trader"),  # (the fees and the value of the goods' time)
        ):
            per = row.get(f"{column}_per_container", math.nan)
            out[f"{name}_per_container{suffix}"] = float(per)
        out[f"storage_per_container{suffix}"] = _storage_per_container(row)
        if suffix:  # the border's part of a port's (or a direction's) cost, every class
            burden = float(row.get("border_burden", math.nan))  # (the whole's is above)
            out[f"border_burden_per_consignment{suffix}"] = burden
        if suffix.startswith("_port_"):  # (a container is a port's unit, as storage's)
            per = row.get("border_burden_per_container", math.nan)
            out[f"border_burden_per_container{suffix}"] = float(per)
            # a broker's worst usual case there, from the group's streamed histogram
            out[f"trader_cost_p90{suffix}"] = float(row.get("trader_p90", math.nan))
    for p, d, cls in product(book.ports, DIRECTIONS, TRADER_CLASSES):  # each class where
        row = groups.get(("port_direction_class", f"{p}/{d}/{cls}"), {})  # it trades
        key = f"{cls}_port_{p}_{d}"
        out[f"trader_cost_per_consignment_{key}"] = float(row.get("trader", math.nan))
        # the border's part alone: what the class's treatment costs it
        out[f"border_burden_per_consignment_{key}"] = float(row.get("border_burden", math.nan))
        per = row.get("border_burden_per_container", math.nan)
        out[f"border_burden_per_container_{key}"] = float(per)
        out[f"storage_per_container_{key}"] = _storage_per_container(row)
    return out | _by_transit(book, groups)


def _by_transit(
    book: CostBook, groups: dict[tuple[str, str], dict[str, Any]]
) -> dict[str, float]:
    """With transit goods (转关), the agencies' and the traders' cost per import that came
    in transit, that clearance integration took out of transit, and cleared directly
    (``trader_cost_per_consignment_transit_import``), as the clearance times are split:
    the transit desk's officers are paid by the goods they sealed. NaN for a group with
    none; none of them without transit."""
    if "transit_direction" not in book.dimensions:
        return {}
    out = {}
    for kind in ARRIVALS:
        row = groups.get(("transit_direction", f"{kind}/import"), {})
        for what in ("agency", "trader"):
            out[f"{what}_cost_per_consignment_{kind}_import"] = float(row.get(what, math.nan))
    return out


def _storage_per_container(row: dict[str, Any]) -> float:
    """Storage and demurrage (``costs.trader.storage``, after the free period) per container
    of a cost group: its mean per consignment over its mean containers per consignment, the
    cost of delay a forwarder or broker quotes per box (NaN for a group with none)."""
    storage, boxes = row.get("storage", math.nan), row.get("containers", math.nan)
    return float(storage) / float(boxes) if boxes and not math.isnan(boxes) else math.nan


def _audit_team(
    book: CostBook, agency: list[dict[str, Any]], per_year: float, found: float
) -> dict[str, float]:
    """The post-clearance audit team's workload, cost and yield, a year: the audits the
    audit's share asks of the finished cohort's released declarations (an expectation: each
    is audited with its class's share, an illicit one picked by a risk score with its own,
    see :mod:`sim.model.audits`; the model draws only the finds), per auditor
    (``enforcement.audit.staff``), the auditors' cost, and the duty found per audit
    (``found``: ``revenue_found_by_audit`` a year)."""
    enforcement = book.scenario.enforcement
    audit = enforcement.audit if enforcement is not None else None
    audits = book.audits * per_year
    staff = audit.staff if audit is not None else 0
    cost = sum(r["cost"] for r in agency if r["port"] == ac.OVERHEAD and r["item"] == "audit")
    return {
        "audits_per_year": audits,
        "audits_per_auditor_per_year": audits / staff if staff else math.nan,
        "audit_staff_cost_per_year": cost * per_year,
        "revenue_found_per_audit": found / audits if audits else math.nan,
    }


def _patrols(book: CostBook, agency: list[dict[str, Any]], per_year: float) -> dict[str, float]:
    """The patrols on routes outside the ports, their own line: a year, and per finished
    consignment of all ports (the part of ``agency_cost_per_consignment`` they are; no
    port's figure holds any of it, see :mod:`sim.model.costbook`); 0 without patrols."""
    cost = sum(r["cost"] for r in agency if ac.is_patrol(r))
    n = float(book.n["all"][0])
    return {
        "agency_cost_patrol_per_year": cost * per_year,
        "agency_cost_patrol_per_consignment": cost / n if n else math.nan,
    }
