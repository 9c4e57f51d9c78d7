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
