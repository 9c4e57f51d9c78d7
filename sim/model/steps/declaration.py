"""Declaration steps: lodging, officer review, risk assessment (where selection is decided),
and escalation to the organisation. Each step's plan rule, scalar form and bulk form side by
side."""

from __future__ import annotations

from array import array
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from sim.model.draws import R
from sim.model.milestones import ACCEPTED, ASSESSED, CUSTOMS, LODGED, LODGED_Q, TRADER
from sim.model.route import Step, at_port, finite
from sim.model.sample_settle import settle, settle_row
from sim.model.selection import Preparing, SelectionInput
from sim.model.transit_leg import here, here_one, inland, sealed, sealed_one
from sim.scenario.schema import CHECKS

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port

ADVANCE, LEAD, LODGING, SECOND = R.advance, R.advance_lead, R.lodging_delay, R.second_submission
STATUTORY = R.statutory
DECISIONS = {check: getattr(R, f"sel_{check}") for check in CHECKS}
_COLUMNS = list(DECISIONS.values())
_BITS = np.array([1 << i for i in range(len(CHECKS))], float)  # (exact in floats)


def lodged_at(r: np.ndarray, arrived: np.ndarray) -> np.ndarray:
    """When each declaration of a requirement table is lodged: before arrival (advance) or
    after it (the trader's delay); transit goods from their arrival here, after their leg.
    The rule of :class:`Lodge`, for whoever plans ahead."""
    return lodged_here(r, inland(r, arrived))


def lodged_here(r: np.ndarray, arrived: np.ndarray) -> np.ndarray:
    """:func:`lodged_at` from the goods' arrival here (``arrived``: after any transit leg)."""
    return np.asarray(np.where(r[:, ADVANCE] > 0, arrived - r[:, LEAD], arrived + r[:, LODGING]))


class Lodge(Step):
    """The trader lodges the declaration: before arrival (advance) or after it (the trader's
    delay); with separate declarations, goods subject to statutory inspection need a second
    one, to inspection & quarantine."""

    name = "lodge"
    every = True

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.ones(len(r), bool)

    def flow(self, j: Journey) -> None:
        r, m, arrived = j.r, j.m, here_one(j)
        t = sealed_one(j, arrived - r[LEAD] if r[ADVANCE] else arrived + r[LODGING])
        m[LODGED] = t
        j.clock.to(t, TRADER)
        j.lodged_q = j.q_done = t
        if j.port.separate_declarations and r[STATUTORY]:
            j.lodged_q = j.q_done = t + r[SECOND]
            m[LODGED_Q] = j.lodged_q
        j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        req = b.req
        t = sealed(b, lodged_here(req, here(b)))
        b.m[:, LODGED] = t
        b.to(t, TRADER)
        b.lodged_q = b.q_done = t
        if b.port.separate_declarations:
            second = req[:, STATUTORY] > 0
            b.lodged_q = b.q_done = np.where(second, t + req[:, SECOND], t)
            b.m[second, LODGED_Q] = b.lodged_q[second]
        b.t = t
        yield from ()


class Review(Step):
    """A share of declarations goes to officer review before acceptance."""

    name = "review"
    visits_lane = True
    lane_attr = "review"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return at_port(p.review is not None, r[:, R.review] > 0)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.full(len(r), int(finite(p.review)))

    def visit(self, j: Journey) -> tuple[Any, float, float]:
        if j.port.approach is not None:  # (a queued truck's review, booked while it waited)
            j.port.approach.docs.review_of(j.c)
        return j.port.review, j.t, j.r[R.review_time]

    def visited(self, j: Journey, start: float, end: float) -> None:
        j.t = end

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        _, end = yield from b.serve(b.port.review, b.t, b.req[:, R.review_time], rows)
        b.t = np.where(rows, end, b.t)


class Assess(Step):
    """Acceptance, then the risk assessment: the channel is decided here (by a static
    selector when the consignment was made; by a dynamic one in the next step, Decide)."""

    name = "assess"
    every = True

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.ones(len(r), bool)

    def flow(self, j: Journey) -> None:
        m, t = j.m, j.t
        m[ACCEPTED] = t
        j.clock.to(t, CUSTOMS)
        t += j.port.assess
        m[ASSESSED] = t
        j.clock.to(t, CUSTOMS)
        j.t = t

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        t = b.t
        b.m[:, ACCEPTED] = t
        b.to(t, CUSTOMS)
        t = t + b.port.assess
        b.m[:, ASSESSED] = t
        b.to(t, CUSTOMS)
        b.t = t
        yield from ()


class Decide(Step):
    """A dynamic selector's decision for a consignment that reached its assessment undecided
    (one that queued for officer review first); see :mod:`sim.model.decisions`. Planned only
    for such consignments, so a static selector never costs a step."""

    name = "decide"
    waits = True
    bulk_form = False

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.zeros(len(r), bool)  # set by the decisions of a dynamic selector

    def flow(self, j: Journey) -> Generator[Any, Any, None]:
        yield from j.port.decisions.decide_one(j)


def select(
    p: Port,
    r: np.ndarray,
    uniforms: dict[str, np.ndarray],
    now: float,
    prepared: np.ndarray | None = None,
    cohort: np.ndarray | None = None,
) -> np.ndarray:
    """Decide the checks of the rows of ``r`` and write them into its decision columns.

    With one declaration (``single``) customs and quarantine selection is one decision: the
    physical-exam and quarantine draws share a uniform, so the two selected sets nest. With
    two declarations (``separate``, before 2018) the agencies select independently and the
    inspected set is the union of theirs. Either way only goods subject to statutory
    inspection can be selected for a quarantine check. The selector never needs to know.
    ``prepared``: the rows' :func:`prepare`, made when they were (a dynamic selector's);
    ``cohort``: which rows are cohort members (what a selector's report counts).
    Returns each row's decision as a number 0-15 (bit i: ``CHECKS[i]``).
    """
    block = selection_input(p, r, uniforms, now, cohort)
    if prepared is None:
        chosen = dict(p.selector.select(block))
    else:
        chosen = dict(cast(Preparing, p.selector).select(block, prepared))
    tables = np.asarray(chosen["quarantine"], bool)  # (the selector's own, for the sample)
    chosen = p.orders.add(chosen, r)  # (control orders: their checks beside the selector's)
    chosen["quarantine"] = chosen["quarantine"] & _quarantine_remit(r)
    settle(r, tables)  # (an order's own sample share: sim.model.sample_settle)
    for check, col in DECISIONS.items():
        r[:, col] = chosen[check]
    # (each decision column now holds 0 or 1: their sum weighted by bit is the number)
    return np.asarray(r[:, _COLUMNS].dot(_BITS).astype(np.int64))


def _quarantine_remit(r: np.ndarray) -> np.ndarray:
    """Rows a quarantine check at the border may select: goods subject to statutory
    inspection, less those an inspection at origin spares (``origin_inspection`` 2)."""
    return np.asarray((r[:, R.statutory] > 0) & (r[:, R.origin_inspection] < 2))


def selection_input(
    p: Port,
    r: np.ndarray,
    uniforms: dict[str, np.ndarray],
    now: float,
    cohort: np.ndarray | None = None,
) -> SelectionInput:
    """What the selector sees of the rows of ``r`` (see :func:`select`)."""
    u = dict(uniforms)
    if not p.separate_declarations:
        u["quarantine"] = u["physical"]
    return SelectionInput(
        port=p.name,
        direction=r[:, R.direction].astype(int),
        commodity=r[:, R.commodity].astype(int),
        trader_class=r[:, R.trader_class].astype(int),
        value=r[:, R.value],
        origin=r[:, R.origin].astype(int),
        uniforms=u,
        now=now,
        illicit=r[:, R.illicit].astype(int),
        score_u=r[:, R.score_noise],
        cohort=cohort,
    )


def uniforms_of(r: np.ndarray) -> dict[str, np.ndarray]:
    """The selection uniforms of undecided rows (their decision columns hold them)."""
    return {check: r[:, col] for check, col in DECISIONS.items()}


def prepare(p: Port, r: np.ndarray, uniforms: dict[str, np.ndarray]) -> np.ndarray | None:
    """What of the rows' decisions does not depend on the run's state, worked out now for
    :func:`select` to use later, where the selector can (``prepare``), else None."""
    ask = getattr(p.selector, "prepare", None)
    if ask is None:
        return None
    out = ask(selection_input(p, r, uniforms, p.env.now))
    return None if out is None else np.asarray(out)


def outcomes(p: Port, r: np.ndarray, uniforms: dict[str, np.ndarray]) -> np.ndarray:
    """The decisions (numbers 0-15, bit i: ``CHECKS[i]``) each row of ``r`` may get from a
    dynamic selector whatever the run's state then, one column per possibility: the
    selector's ``outcomes`` where it has them, else all 16. A hint for planning ahead: a
    decision outside it is planned when it is taken."""
    ask = getattr(p.selector, "outcomes", None)
    n = len(r)
    if ask is None:
        return np.tile(np.arange(16, dtype=np.int64), (n, 1))
    remit = _quarantine_remit(r)
    cols = []
    for asked in ask(selection_input(p, r, uniforms, p.env.now)):
        chosen = p.orders.add(asked, r)
        bits = [chosen[c] & remit if c == "quarantine" else chosen[c] for c in CHECKS]
        cols.append(sum(np.asarray(b, np.int64) << i for i, b in enumerate(bits)))
    return np.stack(cols, axis=1)


def select_row(
    p: Port,
    row: Sequence[float],
    now: float,
    prepared: Sequence[float] | None = None,
    cohort: bool = True,
) -> tuple[array[float], int] | None:
    """:func:`select` for one declaration given as its requirement row, in scalars, where the
    selector has a scalar form (``select_row``): the row with its decisions written in and
    the decision's number 0-15 (bit i: ``CHECKS[i]``), or None (then :func:`select` applies).
    ``prepared``: its :func:`prepare` row, if any; ``cohort``: whether it is a cohort member."""
    one = getattr(p.selector, "select_row", None)
    if one is None:
        return None
    chosen = one(p.name, now, row, (row[_DOC], row[_SCAN], row[_PHYSICAL]), prepared, cohort)
    if chosen is None:
        return None
    document, scan, physical, quarantine = p.orders.add_row(chosen, row)
    quarantine = quarantine and row[STATUTORY] > 0  # its remit
    out = array("d", row)  # (one object, as a flow's requirement row: see requirement_rows)
    settle_row(out, bool(chosen[3]))  # (an order's own sample share)
    out[_DOC], out[_SCAN] = float(document), float(scan)
    out[_PHYSICAL], out[_QUARANTINE] = float(physical), float(quarantine)
    return out, document + 2 * scan + 4 * physical + 8 * quarantine


_DOC, _SCAN, _PHYSICAL, _QUARANTINE = (
    DECISIONS[c] for c in ("document", "scan", "physical", "quarantine")
)


class Escalate(Step):
    """A decision referred up the organisation (a ruling, a quarantine approval) that the
    goods wait for; planned for the consignments the organisation says escalate and hold
    (none without an ``[organisation]``), so only they leave the bulk path."""

    name = "escalate"
    waits = True
    bulk_form = False

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return p.organisation.escalates(r)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.full(len(r), 2)

    def flow(self, j: Journey) -> Generator[Any, Any, None]:
        j.t = yield from j.port.organisation.wait(j.c, j.t, "assessment", j.clock)
