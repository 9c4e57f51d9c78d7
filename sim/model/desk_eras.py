"""Transit goods a dated rule passed while they waited at a transit desk.

Under a timeline (``[[eras]]``, dated rules) a consignment follows the rules of the era its
assessment is planned in, chosen when it is made (:func:`sim.model.eras.era_of`): its rules
draw what the goods need, the transit leg and the desk's service among them, so the era must
be known before the goods meet the desk, and it is planned from the arrival without the
desk's wait. Goods that queue at a desk (``ports.<port>.transit.desk``) and whose assessment,
planned from the time they really lodge after it, falls after a later era's start therefore
keep the earlier era's rules. This module counts them when they leave the desk (the cohort's
only, as the results count), so that the run's note says how many a date passed by: the
metric ``transit_desk_era_behind``. A run without a timeline, or without a desk that
queues, counts nothing and has no such metric."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from sim.model.port import Port

#: the metric, and the count kept in the run's ``inspections`` (where a result keeps it)
METRIC = "transit_desk_era_behind"
_KEY = "transit/desk_era/behind"


class DeskEras:
    """The count for one port whose transit goods queue at a desk under a timeline; shared
    by the port's eras, as its lanes are (:func:`sim.model.port_lanes.build_lanes`)."""

    def __init__(self, base: Port) -> None:
        self.base = base  # (its ``eras`` are added after its lanes: read when goods leave)
        self.behind = 0

    @classmethod
    def of(cls, port: Port) -> DeskEras | None:
        """A tally for ``port`` if its scenario has a timeline and its transit goods queue
        at a desk, else None."""
        from sim.model.transit_plans import queues_at_desk

        if not port.scenario.timeline or not queues_at_desk(port.scenario, port.name):
            return None
        return cls(port)

    def left(self, port: Port, r: np.ndarray, lodged: np.ndarray, cohort: np.ndarray) -> None:
        """Goods of ``port`` (one of the base port's eras) left the desk and lodge at
        ``lodged``: count the cohort's whose assessment, planned from then under the rules
        they follow with no wait in review, falls in a later era than theirs."""
        from sim.model.eras import assessed_from  # (it hands consignments to their eras)

        eras = self.base.eras
        if not eras or not cohort.any():
            return
        starts = [t for t, _ in eras]
        era = [self.base, *(p for _, p in eras)].index(port)
        due = np.searchsorted(starts, assessed_from(port, r, lodged, lodged), side="right")
        self.behind += int(((due > era) & cohort).sum())


def era_counts(ports: Sequence[Port]) -> dict[str, float]:
    """The counts to keep in a run's ``inspections``: the consignments of every port's
    tally (none where no port has one)."""
    tallies = [p.desk_eras for p in ports if p.desk_eras is not None]
    return {_KEY: float(sum(t.behind for t in tallies))} if tallies else {}


def desk_era_metrics(ins: Mapping[str, float]) -> dict[str, float]:
    """``transit_desk_era_behind`` from a run's ``inspections`` (nothing where it was not
    kept: no timeline, no desk that queues, or a result stored by an older version)."""
    return {METRIC: float(ins[_KEY])} if _KEY in ins else {}


def desk_era_notes(means: Mapping[str, float]) -> list[str]:
    """The note of a run (``means``: its metrics, or their means over the replications)
    in which a dated rule passed transit goods by while they waited at a desk."""
    n = means.get(METRIC, 0.0)
    if not n > 0:
        return []
    count = f"{n:,.1f}".removesuffix(".0")  # (a mean over replications may be a fraction)
    return [
        f"{count} transit consignments a run ({METRIC}) were assessed, "
        "counted from when they really lodged after the transit desk's wait, after a dated "
        "rule of the timeline came into force, but follow the rules in force before it: a "
        "consignment's era is chosen from its arrival without the desk's wait, since its "
        "rules draw its transit leg; date the rule earlier by about the desk's wait "
        "(wait_h_mean_<port>_transit_desk) or give the desk more officers to see it act on them"
    ]
