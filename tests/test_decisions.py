"""Decisions at the time they are made: a dynamic selector decides at each consignment's
assessment from the state of the run then (here: the clock), at most ``refresh`` hours old;
consignments assessed before a change keep their decisions and their bulk path."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.model.selection import SelectionInput

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
NOTHING = {"*": {"*": 0.0}}


class ScanFrom:
    """Scans everything assessed from ``start`` on; nothing before (a rule that changes)."""

    dynamic = True

    def __init__(self, start: float, refresh: float):
        self.start, self.refresh = start, refresh
        self.asked: list[float] = []

    def select(self, block: SelectionInput) -> dict[str, np.ndarray]:
        self.asked.append(block.now)
        n = len(block.commodity)
        no = np.zeros(n, bool)
        return {
            "document": no,
            "scan": np.full(n, block.now >= self.start),
            "physical": no,
            "quarantine": no,
        }


def run(selector, review: float = 0.0) -> sim.RunResult:
    over = {
        "days": 3,
        "warmup_days": 1,
        "drain_days": 3,
        "declaration.review_share": {"*": review},
        "selection": {"document": NOTHING, "scan": NOTHING, "physical": NOTHING, "quarantine": {}},
        "ports.sea.scan.image_review.ai_share": 0.0,  # every image read by an officer
    }
    return sim.simulate(sim.load_scenario(SMALL, over), 3, log=True, selector=selector)


def assessed(log: pd.DataFrame) -> pd.DataFrame:
    return log[log.assessed.notna()]


@pytest.mark.parametrize("refresh", [1.0, 0.0])
def test_exactly_the_consignments_assessed_after_the_change_are_affected(refresh):
    start = 48.0  # on a refresh boundary
    changed, never = ScanFrom(start, refresh), ScanFrom(math.inf, refresh)
    a, b = run(changed).log, run(never).log
    rows = assessed(a)
    assert (rows.sel_scan == (rows.assessed >= start)).all()
    assert rows.sel_scan.any() and not rows.sel_scan.all()
    # those assessed before the change are exactly as in a run where it never came
    before = a.assessed < start
    pd.testing.assert_frame_equal(
        a[before].reset_index(drop=True), b[b.assessed < start].reset_index(drop=True)
    )
    # and the others really were scanned: every one out of the flow by the end (a censored
    # one may still be waiting for the scanner, whose start is then not reached)
    after = a[~before & a.assessed.notna()]
    done = after[after.outcome != "censored"]
    assert len(done) > 100 and done.scan_start.notna().all()


def test_consignments_assessed_before_the_change_keep_their_bulk_path():
    start = 48.0
    r, never = run(ScanFrom(start, 1.0)), run(ScanFrom(math.inf, 1.0))
    log = r.log
    after = int((log.assessed >= start).sum())
    assert never.paths == {"bulk": len(log), "flow": 0}  # nothing selected: all in bulk
    # a scanned consignment meets two queues (scanner, then the image officer): a flow
    assert r.paths == {"bulk": len(log) - after, "flow": after}


def test_decisions_are_at_most_refresh_old():
    """A change between two refresh instants reaches only the interval after it."""
    start, refresh = 50.5, 2.0
    rows = assessed(run(ScanFrom(start, refresh)).log)
    decided_at = np.floor(rows.assessed / refresh) * refresh
    assert (rows.sel_scan == (decided_at >= start)).all()
    assert ((rows.assessed - decided_at) < refresh).all()


def test_reviewed_declarations_decide_at_their_own_assessment():
    """Declarations that queue for officer review first are decided on their way."""
    start = 48.0
    selector = ScanFrom(start, 0.0)
    r = run(selector, review=0.5)
    rows = assessed(r.log)
    assert rows.review.any()
    assert (rows.sel_scan == (rows.assessed >= start)).all()
    # every decision was taken at the moment of an assessment (or at time 0, for declarations
    # lodged in advance and assessed before the run's first instant)
    assert set(np.round(selector.asked, 9)) <= set(np.round(rows.assessed, 9)) | {0.0}


def test_reviewed_declarations_are_decided_between_their_tick_and_their_assessment():
    """With ``refresh`` > 0 a reviewed declaration waits, on its way, for the block of its
    assessment's tick, or, if it asked for review in that interval (the tick has passed), is
    decided alone when its review is booked: either way at a moment in [tick, assessment],
    so from a state at most ``refresh`` old and never after the assessment."""
    start, refresh = 50.5, 2.0
    selector = ScanFrom(start, refresh)
    rows = assessed(run(selector, review=0.5).log)
    reviewed = rows[rows.review.notna()]
    assert len(reviewed) > 50
    tick = np.floor(reviewed.assessed / refresh) * refresh
    assert reviewed.sel_scan[tick >= start].all()  # decided no earlier than the tick
    assert not reviewed.sel_scan[reviewed.assessed < start].any()  # nor after the assessment
    # both ways were taken: blocks at ticks, and declarations decided alone in between
    asked = np.asarray(selector.asked)
    assert (asked % refresh == 0).any() and (asked % refresh != 0).any()


class Foreseeing(ScanFrom):
    """:class:`ScanFrom` that tells the model which decisions to plan ahead for: the right
    ones, or (``wrong``) only 'nothing', so every scan falls outside them."""

    def __init__(self, start: float, refresh: float, wrong: bool):
        super().__init__(start, refresh)
        self.wrong = wrong

    def outcomes(self, block: SelectionInput) -> list[dict[str, np.ndarray]]:
        n = len(block.commodity)
        no, yes = np.zeros(n, bool), np.ones(n, bool)
        nothing = {"document": no, "scan": no, "physical": no, "quarantine": no}
        return [nothing] if self.wrong else [nothing, {**nothing, "scan": yes}]


@pytest.mark.parametrize("start", [0.0, 48.0])  # (0: declarations lodged before the run too)
def test_a_decision_the_selector_did_not_foresee_is_planned_when_taken(start):
    """``outcomes`` is a hint for planning ahead: a decision outside it (here every scan)
    is planned when it is taken, so the run is exactly that of a selector without the hint,
    for blocks, reviewed rows and journeys alike."""
    logs = [
        run(selector, review=0.5).log
        for selector in (ScanFrom(start, 1.0), *(Foreseeing(start, 1.0, w) for w in (False, True)))
    ]
    assert logs[0].sel_scan.any() and logs[0].review.notna().any()
    pd.testing.assert_frame_equal(logs[0], logs[1])
    pd.testing.assert_frame_equal(logs[0], logs[2])


@pytest.mark.parametrize("document", ["unlimited", 2])
def test_the_risk_engine_in_bulk_gives_exactly_what_the_general_flow_gives(document):
    """With a dynamic selector, decided rows that meet no queue are held and finished in bulk
    with other ticks' rows, blocks whose one queue is booked are finished merged, small
    one-queue blocks go as flows: the same times, decisions,
    counts and lane statistics (an unlimited document desk too) as when every consignment is
    a flow; rows held near the end are finished before it."""
    over = {
        "days": 4,
        "warmup_days": 1,
        "drain_days": 2,
        "declaration.review_share": {"*": 0.3},
        "ports.sea.document_check.capacity": document,
        "ports.sea.traffic.origins": {"a": 0.5, "b": 0.5},
        "risk": {"target": 0.05, "random_share": 0.1, "window": 2000, "refresh": "1 h"},
    }
    s = sim.load_scenario(SMALL, over)
    fast = sim.simulate(s, 2, log=True, fast=True)
    slow = sim.simulate(s, 2, log=True, fast=False)
    assert fast.paths["bulk"] > fast.paths["flow"]  # the bulk path was taken
    pd.testing.assert_frame_equal(fast.log, slow.log)
    assert fast.counts == slow.counts
    cols = ["served", "jobs_total", "service_mean_h", "wait_mean_h", "utilisation"]
    pd.testing.assert_frame_equal(fast.resources[cols], slow.resources[cols], rtol=1e-9)


def reviewed(fast: bool, **extra: object) -> sim.RunResult:
    over = {
        "days": 3,
        "warmup_days": 1,
        "drain_days": 2,
        "declaration.review_share": {"*": 0.6},
        "risk": {"target": 0.05, "random_share": 0.1, "window": 2000, "refresh": "1 h"},
        **extra,
    }
    return sim.simulate(sim.load_scenario(SMALL, over), 2, log=True, fast=fast)


def test_reviewed_declarations_wait_for_their_decision_as_rows_not_as_journeys():
    """A declaration that queues for officer review before the risk engine decides it is
    a row until then: with no queue after the review, nearly none runs as a flow (as
    journeys, every reviewed declaration did)."""
    extra = {
        "ports.sea.document_check.capacity": "unlimited",
        "ports.sea.exports": None,
        "risk.target": 0.01,
        "risk.random_share": 0.0,
    }
    fast, slow = reviewed(True, **extra), reviewed(False, **extra)
    pd.testing.assert_frame_equal(fast.log, slow.log)
    n_reviewed = int((fast.log.review > 0).sum())
    assert n_reviewed > 500
    assert fast.paths["flow"] < 0.25 * n_reviewed


@pytest.mark.parametrize(
    "extra",
    [
        {"drain_days": 0},  # the run ends before many are lodged: waiting for their review
        {"ports.sea.review.capacity": 1, "ports.sea.review.service.mean": "40 min"},  # decision
        {"ports.sea.review.capacity": 0},  # a review lane that never serves
    ],
    ids=["waiting-for-review", "waiting-for-decision", "never-reviewed"],
)
def test_reviewed_rows_still_waiting_at_the_end_are_censored_as_their_journeys(extra):
    """Rows still waiting for their review booking or their decision when the run ends are
    recorded as the journeys they stand for would be: censored, where they stopped."""
    fast, slow = reviewed(True, **extra), reviewed(False, **extra)
    assert fast.counts["censored"] > 100
    pd.testing.assert_frame_equal(fast.log, slow.log)
    assert fast.counts == slow.counts
    cols = ["served", "jobs_total", "service_mean_h", "wait_mean_h", "utilisation"]
    pd.testing.assert_frame_equal(fast.resources[cols], slow.resources[cols], rtol=1e-9)


def test_journeys_asking_a_lane_at_the_same_moment_are_booked_in_arrival_order():
    """Declarations assessed before the run starts ask their first lane at its start, all at
    one moment. Those reviewed first and the others start as journeys in arrival order, so
    the lane books them in it, as the bulk path does (found by the property test: the
    reviewed ones used to start first in the general flow)."""
    over = {
        "days": 1,
        "warmup_days": 0,
        "drain_days": 0,
        "declaration.review_share": {"*": 0.5},
        "ports.sea.review.capacity": "unlimited",
        "ports.sea.document_check.capacity": 1,
        "ports.sea.declaration.advance_share": {"import": 1.0, "export": 1.0},
        "selection.document": {"*": {"*": 0.5}},
        "risk": {"target": 0.25, "random_share": 0.0, "window": 500, "refresh": "0 h"},
    }
    s = sim.load_scenario(SMALL, over)
    fast = sim.simulate(s, 0, log=True, fast=True)
    slow = sim.simulate(s, 0, log=True, fast=False)
    log = slow.log
    at_start = log[(log.assessed < 0) & log.doc_start.notna()].sort_values("doc_start")
    assert len(at_start) > 5 and (at_start.review > 0).any() and (at_start.review == 0).any()
    assert at_start["index"].is_monotonic_increasing  # all asked at 0: served in that order
    pd.testing.assert_frame_equal(fast.log, slow.log)


def test_queues_before_the_assessment_are_those_of_the_plan_not_only_the_review():
    """A dynamic selector cannot know when a declaration that queues before its assessment
    is assessed: each such step (today the review; any step placed before ``assess``) sends
    it on its way as a journey, decided at its real assessment. A rule written for the review
    alone decided a step added there up to 377 h early."""
    from sim.model.route import Route
    from sim.model.world import World

    world = World(sim.load_scenario(SMALL), 1)
    port = world.ports[0]
    route = port.route
    review = route.bit["review"] | route.bit["resubmit"]  # (a returned one: reviewed again)
    assert route.queued_before("assess") == review
    steps = list(route.steps)
    doc = next(s for s in steps if s.name == "document_check")
    steps.remove(doc)
    steps.insert(steps.index(next(s for s in steps if s.name == "assess")), doc)
    moved = Route(port, steps)  # (a queue of its own before the assessment)
    assert moved.queued_before("assess") == review | moved.bit["document_check"]
    assert moved.queued_before("lodge") == 0
