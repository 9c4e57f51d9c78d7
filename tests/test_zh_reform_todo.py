"""``python -m sim.report.zh_reform_todo NAME``: the Chinese entries a reform still lacks,
each in the table it goes in with its key and digest worked out, the Chinese left to write."""

from __future__ import annotations

import pytest

from sim.reforms import REFORMS, Param, Reform
from sim.reforms.tfa import TAGS, Tag
from sim.report import zh_reform_todo
from sim.report.zh_reforms import digest


@pytest.fixture
def untranslated(monkeypatch):
    """A reform of the library with no Chinese anywhere yet, tagged in the TFA table."""
    new = Reform("new_thing", "does a new thing", lambda d, s: {}, ("assumption: share",),
                 {"share": Param(0.5, "share of goods it touches")})
    monkeypatch.setitem(REFORMS, "new_thing", new)
    monkeypatch.setitem(TAGS, "new_thing", Tag(("10.1",), "a formality fewer"))
    return new


def test_a_new_reform_gets_every_entry_it_lacks_with_its_digest(untranslated, capsys):
    found = zh_reform_todo.todo("new_thing")
    assert found == {
        "mechanism": [f'    "new_thing": ("{digest("does a new thing")}", ...),  '
                      "# does a new thing"],
        "tfa": [f'    "new_thing": ("{digest("a formality fewer")}", ...),  # a formality fewer'],
        "strength": [f'    "new_thing.share": ("{digest("share of goods it touches")}", ...),  '
                     "# share of goods it touches"],
        "source": [f'    "new_thing:0": ("{digest("assumption: share")}", ...),  '
                   "# assumption: share"],
    }  # (its costs' strengths are shared texts, translated once for every reform)
    assert zh_reform_todo.main(["new_thing"]) == 0
    out = capsys.readouterr().out
    assert out.index("# sim/report/zh_reforms.py, MECHANISMS") < out.index(
        "# sim/report/zh_tfa.py, WHYS") < out.index("MORE_STRENGTHS") < out.index("MORE_SOURCES")


def test_a_reworded_english_is_listed_again(monkeypatch):
    old = REFORMS["training"]
    monkeypatch.setitem(REFORMS, "training", Reform(
        "training", old.mechanism + " (reworded)", old.rule, old.sources, {}))
    assert list(zh_reform_todo.todo("training")) == ["mechanism"]


def test_the_library_lacks_nothing_and_an_unknown_name_is_refused(capsys):
    assert all(zh_reform_todo.todo(n) == {} for n in REFORMS)
    assert zh_reform_todo.main(["no_such_reform"]) == 2
    assert "unknown reform(s) no_such_reform; known: single_window" in capsys.readouterr().err
