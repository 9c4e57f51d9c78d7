"""The milestone intervals table, folded per block (see :mod:`sim.model.intervals` for the
stretches): per stretch and per port, direction and credit class, the consignments passing
through it, their hours' sum and a log-histogram (medians and p90s within 1 %, see
:mod:`sim.analysis.sketch`), the sum of its whole stretch, and the exam yard's hours by owner.
Memory is fixed (stretches x groups x 1,200 counters); coarser groups (each port and
direction, each direction, all) are sums of these."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from sim.analysis.sketch import NBINS, bin_index, bin_value, sparse_bins
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
#: the fine histograms' filled bins: each one's stretch, group, bin and count
Filled = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


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
        """One row per stretch and group (see :func:`_columns`), every dimension of
        :data:`LEVELS`; a group without consignments is left out (but ``all``)."""
        filled = self._filled()
        levels = [self._level(dim, axes, filled) for dim, axes in LEVELS]
        return pd.DataFrame({
            name: ([x for level in levels for x in level[name]] if isinstance(first, list)
                   else np.concatenate([level[name] for level in levels]))
            for name, first in levels[0].items()
        })  # fmt: skip

    def _level(self, dim: str, axes: tuple[int, ...], filled: Filled) -> dict[str, Any]:
        """The rows of one dimension: the fine groups summed over ``axes`` (1: port, 2:
        direction, 3: credit class); ``filled``: the fine histograms' filled bins."""
        shape = (len(self.ports), len(DIRECTIONS), len(TRADER_CLASSES))

        def fold(x: np.ndarray) -> np.ndarray:
            y = x.reshape(x.shape[:1] + shape + x.shape[2:]).sum(axis=axes)
            return np.asarray(y.reshape(x.shape[:1] + (-1,) + x.shape[2:]))

        n, sums = fold(self.n), fold(self.sums)
        whole, whole_n, yard = fold(self.whole), fold(self.whole_n), fold(self.yard)
        people = fold(self.consignments[None, :])[0]
        names = self._names(axes)
        kept = [g for g in range(len(names)) if people[g] != 0 or dim == "all"]
        on = n[:, kept] > 0  # (the cells with a quantile: most of a short run's hold none)
        at, bins, counts = self._entries(axes, kept, on, filled)
        found = sparse_bins(at, bins, counts, int(on.sum()), [q for _, q in QUANTILES])
        quantiles = {name: np.full(on.shape, math.nan) for name, _ in QUANTILES}
        for (name, _), bins_q in zip(QUANTILES, found, strict=True):
            quantiles[name][on] = bin_value(bins_q)
        cell = (n[:, kept], sums[:, kept], quantiles)
        return _columns(dim, [names[g] for g in kept], people[kept], cell,
                        (whole[:, kept], whole_n[:, kept]), yard[:, kept])  # fmt: skip

    def _filled(self) -> Filled:
        """The filled bins of the fine histograms: each one's stretch, group, bin and count
        (the histograms of a cell with values only: most of a short run's hold none)."""
        filled = np.flatnonzero(self.n.reshape(-1))
        rows = self.hist.reshape(-1, NBINS)[filled]
        row, bins = np.divmod(np.flatnonzero(rows != 0), NBINS)  # (faster than np.nonzero)
        stretch, fine = np.divmod(filled[row], self.consignments.size)
        return stretch, fine, bins, rows[row, bins].astype(np.int64)

    def _entries(
        self, axes: tuple[int, ...], kept: list[int], on: np.ndarray, filled: Filled
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The ``filled`` bins that make the cells ``on`` (stretch, kept group) of a level:
        each one's cell (numbered in the order ``on`` gives them), bin and count. Counts add
        exactly in any order, so a level's quantiles need neither its summed histograms nor
        a running sum over every bin."""
        shape = (len(self.ports), len(DIRECTIONS), len(TRADER_CLASSES))
        left = [i for i in range(3) if i + 1 not in axes]
        index = np.unravel_index(np.arange(self.consignments.size), shape)
        coarse = np.zeros(self.consignments.size, np.int64)  # ("all": one group)
        if left:
            coarse = np.ravel_multi_index([index[i] for i in left], [shape[i] for i in left])
        at = np.full(self.consignments.size, -1, np.int64)
        at[kept] = np.arange(len(kept))
        number = np.full(on.shape, -1, np.int64)
        number[on] = np.arange(int(on.sum()))
        stretch, fine, bins, counts = filled
        to = at[coarse[fine]]
        cell = np.where(to >= 0, number[stretch, np.maximum(to, 0)], -1)
        mine = cell >= 0
        return cell[mine], bins[mine], counts[mine]

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


def _columns(
    dim: str,
    groups: list[str],
    people: np.ndarray,
    cell: tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]],
    whole: tuple[np.ndarray, np.ndarray],
    yard: np.ndarray,
) -> dict[str, Any]:
    """The rows of a level's ``groups`` (each group's stretches in turn), as columns: per
    stretch its consignments ``n`` (of the group's ``people``), mean, median and p90 among
    them, hours per consignment of the group (``per_consignment_h``), its whole stretch's
    mean and the hours per consignment by owner it adds (``<owner>_h``; the totals: their
    sums; a stretch beside the flow: none). Arrays are by stretch, then group."""
    n, sums, quantiles = cell
    k, g = int(n.shape[0]), int(n.shape[1])
    with np.errstate(invalid="ignore", divide="ignore"):
        per = np.where(people > 0, sums / people, math.nan)
        mean = np.where(n > 0, sums / n, math.nan)
        whole_mean = np.where(whole[1] > 0, whole[0] / whole[1], math.nan)
        yard_h = np.where(people > 0, yard / people, math.nan)
    full = np.array([
        whole_mean[WHOLE.index(s.name)] if s.name in WHOLE
        else np.full(g, math.nan) if s.name in NO_WHOLE else mean[i]
        for i, s in enumerate(STRETCHES)
    ]).reshape(k, g)  # fmt: skip
    owners = _owners(per, yard_h)

    def rows(x: np.ndarray) -> np.ndarray:  # (stretch, group) -> the rows' order
        return np.ascontiguousarray(x.T).reshape(-1)

    def each(values: list[Any]) -> list[Any]:  # a stretch's value in every group
        return values * g

    return {
        "interval": each([s.name for s in STRETCHES]), "kind": each([s.kind for s in STRETCHES]),
        "from": each([s.start for s in STRETCHES]), "to": each([s.end for s in STRETCHES]),
        "owner": each([s.owner for s in STRETCHES]), "dimension": [dim] * (k * g),
        "group": [name for name in groups for _ in range(k)],
        "consignments": np.repeat(people.astype(np.int64), k), "n": rows(n.astype(np.int64)),
        "mean_h": rows(mean), **{name: rows(v) for name, v in quantiles.items()},
        "per_consignment_h": rows(per), "whole_mean_h": rows(full),
        **{f"{owner}_h": rows(owners[:, o]) for o, owner in enumerate(OWNERS)},
    }  # fmt: skip


def _owners(per: np.ndarray, yard_h: np.ndarray) -> np.ndarray:
    """Hours per consignment by owner that each stretch adds, by stretch, owner and group:
    a stretch to or after release with one owner, its hours to it; the exam yard, its hours
    by owner (``yard_h``); the totals, their sums; a stretch beside the flow, none."""
    owners = np.zeros((len(STRETCHES), len(OWNERS), per.shape[1]))
    index = {s.name: i for i, s in enumerate(STRETCHES)}
    for i, s in enumerate(STRETCHES):
        o = owner_of(s)
        if o is not None and s.kind in (TO_RELEASE, AFTER_RELEASE):
            owners[i, o] = per[i]
    owners[index["exam_yard"]] = yard_h
    for j in range(per.shape[1]):  # (as one row's sums: NaN stretches left out, in order)
        stretch = {s.name: per[i, j] for i, s in enumerate(STRETCHES)}
        owners[index["clearance"], :, j] = owner_hours(stretch, yard_h[:, j], (TO_RELEASE,))
        owners[index["overall_clearance"], :, j] = owner_hours(
            stretch, yard_h[:, j], (TO_RELEASE, AFTER_RELEASE)
        )
    owners[[s.kind == PARALLEL for s in STRETCHES]] = math.nan
    return owners
