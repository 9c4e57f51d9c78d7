"""Every lane a port can build, declared once: its key (in the resources table and
``costs.staff``), its path in a port's scenario table, the cost activity whose consignments
share its cost, and whether dated capacity windows may name it.

The lists that name every lane are views of :data:`CATALOGUE`: the model's
(``sim.model.port_lanes.LANES``), the windows' (``sim.scenario.capacity_windows``), the
prices' (``sim.scenario.costs.LANE_KEYS``), the activities' (``sim.model.cost_activities``)
and the paths' (``sim.scenario.dormant.LANE_PATHS``). It imports nothing of the model or the
schema, so the scenario layer reads it without importing the model (``tests/test_lane_lists.py``
checks it against the lanes the ports build).
"""

from __future__ import annotations

from typing import NamedTuple


class LaneEntry(NamedTuple):
    """One lane: ``key``; ``path`` after ``ports.<port>.`` (None: a pool made of other lanes,
    with no table of its own); ``activity`` (``sim.model.cost_activities.ACTIVITIES``);
    ``windows``: a dated capacity window may name it; ``pool``: cross-trained officers
    pooled from other lanes; ``after_release``: its goods are released (the exit gate);
    ``optional``: a lane only some ports have (a transit desk)."""

    key: str
    path: str | None
    activity: str
    windows: bool = True
    pool: bool = False
    after_release: bool = False
    optional: bool = False


#: every lane, in the model's order (the order capacity windows list and change them)
CATALOGUE = (
    LaneEntry("gate", "release.gate", "declaration", after_release=True),
    LaneEntry("declaration_review", "review", "declaration"),
    LaneEntry("document_check", "document_check", "document"),
    LaneEntry("scanners", "scan.scanners", "scan"),
    LaneEntry("image_officers", "scan.image_review.officers", "image"),
    # (exam teams and quarantine officers pooled, for cross-trained joint examinations)
    LaneEntry("exam_officers", None, "yard", pool=True),
    LaneEntry("exam_bays", "exam.bays", "exam"),
    # (they move goods to examinations and quarantine checks alike)
    LaneEntry("movers", "exam.movers", "yard"),
    LaneEntry("exam_teams", "exam.teams", "exam"),
    LaneEntry("quarantine_officers", "quarantine.officers", "quarantine"),
    LaneEntry("cold_chain_teams", "quarantine.cold_chain.teams", "quarantine"),
    LaneEntry("cold_chain_warehouse", "quarantine.cold_chain.warehouse", "quarantine"),
    # (the transit goods it sealed)
    LaneEntry("transit_desk", "transit.desk", "transit", optional=True),
    # (rejected goods' destruction or treatment under quarantine's supervision)
    LaneEntry("disposal_facility", "quarantine.disposal_facility", "quarantine", optional=True),
)


def _priced_order(lane: LaneEntry) -> tuple[bool, bool, bool]:
    """Where a lane comes in the prices' and paths' order: the lanes to release, then the
    pools, the gate after release, the optional lanes last (each part in catalogue order)."""
    return lane.optional, lane.after_release, lane.pool


#: every lane's key, in the model's order
KEYS = tuple(lane.key for lane in CATALOGUE)
#: the lanes as ``costs.staff`` and a port's tables list them (:func:`_priced_order`)
PRICED = tuple(sorted(CATALOGUE, key=_priced_order))
#: the lane keys a dated capacity window may name, in the model's order
WINDOW_KEYS = tuple(lane.key for lane in CATALOGUE if lane.windows)
#: a lane's path in a port (after ``ports.<port>.``) -> its key, pools left out
PATHS = {lane.path: lane.key for lane in PRICED if lane.path is not None}
#: the cost activity each lane serves
ACTIVITY = {lane.key: lane.activity for lane in CATALOGUE}
