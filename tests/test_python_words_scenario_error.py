"""A scenario's error says Python's words to a Python caller (``sim.load_scenario(...,
overrides=...)``) both in its message and in what :meth:`ScenarioError.format` says again
(each of its problems reworded); the command line, which loads with the loader itself, keeps
its words (``--set``) in both."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.scenario.loader import ScenarioError, load_scenario

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: a trader class given both a cap and a floor: its hint names how to clear one ("a --set")
BOTH = {"risk.enabled": True, "risk.target": 0.05, "risk.caps.aeo_advanced": 0.2,
        "risk.floors.aeo_advanced": 0.5}
PYTHON = "an empty table in a file or an entry of overrides (caps = {}"
COMMAND_LINE = "an empty table in a file or a --set (caps = {}"


def test_a_python_caller_reads_overrides_in_the_message_and_in_format():
    with pytest.raises(ScenarioError) as python:
        sim.load_scenario(SMALL, BOTH)
    said = python.value.format()
    assert PYTHON in said and "--set" not in said
    assert str(python.value) == said
    assert all("--set" not in msg for *_, msg in python.value.problems)


def test_the_command_line_keeps_its_words_in_the_message_and_in_format(capsys):
    with pytest.raises(ScenarioError) as command_line:
        load_scenario(SMALL, BOTH)
    assert COMMAND_LINE in command_line.value.format()
    assert str(command_line.value) == command_line.value.format()
    sets = [x for key, value in BOTH.items() for x in ("--set", f"{key}={value}".lower())]
    assert main(["check", str(SMALL), *sets]) != 0
    assert COMMAND_LINE in capsys.readouterr().err


def test_setting_a_scenarios_field_says_to_patch_it():
    """A scenario is frozen; setting a field (as a notebook user tries first) is told how to
    change it, with sim.patch and the field's dotted path, not in pydantic's words."""
    scenario = sim.load_scenario(SMALL)
    with pytest.raises(TypeError, match=r"^Scenario.days cannot be set: a scenario is frozen; "
                       r"make a changed copy with sim.patch\(scenario, \{'days': 3\}\)"):
        scenario.days = 3  # type: ignore[misc]
    lane = scenario.ports["sea"].scan.scanners
    with pytest.raises(TypeError, match=r"\{'PATH.TO.capacity': 2\}"):
        lane.capacity = 2  # type: ignore[misc]
    assert scenario.days == sim.load_scenario(SMALL).days
