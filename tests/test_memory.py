"""Memory does not grow with the number of consignments when the log is off."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
ROOM = {"capacity": 20}  # a stable system: the work in progress does not grow with time


def peak_bytes(days: int) -> tuple[int, int]:
    s = sim.load_scenario(
        SMALL,
        {
            "days": days,
            "queue_sample": "1 d",
            "ports.sea.arrivals.rate": "2/d",
            "ports.sea.exam.bays": ROOM,
            "ports.sea.exam.teams": ROOM,
            "ports.sea.exam.movers": ROOM,
            "ports.sea.quarantine.officers": ROOM,
        },
    )
    tracemalloc.start()
    try:
        r = sim.simulate(s, 1)
        return tracemalloc.get_traced_memory()[1], r.counts["arrived"]
    finally:
        tracemalloc.stop()


def test_peak_memory_flat_in_run_length():
    peak_bytes(3)  # first: what importing and first use allocate would swell the short run
    short, n_short = peak_bytes(14)
    long, n_long = peak_bytes(56)
    assert n_long > 3.5 * n_short
    # four times the consignments; what may grow is the hourly-or-daily queue samples only
    assert long < 1.4 * short, (short, long)


def test_the_log_costs_little_more_than_itself_while_it_is_built():
    """The per-consignment log is built from the recorder's rows, which it takes: the run's
    peak memory grows by at most about twice the log's own size (it was six times), so that
    a long run's log fits where the log itself fits."""
    s = sim.load_scenario(SMALL, {"days": 28})

    def peak(log: bool, scenario: sim.Scenario = s) -> tuple[int, sim.RunResult]:
        tracemalloc.start()
        try:
            r = sim.simulate(scenario, 1, log=log)
            return tracemalloc.get_traced_memory()[1], r
        finally:
            tracemalloc.stop()

    # (first use: a short run with the log takes the same code paths, so what importing and
    # first use allocate is out of the two measured runs, as after a 28-day one)
    peak(True, sim.load_scenario(SMALL, {"days": 3}))
    without, _ = peak(False)
    with_log, r = peak(True)
    assert r.log is not None and len(r.log) > 15_000
    size = int(r.log.memory_usage(deep=True).sum())
    assert with_log - without < 2.5 * size, (with_log - without) / size
