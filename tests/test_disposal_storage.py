"""A rejected box's storage over its disposal (``costs.checks.disposal_storage``, per
container-day of ``commodities.<c>.disposal.time``; sim/model/costs.py): the trader's cost
part ``disposal_storage``, rate x containers x days for each rejected lot, nothing for the
others, and nothing at all without a price."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import sim
from sim.model.costs import TRADER_PARTS, P, consignment_costs
from sim.model.milestones import REJECTED, RELEASED
from sim.model.prices import Prices

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 2, "ports.sea.quarantine.sample_share": 1.0,
         "enforcement.by_commodity.frozen": {"pest": 5}, "enforcement.pest_treat": 0.5,
         "commodities.frozen.disposal": {"kind": "destruction", "time": "3 d"}}
RATE = 40.0  # per container-day (a test's figure)


def _priced(rate: dict[str, float] | None) -> dict:
    checks = {} if rate is None else {"disposal_storage": rate}
    return {**SHORT, "costs": {"price_year": 2019, "checks": checks}}


def test_a_constructed_rejected_lot_pays_rate_times_containers_times_days():
    """Three boxes rejected, a 3-day disposal at 40 a container-day: 360; a released lot of
    the same goods, nothing."""
    sc = sim.load_scenario(SMALL, _priced({"*": RATE}))
    modes = [p.mode for p in sc.ports.values()]
    prices = Prices.of(sc.costs, modes, sc.commodities, False)
    frozen = list(sc.commodities).index("frozen")
    n = 2
    col = {k: np.zeros(n) for k in ("arrived", "discharged", "exited", "loaded", "departed",
                                     "value", "premises", "attend", "recalled")}
    col |= {f"own_{o}": np.zeros(n) for o in ("trader", "terminal", "customs", "quarantine",
                                               "organisation", "carrier")}
    col |= {"containers": np.array([3.0, 3.0]), "port": np.zeros(n),
            "commodity": np.full(n, float(frozen)),
            "outcome": np.array([float(REJECTED), float(RELEASED)])}
    for k in ("scan_end", "exam_end", "quarantine_end", "lab_end", "treated", "illicit",
              "true_value", "released", "doc_end", "image_end"):
        col.setdefault(k, np.full(n, np.nan))
    parts = consignment_costs(col, prices, np.zeros(n, dtype=bool))
    assert parts[:, P["disposal_storage"]].tolist() == [RATE * 3 * 3.0, 0.0]


def test_the_trader_pays_it_for_each_rejected_lot_of_a_run():
    r = sim.simulate(sim.load_scenario(SMALL, _priced({"*": RATE})), seed=1, log=True)
    free = sim.simulate(sim.load_scenario(SMALL, _priced(None)), seed=1, log=True)
    assert r.log is not None and free.log is not None
    log = r.log[r.log["outcome"] != "censored"]
    rejected = log["outcome"] == "rejected"
    frozen = rejected & (log["commodity"] == "frozen")
    assert frozen.any()
    want = np.where(frozen, RATE * log["containers"] * 3.0, 0.0)
    assert np.allclose(log["cost_disposal_storage"], want)
    assert "disposal_storage" in TRADER_PARTS
    # the trader pays it, the agencies nothing more; unpriced, nothing at all
    m, m0 = r.metrics(), free.metrics()
    assert m["trader_cost_per_consignment"] > m0["trader_cost_per_consignment"]
    assert m["agency_cost_per_consignment"] == m0["agency_cost_per_consignment"]
    assert (free.log["cost_disposal_storage"].fillna(0.0) == 0).all()


def test_a_bad_rate_is_refused_with_its_field():
    with pytest.raises(sim.ScenarioError) as err:
        sim.load_scenario(SMALL, _priced({"*": -1.0}))
    assert "costs.checks.disposal_storage" in str(err.value), str(err.value)
