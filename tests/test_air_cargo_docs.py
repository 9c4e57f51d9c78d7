"""The air cargo terminal example (docs/examples/air-cargo/): its airport's imports come on
flights whose waybills wait for their breakdown, its perishables are counted against their
shelf life, and the page links to files that exist. (That every number it writes cites a
source or says it is an assumption is checked with every docs example's, in
test_scenario_sources.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import sim

DOCS = Path(__file__).resolve().parent.parent / "docs"
EXAMPLE = DOCS / "examples" / "air-cargo" / "terminal.toml"
PAGE = DOCS / "air-cargo.md"
SHORT = {"days": 3, "warmup_days": 2, "drain_days": 3}


def test_flights_are_broken_down_and_perishables_counted():
    s = sim.load_scenario(EXAMPLE, SHORT)
    air = s.ports["airport"]
    assert air.mode == "air" and air.arrivals.batch is not None
    r = sim.simulate(s, 1, log=True)
    assert r.log is not None
    m = r.metrics()
    imports = r.log[(r.log.port == "airport") & (r.log.direction == "import")]
    waited = (imports.discharged - imports.arrived).dropna()
    assert waited.mean() > 0.1  # (a waybill waits for its flight's breakdown)
    assert 8 < m["calls_counted_port_airport"] / s.days < 25  # (15 flights a day)
    for com in ("frozen", "food", "plants"):
        assert 0 <= m[f"spoiled_share_commodity_{com}_port_airport_import"] <= 1
    assert "spoiled_share_commodity_general_port_airport_import" not in m


def test_the_default_airport_has_no_flights_and_counts_no_spoilage():
    s = sim.load_scenario(sim.default_scenario_path(), SHORT)
    assert s.ports["airport"].arrivals.batch is None
    assert all(c.spoils_after is None for c in s.commodities.values())


def test_the_page_links_to_files_that_exist():
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGE.read_text()):
        assert (DOCS / target).exists(), target
    assert "air-cargo.md" in (DOCS / "README.md").read_text()
