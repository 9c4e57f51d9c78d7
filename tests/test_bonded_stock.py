"""A bonded zone's stock (sim/model/bonded_stock.py): the entry port's transit goods linked to
the gate's call-offs oldest first. Conservation (in = out + left) against the log, Little's
law (mean stock = entry rate x mean stay) within the interval the goods left at the end allow,
the warning of a stock that does not settle, and clear errors for a zone that names a wrong
entry port."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import sim
from sim.model.bonded_stock import link_oldest_first
from sim.scenario.loader import ScenarioError
from sim.warning_codes import classify

TWO = Path(__file__).resolve().parent / "scenarios" / "two_ports.toml"
#: port p's imports: half of them in transit to the zone (1.5 an hour); port q the zone's
#: gate: 3 domestic sales and 1 export an hour call goods off
ZONE: dict[str, Any] = {
    "ports.p.transit": {"share": {"*": 0.5}, "formalities": "0 h", "travel": "1 h"},
    "ports.q.bonded_zone": {"entry": "p"},
    "ports.q.exports": {"arrivals": {"rate": "1/h"}, "loading": {"delay": "0 h"}},
}


def _metrics(m: dict[str, float]) -> dict[str, float]:
    return {k.removesuffix("_port_q"): v for k, v in m.items() if k.startswith("bonded_")}


def test_in_equals_out_plus_left_and_the_flows_match_the_log():
    scenario = sim.load_scenario(TWO, ZONE)
    r = sim.simulate(scenario, seed=3, log=True)
    b = _metrics(r.metrics())
    assert b["bonded_in"] == b["bonded_out_domestic"] + b["bonded_out_export"] + b[
        "bonded_stock_end"]
    log, start, stop = r.log, 24.0 * r.warmup_days, 24.0 * (r.warmup_days + r.days)
    assert log is not None
    cohort = log[log["cohort"].astype(bool)]
    came = cohort[(cohort["port"] == "p") & (cohort["transit"] > 0)]
    t = came["transit_arrived"]
    assert b["bonded_in"] == float(((t >= start) & (t < stop)).sum()) > 30
    gate = cohort[(cohort["port"] == "q") & (cohort["arrived"] >= start)
                  & (cohort["arrived"] < stop)]  # fmt: skip
    called = b["bonded_out_domestic"] + b["bonded_out_export"] + b["bonded_out_unlinked"]
    assert called == len(gate)  # (the scenario seizes nothing: every entry is stock)
    assert b["bonded_out_domestic"] > 0 and b["bonded_out_export"] > 0
    assert 0 <= b["bonded_stock_end"] <= b["bonded_stock_max"]


def test_mean_stock_is_entry_rate_times_mean_stay_within_the_interval_the_run_leaves():
    """Little's law over the window: the stock's time integral is the linked stays plus the
    time in the zone of the goods left at the end, so mean stock and entry rate x mean stay
    differ by at most one consignment per good left (each stays at most the window, and the
    mean stay is at most the window): the interval is [λW - left, λW + left]."""
    scenario = sim.load_scenario(TWO, ZONE)
    hours = 24.0 * scenario.days
    for k in range(4):
        m = _metrics(sim.simulate(scenario, seed=5, replication=k).metrics())
        little = m["bonded_in"] / hours * m["bonded_stay_h_mean"]
        slack = m["bonded_stock_end"] + 1e-9 * little
        assert abs(m["bonded_stock_mean"] - little) <= slack, (k, m)
        assert m["bonded_stock_mean"] > 0.2  # (a stock to measure: goods do wait)


def test_a_gate_that_calls_off_too_little_warns_that_the_stock_does_not_settle():
    slow = {**ZONE, "ports.q.arrivals.rate": "0.2/h", "ports.q.exports.arrivals.rate": "0.1/h"}
    r = sim.simulate(sim.load_scenario(TWO, slow), seed=1)
    rising = [w for w in r.warnings if classify(w)[0].code == "bonded_stock_rising"]
    assert len(rising) == 1 and rising[0].startswith("q: ") and r.steady_state is False
    settled = sim.simulate(sim.load_scenario(TWO, ZONE), seed=1)
    assert not [w for w in settled.warnings if "bonded" in w]


def test_ports_without_a_zone_name_no_bonded_metric():
    r = sim.simulate(sim.load_scenario(TWO, {"ports.p.transit": ZONE["ports.p.transit"]}), seed=1)
    assert not [k for k in r.metrics() if k.startswith("bonded_")]


def test_call_offs_take_the_oldest_goods_and_find_none_before_any_entered():
    left, linked, stays = link_oldest_first(np.array([1.0, 2.0, 5.0]),
                                            np.array([0.5, 3.0, 4.0, 6.0]))  # fmt: skip
    assert linked.tolist() == [False, True, True, True]
    assert left.tolist() == [3.0, 4.0, 6.0] and stays.n == 3
    assert stays.total == pytest.approx(2.0 + 2.0 + 1.0)


@pytest.mark.parametrize(("entry", "words"), [
    ("nowhere", "unknown entry port 'nowhere'; allowed: p"),
    ("q", "unknown entry port 'q'; allowed: p"),
])
def test_a_zone_naming_a_wrong_entry_port_is_refused_clearly(entry, words):
    with pytest.raises(ScenarioError) as e:
        sim.load_scenario(TWO, {**ZONE, "ports.q.bonded_zone": {"entry": entry}})
    assert "ports.q.bonded_zone.entry" in str(e.value) and words in str(e.value)


def test_an_entry_port_without_transit_goods_is_refused_clearly():
    given = {k: v for k, v in ZONE.items() if k != "ports.p.transit"}
    with pytest.raises(ScenarioError) as e:
        sim.load_scenario(TWO, given)
    assert "port 'p' has no transit goods to fill the zone" in str(e.value)
