"""The Chinese tables keyed by English words of other modules (a reform's effect on a
scenario, a TFA option's note) know every word those modules say: a renamed or added word
without its Chinese fails here instead of losing its line or crashing under ``--lang zh``."""

from __future__ import annotations

import pytest

from sim import cli_reforms, cli_zh_reform_show, cli_zh_reforms, cli_zh_tfa
from sim.report import tfa_changes
from sim.report.zh_reforms import UNTRANSLATED

KINDS = (cli_reforms.ACTS, cli_reforms.PART, cli_reforms.ALREADY, cli_reforms.NO_EFFECT,
         cli_reforms.NOTHING, cli_reforms.UNAVAILABLE, cli_reforms.NOT_APPLICABLE)
#: the kinds only the library's listing says (a reform's own page closes with none of them)
LISTED_ONLY = (cli_reforms.UNAVAILABLE, cli_reforms.NOT_APPLICABLE)


@pytest.mark.parametrize("kind", KINDS)
def test_every_effect_of_the_library_list_has_its_chinese(kind):
    assert cli_zh_reforms.EFFECTS[kind]
    assert set(cli_zh_reforms.EFFECTS) == set(KINDS)


@pytest.mark.parametrize("kind", [k for k in KINDS[1:] if k not in LISTED_ONLY])
def test_every_effect_but_acting_closes_one_reforms_field_list_in_both_languages(kind):
    english = cli_zh_reform_show.Words("en", "small").effect(kind, "why")
    chinese = cli_zh_reform_show.Words("zh", "small").effect(kind, "why")
    assert "'small'" in english and "'small'" in chinese
    assert chinese != english


def test_a_reform_that_acts_has_no_closing_line():
    assert cli_zh_reform_show.Words("en", "small").effect(cli_reforms.ACTS, "") == ""


@pytest.mark.parametrize("key", ["no_effect", "caveats"])
def test_each_note_a_tfa_table_gives_an_option_has_its_chinese_head(key):
    said = tfa_changes._note({key: {"fast": "some reason"}}, "fast")
    assert said and not cli_zh_tfa.note(said).startswith(UNTRANSLATED)


def test_an_option_that_is_no_reform_has_its_chinese_articles_cell():
    cell = tfa_changes._articles({"name": "fast"})
    assert cli_zh_tfa.articles(cell) == "不是改革库中的改革"
