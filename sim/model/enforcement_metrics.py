"""The enforcement tally's flat metrics, in its three layers (:mod:`sim.model.enforcement`):
the truth, effectiveness, and what customs sees."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from sim.model.enforcement import BY_CLASS
from sim.model.finders import CHECK_NAMES, FINDERS
from sim.scenario.base import DIRECTIONS, FIRST_TYPES, ILLICIT, TRADER_CLASSES

if TYPE_CHECKING:
    from sim.model.enforcement import EnforcementTally

_D = len(DIRECTIONS)
_COMPLIANT = BY_CLASS.index("compliant")
_COMPLIANT_INSPECTED = BY_CLASS.index("compliant_inspected")
_DOCUMENT_CHECKED = BY_CLASS.index("document_checked")


def enforcement_metrics(t: EnforcementTally) -> dict[str, float]:
    """Flat metrics of the three layers."""
    out: dict[str, float] = {}
    _truth_metrics(t, out)
    _effectiveness(t, out)
    _customs_view(t, out)
    _by_era(t, out)
    return out


def _truth_metrics(t: EnforcementTally, out: dict[str, float]) -> None:
    n = t.n.sum(axis=0)
    out["illicit_declarations"] = float(n[1:].sum())
    out["illicit_share"] = _ratio(n[1:].sum(), n.sum())
    for k, kind in enumerate(ILLICIT, start=1):
        out[f"illicit_{kind}"] = float(n[k])


def illicit_columns(t: EnforcementTally) -> slice:
    """The tally's columns of the illicit types: a type appended since the first
    ``FIRST_TYPES`` (wildlife) that no declaration carried is left out, since a sum over
    more columns adds in another order: a run without it keeps its sums bit for bit."""
    carried = np.flatnonzero(t.n.sum(axis=0)[1:]) + 1
    return slice(1, max([FIRST_TYPES, *carried.tolist()]) + 1)


def _effectiveness(t: EnforcementTally, out: dict[str, float]) -> None:
    """Detection and value found or slipped, over the illicit declarations whose outcome is
    known: those still held undetected at the end (``t.held``) are counted apart."""
    known, s = t.n - t.held, illicit_columns(t)
    n, v = known[:, s].sum(), (t.value - t.held_value)[:, s].sum()
    det, det_v = t.detected[:, s].sum(), t.detected_value[:, s].sum()
    aud, aud_v = t.audited[:, s].sum(), t.audited_value[:, s].sum()
    out["detection_rate"] = _ratio(det, n)
    out["detection_rate_value"] = _ratio(det_v, v)
    out["detection_rate_with_audit"] = _ratio(det + aud, n)
    out["value_seized"] = float(t.seized_value[:, s].sum())
    out["value_slipped"] = float(v - det_v - aud_v)
    out["illicit_held"] = float(t.held[:, s].sum())
    out["value_held"] = float(t.held_value[:, s].sum())
    out["recalls"] = float(t.recalls[0])
    out["recalls_unrecovered"] = float(t.recalls[1])
    for k, kind in enumerate(ILLICIT, start=1):
        out[f"detection_rate_{kind}"] = _ratio(t.detected[:, k].sum(), known[:, k].sum())
    for i, name in enumerate(FINDERS):
        out[f"detection_rate_by_{name}"] = _ratio(t.found_by[i, s].sum(), n)
    out["detection_rate_by_audit_by_end"] = _ratio(t.audit_by_end, n)
    for p, port in enumerate(t.ports):
        rows = slice(p * _D, (p + 1) * _D)
        out[f"detection_rate_port_{port}"] = _ratio(
            t.detected[rows, s].sum(), known[rows, s].sum()
        )
    for d, direction in enumerate(DIRECTIONS):
        out[f"detection_rate_{direction}"] = _ratio(
            t.detected[d::_D, s].sum(), known[d::_D, s].sum()
        )


def _customs_view(t: EnforcementTally, out: dict[str, float]) -> None:
    """Pooled, then for imports and exports apart (China publishes them apart; every
    direction is named, NaN when a run has none of it)."""
    by_class = t.by_class  # port x direction x class x BY_CLASS's counts
    _seen_rates(t, out, "", t.done.sum(axis=0), t.hits.sum(axis=0), by_class.sum(axis=1))
    for p, port in enumerate(t.ports):
        _port_rates(t, out, p, port)
    out["seizures_per_1000"] = _ratio(1000 * t.caught.sum(), t.n.sum())
    out["burden_share"] = _burden_share(by_class)
    _class_outcomes(by_class.sum(axis=(0, 1)), out)
    out["burden_clearance_h"] = _burden_hours(t.burden_time)
    for p, port in enumerate(t.ports):
        out[f"burden_clearance_h_port_{port}"] = _burden_hours(
            t.burden_time[p * _D : (p + 1) * _D]
        )
    _goods_rates(t, out)
    for d, direction in enumerate(DIRECTIONS):
        done, hits = t.done[d::_D].sum(axis=0), t.hits[d::_D].sum(axis=0)
        _seen_rates(t, out, f"_{direction}", done, hits, by_class[:, d])
        out[f"seizures_per_1000_{direction}"] = _ratio(
            1000 * t.caught[d::_D].sum(), t.n[d::_D].sum()
        )
        out[f"burden_share_{direction}"] = _burden_share(by_class[:, d])


def _port_rates(t: EnforcementTally, out: dict[str, float], p: int, port: str) -> None:
    """One port's rates, its two directions together: inspections, document checks, each
    check's hits and seizures per 1,000 declarations (ports differ in what they see); and
    its inspection rate by direction, of every class and of each."""
    n, inspected = t.by_class[p].sum(axis=(0, 1))[:2]
    out[f"inspection_rate_port_{port}"] = _ratio(inspected, n)
    rows = slice(p * _D, (p + 1) * _D)
    done, hits = t.done[rows].sum(axis=0), t.hits[rows].sum(axis=0)
    out[f"document_check_rate_port_{port}"] = _ratio(done[0], n)
    for i, name in enumerate(CHECK_NAMES):
        out[f"hit_rate_{name}_port_{port}"] = _ratio(hits[i], done[i])
    out[f"seizures_per_1000_port_{port}"] = _ratio(1000 * t.caught[rows].sum(), t.n[rows].sum())
    for d, direction in enumerate(DIRECTIONS):  # (an exporter's rate at the port it uses)
        cells = t.by_class[p, d]  # class x BY_CLASS's counts
        tail = f"port_{port}_{direction}"
        out[f"inspection_rate_{tail}"] = _ratio(cells[:, 1].sum(), cells[:, 0].sum())
        for g, cls in enumerate(TRADER_CLASSES):
            out[f"inspection_rate_{cls}_{tail}"] = _ratio(cells[g, 1], cells[g, 0])


def _seen_rates(
    t: EnforcementTally,
    out: dict[str, float],
    suffix: str,
    done: np.ndarray,
    hits: np.ndarray,
    by_class: np.ndarray,
) -> None:
    """Document checks, hits and class inspection rates of one direction (``suffix``
    ``_import``) or of both ("": then also by port); ``by_class``: port x class x
    :data:`BY_CLASS`'s counts. A class's document check rate is what its declarants see of
    the paperwork checks (a broker's clients by credit class), as its inspection rate is of
    the goods checks."""
    declarations = by_class[..., 0].sum()
    out[f"document_check_rate{suffix}"] = _ratio(done[0], declarations)
    if suffix:
        out[f"inspection_rate{suffix}"] = _ratio(by_class[..., 1].sum(), declarations)
    for i, name in enumerate(CHECK_NAMES):
        out[f"hit_rate_{name}{suffix}"] = _ratio(hits[i], done[i])
    for g, cls in enumerate(TRADER_CLASSES):
        n, inspected = by_class[:, g, 0], by_class[:, g, 1]
        checked = by_class[:, g, _DOCUMENT_CHECKED]
        out[f"inspection_rate_{cls}{suffix}"] = _ratio(inspected.sum(), n.sum())
        out[f"document_check_rate_{cls}{suffix}"] = _ratio(checked.sum(), n.sum())
        if not suffix:
            for p, port in enumerate(t.ports):
                out[f"inspection_rate_{cls}_port_{port}"] = _ratio(inspected[p], n[p])
                out[f"document_check_rate_{cls}_port_{port}"] = _ratio(checked[p], n[p])


def _by_era(t: EnforcementTally, out: dict[str, float]) -> None:
    """With a timeline, by the period the goods arrived in (as ``clearance_h_mean_era_1``),
    pooled and by direction: inspection rate, seizures per 1,000 declarations and detection
    rate (over the illicit ones whose outcome is known), so a dated reform's before and after
    shows in enforcement as in time; and each illicit type's declarations and detection rate
    (pooled), so an outbreak's or an order's shows for the type it concerns."""
    eras = t.eras.counts
    for k in range(len(eras)):
        for suffix, c in (("", eras[k].sum(axis=0)),
                          *((f"_{d}", eras[k, i]) for i, d in enumerate(DIRECTIONS))):
            n, inspected, caught, known, detected = c
            out[f"inspection_rate_era_{k}{suffix}"] = _ratio(inspected, n)
            out[f"seizures_per_1000_era_{k}{suffix}"] = _ratio(1000 * caught, n)
            out[f"detection_rate_era_{k}{suffix}"] = _ratio(detected, known)
        for j, kind in enumerate(ILLICIT, start=1):  # one type's before and after
            n, known, detected = t.eras.by_type[k, j]
            out[f"illicit_{kind}_era_{k}"] = float(n)
            out[f"detection_rate_{kind}_era_{k}"] = _ratio(detected, known)


def _goods_rates(t: EnforcementTally, out: dict[str, float]) -> None:
    """Inspection, hit and detection rates, and the hours inspection adds, of goods
    declarations alone, where a post or express hub's parcel lists (nearly all scanned, few
    hits, minutes each) run beside goods ports: China's published rates, by credit class
    too, count goods declarations, and parcel lists apart; a hub's own target does not move
    with the goods ports' (the default's post hub: 98 %)."""
    goods = [p for p, parcels in enumerate(t.parcels) if not parcels]
    if not goods or len(goods) == len(t.ports):
        return
    by_class = t.by_class[goods].sum(axis=(0, 1))  # class x BY_CLASS's counts
    out["inspection_rate_goods"] = _ratio(by_class[:, 1].sum(), by_class[:, 0].sum())
    for d, direction in enumerate(DIRECTIONS):  # (China publishes imports and exports apart)
        n, inspected = t.by_class[goods][:, d].sum(axis=(0, 1))[:2]
        out[f"inspection_rate_goods_{direction}"] = _ratio(inspected, n)
        cells = t.by_class[goods][:, d].sum(axis=0)  # (the credit rules by direction)
        for g, cls in enumerate(TRADER_CLASSES):
            out[f"inspection_rate_{cls}_goods_{direction}"] = _ratio(cells[g, 1], cells[g, 0])
    for g, cls in enumerate(TRADER_CLASSES):
        out[f"inspection_rate_{cls}_goods"] = _ratio(by_class[g, 1], by_class[g, 0])
    routes = [p * _D + d for p in goods for d in range(_D)]
    done, hits = t.done[routes].sum(axis=0), t.hits[routes].sum(axis=0)
    for i, name in enumerate(CHECK_NAMES):
        out[f"hit_rate_{name}_goods"] = _ratio(hits[i], done[i])
    out["burden_clearance_h_goods"] = _burden_hours(t.burden_time[routes])
    known, s = t.n[routes] - t.held[routes], illicit_columns(t)  # (hubs' own targets out)
    out["detection_rate_goods"] = _ratio(t.detected[routes, s].sum(), known[:, s].sum())
    value = (t.value - t.held_value)[routes, s].sum()
    out["detection_rate_value_goods"] = _ratio(t.detected_value[routes, s].sum(), value)
    out["burden_share_goods"] = _burden_share(t.by_class[goods])
    for g, cls in enumerate(TRADER_CLASSES):
        out[f"burden_share_{cls}_goods"] = _burden_share(t.by_class[goods][..., g, :])


def _class_outcomes(by_class: np.ndarray, out: dict[str, float]) -> None:
    """Each trader class's burden share, seizures per 1,000 declarations and detection rate
    (over its illicit declarations whose outcome is known) over every port and direction:
    what a credit rule or an accreditation does to the class's honest traders and to what
    its offenders get through; ``by_class``: class x :data:`BY_CLASS`'s counts."""
    for g, cls in enumerate(TRADER_CLASSES):
        c = dict(zip(BY_CLASS, by_class[g], strict=True))
        out[f"burden_share_{cls}"] = _burden_share(by_class[g])
        out[f"seizures_per_1000_{cls}"] = _ratio(1000 * c["caught"], c["declarations"])
        out[f"detection_rate_{cls}"] = _ratio(c["detected"], c["illicit_known"])


def _burden_share(by_class: np.ndarray) -> float:
    """Compliant declarations inspected over compliant declarations, of ``by_class``'s
    counts summed over every axis but the last (:data:`BY_CLASS`)."""
    counts = by_class.reshape(-1, by_class.shape[-1]).sum(axis=0)
    return _ratio(counts[_COMPLIANT_INSPECTED], counts[_COMPLIANT])


def _burden_hours(cells: np.ndarray) -> float:
    """The clearance hours an inspection adds, within each route (port and direction):
    mean(inspected) - mean(uninspected) of its compliant released declarations, averaged over
    the routes that have both with weights = their inspected counts (NaN if none has)."""
    n, total = cells[:, :, 0], cells[:, :, 1]
    both = (n > 0).all(axis=1)
    if not both.any():
        return math.nan
    mean = total[both] / n[both]
    weight = n[both, 1]
    return float(np.dot(mean[:, 1] - mean[:, 0], weight) / weight.sum())


def _ratio(a: float, b: float) -> float:
    return float(a) / float(b) if b else math.nan
