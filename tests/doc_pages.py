"""Reading a documentation page's console blocks, for the tests that run a page as written."""

from __future__ import annotations

import csv
import re
import shlex
import shutil
from collections.abc import Callable
from pathlib import Path

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


CONSOLE = re.compile(r"^```console\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def run_page(
    page: Path, examples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], commands: int = 1,
) -> Path:
    """Run a page's console lines (``commands`` of them) in a copy of its examples folder,
    as a reader would there; the copy's path. (Not a results folder a reader's run of the
    page left there: resumed, it would refuse.)"""
    shutil.copytree(examples, tmp_path / "ex", ignore=shutil.ignore_patterns("results"))
    monkeypatch.chdir(tmp_path / "ex")
    found = [c for body in CONSOLE.findall(page.read_text()) for c in console_commands(body)]
    assert len(found) == commands
    for command, shown in found:
        run_as_written(command, shown, capsys)
    return tmp_path / "ex"


def means(summary: Path, keep: Callable[[str], bool]) -> dict[tuple[str, str], float]:
    """A comparison's ``summary.csv`` means by (option, metric), of the metrics ``keep``
    accepts (NaN where no replication measured it: an empty group's, written empty)."""
    with open(summary) as f:
        return {(r["option"], r["metric"]): float(r["mean"] or "nan") for r in csv.DictReader(f)
                if keep(r["metric"])}  # fmt: skip


ROOT = Path(__file__).resolve().parents[1]


def missing_files(page: str, suffixes: str = "py|md", besides: frozenset[str] = frozenset()
                  ) -> tuple[set[str], list[str]]:
    """The project files a developer page names in backticks (``sim/``, ``tests/``, ``docs/``
    paths ending in one of ``suffixes``) and those of them that do not exist, less
    ``besides`` (files its worked example made on a branch only)."""
    named = set(re.findall(rf"`((?:sim|tests|docs)/[\w/.-]+\.(?:{suffixes}))`", page))
    return named, sorted(p for p in named - besides if not (ROOT / p).is_file())


def missing_lists(page: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The ``NAME`` of (or in) ``sim/...py`` or ``tests/...py`` a developer page names, and
    those whose module does not define NAME."""
    import importlib

    pairs = re.findall(r"`(_?[A-Z][A-Z_]+)`\s+(?:of|in)\s+`((?:sim|tests)/[\w/]+)\.py`", page)
    wrong = [f"{name} in {path}.py" for name, path in pairs
             if not hasattr(importlib.import_module(path.replace("/", ".")), name)]  # fmt: skip
    return pairs, wrong
