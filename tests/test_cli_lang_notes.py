"""``--lang zh`` for the notes that give a reason in their own English words (an option or
a ``--set`` change that can have no effect, a section a change creates, a dated reform that
changes nothing): each is coded, said in Chinese with its reason in Chinese, and a reason no
table knows is marked untranslated rather than guessed; the English lines stay as they were."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_lang import line
from sim.report.zh_reasons import reason

MMC = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-mmc.toml"
#: three English words in a row: a sentence left untranslated (names, settings and lists of
#: names may stay)
ENGLISH = re.compile(r"\b[a-zA-Z]{2,} [a-zA-Z]{2,} [a-zA-Z]{2,}\b")


def english_left(text: str) -> list[str]:
    """The lines of ``text`` that still hold an English sentence."""
    return [ln for ln in text.splitlines() if ENGLISH.search(ln)]


def _compare(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> str:
    argv = ["compare", str(MMC), "--reforms", "single_window", "direct_pickup", "--reps", "2",
            "--days", "3", "--no-report", "--out", str(tmp_path / lang), "--lang", lang]
    assert main(argv) == 0
    return capsys.readouterr().err


def test_a_reform_that_changes_nothing_is_said_in_chinese(tmp_path: Path, capsys):
    err = _compare(tmp_path, capsys, "zh")
    assert ("提示（方案 direct_pickup）：该方案在情景 'teaching-mmc' 中不改变任何内容："
            "情景中没有") in err
    assert "提示（方案 single_window）：" in err and "该改革在此情景中已经生效" in err
    assert "尚无中文" not in err and english_left(err) == [], english_left(err)


def test_in_english_the_notes_are_word_for_word_as_before(tmp_path: Path, capsys):
    err = _compare(tmp_path, capsys, "en")
    reused = ": its replications are the baseline's, reused, not run again\n"
    assert ("note (direct_pickup): it changes nothing in scenario 'teaching-mmc': the scenario "
            f"has none of the parts it acts on; its figures are the baseline's{reused}") in err
    assert ("note (single_window): it changes nothing in scenario 'teaching-mmc': it is "
            f"already in effect there; its figures are the baseline's{reused}") in err


def test_a_set_that_creates_the_risk_section_is_said_in_chinese(tmp_path: Path, capsys):
    argv = ["run", str(MMC), "--set", "risk.target=0.1", "--reps", "2", "--days", "3",
            "--out", str(tmp_path / "r"), "--lang", "zh"]
    main(argv)
    err = capsys.readouterr().err
    assert "risk.target = 0.1 新建了情景中原本没有的 [risk] 部分" in err
    assert "风险布控引擎随之启用" in err and english_left(err) == [], english_left(err)


def test_a_sweeps_note_of_every_point_says_so():
    from tests.test_warning_codes import _set_idle

    said = line("note: " + _set_idle(True), "zh")
    assert said.endswith("；所有扫描点均如此") and not english_left(said), said


def test_a_reason_no_table_knows_is_marked_not_guessed():
    text = ("note (x): it changes nothing in scenario 'm': a reason never written before; "
            "its figures are the baseline's")
    assert line(text, "zh").startswith("提示（方案 x）：（此条尚无中文译文）it changes nothing")
    assert reason("risk.target: a reason never written before") is None
    assert reason("risk.target: the risk engine is off there (risk.enabled false); "
                  "risk.window: the risk engine is off there (risk.enabled false)") == (
        "risk.target：该情景未启用风险布控引擎（risk.enabled false）；"
        "risk.window：该情景未启用风险布控引擎（risk.enabled false）")


def test_a_scenario_without_costs_says_its_money_in_chinese():
    """The comparison's header says what the money figures are in (guangdong without its
    [costs]: goods' values in the default currency, the organisation's staff in CNY; with
    it: USD at its prices, the staff's figures in CNY)."""
    from sim.cli_zh import money
    from sim.scenario.costs import money_of
    from sim.scenario.loader import load_scenario

    scenario = load_scenario(MMC.with_name("guangdong.toml"))
    org = scenario.organisation
    assert org is not None and org.price_year == 2019
    english = money_of(None, True, org.price_year)  # (as run and compare call it, unpriced)
    assert english.startswith("USD for goods' values")
    assert money(english) == ("货物价值以 USD 计（情景中没有 [costs] 部分，取默认币种）；不给出"
                              "人员成本（海关组织人员以 CNY 定价，按 [costs] 的币种报告）")
    english = money_of(scenario.costs, True, org.price_year)
    assert english == ("USD at 2019 prices (the organisation's staff converted from CNY at "
                       "0.145 USD a CNY, costs.exchange)")
    assert money(english) == ("USD（2019 年价格；海关组织人员成本由 CNY 按 costs.exchange "
                              "1 CNY = 0.145 USD 折算）")


def test_every_reason_a_field_can_act_on_nothing_has_its_chinese():
    """The reasons :func:`dormant` gives (options, ``--set`` changes and swept fields that act
    on nothing) over the bundled scenarios and the small one, with counterfeits and without:
    each has a Chinese sentence (the IPR procedure's was printed untranslated in a sweep)."""
    import sim
    from sim.scenario.dormant import dormant
    from tests.test_recordation import FAKES, SMALL

    root = Path(__file__).resolve().parents[1] / "scenarios"
    scenarios = [sim.load_scenario(p) for p in sorted(root.glob("*.toml"))]
    scenarios += [sim.load_scenario(SMALL), sim.load_scenario(SMALL, FAKES)]
    whys = {why for s in scenarios for why in dormant(s).values()}
    assert any("IPR procedure" in why for why in whys)
    assert [why for why in whys if reason(why) is None] == []


def test_the_ipr_reasons_read_as_chinese_sentences():
    """(The recorded-brand reason was a word-for-word order: 没有侵权货物属于已备案商标.)"""
    assert reason("no counterfeit is of a recorded brand there (enforcement.recordation."
                  "share is 0)") == (
        "该情景中没有属于已备案商标的侵权货物（enforcement.recordation.share 为 0）")
