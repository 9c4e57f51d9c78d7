"""China's credit rules checked in each direction, where exports have selection tables of
their own (``export_selection``, ``ports.<port>.exports.selection``; docs/exports.md).

The rules (GACC Order 237 of 2019, kept by Order 251 of 2021) apply to each declaration
whatever its direction: a discredited exporter's declarations are to be inspected at the
floor as an importer's are, an advanced AEO's imports under the cap as its exports. With
one set of tables a class's pooled rate says enough; with a direction's own tables one
direction can break a rule while the other keeps the pooled rate in line. So each
direction's rate is set against the rule, an AEO's against ordinary traders' rate of the
same direction.
"""

from __future__ import annotations

from collections.abc import Mapping

from sim.model.credit_rules import CAP, FLOOR, pct

DIRECTIONS = ("import", "export")


def direction_rules(means: Mapping[str, float]) -> dict[str, str]:
    """By rule and direction (``floor_export``, ``cap_aeo_advanced_import``), a note for
    each credit rule a direction's selection breaks, from the means over a run's
    replications (goods declarations where a post hub runs beside goods ports)."""
    out: dict[str, str] = {}
    for d in DIRECTIONS:
        low = _rate(means, "discredited", d)
        if low is not None and low == low and low < FLOOR:
            out[f"floor_{d}"] = (
                f"the selection tables inspect {low:.1%} of discredited traders' {d}s, below "
                f"the {pct(FLOOR)} floor of China's credit rules (2019: 84.76 %), which apply "
                "to each declaration whatever its direction: the tables apply no credit "
                f"rules; raise the discredited rates of the tables {d}s meet"
                + _WHERE[d]
            )
        aeo, general = _rate(means, "aeo_advanced", d), _rate(means, "general", d)
        if aeo is not None and general is not None and general > 0 and aeo > CAP * general:
            out[f"cap_aeo_advanced_{d}"] = (
                f"the selection tables inspect advanced AEO traders' {d}s at {aeo:.2%}, "
                f"{aeo / general:.1%} of ordinary traders' {d}s' {general:.1%}, above the "
                f"{pct(CAP)} cap of China's credit rules (2019: 0.57 % for advanced AEO "
                "traders), which apply to each declaration whatever its direction: the tables "
                f"apply no credit rules; lower the aeo_advanced rates of the tables {d}s "
                "meet" + _WHERE[d]
            )
    return out


#: where a direction's tables are (docs/exports.md: the first that lists the check decides)
_WHERE = {
    "import": " (selection, ports.<port>.selection)",
    "export": " (ports.<port>.exports.selection, export_selection, then the imports' tables)",
}


def _rate(means: Mapping[str, float], cls: str, direction: str) -> float | None:
    """A class's inspection rate in one direction, of goods declarations where a post hub
    runs beside goods ports (it scans nearly every parcel; the rules are of goods)."""
    return means.get(f"inspection_rate_{cls}_goods_{direction}",
                     means.get(f"inspection_rate_{cls}_{direction}"))  # fmt: skip
