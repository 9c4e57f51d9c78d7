"""Helpers the catalogue's rules use on a scenario as plain data: ports, distributions, tables.

Every helper returns new values; none writes into the scenario it reads.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

#: the quantities of a distribution that are times (scaled by a time factor)
_TIME_KEYS = ("mean", "low", "mode", "high", "value")

#: officers' lanes and the service each one's work takes (dotted under a port)
OFFICER_WORK = (
    "review.service",
    "document_check.service",
    "scan.image_review.officers.service",
    "exam.duration",
    "quarantine.check",
)
#: officers' work that is a service only where its lane exists ({service: lane}): a transit
#: desk's formalities are its officers' work; without a desk they are a delay of the whole
#: procedure at the entry port (carriers, seals, systems), not officers' time, and stay as is
DESK_WORK = {"transit.formalities": "transit.desk"}


def ports(data: dict[str, Any], mode: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, port data) of every port (of ``mode`` only, when given)."""
    for name, port in data["ports"].items():
        if mode is None or port["mode"] == mode:
            yield name, port


def at(node: Any, dotted: str) -> Any:
    """The value at ``dotted`` under ``node`` (None when any part is missing)."""
    for k in dotted.split("."):
        if not isinstance(node, dict) or node.get(k) is None:
            return None
        node = node[k]
    return node


def scaled(dist: Any, factor: float) -> Any:
    """A duration distribution (plain data, hours) with every time multiplied by ``factor``:
    same shape, mean times ``factor``. A bare number is a fixed time."""
    if isinstance(dist, int | float):
        return dist * factor
    out = copy.deepcopy(dist)
    for k in _TIME_KEYS:
        if isinstance(out.get(k), int | float):
            out[k] = out[k] * factor
    if isinstance(out.get("values"), list):
        out["values"] = [v * factor for v in out["values"]]
    return out


def dist_mean(dist: Any) -> float:
    """The mean of a distribution in plain data (hours)."""
    if isinstance(dist, int | float):
        return float(dist)
    kind = dist.get("dist")
    if kind in ("lognormal", "gamma", "exponential"):
        return float(dist["mean"])
    if kind == "triangular":
        return float(dist["low"] + dist["mode"] + dist["high"]) / 3
    if kind == "uniform":
        return float(dist["low"] + dist["high"]) / 2
    if kind == "deterministic":
        return float(dist["value"])
    values = dist.get("values") or [0.0]
    return float(sum(values) / len(values))


def officer_work(data: dict[str, Any], factor: float) -> dict[str, Any]:
    """Changes that multiply every officer's service time at every port by ``factor`` (a
    transit desk's too, where a port has one: :data:`DESK_WORK`)."""
    out = {}
    for name, port in ports(data):
        desks = [work for work, lane in DESK_WORK.items() if at(port, lane) is not None]
        for dotted in (*OFFICER_WORK, *desks):
            dist = at(port, dotted)
            if dist is not None:
                out[f"ports.{name}.{dotted}"] = scaled(dist, factor)
    return out


def shares_toward(share: Any, uptake: float) -> Any:
    """A share (or a ByDirection table) moved ``uptake`` of the way to 1."""
    if isinstance(share, dict):
        return {k: shares_toward(v, uptake) for k, v in share.items()}
    return share + uptake * (1 - share)


def table_scaled(table: dict[str, dict[str, float]], factor: float) -> dict[str, dict[str, float]]:
    """A selection table (commodity -> class -> probability) times ``factor``, capped at 1."""
    return {
        com: {cls: min(1.0, p * factor) for cls, p in row.items()} for com, row in table.items()
    }



def no_pool(data: dict[str, Any], strengths: Any = None) -> str:
    """Why a cross-trained pool of exam teams and quarantine officers can do nothing in a
    scenario ('' when it can): it needs ports with both."""
    if not any(p.get("exam") and p.get("quarantine") for _, p in ports(data)):
        return "no port has both exam teams and quarantine officers to pool"
    return ""


def no_joint_pool(data: dict[str, Any], strengths: Any = None) -> str:
    """As :func:`no_pool`, for a pool that serves joint examinations only (it does not make
    them joint)."""
    why = no_pool(data)
    mode = at(data, "inspection.mode")
    if not why and mode != "joint":
        why = (
            f"inspection.mode is {mode!r}: a cross-trained pool serves joint examinations "
            "only (joint_inspection>flexible_staffing brings both)"
        )
    return why


def rounded(value: Any) -> Any:
    """``value`` with its floats to 6 significant digits (a reform's arithmetic can leave
    16.949999999999996 where 16.95 is meant)."""
    if isinstance(value, float):
        return float(f"{value:.6g}")
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(v) for v in value]
    return value
