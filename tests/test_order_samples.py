"""A control order's laboratory sample (``sample``): every ordered quarantine check assessed
while the order is in force sends one at the order's share, drawn from the consignment's own
uniform; goods the tables chose anyway get the larger of the order's and the port's share;
goods the order does not cover, and an order without ``sample``, sample as before; in bulk and
as flows alike."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import sim
from sim.reforms.compose import apply
from sim.reforms.reform import ReformError
from sim.scenario.loader import ScenarioError
from tests.order_runs import ORDER, OVER, SMALL, T
from tests.order_runs import log as _log
from tests.order_runs import ordered as _ordered
from tests.order_runs import scenario as _scenario

SHARE = 0.3  # the port's own quarantine.sample_share (tests/scenarios/small.toml)


def _with(**more: float) -> str:
    return json.dumps([{**ORDER, **more}])


def test_an_order_sampling_every_one_from_its_date_sends_every_ordered_check_to_the_lab():
    text = f"control_order:origins=europe,commodities=frozen,sample=1@{T:g}h"
    log = _log("", text)
    checked = _ordered(log) & log.sel_quarantine & log.statutory
    after = checked & (log.assessed >= T)
    assert after.sum() > 10 and log[after]["sample"].all()
    # checked before the run's end and not seized by the exam first: the sample went
    done = after & log.quarantine_end.notna() & (log.outcome.astype(str) != "seized")
    assert done.sum() > 10 and log[done].lab_start.notna().all()
    base = _log("")
    assert not base[after]["sample"].all()  # (the port's share: the order changed them)
    before = _ordered(log) & (log.assessed < T)
    assert before.sum() > 10
    pd.testing.assert_series_equal(log[before]["sample"], base[before]["sample"])


def test_an_order_without_sample_samples_with_the_port_s_share_as_before():
    pd.testing.assert_frame_equal(_log(json.dumps([ORDER])), _log(_with(sample=SHARE)))
    assert "sample" not in sim.scenario_data(_scenario([ORDER]))["selection"]["orders"][0]


def test_goods_the_order_does_not_cover_keep_their_samples():
    base, every = _log(json.dumps([ORDER])), _log(_with(sample=1.0))
    hit = _ordered(every)
    assert (~hit).sum() > 100
    pd.testing.assert_frame_equal(base.loc[~hit], every.loc[~hit])
    checked = hit & every.sel_quarantine
    assert every[checked]["sample"].all() and not base[checked]["sample"].all()


def test_goods_the_tables_chose_anyway_take_the_larger_share():
    """With ``sample = 0`` the checks the order alone asked for send none; those the tables
    chose themselves keep the port's share (the larger)."""
    none, base = _log(_with(sample=0.0)), _log("")
    hit = _ordered(none) & none.sel_quarantine
    tables = hit & base.sel_quarantine
    alone = hit & ~base.sel_quarantine
    assert tables.sum() > 5 and alone.sum() > 10
    assert not none[alone]["sample"].any()
    pd.testing.assert_series_equal(none[tables]["sample"], base[tables]["sample"])
    assert base[tables]["sample"].any()


def test_the_risk_engine_s_own_checks_alone_keep_the_port_s_share_under_a_smaller_order():
    """The risk engine's scalar decisions settle the order's pending samples too: under
    ``sample = 0`` an ordered check sends a sample only where the engine chose it itself
    (the same seed: the engine's choices are as without the order) and the port's share
    would."""
    none, base = _log(_with(sample=0.0), "", True), _log("", "", True)
    hit = _ordered(none) & none.sel_quarantine
    assert hit.sum() > 10 and (hit & ~base.sel_quarantine).sum() > 10
    own = base.sel_quarantine & base["sample"]
    assert not (none[hit]["sample"] & ~own[hit]).any()


@pytest.mark.parametrize("fast", [True, False])
def test_a_sample_the_order_does_not_take_finds_nothing_in_the_laboratory(fast):
    """Pests only the laboratory finds: under ``sample = 0`` a check the order alone asked
    for finds none, one the tables chose finds what it found without the order."""
    none, base = _log(_with(sample=0.0), "", False, fast, True), _log("", "", False, fast, True)
    pests = _ordered(none) & none.sel_quarantine & (none.illicit.astype(str) == "pest")
    assert (none[pests].quarantine_finds == none[pests]["sample"]).all()  # (found: sampled)
    alone, tables = pests & ~base.sel_quarantine, pests & base.sel_quarantine
    assert alone.sum() > 5 and not none[alone].quarantine_finds.any()
    assert tables.sum() > 2 and base[tables].quarantine_finds.any()
    pd.testing.assert_series_equal(none[tables].quarantine_finds, base[tables].quarantine_finds)


def test_the_shares_nest_on_the_consignment_s_own_uniform():
    """Common random numbers: goods sampled at a half are sampled at every larger share."""
    half, most = _log(_with(sample=0.5)), _log(_with(sample=0.8))
    hit = _ordered(half) & half.sel_quarantine
    assert half[hit]["sample"].sum() > 5
    assert (most[hit]["sample"] | ~half[hit]["sample"]).all()
    assert most[hit]["sample"].sum() > half[hit]["sample"].sum()


@pytest.mark.parametrize(("share", "risk"), [(1.0, False), (0.0, False), (0.0, True)])
def test_bulk_and_flows_agree_with_an_order_s_sample(share, risk):
    orders = _with(sample=share)
    pd.testing.assert_frame_equal(
        _log(orders, "", risk, True), _log(orders, "", risk, False)
    )


@pytest.mark.parametrize("bad", [1.5, -0.1, "all"])
def test_a_bad_sample_is_named_with_what_is_allowed(bad):
    with pytest.raises(ScenarioError) as err:
        _scenario([{**ORDER, "sample": bad}])
    assert "selection.orders.0.sample" in str(err.value) and repr(bad) in str(err.value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("control_order:sample=1.5", ["sample", "1.5", "0.0 to 1.0"]),
        ("control_order:sample=-1", ["sample", "-1", "0.0 to 1.0"]),
    ],
)
def test_the_reform_s_bad_sample_is_named_with_what_is_allowed(text, words):
    with pytest.raises(ReformError) as err:
        apply(_scenario(None), text)
    for w in words:
        assert w in str(err.value)


def test_the_reform_writes_the_sample_into_its_order():
    scenario = apply(_scenario(None), "control_order:origins=europe,sample=1")
    assert scenario.orders[0].sample == 1.0
    assert apply(_scenario(None), "control_order:origins=europe").orders[0].sample is None


def test_an_order_s_sample_needs_a_laboratory_where_it_checks():
    from sim.cli_zh_errors import reason

    no_lab = {**OVER, "ports.sea.quarantine.lab": None, "ports.sea.quarantine.sample_share": 0}
    order = {**ORDER, "sample": 1}
    with pytest.raises(ScenarioError) as err:
        sim.load_scenario(SMALL, {**no_lab, "selection.orders": [order]})
    said = str(err.value).split("overrides: ", 1)[-1]
    for w in ["selection.orders.0.sample", "1.0", "'sea'", "ports.sea.quarantine.lab"]:
        assert w in said
    zh = reason(said)
    assert zh is not None and "实验室" in zh and "ports.sea.quarantine.lab" in zh
    for fine in ({**order, "sample": 0}, {**order, "checks": ["physical"]}):
        sim.load_scenario(SMALL, {**no_lab, "selection.orders": [fine]})


def test_of_several_orders_on_the_same_goods_the_largest_sample_counts():
    two = json.dumps([{**ORDER, "checks": ["quarantine"], "sample": 1.0}, {**ORDER, "sample": 0.0}])
    log, one = _log(two), _log(_with(sample=1.0))
    pd.testing.assert_series_equal(log["sample"], one["sample"])
    assert not log["sample"].equals(_log(_with(sample=0.0))["sample"])
