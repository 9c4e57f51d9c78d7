"""Reforms aimed at imports that raise a national selection table (the cold-chain mandate,
the 2020-22 epidemic): exports keep the table they had, through an export table of their own
(``export_selection``, docs/exports.md), so only imports are checked more.

With the risk engine on, whose tables have no direction (export tables are refused then),
exports are checked as imports, as before export tables existed.
"""

from __future__ import annotations

from typing import Any

from sim.reforms.reform import Changes


def exports_keep(data: dict[str, Any], check: str) -> Changes:
    """The change that keeps exports' national table of ``check`` as it is in ``data``
    (before the reform changes the imports' one); none when no port has exports, the
    exports already have a national table of their own for the check, or the risk engine
    is on."""
    if not any(port.get("exports") is not None for port in data["ports"].values()):
        return {}
    if check in (data.get("export_selection") or {}):
        return {}  # (exports' own table: the imports' change does not reach them)
    risk = data.get("risk")
    if risk is not None and risk.get("enabled", True):
        return {}
    return {f"export_selection.{check}": dict((data.get("selection") or {}).get(check) or {})}


def moot_with_risk(data: dict[str, Any], total: Changes) -> Changes:
    """``total`` (a composition's changes, ``data`` the scenario after them) without the
    export tables :func:`exports_keep` wrote, when another reform of the composition turns
    the risk engine on: it reads no export table (they are refused with it), so exports are
    then checked as imports, as before export tables existed, instead of the composition
    being refused. (Only :func:`exports_keep` writes ``export_selection`` among the reforms;
    a table the scenario gives itself is not in ``total`` and is still refused.)"""
    risk = data.get("risk")
    if risk is None or not risk.get("enabled", True):
        return total
    return {k: v for k, v in total.items() if not k.startswith("export_selection.")}
