"""``bordersim --help`` in Chinese under ``BORDERSIM_LANG=zh`` (or ``--lang zh`` beside
``--help``): every command's line and argparse's words; in English as before."""

from __future__ import annotations

import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left


def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    return capsys.readouterr().out


def test_the_commands_are_listed_in_chinese(capsys, monkeypatch: pytest.MonkeyPatch):
    from sim.cli_zh_help import COMMANDS

    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    said = _help(["--help"], capsys)
    assert said.startswith("用法：bordersim") and "选项" in said
    assert english_left(said) == [], english_left(said)
    monkeypatch.delenv("BORDERSIM_LANG")
    english = _help(["--help"], capsys)
    listed = [ln.split()[0] for ln in english.splitlines() if ln.startswith("    ")
              and not ln.startswith("     ")]
    assert set(listed) == set(COMMANDS), "a command without its Chinese line"
    assert english.startswith("usage: bordersim") and "Simulate goods crossing" in english


def test_a_commands_help_has_argparses_words_in_chinese(capsys):
    said = _help(["run", "--help", "--lang", "zh"], capsys)
    assert said.startswith("用法：bordersim run") and "显示此帮助信息并退出" in said
    assert "\n选项：\n" in said and "\n位置参数：\n" in said and "选项:" not in said  # (full width)
    assert _help(["run", "--help"], capsys).startswith("usage: bordersim run")


@pytest.mark.parametrize("argv", [["--help"], ["--lang", "zh", "--help"], ["--help", "--lang=zh"]])
def test_the_top_level_help_says_how_to_get_chinese(argv: list[str], capsys, monkeypatch):
    """``--lang`` belongs to the commands, so argparse lists it in no option of the
    top-level help; its last lines name it (and BORDERSIM_LANG), in either language."""
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    said = _help(argv, capsys)
    tail = said.split("\n\n")[-1]
    assert "--lang zh" in tail and "BORDERSIM_LANG=zh" in tail, tail
    assert ("简体中文" in tail) == ("zh" in " ".join(argv)), tail
