"""The ``low_value_threshold`` reform and the low-value path it writes
(``ports.<port>.low_value``): imports declared below the threshold are selected for the
document check, the scan and the exam at ``selection`` times the tables' rate, quarantine
keeps its rate, goods above the threshold and exports are untouched, and undervaluation
rises only among the parcels declared just under the threshold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import sim
from sim.reforms import REFORMS, apply
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: two days of the small sea port, with undervaluation among its goods (none by default)
SHORT = {"days": 2, "warmup_days": 0, "drain_days": 2,
         "enforcement.prevalence.undervaluation": 0.1}
LINE = 30000.0  # below the small port's mean value (lognormal, mean 50,000): about half
PATH = {"threshold": LINE, "selection": 0.0, "undervaluation_uplift": 3.0}


def _runs(path: dict[str, Any]) -> tuple[Any, Any, Any]:
    """The small port's run and its run with the low-value path, on the same seed."""
    base = sim.load_scenario(SMALL, SHORT)
    after = sim.patch(base, {"ports.sea.low_value": path})
    return sim.simulate(base, 1, log=True), sim.simulate(after, 1, log=True), base


@pytest.fixture(scope="module")
def results() -> tuple[Any, Any, Any]:
    return _runs(PATH)


@pytest.fixture(scope="module")
def runs(results: tuple[Any, Any, Any]) -> tuple[pd.DataFrame, pd.DataFrame, Any]:
    return results[0].log, results[1].log, results[2]


def _below(log: pd.DataFrame) -> np.ndarray:
    imports = (log.direction.astype(str) == "import").to_numpy()
    return np.asarray(imports & (log.value.to_numpy() < LINE))


def test_the_reform_writes_the_path_at_post_hubs_only_and_not_beside_the_risk_engine():
    default = sim.load_scenario("default")
    reform = REFORMS["low_value_threshold"](threshold=24.0)
    assert reform.fields(default) == {"ports.post_hub.low_value": {
        "threshold": 24.0, "selection": 0.5, "undervaluation_uplift": 2.0}}
    risky = sim.patch(default, {"risk.enabled": True})
    assert reform.fields(risky) == {}  # (the engine selects by score: the tables do not)


def test_below_the_threshold_no_document_scan_or_exam_and_above_it_the_same(runs):
    before, after, _ = runs
    below = _below(before)
    assert 50 < below.sum() < (before.direction.astype(str) == "import").sum()
    for check in ("sel_document", "sel_scan", "sel_physical"):
        was, now = before[check].astype(bool), after[check].astype(bool)
        assert was[below].sum() > 10, check
        assert not now[below].any(), check
        assert (was[~below] == now[~below]).all(), check  # above it and exports: untouched
    quarantine = before.sel_quarantine.astype(bool)
    assert (quarantine == after.sel_quarantine.astype(bool)).all()


def test_parcels_below_the_threshold_clear_sooner(runs):
    before, after, _ = runs
    below = _below(before)
    waited = (before.released - before.arrived)[below].mean()
    assert (after.released - after.arrived)[below].mean() < waited - 0.5


def test_a_share_of_the_selection_keeps_a_subset_of_the_same_draws():
    first, second, _ = _runs({"threshold": LINE, "selection": 0.5})
    before, after = first.log, second.log
    below = _below(before)
    was, now = before.sel_scan.astype(bool), after.sel_scan.astype(bool)
    assert not (now & ~was).any()  # (the same uniform under a lower rate)
    assert 0 < now[below].sum() < was[below].sum()


def test_undervaluation_rises_just_under_the_threshold_and_nowhere_else(runs, results):
    before, after, base = runs
    factor = base.enforcement.undervaluation_factor
    value = before.value.to_numpy()
    band = _below(before) & (value * factor >= LINE)
    was = (before.illicit.astype(str) == "undervaluation").to_numpy()
    now = (after.illicit.astype(str) == "undervaluation").to_numpy()
    assert now[band].sum() >= 2 * max(was[band].sum(), 1)
    assert (was[~band] == now[~band]).all()
    slipped = "value_slipped_undervaluation"
    assert results[1].metrics()[slipped] > results[0].metrics()[slipped] > 0


def test_a_low_value_path_beside_the_risk_engine_is_refused_by_its_field():
    with pytest.raises(ScenarioError, match=r"ports\.post_hub\.low_value.*risk\.enabled"):
        sim.load_scenario("default", {"risk.enabled": True,
                                      "ports.post_hub.low_value.threshold": 24})


def test_the_reform_applies_on_the_default_by_name():
    lowered = apply(sim.load_scenario("default"), "low_value_threshold:selection=0.25")
    path = lowered.ports["post_hub"].low_value
    assert path is not None and path.selection == 0.25 and path.threshold == 690.0
