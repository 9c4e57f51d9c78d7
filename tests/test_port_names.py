"""A port's name goes into metric names, result groups and file names: one that a run could
not report (a '/', an empty name) or that spells another port's metrics is refused on load,
with the file, the field path, the name and what is allowed (exit status 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from sim.scenario.loader import BUNDLED, load_scenario

TWO = Path(__file__).parent / "scenarios" / "two_ports.toml"


def _renamed(text: str, old: str, new: str) -> str:
    """``text`` with the port ``old``'s table headed ``[ports."<new>"]``."""
    assert f"[ports.{old}]" in text, "test setup: no such port"
    return text.replace(f"[ports.{old}]", f'[ports."{new}"]')


@pytest.mark.parametrize("name", ["a/b", "../evil", "<script>", "a.b", "sea port", ""])
def test_a_port_name_outside_the_safe_characters_is_refused(write, small_text, capsys, name):
    path = write(small_text.replace("[ports.sea", f'[ports."{name}"'))
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    assert f"{path}: ports.{name} = {name!r}: " in err
    assert "letters a-z and A-Z, digits, _ and -" in err


def test_a_port_name_too_long_is_refused_with_its_length(write, small_text, capsys):
    from sim.scenario.port_names import MAX_LENGTH

    assert main(["check", str(write(small_text.replace("[ports.sea", f"[ports.{'p' * MAX_LENGTH}"
                                                       )))]) == 0
    long = "p" * (MAX_LENGTH + 1)
    path = write(small_text.replace("[ports.sea", f"[ports.{long}"))
    capsys.readouterr()
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: ports.{long} = {long!r}: " in err and "Traceback" not in err
    assert f"at most {MAX_LENGTH} characters; this one has {MAX_LENGTH + 1}" in err
    assert main(["check", str(path), "--lang", "zh"]) == 2
    assert f"最多 {MAX_LENGTH} 个字符；此名称有 {MAX_LENGTH + 1} 个字符" in capsys.readouterr().err


def test_run_refuses_a_port_name_with_a_slash_before_simulating(write, small_text, capsys):
    path = write(small_text.replace("[ports.sea", '[ports."a/b"'))
    code = main(["run", str(path), "--reps", "1", "--out", str(path.parent / "out")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "ports.a/b = 'a/b'" in err and "Traceback" not in err
    assert not (path.parent / "out").exists()


@pytest.mark.parametrize("direction", ["import", "export"])
def test_a_port_named_another_ports_name_and_a_direction_is_refused(write, capsys, direction):
    path = write(_renamed(TWO.read_text(), "q", f"p_{direction}"))
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"ports.p_{direction} = 'p_{direction}': port 'p''s {direction} figures" in err
    assert f"clearance_h_mean_port_p_{direction}" in err


def test_a_port_whose_name_only_begins_with_another_ports_is_accepted(write):
    scenario = load_scenario(write(_renamed(TWO.read_text(), "q", "p_north")))
    assert list(scenario.ports) == ["p", "p_north"]


def test_the_bundled_scenarios_port_names_are_accepted():
    for path in sorted(BUNDLED.glob("*.toml")):
        assert load_scenario(path).ports, path
