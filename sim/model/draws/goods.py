"""Draws of the goods: what a consignment declares, and the hidden truth behind it."""

from __future__ import annotations

import numpy as np

from sim.model import truth
from sim.model.draws.base import declare
from sim.model.registry import Context
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES


# --- attributes --------------------------------------------------------------------------
@declare("direction", 0, "category:directions")
def _direction(x: Context, u: np.ndarray) -> np.ndarray:
    """Imports and exports come from streams of their own: the block says which."""
    return np.full(x.n, DIRECTIONS.index("export" if x.export else "import"))


@declare("commodity", 1, "category:commodities")
def _commodity(x: Context, u: np.ndarray) -> np.ndarray:
    return x.pick(x.traffic.commodities, x.commodities, u)


@declare("trader_class", 2, "category:trader_classes")
def _trader_class(x: Context, u: np.ndarray) -> np.ndarray:
    """The declared class; and, from the same uniform, the class of the trader's behaviour
    where the traffic's mix for the truth differs (``behaviour_classes``: the mix before a
    certification, say): then the declared class is the behaviour's, moved only as far as
    the two mixes differ (see :func:`recertified`)."""
    behaviour = x.traffic.behaviour_classes
    if behaviour is None:
        return x.pick(x.traffic.trader_classes, TRADER_CLASSES, u)
    x.behaviour_class = x.pick(behaviour, TRADER_CLASSES, u)
    return recertified(behaviour, x.traffic.trader_classes, x.behaviour_class, u)


def recertified(
    before: dict[str, float], after: dict[str, float], cls: np.ndarray, u: np.ndarray
) -> np.ndarray:
    """Classes ``cls`` drawn by the mix ``before`` (from uniforms ``u``), moved to the mix
    ``after`` with as few moves as the shares allow: a class that grows keeps all its
    traders, one that shrinks keeps the share ``after / before`` of them, and the rest go to
    the classes that grow, in proportion to their gains. So certifying general traders
    (aeo_general untouched) moves general traders only; which ones is decided by where ``u``
    falls within the class's own interval, independent of everything else ``u`` decides."""
    p = np.array([before.get(k, 0.0) for k in TRADER_CLASSES])
    q = np.array([after.get(k, 0.0) for k in TRADER_CLASSES])
    gain = np.maximum(q - p, 0.0)
    if not gain.any() or not len(cls):
        return cls
    lo = np.cumsum(p) - p
    width = np.where(p > 0, p, 1.0)
    v = np.clip((u - lo[cls]) / width[cls], 0.0, 1.0)  # (where u falls within its class)
    keep = np.where(p > 0, np.minimum(q / width, 1.0), 1.0)[cls]
    w = (v - keep) / np.where(keep < 1, 1.0 - keep, 1.0)  # (where it falls among the movers)
    dest = np.searchsorted(np.cumsum(gain) / gain.sum(), w, side="right")
    return np.where(v < keep, cls, np.minimum(dest, len(TRADER_CLASSES) - 1))


@declare("value", 3)
def _value(x: Context, u: np.ndarray) -> np.ndarray:
    return np.asarray(x.traffic.value.ppf(u))


@declare("origin", 4, "int")
def _origin(x: Context, u: np.ndarray) -> np.ndarray:
    origins = x.port.traffic.origins
    return x.pick(origins, list(origins), u)


@declare("containers", 5, "int")
def _containers(x: Context, u: np.ndarray) -> np.ndarray:
    return np.asarray(np.maximum(1, np.rint(x.traffic.containers.ppf(u))).astype(int))


@declare("goods_ready", 6)
def _discharged(x: Context, u: np.ndarray) -> np.ndarray:
    """When the goods are available: at arrival, or as the cranes unload the vessel's call
    (imports only: exports come by truck)."""
    batch = x.port.arrivals.batch
    if batch is None or x.export or not x.n:
        return x.arrived.copy()
    containers = x.values["containers"]
    whole = containers.sum() if x.call_containers is None else x.call_containers
    span = whole / batch.discharge_rate  # the whole call's discharge
    return np.asarray(x.arrived + span * u ** (1.0 / containers))


# --- pre-shipment inspection at origin (the low part of the trader class's column: an
# attribute of the trader and its exporter, independent of the hidden truth) -----------------
@declare("origin_inspection", 2, "int", low=True)
def _origin_inspection(x: Context, u: np.ndarray) -> np.ndarray:
    """0: not inspected at origin; 1: inspected at origin (its prevalence lower, see
    :func:`sim.model.truth.illicit`); 2: inspected at origin and spared the quarantine check
    at the border, a share ``1 - border_checks`` of those inspected (from the same uniform,
    so independent of the selection draws): imports of the covered commodities only."""
    o = x.scenario.enforcement.origin_inspection
    if x.export or not o.active:
        return np.zeros(x.n, int)
    share = np.array([o.share(k) for k in TRADER_CLASSES])[x.values["trader_class"]]
    if o.commodities:
        covered = np.array([c in o.commodities for c in x.commodities])
        share = np.where(covered[x.values["commodity"]], share, 0.0)
    inspected = u < share
    spared = u < share * (1.0 - o.border_checks)
    return np.asarray(inspected.astype(int) + spared.astype(int))


# --- the hidden truth (columns 48-63: a stream of its own) ---------------------------------
# declared before the checks, whose detection draws depend on it (see sim.model.truth)
declare("illicit", 48, "category:illicit")(truth.illicit)
declare("concealed", 49, "bool")(truth.concealed)
#: a counterfeit's brand is recorded with customs (the low part of concealed's column:
#: independent of it and of every other draw)
declare("recorded", 49, "bool", low=True)(truth.recorded)


@declare("score_noise", 50)
def _score_noise(x: Context, u: np.ndarray) -> np.ndarray:
    """A uniform for the noise of a risk engine's score (common random numbers)."""
    return u


declare("true_value", 51)(truth.true_value)
declare("doc_alarm", 52, "bool")(truth.document_alarm)
declare("image_shows", 53, "bool")(truth.image_shows)
