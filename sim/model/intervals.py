"""The Time Release Study intervals: the stretches that partition each consignment's time from
arrival to release, and on from release to the end of its flow, the stretches that run beside
them, and who owns each, read from its milestones and owners' hours.

The stretches to release follow the route (sim/model/steps) as the journey's clock does: each
runs from where the one before it ended to its own end, and counts only time after arrival
(work on an advance declaration before the goods arrive adds nothing to release time; its
whole stretch is kept apart, :data:`WHOLE`). A wait for a lane is its own stretch, before the
check it waits for. Waits that run in parallel with the checks (the duty payment, the
quarantine clearance form, the discharge before a scan or an exam) count only the part that
holds the goods after the checks are done, the part that binds. So for a consignment out of
the flow the stretches ``to_release`` add up to ``released - arrived`` and those
``after_release`` to the rest of its overall clearance, to 1e-9 h
(``tests/test_interval_partition.py``, and on generated scenarios ``tests/test_properties.py``).

Each stretch has the owner the journey's clock books its time to (sim/model/journey.py); the
exam yard's waits and moves mix owners (the appointment slot, the trader's attendance, the
lane that held the job back, the moves: sim/model/steps/inspection.py), so its ``owner`` is
``mixed`` and its hours by owner are the consignment's owners' hours less those of every
other stretch (:func:`unexplained`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from sim.model.interval_returns import to_acceptance
from sim.model.interval_transit import transit_leg
from sim.model.interval_whole import whole_stretches
from sim.model.milestones import MILESTONES, OWNERS

# every row of the table, with its kind, milestones, owner, trading segment and flags (the
# views WHOLE, NO_WHOLE: no whole stretch to give, POSITIVE_ONLY: a mean among those that
# waited), is declared in sim/stretches.py (the scenario layer reads it too); this module
# places each by the chain
from sim.stretches import AFTER_RELEASE as AFTER_RELEASE
from sim.stretches import NO_WHOLE as NO_WHOLE
from sim.stretches import PARALLEL as PARALLEL
from sim.stretches import POSITIVE_ONLY as POSITIVE_ONLY
from sim.stretches import PREVIOUS as PREVIOUS
from sim.stretches import STRETCHES as STRETCHES
from sim.stretches import TO_RELEASE as TO_RELEASE
from sim.stretches import TOTAL as TOTAL
from sim.stretches import WHOLE as WHOLE
from sim.stretches import Stretch as Stretch

if TYPE_CHECKING:
    import pandas as pd

    from sim.scenario.schema import Scenario

NAMES = tuple(s.name for s in STRETCHES)


class Hours(NamedTuple):
    """Each consignment's hours in every stretch (NaN: it does not pass through it), the
    whole stretches of :data:`WHOLE`, its exam yard's hours by owner (N x owners), and when
    each chained stretch began (``start``: the exam yard's is the start of its span, the
    examinations within it)."""

    hours: dict[str, np.ndarray]
    whole: dict[str, np.ndarray]
    yard: np.ndarray
    start: dict[str, np.ndarray]


class _Chain:
    """Where a consignment's clock stands, stretch after stretch, from its arrival."""

    def __init__(self, arrived: np.ndarray) -> None:
        self.at = arrived.copy()
        self.hours: dict[str, np.ndarray] = {}
        self.start: dict[str, np.ndarray] = {}

    def to(self, name: str, t: np.ndarray, passes: np.ndarray | None = None) -> None:
        """Stretch ``name`` from where the clock stands to ``t``, for the rows that pass
        through it (by default those where ``t`` is set); a stretch met at another place of
        the route by other rows keeps their hours."""
        on = ~np.isnan(t) if passes is None else passes
        before = self.hours.get(name)
        self.hours[name] = np.where(on, t - self.at, np.nan if before is None else before)
        began = self.start.get(name)
        self.start[name] = np.where(on, self.at, np.nan if began is None else began)
        self.at = np.where(on, t, self.at)


def partition(
    col: Mapping[str, np.ndarray], own: np.ndarray, early: np.ndarray, crossing: np.ndarray
) -> Hours:
    """The stretches of consignments out of the flow, from their milestones ``col`` (by name,
    hours), owners' hours ``own`` (columns in the order of ``OWNERS``), whether each was
    released before its laboratory result (``early``: sampled, signed up for release before
    test, neither treated nor found on site) and whether its port loads exports as trucks
    cross (``crossing``: no departures, the loading the trader's)."""
    a = col["arrived"]
    chain = _Chain(a)
    here = transit_leg(chain, col)  # (transit goods: the rest counts from their arrival here)
    _declaration(chain, here, own)
    _checks(chain, here)
    _inspection(chain, here, early)
    _after_release(chain, here, crossing)
    hours = chain.hours
    _parallel(hours, here, early)
    hours["clearance"] = col["released"] - a
    hours["overall_clearance"] = np.fmax(col["exited"], col["loaded"]) - a
    left = unexplained(hours, own)
    yard = np.where(np.isnan(hours["exam_yard"])[:, None], 0.0, left)
    return Hours(hours, whole_stretches(here, early), yard, chain.start)


def _declaration(chain: _Chain, col: Mapping[str, np.ndarray], own: np.ndarray) -> None:
    """Lodging, acceptance (officer review and its queue) and assessment, after arrival, and
    a hold for the organisation's decision (its hours: no milestone ends it)."""
    a = col["arrived"]
    chain.to("lodging", np.maximum(col["lodged"], a))
    to_acceptance(chain, col)  # (a declaration returned for correction: three stretches)
    chain.to("assessment", np.maximum(col["assessed"], a))
    held = own[:, OWNERS.index("organisation")]
    chain.to("escalation", chain.at + held, held > 0)


def _checks(chain: _Chain, col: Mapping[str, np.ndarray]) -> None:
    """The document check (maybe before arrival), the wait for the goods before the first
    check of the box (a scan or an examination), the scan and the image review."""
    a = col["arrived"]
    chain.to("document_check_wait", np.maximum(col["doc_start"], a))
    chain.to("document_check", np.maximum(col["doc_end"], a))
    boxed = ~np.isnan(col["scan_start"]) | ~np.isnan(col["inspected"])
    ready = np.fmax(col["discharged"], a)  # (exports: ready on arrival)
    chain.to("awaiting_goods", np.maximum(chain.at, ready), boxed)
    chain.to("scan_wait", col["scan_start"])
    chain.to("scan", col["scan_end"])
    chain.to("image_review_wait", col["image_start"])
    chain.to("image_review", col["image_end"])


def _inspection(chain: _Chain, col: Mapping[str, np.ndarray], early: np.ndarray) -> None:
    """The wait for the trader's quarantine declaration before a quarantine check, the exam
    yard (its waits and moves, less the examinations), the examinations (a joint one of both
    agencies once, as ``physical_exam``), the laboratory (unless released before its
    result), treatment, and the waits that bind after the checks: for the quarantine
    clearance form (for goods with no quarantine check, first for their declaration to
    quarantine), then for the duty payment."""
    a = col["arrived"]
    declared = np.maximum(col["lodged_quarantine"], a)
    checked = ~np.isnan(col["quarantine_start"])
    first = checked & ~np.isnan(declared)
    chain.to("second_declaration_wait", np.maximum(chain.at, declared), first)
    physical = col["exam_end"] - col["exam_start"]
    quarantine = col["quarantine_end"] - col["quarantine_start"]
    joint = (col["quarantine_start"] == col["exam_start"]) & (
        col["quarantine_end"] == col["exam_end"]
    )
    quarantine = np.where(joint, np.nan, quarantine)
    inspected = col["inspected"]
    chain.to("exam_yard", inspected)
    on = ~np.isnan(inspected)
    exams = np.nan_to_num(physical) + np.nan_to_num(quarantine)
    chain.hours["exam_yard"] = np.where(on, chain.hours["exam_yard"] - exams, np.nan)
    chain.hours["physical_exam"] = physical
    chain.hours["quarantine_check"] = quarantine
    lab = col["lab_end"]
    chain.to("laboratory", lab, ~np.isnan(lab) & ~np.isnan(col["lab_start"]) & ~early)
    chain.to("treatment", col["treated"])
    late = ~checked & ~np.isnan(declared) & ~np.isnan(col["quarantine_cleared"])
    chain.to("second_declaration_wait", np.maximum(chain.at, declared), late)
    for name, milestone in (("quarantine_form", "quarantine_cleared"),
                            ("duty_payment", "duty_paid")):  # fmt: skip
        chain.to(name, np.maximum(chain.at, np.maximum(col[milestone], a)))


def _after_release(chain: _Chain, col: Mapping[str, np.ndarray], crossing: np.ndarray) -> None:
    """From release to the end of the flow: an import's wait for its discharge, pick-up and
    exit gate; an export's loading (the cut-off of its vessel or flight) or crossing."""
    chain.at = col["released"].copy()
    picked = col["picked_up"]
    imports = ~np.isnan(picked)
    chain.to("awaiting_discharge", np.maximum(chain.at, col["discharged"]), imports)
    chain.to("pickup", picked)
    chain.to("gate", col["exited"])
    loaded = col["loaded"]
    chain.to("loading", loaded, ~np.isnan(loaded) & ~crossing)
    chain.to("crossing", loaded, ~np.isnan(loaded) & crossing)


def _parallel(
    hours: dict[str, np.ndarray], col: Mapping[str, np.ndarray], early: np.ndarray
) -> None:
    """Stretches beside the flow, or after its end: none adds to release time."""
    released = col["released"]
    hours["vessel_discharge"] = col["discharged"] - col["arrived"]
    hours["second_declaration"] = col["lodged_quarantine"] - col["lodged"]
    hours["laboratory_after_release"] = np.where(early, col["lab_end"] - col["lab_start"], np.nan)
    hours["full_declaration"] = col["full_declared"] - released
    hours["tax_review"] = col["tax_reviewed"] - released
    hours["recall"] = col["recalled"] - released


def owner_of(stretch: Stretch) -> int | None:
    """The position in ``OWNERS`` of a stretch's owner (None: mixed, or a total)."""
    return OWNERS.index(stretch.owner) if stretch.owner in OWNERS else None


def owner_hours(
    hours: Mapping[str, np.ndarray], yard: np.ndarray, kinds: tuple[str, ...]
) -> np.ndarray:
    """Hours by owner (the last axis, in the order of ``OWNERS``) of the stretches of
    ``kinds``: each stretch with one owner booked whole to it (NaN: not passed through), and
    the exam yard's by ``yard``, its hours by owner. Per consignment (``Hours``) or per group
    (the table's rows): ``TO_RELEASE`` gives the owners' hours to release, whose sum is the
    clearance time; with ``AFTER_RELEASE`` too, the owners' hours of the whole flow."""
    out = np.array(yard, float) if TO_RELEASE in kinds else np.zeros(np.shape(yard))
    if out.ndim == 1:  # one group's (a table row's) hours: scalars, added as floats
        for name, o in _single_owner(kinds):
            v = float(hours[name])
            if v == v:
                out[o] += v
        return out
    for name, o in _single_owner(kinds):
        out[..., o] += np.nan_to_num(hours[name])
    return out


@functools.cache
def _single_owner(kinds: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """The stretches of ``kinds`` with one owner, each with its owner's position."""
    owned = ((s.name, s.kind, owner_of(s)) for s in STRETCHES)
    return tuple((name, o) for name, kind, o in owned if kind in kinds and o is not None)


def unexplained(hours: Mapping[str, np.ndarray], own: np.ndarray) -> np.ndarray:
    """Each consignment's owners' hours less those of every stretch with one owner (each
    booked whole to it, as the clock books it), by owner: the exam yard's hours by owner
    where it was examined, and 0 (to rounding) where it was not."""
    return np.asarray(own - owner_hours(hours, np.zeros(own.shape), (TO_RELEASE, AFTER_RELEASE)))


def of_log(log: pd.DataFrame, scenario: Scenario) -> Hours:
    """:func:`partition` of the rows of a per-consignment log (``RunResult.log``, or a
    results folder's ``rep-NNNN-log.parquet``) of ``scenario``; meant for the consignments
    out of the flow (outcome ``released``); a milestone a log from an older version lacks
    (transit's, returns') is none reached."""
    from sim.model.cutoffs import departures_of

    none = np.full(len(log), np.nan)
    col = {m: log[m].to_numpy(dtype=float) if m in log.columns else none for m in MILESTONES}
    own = log[[f"own_{o}" for o in OWNERS]].to_numpy(dtype=float)
    early = (log["release_early"] & ~log["quarantine_treat"] & ~log["quarantine_seen"]).to_numpy()
    crossing_ports = [n for n, p in scenario.ports.items() if departures_of(p) is None]
    crossing = log["port"].astype(str).isin(crossing_ports).to_numpy()
    return partition(col, own, early, crossing)
