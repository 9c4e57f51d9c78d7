"""The rows the recorder keeps (see :mod:`sim.model.recorder`): the log's columns, the short
row kept for statistics and where each field sits in it, and the groups the clearance
statistics are kept by."""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import itemgetter

import numpy as np

from sim.model.draws import REQUIREMENTS, R
from sim.model.finders import COLUMNS as TRUTH_COLUMNS
from sim.model.finders import DOC, PHYSICAL, QUARANTINE, SCAN, checks_bits
from sim.model.milestones import CENSORED, CHANNELS, MILESTONES, OWNERS, M, channel_code_many
from sim.scenario.schema import DIRECTIONS, MODES, TRADER_CLASSES

HEAD = ("port", "index", "cohort", "outcome", "channel")
#: after the owners' hours, a rejected lot's wait for a place at the disposal facility
#: (sim/model/disposal_facility.py; 0 for every other consignment)
COLUMNS = (HEAD + REQUIREMENTS + MILESTONES + tuple(f"own_{o}" for o in OWNERS)
           + ("disposal_wait",))
#: the short row kept for statistics (the log keeps COLUMNS)
STATS = (
    "port",
    "outcome",
    "channel",
    "direction",
    "commodity",
    "trader_class",
    "containers",
    *("value", "attend", "premises"),  # for costs (sim/model/costbook.py)
    # whether goods sampled were released before the laboratory's result (the intervals:
    # sim/model/intervals.py)
    *("release_early", "quarantine_treat", "quarantine_seen"),
    "recorded",  # a counterfeit of a brand recorded with customs (sim/model/ipr.py)
    "integrated",  # out of transit under clearance integration (通关一体化, the groups below)
    "transit",  # came in transit (转关), known from arrival: censored ones too (transit_cohort)
    "review",  # sent to an officer's review, where the port has a lane (review_tally.py)
    "disposal_wait",  # a rejected lot's hours waiting at the disposal facility (yard, costs)
    "checks",
    *(f"truth_{i}" for i in range(len(TRUTH_COLUMNS))),
)
_S = {name: i for i, name in enumerate(STATS)}
_SMS = len(STATS)
_SOWN = _SMS + len(MILESTONES)
_TRUTH = slice(_S["truth_0"], _SMS)
_EXITED, _LOADED = M["exited"], M["loaded"]
FLUSH = 4096
_ATTRS = [R.direction, R.commodity, R.trader_class, R.containers, R.value, R.attend, R.premises,
          R.release_early, R.quarantine_treat, R.quarantine_seen, R.recorded,
          R.integrated, R.transit, R.review]  # fmt: skip
_DIRECTION = R.direction
_attrs, _truth = itemgetter(*_ATTRS), itemgetter(*TRUTH_COLUMNS)  # a row's STATS fields
_POST = MODES.index("post")
METRICS = ("clearance", "overall_clearance", "departure", "declared_to_release",
           "arrival_to_lodgement", "release_to_exit")
#: how goods reach the office, for the ``transit_direction`` split: cleared where they
#: arrived, in transit (转关) from an entry port, or cleared as if direct under clearance
#: integration (通关一体化: goods that would have come in transit without it); an export
#: never travels in transit
ARRIVALS = ("direct", "transit", "integrated")
_TRANSIT_ARRIVED = _SMS + M["transit_arrived"]


def tally(into: np.ndarray, *index: np.ndarray) -> None:
    """Add one to ``into`` at each position the ``index`` arrays give (one per axis): what
    ``np.add.at(into, index, 1)`` does for integer counts, some 15 times faster. A few counts
    in a large table (a flush's stretches in the intervals' histograms) add only to the cells
    counted, not a table-sized count."""
    flat = np.ravel_multi_index(index, into.shape)
    if flat.size * 16 < into.size:
        cells, counts = np.unique(flat, return_counts=True)
        into.flat[cells] += counts.astype(into.dtype, copy=False)
        return
    cells = np.bincount(flat, minlength=into.size)
    into += cells.reshape(into.shape).astype(into.dtype, copy=False)


def add_rows_at(into: np.ndarray, rows: np.ndarray, values: np.ndarray) -> None:
    """Add each row of ``values`` to row ``rows[i]`` of ``into`` read as rows of its last
    axis (C-contiguous): what ``np.add.at`` does with rows of a 2-d array, the same
    additions in the same order (so bit for bit), as one 1-d ``np.add.at`` over the flat
    cells, numpy's fast path: some three times faster."""
    width = values.shape[1]
    flat = into.reshape(-1)
    if not np.shares_memory(flat, into):  # (a copy: the sums would go nowhere)
        raise ValueError("add_rows_at needs a C-contiguous array to add into")
    np.add.at(flat, (rows[:, None] * width + np.arange(width)).ravel(), values.ravel())


def sums_by(cells: np.ndarray, values: np.ndarray, groups: int) -> np.ndarray:
    """Sums of ``values`` (rows of columns) by ``cells`` (the same shape: each value's group
    times the number of columns, plus its column), as ``groups`` rows of the columns; each
    cell sums its values in row order, as one ``np.bincount`` a column would."""
    flat = np.bincount(cells.ravel(), weights=values.ravel(), minlength=groups * values.shape[1])
    return flat.reshape(groups, values.shape[1])


def _dimensions(
    ports: list[str],
    commodities: list[str],
    periods: int = 0,
    goods: bool = False,
    transit: bool = False,
) -> dict[str, list[str]]:
    """The groups the clearance statistics are kept by, per dimension; with a timeline's
    ``periods`` (two or more), also by period of arrival (``era_0``, ``era_1``, ...), by
    period and direction and by period, port and direction (a hub's own peak day); with
    ``goods`` (a post hub beside goods ports), goods declarations by direction apart from
    the parcels (China counts parcel lists apart);
    with ``transit`` (a port with transit goods, 转关), the goods that came in transit
    from an entry port apart from those cleared where they arrived and from those clearance
    integration took out of transit, by direction."""
    eras = [f"era_{k}" for k in range(periods)] if periods > 1 else []
    return {
        **_fixed_dimensions(ports, commodities),
        **({"era": eras, "era_direction": [f"{e}/{d}" for e in eras for d in DIRECTIONS],
            "era_port_direction": [f"{e}/{p}/{d}" for e in eras for p in ports
                                   for d in DIRECTIONS]}
           if eras else {}),
        **({"goods_direction": [*DIRECTIONS, "parcels"]} if goods else {}),
        **({"transit_direction": [f"{k}/{d}" for k in ARRIVALS for d in DIRECTIONS]}
           if transit else {}),
    }


def _fixed_dimensions(ports: list[str], commodities: list[str]) -> dict[str, list[str]]:
    return {
        "all": ["all"],
        "port": ports,
        "mode": list(MODES),
        "direction": list(DIRECTIONS),
        "port_direction": [f"{p}/{d}" for p in ports for d in DIRECTIONS],
        "channel": list(CHANNELS),
        "commodity": commodities,
        "trader_class": list(TRADER_CLASSES),
        # class within direction (an AEO's import and export are different flows)
        "direction_class": [f"{d}/{c}" for d in DIRECTIONS for c in TRADER_CLASSES],
        # class within port and direction, so a mix effect (AEOs concentrated at a slow
        # port) is not read as the value of a class
        "port_direction_class": [
            f"{p}/{d}/{c}" for p in ports for d in DIRECTIONS for c in TRADER_CLASSES
        ],
        # channel within port and direction (a channel differs between a sea port, an
        # airport and a land border: pooled, ``scan`` is mostly a post hub's parcels)
        "port_direction_channel": [
            f"{p}/{d}/{c}" for p in ports for d in DIRECTIONS for c in CHANNELS
        ],
    }


def censor_row(
    m: Sequence[float], own: Sequence[float], late: Sequence[float] | None, end: float
) -> tuple[list[float], Sequence[float]]:
    """A censored consignment's milestones and owners' hours as they stood at the run's end
    ``end``: a milestone after it was not reached (NaN), and the hours booked after it
    (``late``, by owner) are taken off."""
    cut = [math.nan if x > end else x for x in m]
    if late is not None:
        own = [max(o - x, 0.0) for o, x in zip(own, late, strict=True)]
    return cut, own


def censor_block(
    m: np.ndarray, own: np.ndarray, late: np.ndarray, end: float, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`censor_row` on a block's ``rows`` (the others are kept as they are)."""
    if not rows.any():
        return m, own
    m, own = m.copy(), own.copy()
    cut = m[rows]
    cut[cut > end] = np.nan
    m[rows] = cut
    own[rows] = np.maximum(own[rows] - late[rows], 0.0)
    return m, own


def transit_codes(
    transit_arrived: np.ndarray, integrated: np.ndarray, direction: np.ndarray
) -> np.ndarray:
    """Each row's group of ``transit_direction``: came in transit (its arrival here is set
    only for such goods), taken out of transit by clearance integration, or neither, by
    direction (:data:`ARRIVALS`' order); the clearance statistics and the cost book alike."""
    arrival = np.where(~np.isnan(transit_arrived), 1, 2 * (integrated > 0))
    codes: np.ndarray = arrival * len(DIRECTIONS) + direction
    return codes


def group_codes(
    a: np.ndarray,
    port_mode: np.ndarray,
    periods: np.ndarray | None = None,
    goods: bool = False,
    transit: bool = False,
) -> dict[str, np.ndarray]:
    """Each statistics row's group code in every dimension of :func:`_dimensions` (with a
    timeline's ``periods``, the period of the timeline its goods arrived in too; with
    ``goods``, its direction, or parcels at a post hub; with ``transit``, whether it
    reached this office in transit, was taken out of transit by clearance integration or
    neither, and its direction)."""
    port = a[:, _S["port"]].astype(int)
    direction = a[:, _S["direction"]].astype(int)
    cls = a[:, _S["trader_class"]].astype(int)
    eras = {}
    if periods is not None:
        k = np.maximum(np.searchsorted(periods, a[:, _SMS + M["arrived"]], side="right") - 1, 0)
        eras = {"era": k, "era_direction": k * len(DIRECTIONS) + direction,
                "era_port_direction": (k * len(port_mode) + port) * len(DIRECTIONS) + direction}
    if goods:
        eras["goods_direction"] = np.where(port_mode[port] == _POST, len(DIRECTIONS), direction)
    if transit:
        eras["transit_direction"] = transit_codes(a[:, _TRANSIT_ARRIVED],
                                                  a[:, _S["integrated"]], direction)
    return {
        "all": np.zeros(len(a), int),
        "port": port,
        "mode": port_mode[port],
        "direction": direction,
        "port_direction": port * len(DIRECTIONS) + direction,
        "channel": a[:, _S["channel"]].astype(int),
        "commodity": a[:, _S["commodity"]].astype(int),
        "trader_class": cls,
        "direction_class": direction * len(TRADER_CLASSES) + cls,
        "port_direction_class": (port * len(DIRECTIONS) + direction) * len(TRADER_CLASSES)
        + cls,
        "port_direction_channel": (port * len(DIRECTIONS) + direction) * len(CHANNELS)
        + a[:, _S["channel"]].astype(int),
        **eras,
    }


class OwnerTally:
    """Owners' hours of the consignments out of the flow, by direction (imports and exports
    apart: a pooled share hides whose time each waits on), and how many there were."""

    def __init__(self) -> None:
        self.hours = np.zeros((len(DIRECTIONS), len(OWNERS)))
        self.n = np.zeros(len(DIRECTIONS), np.int64)

    def add(self, a: np.ndarray) -> None:
        """Fold statistics rows ``a`` of consignments out of the flow."""
        direction = a[:, _S["direction"]].astype(int)
        for d in range(len(DIRECTIONS)):
            mine = direction == d
            self.hours[d] += a[mine, _SOWN:].sum(axis=0)
            self.n[d] += int(mine.sum())


class PortTally:
    """A terminal's own figures, per port: the owners' hours of its consignments out of the
    flow by direction (pooled, they mix the ports' owners: a post hub's parcels beside a
    sea port's boxes) and its containers, inspected or not (China's definition)."""

    def __init__(self, ports: Sequence[str]) -> None:
        self.ports = list(ports)
        self.hours = np.zeros((len(ports), len(DIRECTIONS), len(OWNERS)))
        self.boxes = np.zeros((len(ports), 2))  # (all containers, those inspected)

    def add_owners(self, a: np.ndarray) -> None:
        """Fold statistics rows ``a`` of consignments out of the flow."""
        port, direction = a[:, _S["port"]].astype(int), a[:, _S["direction"]].astype(int)
        group, k = port * len(DIRECTIONS) + direction, len(OWNERS)
        hours = sums_by(group[:, None] * k + np.arange(k), a[:, _SOWN:], self.hours[..., 0].size)
        self.hours += hours.reshape(self.hours.shape)

    def add_boxes(self, a: np.ndarray, inspected: np.ndarray) -> None:
        """Fold the containers of every cohort declaration ``a``, ``inspected`` or not."""
        boxes = a[:, _S["containers"]]
        port = a[:, _S["port"]].astype(int)
        both = np.column_stack([boxes, np.where(inspected, boxes, 0.0)])
        self.boxes += sums_by(port[:, None] * 2 + np.arange(2), both, len(self.ports))

    def metrics(self) -> dict[str, float]:
        """``owner_share_<owner>_port_<port>_<direction>`` (a ratio of sums, as the pooled
        share; NaN where the port has no such consignment) and
        ``inspection_rate_per_container_port_<port>``."""
        out: dict[str, float] = {}
        for p, name in enumerate(self.ports):
            for d, direction in enumerate(DIRECTIONS):
                total = self.hours[p, d].sum()
                for o, owner in enumerate(OWNERS):
                    share = self.hours[p, d, o] / total if total > 0 else math.nan
                    out[f"owner_share_{owner}_port_{name}_{direction}"] = float(share)
            boxes, inspected = self.boxes[p]
            out[f"inspection_rate_per_container_port_{name}"] = (
                float(inspected / boxes) if boxes else math.nan
            )
        return out


#: the checks' bits and the milestones that start them (in the order of ``checks_bits``)
_STARTS = ("doc_start", "scan_start", "exam_start", "quarantine_start")


def started_only(a: np.ndarray, outcome: np.ndarray) -> np.ndarray:
    """Rows (the STATS layout) whose censored ones keep only the checks that started by the
    end of the run (their start milestone, cut at the end, is set): one rule for every
    check's count, whatever its lane (a place booked ahead in a lane's queue, for a start
    after the end, is no check had). The log keeps what was booked."""
    censored = outcome == CENSORED
    if not censored.any():
        return a
    a = a.copy()
    rows = a[censored]
    bits = rows[:, _S["checks"]].astype(int)
    did = [((bits & b) > 0) & ~np.isnan(rows[:, _SMS + M[s]])
           for b, s in zip((DOC, SCAN, PHYSICAL, QUARANTINE), _STARTS, strict=True)]
    rows[:, _S["checks"]] = checks_bits(*did)
    rows[:, _S["channel"]] = channel_code_many(*did)
    a[censored] = rows
    return a
