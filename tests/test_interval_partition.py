"""The milestone intervals partition each consignment's time (sim/model/intervals.py): on the
log of a run, the stretches to release add up to its clearance and those after release to the
rest of its overall clearance, to 1e-9 h, and every stretch's hours are its owner's as the
journey's clock booked them (the exam yard's, mixed, are what the others leave)."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from partition_checks import check_partition
from test_intervals import EVERY_STEP, SMALL

import sim
from sim.model import intervals as iv

REPO = Path(__file__).resolve().parents[1]


def released_log(scenario: sim.Scenario, seed: int):
    r = sim.simulate(scenario, seed, log=True)
    log = r.log[r.log.cohort & (r.log.outcome == "released")].reset_index(drop=True)
    return r, log


@functools.cache
def _bundled_run(name: str) -> tuple[sim.Scenario, pd.DataFrame]:
    s = sim.load_scenario(REPO / "scenarios" / f"{name}.toml", {"days": 3})
    return s, released_log(s, 1)[1]


def bundled(name: str) -> tuple[sim.Scenario, pd.DataFrame]:
    """A bundled scenario's 3 days with seed 1 and its released log, run once per module
    (the tests below each ask something else of the same run); a copy of the log for each,
    so that none sees what another did to it."""
    s, log = _bundled_run(name)
    return s, log.copy()


@pytest.mark.parametrize("inspection", ["joint", "separate"])
def test_every_step_partitions_clearance(inspection: str):
    """Separate declarations and inspections, the laboratory (also after release), treatment,
    the clearance form, duty payment, pick-up and loading: all in one run."""
    s = sim.load_scenario(SMALL, {**EVERY_STEP, "inspection.mode": inspection})
    _, log = released_log(s, 7)
    h = check_partition(log, s)
    for name in ("exam_yard", "laboratory", "laboratory_after_release", "treatment",
                 "quarantine_form", "duty_payment", "pickup", "loading"):  # fmt: skip
        assert (~np.isnan(h.hours[name])).sum() >= 5, name
    if inspection == "separate":  # (a consignment examined by both: two examinations)
        both = ~np.isnan(h.hours["physical_exam"]) & ~np.isnan(h.hours["quarantine_check"])
        assert both.sum() > 0


@pytest.mark.parametrize("name", ["default", "china-2017"])
def test_bundled_scenarios_partition_clearance(name: str):
    s, log = bundled(name)
    h = check_partition(log, s)
    assert (~np.isnan(h.hours["exam_yard"])).sum() > 50


def test_the_clearance_form_is_its_own_stretch_and_its_whole_is_the_form():
    """china-2017 (separate declarations): the quarantine clearance form, issued from
    quarantine's last step, is a stretch; its whole is each form's issue time (the draw), of
    which only the part that holds the goods after the checks adds to release."""
    s, log = bundled("china-2017")
    h = iv.of_log(log, s)
    formed = log.quarantine_cleared.notna().to_numpy()
    assert formed.sum() > 1000
    whole = h.whole["quarantine_form"][formed]
    np.testing.assert_allclose(whole, log.clearance_form[formed], rtol=0, atol=1e-9)
    binding = h.hours["quarantine_form"][formed]
    assert (binding <= whole + 1e-9).all() and 0 < binding.mean() < whole.mean()


def test_work_before_arrival_adds_nothing():
    """Advance declarations: the part of acceptance, assessment and the document check before
    the goods arrive adds nothing (the whole stretch is kept apart); lodging counts 0."""
    s, log = bundled("default")
    h = iv.of_log(log, s)
    advance = log.advance.to_numpy()
    assert advance.sum() > 1000
    assert (h.hours["lodging"][advance] == 0).all()
    for name, start, end in (("acceptance", "lodged", "accepted"),
                             ("assessment", "accepted", "assessed"),
                             ("document_check", "doc_start", "doc_end")):  # fmt: skip
        after = np.maximum(log[end], log.arrived) - np.maximum(log[start], log.arrived)
        got = h.hours[name][advance]
        keep = ~np.isnan(got)
        np.testing.assert_allclose(got[keep], after[advance][keep], atol=1e-9)
        assert np.nansum(h.whole[name][advance]) > np.nansum(got) > 0, name


def test_the_gate_is_the_terminals_and_the_pickup_the_traders():
    """The land border's imports: the exit gate's hours are the terminal's (as the clock books
    them: the gate is the terminal's lane), the pick-up the trader's, so the trader's hours
    are never below its pick-up (they were below the old trader's exit row for nearly half)."""
    s, log = bundled("default")
    h = iv.of_log(log, s)
    land = (log.port == "land_border").to_numpy() & (log.direction == "import").to_numpy()
    assert land.sum() > 500
    gate = h.hours["gate"][land]
    assert (gate > 0).all()
    stretches = {x.name: x for x in iv.STRETCHES}
    assert stretches["gate"].owner == "terminal" and stretches["pickup"].owner == "trader"
    assert (log.own_trader[land] >= h.hours["pickup"][land] - 1e-9).all()
    assert (log.own_terminal[land] >= gate - 1e-9).all()
