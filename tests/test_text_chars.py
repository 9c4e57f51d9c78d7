"""A scenario's text holds no terminal control codes or bidirectional overrides: each is
refused naming the file, the field path, the value and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.scenario.loader import ScenarioError
from sim.scenario.text_chars import bad_char

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def _write(folder: Path, replace: str, by: str, name: str = "s.toml") -> Path:
    text = SMALL.read_text(encoding="utf-8")
    assert replace in text
    path = folder / name
    path.write_text(text.replace(replace, by, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "replace, by, field, char",
    [
        ('name = "small"', 'name = "ok\\u001b]0;retitled\\u0007"', "name", "U+001B"),
        ('name = "small"', 'name = "small"\ndescription = "a\\rb"', "description", "U+000D"),
        ("[commodities.general]", '[commodities.general]\nlabel = "sea\\u202etrop"',
         "commodities.general.label", "U+202E"),
        ("[commodities.frozen]", '[commodities."fro\\u009bzen"]', "commodities.fro\x9bzen",
         "U+009B"),
    ],
)
def test_a_control_character_in_a_files_text_is_refused_by_name(
    tmp_path, replace, by, field, char
):
    path = _write(tmp_path, replace, by)
    with pytest.raises(ScenarioError) as caught:
        sim.load_scenario(path)
    [(file, dotted, _, msg)] = caught.value.problems
    assert (file, dotted) == (str(path), field)
    assert char in msg and "printable character" in msg
    assert "\x1b" not in str(caught.value) and "\u202e" not in str(caught.value)


def test_a_parents_bad_text_is_blamed_on_the_parent(tmp_path):
    parent = _write(tmp_path, 'name = "small"', 'name = "small\\u001b[2J"', "parent.toml")
    child = tmp_path / "child.toml"
    child.write_text('extends = "parent.toml"\ndays = 3\n', encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        sim.load_scenario(child)
    [(file, dotted, value, _)] = caught.value.problems
    assert (file, dotted, value) == (str(parent), "name", "small\x1b[2J")


def test_a_control_character_set_on_the_command_line_is_the_command_lines(capsys):
    code = main(["check", str(SMALL), "--set", "name=x\x1b[31mred"])
    err = capsys.readouterr().err
    assert code == 2
    assert "command line: name = 'x\\x1b[31mred'" in err and "U+001B" in err
    assert "\x1b" not in err  # (the value is shown escaped, never sent to the terminal)


def test_tabs_line_breaks_and_any_script_stay_allowed(tmp_path):
    path = _write(tmp_path, 'name = "small"',
                  'name = "small"\ndescription = """口岸 —\n\tمعبر\u200f, Übergang"""')
    scenario = sim.load_scenario(path)
    assert scenario.description == "口岸 —\n\tمعبر\u200f, Übergang"


@pytest.mark.parametrize(
    "text, found",
    [("plain", None), ("a\tb\nc", None), ("\x7f", "U+007F"), ("x\u2066y", "U+2066"),
     ("\x00", "U+0000")],
)
def test_bad_char(text, found):
    got = bad_char(text)
    assert (got is None) if found is None else (got is not None and got.startswith(found))


@pytest.mark.parametrize(
    "table, field",
    [
        ('[options.more]\ndescription = "x\\u001b]0;retitled\\u0007"', "options.more.description"),
        ('[options."m\\u001bre"]\ndescription = "fine"', "options.'m\\x1bre'"),
    ],
)
def test_an_options_files_name_or_description_with_a_control_character_is_refused(
    tmp_path, capsys, table, field
):
    opts = tmp_path / "opts.toml"
    opts.write_text(f'{table}\nset = {{days = 3}}\n', encoding="utf-8")
    code = main(["compare", str(SMALL), "--options-file", str(opts), "--reps", "2",
                 "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{opts}: {field} = " in err and "U+001B" in err and "\x1b" not in err
    assert not (tmp_path / "o").exists()
