"""The green lane in bulk: consignments that meet no lane, finished with numpy.

This is :func:`sim.model.flow.clearance` restricted to a path with no review, no check and no
gate, written on arrays: lodging, assessment, release and exit are arithmetic, and so is the
booking of time to owners. ``tests/test_fast_path.py`` runs scenarios with and without it and
requires identical results, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from sim.model import consignment as C
from sim.model.milestones import (
    CUSTOMS,
    N_MILESTONES,
    QUARANTINE,
    TERMINAL,
    TRADER,
    M,
)

if TYPE_CHECKING:
    from sim.model.port import PortModel


@dataclass
class GreenBlock:
    port: int
    index: np.ndarray
    arrived: np.ndarray
    req: np.ndarray  # requirement rows (as in Consignment.req)
    m: np.ndarray  # milestones (k, N_MILESTONES)
    own: np.ndarray  # hours by owner (k, 5)


def green_flow(
    port: PortModel, index: np.ndarray, arrived: np.ndarray, req: np.ndarray
) -> GreenBlock:
    k = len(arrived)
    m = np.full((k, N_MILESTONES), np.nan)
    own = np.zeros((k, 5))
    cursor = arrived.copy()

    def to(t: np.ndarray, owner: int) -> None:
        gain = np.maximum(t - cursor, 0.0)
        own[:, owner] += gain
        np.maximum(cursor, t, out=cursor)

    discharged = req[:, C.R_DISCHARGED]
    m[:, M["arrived"]] = arrived
    m[:, M["discharged"]] = discharged
    advance = req[:, C.R_ADVANCE] > 0
    t = np.where(advance, arrived - req[:, C.R_ADVANCE_LEAD], arrived + req[:, C.R_LODGING])
    m[:, M["lodged"]] = t
    to(t, TRADER)
    lodged_q = t
    if port.separate_declarations:
        lodged_q = t + req[:, C.R_SECOND]
        m[:, M["lodged_quarantine"]] = lodged_q
    m[:, M["accepted"]] = t
    to(t, CUSTOMS)
    t = t + port.assess
    m[:, M["assessed"]] = t
    to(t, CUSTOMS)
    if port.separate_declarations:
        q_done = lodged_q + req[:, C.R_FORM]
        m[:, M["quarantine_cleared"]] = q_done
        later = q_done > t
        t = np.where(later, q_done, t)
        own[:, QUARANTINE] += np.where(later, np.maximum(t - cursor, 0.0), 0.0)
        np.maximum(cursor, np.where(later, t, cursor), out=cursor)
    t = np.maximum(t, arrived)
    m[:, M["released"]] = t
    to(t, CUSTOMS)
    t = np.maximum(t, discharged)
    to(t, TERMINAL)
    t = t + req[:, C.R_PICKUP]
    to(t, TRADER)
    m[:, M["exited"]] = t
    return GreenBlock(port.index, index, arrived, req, m, own)
