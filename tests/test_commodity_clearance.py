"""Each commodity group's clearance as metrics (``clearance_h_mean_commodity_<commodity>``,
its median, p90, share released within each time target, and overall clearance's mean and
p90): the log's figures over the commodity's released cohort consignments, so that a
comparison gives each commodity's paired difference."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

import sim
from sim.experiment.metric_parts import MetricSplitter

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _close(got: float, want: float, rel: float) -> bool:
    return math.isclose(got, want, rel_tol=rel, abs_tol=1e-9)


def test_each_commodity_has_the_logs_clearance():
    r = sim.simulate(sim.load_scenario(SMALL), 3, log=True)
    m = r.metrics()
    log = r.log[r.log.cohort]
    commodity = log.commodity.astype(str)
    seen = 0
    for c in sorted(set(commodity)):
        mine = log[(commodity == c) & log.released.notna()]
        t = (mine.released - mine.arrived).to_numpy()
        assert _close(m[f"clearance_h_mean_commodity_{c}"], t.mean(), 1e-9), c
        assert m[f"released_within_24h_commodity_{c}"] == (t <= 24).mean()
        for stat, q in (("median", 0.5), ("p90", 0.9)):  # (from a log histogram: 1 %)
            want = float(np.quantile(t, q, method="inverted_cdf"))
            assert _close(m[f"clearance_h_{stat}_commodity_{c}"], want, 0.011), (c, stat)
        out = log[(commodity == c) & (log.outcome.astype(str) == "released")]
        overall = (out.exited.fillna(out.loaded) - out.arrived).to_numpy()
        assert _close(m[f"overall_clearance_h_mean_commodity_{c}"], overall.mean(), 1e-9), c
        seen += 1
    assert seen == 2  # general and frozen
    assert m["clearance_h_mean_commodity_frozen"] > m["clearance_h_mean_commodity_general"]


def test_a_commodity_named_as_a_trader_class_is_not_taken_for_one():
    """The small scenario's commodity 'general' is also a trader class's name: metrics.csv
    keeps the commodity in the base name and names no class."""
    parts = MetricSplitter(["sea"], []).split("clearance_h_p90_commodity_general")
    assert parts.base == "clearance_h_p90_commodity_general"
    assert (parts.trader_class, parts.port, parts.direction) == ("", "", "")
