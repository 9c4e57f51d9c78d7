"""The cost table's ``trader_p90``, read from each group's log-histogram, is the p90 of its
finished consignments' trader costs (the log's ``trader_cost``) within the histogram's bound."""

from __future__ import annotations

import numpy as np

import sim
from sim.analysis.sketch import RELATIVE_ERROR


def test_each_ports_trader_p90_is_that_of_its_logged_costs():
    short = {"days": 1, "warmup_days": 0, "drain_days": 0}  # (the default's [costs] priced)
    result = sim.simulate(sim.load_scenario("default", short), seed=1, log=True)
    assert result.costs is not None and result.log is not None
    log = result.log[result.log["cohort"] & result.log["trader_cost"].notna()]
    rows = result.costs[result.costs["dimension"].isin(["all", "port"])]
    assert len(rows) > 2 and len(set(rows["trader_p90"])) > 2
    for group, p90 in zip(rows["group"], rows["trader_p90"], strict=True):
        costs = log["trader_cost"] if group == "all" else log[log["port"] == group]["trader_cost"]
        exact = np.quantile(costs.to_numpy(), 0.9, method="inverted_cdf")
        assert abs(p90 - exact) <= RELATIVE_ERROR * exact * 1.0001, (group, p90, exact)
