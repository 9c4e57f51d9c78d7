"""The main commands' ``--help`` in Chinese (``--lang zh`` or ``BORDERSIM_LANG=zh``): every
option's help of ``run``, ``compare``, ``check`` and ``reforms`` has its Chinese for the
English it has now (keyed by a digest of that English: a changed help fails here until it is
translated again, and prints meanwhile marked untranslated, never stale); in English, as
before."""

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


def test_a_changed_english_help_is_marked_untranslated():
    said = option_help("--reps", "replications (default 6)")
    assert said == UNTRANSLATED + "replications (default 6)"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_main_commands_help_is_chinese_and_english_as_before(command: str, capsys,
                                                               monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    for lang in ("zh", "en"):
        with pytest.raises(SystemExit):
            main([command, "--help", *(["--lang", "zh"] if lang == "zh" else [])])
        said = capsys.readouterr().out
        if lang == "en":
            assert said.isascii() and "\noptions:\n" in said
            continue
        options = said.split("\n选项：\n", 1)[1]
        assert UNTRANSLATED not in said and english_left(options) == [], english_left(options)
