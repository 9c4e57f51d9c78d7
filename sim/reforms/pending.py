"""Reforms registered with what they still need (a flow step, a model change or a scenario
section of another capability): listed and documented, refused when applied."""

from __future__ import annotations

from typing import Any

from sim.reforms.reform import Changes, Reform


def _none(data: dict[str, Any], s: Any) -> Changes:
    return {}


def _costs(data: dict[str, Any], s: Any) -> Changes:
    return {"costs.no_find_payer": "state"}


PENDING = [
    Reform(
        "state_pays_no_find",
        "the state pays the handling of inspections that find nothing (the trader no longer does)",
        _costs,
        (
            "handling of containers whose inspection finds nothing paid from public funds "
            "(Fujian finance department notice; see the costs section's sources)",
        ),
        requires=("costs",),
    ),
    Reform(
        "trader_pays_no_find",
        "the inverse of state_pays_no_find: the trader pays the handling of every inspection, "
        "whatever it finds (the practice before the pilots)",
        lambda d, s: {"costs.no_find_payer": "trader"},
        ("practice before the Guangdong and Shanghai pilots (see the costs section's sources)",),
        requires=("costs",),
    ),
]
