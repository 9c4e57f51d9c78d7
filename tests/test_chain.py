"""Journeys booked lazily from lane to lane (``c.deferred`` across several FIFO lanes, see
:meth:`sim.model.fifo.FifoLane.drain`): they cost no SimPy event, and every consignment gets
exactly what the general flow (every visit booked when its journey reaches it) gives it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from sim.model.engine import Environment
from sim.model.fifo import FifoLane
from sim.model.links import close, link
from sim.model.run import simulate

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_flow.py"
LANE_STATS = ["served", "jobs_total", "service_mean_h", "wait_mean_h", "wait_p90_h", "utilisation"]


def _network(n: int, raw: bool = False):
    """The benchmark's three-station network (with ``raw``: its data, not validated)."""
    spec = importlib.util.spec_from_file_location("bench_flow", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    if raw:
        bench.Scenario = SimpleNamespace(model_validate=lambda data: data)
    return bench.network_scenario(n)


def test_a_network_of_fifo_lanes_costs_no_event_per_consignment():
    """Document check, scan and exam bay, all FIFO: a consignment that visits two or three
    of them is booked lazily at each (the queue sampler's timeouts remain)."""
    res = simulate(_network(3_000), 0)
    assert res.paths["flow"] > 1_000
    assert res.events / (res.paths["flow"] + res.paths["bulk"]) < 0.05


def test_lazy_chains_book_what_the_general_flow_books():
    scenario = _network(3_000)
    for seed in (0, 1):
        fast = simulate(scenario, seed, log=True, fast=True)
        slow = simulate(scenario, seed, log=True, fast=False)
        assert slow.events > fast.paths["flow"]  # the general flow pays its waits
        assert fast.counts == slow.counts
        pd.testing.assert_frame_equal(fast.log, slow.log)
        res_f = fast.resources.set_index(["port", "lane"])[LANE_STATS]
        res_s = slow.resources.set_index(["port", "lane"])[LANE_STATS]
        pd.testing.assert_frame_equal(res_f, res_s, rtol=1e-9)


def _lanes(*names: str) -> list[FifoLane]:
    env = Environment()
    return [FifoLane(env, "p", name, [1] * 168) for name in names]


def test_link_feeds_later_lanes_upstream_first_and_refuses_cycles():
    a, b, c = _lanes("a", "b", "c")
    assert link([a, b, b, c])  # a lane visited twice in a row feeds itself: fine
    assert c._feeders == (a, b) and b._feeders == (a,) and a._feeders == ()
    assert not link([c, a])  # c would feed a, which feeds c
    assert a._feeders == () and c._feeders == (a, b)  # nothing linked
    assert not link([a, b, a])  # a, then b, then a again within one route


def test_a_lane_a_port_books_as_journeys_come_is_taken_out_of_every_link():
    """(A port with a learning selector, sharing lane b: its deferred bookings at b must not
    be booked early to feed c.)"""
    a, b, c = _lanes("a", "b", "c")
    assert link([a, b, c])
    close([b])
    assert c._feeders == (a,) and b._feeders == () and not b._down
    assert link([b, c]) and c._feeders == (a,)  # b stays out


def test_an_exam_yard_of_bays_alone_is_a_lane_step_with_the_same_bookings(monkeypatch):
    """With bays the yard's only finite lane, an examination is visited as a lane
    (steps.yard); it books what the generator form (steps.phases.run_phases) books, with
    traders who attend, examinations at AEO premises and moves that take time."""
    from sim.model.route import WAITS
    from sim.model.steps.inspection import Inspect
    from sim.scenario.schema import Scenario

    data = _network(3_000, raw=True)
    port = data["ports"]["border"]
    port["traffic"]["trader_classes"] = {"aeo_general": 0.5, "general": 0.5}
    exam = port["exam"]
    exam["move"] = {"dist": "exponential", "mean": "3 min"}
    exam["aeo_premises"] = 0.5
    exam["trader_attendance"] = {"share": 0.5, "delay": {"dist": "exponential", "mean": "20 min"}}
    scenario = Scenario.model_validate(data)
    lane = simulate(scenario, 0, log=True)
    monkeypatch.setattr(Inspect, "kind", lambda self, p: WAITS)
    phases = simulate(scenario, 0, log=True)
    assert lane.counts == phases.counts
    pd.testing.assert_frame_equal(lane.log, phases.log)
    res_a = lane.resources.set_index(["port", "lane"])[LANE_STATS]
    res_b = phases.resources.set_index(["port", "lane"])[LANE_STATS]
    pd.testing.assert_frame_equal(res_a, res_b, rtol=0, atol=0)
