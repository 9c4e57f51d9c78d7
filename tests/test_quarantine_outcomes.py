"""Quarantine outcomes: treatment (fumigation, heat) then release is not a rejection; the lab's
turnaround follows the test a commodity needs, and each test runs its own batches."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import sim
from sim.model.draws.checks import _incubation

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
CHECK_ALL_FROZEN = {
    "selection.quarantine": {"frozen": {"*": 1.0}},
    "ports.sea.quarantine.officers.capacity": 6,
}


def run(over: dict) -> sim.RunResult:
    return sim.simulate(sim.load_scenario(SMALL, {**CHECK_ALL_FROZEN, **over}), 5, log=True)


def test_treated_goods_are_released_after_treatment_and_counted_apart_from_rejections():
    r = run(
        {
            "enforcement.prevalence": {"pest": 0.1},
            "commodities.frozen.quarantine_treat": 0.3,
            "ports.sea.quarantine.treatment": "20 h",
        }
    )
    log = r.log[r.log.cohort]
    treated = log[log.treated.notna()]
    rejected = log[log.outcome == "rejected"]
    assert len(treated) > 20 and len(rejected) > 5
    assert (treated.outcome != "rejected").all() and rejected.treated.isna().all()
    done = treated[treated.outcome == "released"]
    assert r.counts["treated"] == len(done)
    sampled = done[done.lab_end.notna()]  # treatment starts at the lab's result
    assert len(sampled) > 5
    np.testing.assert_allclose(sampled.treated - sampled.lab_end, 20.0)
    on_site = done[done.lab_end.isna()]  # ... or once the box is out of the bay
    assert ((on_site.treated - on_site.quarantine_end).between(20.0, 23.0)).all()
    assert (done.released >= done.treated).all()
    checked = log[log.quarantine_start.notna() & (log.outcome != "censored")]
    assert len(rejected) / len(checked) == pytest.approx(0.1, abs=0.05)


def test_each_commodity_waits_for_its_own_test():
    r = run(
        {
            "selection.quarantine": {"*": {"*": 0.3}},
            "ports.sea.quarantine.sample_share": 1.0,
            "ports.sea.quarantine.lab.tests": {"pcr": "12 h", "culture": "72 h"},
            "ports.sea.quarantine.lab.batch_size": 1000,  # no sample waits for a second run
            "commodities.frozen.lab_test": "pcr",
            "commodities.general.lab_test": "culture",
        }
    )
    log = r.log[r.log.lab_end.notna()]
    turnaround = log.lab_end - log.lab_start  # the wait for a batch, then the incubation
    frozen, general = turnaround[log.commodity == "frozen"], turnaround[log.commodity != "frozen"]
    assert len(frozen) > 10 and len(general) > 10
    assert frozen.between(12.0, 12.0 + 24.0).all()  # cut-offs at 10:00 and 16:00
    assert general.between(72.0, 72.0 + 24.0).all()


def test_a_lab_test_no_lab_runs_is_an_error_naming_commodity_and_port():
    with pytest.raises(sim.ScenarioError, match=r"commodities\.frozen\.lab_test.*ports\.sea"):
        sim.load_scenario(SMALL, {"commodities.frozen.lab_test": "sequencing"})


def test_a_batch_runs_for_its_first_samples_incubation_as_the_log_says():
    """The log's ``incubation`` is each sample's own draw; its batch runs for the draw of the
    batch's first sample, so ``lab_end - lab_start - incubation`` can be negative."""
    r = run(
        {
            "selection.quarantine": {"*": {"*": 0.3}},
            "ports.sea.quarantine.sample_share": 1.0,
            "ports.sea.quarantine.lab.incubation": {
                "dist": "uniform",
                "low": "12 h",
                "high": "36 h",
            },
        }
    )
    log = r.log[r.log.lab_end.notna() & r.log.lab_start.notna()]
    assert len(log) > 50
    assert (log.lab_end - log.lab_start - log.incubation < -1e-9).any()
    for _, batch in log.groupby("lab_end"):  # (a continuous incubation: one end, one batch)
        # the batch started at a cut-off (10:00 or 16:00) one of its samples' draws earlier,
        # after every sample in it was handed in, and of those handed in first
        start = (batch.lab_end - batch.incubation).to_numpy()
        hour = start % 24
        at_cutoff = np.minimum(abs(hour - 10), abs(hour - 16)) < 1e-6
        assert at_cutoff.any()
        began = start[at_cutoff][0]
        assert (batch.lab_start <= began + 1e-9).all()
        assert batch.lab_start[at_cutoff].min() == batch.lab_start.min()
    meaning = " ".join((_incubation.__doc__ or "").split())
    assert "a batch runs for its first sample's draw" in meaning
