"""Draws of the declaration: advance lodging, officer review, and the selection decisions."""

from __future__ import annotations

import numpy as np

from sim.model import truth
from sim.model.draws.base import (
    DRAWS,
    declare,
    exports_of,
    service_times,
)
from sim.model.registry import Context
from sim.scenario.schema import TRADER_CLASSES

# --- declaration -------------------------------------------------------------------------


@declare("advance", 7, "bool")
def _advance(x: Context, u: np.ndarray) -> np.ndarray:
    share = x.port.declaration.advance_share
    e = exports_of(x)
    if e is None:
        return u < share.import_
    return u < (share.export if e.advance_share is None else e.advance_share)


@declare("advance_lead", 8)
def _advance_lead(x: Context, u: np.ndarray) -> np.ndarray:
    """How long before arrival an advance declaration is lodged; never more than
    ``advance_max`` (GAC Order 243 art. 18: exports within 3 days before arrival)."""
    e = exports_of(x)
    lead = x.port.declaration.advance_lead
    if e is not None and e.advance_lead is not None:
        lead = e.advance_lead
    return np.asarray(np.minimum(lead.ppf(u), x.scenario.declaration.advance_max))


@declare("lodging_delay", 9)
def _lodging(x: Context, u: np.ndarray) -> np.ndarray:
    e = exports_of(x)
    d = x.port.declaration.lodging_delay
    return x.times(d if e is None or e.lodging_delay is None else e.lodging_delay, u)


@declare("review", 10, "bool")
def _review(x: Context, u: np.ndarray) -> np.ndarray:
    p = np.array([x.scenario.declaration.review(k) for k in TRADER_CLASSES])
    return np.asarray(u < p[x.values["trader_class"]])


@declare("review_time", 11)
def _review_time(x: Context, u: np.ndarray) -> np.ndarray:
    return service_times(x, x.port.review, u)


@declare("second_submission", 12)
def _second(x: Context, u: np.ndarray) -> np.ndarray:
    return x.times(x.scenario.declaration.second_submission, u)


# --- selection (decided at assessment) ----------------------------------------------------
DRAWS.decision("sel_document", 13)
DRAWS.decision("sel_scan", 14)
DRAWS.decision("sel_physical", 15)
DRAWS.decision("sel_quarantine", 16)
# the low-order parts of three of these columns are read outside the draws (u * SPLIT % 1):
# reserved, so that no new draw reads them too and depends on what they decide
DRAWS.reserve(13, "the risk engine's random selection (sim.model.risk_block, risk_one)")
DRAWS.reserve(14, "partner data's coverage (sim.model.sharing)")
DRAWS.reserve(15, "the risk engine's score noise without score_noise (sim.model.risk)")
DRAWS.reserve(truth.ORIGIN_STOP, "what an inspection at origin stops (sim.model.truth.illicit)")
