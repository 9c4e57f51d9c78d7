"""Control orders (布控指令): every consignment of the ordered signature assessed while the
order is in force gets the ordered checks, with the tables and with the risk engine, in bulk
and as flows; every other consignment, and everything before the order's date, is decided as
without it (the same seed); a bad order is refused naming the field, the value and what is
allowed."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from sim.reforms.compose import apply
from sim.reforms.reform import ReformError
from sim.scenario.loader import ScenarioError
from tests.order_runs import EUROPE, ORDER, T
from tests.order_runs import log as _log
from tests.order_runs import ordered as _ordered
from tests.order_runs import scenario as _scenario

SEL = ["sel_document", "sel_scan", "sel_physical", "sel_quarantine"]
SAME = ["commodity", "origin", "direction", "illicit", "arrived", *SEL]


def test_an_order_checks_every_matching_consignment_and_leaves_the_rest_as_they_were():
    base, order = _log(""), _log(json.dumps([ORDER]))
    assert base.index.equals(order.index)
    hit = _ordered(order)
    assert hit.sum() > 10
    assert order[hit].sel_physical.all() and order[hit].sel_quarantine.all()
    assert not base[hit].sel_physical.all()  # (the order changed something)
    pd.testing.assert_frame_equal(base.loc[~hit, SAME], order.loc[~hit, SAME])
    # the other checks of the matching goods are the tables' still
    pd.testing.assert_frame_equal(base.loc[hit, SEL[:2]], order.loc[hit, SEL[:2]])


@pytest.mark.parametrize("fast", [True, False])
def test_the_risk_engine_s_decisions_get_the_order_in_bulk_and_as_flows(fast):
    order = _log(json.dumps([ORDER]), "", True, fast)
    hit = _ordered(order)
    assert hit.sum() > 10
    assert order[hit].sel_physical.all() and order[hit].sel_quarantine.all()
    base = _log("", "", True, fast)
    assert not base[hit].sel_physical.all()
    # asia's frozen goods are not ordered: the engine selects a few of them, not all
    asia = (order.origin != EUROPE) & (order.commodity.astype(str) == "frozen")
    assert asia.sum() > 10 and not order[asia].sel_physical.all()


def test_the_risk_engine_in_bulk_and_as_flows_agree_with_an_order():
    pd.testing.assert_frame_equal(
        _log(json.dumps([ORDER]), "", True, True), _log(json.dumps([ORDER]), "", True, False)
    )


def test_a_dated_order_acts_from_its_date_only():
    base = _log("")
    text = f"control_order:origins=europe,commodities=frozen,checks=[\"physical\"]@{T:g}h"
    order = _log("", text)
    after = order.assessed >= T
    hit = _ordered(order) & after
    assert hit.sum() > 5 and order[hit].sel_physical.all()
    assert not order[_ordered(order) & ~after].sel_physical.all()
    pd.testing.assert_frame_equal(base.loc[~hit, SAME], order.loc[~hit, SAME])


def test_an_order_for_all_origins_and_exports_names_them():
    every = {"origins": "*", "commodities": "*", "checks": ["scan"], "direction": "export"}
    log = _log(json.dumps([every]))
    exports = log.direction.astype(str) == "export"
    assert exports.sum() > 10 and log[exports].sel_scan.all()
    assert not log[~exports].sel_scan.all()


@pytest.mark.parametrize(
    ("order", "words"),
    [
        ({**ORDER, "origins": ["mars"]}, ["selection.orders.0.origins", "'mars'", "europe, asia"]),
        ({**ORDER, "commodities": ["gold"]}, ["commodities", "'gold'", "general, frozen"]),
        ({**ORDER, "checks": ["xray"]}, ["checks", "'xray'", "document, scan, physical"]),
        ({**ORDER, "ports": ["air"]}, ["selection.orders.0.ports", "'air'", "*, sea"]),
        ({**ORDER, "direction": "up"}, ["selection.orders.0.direction", "'up'", "'export'"]),
        ({**ORDER, "checks": []}, ["selection.orders.0.checks"]),
    ],
)
def test_a_bad_order_is_named_with_what_is_allowed(order, words):
    with pytest.raises(ScenarioError) as err:
        _scenario([order])
    for w in words:
        assert w in str(err.value)


def test_a_scenario_without_orders_dumps_as_before_and_one_with_them_round_trips():
    from sim.scenario.patch import patch, scenario_data

    plain = scenario_data(_scenario(None))
    assert "orders" not in plain and "orders" not in plain["selection"]
    data = scenario_data(_scenario([ORDER]))
    assert data["selection"]["orders"][0]["origins"] == ["europe"] and "orders" not in data
    assert patch(data, {"name": "again"}).orders == _scenario([ORDER]).orders


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("control_order:origins=mars", ["origins", "'mars'", "europe, asia"]),
        ("control_order:checks=xray", ["checks", "'xray'", "document, scan"]),
        ("control_order:direction=up", ["direction", "'up'", "import, export"]),
    ],
)
def test_the_reform_s_bad_strength_is_named_with_what_is_allowed(text, words):
    with pytest.raises(ReformError) as err:
        apply(_scenario(None), text)
    for w in words:
        assert w in str(err.value)


def test_the_reform_adds_one_order_to_those_the_scenario_has():
    scenario = apply(_scenario([ORDER]), "control_order:origins=asia,ports=all")
    assert len(scenario.orders) == 2
    assert scenario.orders[1].origins == ["asia"] and scenario.orders[1].ports == "*"
    assert scenario.orders[1].checks == ["physical", "quarantine"]


def test_the_risk_engine_plans_ahead_with_the_ordered_checks():
    """Each decision a matching consignment may get (``outcomes``, what planning ahead plans
    for) holds the ordered checks; the others' are as without the order."""
    import numpy as np

    from sim.model.draws import WIDTH, R
    from sim.model.eras import planned_table
    from sim.model.steps.declaration import outcomes, uniforms_of
    from sim.model.world import World

    def possible(orders: list[dict] | None) -> tuple[np.ndarray, np.ndarray]:
        port = World(_scenario(orders, True), 3).ports[0]
        u = np.random.default_rng(5).random((2000, WIDTH))
        table = planned_table(port, np.zeros(2000), u, False)
        hit = (table[:, R.origin] == EUROPE) & (table[:, R.commodity] == 1)
        return outcomes(port, table, uniforms_of(table)), hit

    (base, _), (order, hit) = possible(None), possible([ORDER])
    assert hit.sum() > 10
    assert ((order[hit] & 0b1100) == 0b1100).all()  # physical and quarantine: bits 2 and 3
    assert not ((base[hit] & 0b1100) == 0b1100).all()
    np.testing.assert_array_equal(base[~hit], order[~hit])
