"""Overrides (``--set``) and scenario files: a capacity error is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
DEFAULT = sim.default_scenario_path()


def check(capsys, path: Path, *sets: str) -> tuple[int, str]:
    argv = ["check", str(path)]
    for s in sets:
        argv += ["--set", s]
    code = main(argv)
    return code, capsys.readouterr().err


# -- a capacity error is one line ---------------------------------------------------------


@pytest.mark.parametrize("value", ["-1", "abc", "2.5", "10001", "true", '"four"'])
def test_a_bad_capacity_is_one_message_saying_what_is_allowed(capsys, value):
    code, err = check(capsys, SMALL, f"ports.sea.exam.teams.capacity={value}")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: command line: ports.sea.exam.teams.capacity = ")
    assert lines[0].endswith(': a whole number of servers from 0 to 10,000, or "unlimited"')


def test_a_bad_capacity_in_a_file_names_the_file(write, small_text, capsys):
    path = write(small_text.replace("teams = {capacity = 6}", 'teams = {capacity = "four"}', 1))
    code, err = check(capsys, path)
    assert code == 2
    assert err == (
        f"error: {path}: ports.sea.exam.teams.capacity = 'four': a whole number of servers "
        'from 0 to 10,000, or "unlimited"\n'
    )


def test_a_slot_capacity_of_zero_says_slots_start_at_one(capsys):
    code, err = check(capsys, SMALL, "ports.sea.exam.slots.capacity=0")
    assert code == 2
    assert err.strip().endswith('a whole number of examinations from 1 to 10,000, or "unlimited"')
    assert len(err.strip().splitlines()) == 1

