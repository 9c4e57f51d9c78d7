"""Exports' own selection tables (docs/exports.md).

China inspects far fewer exports than imports, but the selection tables (``selection``,
``ports.<port>.selection``) have no direction. A scenario may give exports tables of their
own, in the same form: ``ports.<port>.exports.selection`` (one port's exports) and
``export_selection`` (every port's). For an export, the first table that lists the check
decides: the port's exports' table, the port's own table, the national export table, the
national table. Nothing changes when neither is given.

The risk engine reads the tables for its prior and its mix of checks without a direction, so
export tables are refused while it is on (rather than silently ignored).
"""

from __future__ import annotations

from typing import Any

from sim.scenario.base import TRADER_CLASSES

#: the port's section each check sends goods to
_LANES = {"document": "document_check", "scan": "scan", "physical": "exam",
          "quarantine": "quarantine"}  # fmt: skip


def export_table(scenario: Any, check: str, port: str | None) -> dict[str, Any] | None:
    """The table that decides ``check`` for exports at ``port`` when it is not the one
    imports use (the port's exports' own, else, unless the port has its own table of the
    check, the national export one); None: the imports' table decides."""
    spec = scenario.ports[port] if port is not None else None
    if spec is not None:
        if spec.exports is not None and check in spec.exports.selection:
            return dict(spec.exports.selection[check])
        if check in spec.selection:
            return None
    table = scenario.export_selection.get(check)
    return dict(table) if table is not None else None


def has_export_tables(scenario: Any) -> bool:
    """Whether any export selection table is given (national or a port's)."""
    return bool(scenario.export_selection) or any(
        p.exports is not None and p.exports.selection for p in scenario.ports.values()
    )


def imports_mix(scenario: Any, port: Any) -> tuple[list[str], list[str]] | None:
    """With export tables, the commodities and trader classes the imports' tables must find
    a port's lanes for: its imports' traffic only (its exports' lanes are checked against
    their own tables, :func:`_export_lanes`), so that goods only exported, which an export
    table sends to no check, need no lane. None without export tables: every traffic's, as
    before."""
    if not has_export_tables(scenario):
        return None
    traffic = port.traffic
    coms = [c for c, v in traffic.commodities.items() if v > 0]
    return coms, [k for k, v in traffic.trader_classes.items() if v > 0]


def idle_export_tables(scenario: Any) -> dict[str, str]:
    """``export_selection`` acts on nothing where no port has exports (a scenario of
    imports alone, as the teaching ones): said, rather than a figure that does not move."""
    if any(p.exports is not None for p in scenario.ports.values()):
        return {}
    return {"export_selection.": "no port has exports there (no [ports.<port>.exports] "
            "section): export selection tables act on exports only"}


def check_export_tables(scenario: Any) -> None:
    """Export tables only with the tables deciding (not the risk engine), and each port with
    the lanes its exports' tables send goods to."""
    if not has_export_tables(scenario):
        return
    risk = scenario.risk
    if risk is not None and risk.enabled:
        where = "export_selection" if scenario.export_selection else next(
            f"ports.{n}.exports.selection"
            for n, p in scenario.ports.items()
            if p.exports is not None and p.exports.selection
        )
        raise ValueError(
            f"{where}: export selection tables are not read by the risk engine (its prior "
            "and mix of checks come from direction-less tables); remove them, or set "
            "risk.enabled = false so that the tables decide"
        )
    for name, port in scenario.ports.items():
        if port.exports is not None:
            _export_lanes(scenario, name, port)


def _export_lanes(scenario: Any, name: str, port: Any) -> None:
    """A port must have every lane its exports' selection can send them to."""
    traffic = port.export_traffic
    coms = [c for c, v in traffic.commodities.items() if v > 0]
    classes = [k for k, v in traffic.trader_classes.items() if v > 0 and k in TRADER_CLASSES]
    for check, key in _LANES.items():
        if getattr(port, key) is not None:
            continue
        for com in coms:
            for cls in classes:
                p = scenario.probability(check, com, cls, name, "export")
                if p > 0:
                    raise ValueError(
                        f"ports.{name}: the export selection of {check} sends {com!r} goods "
                        f"of {cls!r} traders there with probability {p:g}, but the port has "
                        f"no [ports.{name}.{key}] (add the section, or set the selection "
                        "to 0)"
                    )
