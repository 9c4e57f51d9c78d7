"""The developer's walk-throughs (docs/adding-a-step.md, docs/adding-a-reform.md and the
checklist in ``sim.model.steps``'s docstring) name the files, tables, functions and tests a
new step or reform touches. Each name must still be there: a file named exists, a name
said to be ``of`` or ``in`` a file is written in that file, a test named is defined, and
the draws' command the page shows runs. A moved or renamed thing fails here, naming the page
and what it no longer finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sim.model.steps

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("docs/adding-a-step.md", "docs/adding-a-reform.md")
#: files the pages name as the worked example's new ones, never kept in the project
EXAMPLE_ONLY = {"sim/model/steps/vet.py"}

PATH = r"(?:sim|tests|docs|benchmarks|scenarios)/[\w/.-]+\.(?:py|md|toml)"
NAME = r"[A-Za-z_][\w.]*(?:\(\))?"
#: "`A`, `B` and `C` of `sim/x.py`": names said to be written in a file
NAMED_IN = re.compile(
    rf"`({NAME})`((?:,?\s+(?:and\s+|or\s+)?`{NAME}`)*)(?:\s+\([^)`]*\))?\s+(?:of|in)\s+`({PATH})`"
)
#: "`sim/x.py` `A`", "`tests/x.py`'s `A`": the same, the file first
IN_NAMED = re.compile(rf"`({PATH})`(?:'s)?\s+`({NAME})`")


def _texts() -> dict[str, str]:
    """Each page's text, and the steps' checklist (its double backquotes made single)."""
    texts = {p: (ROOT / p).read_text(encoding="utf-8") for p in PAGES}
    texts["sim/model/steps/__init__.py"] = (sim.model.steps.__doc__ or "").replace("``", "`")
    return texts


def _read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def _paths(text: str) -> set[str]:
    return set(re.findall(rf"`({PATH})`", text)) - EXAMPLE_ONLY


def _named(text: str) -> list[tuple[str, str]]:
    """(name, file) for every name a text says is written in a file."""
    out = [(name, path) for path, name in IN_NAMED.findall(text)]
    for first, more, path in NAMED_IN.findall(text):
        out += [(name, path) for name in [first, *re.findall(rf"`({NAME})`", more)]]
    return [(name, path) for name, path in out if path not in EXAMPLE_ONLY]


def test_the_pages_name_what_they_promise():
    """(A guard that a regex change leaves the test reading nothing.)"""
    texts = _texts()
    assert all(len(_paths(t)) > 5 for t in texts.values())
    assert sum(len(_named(t)) for t in texts.values()) > 20


@pytest.mark.parametrize("page", [*PAGES, "sim/model/steps/__init__.py"])
def test_every_file_named_exists(page: str):
    missing = sorted(p for p in _paths(_texts()[page]) if not (ROOT / p).exists())
    assert not missing, f"{page} names files that are not there: {missing}"


@pytest.mark.parametrize("page", [*PAGES, "sim/model/steps/__init__.py"])
def test_every_name_said_to_be_in_a_file_is_there(page: str):
    missing = []
    for name, path in _named(_texts()[page]):
        word = name.removesuffix("()").split(".")[-1]
        if not re.search(rf"\b{re.escape(word)}\b", _read(path)):
            missing.append(f"{name} in {path}")
    assert not missing, f"{page} names what its file no longer holds: {missing}"


@pytest.mark.parametrize("page", [*PAGES, "sim/model/steps/__init__.py"])
def test_every_test_named_is_defined(page: str):
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py"))
    named = set(re.findall(r"`(test_\w+)(?:\[\w+\])?`", _texts()[page]))
    missing = sorted(n for n in named if f"def {n}(" not in tests)
    assert not missing, f"{page} names tests that are not defined: {missing}"


def test_the_free_columns_command_runs():
    """The page's command for the free columns of the draws."""
    from sim.model.draws import DRAWS

    assert "python -c \"from sim.model.draws import DRAWS; print(DRAWS.free())\"" in _read(
        PAGES[0]
    )
    assert DRAWS.free().startswith("free: columns ")
