"""Imported cold-chain measures (quarantine.cold_chain, the reform cold_chain_mandate): left
out of a scenario's dump while unset, an unknown commodity refused by its path, every covered
import released no sooner than its disinfection, test and release papers allow, nobody else's
release moved while the teams and warehouse are their own, and scarce places make a queue."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import sim
from sim.experiment.options import parse_option
from sim.reforms import REFORMS, apply

SHORT = {"days": 3, "warmup_days": 1, "selection.quarantine.frozen": {"*": 1.0}}
MEASURES = {
    "commodities": ["frozen"],
    "teams": {"capacity": "unlimited"},
    "disinfect": "0.5 h",
    "test": "24 h",
    "release": "4 h",
    "warehouse": {"capacity": "unlimited"},
}
WHERE = "ports.sea_port.quarantine.cold_chain"


def _log(over: dict) -> object:
    run = sim.simulate(sim.load_scenario(sim.default_scenario_path(), over), 2, log=True)
    return run.log.set_index(["port", "index"])


@pytest.fixture(scope="module")
def paired():
    """The same consignments without and with the measures at the sea port."""
    base = _log(SHORT)
    held = _log({**SHORT, WHERE: MEASURES}).loc[base.index]
    return base, held


def _covered(log) -> object:
    at_sea = log.index.get_level_values(0) == "sea_port"
    return ((log.commodity == "frozen") & (log.direction == "import") & at_sea
            & log.quarantine_start.notna())


def test_unset_measures_are_not_in_the_dump():
    s = sim.load_scenario(sim.default_scenario_path())
    assert "cold_chain" not in s.model_dump()["ports"]["sea_port"]["quarantine"]
    held = sim.load_scenario(sim.default_scenario_path(), {WHERE: MEASURES})
    assert held.model_dump()["ports"]["sea_port"]["quarantine"]["cold_chain"]["test"]["value"] == 24


def test_an_unknown_commodity_is_refused_by_its_path():
    with pytest.raises(Exception) as err:
        sim.load_scenario(sim.default_scenario_path(), {WHERE: {**MEASURES,
                                                                "commodities": ["ice"]}})
    text = str(err.value)
    assert f"{WHERE}.commodities" in text and "'ice'" in text and "frozen" in text


def test_every_covered_import_is_held_after_its_quarantine(paired):
    base, held = paired
    covered = _covered(held) & (held.outcome == "released")
    assert covered.sum() > 50
    last = held[["quarantine_end", "lab_end", "treated"]].max(axis=1)
    least = 28.0 + 0.5 * held.containers  # test + release papers + disinfection per box
    assert ((held.released - last)[covered] >= least[covered] - 1e-9).all()
    assert (held.released - base.released)[covered].min() >= 28.5 - 1e-9


def test_no_one_elses_release_moves_while_the_lanes_are_their_own(paired):
    base, held = paired
    other = ~_covered(base)
    assert other.sum() > 1000
    for col in ("released", "exited", "loaded"):
        assert np.array_equal(base[col][other].fillna(-1).values,
                              held[col][other].fillna(-1).values), col


def test_few_warehouse_places_make_goods_wait_for_one():
    over = {**SHORT, WHERE: {**MEASURES, "warehouse": {"capacity": 2}}}
    m = sim.simulate(sim.load_scenario(sim.default_scenario_path(), over), 2).metrics()
    assert m["wait_h_mean_sea_port_cold_chain_warehouse"] > 1.0
    roomy = {**SHORT, WHERE: {**MEASURES, "warehouse": {"capacity": 200}}}
    m2 = sim.simulate(sim.load_scenario(sim.default_scenario_path(), roomy), 2).metrics()
    assert m2["wait_h_mean_sea_port_cold_chain_warehouse"] == 0.0


def test_the_reform_checks_every_frozen_consignment_and_sets_the_measures():
    s = REFORMS["cold_chain_mandate"](teams=3).apply(sim.load_scenario(
        sim.default_scenario_path()))
    assert s.selection["quarantine"]["frozen"] == {"*": 1.0}
    for name, port in s.ports.items():
        if port.quarantine is not None:
            assert port.quarantine.cold_chain is not None, name
            assert port.quarantine.cold_chain.teams.capacity == 3


def test_the_pages_commands_set_fields_the_default_scenario_accepts():
    """docs/cold-chain-mandate.md's command: its option loads and its reforms apply (a renamed
    field or strength would leave the page's command failing)."""
    page = (Path(__file__).parents[1] / "docs" / "cold-chain-mandate.md").read_text()
    options = [parse_option(o) for o in re.findall(r"--option '([^']+)'", page)]
    reforms = re.findall(r"--reforms (\S+) '([^']+)'", page)
    assert len(options) == 1
    assert reforms == [("cold_chain_mandate", "cold_chain_mandate:places=40")]
    default = sim.load_scenario(sim.default_scenario_path())
    for option in options:
        sim.load_scenario(sim.default_scenario_path(), dict(option.overrides))
    held = apply(default, reforms[0][1])
    assert held.ports["sea_port"].quarantine.cold_chain.warehouse.capacity == 40
