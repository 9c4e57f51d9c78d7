"""One day of the small scenario's per-consignment log, with or without a reform that moves
traders between classes (``aeo_lapse``, ``aeo_partner_recognition``, ``credit_downgrade``):
their tests compare each consignment with itself, and share the baseline's run."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

import sim
from sim.reforms.compose import parse

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@functools.lru_cache(maxsize=4)
def class_log(reform: str) -> pd.DataFrame:
    """One day of the small scenario with ``reform`` ("": none), its log by port and index."""
    base = sim.load_scenario(SMALL, {"days": 1, "warmup_days": 0, "drain_days": 1})
    scenario = parse(reform).apply(base) if reform else base
    log = sim.simulate(scenario, 1, log=True).log
    assert log is not None
    return log.set_index(["port", "index"]).sort_index()
