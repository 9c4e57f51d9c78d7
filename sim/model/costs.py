"""What clearance costs, as pure functions over arrays (DESIGN.md section 3, "Cost").

Three parts, each usable alone (the accumulator in :mod:`sim.model.costbook` folds them):

- the agency's fixed costs, in :mod:`sim.model.agency_costs`: staff by the hours their lanes
  are on duty (the hourly capacity schedules over the observed window), fixed posts, and
  equipment amortised over its life;
- :func:`consignment_costs`: per consignment, the agency's variable costs per check and the
  trader's costs (broker, value of time split by the owner of the time, storage after the
  free period, reefer power, handling, attendance, a rejected box's storage from its
  rejection to its disposal's end); who pays an inspection that finds nothing moves that
  cost between the two without changing the total;
- :func:`slipped`: revenue evaded and harm of illicit consignments that were not detected,
  from the hidden truth: the duty due on the goods as they truly are less the duty assessed
  on the declaration.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from sim.model.finders import found_in_log
from sim.model.low_value_duty import LOW_VALUE_PARTS
from sim.model.milestones import OWNERS, REJECTED, RELEASED
from sim.model.prices import Prices

HOURS_PER_YEAR = 8760.0
WEEK = 168


TRADER_PARTS = (
    "broker",
    "terminal_handling",
    *(f"time_{o}" for o in OWNERS),
    "storage",
    "reefer",
    "inspection_handling",
    "attendance",
    "rejection",
    "guarantee",
    "recall",
    "treatment",  # (late: a scenario that does not price it sums as before, bit for bit)
    "disposal_storage",  # (last, for the same reason)
)
AGENCY_PARTS = (
    "scan_use",
    "sampling",
    "lab_tests",
    "lab_use",
    "rejection_state",
    "no_find_state",
    "post_release_review",
    "supplementary_declaration",
)
SLIPPED_PARTS = ("revenue_evaded", "harm_slipped")
#: the duty gap of illicit goods (due on the goods as they truly are less assessed on the
#: declaration), found or not, and the part found before release, after it, and by the audit
#: (a part of after): at risk = found before + found after + evaded (:func:`revenue_found`)
REVENUE_PARTS = (
    "revenue_at_risk",
    "revenue_found_before_release",
    "revenue_found_after_release",
    "revenue_found_by_audit",
)
#: reported apart (not summed): the handling of inspections that found nothing, whoever pays
#: it, and the part of the trader's cost that the border imposes on a consignment
MEMO_PARTS = ("no_find", "border_burden")
#: the duty the audit found times the days from release to its find: the weight of the
#: audit's mean lag (``audit_lag_days_mean`` = this / ``revenue_found_by_audit``)
AUDIT_DAYS = "revenue_found_by_audit_days"
#: (last, so every other part sums as before, bit for bit) the duty a low-value threshold
#: gives up at a post hub: :mod:`sim.model.low_value_duty`
PARTS = (
    TRADER_PARTS + AGENCY_PARTS + SLIPPED_PARTS + REVENUE_PARTS + (AUDIT_DAYS,) + MEMO_PARTS
    + LOW_VALUE_PARTS
)
P = {name: i for i, name in enumerate(PARTS)}


# --- per consignment -------------------------------------------------------------------
def _done(col: Mapping[str, np.ndarray], name: str) -> np.ndarray:
    """Whether each consignment reached milestone ``name``."""
    return np.asarray(~np.isnan(col[name]))


def consignment_costs(
    col: Mapping[str, np.ndarray], prices: Prices, found: np.ndarray | None = None
) -> np.ndarray:
    """Cost parts (columns :data:`PARTS`) of each finished consignment.

    ``col`` holds the recorder's statistics columns by name: port, outcome, commodity,
    containers, value, attend, premises, every milestone and ``own_<owner>`` hours. Storage
    and reefer run from arrival to the end of the flow (an import's exit, an export's
    loading), the value of time until the goods leave (an export's departure); all are
    charged to released consignments only. ``found``: whether a
    check found illicit goods in each consignment before release (None: none known), so that
    its inspection is not one that found nothing."""
    n = len(col["port"])
    out = np.zeros((n, len(PARTS)))
    port = col["port"].astype(int)
    com = col["commodity"].astype(int)
    boxes = col["containers"]
    released = col["outcome"].astype(int) == RELEASED
    out[:, P["broker"]] = prices.broker[port]
    out[:, P["terminal_handling"]] = prices.terminal_handling[port] * boxes
    _time_costs(out, col, prices, port, com, released)
    nothing = released if found is None else released & ~np.asarray(found, bool)
    _inspection_costs(out, col, prices, port, com, released, nothing)
    _after_release_costs(out, col, prices, port, com)
    return out


def _after_release_costs(
    out: np.ndarray,
    col: Mapping[str, np.ndarray],
    prices: Prices,
    port: np.ndarray,
    com: np.ndarray,
) -> None:
    """A two-step declaration's guarantee (the duty it covers, for the time from release to
    the full declaration) and the retrieval of goods recalled after release (the trader's);
    the agencies' work after release, each item as it falls due: a post-clearance tax review
    (two-step processing), a full declaration processed (two-step declaration)."""
    if "full_declared" not in col:  # a layout without the milestones after release
        return
    covered = np.nan_to_num(col["full_declared"] - col["released"]) / HOURS_PER_YEAR
    duty = col["value"] * prices.duty_rate[com]
    out[:, P["guarantee"]] = duty * prices.guarantee_fee * covered
    out[:, P["post_release_review"]] = _done(col, "tax_reviewed") * prices.post_release_review
    declared = _done(col, "full_declared")
    out[:, P["supplementary_declaration"]] = declared * prices.supplementary_declaration
    recalled = _done(col, "recalled")
    out[:, P["recall"]] = np.where(recalled, col["containers"] * prices.recall[port], 0.0)


def _time_costs(
    out: np.ndarray,
    col: Mapping[str, np.ndarray],
    prices: Prices,
    port: np.ndarray,
    com: np.ndarray,
    released: np.ndarray,
) -> None:
    """Value of time by owner, storage after the free period (from discharge, else from
    arrival: a box is in the terminal's yard once discharged; prorated by the hour, or per
    started day where the port's mode bills so) and reefer power. An export's
    goods leave at its departure, not its loading at the cut-off: its value of time runs on
    to the departure, those hours the carrier's (its schedule, as the wait for the cut-off),
    so a later cut-off onto the same vessel costs the exporter nothing."""
    end = np.fmax(col["exited"], col["loaded"])
    held = np.where(released, end - col["arrived"], 0.0)
    landed = np.where(np.isnan(col["discharged"]), col["arrived"], col["discharged"])
    in_yard = np.where(released, end - landed, 0.0)
    per_hour = np.where(released, col["value"] * prices.time_rate[com] / 24.0, 0.0)
    for o in OWNERS:
        out[:, P[f"time_{o}"]] = per_hour * np.nan_to_num(col[f"own_{o}"])
    sailing = np.nan_to_num(col["departed"] - col["loaded"])  # (0 but for exports)
    out[:, P["time_carrier"]] += per_hour * sailing
    boxes = col["containers"]
    over = np.maximum(in_yard - prices.free_h[port], 0.0)
    # a started day counts whole; the float noise of hours summed (1e-9 d) starts no day
    over = np.where(prices.storage_started[port], 24.0 * np.ceil(over / 24.0 - 1e-9), over)
    out[:, P["storage"]] = boxes * prices.storage_day[port] * over / 24.0
    out[:, P["reefer"]] = boxes * prices.reefer_day[com] * held / 24.0


def _inspection_costs(
    out: np.ndarray,
    col: Mapping[str, np.ndarray],
    prices: Prices,
    port: np.ndarray,
    com: np.ndarray,
    released: np.ndarray,
    nothing: np.ndarray,
) -> None:
    """Checks: scans, samples and tests (agency); moves, handling, attendance (trader,
    or the state when an inspection found nothing and it pays: ``nothing``, released without
    a find); rejected goods, and goods quarantine treated (the trader's, in its border
    burden)."""
    boxes = col["containers"]
    physical, quarantine = _done(col, "exam_end"), _done(col, "quarantine_end")
    examined = physical | quarantine
    exams = (physical.astype(int) + quarantine) if prices.separate_inspection else examined
    premises = col["premises"].astype(bool)
    moves = np.where(premises, 0, 2 * exams * boxes)
    handling = moves * prices.inspection_move[port] + examined * boxes * prices.exam_handling[port]
    no_find = examined & nothing & ~_done(col, "treated")
    out[:, P["no_find"]] = np.where(no_find, handling, 0.0)
    if prices.no_find_state:
        out[:, P["no_find_state"]] = out[:, P["no_find"]]
        handling = np.where(no_find, 0.0, handling)
    out[:, P["inspection_handling"]] = handling
    attended = col["attend"].astype(bool) & ~premises
    out[:, P["attendance"]] = np.where(attended, exams, 0) * prices.attendance[port]
    out[:, P["scan_use"]] = _done(col, "scan_end") * boxes * prices.scan_use[port]
    tested = _done(col, "lab_end")
    out[:, P["sampling"]] = tested * prices.sample
    out[:, P["lab_tests"]] = tested * prices.lab_test[com]
    out[:, P["lab_use"]] = tested * prices.lab_use
    rejected = np.where(
        col["outcome"].astype(int) == REJECTED, boxes * prices.destruction[port], 0.0
    )
    out[:, P["rejection_state" if prices.rejection_state else "rejection"]] = rejected
    # a rejected box's storage from its rejection to its disposal's end: its wait for a place
    # at the disposal facility (0 without one), then the disposal's time; the trader's
    waited = col["disposal_wait"] if "disposal_wait" in col else 0.0
    out[:, P["disposal_storage"]] = np.where(
        col["outcome"].astype(int) == REJECTED,
        boxes * prices.disposal_storage[port] * (waited + prices.disposal_h[com]) / 24.0,
        0.0,
    )
    out[:, P["treatment"]] = _done(col, "treated") * boxes * prices.treatment[port]
    border = [f"time_{o}" for o in ("customs", "quarantine", "organisation")]
    # a quarantine treatment (fumigation, heat) is the border's order the trader pays for;
    # added last, so a scenario that does not price it sums as before, bit for bit
    out[:, P["border_burden"]] = out[:, [P[k] for k in border]].sum(axis=1) + (
        out[:, P["inspection_handling"]] + out[:, P["attendance"]]
    ) + out[:, P["treatment"]]


# --- what slips through ----------------------------------------------------------------
def slipped(
    illicit: np.ndarray,
    value: np.ndarray,
    true_value: np.ndarray,
    detected: np.ndarray,
    duty_rate: np.ndarray,
    true_rate: np.ndarray,
    harm: np.ndarray,
    units: np.ndarray | float = 1.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Revenue evaded and harm of each consignment (0 unless illicit and not detected).

    Revenue evaded is the duty due on the goods as they truly are (the rate of their true
    commodity on their true value) less the duty assessed on the declaration (the declared
    commodity's rate ``duty_rate`` on the declared value), never below 0. So goods declared
    at their true value and commodity (frozen goods without quarantine clearance, tobacco
    declared as tobacco) evade nothing; undervalued goods evade their rate on the hidden
    value; tobacco or frozen goods declared as another commodity evade the difference of the
    two duties (:data:`sim.model.prices.SMUGGLED`; ``true_rate`` by illicit code, NaN: the
    declared rate). Harm is its kind's value (``harm`` by illicit code) times the
    consignment's ``units`` of it (:func:`harm_units`) when it is not detected."""
    code = np.asarray(illicit).astype(int)
    missed = (code > 0) & ~np.asarray(detected).astype(bool)
    revenue = np.where(missed, duty_gap(code, value, true_value, duty_rate, true_rate), 0.0)
    return revenue, np.where(missed, harm[code] * units, 0.0)


def duty_gap(
    illicit: np.ndarray,
    value: np.ndarray,
    true_value: np.ndarray,
    duty_rate: np.ndarray,
    true_rate: np.ndarray,
) -> np.ndarray:
    """Each consignment's duty at risk: the duty due on its goods as they truly are less the
    duty assessed on its declaration, never below 0, and 0 when it is compliant (see
    :func:`slipped`, which counts it for the goods not found)."""
    code = np.asarray(illicit).astype(int)
    kind_rate = true_rate[code]
    rate = np.where(np.isnan(kind_rate), duty_rate, kind_rate)
    due = rate * true_value - duty_rate * value
    out: np.ndarray = np.where(code > 0, np.maximum(due, 0.0), 0.0)
    return out


def revenue_found(
    parts: np.ndarray,
    gap: np.ndarray,
    before: np.ndarray,
    found: np.ndarray,
    audit: np.ndarray,
    lag: np.ndarray,
) -> None:
    """The :data:`REVENUE_PARTS` into ``parts``: the duty gap ``gap`` (:func:`duty_gap`) of
    every consignment, of those whose goods a check found before release (``before``), of
    those found only after it (``found`` and not ``before``: tax review, recall, audit) and
    of those the audit found (``audit``, :func:`sim.model.finders.audit_credited`), and
    that times the days from release to the audit's find (``lag``, hours: :data:`AUDIT_DAYS`).
    What is found after release counts whenever its find falls due, as
    ``detection_rate_with_audit``."""
    before = np.asarray(before, bool)
    after = np.asarray(found, bool) & ~before
    parts[:, P["revenue_at_risk"]] = gap
    parts[:, P["revenue_found_before_release"]] = np.where(before, gap, 0.0)
    parts[:, P["revenue_found_after_release"]] = np.where(after, gap, 0.0)
    by_audit = np.where(after & np.asarray(audit, bool), gap, 0.0)
    parts[:, P["revenue_found_by_audit"]] = by_audit
    parts[:, P[AUDIT_DAYS]] = by_audit * np.nan_to_num(np.asarray(lag, float)) / 24.0


def harm_units(
    illicit: np.ndarray, per: np.ndarray, containers: np.ndarray, true_value: np.ndarray
) -> np.ndarray:
    """How many of its kind's harm each consignment counts: 1 where its kind's harm is per
    consignment, its containers where per container, its true value where per unit of value
    (``per`` by illicit code: an index of :data:`sim.scenario.costs.HARM_BASES`)."""
    basis = per[np.asarray(illicit).astype(int)]
    return np.select([basis == 1, basis == 2], [containers, true_value], 1.0)


def trader_cost_of_log(log: pd.DataFrame, scenario: Any) -> np.ndarray:
    """Each logged consignment's trader cost (the :data:`TRADER_PARTS`, in the scenario's
    currency) from a per-consignment log: for who gains and who loses under a reform."""
    costs = scenario.costs
    modes = [scenario.ports[p].mode for p in scenario.ports]
    prices = Prices.of(costs, modes, scenario.commodities, scenario.inspection.mode == "separate")
    col: dict[str, np.ndarray] = {}
    for name in log.columns:
        v = log[name]
        col[name] = v.cat.codes.to_numpy() if hasattr(v, "cat") else v.to_numpy()
    parts = consignment_costs(col, prices, found_in_log(col))
    return np.asarray(parts[:, [P[k] for k in TRADER_PARTS]].sum(axis=1))

