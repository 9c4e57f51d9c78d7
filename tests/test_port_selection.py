"""A port's own selection table replaces the national one for the checks it lists (parcels
at a post hub are scanned almost always, whatever the national rate)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_a_port_table_replaces_the_national_one_for_its_checks_only():
    over = {"ports.sea.selection": {"scan": {"*": {"*": 0.97}}}}
    log = sim.simulate(sim.load_scenario(SMALL, over), 2, log=True).log
    assert log.sel_scan.mean() == pytest.approx(0.97, abs=0.01)
    assert log.sel_document.mean() == pytest.approx(0.1, abs=0.02)  # national, unchanged


def test_a_port_table_is_validated_with_its_path(write, small_text):
    bad = small_text + '\n[ports.sea.selection.scan]\ncoffee = { "*" = 0.5 }\n'
    with pytest.raises(sim.ScenarioError, match=r"ports\.sea\.selection\.scan.*coffee"):
        sim.load_scenario(write(bad))
