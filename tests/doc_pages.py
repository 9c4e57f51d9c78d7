"""Reading a documentation page's console blocks, for the tests that run a page as written."""

from __future__ import annotations

import shlex

import pytest


def console_commands(body: str) -> list[tuple[str, list[str]]]:
    """Each ``$ `` line of a console block with the lines printed after it."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        else:
            out[-1][1].append(line)
    return out


def run_as_written(command: str, shown: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Run one ``bordersim`` command of a page; it succeeds and prints what the page shows
    after it (if the page shows anything)."""
    from sim.cli import main

    argv = shlex.split(command)
    assert argv[0] == "bordersim"
    capsys.readouterr()
    assert main(argv[1:]) == 0, command
    if shown:
        assert capsys.readouterr().out.splitlines() == shown, command
