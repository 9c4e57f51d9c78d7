"""The goods' wait on the organisation by port (``org_hold_h_mean_port_<port>``): a
structure that decides faster on average may decide slower for one customs' ports (the
national centres' intake against an idle directly-affiliated customs), and the pooled
``org_hold_h_mean`` hid which ports gain and which lose."""

from __future__ import annotations

import math
from pathlib import Path

import sim
from sim.model.org.stats import OrgStats

SPINDLE = Path(__file__).resolve().parents[1] / "sim" / "scenarios" / "guangdong-spindle.toml"


def test_a_hold_counts_at_its_port_only_inside_the_window_and_when_it_held_goods() -> None:
    stats = OrgStats((10.0, 20.0))
    stats.hold(12.0, 2.0, "a")
    stats.hold(13.0, 4.0, "a")
    stats.hold(14.0, 9.0, "b")
    stats.hold(15.0, 0.0, "b")  # (decided before the goods arrived: held nothing)
    stats.hold(25.0, 50.0, "c")  # (raised after the window)
    m = stats.metrics()
    assert m["org_hold_h_mean_port_a"] == 3.0 and m["org_hold_h_mean_port_b"] == 9.0
    assert "org_hold_h_mean_port_c" not in m
    assert m["org_hold_h_mean"] == 5.0 and m["org_holds"] == 3.0


def test_a_run_gives_each_ports_wait_and_the_pooled_one_lies_among_them() -> None:
    scenario = sim.patch(sim.load_scenario(SPINDLE),
                         {"days": 2, "warmup_days": 0, "drain_days": 1})
    m = sim.simulate(scenario, 1).metrics()
    by_port = {k.removeprefix("org_hold_h_mean_port_"): v for k, v in m.items()
               if k.startswith("org_hold_h_mean_port_")}
    assert len(by_port) >= 3 and set(by_port) <= set(scenario.ports), by_port
    assert len({round(v, 6) for v in by_port.values()}) > 1, by_port  # (each port its own)
    assert all(math.isfinite(v) and v > 0 for v in by_port.values())
    assert min(by_port.values()) <= m["org_hold_h_mean"] <= max(by_port.values())
