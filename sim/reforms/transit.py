"""Clearance integration (通关一体化): transit goods (转关, sim/scenario/transit.py) declare
at the inland office of their destination and are examined and released at the entry port
(属地申报 口岸验放), so their transit leg leaves clearance time; their journey inland
follows release. Guangdong's seven customs let goods declare at any of them from 2014; the
national clearance integration followed in 2017."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.reform import Changes, Param, Reform


def _integrate(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Each port's share of transit goods under integration raised to ``share`` (never
    lowered): those goods no longer travel in transit before clearance."""
    out: Changes = {}
    for name, port in (data.get("ports") or {}).items():
        transit = port.get("transit")
        if transit is None:
            continue  # (no transit goods at this port: nothing to integrate)
        before = float(transit.get("integrated", 0.0))
        out[f"ports.{name}.transit.integrated"] = max(before, float(s["share"]))
    return out


TRANSIT = [
    Reform(
        "clearance_integration",
        "clearance integration (属地申报 口岸验放): a share of transit goods declares at the "
        "inland office and is examined and released at the entry port, so its transit "
        "formalities and journey under seal leave clearance time (the journey follows "
        "release)",
        _integrate,
        (
            "GAC national clearance integration, 1 July 2017: declare at any customs, "
            "examined and released at the port (published-figures.md §2.7); Guangdong's "
            "seven customs' regional integration, 2014 (china-figures.md §4.3)",
            "assumption: share 0.8 of transit goods leave transit under integration (the "
            "sources give no share; goods under seal for bonded zones or by the trader's "
            "choice stay in transit)",
        ),
        {"share": Param(0.8, "share of transit goods that declare inland and are released "
                        "at the entry port")},
    ),
]
