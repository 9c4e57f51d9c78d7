"""Draws after release (two-step declaration, release before test), escalations, and
the declarations returned for correction (declared last: they came last)."""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.model import truth
from sim.model.draws.base import declare
from sim.model.registry import Context
from sim.scenario import after_release
from sim.scenario.by_class import of_class
from sim.scenario.schema import TRADER_CLASSES


# --- after release (columns 45-47: the flow's stream; 61-63: the truth's) -------------------
def _uptake(x: Context, uptake: Any, u: np.ndarray) -> np.ndarray:
    """``u`` under the uptake of each row's trader class (an :mod:`after_release` table)."""
    p = np.array([after_release.share(uptake, k) for k in TRADER_CLASSES])
    return np.asarray(u < p[x.values["trader_class"]])


@declare("two_step", 45, "bool")
def _two_step(x: Context, u: np.ndarray) -> np.ndarray:
    """An import declared in two steps: released on the outline declaration."""
    if x.export:
        return np.zeros(x.n, bool)
    return _uptake(x, x.scenario.after_release.two_step_declaration.uptake, u)


@declare("duty_payment", 46)
def _duty_payment(x: Context, u: np.ndarray) -> np.ndarray:
    """Imports: from assessment to the duty paid or guaranteed (release waits for it): the
    port's own wait where it gives one (``ports.<port>.duty_payment``), else the scenario's."""
    own = x.port.duty_payment
    wait = x.scenario.after_release.duty_payment if own is None else own
    return x.times(None if x.export else wait, u)


@declare("full_declaration", 47)
def _full_declaration(x: Context, u: np.ndarray) -> np.ndarray:
    """A two-step declaration: from release to the full declaration, within the deadline."""
    t = x.scenario.after_release.two_step_declaration
    return np.asarray(np.minimum(x.times(t.full_declaration, u), t.deadline))


@declare("release_early", 61, "bool")
def _release_early(x: Context, u: np.ndarray) -> np.ndarray:
    """Released before the laboratory result, if sampled (release before test)."""
    return _uptake(x, x.scenario.after_release.release_before_test.uptake, u)


@declare("sold", 62)
def _sold(x: Context, u: np.ndarray) -> np.ndarray:
    """A uniform: recalled goods are already sold if it falls under the share sold by then
    (``1 - exp(-t / sell_time)``, t the time since release)."""
    return u


@declare("tax_after", 63, "bool")
def _tax_after(x: Context, u: np.ndarray) -> np.ndarray:
    """A document (tax) review, if selected, done after release (two-step processing)."""
    return _uptake(x, x.scenario.after_release.two_step_processing.uptake, u)


# --- escalations to the organisation (columns 57-60: the truth's stream) ------------------
def _uniform(x: Context, u: np.ndarray) -> np.ndarray:
    """The uniform itself: the organisation compares it with its shares when it plans
    (see :mod:`sim.model.org.model`), so the same consignments escalate in every
    structure whose share is the same (common random numbers)."""
    return u


declare("escalate_ruling", 57)(_uniform)
declare("escalate_quarantine", 58)(_uniform)
declare("escalate_case", 59)(_uniform)
declare("escalate_holds", 60)(_uniform)


# --- which quarantine finds are made on site (release before test holds only those) -------
# (the low part of quarantine_finds' column: given the find, independent of it; declared
# last so that every older draw keeps its place in the table)
declare("quarantine_seen", 30, "bool", low=True)(truth.quarantine_seen)

# --- the right holder's reply to customs' notice (enforcement.ipr): the low part of
# pest_treated's column, the truth's stream (a counterfeit is no pest: independent of every
# other draw); declared last so that every older draw keeps its place in the table
declare("holder_reply", 54, "bool", low=True)(truth.holder_reply)

# --- a reviewed declaration returned for correction (sim.scenario.returns): the low parts of
# the review's own columns, the flow's stream (given the review and its time, independent of
# both); declared last so that every older draw keeps its place in the table
@declare("amended", 10, "bool", low=True)
def _returned(x: Context, u: np.ndarray) -> np.ndarray:
    """Returned by the reviewing officer: a reviewed declaration, under its trader class's
    share (sim.scenario.returns)."""
    p = np.array([x.scenario.declaration.returned(k) for k in TRADER_CLASSES])
    return np.asarray((u < p[x.values["trader_class"]]) & x.values["review"])


@declare("amend_time", 11, low=True)
def _correction(x: Context, u: np.ndarray) -> np.ndarray:
    """The broker's time to correct a returned declaration and lodge it again (0 for a
    declaration not returned)."""
    returns = x.scenario.declaration.returns
    if returns is None:
        return np.zeros(x.n)
    return np.asarray(np.where(x.values["amended"], returns.correction.ppf(u), 0.0))


# --- transit goods (转关, sim.scenario.transit): the low parts of three goods' columns (value,
# origin, containers), the flow's stream (independent of the goods they describe); declared
# last so that every older draw keeps its place in the table
@declare("transit", 3, "bool", low=True)
def _transit(x: Context, u: np.ndarray) -> np.ndarray:
    """An import that arrives in transit from an entry port and is cleared at this office,
    under its trader class's share (less the share under clearance integration)."""
    t = x.port.transit
    if t is None or x.export:
        return np.zeros(x.n, bool)
    p = np.array([t.of(k) for k in TRADER_CLASSES])
    return np.asarray(u < p[x.values["trader_class"]])


@declare("transit_formalities", 4, low=True)
def _transit_formalities(x: Context, u: np.ndarray) -> np.ndarray:
    """The transit declaration's check and sealing at the entry port (0 without transit)."""
    t = x.port.transit
    if t is None or x.export:
        return np.zeros(x.n)
    return np.asarray(np.where(x.values["transit"], t.formalities.ppf(u), 0.0))


@declare("transit_travel", 5, low=True)
def _transit_travel(x: Context, u: np.ndarray) -> np.ndarray:
    """The journey under seal from the entry port to this office (0 without transit)."""
    t = x.port.transit
    if t is None or x.export:
        return np.zeros(x.n)
    return np.asarray(np.where(x.values["transit"], t.travel.ppf(u), 0.0))


# --- goods under clearance integration (通关一体化): a second reading of the transit draw's
# uniform, not a draw of its own (it takes no part of a column); declared last so that every
# older draw keeps its place in the table
@declare("integrated", 3, "bool", low=True, of="transit")
def _integrated(x: Context, u: np.ndarray) -> np.ndarray:
    """An import that clearance integration took out of transit: its uniform is under its
    trader class's transit share, so it would have come in transit without integration, but
    not under the share left in transit (``share x (1 - integrated)``, the draw ``transit``)."""
    t = x.port.transit
    if t is None or x.export:
        return np.zeros(x.n, bool)
    p = np.array([of_class(t.share, k) for k in TRADER_CLASSES])
    return np.asarray((u < p[x.values["trader_class"]]) & ~x.values["transit"].astype(bool))
