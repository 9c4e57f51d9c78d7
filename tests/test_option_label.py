"""``Option.label()`` of an option built in Python reads as one given on the command line
does: NumPy's numbers said as numbers, a float without its last digits' noise, a reform with
changes named with both (a plot's legend can take it as it is)."""

from __future__ import annotations

import numpy as np

import sim
from sim.experiment.options import parse_option

CAPACITY = "ports.sea.review.capacity"
RATE = "ports.sea.arrivals.rate_factor"


def test_numpy_settings_read_as_the_command_lines():
    third = np.arange(0.1, 0.35, 0.1)[2]  # (0.30000000000000004)
    assert repr(float(third)) == "0.30000000000000004"
    built = sim.Option("cap3", {CAPACITY: np.int64(3), RATE: third, "log": np.bool_(True)})
    given = parse_option(f"cap3:{CAPACITY}=3,{RATE}=0.3,log=true")
    assert built.label() == given.label() == f"{CAPACITY}=3, {RATE}=0.3, log=True"


def test_values_inside_a_table_are_said_so_too():
    table = {"selection.document": {"*": {"*": np.float64(0.6)}}, "days": 7.0}
    assert sim.Option("docs", table).label() == "selection.document={'*': {'*': 0.6}}, days=7.0"
    assert sim.Option("mean", {"service.mean": "1 h"}).label() == "service.mean='1 h'"


def test_a_reform_with_settings_keeps_its_reform():
    option = sim.Option("sw", {"days": 7}, reform="single_window:uptake=0.8")
    assert option.label() == "reform single_window:uptake=0.8, after days=7"


def test_the_baseline_and_an_option_of_no_changes():
    assert sim.Option("baseline").label() == "the scenario unchanged"
    assert sim.Option("as_is").label() == "as_is"
    assert sim.Option("docs2", {CAPACITY: 2}, "two checkers").label() == "two checkers"
