"""``bordersim reforms NAME SCENARIO --lang zh``, ``reforms --tfa --lang zh`` and
``bordersim tfa --lang zh``: said in Chinese from tables keyed by name with the digest of
the English they translate (a reworded English text is marked untranslated, never stale);
field paths, names, figures and citations stay as written; English word for word as before."""

from __future__ import annotations

import pytest

from sim.cli import main
from sim.reforms import REFORMS
from sim.reforms.tfa import ARTICLES, SOURCE, TAGS
from sim.report import zh_strengths, zh_tfa
from sim.report.zh_reforms import UNTRANSLATED, digest
from tests.test_cli_lang_notes import english_left

#: the Agreement's titles kept in English (the project is not sure of the official Chinese)
KEPT = [ARTICLES[a] for a, (_, zh) in zh_tfa.TITLES.items() if zh is None]


def _english(out: str) -> list[str]:
    """Lines with an English sentence, once the citation and the kept titles are removed."""
    for text in [SOURCE, *KEPT]:
        out = out.replace(text, "")
    return english_left(out)


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    """Lines wrap at the terminal's width: a fixed one, as a test worker's may differ."""
    monkeypatch.setenv("COLUMNS", "100")


def test_every_tfa_title_and_reason_has_chinese_for_its_english():
    assert set(zh_tfa.TITLES) == set(ARTICLES)
    assert set(zh_tfa.WHYS) == set(TAGS), (
        f"reasons to translate in sim/report/zh_tfa.py: {set(TAGS) - set(zh_tfa.WHYS)} (the "
        "entries: python -m sim.report.zh_reform_todo NAME); left over: "
        f"{set(zh_tfa.WHYS) - set(TAGS)}")
    stale = [a for a, (d, _) in zh_tfa.TITLES.items() if d != digest(ARTICLES[a])]
    stale += [n for n, (d, _) in zh_tfa.WHYS.items() if d != digest(TAGS[n].why)]
    assert stale == [], f"retranslate in sim/report/zh_tfa.py: {stale}"


def test_every_strength_and_source_entry_matches_its_english():
    docs = {d for r in REFORMS.values() for p in r.params.values() for d in [digest(p.doc)]}
    for key, (d, _) in zh_strengths.STRENGTHS.items():
        reform, _, param = key.rpartition(".")
        if reform:
            assert d == digest(REFORMS[reform].params[param].doc), key
        else:
            assert d in docs, key
    for key, (d, _) in zh_strengths.SOURCES.items():
        reform, _, i = key.partition(":")
        assert d == digest(REFORMS[reform].sources[int(i)]), key


def test_a_reworded_english_text_is_marked_not_stale():
    doc = REFORMS["direct_pickup"].params["minutes"].doc
    assert zh_strengths.strength("direct_pickup", "minutes", doc) == "使用者的提货时间，分钟"
    assert zh_strengths.strength("direct_pickup", "minutes", doc + "!") == UNTRANSLATED + doc + "!"
    src = REFORMS["direct_pickup"].sources[1]
    assert zh_strengths.source("direct_pickup", 1, src + "!") == UNTRANSLATED + src + "!"
    assert zh_tfa.why("training", "reworded") == UNTRANSLATED + "reworded"


@pytest.mark.parametrize("name", ["direct_pickup", "single_window", "two_step_declaration",
                                  "direct_loading", "advance_declaration", "joint_inspection"])
def test_one_reform_on_a_scenario_is_said_in_chinese(name: str, capsys):
    assert main(["reforms", name, "guangdong", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "尚无中文" not in out and _english(out) == [], _english(out)
    assert "改革对情景 'guangdong' 所做的字段修改" in out and "  来源：" in out


def test_the_tfa_list_is_said_in_chinese(capsys):
    assert main(["reforms", "--tfa", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("各项改革按其落实的世贸组织《贸易便利化协定》措施列出")
    assert "第10.4条 单一窗口\n  single_window" in out
    assert "\n不落实《贸易便利化协定》的措施\n" in out
    assert "尚无中文" not in out and _english(out) == [], _english(out)


def test_in_english_one_reform_and_the_tfa_list_are_as_before(capsys):
    assert main(["reforms", "direct_pickup", "teaching-mmc"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("direct_pickup: ") and "  strength minutes = 8.0: pick-up time" in out
    assert ("  WTO TFA: no TFA measure: a terminal's pick-up practice after release; the TFA "
            "does not govern terminal operations\nfield changes on scenario 'teaching-mmc' "
            "(the model's units: times in hours, rates per hour):\n  (none: scenario "
            "'teaching-mmc' has none of the parts this reform acts on, so it changes nothing "
            "there)\n") in out
    assert main(["reforms", "--tfa"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("reforms by the measure of the WTO Trade Facilitation Agreement")
    assert "\nNo TFA measure\n" in out and "\nArt. 10.4 Single window\n" in out
