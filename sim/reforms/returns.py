"""Fewer declarations returned for correction (退单): the reviewing officer returns a smaller
share of reviewed declarations (``declaration.returns``, sim/scenario/returns.py), as the
Ningbo two-step declaration pilot reported (declaration amendment rate down 6 points,
December 2019)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.reform import Changes, Param, Reform


def _fewer(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Every class's share returned (and the '*' share) less ``points``, never below 0."""
    returns = (data.get("declaration") or {}).get("returns")
    if returns is None:
        return {}  # (no declaration is returned: nothing to cut)
    cut = {k: max(0.0, float(v) - s["points"]) for k, v in returns["share"].items()}
    return {"declaration.returns.share": cut}


RETURNS = [
    Reform(
        "fewer_returns",
        "the reviewing officer returns fewer declarations for correction: each trader "
        "class's share of reviewed declarations returned falls by points (never below 0), "
        "so fewer wait for the broker's correction and a second review",
        _fewer,
        (
            "Ningbo two-step declaration pilot, December 2019: declaration amendment rate "
            "-6 percentage points (inzhejiang.com, china-figures.md §3.2)",
            "assumption: the 6 points are taken from the share of reviewed declarations "
            "returned (the source does not say of which declarations the rate is a share)",
        ),
        {"points": Param(0.06, "percentage points (as a share) taken off the share returned")},
    ),
]
