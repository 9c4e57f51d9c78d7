"""A timeline period's clearance by port and direction (``clearance_h_mean_era_<k>_port_<port>
_<direction>``): the pooled period figures mix every port, so a hub's own peak day needed
the hub alone; checked against the per-consignment log of two ports run unlike."""

from __future__ import annotations

import math
from pathlib import Path

import sim

TWO = Path(__file__).resolve().parent / "scenarios" / "two_ports.toml"


def test_a_periods_clearance_by_port_is_the_logs_mean_of_that_ports_goods():
    s = sim.load_scenario(TWO, {"periods_at": ["2 d"], "ports.q.document_check.capacity": 3})
    res = sim.simulate(s, 1, log=True)
    m, log = res.metrics(), res.log
    end = 4 * 24.0  # (warm-up, observed and drain days)
    done = log[log.cohort.astype(bool) & (log.released <= end)]
    means = {}
    for k, era in enumerate((done.arrived < 48.0, done.arrived >= 48.0)):
        for port in ("p", "q"):
            mine = done[era & (done.port == port) & (done.direction == "import")]
            assert len(mine) > 20
            means[k, port] = float((mine.released - mine.arrived).mean())
            name = f"clearance_h_mean_era_{k}_port_{port}_import"
            assert math.isclose(m[name], means[k, port], rel_tol=1e-9)
    assert means[1, "p"] != means[1, "q"]  # (each port's own, not the pool)
