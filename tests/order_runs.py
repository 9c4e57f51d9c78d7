"""Short runs of the small scenario with control orders (``[[selection.orders]]``), shared by
the tests of the orders (``test_control_orders.py``) and of their samples
(``test_order_samples.py``): one cache of run logs for both."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pandas as pd

import sim
from sim.reforms.compose import apply

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
OVER = {
    "days": 4,
    "warmup_days": 0,
    "drain_days": 3,
    "ports.sea.traffic.origins": {"europe": 0.4, "asia": 0.6},
}
RISK = {"risk": {"target": 0.05, "random_share": 0.1, "window": 2000, "refresh": "1 h"}}
ORDER = {"origins": ["europe"], "commodities": ["frozen"], "checks": ["physical", "quarantine"]}
T = 48.0  # a dated order's date, hours after the start
EUROPE = 0  # (the origin's index: its place in traffic.origins)
#: pests found by the laboratory alone (none by the visual check), and many of them
LAB_ONLY = {
    "enforcement.sampling.visual_sensitivity": 0.0,
    "enforcement.prevalence": {"frozen": 0.1, "pest": 0.5},
}


def scenario(orders: list[dict] | None, risk: bool = False, lab: bool = False) -> sim.Scenario:
    """The small scenario with ``orders`` (None: none), a risk engine, pests only the
    laboratory finds."""
    over = {**OVER, **(RISK if risk else {}), **(LAB_ONLY if lab else {})}
    if orders is not None:
        over["selection.orders"] = orders
    return sim.load_scenario(SMALL, over)


@functools.lru_cache(maxsize=16)
def log(
    orders: str, text: str = "", risk: bool = False, fast: bool = True, lab: bool = False
) -> pd.DataFrame:
    """The log of one run (seed 3) with ``orders`` as JSON (a hashable key) and the reforms
    ``text``, by port and index."""
    made = scenario(json.loads(orders) if orders else None, risk, lab)
    run = sim.simulate(apply(made, text) if text else made, 3, log=True, fast=fast)
    return run.log.sort_values("index").set_index(["port", "index"])


def ordered(log: pd.DataFrame) -> pd.Series:
    """Which consignments ``ORDER`` covers: Europe's frozen imports."""
    return (
        (log.origin == EUROPE)
        & (log.commodity.astype(str) == "frozen")
        & (log.direction.astype(str) == "import")
    )
