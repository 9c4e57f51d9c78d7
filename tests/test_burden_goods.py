"""burden_clearance_h_goods: the hours inspection adds to compliant goods declarations at the
goods ports alone (the post hub's parcels, minutes each, left out), as the pooled figure is
made: within each port and direction, weighted by the inspected."""

from __future__ import annotations

import numpy as np

import sim
from sim.experiment.metric_glossary import explain


def _from_log(log, ports):
    c = log[log.cohort & (log.illicit == "compliant") & (log.outcome == "released")]
    c = c[c.port.isin(ports)]
    inspected = c.channel.astype(str).str.contains("scan|physical|quarantine")
    hours = c.released - c.arrived
    diffs, weights = [], []
    for _, rows in c.groupby([c.port.astype(str), c.direction.astype(str)], observed=True):
        ins = inspected[rows.index]
        if ins.any() and (~ins).any():
            h = hours[rows.index]
            diffs.append(h[ins].mean() - h[~ins].mean())
            weights.append(ins.sum())
    return float(np.dot(diffs, weights) / sum(weights))


def test_burden_hours_of_goods_ports_leave_the_post_hub_out():
    s = sim.patch(sim.load_scenario(sim.default_scenario_path()), {"days": 7})
    res = sim.simulate(s, 3, log=True)
    m = res.metrics()
    goods = ["sea_port", "land_border", "airport"]
    assert abs(m["burden_clearance_h_goods"] - _from_log(res.log, goods)) < 1e-9
    each = [m[f"burden_clearance_h_port_{p}"] for p in goods]
    assert min(each) <= m["burden_clearance_h_goods"] <= max(each)
    assert m["burden_clearance_h"] < min(each)  # (pooled: mostly the hub's parcels)
    assert "post and express hubs" in explain("burden_clearance_h_goods")
