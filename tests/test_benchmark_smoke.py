"""Smoke test of benchmarks/bench_flow.py: both implementations of the network run.

Timing is never asserted here; the benchmark itself is run on demand (see benchmarks/README.md).
"""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest

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


def test_baseline_comparison_runs_against_a_commit():
    """The comparison with an earlier commit exports it and times both (here: HEAD itself)."""
    bench = _load()
    small = Path(__file__).parent / "scenarios" / "small.toml"
    out = bench.bench_baseline("HEAD", small, rounds=1)
    assert len(out["walls_s"]["baseline"]) == len(out["walls_s"]["current"]) == 1
    assert math.isfinite(out["speed_ratio"]) and out["speed_ratio"] > 0


def test_the_scenario_benchmark_reports_the_share_of_flows():
    bench = _load()
    small = Path(__file__).parent / "scenarios" / "small.toml"
    out = bench.bench_scenario(small, reps=1)
    assert out["logged"] == out["created"]
    assert 0 < out["flows"] < out["created"]


def test_the_risk_engine_benchmark_runs_both_selectors(tmp_path):
    bench = _load()
    small = Path(__file__).parent / "scenarios" / "small.toml"
    assert bench.bench_risk(small, rounds=1) is None  # no [risk] section: nothing to compare
    with_risk = tmp_path / "small-risk.toml"
    with_risk.write_text(small.read_text() + "\n[risk]\ntarget = 0.05\n")
    out = bench.bench_risk(with_risk, rounds=1)
    assert 0 <= out["created"]["static"] - out["created"]["risk"] < 10  # decided after the end
    assert math.isfinite(out["ratio"]) and out["ratio"] > 0


def test_one_side_runs_once_shortened_for_an_instruction_counter(tmp_path, capsys):
    bench = _load()
    small = Path(__file__).parent / "scenarios" / "small.toml"
    with_risk = tmp_path / "small-risk.toml"
    with_risk.write_text(small.read_text() + "\n[risk]\ntarget = 0.05\n")
    out = {}
    for side in ("static", "risk"):
        assert bench.main(["--once", side, "--days", "3", "--scenario", str(with_risk)]) == 0
        out[side] = json.loads(capsys.readouterr().out)
    full = bench.risk_sides(with_risk)["risk"]
    assert full.days != 3 and bench.risk_sides(with_risk, 3)["risk"].days == 3
    assert out["risk"]["side"] == "risk" and out["risk"]["days"] == 3
    assert out["risk"]["events"] != out["static"]["events"]  # the two sides differ
    assert sum(out["risk"]["paths"].values()) > 0
    with pytest.raises(SystemExit):  # --days alone would be ignored: refused
        bench.main(["--days", "3", "--scenario", str(with_risk)])
