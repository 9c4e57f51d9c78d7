"""bordersim trucks gives the worse usual case a manager plans for, the turnaround's 95th
percentile, and the share of trucks kept at the crossing over a night (at 03:00)."""

from __future__ import annotations

import math

import pandas as pd

from sim.analysis.trucks import TripRules, figures_of, trips
from sim.model.milestones import MILESTONES, OWNERS


def _log(stays: list[tuple[float, float]]) -> pd.DataFrame:
    """Imports at port ``land``, each (arrived, left) in run hours; left NaN: still there."""
    base: dict[str, object] = {name: math.nan for name in MILESTONES}
    base.update({f"own_{o}": 0.0 for o in OWNERS})
    base.update({"port": "land", "cohort": True, "outcome": "released", "direction": "import",
                 "trader_class": "general", "commodity": "general", "release_early": False,
                 "quarantine_treat": False, "quarantine_seen": False, "trader_fees": 50.0})
    return pd.DataFrame([{**base, "arrived": a, "released": out, "exited": out}
                         for a, out in stays])


def test_a_truck_at_the_crossing_at_three_in_the_night_is_kept_overnight():
    t = trips(_log([(23.5, 24.5),     # 23:30 to 00:30: over midnight, not kept a night
                    (25.0, 32.0),     # 01:00, waits for the 08:00 shift: kept
                    (18.0, 33.0),     # 18:00 to 09:00 the next day: kept
                    (10.0, 12.0),     # a day's trip
                    (51.0, 60.0),     # arrives 03:00 exactly: at the crossing at 03:00
                    (20.0, math.nan)]), "land")  # still there at the end: kept
    assert t["overnight"].tolist() == [False, True, True, False, True, True]
    f = figures_of(t, TripRules(), days=1.0)
    assert f["overnight_share"] == 4 / 6


def test_the_95th_percentile_is_an_observed_turnaround_above_the_90th():
    t = trips(_log([(10.0, 10.0 + h) for h in range(1, 21)]), "land")  # 1 to 20 h
    f = figures_of(t, TripRules(), days=1.0)
    assert f["turnaround_h_p90"] == 18.0 and f["turnaround_h_p95"] == 19.0
