"""Minimal scenarios and analytic results for the queueing-theory verification tests.

``scenario(...)`` builds the smallest scenario dict the schema accepts around the lanes a test
needs: one land port, one commodity, one trader class, no advance declarations, no lodging
delay, no review, no assessment time and no pick-up time, so that a consignment's clearance
time is exactly the time it spends at the lanes it is selected for.

The analytic side (Erlang C, the M/M/c mean wait, the Jackson sojourn) lives in
:mod:`sim.analysis.queueing` and the Student-t interval in :mod:`sim.analysis.stats`;
``assert_matches_theory`` here is the one rule every test states its tolerance with: a 99 %
Student-t interval over independent replications (DESIGN: tolerances come from confidence
intervals).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.analysis.stats import mean_half_width
from sim.model.result import RunResult
from sim.model.run import simulate
from sim.scenario.schema import Scenario

PORT = "p"


# -- scenario builders ---------------------------------------------------------------------
def exponential(mean_h: float) -> dict[str, Any]:
    """An exponential duration with the given mean in hours."""
    return {"dist": "exponential", "mean": f"{mean_h!r} h"}


def lane(servers: int, mean_h: float) -> dict[str, Any]:
    """A lane of ``servers`` identical servers with exponential service of mean ``mean_h``."""
    return {"capacity": servers, "service": exponential(mean_h)}


def scheduled_lane(hourly: list[int], mean_h: float) -> dict[str, Any]:
    """A lane whose capacity follows a 24- or 168-hour schedule, exponential service."""
    return {"schedule": list(hourly), "service": exponential(mean_h)}


def scan(servers: int, mean_h: float) -> dict[str, Any]:
    """Scanners (M/M/c); every image is read and cleared by AI in no time (no officer work)."""
    return {
        "scanners": lane(servers, mean_h),
        "image_review": {
            "ai_share": 1.0,
            "ai_clear": 1.0,
            "ai_time": "0 s",
            "officers": lane(1, 1.0),
            "refer": 0.0,
        },
    }


def exam(bays: int, mean_h: float) -> dict[str, Any]:
    """Physical exam as a plain M/M/c station: only the bays are finite, no move, no slots."""
    return {
        "bays": {"capacity": bays},
        "teams": {"capacity": "unlimited"},
        "movers": {"capacity": "unlimited"},
        "move": "0 h",
        "duration": exponential(mean_h),
        "booking_lead": "0 h",
        "slots": {
            "day_start": "00:00",
            "day_end": "24:00",
            "every": "0 h",
            "weekdays": [1, 2, 3, 4, 5, 6, 7],
        },
    }


def scenario(
    *,
    rate_per_h: float,
    days: float,
    warmup_days: float = 0.0,
    drain_days: float = 2.0,
    selection: dict[str, float] | None = None,
    document_check: dict[str, Any] | None = None,
    scan: dict[str, Any] | None = None,
    exam: dict[str, Any] | None = None,
    name: str = "theory",
) -> dict[str, Any]:
    """A minimal scenario dict: one land port with exactly the given lanes.

    ``selection`` maps a check (document, scan, physical) to its probability for everyone.
    Queues are sampled once a week only, to keep the event count down.
    """
    port: dict[str, Any] = {
        "mode": "land",
        "arrivals": {"rate": f"{rate_per_h!r}/h"},
        "traffic": {
            "commodities": {"general": 1.0},
            "trader_classes": {"general": 1.0},
            "value": 1,
        },
        "declaration": {
            "advance_share": 0,
            "advance_lead": "0 h",
            "lodging_delay": "0 h",
            "assess": "0 h",
        },
        "release": {"pickup": "0 h"},
    }
    if document_check is not None:
        port["document_check"] = document_check
    if scan is not None:
        port["scan"] = scan
    if exam is not None:
        port["exam"] = exam
    return {
        "name": name,
        "days": days,
        "warmup_days": warmup_days,
        "drain_days": drain_days,
        "queue_sample": "1 w",
        "commodities": {"general": {}},
        "selection": {check: {"*": {"*": p}} for check, p in (selection or {}).items()},
        "ports": {PORT: port},
    }


def build(data: dict[str, Any]) -> Scenario:
    """Validate a scenario dict (as ``load_scenario`` would a file)."""
    return Scenario.model_validate(data, context={"base_dir": "."})


def resource(result: RunResult, lane_name: str) -> dict[str, Any]:
    """The ``resources`` row of one lane of the test port."""
    r = result.resources
    rows = r[(r.port == PORT) & (r.lane == lane_name)]
    assert len(rows) == 1, f"no single resources row for {lane_name!r}"
    return rows.iloc[0].to_dict()


def replicate(sc: Scenario, seeds: list[int], statistic) -> np.ndarray:
    """``statistic(simulate(sc, seed))`` for each seed: independent replications."""
    return np.array([float(statistic(simulate(sc, seed))) for seed in seeds])


# -- the tolerance rule --------------------------------------------------------------------
def assert_matches_theory(
    samples: np.ndarray, analytic: float, what: str, level: float = 0.99, precision: float = 0.02
) -> None:
    """The rule of every statistical theory test: the ``level`` interval over replications is
    narrow (half-width at most ``precision`` of the analytic value) and contains it."""
    mean, half = mean_half_width(samples, level)
    assert half is not None, "at least two replications are needed"
    assert half <= precision * analytic, (
        f"{level:.0%} half-width {half:.5f} h is more than {precision:.0%} of {what} = "
        f"{analytic:.5f} h: run longer"
    )
    assert mean - half <= analytic <= mean + half, (
        f"{what} = {analytic:.5f} h outside the {level:.0%} interval {mean:.5f} +- {half:.5f} h"
    )
