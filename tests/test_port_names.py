"""A port's name goes into metric names, result groups and file names: one that a run could
not report (a '/', an empty name) is refused on load, with the file, the field path, the name
and what is allowed (exit status 2)."""

from __future__ import annotations

import pytest

from sim.cli import main
from sim.scenario.loader import BUNDLED, load_scenario


@pytest.mark.parametrize("name", ["a/b", "../evil", "<script>", "a.b", "sea port", ""])
def test_a_port_name_outside_the_safe_characters_is_refused(write, small_text, capsys, name):
    path = write(small_text.replace("[ports.sea", f'[ports."{name}"'))
    code = main(["check", str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    assert f"{path}: ports.{name} = {name!r}: " in err
    assert "letters a-z and A-Z, digits, _ and -" in err


def test_run_refuses_a_port_name_with_a_slash_before_simulating(write, small_text, capsys):
    path = write(small_text.replace("[ports.sea", '[ports."a/b"'))
    code = main(["run", str(path), "--reps", "1", "--out", str(path.parent / "out")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "ports.a/b = 'a/b'" in err and "Traceback" not in err
    assert not (path.parent / "out").exists()


def test_the_bundled_scenarios_port_names_are_accepted():
    for path in sorted(BUNDLED.glob("*.toml")):
        assert load_scenario(path).ports, path
