"""``bordersim reforms``: the library as a short table that fits a screen (one line a reform:
what it changes, its TFA article or the seed paper, whether its cost is known), built from the
library so a new reform is listed; every fact stays reachable (``--long``, ``reforms NAME``)."""

from __future__ import annotations

import pytest

from sim.cli import main
from sim.cli_lang import columns
from sim.cli_reforms_table import NIL, PRICED, UNKNOWN, WORDS, cost_kind
from sim.reforms import REFORMS
from sim.reforms.tfa import TAGS
from tests.test_cli_lang_notes import english_left


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    """A fixed terminal width, as a test worker's may differ."""
    monkeypatch.setenv("COLUMNS", "100")


def _rows(out: str) -> dict[str, str]:
    """Each reform's line of the table, by its name (the line's first word)."""
    return {ln.split()[0]: ln for ln in out.splitlines() if ln.split() and ln.split()[0] in REFORMS}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_default_is_one_line_a_reform_within_the_screen(capsys, lang):
    assert main(["reforms", "--lang", lang]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(columns(ln) for ln in lines) <= 100
    assert len(lines) <= len(REFORMS) + 6  # (a header, the rows, what the columns mean)
    rows = _rows(out)
    assert list(rows) == list(REFORMS)
    assert sum(ln.split()[0] in REFORMS for ln in lines if ln.split()) == len(REFORMS)
    assert "bordersim reforms --long" in out
    assert ("bordersim reforms 改革名" if lang == "zh" else "bordersim reforms NAME") in out
    if lang == "zh":
        assert english_left(out) == [], english_left(out)


def test_each_row_says_its_tfa_article_or_the_paper_and_whether_its_cost_is_known(capsys):
    assert main(["reforms"]) == 0
    rows = _rows(capsys.readouterr().out)
    kinds = set()
    for name, line in rows.items():
        kind = cost_kind(name)
        kinds.add(kind)
        assert line.endswith("  " + WORDS["en"][kind]), line
        for article in TAGS[name].articles:
            assert article in line.split("Art. ", 1)[-1], (name, line)
    assert kinds == {PRICED, NIL, UNKNOWN}
    assert rows["single_window"].split()[-2:] == ["10.4", "assumed"]
    assert " paper " in rows["dumbbell"]  # (no TFA article: the seed paper's)
    assert rows["direct_pickup"].split()[-2:] == ["-", "unknown"]


def test_a_reform_added_to_the_library_is_listed(capsys, monkeypatch):
    new = REFORMS["training"].__class__(
        name="brand_new", mechanism="a brand new mechanism: its details", rule=lambda s, v: {},
        sources=("seed paper: somewhere",))
    monkeypatch.setitem(REFORMS, "brand_new", new)
    assert main(["reforms"]) == 0
    row = _rows(capsys.readouterr().out)["brand_new"]
    assert "a brand new mechanism" in row and "details" not in row
    assert row.split()[-2:] == ["paper", "unknown"]


def test_every_mechanism_is_whole_under_long_and_long_goes_alone(capsys):
    assert main(["reforms", "--long"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert all(" ".join(r.mechanism.split()) in out for r in REFORMS.values())
    assert main(["reforms", "training", "--long"]) == 2
    assert "--long lists every reform's whole mechanism: give it alone" in \
        capsys.readouterr().err
