"""A terminal reads its own figures: owner shares and the per-container inspection rate by
port (``_port_<port>``), not only pooled over every port, where a post hub's parcels mix
with a sea port's boxes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import sim
from sim.model.milestones import OWNERS

DEFAULT = Path(__file__).resolve().parents[1] / "scenarios" / "default.toml"


@pytest.fixture(scope="module")
def run() -> sim.RunResult:
    return sim.simulate(sim.load_scenario(DEFAULT, {"days": 3}), 1, log=True)


def test_owner_shares_by_port_and_direction_are_the_logs(run: sim.RunResult):
    """Each is the owner's hours over all owners' hours of one port's consignments of one
    direction out of the flow (a ratio of sums, as the pooled share)."""
    m, log = run.metrics(), run.log
    done = log[log.cohort & (log.outcome == "released")]
    for (port, direction), rows in done.groupby(["port", "direction"], observed=True):
        hours = rows[[f"own_{o}" for o in OWNERS]].to_numpy().sum(axis=0)
        for o, owner in enumerate(OWNERS):
            got = m[f"owner_share_{owner}_port_{port}_{direction}"]
            assert got == pytest.approx(hours[o] / hours.sum(), rel=1e-9, abs=1e-12)
    sea = [m[f"owner_share_{o}_port_sea_port_import"] for o in OWNERS]
    pooled = [m[f"owner_share_{o}_import"] for o in OWNERS]
    assert sum(sea) == pytest.approx(1.0) and not np.allclose(sea, pooled, atol=0.005)


def test_inspection_rate_per_container_by_port(run: sim.RunResult):
    """One port's containers of inspected declarations over its containers: the sea port's
    is far below the pooled rate, which the post hub's parcels dominate."""
    m = run.metrics()
    ports = ["sea_port", "land_border", "airport", "post_hub"]
    rates = {p: m[f"inspection_rate_per_container_port_{p}"] for p in ports}
    assert rates["sea_port"] < m["inspection_rate_per_container"] / 2 < rates["post_hub"]
    log = run.log[run.log.cohort]
    boxes = log.groupby("port", observed=True).containers.sum()
    pooled = sum(rates[p] * boxes[p] for p in ports) / boxes.sum()
    assert pooled == pytest.approx(m["inspection_rate_per_container"], rel=1e-9)
    sea = log[log.port == "sea_port"]
    inspected = sea.scan_start.notna() | sea.exam_start.notna() | sea.quarantine_start.notna()
    expect = sea.containers[inspected].sum() / sea.containers.sum()
    assert rates["sea_port"] == pytest.approx(expect, rel=0.01)


def test_the_run_table_keeps_its_rows(run: sim.RunResult):
    """The run table keeps the owner shares by direction; the per-port forms (five owners by
    two directions by every port) are asked for by name (``--show``), not added to it."""
    from sim.cli import _run_rows

    summary = {k: {"mean": v} for k, v in run.metrics().items()}
    rows, _ = _run_rows(summary, [])
    assert "owner_share_terminal_export" in rows
    assert not any(r.startswith("owner_share_") and "_port_" in r for r in rows)
    wanted = "owner_share_terminal_port_sea_port_export"
    assert wanted in _run_rows(summary, [wanted])[0]
