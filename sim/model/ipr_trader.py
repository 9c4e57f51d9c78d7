"""What a suspension for the right holder's reply costs the trader: storage and demurrage of
the container held (``enforcement.ipr`` with ``[costs]``; :mod:`sim.model.ipr_hold` holds it).

A recorded brand's goods whose holder does not ask for detention wait out the reply days
(:mod:`sim.model.ipr_calendar`) in the yard, at the importer's or exporter's cost. Their
storage is charged at the scenario's own rate, ``costs.trader.storage`` of the port's mode
(per container and day, after the free period from discharge, else arrival; a started day
whole where the port bills so), as the trader's ``storage`` charges the stay to the goods'
exit (or loading): what the hold adds to it, the stay's charge less that of the stay the
hold's hours shorter, times the containers (a truck or a parcel counts as one). Free time
the hold uses up is not free later: goods that stay on past the free period pay for the
whole hold, however much of it fell inside that period. It is the hold's part of the
trader's ``storage`` (already in the trader's cost), reported apart, not added again.
Counted as the cost tally counts: observed consignments released by the run's end.
The finding is the exam's end (the box
back, ``inspected``) or, found by a quarantine check only, its laboratory result if any.
Metrics, pooled and ``_<direction>``: ``ipr_trader_hold_cost`` (the run's total),
``ipr_trader_hold_cost_per_held`` (per consignment so held; NaN where none); both NaN in a
scenario without ``[costs]`` (no rate), none without ``enforcement.ipr``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.model.ipr_calendar import DAY, calendar_of, reply_end
from sim.model.milestones import M
from sim.model.recorder_rows import _S, _SMS
from sim.scenario.base import DIRECTIONS

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: a held row's columns (:func:`held_rows`)
HELD = ("port", "direction", "containers", "landed", "found", "left")


def held_rows(a: np.ndarray, by_exam: np.ndarray) -> np.ndarray:
    """The :data:`HELD` columns of statistics rows ``a`` held for the reply (``by_exam``:
    found by the physical exam, else by a quarantine check)."""
    def at(name: str) -> np.ndarray:
        return a[:, _SMS + M[name]]

    landed = np.where(np.isnan(at("discharged")), at("arrived"), at("discharged"))
    found = found_at(a, by_exam)
    left = np.fmax(at("exited"), at("loaded"))  # (NaN: still there at the end: the hold's)
    cols = (a[:, _S["port"]], a[:, _S["direction"]], a[:, _S["containers"]], landed, found,
            left)
    return np.column_stack(cols)


def found_at(a: np.ndarray, by_exam: np.ndarray) -> np.ndarray:
    """When the counterfeits of statistics rows ``a`` were found (the holder notified): the
    exam's end (the box back, ``inspected``) if ``by_exam``, else the later of it and the
    laboratory's result (a quarantine check's finding). Also the detained goods' start
    (:mod:`sim.model.ipr`)."""
    inspected, lab = a[:, _SMS + M["inspected"]], a[:, _SMS + M["lab_end"]]
    return np.asarray(np.where(by_exam, inspected, np.fmax(inspected, lab)))


def hold_costs(held: np.ndarray, scenario: Scenario) -> np.ndarray:
    """Each held row's storage for the reply days (module docstring)."""
    ipr, costs = scenario.enforcement.ipr, scenario.costs
    assert ipr is not None and costs is not None
    rates = [costs.trader.storage_for(s.mode) for s in scenario.ports.values()]
    port = held[:, 0].astype(int)
    per_day = np.array([r.per_container_day for r in rates])[port]
    free = np.array([r.free for r in rates])[port]
    started = np.array([r.billing == "per_started_day" for r in rates], bool)[port]
    office, closures = calendar_of(scenario)
    end = np.array([reply_end(t, ipr.reply_days, office, closures) for t in held[:, 4]])
    in_yard = np.fmax(held[:, 5], end) - held[:, 3]  # (to the exit, else the hold's end)

    def billed(hours: np.ndarray) -> np.ndarray:  # (days charged, as the trader's storage)
        days = np.maximum(hours - free, 0.0) / DAY
        return np.asarray(np.where(started, np.ceil(days - 1e-9), days))

    days = billed(in_yard) - billed(in_yard - (end - held[:, 4]))
    return np.asarray(per_day * held[:, 2] * days)


def trader_hold_metrics(held: np.ndarray, scenario: Scenario) -> dict[str, float]:
    """The module's metrics (none without ``enforcement.ipr``; NaN without ``[costs]``:
    no rate to charge by)."""
    if scenario.enforcement.ipr is None:
        return {}
    costed = scenario.costs is not None
    cost = hold_costs(held, scenario) if len(held) and costed else np.zeros(len(held))
    direction = held[:, 1].astype(int)
    out = {}
    for tail, rows in (("", np.ones(len(held), bool)),
                       *((f"_{d}", direction == i) for i, d in enumerate(DIRECTIONS))):
        total, n = float(cost[rows].sum()) if costed else math.nan, int(rows.sum())
        out[f"ipr_trader_hold_cost{tail}"] = total
        out[f"ipr_trader_hold_cost_per_held{tail}"] = total / n if n else math.nan
    return out
