"""A timeline at a crossing with an approach (docs/trucks.md): a truck follows the era in
force at its assessment as its log records it, whether a risk engine or the selection
tables decide; its lodging, its whole lead before the entry, does not decide it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import sim
from sim.model.run import simulate

ROOT = Path(__file__).resolve().parent.parent
BEILUN = ROOT / "scenarios/beilun-border.toml"  # Dongxing: a road crossing, half its imports
# declared 1-24 h ahead, a review desk shut at night
RISK = {"enabled": True, "target": 0.05, "random_share": 0.1, "window": 2000, "refresh": "1 h"}
T = 30.0  # the era's start, hours after the run's start
SHORT = {
    "days": 2, "warmup_days": 1, "drain_days": 1,
    "ports.dongxing.approach": {"inside": 4, "parking": 10},
    "timeline": [{"reform": "single_window", "at": f"{T:g} h"}],
}


def _eras(monkeypatch: pytest.MonkeyPatch, over: dict[str, Any]) -> pd.DataFrame:
    """A short run's Dongxing log with the era each truck was handed to (0: the first
    rules, 1: the timeline's)."""
    from sim.model.port import Port  # (here: after the model, whose modules import it in order)

    era: dict[int, int] = {}
    hand_on = Port._hand_on

    def recorded(port: Any, index: np.ndarray, *args: Any, **kw: Any) -> None:
        if port.name == "dongxing":  # (a later era's Port has no eras of its own)
            era.update(dict.fromkeys(index.tolist(), 0 if port.eras else 1))
        hand_on(port, index, *args, **kw)

    monkeypatch.setattr(Port, "_hand_on", recorded)
    log = simulate(sim.load_scenario(BEILUN, {**SHORT, **over}), 1, log=True).log
    assert log is not None
    log = log[(log["port"] == "dongxing") & log["assessed"].notna()].copy()
    log = log[log["index"].isin(era)].copy()  # (trucks: no smuggling group's attempt)
    log["era"] = log["index"].map(era)
    return log


@pytest.mark.parametrize("over", [{"risk": RISK}, {}], ids=["risk engine", "tables"])
def test_a_trucks_era_follows_its_recorded_assessment(
    monkeypatch: pytest.MonkeyPatch, over: dict[str, Any]
) -> None:
    log = _eras(monkeypatch, over)
    after = log["assessed"] >= T
    # trucks lodged before the date, entering and assessed after it: the later rules
    lodged_before = after & (log["lodged"] < T) & (log["arrived"] >= T)
    assert lodged_before.sum() > 5 and (log["reached"] < T).sum() > 20
    assert (log.loc[lodged_before, "era"] == 1).all(), log[lodged_before & (log["era"] == 0)]
    # none assessed before the date under the later rules
    assert (log.loc[~after, "era"] == 0).all()
    # assessed after it under the earlier rules: only where a wait in the review queue
    # carried the assessment over (the one approximation, sim.model.eras.era_of)
    start = np.maximum(log["lodged"], log["arrived"])
    planned = start + log["review_time"] + (log["assessed"] - log["accepted"])
    carried = log["review"].astype(bool) & (planned < T)
    kept = after & (log["era"] == 0)
    assert not (kept & ~carried).any(), log[kept & ~carried]
