"""The rail crossing example (docs/examples/rail-crossing/): it runs as a rail port whose
trains are counted call by call, and a pre-arrival train manifest shortens the time a train
waits for its last box. (That every number it writes cites a source or says it is an
assumption is checked with every docs example's, in test_scenario_sources.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import sim

DOCS = Path(__file__).resolve().parent.parent / "docs"
EXAMPLE = DOCS / "examples" / "rail-crossing" / "alashankou.toml"
PAGE = DOCS / "rail-crossing.md"
SHORT = {"days": 5, "warmup_days": 3, "drain_days": 5}


def test_it_runs_as_a_rail_port_counted_train_by_train():
    s = sim.load_scenario(EXAMPLE, SHORT)
    assert list(s.ports) == ["alashankou"] and s.ports["alashankou"].mode == "rail"
    m = sim.simulate(s, 1).metrics()
    per_day = m["calls_counted_port_alashankou"] / s.days
    assert 3 < per_day < 12  # (7 trains a day)
    assert m["call_ready_h_mean_port_alashankou"] > m["call_box_ready_h_mean_port_alashankou"]


def test_a_pre_arrival_manifest_shortens_a_trains_wait():
    base = sim.load_scenario(EXAMPLE, SHORT)
    manifest = sim.load_scenario(
        EXAMPLE, {**SHORT, "ports.alashankou.declaration.advance_share": 0.95})
    a, b = sim.simulate(base, 2).metrics(), sim.simulate(manifest, 2).metrics()
    assert b["call_ready_h_mean_port_alashankou"] < a["call_ready_h_mean_port_alashankou"] - 5


def test_the_page_links_to_files_that_exist():
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGE.read_text()):
        assert (DOCS / target).exists(), target
