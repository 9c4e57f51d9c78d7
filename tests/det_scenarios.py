"""Deterministic scenarios built in code: every time fixed, every share 0 or 1, lanes
unlimited unless a test says otherwise, so that each consignment's milestones can be worked
out by hand."""

from __future__ import annotations

import copy
from typing import Any

import sim


def hours(h: float) -> str:
    """A fixed duration of ``h`` hours, written exactly."""
    return f"{h!r} h"


def fixed(h: float) -> dict[str, Any]:
    return {"dist": "deterministic", "value": hours(h)}


def unlimited(service_h: float | None = None) -> dict[str, Any]:
    lane: dict[str, Any] = {"capacity": "unlimited"}
    if service_h is not None:
        lane["service"] = fixed(service_h)
    return lane


def port(
    *,
    rate: str = "2/h",
    lodging_h: float = 0.0,
    advance: float = 0.0,
    lead_h: float = 0.0,
    assess_h: float = 0.0,
    pickup_h: float = 0.0,
    **lanes: Any,
) -> dict[str, Any]:
    """A land port (goods ready on arrival) with the given extra sections."""
    return {
        "mode": "land",
        "arrivals": {"rate": rate},
        "traffic": {
            "commodities": {"general": 1.0},
            "trader_classes": {"general": 1.0},
            "value": 1,
        },
        "declaration": {
            "advance_share": advance,
            "advance_lead": fixed(lead_h),
            "lodging_delay": fixed(lodging_h),
            "assess": hours(assess_h),
        },
        "release": {"pickup": fixed(pickup_h)},
        **lanes,
    }


def exam(move_h: float, duration_h: float, lead_h: float, **lanes: Any) -> dict[str, Any]:
    """Examination lanes (unlimited unless given), daytime slots 08:00-17:00 every hour."""
    return {
        "bays": lanes.get("bays", unlimited()),
        "teams": lanes.get("teams", unlimited()),
        "movers": lanes.get("movers", unlimited()),
        "move": fixed(move_h),
        "duration": fixed(duration_h),
        "booking_lead": hours(lead_h),
    }


def scenario(
    ports: dict[str, dict[str, Any]],
    *,
    selection: dict[str, float] | None = None,
    review: float = 0.0,
    days: float = 2,
    warmup_days: float = 0,
    drain_days: float = 3,
    **national: Any,
) -> sim.Scenario:
    data = {
        "name": "deterministic",
        "days": days,
        "warmup_days": warmup_days,
        "drain_days": drain_days,
        "queue_sample": "1 w",
        "commodities": {"general": {}},
        "declaration": {"review_share": {"*": review}},
        "selection": {k: {"*": {"*": p}} for k, p in (selection or {}).items()},
        "ports": copy.deepcopy(ports),
        **national,
    }
    return sim.Scenario.model_validate(data, context={"base_dir": "."})
