"""Draws after the checks: release, the exam yard, the flow rules and loading."""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.model.draws.base import (
    AEO_CLASSES,
    box_times,
    by_commodity,
    declare,
    exports_of,
    service_times,
)
from sim.model.registry import Context


# --- release -----------------------------------------------------------------------------
@declare("pickup", 31)
def _pickup(x: Context, u: np.ndarray) -> np.ndarray:
    return x.times(None if x.export else x.port.release.pickup, u)


@declare("direct_pickup", 31, "bool", low=True)
def _direct_pickup(x: Context, u: np.ndarray) -> np.ndarray:
    """The trader signed up for ship-side pick-up (used if the goods are not inspected)."""
    d = None if x.export else x.port.release.direct
    return u < (d.share if d is not None else 0.0)


@declare("gate_time", 32)
def _gate(x: Context, u: np.ndarray) -> np.ndarray:
    return service_times(x, None if x.export else x.port.release.gate, u)


@declare("quarantine_move", 33)
def _quarantine_move(x: Context, u: np.ndarray) -> np.ndarray:
    """Separate inspections: the quarantine examination's own move to the bay (and back)."""
    return box_times(x, x.port.exam.move if x.port.exam else None, u)


# --- the exam yard (columns 38-41) ------------------------------------------------------
def _attendance(x: Context) -> Any:
    return x.port.exam.trader_attendance if x.port.exam else None


@declare("attend", 38, "bool")
def _attend(x: Context, u: np.ndarray) -> np.ndarray:
    """The trader must attend the examination."""
    a = _attendance(x)
    return u < (a.share if a else 0.0)


@declare("attend_delay", 39)
def _attend_delay(x: Context, u: np.ndarray) -> np.ndarray:
    """From the booking of the examination to the trader's arrival at the yard."""
    a = _attendance(x)
    return x.times(a.delay if a else None, u)


@declare("premises", 40, "bool")
def _premises(x: Context, u: np.ndarray) -> np.ndarray:
    """An AEO trader's examination done at its own premises (no bay, no mover)."""
    share = x.port.exam.aeo_premises if x.port.exam else 0.0
    return (u < share) & np.isin(x.values["trader_class"], AEO_CLASSES)


@declare("move_out", 41)
def _move_out(x: Context, u: np.ndarray) -> np.ndarray:
    """Moving the declaration's containers back from the bay to the yard."""
    return box_times(x, x.port.exam.move if x.port.exam else None, u)


# --- flow rules (columns 42-44) ----------------------------------------------------------
@declare("statutory", 42, "bool")
def _statutory(x: Context, u: np.ndarray) -> np.ndarray:
    """Subject to statutory inspection (the goods inspection & quarantine deals with)."""
    return np.asarray(u < by_commodity(x, "statutory"))


@declare("quarantine_treat", 43, "bool")
def _treat(x: Context, u: np.ndarray) -> np.ndarray:
    """Treated (fumigation, heat) and released, if checked; never when rejected."""
    return np.asarray(u < by_commodity(x, "quarantine_treat"))


@declare("treatment_time", 44)
def _treatment_time(x: Context, u: np.ndarray) -> np.ndarray:
    q = x.port.quarantine
    return x.times(q.treatment if q else None, u)


# --- loading (exports) ---------------------------------------------------------------------
@declare("loading_delay", 34)
def _loading_delay(x: Context, u: np.ndarray) -> np.ndarray:
    """From release to loading / crossing, where the port gives a delay, not a schedule."""
    e = exports_of(x)
    return x.times(e.loading.delay if e is not None else None, u)


@declare("direct_loading", 34, "bool", low=True)
def _direct_loading(x: Context, u: np.ndarray) -> np.ndarray:
    """The exporter signed up for direct loading (used if the goods are not inspected)."""
    e = exports_of(x)
    d = e.loading.direct if e is not None else None
    return u < (d.share if d is not None else 0.0)
