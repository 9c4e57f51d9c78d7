"""bordersim trucks counts a group that some replications lack (no truck arrived in a late
band in one of them) as 0 trucks a day there, not as missing, and prints the groups in one
order whichever replication had them first."""

from __future__ import annotations

import math

import pandas as pd

from sim.analysis.trucks import TripRules, paired_change, per_replication, weekdays_observed
from sim.model.milestones import MILESTONES, OWNERS


def _log(replication: int, arrivals: list[float]) -> pd.DataFrame:
    """One replication's log of imports at port ``land``, each an hour at the crossing."""
    base: dict[str, object] = {name: math.nan for name in MILESTONES}
    base.update({f"own_{o}": 0.0 for o in OWNERS})
    base.update({"port": "land", "cohort": True, "outcome": "released", "direction": "import",
                 "trader_class": "general", "commodity": "general", "release_early": False,
                 "quarantine_treat": False, "quarantine_seen": False, "trader_fees": 50.0,
                 "replication": replication})
    return pd.DataFrame([{**base, "arrived": a, "released": a + 1, "exited": a + 1}
                         for a in arrivals])


def test_a_band_missing_from_a_replication_counts_no_trucks_there():
    logs = [_log(0, [9.0, 10.0]), _log(1, [2.5, 9.0, 10.0])]  # one 02-04 truck, in rep 1
    table = per_replication(logs, "land", TripRules(), days=1.0)
    band = table[table["group"] == "02-04"]
    assert sorted(band["replication"]) == [0, 1]
    assert band["trucks_per_day"].mean() == 0.5  # (1 truck in one of two days, not 1)
    assert band["turnaround_h_p50"].isna().sum() == 1  # (no trucks: no turnaround)
    groups = list(dict.fromkeys(table["group"]))
    assert groups == ["all", "02-04", "08-10", "10-12"]  # (not after the bands of rep 0)


def test_a_band_the_reform_run_lacks_changes_by_all_its_trucks():
    base = per_replication([_log(0, [2.5, 9.0]), _log(1, [2.5, 9.0])], "land", TripRules(), 1.0)
    other = per_replication([_log(0, [9.0, 9.5]), _log(1, [9.0, 9.5])], "land", TripRules(),
                            1.0)
    c = paired_change(base, other)
    row = c[(c["group"] == "02-04") & (c["figure"] == "trucks_per_day")].iloc[0]
    assert row["n"] == 2 and row["change"] == -1.0


def test_by_weekday_puts_each_weeks_same_day_together_over_its_days():
    logs = [_log(0, [9.0, 24 * 7 + 9.0, 24 * 2 + 9.0, 24 * 6 + 9.0])]  # Mon, Mon, Wed, Sun
    table = per_replication(logs, "land", TripRules(), days=14.0, by="weekday")
    per_day = dict(zip(table["group"], table["trucks_per_day"], strict=True))
    assert list(per_day) == ["all", "Mon", "Wed", "Sun"]  # (the week's order, not a-z)
    assert per_day["Mon"] == 1.0 and per_day["Wed"] == 0.5  # (two of each in 14 days)
    assert per_day["all"] == 4 / 14


def test_a_weekdays_trucks_a_day_are_over_the_observed_days_of_it():
    assert weekdays_observed(42.0, 7.0).tolist() == [1] * 7
    assert weekdays_observed(0.0, 10.0).tolist() == [2, 2, 2, 1, 1, 1, 1]
    logs = [_log(0, [24 * 3 + 9.0])]  # a Thursday, the run observed from day 3 for 8 days
    table = per_replication(logs, "land", TripRules(), days=8.0, by="weekday", warmup=3.0)
    assert table.loc[table["group"] == "Thu", "trucks_per_day"].tolist() == [0.5]
