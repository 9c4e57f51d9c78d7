"""The ``green_lane`` reform (绿色通道): the covered commodities go first in the exam yard's
queues and the laboratory's batches; the other goods wait as long or longer, and a port
whose traffic carries no covered goods runs as before."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.reforms import REFORMS, apply
from sim.reforms.reform import MissingSection
from sim.scenario.loader import ScenarioError

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
END = 5 * 24.0  # the short run's end: a wait not yet over counts to it
#: a tiny congested port: every commodity may be quarantine-checked, three officers, a lab
#: of small batches (all selected goods are examined within the run, both ways)
CONGESTED = {"days": 2, "warmup_days": 0, "drain_days": 3,
             "ports.sea.quarantine.officers.capacity": 3,
             "ports.sea.quarantine.lab.batch_size": 3,
             "selection.quarantine": {"*": {"*": 0.15}}}


def _waits(log: pd.DataFrame, commodity: str) -> tuple[float, float, int]:
    """Mean hours from arrival to the first examination (physical or quarantine) of the
    commodity's selected goods, the mean lab turnaround of its samples, and how many
    samples."""
    of = (log["commodity"].astype(str) == commodity).to_numpy()
    chosen = (log["sel_physical"].astype(bool) | log["sel_quarantine"].astype(bool)).to_numpy()
    start = log[["exam_start", "quarantine_start"]].min(axis=1).fillna(END)
    exam = float((start - log["arrived"])[of & chosen].mean())
    sampled = log["lab_start"].notna().to_numpy() & of
    lab = float((log["lab_end"].fillna(END) - log["lab_start"])[sampled].mean())
    return exam, lab, int(sampled.sum())


def test_covered_goods_wait_less_and_the_others_no_less_on_the_same_draws():
    """Same seed, same consignments: frozen goods (covered) reach their examination and
    their lab result sooner; general goods (not covered) no sooner."""
    base = sim.load_scenario(SMALL, CONGESTED)
    green = apply(base, 'green_lane:commodities=["frozen"]')
    assert green.ports["sea"].green_lane == ["frozen"]
    before = sim.simulate(base, 1, log=True).log
    after = sim.simulate(green, 1, log=True).log
    (f_exam0, f_lab0, f_n), (f_exam1, f_lab1, _) = _waits(before, "frozen"), _waits(after, "frozen")
    (g_exam0, g_lab0, g_n), (g_exam1, g_lab1, _) = (_waits(before, "general"),
                                                     _waits(after, "general"))
    assert f_n >= 5 and g_n >= 20  # both queue at the lab
    assert f_exam1 < 0.8 * f_exam0 and f_lab1 < 0.8 * f_lab0
    assert g_exam1 >= g_exam0 and g_lab1 >= g_lab0


def test_a_port_without_covered_goods_runs_exactly_as_before():
    """The field set at a port that carries none of its commodities changes nothing: the
    log is the baseline's, bit for bit; the reform does not even set it there."""
    none = {**CONGESTED, "ports.sea.traffic.commodities": {"general": 1.0, "frozen": 0.0}}
    base = sim.load_scenario(SMALL, none)
    assert REFORMS["green_lane"](commodities=["frozen"]).fields(base) == {}
    marked = sim.load_scenario(SMALL, {**none, "ports.sea.green_lane": ["frozen"]})
    pd.testing.assert_frame_equal(sim.simulate(marked, 1, log=True).log,
                                  sim.simulate(base, 1, log=True).log)


def test_defaults_the_perishables_and_the_land_crossings():
    """Unnamed commodities are the scenario's perishables (a shelf life), at its land
    crossings only; a scenario that marks none must name them; ``ports="all"`` gives the
    lane to every port that carries covered goods and examines them."""
    default = sim.load_scenario(Path(sim.__file__).parent / "scenarios" / "default.toml")
    with pytest.raises(MissingSection, match=r'commodities=\["frozen"\]'):
        REFORMS["green_lane"].fields(default)
    shelf = sim.load_scenario(Path(sim.__file__).parent / "scenarios" / "default.toml",
                              {"commodities.food.spoils_after": "24 h"})
    land = [n for n, p in shelf.ports.items() if p.mode == "land"]
    assert REFORMS["green_lane"].fields(shelf) == {f"ports.{n}.green_lane": ["food"]
                                                   for n in land}
    every = REFORMS["green_lane"](ports="all").fields(shelf)
    carry = [n for n, p in shelf.ports.items()
             if p.traffic.commodities.get("food", 0) > 0 and (p.exam or p.quarantine)]
    assert sorted(every) == sorted(f"ports.{n}.green_lane" for n in carry)
    assert len(every) > len(land)


def test_an_unknown_commodity_is_refused_with_what_the_scenario_has():
    """A bad name is an error naming the field, the value and the scenario's commodities."""
    with pytest.raises(ScenarioError, match=r"ports\.sea\.green_lane: unknown commodity "
                       r"'fish'; allowed: general, frozen"):
        sim.load_scenario(SMALL, {"ports.sea.green_lane": ["fish"]})
