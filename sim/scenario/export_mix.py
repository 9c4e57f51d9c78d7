"""Exports that silently carry their port's import mix: a port with an export flow and no
``exports.traffic`` of its own sends out the commodities, credit classes, values and
containers of its imports (and, without ``enforcement.by_direction.export``, their illicit
prevalence). A sea port's frozen meat and plants then leave as they came in, meet the
quarantine checks and prevalence of imports, and any reform aimed at those goods acts on
the exports too; a scenario that does this is told how to give them their own."""

from __future__ import annotations

from typing import Any


def shared_export_mix(scenario: Any) -> list[str]:
    """One note naming the ports whose exports have no ``traffic`` table of their own (none
    when every export flow has one; an empty table keeps the imports' mix on purpose)."""
    ports = [
        name
        for name, port in scenario.ports.items()
        if port.exports is not None and port.exports.traffic is None
    ]
    if not ports:
        return []
    named = ", ".join(f"ports.{name}.exports" for name in ports)
    enforcement = scenario.enforcement
    prevalence = (
        enforcement is not None
        and enforcement.active
        and "export" not in enforcement.by_direction
    )
    carried = "commodities, credit classes, value, containers"
    carried += (
        " and, with no [enforcement.by_direction.export], illicit prevalence"
        if prevalence
        else ""
    )
    mixes = "its own" if len(ports) == 1 else "their own"
    return [
        f"{named} {'has' if len(ports) == 1 else 'have'} no traffic table of {mixes}: the "
        f"exports carry the port's import mix ({carried}), so the imports' quarantine goods "
        "and any selection or reform aimed at them meet the exports too; give the exports "
        "their own [ports.<name>.exports.traffic] (their commodities, at least)"
        + (" and [enforcement.by_direction.export]" if prevalence else "")
        + ", as default.toml's sea port and land border do; an empty "
        "[ports.<name>.exports.traffic] keeps the import mix on purpose and ends this note"
    ]
