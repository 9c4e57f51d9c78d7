"""``bordersim check --explain --lang zh``: the metrics of the run table in Chinese (unit,
name, meaning), every family either translated or listed as pending (so a new metric with
no Chinese meaning fails here), and the English lines word for word as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import KEY_METRICS, main
from tests.test_cli_lang_notes import english_left

PENDING = Path(__file__).parent / "data" / "zh_meanings_pending.txt"


def _explain(capsys: pytest.CaptureFixture[str], lang: str) -> tuple[str, str]:
    assert main(["check", "--explain", *KEY_METRICS, "--lang", lang]) == 0
    said = capsys.readouterr()
    return said.out, said.err


def test_the_run_tables_metrics_are_explained_in_chinese(capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    out, err = _explain(capsys, "zh")
    assert out.startswith("clearance_h_mean\t小时\t海关通关时间均值：自货物到港")
    assert len(out.splitlines()) == len(KEY_METRICS)
    said = [ln.split("\t")[2] for ln in out.splitlines()]  # (the name once, then its meaning)
    assert [s for s in said if s.split("：")[0] == s.split("：")[1]] == []
    assert "尚无中文" not in out + err
    # (a metric's own name in backquotes is no sentence: only words outside them count)
    assert english_left(out + err) == [], english_left(out + err)


def test_the_english_glossary_is_unchanged(capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    out, err = _explain(capsys, "en")
    assert out.startswith("clearance_h_mean\thours\tMean clearance time: hours from the goods' "
                          "arrival to customs' release, over the cohort's")
    assert err.startswith("note: a run's figure is the mean over its replications of each ")


def test_every_family_has_a_chinese_meaning_or_is_pending():
    from sim.cli_zh_options import digest
    from sim.experiment.metric_glossary import ENTRIES
    from sim.report.zh_meanings import MEANINGS

    pending = set(PENDING.read_text(encoding="utf-8").split())
    done = {stem for stem, _ in MEANINGS}
    stems = {e.stem for e in ENTRIES}
    assert stems - done - pending == set(), "a metric family without a Chinese meaning"
    assert done & pending == set(), "a family translated is still listed as pending"
    current = {(e.stem, digest(e.meaning)) for e in ENTRIES}
    assert set(MEANINGS) - current == set(), "a Chinese meaning of an English since changed"


def test_when_a_metric_the_scenario_lacks_appears_is_said_in_chinese(capsys, monkeypatch):
    """A name the scenario does not yield says in Chinese what would make it appear (the
    counterfeits page's detentions: ``enforcement.ipr``); every family's condition has its
    Chinese, so a new one without fails here."""
    from sim.cli_zh_explain import ONLY
    from sim.experiment.metric_glossary import ENTRIES

    assert {e.only for e in ENTRIES if e.only} <= set(ONLY)
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    assert main(["check", "beilun-border", "--explain", "ipr_detained",
                 "--lang", "zh"]) == 2  # (a name the scenario lacks)
    out = capsys.readouterr().out
    assert "尚无中文" not in out
    assert "只在设置了 enforcement.ipr（知识产权海关保护，默认没有）时出现" in out, out


def test_a_name_measured_only_split_is_pointed_at_its_split_forms_in_chinese(capsys,
                                                                              monkeypatch):
    """The did-you-mean of a name the scenario yields only split by a group, in Chinese: its
    split forms, ``or`` said, and the pattern that picks them all."""
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    base = "border_burden_per_container"
    assert main(["check", "default", "--explain", base, "--lang", "zh"]) == 2
    out = capsys.readouterr().out
    assert "尚无中文" not in out and "did you mean" not in out, out
    assert f"（不是情景 'default' 的指标；是否应为 '{base}_" in out
    assert "' 或 '" in out and f"（'{base}_*' 可选出全部 " in out
