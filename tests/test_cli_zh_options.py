"""Every command's ``--help`` in Chinese (``--lang zh`` or ``BORDERSIM_LANG=zh``): every
option's help of every command has its Chinese for the English it has now (keyed by a digest
of that English: a changed help fails here until it is translated again, and prints meanwhile
marked untranslated, never stale); a percent sign written as read; in English, byte for byte
as before."""

from __future__ import annotations

import argparse

import pytest

from sim.cli import _build, main
from sim.cli_zh_options import COMMANDS, HELPS, UNTRANSLATED, digest, option_help
from tests.test_cli_lang_notes import english_left


def _english() -> dict[tuple[str, str], str]:
    """(option, digest) -> English help of every option of the main commands, as built."""
    _, commands = _build()
    out = {}
    for name in COMMANDS:
        p = commands[name]
        if p.description:
            out[("description", digest(p.description))] = p.description
        for a in p._actions:
            if not isinstance(a, argparse._HelpAction) and a.help:
                key = a.option_strings[-1] if a.option_strings else a.dest
                out[(key, digest(a.help))] = a.help
    return out


def test_every_option_has_its_chinese_and_no_entry_is_stale():
    english = _english()
    missing = {k: v for k, v in english.items() if k not in HELPS}
    assert missing == {}, "translate these (key: option, digest of the English help)"
    assert set(HELPS) - set(english) == set(), "entries of English that is no more: remove"


def test_every_command_is_translated():
    _, commands = _build()
    assert set(commands) - set(COMMANDS) == set(), "add these commands' Chinese"


def test_a_percent_is_written_as_read_and_doubled_for_argparse():
    assert [k for k, v in HELPS.items() if "%%" in v] == [], "write 95%, not 95%%"
    english = "the value x X (0.6 %% a day)"
    assert option_help("description", english).endswith(english)  # (untranslated: as is)
    said = option_help("--time-value-scale", _english()[("--time-value-scale", "ad9e18bf")])
    assert "0.6%% 的" in said and "%%%" not in said


def test_a_changed_english_help_is_marked_untranslated():
    said = option_help("--reps", "replications (default 6)")
    assert said == UNTRANSLATED + "replications (default 6)"


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        main(argv)
    return capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_a_commands_help_is_chinese_and_english_as_before(command: str, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    before = _help([command, "--help"], capsys)
    said = _help([command, "--help", "--lang", "zh"], capsys)
    options = said.split("\n选项：\n", 1)[1]
    assert UNTRANSLATED not in said and english_left(options) == [], english_left(options)
    assert "%%" not in said
    _, commands = _build()  # (English byte for byte: as argparse formats the parser built)
    assert _help([command, "--help"], capsys) == before == commands[command].format_help()
    assert before.isascii() and "\noptions:\n" in before
