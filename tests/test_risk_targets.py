"""The risk engine's targets under a run's console table (sim.report.risk_targets): each
achieved-rate row's target, a port's own where it has one, none without an engine on."""

from __future__ import annotations

from pathlib import Path

import sim
from sim.report.risk_targets import ROW, target_line

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
ROWS = [ROW.format(p="sea", d=d) for d in ("import", "export")]


def test_each_rows_target_is_named_a_ports_own_first():
    on = sim.load_scenario(SMALL, {"risk.target": 0.05})
    line = target_line(on, ROWS)
    assert "sea_import 5 %, sea_export 5 %" in line and "risk-achieved.csv" in line
    own = sim.load_scenario(SMALL, {"risk.target": 0.05, "risk.ports.sea.target": 0.2})
    assert "sea_import 20 %, sea_export 20 %" in target_line(own, ROWS)
    assert "sea_import 5 %" in target_line(on, ROWS, "zh")
    assert "sea_export" not in target_line(on, ROWS[:1])  # (only the rows shown)


def test_none_without_an_engine_or_its_rows():
    off = sim.load_scenario(SMALL, {"risk.target": 0.05, "risk.enabled": False})
    assert target_line(off, ROWS) == ""
    assert target_line(sim.load_scenario(SMALL), ROWS) == ""
    assert target_line(sim.load_scenario(SMALL, {"risk.target": 0.05}), []) == ""
