"""Suspected counterfeits after their finding: detained on the right holder's reply or
released (``enforcement.ipr``; :mod:`sim.scenario.ipr` gives the law and its limits).

The simulation finds counterfeits before release (the enforcement tally's ``detected``);
what the law does next depends on whether the brand is recorded with customs. This module
counts the found counterfeits by port, direction and recordation (:class:`SuspectTally`,
fed every block the recorder folds) and splits them, by the holder's expected reply, into
those detained and those released (:func:`ipr_metrics`):

- ``ipr_suspected_recorded`` / ``ipr_suspected_unrecorded``: counterfeits found before
  release, of a brand recorded with customs or not (they add up to
  ``detected_counterfeit``);
- ``ipr_detained``: detained after the holder's application (ex officio: a recorded brand
  whose holder confirmed in time; on application: an unrecorded one whose holder applied);
- ``ipr_released_unconfirmed``: recorded, the holder did not confirm within the reply days;
- ``ipr_released_unprotected``: not recorded and no application: customs cannot hold them;
- ``ipr_unconfirmed_share``: the share of all suspected counterfeits released because the
  holder did not confirm in time; ``ipr_released_share``: released for either reason;
- ``ipr_detained_days_mean``: the calendar days a detained consignment is held after its
  finding (the reply, then the investigation or the wait for a court);
- ``ipr_holder_days`` and ``ipr_storage_cost``: consignment-days held at the holders' cost,
  and their storage at ``storage_per_day``.

Counts, days and cost are given pooled, ``_<direction>``, ``_port_<port>`` and
``_port_<port>_<direction>`` (the shares and the mean pooled and ``_<direction>``): the
ports and the directions add up to the pooled figure. (China's IPR detentions are mostly
of exports.)
"""

from __future__ import annotations

import math

import numpy as np

from sim.model.finders import DOC, PHYSICAL, QUARANTINE, SCAN, TRUTH, after_bits, finders
from sim.model.illicit_ports import by_port_and_direction
from sim.model.milestones import M
from sim.model.recorder_rows import _S, _SMS, _TRUTH
from sim.scenario.base import DIRECTIONS
from sim.scenario.ipr import CALENDAR_PER_WORKING_DAY, IprProcedure

_COUNTERFEIT = TRUTH.index("counterfeit")
#: the units of the metrics that are not counts of consignments (by stem)
UNITS = {
    "ipr_holder_days": "consignment-days",
    "ipr_detained_days_mean": "days",
    "ipr_storage_cost": "currency, observed days",
}


class SuspectTally:
    """Counterfeits found before release, per port x direction and recordation (0: brand
    not recorded, 1: recorded)."""

    def __init__(self, ports: list[str]):
        self.ports = ports
        self.found = np.zeros((len(ports), len(DIRECTIONS), 2), np.int64)

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
        before = found["document"] | found["exam"] | found["quarantine"]
        port = a[before, _S["port"]].astype(int)
        direction = a[before, _S["direction"]].astype(int)
        recorded = (a[before, _S["recorded"]] > 0).astype(int)
        np.add.at(self.found, (port, direction, recorded), 1)


def split(found: np.ndarray, p: IprProcedure) -> dict[str, np.ndarray]:
    """The found counts (``[..., 0]`` unrecorded, ``[..., 1]`` recorded) split by the
    holder's expected reply: detained, released unconfirmed or unprotected, and the
    calendar days the detained are held (summed over them)."""
    unrecorded, recorded = found[..., 0].astype(float), found[..., 1].astype(float)
    ex_officio = recorded * p.holder_confirms
    on_application = unrecorded * p.holder_applies
    days = (
        ex_officio * (p.reply_days + p.investigation_days) + on_application * p.court_days
    ) * CALENDAR_PER_WORKING_DAY
    return {
        "ipr_suspected_recorded": recorded,
        "ipr_suspected_unrecorded": unrecorded,
        "ipr_detained": ex_officio + on_application,
        "ipr_released_unconfirmed": recorded - ex_officio,
        "ipr_released_unprotected": unrecorded - on_application,
        "ipr_holder_days": days,
        "ipr_storage_cost": days * p.storage_per_day,
    }


def ipr_metrics(t: SuspectTally, p: IprProcedure) -> dict[str, float]:
    """The flat metrics of :func:`split`: pooled, by direction, by port and by port and
    direction (as ``enforcement.report_by_port``'s), and the shares, pooled and by
    direction."""
    out = by_port_and_direction(split(t.found, p), t.ports)  # (ports x directions)
    for tail in ("", *(f"_{d}" for d in DIRECTIONS)):
        out.update(_shares(out, tail))
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
