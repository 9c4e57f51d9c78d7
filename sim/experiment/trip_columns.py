"""The columns ``bordersim trucks`` reads, kept in a comparison's saved logs.

A comparison keeps each replication's log lean in memory (who gains and who loses needs a
dozen columns: :func:`sim.experiment.gains.trim_log`). ``bordersim trucks`` also needs each
truck's milestones, the owner of each wait, and whether it was examined; without them a
comparison's folder could not be read for a trucking company, and each option had to be run
apart. So, for a scenario with a land crossing, the log *saved* for each option and
replication carries those columns too, for the same rows (the observed cohort); the log held
in memory stays lean, and a saved log read back for who gains is made lean again. Measured
on the default scenario, 7 observed days, one replication: the saved log grows from 1.1 MB
to 2.6 MB (13 to 50 columns); memory is unchanged.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from sim.model.milestones import MILESTONES, OWNERS

#: what ``bordersim trucks`` reads of a log (sim.analysis.trucks.trips), beside who-gains'
TRIP_COLUMNS = tuple(dict.fromkeys((
    "cohort", "outcome", *MILESTONES, *(f"own_{o}" for o in OWNERS), "release_early",
    "quarantine_treat", "quarantine_seen", "exam_start", "quarantine_start", "trader_fees",
)))


def has_land_port(scenario: Any) -> bool:
    """Whether ``scenario`` has a land crossing (the only ports ``bordersim trucks`` reads)."""
    return any(p.mode == "land" for p in scenario.ports.values())


def with_trip_columns(trimmed: pd.DataFrame, log: pd.DataFrame, scenario: Any) -> pd.DataFrame:
    """``trimmed`` (the cohort's rows of ``log``, as :func:`trim_log` keeps them) with the
    columns of :data:`TRIP_COLUMNS` it lacks and ``log`` has, when ``scenario`` has a land
    crossing; else ``trimmed`` as it is."""
    if not has_land_port(scenario):
        return trimmed
    rows = log[log["cohort"]] if "cohort" in log else log
    extra = [c for c in TRIP_COLUMNS if c in rows and c not in trimmed]
    if not extra:
        return trimmed
    added = rows.loc[:, extra].reset_index(drop=True)
    return pd.concat([trimmed, added], axis=1)


def lean(saved: pd.DataFrame, keep: tuple[str, ...]) -> pd.DataFrame:
    """A saved log without the trucks' columns, for who gains (``keep``: who-gains' own,
    kept even where they are among the trucks')."""
    drop = [c for c in TRIP_COLUMNS if c in saved and c not in keep]
    return saved.drop(columns=drop) if drop else saved
