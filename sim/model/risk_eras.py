"""A timeline's changes to ``[risk]`` (and to the tables the engine reads) in the risk engine.

The risk engine decides at each consignment's assessment, so a dated change applies exactly
to the consignments decided from its date on: the engine holds its settings by era (the
scenario in force from each date of the timeline, :func:`sim.reforms.timeline.eras`) and puts
in force, before each decision, those of the decision's time. What it has learned and
counted stays: the windows of recent scores (resized when ``window`` changes; the threshold is
recomputed at the first decision of an era), the credit rules' ledger and allowances, the
labels, the alerts on their way. A partner's seizures are delivered with the settings of the
era they were made in (those made before a change with the old delay).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.risk_window import Window
from sim.scenario.schema import Scenario

if TYPE_CHECKING:
    from sim.model.risk import RiskEngine

#: the engine's attributes that follow the scenario in force (the rest is the run's state)
SETTINGS = ("cfg", "base_auc", "current_auc", "d", "mix", "prior", "caps", "floors", "ruled",
            "sharing")
#: an era's start and the engine's settings in it
Era = tuple[float, dict[str, Any]]


def settings(engine: RiskEngine) -> dict[str, Any]:
    return {name: getattr(engine, name) for name in SETTINGS}


def dated_settings(
    engine: RiskEngine, scenario: Scenario, seed: np.random.SeedSequence | None
) -> list[Era]:
    """``[(0, the engine's own settings), (t1, settings from t1), ...]``; empty without a
    timeline (then nothing changes by date and nothing is looked up)."""
    from sim.model.risk import RiskEngine
    from sim.reforms.timeline import eras

    out: list[Era] = [(0.0, settings(engine))]
    for t, era in eras(scenario)[1:]:
        other = RiskEngine(era, seed=seed)  # the era has no timeline of its own
        if other.sharing is not None:
            other.sharing.since = t  # partner seizures before t: the era before delivers them
        out.append((t, settings(other)))
    return out if len(out) > 1 else []


def apply_settings(engine: RiskEngine, era: Era) -> None:
    """Put ``era``'s settings in force in ``engine`` (at the era's start)."""
    start, new = era
    if engine.sharing is not None:  # the seizures of the era that ends, with its delays
        engine.sharing.deliver(start, engine.alerts.partner)
    old_window = engine.cfg.window
    for name in SETTINGS:
        setattr(engine, name, new[name])
    engine.alerts.cfg = engine.cfg.alert
    engine.alerts.sharing = engine.sharing
    engine.alerts.cache.clear()
    for bucket in engine.buckets.values():
        for k in list(engine.caps) + list(engine.floors):
            bucket.setdefault(k, 0.0)
    if engine.cfg.window != old_window:
        engine.windows = {k: _resized(w, engine.cfg.window) for k, w in engine.windows.items()}
    engine.next_refresh = dict.fromkeys(engine.next_refresh, -math.inf)
    if engine.cfg.learning is not None:
        engine._learn()


def _resized(window: Window, size: int) -> Window:
    """A window of ``size`` holding the latest of ``window``'s scores, oldest first."""
    buf = window.scores()
    if window.n == len(window.buf):
        buf = np.concatenate([window.buf[window.pos :], window.buf[: window.pos]])
    out = Window(size)
    out.add(buf)
    return out
