"""Inspections of transit goods (转关) apart: the share of the imports that came in transit,
that clearance integration took out of transit, and that were cleared directly, that customs
inspected (a scan, physical or quarantine exam: China's definition, as ``inspection_rate``),
each by trader class too. A bonded zone's manager, whose goods reach the zone in transit,
asks what share of them is inspected and what AEO status changes; the port's rates pool the
zone's goods with the rest.

Over the finished imports (out of the flow, as the split clearance and cost figures): a
censored transit consignment still at the desk or on its leg has not reached this office, so
its group is not known from its milestones."""

from __future__ import annotations

import math

import numpy as np

from sim.model.milestones import CENSORED
from sim.model.recorder_rows import _S, _TRANSIT_ARRIVED, ARRIVALS, transit_codes
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

#: the counts kept, per group and class, in the run's ``inspections``
_COUNTS = ("declarations", "inspected")
_IMPORT = DIRECTIONS.index("import")


def _key(kind: str, cls: str, count: str) -> str:
    return f"transit/{kind}/{cls}/{count}"


class TransitInspections:
    """Folds statistics rows into ``into`` (the recorder's ``inspections``): each transit
    group's and class's finished imports and those inspected."""

    def __init__(self, into: dict[str, float]) -> None:
        self.into = into
        for kind in ARRIVALS:
            for cls in TRADER_CLASSES:
                for count in _COUNTS:
                    into[_key(kind, cls, count)] = 0

    def fold(self, a: np.ndarray) -> None:
        """Count a block's finished imports by transit group and class."""
        rows = (a[:, _S["outcome"]] != CENSORED) & (a[:, _S["direction"]] == _IMPORT)
        if not rows.any():
            return
        a = a[rows]
        ch = a[:, _S["channel"]].astype(int)
        inspected = (ch % 4 >= 2) | (ch >= 4)  # scan or physical, or with quarantine
        direction = a[:, _S["direction"]].astype(int)
        kind = transit_codes(a[:, _TRANSIT_ARRIVED], a[:, _S["integrated"]], direction)
        kind = kind // len(DIRECTIONS)
        cell = kind * len(TRADER_CLASSES) + a[:, _S["trader_class"]].astype(int)
        size = len(ARRIVALS) * len(TRADER_CLASSES)
        counts = (np.bincount(cell, minlength=size), np.bincount(cell[inspected], minlength=size))
        for k, name in enumerate(ARRIVALS):
            for c, cls in enumerate(TRADER_CLASSES):
                for count, by in zip(_COUNTS, counts, strict=True):
                    self.into[_key(name, cls, count)] += int(by[k * len(TRADER_CLASSES) + c])


def transit_inspection_metrics(ins: dict[str, float]) -> dict[str, float]:
    """``inspection_rate_transit_import`` (and ``_direct_``, ``_integrated_``), and each
    class's (``inspection_rate_aeo_advanced_transit_import``), from the counts
    :class:`TransitInspections` kept; NaN for a group with none, nothing without transit."""
    if _key(ARRIVALS[0], TRADER_CLASSES[0], "declarations") not in ins:
        return {}
    out = {}
    for kind in ARRIVALS:
        n = [float(ins[_key(kind, cls, "declarations")]) for cls in TRADER_CLASSES]
        hit = [float(ins[_key(kind, cls, "inspected")]) for cls in TRADER_CLASSES]
        out[f"inspection_rate_{kind}_import"] = sum(hit) / sum(n) if sum(n) else math.nan
        for cls, m, h in zip(TRADER_CLASSES, n, hit, strict=True):
            out[f"inspection_rate_{cls}_{kind}_import"] = h / m if m else math.nan
    return out
