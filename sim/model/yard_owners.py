"""Whose time holds a box on the terminal's ground before customs' release: a box's yard
dwell to release (:mod:`sim.model.yard_dwell`) split by the owners of waiting time
(:data:`sim.model.milestones.OWNERS`).

The Time Release Study stretches to release (:mod:`sim.model.intervals`) tile each
consignment's arrival -> release, each booked to its owner. The part of that chain after the
box is on the ground (an import's discharge, an export's gate-in) is its dwell to release, so
each stretch is cut to that span and its hours there go to its owner: the trader's lodging or
quarantine declaration late, customs' queues and checks, quarantine's check, laboratory and
form, the terminal's wait for the discharge. The exam yard's span (its waits and moves,
whose owners the journey's clock booked, and the examinations within it) is cut the same way
and its part there shared among its owners in proportion to their hours in the whole span.
The cut parts telescope, so per box the owners' hours add up to the dwell to release.

A rejected box kept for its disposal (:mod:`sim.model.disposal_yard`) has no release: its
hours on the ground before the rejection are shared in proportion to its owners' hours of
the whole flow (the journey's clock), customs' where it has none.
"""

from __future__ import annotations

import numpy as np

from sim.model.intervals import TO_RELEASE, Hours, owner_of, partition
from sim.model.milestones import CUSTOMS, MILESTONES, OWNERS, QUARANTINE
from sim.model.recorder_rows import _S, _SMS, _SOWN
from sim.stretches import STRETCHES

#: the metrics' stem: ``yard_dwell_h_to_release_<owner>_port_<port>_<direction>``
STEM = "yard_dwell_h_to_release"
#: the stretches to release with one owner, each with its owner's position (the
#: examinations are cut with the exam yard's span, in which they lie)
_OWNED = tuple((s.name, o) for s in STRETCHES
               if s.kind == TO_RELEASE and (o := owner_of(s)) is not None
               and s.name not in ("physical_exam", "quarantine_check"))  # fmt: skip


def _cut(start: np.ndarray, end: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The signed part of each stretch ``start -> end`` within ``lo -> hi`` (0 where the
    stretch was not passed): consecutive stretches' parts add up to their span's."""
    part: np.ndarray = np.nan_to_num(np.clip(end, lo, hi) - np.clip(start, lo, hi))
    return part


def _exam_yard(h: Hours, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The exam yard's span (its owners' waits and moves and the examinations within it)
    within ``lo -> hi``, shared among its owners by their hours in the whole span."""
    exams = np.nan_to_num(h.hours["physical_exam"]), np.nan_to_num(h.hours["quarantine_check"])
    parts = np.array(h.yard, float)
    parts[:, CUSTOMS] += exams[0]
    parts[:, QUARANTINE] += exams[1]
    start = h.start["exam_yard"]  # (its span ends where the box is back: ``inspected``)
    inside = _cut(start, start + h.hours["exam_yard"] + exams[0] + exams[1], lo, hi)
    total = parts.sum(axis=1)
    share = np.divide(inside, total, out=np.zeros_like(total), where=total != 0)
    out: np.ndarray = parts * share[:, None]
    return out


def held_by_owner(a: np.ndarray, on_ground: np.ndarray, held: np.ndarray) -> np.ndarray:
    """Each released row's (the recorder's STATS layout) hours on the ground before release,
    ``on_ground -> on_ground + held``, by owner (rows x ``OWNERS``)."""
    col = {name: a[:, _SMS + i] for i, name in enumerate(MILESTONES)}
    early = (a[:, _S["release_early"]] > 0) & (a[:, _S["quarantine_treat"]] == 0) & (
        a[:, _S["quarantine_seen"]] == 0
    )
    h = partition(col, a[:, _SOWN:], early, np.zeros(len(a), bool))
    lo = on_ground
    hi = on_ground + np.nan_to_num(held)
    out = _exam_yard(h, lo, hi)
    for name, o in _OWNED:
        start = h.start.get(name)
        if start is not None:
            out[:, o] += _cut(start, start + h.hours[name], lo, hi)
    return out


def held_pro_rata(a: np.ndarray, held: np.ndarray) -> np.ndarray:
    """Rejected rows' hours on the ground before the rejection (``held``) by owner, in
    proportion to their owners' hours of the whole flow (customs' where they have none)."""
    own = np.clip(np.nan_to_num(a[:, _SOWN:]), 0.0, None)
    total = own.sum(axis=1)
    none = total <= 0
    own[none, CUSTOMS], total[none] = 1.0, 1.0
    out: np.ndarray = own * (np.nan_to_num(held) / total)[:, None]
    return out


def owner_metrics(tail: str, boxes: float, box_h: np.ndarray) -> dict[str, float]:
    """``yard_dwell_h_to_release_<owner>_<tail>``: each owner's mean hours per box on the
    ground before release (of its box-hours ``box_h``, in the order of ``OWNERS``); NaN
    where no box was counted."""
    return {f"{STEM}_{owner}_{tail}": float(box_h[o] / boxes) if boxes else float("nan")
            for o, owner in enumerate(OWNERS)}
