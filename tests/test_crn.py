"""Randomness that survives reforms: the same consignment carries the same draws.

Across a capacity change and across separate vs joint inspection, the per-consignment logs of
two runs with one seed must carry identical attributes and service requirements, consignment
by consignment; and the bulk green lane must give exactly what the general flow gives.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.model.consignment import REQUIREMENTS

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
KEY = ["port", "index"]


def logs(a: dict, b: dict, seed: int = 11) -> tuple[pd.DataFrame, pd.DataFrame]:
    return _log(json.dumps(a), seed).set_index(KEY), _log(json.dumps(b), seed).set_index(KEY)


@functools.lru_cache(maxsize=4)
def _log(over: str, seed: int) -> pd.DataFrame:
    """The log of a run of the small scenario with the overrides ``over`` (JSON: a hashable
    key), kept: the run without overrides is the baseline of most tests here, made once."""
    return sim.simulate(sim.load_scenario(SMALL, json.loads(over)), seed, log=True).log


@pytest.mark.parametrize(
    "change",
    [
        {"ports.sea.document_check.capacity": 1, "ports.sea.exam.bays.capacity": 1},
        {"inspection.mode": "separate"},
        {"inspection.joint_staffing": "cross_trained"},
    ],
    ids=["capacity", "separate-inspection", "cross-trained"],
)
def test_same_consignments_same_draws(change):
    base, reform = logs({}, change)
    common = base.index.intersection(reform.index)
    # the same consignments arrive (arrivals do not depend on anything downstream) ...
    assert len(common) == len(base) == len(reform) > 1000
    cols = [c for c in REQUIREMENTS if c not in ("sel_quarantine",)]
    pd.testing.assert_frame_equal(base.loc[common, cols], reform.loc[common, cols])
    assert (base.loc[common, "arrived"] == reform.loc[common, "arrived"]).all()
    # ... and the reform really changed what happened to them
    assert not base["exited"].equals(reform["exited"])


def test_a_higher_share_keeps_the_same_consignments_and_adds_others():
    """Shares act on fixed uniforms: images AI clears at 50 % are still cleared at 90 %."""
    base, reform = logs({}, {"ports.sea.scan.image_review.ai_clear": 0.9})
    assert (reform.ai_clear[base.ai_clear]).all()
    assert reform.ai_clear.mean() == pytest.approx(0.9, abs=0.02)
    others = [c for c in REQUIREMENTS if c != "ai_clear"]
    pd.testing.assert_frame_equal(base[others], reform[others])


def test_separate_declarations_keep_customs_draws():
    # two declarations change how quarantine is selected (independently), nothing else drawn
    base, reform = logs({}, {"declaration.mode": "separate"})
    cols = [c for c in REQUIREMENTS if c != "sel_quarantine"]
    pd.testing.assert_frame_equal(base[cols], reform[cols])


def test_coordinated_selection_nests_and_separate_is_union():
    """One declaration: the physical and quarantine selections share a draw (nested sets);
    two declarations: independent draws, so more consignments are inspected at all."""
    over = {"selection.physical": {"*": {"*": 0.3}}, "selection.quarantine": {"*": {"*": 0.3}}}
    single, separate = logs(over, {**over, "declaration.mode": "separate"})
    s_either = (single.sel_physical | single.sel_quarantine).mean()
    s_both = (single.sel_physical & single.sel_quarantine).mean()
    p_either = (separate.sel_physical | separate.sel_quarantine).mean()
    assert (single.sel_physical == single.sel_quarantine).all()  # p equal: the sets coincide
    assert s_either == pytest.approx(0.3, abs=0.03) and s_both == pytest.approx(s_either)
    assert p_either == pytest.approx(1 - 0.7 * 0.7, abs=0.03)  # the union of independent 30 %


BULK_CASES = [
    (SMALL, {}),
    (
        SMALL,
        {
            "ports.sea.scan.image_review.officers.capacity": "unlimited",
            "ports.sea.release.gate": {"capacity": 1, "service": "4 min"},
            "declaration.mode": "separate",
        },
    ),
    (sim.default_scenario_path(), {}),
]


@pytest.mark.parametrize("path,over", BULK_CASES, ids=["small", "small-variant", "default"])
def test_green_lane_in_bulk_equals_general_flow(path, over):
    """Consignments finished in bulk (no queue, or one FIFO queue) get exactly what the
    general flow gives them, and leave the lanes' statistics exactly the same."""
    s = sim.load_scenario(path, {"days": 7, **over})
    fast = sim.simulate(s, 5, log=True, fast=True)
    slow = sim.simulate(s, 5, log=True, fast=False)
    pd.testing.assert_frame_equal(fast.log, slow.log)
    assert fast.counts == slow.counts
    cols = ["served", "jobs_total", "service_mean_h", "wait_mean_h", "wait_p90_h", "utilisation"]
    pd.testing.assert_frame_equal(fast.resources[cols], slow.resources[cols], rtol=1e-9)
    mf, ms = fast.metrics(), slow.metrics()
    for k in mf:  # sums folded in another order: equal to rounding
        assert (math.isnan(mf[k]) and math.isnan(ms[k])) or mf[k] == pytest.approx(ms[k], rel=1e-9)


@pytest.mark.parametrize("capacity", [0, 1])
def test_censored_one_lane_block_logs_like_general_flow(capacity):
    """Censored consignments whose one queue is the document check: the bulk path and the
    general flow should log them the same way (counts and statistics already agree)."""
    over = {
        "days": 1,
        "warmup_days": 1,
        "drain_days": 0,
        "declaration.review_share": {},
        "selection": {"document": {"*": {"*": 0.5}}},
        "ports.sea.document_check.capacity": capacity,
    }
    s = sim.load_scenario(SMALL, over)
    fast = sim.simulate(s, 0, log=True, fast=True)
    slow = sim.simulate(s, 0, log=True, fast=False)
    assert fast.counts == slow.counts
    pd.testing.assert_frame_equal(fast.log, slow.log)
