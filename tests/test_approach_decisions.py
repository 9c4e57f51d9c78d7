"""A risk engine at a port with an approach (docs/trucks.md, docs/risk-analyst.md): every
decision uses the state of the run at most ``refresh`` (an hour) before the consignment's
assessment, and never a later one, whether its truck queued or not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import sim
from sim.model.decision_clock import DecisionClock

ROOT = Path(__file__).resolve().parent.parent
BEILUN = ROOT / "scenarios/beilun-border.toml"  # Dongxing: a road crossing, half its imports
# declared 1-24 h ahead
RISK = {"enabled": True, "target": 0.05, "random_share": 0.1, "window": 2000, "refresh": "1 h"}
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 1, "risk": RISK}


def state_age(path: Path, over: dict[str, object]) -> tuple[pd.DataFrame, np.ndarray]:
    """A short run's decided consignments (its log's rows) and, for each, the hours from the
    state its decision used to its assessment (or to the run's start, for one assessed
    before it: no earlier state exists)."""
    with DecisionClock() as clock:
        log = sim.simulate(sim.load_scenario(path, over), 1, log=True).log
    assert log is not None
    at = pd.Series(clock.at)
    keys = pd.MultiIndex.from_arrays([log["port"].astype(str), log["index"].astype(int)])
    state = at.reindex(keys).to_numpy(float)
    age = np.maximum(log["assessed"].to_numpy(float), 0.0) - state
    decided = ~np.isnan(age)
    return log[decided], age[decided]


def test_decisions_at_a_crossing_with_an_approach_use_state_at_most_an_hour_old():
    queued = {**SHORT, "ports.dongxing.approach": {"inside": 4, "parking": 10}}
    log, age = state_age(BEILUN, queued)
    advance = log["lodged"] < log["arrived"]
    assert (log["port"] == "dongxing").sum() > 100 and advance.sum() > 50
    assert (log["reached"] < log["arrived"]).sum() > 10  # (a queue formed)
    # never a state later than the assessment, never one more than an hour before it
    assert age.min() >= -1e-9, log[age < -1e-9][["index", "arrived", "assessed"]].head()
    assert age.max() <= 1.0 + 1e-9
