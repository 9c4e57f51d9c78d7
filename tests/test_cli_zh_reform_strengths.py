"""``bordersim reforms NAME --lang zh`` for every reform ``bordersim reforms`` lists: each
strength and source is said in Chinese (:mod:`sim.report.zh_strengths` and
:mod:`sim.report.zh_strengths_more`), none printed marked untranslated, and no entry of
those tables is left over for a strength or source the library no longer has."""

from __future__ import annotations

import pytest

from sim.cli import main
from sim.reforms import REFORMS
from sim.report import zh_strengths
from sim.report.zh_reforms import UNTRANSLATED


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    """Lines wrap at the terminal's width: a fixed one, as a test worker's may differ."""
    monkeypatch.setenv("COLUMNS", "100")


@pytest.mark.parametrize("name", sorted(REFORMS))
def test_every_strength_and_source_of_a_reform_is_said_in_chinese(name: str, capsys):
    assert main(["reforms", name, "--lang", "zh"]) == 0
    marked = [line for line in capsys.readouterr().out.splitlines() if UNTRANSLATED in line]
    assert marked == [], ("translate in sim/report/zh_strengths_more.py; the entries to fill "
                          f"in: python -m sim.report.zh_reform_todo {name}: {marked}")


def test_every_entry_names_a_strength_or_source_the_library_has():
    params = {f"{n}.{k}" for n, r in REFORMS.items() for k in r.params}
    shared = {k for r in REFORMS.values() for k in r.params}
    sources = {f"{n}:{i}" for n, r in REFORMS.items() for i in range(len(r.sources))}
    assert set(zh_strengths.STRENGTHS) - params - shared == set()
    assert set(zh_strengths.SOURCES) - sources == set()
