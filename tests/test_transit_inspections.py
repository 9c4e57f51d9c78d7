"""The inspection rate of transit goods (转关) apart from the imports cleared directly, and by
trader class (``inspection_rate_aeo_advanced_transit_import``): a bonded zone's manager, whose
goods reach the zone in transit, asks what share of them customs inspects and what AEO status
changes, which the port's pooled rates do not say.

One land port, half its imports of a class that always comes in transit (general), the rest
of a class that never does (aeo_advanced), 40 % sent to a physical exam. Under two seconds.
"""

from __future__ import annotations

import math

import det_scenarios as D

import sim


def test_the_transit_goods_inspection_rate_is_their_own_by_class():
    port = D.port(rate="2/h", exam=D.exam(0.1, 0.5, 0.0))
    port["traffic"]["trader_classes"] = {"aeo_advanced": 0.5, "general": 0.5}
    port["transit"] = {"share": {"general": 1.0},  # (aeo_advanced: never in transit)
                       "formalities": D.fixed(0.5), "travel": D.fixed(2.0)}
    sc = D.scenario({"p": port}, selection={"physical": 0.4}, days=2, warmup_days=1)
    m = sim.simulate(sc, seed=1).metrics()
    assert m["consignments_censored"] == 0  # (so every import is counted in both)
    # the transit goods are the general class's imports, the direct ones the AEOs'
    assert m["inspection_rate_transit_import"] == m["inspection_rate_general_import"]
    assert m["inspection_rate_general_transit_import"] == m["inspection_rate_general_import"]
    assert m["inspection_rate_direct_import"] == m["inspection_rate_aeo_advanced_import"]
    assert 0 < m["inspection_rate_aeo_advanced_import"] != m["inspection_rate_general_import"]
    assert math.isnan(m["inspection_rate_aeo_advanced_transit_import"])
    assert math.isnan(m["inspection_rate_general_direct_import"])
    assert math.isnan(m["inspection_rate_integrated_import"])  # (no integration here)


def test_a_scenario_without_transit_has_no_such_rate():
    sc = D.scenario({"p": D.port(rate="2/h")}, days=1)
    assert not [n for n in sim.simulate(sc, seed=1).metrics() if n.endswith("transit_import")]
