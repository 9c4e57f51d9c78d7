#!/usr/bin/env python
"""Throughput benchmark of the clearance flow (run on demand; not a test).

    python benchmarks/bench_flow.py            # full run (a few minutes)
    python benchmarks/bench_flow.py --quick    # smoke check (seconds)
    python benchmarks/bench_flow.py --json     # the figures as JSON on stdout
    python benchmarks/bench_flow.py --once risk --days 7   # one run, for an instruction counter

(a) A scenario file (``scenarios/default.toml``, else ``tests/scenarios/small.toml``, or
    ``--scenario PATH``): consignments per second of wall time and SimPy events per consignment.
(c) The same scenario with its risk engine on (``[risk] enabled = true``, alerts included) and
    off (the static selection tables), both with smugglers (added if the scenario has none), run
    alternately: consignments per second of each and their ratio (by wall and CPU time).
(b) A three-station network (document check -> scan -> physical exam, Bernoulli routing,
    exponential service at M/M/c stations) run in bordersim and in a plain-SimPy reference that
    does the same work; median wall times, their ratio, and the mean sojourn of both.

See benchmarks/README.md for how to read the output. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import simpy

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from sim.analysis.queueing import jackson_sojourn  # noqa: E402
from sim.model import arrivals  # noqa: E402
from sim.model.engine import Environment  # noqa: E402
from sim.model.run import simulate  # noqa: E402
from sim.scenario.loader import default_scenario_path, load_scenario  # noqa: E402
from sim.scenario.schema import Scenario  # noqa: E402

FALLBACK_SCENARIO = ROOT / "tests" / "scenarios" / "small.toml"

# Targets from the performance issue.
TARGET_RATE = 50_000.0  # (a) consignments per second of wall time, at least
TARGET_RATIO = 1.3  # (b) bordersim / plain-SimPy wall time, at most
TARGET_BASELINE = 0.95  # (a') consignments per second against the --baseline commit, at least
TARGET_RISK = 0.7  # (c) consignments per second with the risk engine / with the tables, at least

# The network of part (b).
RATE_PER_H = 100.0  # Poisson arrivals per hour
ROUTING = (0.6, 0.5, 0.3)  # P(document check), P(scan), P(physical exam), independent
SERVERS = 2  # servers at each station (M/M/c)
RHO = 0.7  # target utilisation of each station
STATIONS = ("document_check", "scan", "physical_exam")
DRAIN_DAYS = 2.0  # far more than enough for queues at rho = 0.7 to empty

FULL_N, QUICK_N = 200_000, 20_000


# ---------------------------------------------------------------------------------------------
# helpers
def pin_to_one_core() -> str:
    """Pin this process to CPU 0 where the OS allows it; say what was done."""
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {0})
            return "pinned to CPU 0"
        except OSError as exc:  # pragma: no cover - e.g. CPU 0 not in our cpuset
            return f"not pinned ({exc.strerror})"
    return "not pinned (os.sched_setaffinity unavailable)"


def _timed(fn, *args, **kwargs) -> tuple[float, float, Any]:
    """Wall time and CPU time of this process (s), and the result."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t0, time.process_time() - c0, out


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# (a) a scenario file
def resolve_scenario(path: str | None) -> tuple[Path, str]:
    """The scenario to benchmark and a note on where it came from."""
    if path is not None:
        return Path(path), "given with --scenario"
    default = default_scenario_path()
    if default.exists():
        return default, "the default scenario"
    return (
        FALLBACK_SCENARIO,
        f"{default.relative_to(ROOT)} does not exist yet; fell back to the test scenario",
    )


def bench_scenario(path: Path, reps: int = 3, seed: int = 0) -> dict[str, Any]:
    """Consignments per second and SimPy events per consignment for one scenario file.

    Consignments created (warm-up period and cohort alike) are counted in the untimed warm-up
    run, by the interpreter that finished them (``RunResult.paths``: numpy blocks or SimPy
    flows); the run is deterministic, so the count holds for the timed runs too. The warm-up
    run also keeps the log (``log=True``), whose rows should number the same: the report warns
    if they do not.
    """
    scenario = load_scenario(path)
    warm_wall, _, warm = _timed(simulate, scenario, seed, log=True)
    assert warm.log is not None
    logged = len(warm.log)
    created = warm.paths["bulk"] + warm.paths["flow"]
    flows = warm.paths["flow"]
    warm_events, cohort = warm.events, warm.counts["arrived"]
    del warm  # a 95,000-row log held in memory slows the runs after it by up to a third
    gc.collect()
    walls, cpus, events = [], [], set()
    for _ in range(reps):
        wall, cpu, res = _timed(simulate, scenario, seed)
        walls.append(wall)
        cpus.append(cpu)
        events.add(res.events)
    if events != {warm_events}:  # the log must not change the simulation
        raise RuntimeError(f"events differ between runs: {sorted(events)} vs {warm_events}")
    median = statistics.median(walls)
    return {
        "scenario": str(path),
        "name": scenario.name,
        "seed": seed,
        "created": created,
        "logged": logged,
        "cohort": cohort,
        "events": warm_events,
        "events_per_consignment": warm_events / created if created else math.nan,
        "flows": flows,
        "flow_share": flows / created if created else math.nan,
        "warmup_run_wall_s": warm_wall,
        "walls_s": walls,
        "cpus_s": cpus,
        "median_wall_s": median,
        "median_cpu_s": statistics.median(cpus),
        "consignments_per_s": created / median if median > 0 else math.nan,
    }


# ---------------------------------------------------------------------------------------------
# (a') the same scenario against an earlier commit
_TIME_ONE_RUN = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from sim.model.run import simulate
from sim.scenario.loader import load_scenario
scenario = load_scenario(sys.argv[2])
simulate(scenario, 0)  # warm-up, untimed
t0 = time.perf_counter()
simulate(scenario, 0)
print(json.dumps(time.perf_counter() - t0))
"""


def export_commit(commit: str, into: Path) -> Path:
    """The package ``sim`` as it was at ``commit``, unpacked into ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, "sim"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _time_in_subprocess(source: Path, scenario: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _TIME_ONE_RUN, str(source), str(scenario)],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise SystemExit(f"the package at {source} could not run {scenario}: {last}")
    return float(json.loads(out.stdout))


def bench_baseline(commit: str, path: Path, rounds: int = 5) -> dict[str, Any]:
    """Wall time of one run of ``path`` with this checkout and with ``commit``, in fresh
    processes run alternately (so that the machine's drift hits both alike); the ratio of
    medians is this checkout's consignments per second relative to the commit's."""
    with tempfile.TemporaryDirectory() as tmp:
        base = export_commit(commit, Path(tmp))
        walls: dict[str, list[float]] = {"baseline": [], "current": []}
        for _ in range(rounds):
            walls["baseline"].append(_time_in_subprocess(base, path))
            walls["current"].append(_time_in_subprocess(ROOT, path))
    b, c = statistics.median(walls["baseline"]), statistics.median(walls["current"])
    return {
        "commit": commit,
        "scenario": str(path),
        "rounds": rounds,
        "walls_s": walls,
        "speed_ratio": b / c if c > 0 else math.nan,
    }


# ---------------------------------------------------------------------------------------------
# (c) the risk engine against the static selector
#: smugglers for part (c), when the scenario has none: two groups who choose among the land
#: border, the sea port, a patrolled river crossing and not smuggling (as in the Beilun
#: scenario, scaled to the default's ports). Their goods raise the engine's alerts when seized.
BENCH_SMUGGLING: dict[str, Any] = {
    "learning": 0.1,
    "alert": {"factor": 2.0, "duration": "7 d"},
    "routes": {
        "land": {"kind": "port", "port": "land_border", "cost": 1500, "perceived": 0.15},
        "sea": {"kind": "port", "port": "sea_port", "cost": 4000, "perceived": 0.10},
        "river": {
            "kind": "river",
            "cost": 800,
            "perceived": 0.15,
            "patrol": {"staff": 4, "per_officer": 0.03},
        },
    },
    "groups": {
        "tobacco_ring": {
            "illicit": "tobacco",
            "commodity": "general",
            "origin": "asia",
            "concealed": True,
            "value": {"dist": "lognormal", "mean": 20000, "cv": 0.5},
            "margin": 0.2,
            "rate": "4/d",
            "profit_scale": 1500,
            "routes": ["sea", "river"],
        },
        "frozen_gang": {
            "illicit": "frozen",
            "commodity": "frozen",
            "origin": "vietnam",
            "value": {"dist": "lognormal", "mean": 60000, "cv": 0.5},
            "margin": 0.1,
            "rate": "3/d",
            "profit_scale": 2000,
            "routes": ["land", "river"],
        },
    },
}


def risk_sides(path: Path, days: float | None = None) -> dict[str, Scenario] | None:
    """The two sides of part (c): the scenario with its risk engine on (alerts included) and
    off, both with smugglers (``BENCH_SMUGGLING`` if the scenario has none, as long as it has
    the default scenario's ports). None if the scenario has no ``[risk]`` section. ``days``:
    shortened to that many days (2 of warm-up, 4 to drain)."""
    base = load_scenario(path)
    if base.risk is None:
        return None
    over: dict[str, Any] = {}
    if days is not None:
        over.update({"days": days, "warmup_days": 2, "drain_days": 4})
    if base.smuggling is None and {"land_border", "sea_port"} <= set(base.ports):
        over["smuggling"] = BENCH_SMUGGLING
    return {
        "static": load_scenario(path, {**over, "risk.enabled": False}),
        "risk": load_scenario(path, {**over, "risk.enabled": True}),
    }


def bench_risk(path: Path, rounds: int = 3, seed: int = 0) -> dict[str, Any] | None:
    """Consignments per second of ``path`` with the risk engine and with the selection tables,
    run alternately in this process (None if the scenario has no ``[risk]`` section). Both
    sides make the same consignments (the arrivals do not depend on the selector), counted on
    the static side: with the engine, the few whose decision falls after the run's end are
    never launched, and the smugglers' choices follow what each selector finds, so its own
    count differs a little."""
    sides = risk_sides(path)
    if sides is None:
        return None
    walls: dict[str, list[float]] = {k: [] for k in sides}
    cpus: dict[str, list[float]] = {k: [] for k in sides}
    created: dict[str, int] = {}
    flows: dict[str, int] = {}
    for _ in range(rounds):
        for side, scenario in sides.items():
            wall, cpu, res = _timed(simulate, scenario, seed)
            walls[side].append(wall)
            cpus[side].append(cpu)
            created[side] = res.paths["bulk"] + res.paths["flow"]
            flows[side] = res.paths["flow"]
            del res
            gc.collect()
    rate = {k: created["static"] / statistics.median(walls[k]) for k in sides}
    cpu = {k: statistics.median(cpus[k]) for k in sides}
    return {
        "scenario": str(path),
        "smuggling": sides["risk"].smuggling is not None,
        "rounds": rounds,
        "walls_s": walls,
        "cpus_s": cpus,
        "created": created,
        "flows": flows,
        "consignments_per_s": rate,
        "ratio": rate["risk"] / rate["static"],
        # each round's pair ran back to back, so it shares the machine's drift
        "round_ratios": [s / r for s, r in zip(walls["static"], walls["risk"], strict=True)],
        "cpu_ratio": cpu["static"] / cpu["risk"],
    }


def run_once(path: Path, side: str, days: float | None) -> dict[str, Any]:
    """One run of one side of part (c), for an instruction counter (see README.md: unlike
    time, a count does not drift with the machine, so it can see changes of about 2 %)."""
    sides = risk_sides(path, days)
    if sides is None:
        raise SystemExit(f"{path} has no [risk] section: nothing to run --once")
    res = simulate(sides[side], 0)
    return {"side": side, "days": days, "paths": res.paths, "events": res.events}


# ---------------------------------------------------------------------------------------------
# (b) the three-station network
def service_means_h(rate: float = RATE_PER_H) -> tuple[float, ...]:
    """Mean service time (hours) at each station so that its utilisation is ``RHO``."""
    return tuple(RHO * SERVERS / (rate * p) for p in ROUTING)


def network_scenario(n: int, rate: float = RATE_PER_H) -> Scenario:
    """The network as a bordersim scenario: one land port whose only delays are the stations."""
    doc, scan, phys = (f"{m * 3600:.12g} s" for m in service_means_h(rate))
    unlimited = {"capacity": "unlimited"}
    data = {
        "name": "bench-network",
        "description": "benchmarks/bench_flow.py: document check -> scan -> physical exam",
        "days": n / (rate * 24),
        "warmup_days": 0,
        "drain_days": DRAIN_DAYS,
        "commodities": {"general": {}},
        "selection": {
            "document": {"*": {"*": ROUTING[0]}},
            "scan": {"*": {"*": ROUTING[1]}},
            "physical": {"*": {"*": ROUTING[2]}},
        },
        "ports": {
            "border": {
                "mode": "land",
                "arrivals": {"rate": f"{rate:g}/h"},
                "traffic": {
                    "commodities": {"general": 1.0},
                    "trader_classes": {"general": 1.0},
                    "value": {"dist": "deterministic", "value": 1},
                },
                "declaration": {
                    "advance_share": 0,
                    "advance_lead": "0 h",
                    "lodging_delay": "0 h",
                },
                "document_check": {
                    "capacity": SERVERS,
                    "service": {"dist": "exponential", "mean": doc},
                },
                "scan": {
                    "scanners": {
                        "capacity": SERVERS,
                        "service": {"dist": "exponential", "mean": scan},
                    },
                    "image_review": {
                        "ai_share": 1.0,
                        "ai_clear": 1.0,
                        "ai_time": "0 s",
                        "officers": {**unlimited, "service": "0 s"},
                        "refer": 0.0,
                    },
                },
                "exam": {
                    "bays": {"capacity": SERVERS},
                    "teams": unlimited,
                    "movers": unlimited,
                    "move": "0 h",
                    "duration": {"dist": "exponential", "mean": phys},
                    "booking_lead": "0 h",
                    "slots": {"day_start": "00:00", "day_end": "24:00", "every": "0 h"},
                },
                "release": {"pickup": "0 h"},
            }
        },
    }
    return Scenario.model_validate(data)


def network_means_from(scenario: Scenario) -> tuple[float, float, float]:
    """The service means (hours) bordersim will use, read back from the validated scenario."""
    port = next(iter(scenario.ports.values()))
    assert port.document_check and port.scan and port.exam
    return (
        port.document_check.service.mean,
        port.scan.scanners.service.mean,
        port.exam.duration.mean,
    )


def run_bordersim(scenario: Scenario, seed: int = 0) -> dict[str, Any]:
    """One bordersim run of the network: consignments, mean sojourn (h), SimPy events."""
    res = simulate(scenario, seed)
    c = res.clearance
    row = c[(c.metric == "overall_clearance") & (c.dimension == "all")].iloc[0]
    return {
        "n": res.counts["arrived"],
        "censored": res.counts["censored"],
        "mean_sojourn_h": float(row["mean_h"]),
        "events": res.events,
    }


def run_plain_simpy(
    n: int,
    means_h: tuple[float, ...],
    rate: float = RATE_PER_H,
    routing: tuple[float, ...] = ROUTING,
    servers: int = SERVERS,
    seed: int = 0,
    env_class: type[simpy.Environment] = simpy.Environment,
) -> dict[str, Any]:
    """The same network written directly in SimPy, as a reference for the cost of the model.

    Poisson arrivals, one process per consignment, one ``simpy.Resource`` per station, the
    same routing probabilities and exponential service means; all random numbers are drawn up
    front with numpy (bordersim also draws its numbers in vectorised blocks).
    """
    rng = np.random.default_rng(seed)
    gaps = rng.exponential(1.0 / rate, n).tolist()
    visits = (rng.random((n, len(routing))) < np.asarray(routing)).tolist()
    services = rng.exponential(np.asarray(means_h), (n, len(means_h))).tolist()

    env = env_class()
    stations = [simpy.Resource(env, capacity=servers) for _ in means_h]
    sojourns: list[float] = []

    def consignment(i: int):
        arrived = env.now
        visit, service = visits[i], services[i]
        for k, station in enumerate(stations):
            if visit[k]:
                with station.request() as req:
                    yield req
                    yield env.timeout(service[k])
        sojourns.append(env.now - arrived)

    def source():
        for i in range(n):
            yield env.timeout(gaps[i])
            env.process(consignment(i))

    env.process(source())
    env.run()
    return {
        "n": len(sojourns),
        "mean_sojourn_h": sum(sojourns) / len(sojourns) if sojourns else math.nan,
        "events": getattr(env, "scheduled", None),  # counted only by a counting environment
    }


def theory_sojourn_h(
    means_h: tuple[float, ...],
    rate: float = RATE_PER_H,
    routing: tuple[float, ...] = ROUTING,
    servers: int = SERVERS,
) -> float:
    """Mean sojourn in the network by Jackson's theorem (each station an M/M/c queue)."""
    return jackson_sojourn(rate, [(p, servers, s) for p, s in zip(routing, means_h, strict=True)])


def _side(res: dict[str, Any], walls: list[float], cpus: list[float]) -> dict[str, Any]:
    """The figures of one side (bordersim or plain SimPy) of the network benchmark."""
    med = statistics.median(walls)
    n = res["n"]
    return {
        "walls_s": walls,
        "cpus_s": cpus,
        "median_wall_s": med,
        "median_cpu_s": statistics.median(cpus),
        "consignments_per_s": n / med if med > 0 else math.nan,
        "mean_sojourn_min": res["mean_sojourn_h"] * 60,
        "events": res["events"],
        "events_per_consignment": res["events"] / n if n else math.nan,
    }


def bench_network(n: int, reps: int = 5, seed: int = 0, warmup: bool = True) -> dict[str, Any]:
    """Median wall time of bordersim and plain SimPy on the network, and their mean sojourns.

    The two are run alternately, so that drift of the machine hits both alike. The plain-SimPy
    reference simulates exactly as many consignments as arrived in bordersim.
    """
    scenario = network_scenario(n)
    means = network_means_from(scenario)
    if warmup:
        run_bordersim(network_scenario(min(n, 5_000)), seed)
        run_plain_simpy(min(n, 5_000), means, seed=seed)
    b_walls, p_walls, b_cpus, p_cpus = [], [], [], []
    b = p = None
    for _ in range(reps):
        wall, cpu, b = _timed(run_bordersim, scenario, seed)
        b_walls.append(wall)
        b_cpus.append(cpu)
        wall, cpu, p = _timed(run_plain_simpy, b["n"], means, seed=seed)
        p_walls.append(wall)
        p_cpus.append(cpu)
    assert b is not None and p is not None
    p["events"] = run_plain_simpy(b["n"], means, seed=seed, env_class=Environment)["events"]
    b_med, p_med = statistics.median(b_walls), statistics.median(p_walls)
    theory = theory_sojourn_h(means)
    return {
        "consignments": b["n"],
        "rate_per_h": RATE_PER_H,
        "routing": dict(zip(STATIONS, ROUTING, strict=True)),
        "servers": SERVERS,
        "utilisation": RHO,
        "service_mean_s": dict(zip(STATIONS, (m * 3600 for m in means), strict=True)),
        "reps": reps,
        "bordersim": {**_side(b, b_walls, b_cpus), "censored": b["censored"]},
        "plain_simpy": _side(p, p_walls, p_cpus),
        "ratio": b_med / p_med if p_med > 0 else math.nan,
        # each round's pair ran back to back, so it shares the machine's drift
        "round_ratios": [b / p for b, p in zip(b_walls, p_walls, strict=True)],
        "cpu_ratio": statistics.median(b_cpus) / statistics.median(p_cpus),
        "theory_sojourn_min": theory * 60,
        "sojourn_difference": b["mean_sojourn_h"] / p["mean_sojourn_h"] - 1,
    }


def profile_network(n: int, top: int = 25, seed: int = 0) -> str:
    """cProfile of one bordersim run of the network, top functions by own time."""
    scenario = network_scenario(n)
    prof = cProfile.Profile()
    prof.enable()
    run_bordersim(scenario, seed)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# report
def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def format_report(result: dict[str, Any]) -> str:
    lines = [f"bordersim flow benchmark ({result['mode']}; {result['pinning']})"]
    if "blocks" in result:
        lines.append(f"    model: {result['blocks']} (sim.model.arrivals.BLOCK, GROUP)")
    lines.append("")
    a = result.get("scenario")
    if a is not None:
        rate_ok = a["consignments_per_s"] >= TARGET_RATE
        lines += [
            f"(a) scenario {a['name']!r}: {a['scenario']}",
            f"    note: {a['note']}",
            f"    consignments created (warm-up + cohort) {a['created']:>12,}"
            f"   (cohort {a['cohort']:,})",
            *(
                [f"    WARNING: the log of the warm-up run has {a['logged']:,} rows"]
                if a["logged"] != a["created"]
                else []
            ),
            f"    SimPy events                            {a['events']:>12,}",
            f"    events per consignment                  {a['events_per_consignment']:>12.2f}",
            f"    wall time, median of {len(a['walls_s']):<19}{a['median_wall_s']:>10.3f} s"
            f"   (runs: {', '.join(f'{w:.3f}' for w in a['walls_s'])};"
            f" CPU median {a['median_cpu_s']:.3f} s)",
            f"    consignments per second                 {a['consignments_per_s']:>12,.0f}"
            f"   target >= {TARGET_RATE:,.0f}: {_mark(rate_ok)}",
            f"    run as SimPy flows                      {a['flows']:>12,}"
            f"   ({a['flow_share']:.1%}; the rest finished in numpy blocks)",
            "",
        ]
    base = result.get("baseline")
    if base is not None:
        ok = base["speed_ratio"] >= TARGET_BASELINE
        lines += [
            f"(a') the same scenario against commit {base['commit']} "
            f"({base['rounds']} alternating runs in fresh processes)",
            f"    runs (s): commit  {', '.join(f'{w:.3f}' for w in base['walls_s']['baseline'])}",
            f"              current {', '.join(f'{w:.3f}' for w in base['walls_s']['current'])}",
            f"    consignments per second, current / commit: {base['speed_ratio']:.3f}"
            f"   target >= {TARGET_BASELINE:g}: {_mark(ok)}",
            "",
        ]
    c = result.get("risk")
    if c is not None:
        lines += [
            f"(c) the risk engine against the selection tables ({c['rounds']} alternating runs)",
            *(
                f"    {side:7} {c['consignments_per_s'][side]:>10,.0f} consignments/s"
                f"   (runs: {', '.join(f'{w:.3f}' for w in c['walls_s'][side])} s;"
                f" {c['flows'][side]:,} of {c['created'][side]:,} as SimPy flows)"
                for side in ("static", "risk")
            ),
            f"    smugglers: {'on' if c['smuggling'] else 'off'}; CPU medians: "
            + ", ".join(f"{k} {statistics.median(v):.3f} s" for k, v in c["cpus_s"].items()),
            f"    consignments per second, risk engine / tables: {c['ratio']:.3f}"
            f"   target >= {TARGET_RISK:g}: {_mark(c['ratio'] >= TARGET_RISK)}"
            f"   (by CPU time: {c['cpu_ratio']:.3f})",
            _rounds(c["round_ratios"], 3),
            "",
        ]
    b = result.get("network")
    if b is not None:
        bs, ps = b["bordersim"], b["plain_simpy"]
        svc = ", ".join(f"{k} {v:.1f} s" for k, v in b["service_mean_s"].items())
        route = ", ".join(f"{k} {v:g}" for k, v in b["routing"].items())
        lines += [
            f"(b) three-station network: {b['consignments']:,} consignments, "
            f"{b['rate_per_h']:g}/h, M/M/{b['servers']} at utilisation {b['utilisation']:g}",
            f"    routing: {route}",
            f"    service means: {svc}",
            "",
            f"    {'':14}{'median wall':>12}{'median CPU':>12}{'consign./s':>12}"
            f"{'events/cons.':>14}{'mean sojourn':>14}",
        ]
        for label, s in (("bordersim", bs), ("plain SimPy", ps)):
            lines.append(
                f"    {label:14}{s['median_wall_s']:>10.3f} s{s['median_cpu_s']:>10.3f} s"
                f"{s['consignments_per_s']:>12,.0f}"
                f"{s['events_per_consignment']:>14.2f}{s['mean_sojourn_min']:>10.3f} min"
            )
        lines += [
            f"    {'theory':14}{'':50}{b['theory_sojourn_min']:>10.3f} min   (Jackson network)",
            "",
            f"    runs (s): bordersim {', '.join(f'{w:.3f}' for w in bs['walls_s'])}",
            f"              plain     {', '.join(f'{w:.3f}' for w in ps['walls_s'])}",
            f"    mean sojourn, bordersim vs plain SimPy: {b['sojourn_difference']:+.2%}",
            f"    ratio bordersim / plain SimPy: {b['ratio']:.2f}"
            f"   target <= {TARGET_RATIO:g}: {_mark(b['ratio'] <= TARGET_RATIO)}"
            f"   (by CPU time: {b['cpu_ratio']:.2f})",
            _rounds(b["round_ratios"], 2),
        ]
    return "\n".join(lines)


def _rounds(ratios: list[float], digits: int) -> str:
    """Each round's ratio (its two runs back to back, under the same drift of the machine):
    their spread shows how far to trust the ratio of medians above."""
    each = ", ".join(f"{x:.{digits}f}" for x in ratios)
    return f"    each round's ratio: {each} (median {statistics.median(ratios):.{digits}f})"


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    ap.add_argument("--quick", action="store_true", help="fewer runs and consignments")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON only")
    ap.add_argument("--scenario", metavar="PATH", help="scenario file for part (a)")
    ap.add_argument("--n", type=int, help="consignments in the network of part (b)")
    ap.add_argument("--only", choices=("scenario", "risk", "network"), help="run one part only")
    ap.add_argument(
        "--profile",
        action="store_true",
        help="also print a cProfile of bordersim on the network (stderr)",
    )
    ap.add_argument("--no-pin", action="store_true", help="do not pin to one CPU")
    ap.add_argument(
        "--baseline",
        metavar="COMMIT",
        help="also time the scenario with the package as it was at COMMIT (a git revision)",
    )
    ap.add_argument(
        "--once",
        choices=("static", "risk"),
        help="run one side of part (c) once and stop (for an instruction counter)",
    )
    ap.add_argument("--days", type=float, help="with --once: shorten the scenario to DAYS days")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    if args.days is not None and not args.once:
        ap.error("--days shortens the run of --once only")
    if args.once:
        print(json.dumps(run_once(resolve_scenario(args.scenario)[0], args.once, args.days)))
        return 0

    pinning = "not pinned (--no-pin)" if args.no_pin else pin_to_one_core()
    n = args.n or (QUICK_N if args.quick else FULL_N)
    result: dict[str, Any] = {
        "mode": "quick" if args.quick else "full",
        "pinning": pinning,
        "blocks": f"blocks of {arrivals.BLOCK} x {arrivals.GROUP:,} Poisson arrivals",
        "python": platform.python_version(),
        "simpy": simpy.__version__,
        "numpy": np.__version__,
        "targets": {
            "consignments_per_s_min": TARGET_RATE,
            "ratio_max": TARGET_RATIO,
            "risk_ratio_min": TARGET_RISK,
        },
    }
    if args.only in (None, "scenario"):
        path, note = resolve_scenario(args.scenario)
        _say(f"(a) {path} ...")
        result["scenario"] = {**bench_scenario(path, reps=1 if args.quick else 3), "note": note}
        if args.baseline:
            _say(f"(a') {path} against {args.baseline} ...")
            result["baseline"] = bench_baseline(args.baseline, path, 2 if args.quick else 5)
    if args.only in (None, "risk"):
        path, _ = resolve_scenario(args.scenario)
        _say(f"(c) {path}, risk engine and tables ...")
        risk = bench_risk(path, rounds=1 if args.quick else 3)
        if risk is not None:
            result["risk"] = risk
    if args.only in (None, "network"):
        reps = 3 if args.quick else 5
        _say(f"(b) network, {n:,} consignments, {reps} runs each ...")
        result["network"] = bench_network(n, reps=reps)
    if args.profile:
        _say(profile_network(n))

    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
