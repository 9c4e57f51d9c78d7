"""docs/outbreak.md, "With the risk engine": the outbreak example with the engine on. An
alert raises the selection of its own signature only after it arrives: Europe's frozen
imports are selected more often in the week after the first seizure of Europe's frozen goods
with alerts on than on the same seeds with alerts off (``risk.alert.boost = 0``). (It is not
"the engine catches up": the other signatures' alerts take inspections too, and frozen goods'
detection rate does not rise; the page says why.)"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

import sim

ASF = Path(__file__).resolve().parents[1] / "docs" / "examples" / "outbreak" / "asf.toml"
SEEDS = (0, 1)  # (each has a seizure of Europe's frozen goods in its observed days)
WEEK = 7 * 24.0


@functools.lru_cache(maxsize=4)
def _imports(boost: float, seed: int) -> pd.DataFrame:
    """Each import's assessment time, whether it was selected for a scan, exam or
    quarantine check, whether it is Europe's frozen goods and, if found, when."""
    s = sim.load_scenario(ASF, {"risk.enabled": True, "risk.alert.boost": boost, "days": 10})
    log = sim.simulate(s, seed, log=True).log
    log = log[log.direction.astype(str) == "import"]
    europe = list(s.ports["sea_port"].traffic.origins).index("europe")
    found = np.fmin(log.exam_end.fillna(np.inf), log.quarantine_end.fillna(np.inf))
    return pd.DataFrame({
        "assessed": log.assessed,
        "chosen": (log.sel_scan | log.sel_physical | log.sel_quarantine).astype(bool),
        "ours": (log.commodity.astype(str) == "frozen") & (log.origin == europe),
        "seized": found.where(log.found_by.notna(), np.inf),
    })


def _first_seizure(seed: int) -> float:
    t = _imports(1.0, seed)
    return float(t.seized[t.ours].min())


def test_europe_s_frozen_goods_are_selected_more_after_their_first_seizure():
    for seed in SEEDS:
        t0 = _first_seizure(seed)
        assert 7 * 24 < t0 < 17 * 24  # (in the observed days)
        rates = []
        for boost in (1.0, 0.0):
            t = _imports(boost, seed)
            week = t.ours & (t.assessed > t0 + 2) & (t.assessed < t0 + WEEK)
            rates.append(t.chosen[week].mean())
        on, off = rates
        assert on > off, (seed, on, off)
