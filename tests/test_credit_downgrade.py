"""A credit downgrade as a counterfactual: ``aeo_mutual_recognition:into=discredited`` moves
a share of general traders to ``discredited``, the same consignments, as illicit as before,
now selected as discredited traders' are (what a trader asks before risking a downgrade)."""

from __future__ import annotations

import functools
import math
from pathlib import Path

import pandas as pd

import sim
from sim.reforms.compose import parse

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@functools.lru_cache(maxsize=2)
def _log(reform: str) -> pd.DataFrame:
    """One day of the small scenario with ``reform`` ("": none), its log by port and index."""
    base = sim.load_scenario(SMALL, {"days": 1, "warmup_days": 0, "drain_days": 1})
    scenario = parse(reform).apply(base) if reform else base
    log = sim.simulate(scenario, 1, log=True).log
    assert log is not None
    return log.set_index(["port", "index"]).sort_index()


def test_a_downgrade_moves_general_traders_to_discredited_and_their_checks_with_them():
    a, b = _log(""), _log("aeo_mutual_recognition:shift=0.5,into=discredited")
    both = a.index.intersection(b.index)
    before, after = (x.loc[both, "trader_class"].astype(str) for x in (a, b))
    moved = before != after
    assert list((before + " -> " + after)[moved].unique()) == ["general -> discredited"]
    general = int((before == "general").sum())
    share = moved.sum() / general
    assert abs(share - 0.5) < 3.3 * math.sqrt(0.25 / general), (share, general)
    # the same goods (the hidden truth is the traders' behaviour, not their new class) ...
    assert (a.loc[both, "illicit"].astype(str) == b.loc[both, "illicit"].astype(str)).all()
    # ... selected for an exam as discredited traders' are (0.8 here), not as before (0.03)
    was = a.loc[both][moved]["sel_physical"].astype(bool).mean()
    now = b.loc[both][moved]["sel_physical"].astype(bool).mean()
    assert was < 0.15 < 0.6 < now, (was, now)
