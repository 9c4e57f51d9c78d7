"""The duty a low-value (de minimis) threshold gives up at a post hub
(:mod:`sim.model.low_value_duty`): parcels declared below it pay none, those above pay the
rate on their declared value, and undervaluation that no check found loses the duty due on
the true value less the duty assessed on the declaration, each duty-free below the line."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

import sim
from sim.model.low_value_duty import low_value_duty
from sim.model.truth import UNDERVALUATION

LINE = 690.0
PATH = {"threshold": LINE, "selection": 0.5, "undervaluation_uplift": 2.0}
DAYS = 2
FORGONE = "duty_forgone_low_value_port_post_hub_import"
LOST = "duty_lost_undervaluation_port_post_hub_import"


@pytest.fixture(scope="module")
def runs() -> tuple[Any, Any, Any]:
    """The default scenario's two days, without and with the threshold, on one seed."""
    base = sim.patch(sim.load_scenario(sim.default_scenario_path()), {"days": DAYS})
    after = sim.patch(base, {"ports.post_hub.low_value": PATH})
    return sim.simulate(base, 1), sim.simulate(after, 1, log=True), after


def _rate(scenario: Any, commodities: Any) -> np.ndarray:
    costs = scenario.costs
    rates = [costs.commodity(str(c)).duty_rate for c in commodities]
    return np.array([costs.slipped.duty_rate if r is None else r for r in rates])


def test_the_duty_forgone_is_the_rate_on_every_import_declared_below_the_line(runs):
    _, after, scenario = runs
    log = after.log
    finished = log.cohort.astype(bool) & (log.outcome.astype(str) != "censored")
    hub = (log.port.astype(str) == "post_hub") & (log.direction.astype(str) == "import")
    rows = log[finished & hub]
    value = rows.value.to_numpy()
    below = value < LINE
    assert 0 < below.sum() < len(rows) or below.all()
    want = float((_rate(scenario, rows.commodity) * value * below).sum()) * 365 / DAYS
    assert after.metrics()[FORGONE] == pytest.approx(want, rel=1e-9)


def test_without_a_threshold_nothing_is_forgone_and_the_paths_loss_differs(runs):
    base, after, _ = runs
    b, a = base.metrics(), after.metrics()
    assert b[FORGONE] == 0.0 and a[FORGONE] > 0.0
    assert b[LOST] > 0.0 and a[LOST] != b[LOST]


def test_exports_and_other_ports_and_the_names_predicted(runs):
    base, after, scenario = runs
    m = after.metrics()
    assert math.isnan(m["duty_forgone_low_value_port_post_hub_export"])
    assert math.isnan(m["duty_lost_undervaluation_port_post_hub_export"])
    assert not any(k.startswith("duty_forgone_low_value_port_sea_port") for k in m)
    names = sim.metric_names(scenario).names
    ours = {k for k in m if k.startswith(("duty_forgone_low_value", "duty_lost_under"))}
    assert len(ours) == 4 and ours <= names
    assert ours <= set(base.metrics())


def test_the_cost_table_holds_the_parts_per_consignment(runs):
    _, after, _ = runs
    t = after.costs
    row = t[(t.dimension == "port_direction") & (t.group == "post_hub/import")].iloc[0]
    per_year = 365 / DAYS
    assert row["duty_forgone_low_value"] * row["n"] * per_year == pytest.approx(
        after.metrics()[FORGONE], rel=1e-9
    )
    sea = t[(t.dimension == "port") & (t.group == "sea_port")].iloc[0]
    assert sea["duty_forgone_low_value"] == 0.0


def test_forgone_below_the_line_imports_only_and_not_at_other_ports():
    value = np.array([100.0, 700.0, 100.0, 100.0, 690.0])
    direction = np.array([0, 0, 1, 0, 0])
    threshold = np.array([LINE, LINE, LINE, math.nan, LINE])
    forgone, lost = low_value_duty(value, direction, threshold, np.full(5, 0.2))
    assert forgone.tolist() == pytest.approx([20.0, 0.0, 0.0, 0.0, 0.0])
    assert lost.tolist() == [0.0] * 5


def test_undervaluation_not_found_loses_the_due_less_the_assessed_under_the_line():
    u = UNDERVALUATION
    value = np.array([500.0, 100.0, 500.0, 500.0, 500.0, 700.0])
    true_value = np.array([1000.0, 300.0, 1000.0, 1000.0, 1000.0, 1400.0])
    code = np.array([u, u, u, 0, u, u])
    found = np.array([False, False, True, False, False, False])
    threshold = np.array([LINE, LINE, LINE, LINE, 0.0, LINE])
    _, lost = low_value_duty(
        value, np.zeros(6), threshold, np.full(6, 0.2), (code, true_value, found)
    )
    # over the line truly, under it declared: the whole duty; under it both: none; found or
    # compliant: none; no line: the hidden part's; over it both: the hidden part's
    assert lost.tolist() == pytest.approx([200.0, 0.0, 0.0, 0.0, 100.0, 140.0])


def test_the_figures_are_money_a_year():
    from sim.experiment.compare import metric_unit

    assert {metric_unit(FORGONE), metric_unit(LOST)} == {"currency per year"}
