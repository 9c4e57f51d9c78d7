"""Clearance by trader class within port and direction, beside the pooled figures, so that a
mix effect (AEOs concentrated at a slow port) is not read as the value of a class."""

from __future__ import annotations

from pathlib import Path

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_class_within_port_and_direction_partitions_each_port_and_direction():
    r = sim.simulate(sim.load_scenario(SMALL), 3)
    c = r.clearance[r.clearance.metric == "overall_clearance"]
    cells = c[c.dimension == "port_direction_class"]
    assert len(cells) >= 4
    for group, row in c[c.dimension == "port_direction"].set_index("group").iterrows():
        inside = cells[cells.group.str.startswith(f"{group}/")]
        assert inside.n.sum() == row.n
        pooled_mean = (inside.n * inside.mean_h).sum() / inside.n.sum()
        assert abs(pooled_mean - row.mean_h) < 1e-9 * max(1.0, row.mean_h)


def test_inspection_rates_per_declaration_and_per_container():
    """China's definition: at least one scan, physical or quarantine exam; every cohort
    declaration in the denominator, seized and rejected ones included."""
    r = sim.simulate(sim.load_scenario(SMALL), 3, log=True)
    log = r.log[r.log.cohort]
    inspected = log.scan_start.notna() | log.exam_start.notna() | log.quarantine_start.notna()
    m = r.metrics()
    assert 0.05 < m["inspection_rate"] < 0.95
    assert m["inspection_rate"] == inspected.mean()
    boxes = log.containers
    assert m["inspection_rate_per_container"] == boxes[inspected].sum() / boxes.sum()
    assert m["inspection_rate_per_container"] != m["inspection_rate"]
