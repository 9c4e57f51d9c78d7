"""A censored consignment is logged as it stood when the run ended: no milestone after the
end, and owners' hours that stop there. Steps that cannot queue compute a future time
(pick-up, loading, lodging) before the simulated clock gets there; the log must not say it
was reached."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sim
from sim.model.milestones import DUE_AFTER_RELEASE, MILESTONES, OWNERS
from sim.model.run import simulate
from sim.scenario.schema import Scenario
from tests.test_properties import scenario_data

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
OWN = [f"own_{o}" for o in OWNERS]
#: booked at release as due dates (a review a month on, a full declaration within days): a
#: consignment out of the flow keeps them even past the run's end (see docs/log.md)
AFTER_RELEASE = DUE_AFTER_RELEASE
FLOW = [m for m in MILESTONES if m not in AFTER_RELEASE]


def run_end(s: Scenario) -> float:
    """The run's end, in hours from its start: warm-up, observed days and drain."""
    return (s.warmup_days * 24 + s.days * 24) + s.drain_days * 24


def check_ends(log: pd.DataFrame, end: float) -> None:
    """No row's milestone after the run's end (but the due dates of consignments out of
    the flow); censored rows' owner hours within arrival to the end; released rows' hours
    add up to their flow."""
    late = log[FLOW].gt(end).any(axis=1)
    assert not late.any(), log.loc[late, ["port", "index", "outcome", *FLOW]].head()
    cen = log[log.outcome == "censored"]
    assert not cen[list(MILESTONES)].gt(end).any().any()
    owned = cen[OWN].sum(axis=1)
    assert (cen[OWN] >= 0).all().all()
    assert (cen.arrived + owned <= end + 1e-9).all(), (cen.arrived + owned).max()
    rel = log[log.outcome == "released"]
    flow = rel.exited.fillna(rel.loaded)
    np.testing.assert_allclose(rel[OWN].sum(axis=1), flow - rel.arrived, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize(
    "path,overrides,seed",
    [
        # a pick-up past the end (with the warm-up the case was found with)
        (sim.default_scenario_path(), {"days": 7, "warmup_days": 7}, 0),
        (SMALL, {"days": 3, "drain_days": 0.5}, 4),
        (SMALL, {"days": 3, "drain_days": 0, "declaration.mode": "separate"}, 5),
        # separate declarations: the quarantine clearance form, in bulk too
        (SCENARIOS / "china-2017.toml", {"days": 7, "drain_days": 0}, 1),
    ],
)
def test_censored_rows_stop_at_the_end(path: Path, overrides: dict, seed: int):
    scenario = sim.load_scenario(path, overrides)
    end = run_end(scenario)
    for fast in (True, False):
        log = simulate(scenario, seed, log=True, fast=fast).log
        check_ends(log, end)
        cen = log[log.outcome == "censored"]
        assert len(cen) > 0
        # a journey that ran past the end (its exit computed ahead) books hours to the end
        gone = cen[cen.released.notna() & cen.exited.isna() & cen.loaded.isna()]
        full = (gone.arrived + gone[OWN].sum(axis=1) - end).abs() < 1e-6
        assert len(gone) and full.all()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_data(), st.integers(0, 2**32 - 1), st.sampled_from([0, 0.25, 1]))
def test_no_milestone_after_the_runs_end_in_bulk_or_flow(data: dict, seed: int, drain: float):
    """Generated scenarios with a short drain (many censored), both paths."""
    scenario = Scenario.model_validate({**data, "drain_days": drain})
    end = run_end(scenario)
    fast = simulate(scenario, seed, log=True, fast=True)
    slow = simulate(scenario, seed, log=True, fast=False)
    for r in (fast, slow):
        check_ends(r.log, end)
    pd.testing.assert_frame_equal(fast.log, slow.log)  # both paths censor alike
