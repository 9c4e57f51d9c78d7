"""``bordersim reforms --long --lang zh``: the library's list with each reform's mechanism in
Chinese (:mod:`sim.report.zh_reforms`); every reform of the library has its Chinese, for
the English it was translated from, else it is printed marked untranslated; in English the
list is word for word as before (``--long``; the short table is tests/test_cli_reforms_table.py)."""

from __future__ import annotations

import unicodedata

import pytest

from sim.cli import main
from sim.cli_zh_reforms import library_line, wrap_wide
from sim.reforms import REFORMS
from sim.report.zh_reforms import MECHANISMS, UNTRANSLATED, mechanism
from tests.test_cli_lang_notes import english_left


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    """Lines wrap at the terminal's width: a fixed one, as a test worker's may differ."""
    monkeypatch.setenv("COLUMNS", "100")


def test_every_reform_of_the_library_has_its_chinese():
    stale = [n for n, r in REFORMS.items() if mechanism(n, r.mechanism) is None]
    assert stale == [], (f"reforms without Chinese for their English mechanism: {stale}; "
                         "translate them in sim/report/zh_reforms.py; the entries to fill "
                         "in, digests worked out: python -m sim.report.zh_reform_todo NAME")
    assert set(MECHANISMS) == set(REFORMS), set(MECHANISMS) ^ set(REFORMS)


def test_a_reform_with_no_chinese_or_changed_english_is_marked_not_guessed():
    r = REFORMS["training"]
    assert library_line("training", r.mechanism, "") == MECHANISMS["training"][1]
    assert library_line("training", r.mechanism + " (reworded)", "") == \
        UNTRANSLATED + r.mechanism + " (reworded)"
    assert library_line("new_reform", "does a new thing", "") == UNTRANSLATED + "does a new thing"
    said = library_line("training", r.mechanism, "reform training needs the scenario "
                        "section(s) [fleet], which this version of the model does not have yet")
    assert said.endswith("［无法使用：需要情景部分 [fleet]，本版本模型尚无该部分］")


def test_the_library_is_listed_in_chinese(capsys):
    assert main(["reforms", "--long", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "尚无中文" not in out and english_left(out) == [], english_left(out)
    starts = [ln.split()[0] for ln in out.splitlines() if not ln.startswith(" ")]
    assert starts == list(REFORMS)
    assert "一次申报、一次查验、一次放行" in out


def test_in_english_the_library_is_as_before(capsys):
    assert main(["reforms", "--long"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "single_window            one submission portal: traders who use it prepare faster and "
        "never lodge a\n                         second declaration (second_submission 0); at "
        "every port, imports and\n                         exports alike, a post hub's parcels "
        "too\n")
    assert ("two_step_declaration     an outline declaration gets imports released without "
            "waiting for the duty\n") in out


def test_chinese_wraps_in_columns_and_keeps_names_whole():
    text = "名称  " + MECHANISMS["big_data_targeting"][1]
    lines = wrap_wide(text, 40, 6).splitlines()
    width = [sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in ln) for ln in lines]
    assert max(width) <= 40 and len(lines) > 3
    assert "risk.target=0.05" in "".join(lines)  # (not broken inside)
    assert not any(ln.rstrip().endswith("（") or ln.lstrip().startswith("，") for ln in lines)
