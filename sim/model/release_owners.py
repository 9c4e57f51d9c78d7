"""Who owns the time to release: each owner's hours from arrival to customs' release, read
from the milestone intervals (:mod:`sim.model.intervals`), never computed apart.

The stretches ``to_release`` partition each consignment's arrival -> release and each is
booked to its owner (the exam yard's split as the clock booked it), so their hours by owner
(:func:`sim.model.intervals.owner_hours`) add up to its clearance time; its owners' hours of
the whole flow (the log's ``own_<owner>``) less them are the stretches after release (an
import's pick-up and gate, an export's wait for its cut-off). A Time Release Study asks the
first on its own: pooled with the second, the trader's day-long pick-up makes customs' part
look negligible. The intervals table's ``clearance`` rows hold them by group; this module
names them as metrics and gives each consignment's in the log (``to_release_<owner>``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from sim.model.intervals import TO_RELEASE, owner_hours, partition
from sim.model.milestones import MILESTONES, OWNERS
from sim.scenario.base import DIRECTIONS

#: the log's columns of each consignment's owners' hours to release
COLUMNS = tuple(f"to_release_{o}" for o in OWNERS)
_HOURS = [f"{o}_h" for o in OWNERS]
_CHUNK = 4096  # log rows split at a time


def log_columns(log: pd.DataFrame, crossing: np.ndarray) -> dict[str, np.ndarray]:
    """Each logged consignment's owners' hours to release (``to_release_<owner>``): those of
    its stretches to release; NaN where it was not out of the flow by the end of the run
    (the intervals split only a whole flow). ``crossing``: by port, whether its exports
    cross as trucks."""
    out = np.full((len(OWNERS), len(log)), math.nan)
    done = np.flatnonzero((log["outcome"] == "released").to_numpy())
    for start in range(0, len(done), _CHUNK):  # (a block at a time: the stretches' memory)
        at = done[start : start + _CHUNK]
        rows = log.iloc[at]
        col = {name: rows[name].to_numpy(dtype=float) for name in MILESTONES}
        own = rows[[f"own_{o}" for o in OWNERS]].to_numpy(dtype=float)
        early = (rows["release_early"] & ~rows["quarantine_treat"]
                 & ~rows["quarantine_seen"]).to_numpy()  # fmt: skip
        by_truck = np.asarray(crossing, bool)[rows["port"].cat.codes.to_numpy()]
        h = partition(col, own, early, by_truck)
        out[:, at] = owner_hours(h.hours, h.yard, (TO_RELEASE,)).T
    return {name: out[o] for o, name in enumerate(COLUMNS)}


def _groups(ports: Iterable[str]) -> list[tuple[str, str, str]]:
    """(metric suffix, intervals dimension, group): each direction, then each port's."""
    out = [(d, "direction", d) for d in DIRECTIONS]
    out += [(f"port_{p}_{d}", "port_direction", f"{p}/{d}") for p in ports for d in DIRECTIONS]
    return out


def owner_metrics(intervals: pd.DataFrame, ports: Iterable[str]) -> dict[str, float]:
    """``owner_hours_to_release_<owner>_<direction>`` (mean hours per consignment out of the
    flow: the intervals table's ``clearance`` row's ``<owner>_h``, which add up to its
    mean) and ``owner_share_to_release_<owner>_<direction>`` (their shares), then the same
    at each port (``..._port_<port>_<direction>``); NaN where there is no such consignment.
    A table without owners by group (an older version's) gives none."""
    if not {"dimension", *_HOURS} <= set(intervals.columns):
        return {}
    rows = intervals[intervals["interval"] == "clearance"]
    hours = rows[_HOURS].to_numpy(float)
    by = {(str(d), str(g)): h for d, g, h in
          zip(rows["dimension"], rows["group"], hours, strict=True)}  # fmt: skip
    out: dict[str, float] = {}
    none = np.full(len(OWNERS), math.nan)
    for suffix, dim, group in _groups(ports):
        hours = by.get((dim, group), none)
        total = float(hours.sum())
        for o, owner in enumerate(OWNERS):
            out[f"owner_hours_to_release_{owner}_{suffix}"] = float(hours[o])
            out[f"owner_share_to_release_{owner}_{suffix}"] = (
                float(hours[o] / total) if total > 0 else math.nan
            )
    return out


def owner_columns(intervals: pd.DataFrame) -> dict[str, np.ndarray]:
    """The owners table's ``mean_h_to_release_<direction>`` and ``share_to_release_...``
    columns (in the order of ``OWNERS``), from the intervals table's ``clearance`` rows."""
    m = owner_metrics(intervals, ())
    out = {}
    for d in DIRECTIONS:
        out[f"mean_h_to_release_{d}"] = np.array(
            [m.get(f"owner_hours_to_release_{o}_{d}", math.nan) for o in OWNERS])
        out[f"share_to_release_{d}"] = np.array(
            [m.get(f"owner_share_to_release_{o}_{d}", math.nan) for o in OWNERS])
    return out
