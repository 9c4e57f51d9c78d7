"""Suspected counterfeits after their finding: detained on the right holder's reply or
released (``enforcement.ipr``; :mod:`sim.scenario.ipr` gives the law and its limits).

The simulation finds counterfeits before release (the enforcement tally's ``detected``);
what the law does next depends on whether the brand is recorded with customs and on the
holder's reply, drawn per consignment (``holder_reply``, :func:`sim.model.truth.holder_reply`):
a holder who asks has the goods caught (``enforcement.outcome``), the others' goods go on to
release, a recorded brand's after the reply days (:mod:`sim.model.ipr_hold`). This module
counts the found counterfeits by port, direction and recordation, and those caught, from the
rows the recorder folds (:class:`SuspectTally`), and gives (:func:`ipr_metrics`), in whole
consignments:

- ``ipr_suspected_recorded`` / ``ipr_suspected_unrecorded``: counterfeits found before
  release, of a brand recorded with customs or not (they add up to
  ``detected_counterfeit``);
- ``ipr_detained``: detained after the holder's application (ex officio: a recorded brand
  whose holder confirmed in time; on application: an unrecorded one whose holder applied);
- ``ipr_released_unconfirmed``: recorded, the holder did not confirm within the reply days;
- ``ipr_released_unprotected``: not recorded and no application: customs cannot hold them;
  the first released after the reply days, the second at once (those still held at the
  run's end counted too);
- ``ipr_unconfirmed_share``: the share of all suspected counterfeits released because the
  holder did not confirm in time; ``ipr_released_share``: released for either reason;
- ``ipr_detained_days_mean``: the calendar days a detained consignment is held after its
  finding (the reply, then its case: ex officio decided within the investigation or
  awaiting a court, weighed by ``decided_share``, as expected values, no draw; on
  application the court's days, and a court's order's by ``court_notice_share``): the
  working days counted from its finding on the run's
  calendar when it has one (``organisation.office_hours``, with its holidays and make-up days:
  :func:`sim.model.ipr_calendar.reply_end`, as the reply days of the goods released), else
  7/5 calendar days each;
- ``ipr_holder_days`` and ``ipr_storage_cost``: consignment-days held at the holders' cost,
  and their storage at ``storage_per_day``; ``ipr_bond_cost`` (only with ``bond_per_case``
  above 0): the bonds tied up for those days, each ``bond_per_case`` at ``bond_rate`` a year;
  the days include the patent cases released against the consignee's counter-bond and the
  cases withdrawn (``counter_bond_share``, ``withdrawn_share``: expected values too);
  ``ipr_counter_bond_cost`` (only with ``counter_bond_share`` above 0): the consignees'
  counter-bonds tied up after the release (:meth:`IprProcedure.counter_bond_cost_per_case`);
  ``ipr_counter_bond_awarded`` (only with ``counter_bond_sued_share`` above 0 too): the
  counter-bonds the courts award to holders who sue, expected;
- ``ipr_clearance_time_mean``: hours from arrival to release of the goods released after
  the reply days (recorded, unconfirmed; released by the run's end), the hold included:
  what their trader sees.

Counts, days and cost are given pooled, ``_<direction>``, ``_port_<port>`` and
``_port_<port>_<direction>`` (the shares and the mean pooled and ``_<direction>``): the
ports and the directions add up to the pooled figure; the clearance mean is pooled and
``_<direction>``. (China's IPR detentions are mostly of exports.)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.model.finders import (
    CAUGHT_CODES,
    DOC,
    PHYSICAL,
    QUARANTINE,
    SCAN,
    TRUTH,
    after_bits,
    finders,
)
from sim.model.holidays import NONE, Closures
from sim.model.illicit_ports import by_port_and_direction
from sim.model.ipr_calendar import DAY, reply_end
from sim.model.ipr_trader import HELD, found_at, held_rows
from sim.model.milestones import M
from sim.model.recorder_rows import _S, _SMS, _TRUTH
from sim.scenario.base import DIRECTIONS
from sim.scenario.ipr import CALENDAR_PER_WORKING_DAY, IprProcedure

if TYPE_CHECKING:
    from sim.scenario.office_hours import OfficeHours

_COUNTERFEIT = TRUTH.index("counterfeit")
#: the units of the metrics that are not counts of consignments (by stem)
UNITS = {
    "ipr_holder_days": "consignment-days",
    "ipr_detained_days_mean": "days",
    "ipr_storage_cost": "currency, observed days",
    "ipr_bond_cost": "currency, observed days",
    "ipr_counter_bond_cost": "currency, observed days",
    "ipr_counter_bond_awarded": "currency, observed days",
    "ipr_clearance_time_mean": "hours",
    "ipr_trader_hold_cost_per_held": "currency per consignment",  # (before its stem)
    "ipr_trader_hold_cost": "currency, observed days",
}


class SuspectTally:
    """Counterfeits found before release, per port x direction and recordation (0: brand
    not recorded, 1: recorded): all of them, those caught (the holder asked for detention),
    and the hours from arrival to release of those released after the reply days (recorded;
    released by the run's end) with their count; the caught ones' cells and finding times,
    for their days on the run's calendar (:func:`detained_days`)."""

    def __init__(self, ports: list[str]):
        self.ports = ports
        self.found = np.zeros((len(ports), len(DIRECTIONS), 2), np.int64)
        self.detained = np.zeros_like(self.found)
        self.cleared = np.zeros((len(ports), len(DIRECTIONS), 2))  # (hours summed, count)
        #: those released after the reply days, as :func:`sim.model.ipr_trader.held_rows`
        self.held: list[np.ndarray] = [np.zeros((0, len(HELD)))]
        #: those caught: port, direction, recorded (0/1) and when found (hours)
        self.caught: list[np.ndarray] = [np.zeros((0, 4))]

    def fold(self, a: np.ndarray) -> None:
        """Count a block of rows (the recorder's STATS layout, then milestones) as the
        enforcement tally counts ``detected``: found by a check before release."""
        code = a[:, _TRUTH][:, 0].astype(int)
        a = a[code == _COUNTERFEIT]
        if not len(a):
            return
        bits = a[:, _S["checks"]].astype(int)
        did = {b: (bits & b) > 0 for b in (DOC, SCAN, PHYSICAL, QUARANTINE)}
        after = after_bits(*(a[:, _SMS + M[k]] for k in ("tax_reviewed", "recalled", "recovered")))
        found = finders(a[:, _TRUTH][:, 0].astype(int), did, a[:, _TRUTH], after)
        keep = found["document"] | found["exam"] | found["quarantine"]
        a, by_exam = a[keep], found["exam"][keep]
        cell = (
            a[:, _S["port"]].astype(int),
            a[:, _S["direction"]].astype(int),
            (a[:, _S["recorded"]] > 0).astype(int),
        )
        np.add.at(self.found, cell, 1)
        caught = np.isin(a[:, _S["outcome"]].astype(int), CAUGHT_CODES)
        np.add.at(self.detained, tuple(k[caught] for k in cell), 1)
        at = found_at(a[caught], by_exam[caught])
        self.caught.append(np.column_stack((*(k[caught] for k in cell), at)))
        hours = a[:, _SMS + M["released"]] - a[:, _SMS + M["arrived"]]
        out = ~caught & ~np.isnan(hours) & (cell[2] == 1)  # (recorded: held for the reply;
        # released by the end: censored rows are cut there)
        np.add.at(self.cleared[..., 0], (cell[0][out], cell[1][out]), hours[out])
        np.add.at(self.cleared[..., 1], (cell[0][out], cell[1][out]), 1.0)
        self.held.append(held_rows(a[out], by_exam[out]))


def split(
    found: np.ndarray, detained: np.ndarray, p: IprProcedure, held: np.ndarray | None = None
) -> dict[str, np.ndarray]:
    """The found counts (``[..., 0]`` unrecorded, ``[..., 1]`` recorded) split by the
    holder's drawn reply (``detained``, the same layout: those caught): detained, released
    unconfirmed or unprotected, and the calendar days the detained are held (summed):
    ``held``'s (the same layout, :func:`detained_days`) if given, else 7/5 calendar days per
    working day, ex officio the expected days of the case's outcomes
    (:meth:`IprProcedure.ex_officio_days`: decided or awaiting a court, by
    ``decided_share``; no draw), on application those of a court's notice or none
    (:meth:`IprProcedure.on_application_days`), both with the releases against a
    counter-bond and on withdrawal; the bonds' cost only with a bond, the consignees'
    counter-bonds' only with ``counter_bond_share``."""
    unrecorded, recorded = found[..., 0].astype(float), found[..., 1].astype(float)
    on_application, ex_officio = detained[..., 0].astype(float), detained[..., 1].astype(float)
    if held is None:
        legal = sum(w * d for w, d in p.ex_officio_days())  # (1 x 33 by default: as before)
        court = sum(w * d for w, d in p.on_application_days())  # (1 x 20 by default)
        days = (ex_officio * legal + on_application * court) * CALENDAR_PER_WORKING_DAY
    else:
        days = held[..., 0] + held[..., 1]
    bond = {"ipr_bond_cost": days * p.bond_cost_per_day()} if p.bond_per_case > 0 else {}
    if p.counter_bond_share > 0:  # (the consignees' counter-bonds, art. 19)
        bond["ipr_counter_bond_cost"] = (ex_officio * p.counter_bond_cost_per_case(True)
                                         + on_application * p.counter_bond_cost_per_case(False))
    if p.counter_bond_share > 0 and p.counter_bond_sued_share > 0:  # (the holders' suits)
        bond["ipr_counter_bond_awarded"] = (
            ex_officio * p.counter_bond_awarded_per_case(True)
            + on_application * p.counter_bond_awarded_per_case(False))
    return {
        "ipr_suspected_recorded": recorded,
        "ipr_suspected_unrecorded": unrecorded,
        "ipr_detained": ex_officio + on_application,
        "ipr_released_unconfirmed": recorded - ex_officio,
        "ipr_released_unprotected": unrecorded - on_application,
        "ipr_holder_days": days,
        "ipr_storage_cost": days * p.storage_per_day,
        **bond,
    }


def detained_days(
    t: SuspectTally, p: IprProcedure, office: OfficeHours, closures: Closures = NONE
) -> np.ndarray:
    """The calendar days the caught consignments are held, summed in ``t.detained``'s
    cells: each one's legal working days (the reply and the investigation ex officio, the
    court's days on application, and a court's order's) counted from its finding on
    ``office``'s working days less ``closures``' holidays, with its make-up days
    (:func:`reply_end`: from the day after, to the close of the last; one period, the case
    running on from the reply); ex officio the expected value over its case's outcomes,
    each counted on the calendar (:meth:`IprProcedure.ex_officio_days`), on application
    over a court's notice or none (:meth:`IprProcedure.on_application_days`). A finding
    without a time (none is expected) keeps 7/5 calendar days a day."""
    held = np.zeros(t.detained.shape)
    outcomes = {1: p.ex_officio_days(), 0: p.on_application_days()}
    for port, direction, recorded, at in np.concatenate(t.caught):
        days = sum(
            w * (legal * CALENDAR_PER_WORKING_DAY if math.isnan(at)
                 else (reply_end(at, legal, office, closures) - at) / DAY)
            for w, legal in outcomes[int(recorded > 0)]
        )
        held[int(port), int(direction), int(recorded)] += days
    return held


def ipr_metrics(
    t: SuspectTally, p: IprProcedure, office: OfficeHours | None = None,
    closures: Closures = NONE,
) -> dict[str, float]:
    """The flat metrics of :func:`split`: pooled, by direction, by port and by port and
    direction (as ``enforcement.report_by_port``'s), and the shares and means, pooled and
    by direction; the days held on ``office``'s calendar if given (:func:`detained_days`),
    else 7/5 calendar days per working day."""
    held = None if office is None else detained_days(t, p, office, closures)
    out = by_port_and_direction(split(t.found, t.detained, p, held), t.ports)
    for tail, cells in (("", t.cleared), *((f"_{d}", t.cleared[:, [i]])
                                         for i, d in enumerate(DIRECTIONS))):
        out.update(_shares(out, tail))
        hours, n = cells[..., 0].sum(), cells[..., 1].sum()
        out[f"ipr_clearance_time_mean{tail}"] = float(hours / n) if n else math.nan
    return out


def _shares(out: dict[str, float], tail: str) -> dict[str, float]:
    """The shares released and the mean days held, pooled (``tail`` '') or of one direction
    (``_import``, ``_export``: an exporter's counterfeits, most of China's detentions, are
    not the imports'), from the counts of that tail (NaN where none was found or held)."""
    suspected = out[f"ipr_suspected_recorded{tail}"] + out[f"ipr_suspected_unrecorded{tail}"]
    unconfirmed = out[f"ipr_released_unconfirmed{tail}"]
    released = unconfirmed + out[f"ipr_released_unprotected{tail}"]
    detained = out[f"ipr_detained{tail}"]
    return {
        f"ipr_unconfirmed_share{tail}": unconfirmed / suspected if suspected else math.nan,
        f"ipr_released_share{tail}": released / suspected if suspected else math.nan,
        f"ipr_detained_days_mean{tail}": (
            out[f"ipr_holder_days{tail}"] / detained if detained else math.nan
        ),
    }
