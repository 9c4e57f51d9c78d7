"""Quarantine steps after the examination: the result (laboratory, rejection, treatment) and,
with separate declarations, the quarantine clearance form. Plan rule, scalar and bulk forms side
by side; the lab has no bulk form (it runs batches), so its consignments are flows."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.model.draws import R
from sim.model.green_lane import green
from sim.model.ipr_hold import released_after_reply
from sim.model.milestones import (
    LAB_END,
    LAB_START,
    Q_CLEARED,
    QUARANTINE,
    TRADER,
    TREATED,
    TREATMENT_START,
)
from sim.model.route import Step, at_port
from sim.model.steps.after import early
from sim.model.steps.inspection import quarantine_rows
from sim.model.truth import PEST

if TYPE_CHECKING:
    from sim.model.bulk import Bulk
    from sim.model.journey import Journey
    from sim.model.port import Port


class QuarantineResult(Step):
    """After a quarantine check: a sample may go to the laboratory (each test runs its own
    batches); the goods may then be rejected (returned or destroyed: they leave the clearance
    statistics) or treated (fumigation, heat treatment) and released; with cold-chain
    measures, covered imports are then disinfected and held (:mod:`sim.model.cold_chain`)."""

    name = "quarantine_result"
    waits = True
    ends = True
    bulk_form = False

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return quarantine_rows(p, r)

    def visits(self, p: Port, r: np.ndarray) -> np.ndarray:
        lab = 2 * (r[:, R.sample] > 0) * int(p.lab is not None)
        return lab if p.cold_chain is None else lab + 2 * p.cold_chain.rows(r)

    def lanes_of(self, p: Port) -> tuple[Any, ...] | None:
        # without a lab or cold-chain measures it never waits
        return () if p.lab is None and p.cold_chain is None else None

    def flow(self, j: Journey) -> Generator[Any, Any, None]:
        p, r, env = j.port, j.r, j.env
        if r[R.sample] and p.lab is not None:
            t = j.t
            if t > env.now:
                yield env.timeout(t - env.now)
            j.m[LAB_START] = t
            test = p.lab_tests[int(r[R.commodity])]
            result = p.lab.submit(r[R.incubation], j.c.cohort, test, green(p, r))
            if early(p, r):  # released before the result: see steps.after.LabResult
                j.c.pending = result  # (the cold-chain hold is no lab test: still taken)
                if p.cold_chain is not None and p.cold_chain.applies(r):
                    yield from p.cold_chain.hold(j)
                return
            _, t = yield result
            j.m[LAB_END] = j.t = j.q_done = t
            j.clock.to(t, QUARANTINE)
        found, treat = bool(r[R.quarantine_finds]), bool(r[R.quarantine_treat])
        p.observe(j, found)
        if found:
            if int(r[R.illicit]) == PEST and r[R.pest_treated]:
                treat = True
            else:
                caught = p.caught[int(r[R.illicit])]
                # (goods the exam found and still here were released after the IPR reply
                # days: ipr_hold; a second finding neither holds nor catches them again)
                again = j.c.did_physical and r[R.exam_finds]
                if caught is not None and not again and not released_after_reply(j):
                    j.c.outcome = caught
                    return
        if treat:  # (from the result: the check's end, or the laboratory's if sampled)
            j.m[TREATMENT_START] = j.t
            t = j.t + r[R.treatment_time]
            j.m[TREATED] = j.t = j.q_done = t
            j.clock.to(t, QUARANTINE)
        if p.cold_chain is not None and p.cold_chain.applies(r):  # (sim.model.cold_chain)
            yield from p.cold_chain.hold(j)


class QuarantineForm(Step):
    """Separate declarations: customs releases goods subject to statutory inspection only
    against the quarantine clearance form, issued from quarantine's last step (its check, the
    laboratory's result, the treatment; unchecked goods, their quarantine declaration). Until
    the trader has lodged that declaration the wait is the trader's (as before an
    examination), the form's issue quarantine's."""

    name = "quarantine_form"

    def taken(self, p: Port, r: np.ndarray) -> np.ndarray:
        return at_port(p.separate_declarations, r[:, R.statutory] > 0)

    def flow(self, j: Journey) -> None:
        if j.lodged_q > j.t:  # (the form waits for the declaration: the trader's time)
            j.clock.to(j.lodged_q, TRADER)
        q_done = j.q_done + j.r[R.clearance_form]
        j.m[Q_CLEARED] = q_done
        if q_done > j.t:
            j.t = q_done
            j.clock.to(q_done, QUARANTINE)

    def bulk(self, b: Bulk, rows: np.ndarray) -> Generator[Any, Any, None]:
        declared = rows & (b.lodged_q > b.t)
        b.to(np.where(declared, b.lodged_q, b.cursor), TRADER)
        q_done = b.q_done + b.req[:, R.clearance_form]
        b.m[rows, Q_CLEARED] = q_done[rows]
        later = rows & (q_done > b.t)
        b.t = t = np.where(later, q_done, b.t)
        b.to(np.where(later, t, b.cursor), QUARANTINE)
        yield from ()
