"""The milestone intervals table, folded per block (see :mod:`sim.model.intervals` for the
stretches): per stretch and per port, direction and credit class, the consignments passing
through it, their hours' sum and a log-histogram (medians and p90s within 1 %, see
:mod:`sim.analysis.sketch`), the sum of its whole stretch, and the exam yard's hours by owner.
Memory is fixed (stretches x groups x 1,200 counters); coarser groups (each port and
direction, each direction, all) are sums of these."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from sim.analysis.sketch import NBINS, bin_index, bin_value
from sim.model.intervals import (
    AFTER_RELEASE,
    NO_WHOLE,
    PARALLEL,
    POSITIVE_ONLY,
    STRETCHES,
    TO_RELEASE,
    WHOLE,
    owner_hours,
    owner_of,
    partition,
)
from sim.model.milestones import MILESTONES, OWNERS
from sim.model.recorder_rows import _S, _SMS, _SOWN, tally
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

#: the groups of the table, coarsest first: the axes (port, direction, class) each sums over
LEVELS = (
    ("all", (1, 2, 3)),
    ("direction", (1, 3)),
    ("port_direction", (3,)),
    ("port_direction_class", ()),
)
QUANTILES = (("median_h", 0.5), ("p90_h", 0.9))


class IntervalTally:
    """Folds rows (the recorder's STATS layout) of consignments out of the flow into the
    intervals table's sums and histograms; ``crossing``: by port, whether its exports cross
    as trucks (no departures: their loading is the trader's)."""

    def __init__(self, ports: Sequence[str], crossing: Sequence[bool]) -> None:
        self.ports = list(ports)
        self.crossing = np.asarray(crossing, bool)
        groups = len(ports) * len(DIRECTIONS) * len(TRADER_CLASSES)
        k = len(STRETCHES)
        self.hist = np.zeros((k, groups, NBINS), np.int32)
        self.sums, self.n = np.zeros((k, groups)), np.zeros((k, groups), np.int64)
        self.whole = np.zeros((len(WHOLE), groups))
        self.whole_n = np.zeros((len(WHOLE), groups), np.int64)
        self.yard = np.zeros((len(OWNERS), groups))
        self.consignments = np.zeros(groups, np.int64)

    def fold(self, a: np.ndarray) -> None:
        """Fold rows ``a`` of consignments out of the flow."""
        if not len(a):
            return
        col = {name: a[:, _SMS + i] for i, name in enumerate(MILESTONES)}
        early = (a[:, _S["release_early"]] > 0) & (a[:, _S["quarantine_treat"]] == 0) & (
            a[:, _S["quarantine_seen"]] == 0
        )
        port = a[:, _S["port"]].astype(int)
        h = partition(col, a[:, _SOWN:], early, self.crossing[port])
        direction = a[:, _S["direction"]].astype(int)
        group = (port * len(DIRECTIONS) + direction) * len(TRADER_CLASSES)
        group += a[:, _S["trader_class"]].astype(int)
        g = self.consignments.size
        self.consignments += np.bincount(group, minlength=g)
        codes, values = [], []
        for k, s in enumerate(STRETCHES):
            v = h.hours[s.name]
            on = ~np.isnan(v)
            if s.name in POSITIVE_ONLY:
                on &= v > 0
            codes.append(k * g + group[on])
            values.append(v[on])
        code, value = np.concatenate(codes), np.concatenate(values)
        size = len(STRETCHES) * g
        self.n += np.bincount(code, minlength=size).reshape(self.n.shape)
        self.sums += np.bincount(code, weights=value, minlength=size).reshape(self.sums.shape)
        tally(self.hist.reshape(-1), code * NBINS + bin_index(value))
        for i, name in enumerate(WHOLE):
            v = h.whole[name]
            on = ~np.isnan(v)
            self.whole_n[i] += np.bincount(group[on], minlength=g)
            self.whole[i] += np.bincount(group[on], weights=v[on], minlength=g)
        for o in range(len(OWNERS)):
            self.yard[o] += np.bincount(group, weights=h.yard[:, o], minlength=g)

    def table(self) -> pd.DataFrame:
        """One row per stretch and group (see :func:`_rows`), every dimension of
        :data:`LEVELS`; a group without consignments is left out (but ``all``)."""
        frames = [self._level(dim, axes) for dim, axes in LEVELS]
        return pd.DataFrame([row for rows in frames for row in rows])

    def _level(self, dim: str, axes: tuple[int, ...]) -> list[dict[str, object]]:
        """The rows of one dimension: the fine groups summed over ``axes`` (1: port, 2:
        direction, 3: credit class)."""
        shape = (len(self.ports), len(DIRECTIONS), len(TRADER_CLASSES))

        def fold(x: np.ndarray) -> np.ndarray:
            y = x.reshape(x.shape[:1] + shape + x.shape[2:]).sum(axis=axes)
            return np.asarray(y.reshape(x.shape[:1] + (-1,) + x.shape[2:]))

        n, sums = fold(self.n), fold(self.sums)
        whole, whole_n, yard = fold(self.whole), fold(self.whole_n), fold(self.yard)
        people = fold(self.consignments[None, :])[0]
        names = self._names(axes)
        kept = [g for g in range(len(names)) if people[g] != 0 or dim == "all"]
        # the histograms' running sums once, for the groups that have rows, not per quantile
        # and group (most of a small run's groups are empty)
        cum = np.cumsum(self._hist(axes, kept), axis=-1, dtype=np.int64)
        quantiles = {name: _quantiles(cum, q) for name, q in QUANTILES}
        rows: list[dict[str, object]] = []
        for j, g in enumerate(kept):
            group = names[g]
            cell = (n[:, g], sums[:, g], {k: v[:, j] for k, v in quantiles.items()})
            rows += _rows(dim, group, int(people[g]), cell, (whole[:, g], whole_n[:, g]),
                          yard[:, g])  # fmt: skip
        return rows

    def _hist(self, axes: tuple[int, ...], kept: list[int]) -> np.ndarray:
        """The histograms of the ``kept`` groups of a level: the sums of its fine groups'
        that have consignments (the others' are all zero; counts add exactly in any order),
        so that a small run does not add up thousands of empty counters per level."""
        shape = (len(self.ports), len(DIRECTIONS), len(TRADER_CLASSES))
        left = [i for i in range(3) if i + 1 not in axes]
        index = np.unravel_index(np.arange(self.consignments.size), shape)
        coarse = np.zeros(self.consignments.size, np.int64)  # ("all": one group)
        if left:
            coarse = np.ravel_multi_index([index[i] for i in left], [shape[i] for i in left])
        at = {g: j for j, g in enumerate(kept)}
        out = np.zeros((self.hist.shape[0], len(kept), NBINS), np.int64)
        for fine in np.flatnonzero(self.consignments):
            j = at.get(int(coarse[fine]))
            if j is not None:
                out[:, j] += self.hist[:, fine]
        return out

    def _names(self, axes: tuple[int, ...]) -> list[str]:
        """The groups' names at a level: its remaining parts joined by ``/``."""
        parts = [self.ports, list(DIRECTIONS), list(TRADER_CLASSES)]
        kept = [p for i, p in enumerate(parts, start=1) if i not in axes]
        if not kept:
            return ["all"]
        names = [""]
        for p in kept:
            names = [f"{a}/{b}" if a else b for a in names for b in p]
        return names


def _quantiles(cum: np.ndarray, q: float) -> np.ndarray:
    """The ``q``-quantile (inverted CDF, as :func:`sim.analysis.sketch.quantile_from_counts`)
    of every histogram along the last axis, given as its running sums ``cum``; NaN where it
    is empty."""
    n = cum[..., -1]
    rank = np.maximum(1, np.ceil(q * n))
    idx = (cum < rank[..., None]).sum(axis=-1)
    return np.where(n > 0, np.asarray(bin_value(idx), float), math.nan)


def _rows(
    dim: str,
    group: str,
    people: int,
    cell: tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]],
    whole: tuple[np.ndarray, np.ndarray],
    yard: np.ndarray,
) -> list[dict[str, object]]:
    """A group's rows: per stretch its consignments ``n`` (of the group's ``people``), mean,
    median and p90 among them, hours per consignment of the group (``per_consignment_h``),
    its whole stretch's mean and the hours per consignment by owner it adds (``<owner>_h``;
    the totals: their sums; a stretch beside the flow: none)."""
    n, sums, quantiles = cell
    owners = np.zeros((len(STRETCHES), len(OWNERS)))
    with np.errstate(invalid="ignore", divide="ignore"):
        per = sums / people if people else np.full(len(STRETCHES), math.nan)
        mean = np.where(n > 0, sums / n, math.nan)
        whole_mean = np.where(whole[1] > 0, whole[0] / whole[1], math.nan)
    index = {s.name: k for k, s in enumerate(STRETCHES)}
    for k, s in enumerate(STRETCHES):
        o = owner_of(s)
        if o is not None and s.kind in (TO_RELEASE, AFTER_RELEASE):
            owners[k, o] = per[k]
    yard_h = yard / people if people else np.full(len(OWNERS), math.nan)
    owners[index["exam_yard"]] = yard_h
    stretch = {s.name: per[k] for k, s in enumerate(STRETCHES)}
    owners[index["clearance"]] = owner_hours(stretch, yard_h, (TO_RELEASE,))
    owners[index["overall_clearance"]] = owner_hours(stretch, yard_h, (TO_RELEASE, AFTER_RELEASE))
    kinds = np.array([s.kind for s in STRETCHES])
    owners[kinds == PARALLEL] = math.nan
    rows = []
    for k, s in enumerate(STRETCHES):
        if s.name in WHOLE:
            full = whole_mean[WHOLE.index(s.name)]
        else:
            full = math.nan if s.name in NO_WHOLE else mean[k]
        rows.append({
            "interval": s.name, "kind": s.kind, "from": s.start, "to": s.end,
            "owner": s.owner, "dimension": dim, "group": group, "consignments": people,
            "n": int(n[k]), "mean_h": mean[k], **{name: v[k] for name, v in quantiles.items()},
            "per_consignment_h": per[k], "whole_mean_h": full,
            **{f"{owner}_h": owners[k, o] for o, owner in enumerate(OWNERS)},
        })  # fmt: skip
    return rows
