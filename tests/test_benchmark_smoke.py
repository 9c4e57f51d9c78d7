"""Smoke test of benchmarks/bench_flow.py: both implementations of the network run.

Timing is never asserted here; the benchmark itself is run on demand (see benchmarks/README.md).
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_flow.py"


def _load():
    spec = importlib.util.spec_from_file_location("bench_flow", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_network_runs_in_bordersim_and_plain_simpy():
    bench = _load()
    out = bench.bench_network(2_000, reps=1, warmup=False)  # no pinning: that is main()'s job
    assert out["consignments"] > 1_000
    assert out["bordersim"]["censored"] == 0
    for side in ("bordersim", "plain_simpy"):
        mean = out[side]["mean_sojourn_min"]
        assert math.isfinite(mean) and mean > 0, (side, mean)
        assert out[side]["events"] > 0
