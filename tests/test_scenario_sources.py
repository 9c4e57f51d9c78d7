"""Every default number in the bundled scenarios (sim/scenarios/) cites its source or says it
is an assumption."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sim

SCENARIOS = sorted(sim.default_scenario_path().parent.glob("*.toml"))
NOT_PARAMETERS = {"name", "description", "label", "hs", "extends"}


def uncited(path: Path) -> list[str]:
    bad = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        code, _, comment = line.partition("#")
        m = re.match(r"\s*([A-Za-z_\"*]+)\s*=\s*(.+)", code)
        if not m or m.group(1) in NOT_PARAMETERS or not re.search(r"\d", m.group(2)):
            continue
        if not re.search(r"\b(source|assumption)", comment):
            bad.append(f"{path.name}:{n}: {line.strip()}")
    return bad


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_every_number_has_a_source_or_is_an_assumption(path):
    assert uncited(path) == []


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_bundled_scenarios_load(path):
    assert sim.load_scenario(path).ports


def test_default_has_a_sea_port_a_land_crossing_and_an_airport():
    s = sim.load_scenario(sim.default_scenario_path())
    assert {p.mode for p in s.ports.values()} >= {"sea", "land", "air"}


def test_every_research_note_cited_ships_with_the_project():
    """A citation such as "china-figures.md §2" in a bundled scenario or a reform's sources
    can be followed: the note is in docs/research/."""
    root = Path(__file__).resolve().parents[1]
    texts = [p.read_text() for p in SCENARIOS]
    texts += [p.read_text() for p in (root / "sim" / "reforms").glob("*.py")]
    cited = {m for t in texts for m in re.findall(r"\b([a-z][a-z-]*-figures\.md)", t)}
    assert {"published-figures.md", "china-figures.md"} <= cited
    missing = sorted(c for c in cited if not (root / "docs" / "research" / c).is_file())
    assert not missing, f"cited but not in docs/research/: {missing}"
