"""What quarantine did with the lots it acted on, by commodity (sim/model/quarantine_disposal.py):
the rejected, their hours from arrival to the rejection and their return or destruction's
price; the treated and their treatment's hours, counted as the per-consignment log shows them."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: short runs; every frozen check sampled, pests common among frozen goods, half of them treated
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2, "ports.sea.quarantine.sample_share": 1.0,
         "enforcement.by_commodity.frozen": {"pest": 5}, "enforcement.pest_treat": 0.5}
FINDS = ["doc_end", "image_end", "exam_end", "quarantine_end", "lab_end"]


def test_rejected_and_treated_lots_are_counted_and_timed_as_the_log_shows_them():
    r = sim.simulate(sim.load_scenario(SMALL, SHORT), seed=1, log=True)
    assert r.log is not None
    m, log = r.metrics(), r.log
    cohort = log[log["cohort"].astype(bool)]
    for c in ("general", "frozen"):
        mine = cohort[cohort["commodity"] == c]
        rejected = mine[mine["outcome"] == "rejected"]
        assert m[f"quarantine_rejected_lots_{c}"] == len(rejected)
        if len(rejected):
            found = rejected[FINDS].max(axis=1) - rejected["arrived"]
            assert np.isclose(m[f"quarantine_rejected_h_mean_{c}"], found.mean())
        treated = mine[mine["treated"].notna()]
        assert m[f"quarantine_treated_lots_{c}"] == len(treated)
        if len(treated):
            hours = treated["treated"] - treated["treatment_start"]
            assert np.isclose(m[f"quarantine_treatment_h_mean_{c}"], hours.mean())
    assert m["quarantine_rejected_lots_frozen"] > 0 and m["quarantine_treated_lots_frozen"] > 0
    assert m["quarantine_rejected_lots_general"] + m["quarantine_rejected_lots_frozen"] == m[
        "consignments_rejected"]
    # a rejected frozen lot waited for the laboratory's result (a day's PCR at least)
    assert m["quarantine_rejected_h_mean_frozen"] > 12
    # the small scenario prices nothing: the disposal's price is not known, nor named
    assert "quarantine_rejection_cost_per_lot_frozen" not in m


def test_a_rejected_lot_costs_its_ports_price_per_container():
    costs = {"costs": {"price_year": 2019, "checks": {"destruction": {"*": 700.0}}}}
    r = sim.simulate(sim.load_scenario(SMALL, {**SHORT, **costs}), seed=1, log=True)
    assert r.log is not None
    m, log = r.metrics(), r.log
    rejected = log[log["cohort"].astype(bool) & (log["outcome"] == "rejected")
                   & (log["commodity"] == "frozen")]
    assert len(rejected)
    want = 700.0 * rejected["containers"].mean()
    assert np.isclose(m["quarantine_rejection_cost_per_lot_frozen"], want)


def test_a_treated_lot_costs_its_owner_the_treatments_price_per_container():
    """``costs.checks.treatment`` prices a treated container: the lot's mean and the
    trader's cost part, which a scenario without the price does not have."""
    priced = {"costs": {"price_year": 2019, "checks": {"treatment": {"*": 300.0}}}}
    r = sim.simulate(sim.load_scenario(SMALL, {**SHORT, **priced}), seed=1, log=True)
    assert r.log is not None
    m, log = r.metrics(), r.log
    treated = log[log["cohort"].astype(bool) & log["treated"].notna()
                  & (log["commodity"] == "frozen")]
    assert len(treated)
    assert np.isclose(m["quarantine_treatment_cost_per_lot_frozen"],
                      300.0 * treated["containers"].mean())
    free = sim.simulate(sim.load_scenario(SMALL, {**SHORT, "costs": {"price_year": 2019}}),
                        seed=1)
    assert free.metrics()["quarantine_treatment_cost_per_lot_frozen"] == 0
    # the trader pays it: the same goods cost their owners more, the agencies nothing more
    more = m["trader_cost_per_consignment"] - free.metrics()["trader_cost_per_consignment"]
    assert more > 0
    assert m["agency_cost_per_consignment"] == free.metrics()["agency_cost_per_consignment"]


def test_a_treatments_price_is_in_the_border_burden_the_trader_bears():
    """The treatment is quarantine's order the trader pays at the border: each logged
    consignment's ``border_burden`` is higher by exactly its ``cost_treatment``, and the
    burden per consignment by the treatment's cost per consignment."""
    priced = {"costs": {"price_year": 2019, "checks": {"treatment": {"*": 300.0}}}}
    r = sim.simulate(sim.load_scenario(SMALL, {**SHORT, **priced}), seed=1, log=True)
    free = sim.simulate(sim.load_scenario(SMALL, {**SHORT, "costs": {"price_year": 2019}}),
                        seed=1, log=True)
    assert r.log is not None and free.log is not None
    log, base = r.log, free.log
    assert (log["cost_treatment"] > 0).any()
    gap = (log["border_burden"] - base["border_burden"]).fillna(0.0)
    assert np.allclose(gap, log["cost_treatment"].fillna(0.0))
    m, m0 = r.metrics(), free.metrics()
    assert m["border_burden_per_consignment"] > m0["border_burden_per_consignment"]
