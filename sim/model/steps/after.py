"""Steps around release that the ``[after_release]`` section moves (see
:mod:`sim.scenario.after_release`): the duty payment release waits for, and what follows
release instead: the full declaration of a two-step declaration, the post-clearance tax review
of two-step processing, and the laboratory result of goods released before it (a recall if it
fails). Plan rule, scalar and bulk forms side by side.

The steps after release never move the journey's clock: clearance ends at release and the
goods leave as before; they record their milestones, from which the costs (guarantee,
recall) and the enforcement tally (found after release, or slipped) are read.
"""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.milestones import (
    ASSESSED,
    DUTY_PAID,
    FULL_DECLARED,
    LAB_END,
    RECALLED,
    RECOVERED,
    RELEASED_AT,
    TAX_REVIEWED,
    TRADER,
)
from sim.model.route import Step, at_port

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port


def two_step(r: np.ndarray) -> np.ndarray:
    """Imports declared in two steps (the draw is False for exports)."""
    return np.asarray(r[:, R.two_step] > 0)


class PayDuty(Step):
    """Imports: release waits for the duty paid (or guaranteed), due ``duty_payment`` after
    assessment, in parallel with the checks; a two-step declaration skips it."""

    name = "pay_duty"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return np.asarray((r[:, R.duty_payment] > 0) & ~two_step(r))

    def flow(self, j: Journey) -> None:
        paid = j.m[ASSESSED] + j.r[R.duty_payment]
        j.m[DUTY_PAID] = paid
        if paid > j.t:
            j.t = paid
            j.clock.to(paid, TRADER)

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        paid = b.m[:, ASSESSED] + b.req[:, R.duty_payment]
        b.m[rows, DUTY_PAID] = paid[rows]
        later = rows & (paid > b.t)
        b.t = np.where(later, paid, b.t)
        b.to(np.where(later, paid, b.cursor), TRADER)
        yield from ()


class FullDeclaration(Step):
    """A two-step declaration: the full declaration and the duty follow release (within the
    deadline), against a guarantee; the goods are not held."""

    name = "full_declaration"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return two_step(r)

    def flow(self, j: Journey) -> None:
        j.m[FULL_DECLARED] = j.m[RELEASED_AT] + j.r[R.full_declaration]

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        done = b.m[:, RELEASED_AT] + b.req[:, R.full_declaration]
        b.m[rows, FULL_DECLARED] = done[rows]
        yield from ()


def reviewed_after(p: Port, r: np.ndarray) -> np.ndarray:
    """Selected for a document check that two-step processing moves after release."""
    return at_port(p.document is not None, (r[:, R.sel_document] > 0) & (r[:, R.tax_after] > 0))


class TaxReview(Step):
    """Two-step processing: the document (tax) review selected at assessment is done after
    release by post-clearance review, ``review_lag`` later; it reads the papers as the
    document check would (the same alarm draw) but can no longer send goods to an exam."""

    name = "tax_review"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return reviewed_after(p, r)

    def flow(self, j: Journey) -> None:
        lag = j.port.scenario.after_release.two_step_processing.review_lag
        j.m[TAX_REVIEWED] = j.m[RELEASED_AT] + lag

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        lag = b.port.scenario.after_release.two_step_processing.review_lag
        b.m[rows, TAX_REVIEWED] = b.m[rows, RELEASED_AT] + lag
        yield from ()


def released_before_test(p: Port, r: np.ndarray) -> np.ndarray:
    """Rows whose sample goes to the laboratory and whose goods are released before the
    result (goods that need treatment always wait for it)."""
    sampled = at_port(
        p.quarantine_officers is not None and p.lab is not None,
        (r[:, R.sel_quarantine] > 0) & (r[:, R.sample] > 0),
    )
    seen = r[:, R.quarantine_seen] > 0  # found on site: held, as without the reform
    return np.asarray(
        sampled & (r[:, R.release_early] > 0) & (r[:, R.quarantine_treat] == 0) & ~seen
    )


def early(p: Port, r: Sequence[float]) -> bool:
    """:func:`released_before_test` for one consignment that had its quarantine check: what
    the on-site check itself finds (the visual check of the goods, their certificates and
    cold-chain papers) holds the goods as before; only goods whose illicit load the
    laboratory alone would find are released, and recalled at its result (see
    :func:`sim.model.truth.quarantine_seen`)."""
    seen = r[R.quarantine_seen]
    return bool(
        r[R.sample]
        and p.lab is not None
        and r[R.release_early]
        and not r[R.quarantine_treat]
        and not seen
    )


class LabResult(Step):
    """Release before test: the laboratory result of goods already released. A failed result
    recalls them ``recall`` later; goods already sold by then (a share ``1 - exp(-t /
    sell_time)`` of those recalled ``t`` after release) are not recovered. Waits for the
    result without moving the journey's clock; the last step of the route."""

    name = "lab_result"
    waits = True
    bulk_form = False

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return released_before_test(p, r)

    def flow(self, j: Journey) -> Generator[Any, Any, None]:
        c, r = j.c, j.r
        pending = c.pending
        if pending is None:  # the sample never went (the check ended the journey first)
            return
        _, result = yield pending
        c.pending = None
        j.m[LAB_END] = result
        found = bool(r[R.quarantine_finds])
        t, j.t = j.t, result  # the selector learns at the result
        j.port.observe(j, found)
        j.t = t
        if not found:
            return
        s = j.port.scenario.after_release.release_before_test
        recalled = result + s.recall
        j.m[RECALLED] = recalled
        sold = 1.0 - math.exp(-(recalled - j.m[RELEASED_AT]) / s.sell_time)
        if r[R.sold] >= sold:
            j.m[RECOVERED] = recalled
