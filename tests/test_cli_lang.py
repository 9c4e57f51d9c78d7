"""``--lang zh`` (and ``BORDERSIM_LANG``) for the console of ``run`` and ``compare``: every
warning code has its Chinese, each generator's message comes out whole in Chinese with the
figures of its record, English stays as it was, and what a program reads stays English."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from sim.cli_lang import ENV, chosen, line, number
from sim.report.zh_warnings import WARNINGS
from sim.warning_codes import CODES, record
from tests.short_runs import short_run
from tests.test_warning_codes import GENERATORS

MMC = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-mmc.toml"


def test_the_console_speaks_the_reports_languages():
    from sim.cli_lang import LANGUAGES
    from sim.report.translate import LANGUAGES as REPORT

    assert LANGUAGES == REPORT


def test_every_code_has_its_chinese():
    """A code added without a Chinese sentence (or Chinese left for a code that is no more)
    fails here."""
    assert set(WARNINGS) == {c.code for c in CODES}


@pytest.mark.parametrize("code", sorted(GENERATORS))
def test_each_message_is_said_in_chinese_with_its_figures(code: str, tmp_path: Path):
    english = "warning: " + GENERATORS[code](tmp_path)
    zh = line(english, "zh")
    assert zh.startswith("警告："), zh
    assert "尚无中文" not in zh, zh
    # no English sentence is left (names, settings and identifiers may stay)
    assert not re.search(r"\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b", zh), zh
    for name, value in record(english)["figures"].items():
        if WARNINGS[code][0].count("{" + name + "}"):  # (the sentence's own figures)
            assert number(value) in zh, (name, zh)


def test_an_overloaded_lanes_chinese_names_the_field_to_set_and_its_value():
    """The English ends with the setting to compare (``ports.p_1.document_check.capacity =
    4``); a workshop's Chinese dropped it, the record having no field for it."""
    english = "warning: " + GENERATORS["lane_overload"](Path())
    assert "(ports.p_1.document_check.capacity = 4)" in english
    assert "ports.p_1.document_check.capacity = 4" in line(english, "zh")


def test_english_is_left_as_it_is_and_an_unknown_line_is_marked():
    text = "warning: sea: document_check is 97.5% utilised (above 95%); more"
    assert line(text, "en") is text
    assert line("results: x", "zh") == "results: x"
    said = line("note: something no code knows", "zh")
    assert said == "提示：（此条尚无中文译文）something no code knows"
    assert line("note (fast): something", "zh").startswith("提示（方案 fast）：")


def test_the_flag_then_the_environment_then_english(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(ENV, raising=False)
    assert chosen(argparse.Namespace(lang=None)) == "en"
    monkeypatch.setenv(ENV, "ZH")
    assert chosen(argparse.Namespace(lang=None)) == "zh"
    assert chosen(argparse.Namespace(lang="en")) == "en"
    monkeypatch.setenv(ENV, "cn")
    from sim.cli import UsageError

    with pytest.raises(UsageError, match=r"BORDERSIM_LANG='cn'.*allowed: en, zh"):
        chosen(argparse.Namespace(lang=None))


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str, *more: str
         ) -> tuple[str, str]:
    from sim.cli import main

    # (the console's wording and figures, not their values: run without the warm-up)
    assert main(["run", short_run(tmp_path, MMC), "--reps", "2", "--days", "3", "--out",
                 str(tmp_path / out), *more]) == 0
    got = capsys.readouterr()
    return got.out, got.err


def _figures(table: str, columns: int = 3) -> list[tuple[str, ...]]:
    """The figures of a printed table: its last ``columns`` columns, row by row."""
    rows = [line.split("│")[-columns - 1:-1] for line in table.splitlines()
            if line.startswith("│")]
    return [tuple(c.strip() for c in row) for row in rows if any(c.strip() for c in row)]


def test_run_in_chinese_and_the_json_stays_english(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    out_en, err_en = _run(tmp_path, capsys, "en")
    out_same, err_same = _run(tmp_path, capsys, "en2", "--lang", "en")
    assert (out_same, err_same) == (out_en.replace("/en\n", "/en2\n").replace(
        "/en ", "/en2 "), err_en.replace("/en", "/en2"))
    assert "提示" not in err_en and "note: " in err_en
    monkeypatch.setenv(ENV, "zh")
    out_zh, err_zh = _run(tmp_path, capsys, "zh")
    assert "提示：" in err_zh and "note: " not in err_zh
    assert "主要指标：2 次重复运行的均值及 95% 置信区间" in out_zh and "置信上限" in out_zh
    assert "Key metrics" not in out_zh and "results:" not in out_zh
    assert "海关通关时间均值 clearance_h_mean" in out_zh
    assert _figures(out_zh) == _figures(out_en)  # (every number, in the same order)
    assert f"bordersim workbook {tmp_path / 'zh'} --lang zh" in out_zh
    from sim.cli import main  # (the workbook, too, takes the variable's language)

    assert main(["workbook", str(tmp_path / "zh")]) == 0
    assert (tmp_path / "zh" / "workbook-zh.xlsx").exists()
    assert not (tmp_path / "zh" / "workbook.xlsx").exists()
    capsys.readouterr()
    js, _ = _run(tmp_path, capsys, "js", "--json")
    data = json.loads(js)
    assert data["notes"] and all(n.startswith(("note", "warning")) for n in data["notes"])
    assert not any("提示" in r["text"] for r in data["warning_records"])


def _compare(tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str, *more: str
             ) -> tuple[str, str]:
    from sim.cli import main

    # (the console's wording and figures, not their values: run without the warm-up, 3
    # days, 2 replications: the fewest that give every row its interval)
    assert main(["compare", short_run(tmp_path, MMC), "--option",
                 "faster:ports.crossing.document_check.service.mean=27 min", "--reps", "2",
                 "--days", "3", "--no-report", "--out", str(tmp_path / out), *more]) == 0
    got = capsys.readouterr()
    return got.out.replace(str(tmp_path / out), "OUT"), got.err


def test_compare_in_chinese_has_the_english_figures(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    out_en, err_en = _compare(tmp_path, capsys, "en")
    assert _compare(tmp_path, capsys, "en2", "--lang", "en") == (out_en, err_en)
    out_zh, err_zh = _compare(tmp_path, capsys, "zh", "--lang", "zh")
    assert out_zh.startswith("情景 teaching-mmc：") and "各方案与基准方案对比" in out_zh
    assert "基准方案（baseline） = 情景不变" in out_zh and "Options" not in out_zh
    assert "海关通关时间均值 clearance_h_mean（小时）" in out_zh
    assert "提示：" in err_zh and "note: " not in err_zh
    en = [c.replace(" to ", " ") for row in _figures(out_en, 5) for c in row]
    zh = [c.replace(" 至 ", " ") for row in _figures(out_zh, 5) for c in row]
    assert [c for c in zh if c] == [c for c in en if c]  # (every figure, in order)


def test_a_warning_printed_before_the_run_is_in_chinese_too(capsys):
    import sim
    from sim.cli import _warn_after_the_run
    from tests.test_reforms_timeline import BEFORE, SMALL

    late = sim.load_scenario(SMALL, {**BEFORE, "timeline": [{"reform": "training",
                                                             "at": "96 h"}]})
    found = _warn_after_the_run(late, None, "zh")
    err = capsys.readouterr().err
    assert found and found[0].startswith("the dated reform")  # (kept in English)
    assert err.startswith("警告：按日期生效的改革 'training' 不在观测期内生效"), err


def test_the_interaction_table_in_chinese(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    both = ["--option", "a:ports.crossing.document_check.service.mean=27 min",
            "--option", "b:ports.crossing.arrivals.rate=3/h", "--option", "a+b"]
    out_en, _ = _compare(tmp_path, capsys, "en", *both)
    out_zh, _ = _compare(tmp_path, capsys, "zh", "--lang", "zh", *both)
    assert "Interactions:" in out_en and "交互作用：(A+B) - A - B + 基准方案" in out_zh
    en = [c.replace(" to ", " ") for row in _figures(out_en, 5) for c in row]
    zh = [c.replace(" 至 ", " ") for row in _figures(out_zh, 5) for c in row]
    assert [c for c in zh if c] == [c for c in en if c]


@pytest.mark.parametrize("running_in, said", [
    ("", "各种结构配置的人员相同"),
    ("running_in_days=365", "观测期的每一天都处于磨合期（organisation.advantages.transition_days = "
     "365，即 dumbbell 改革的 running_in_days，自运行开始起算）：其数据反映的是过渡期，而非该"
     "结构的长期效果；如需长期效果，请观测到第 365 天之后（--days 379 或更多）"),
    ("running_in_days=20", "其 42 个观测日中的前 13 天处于磨合期"),
])
def test_a_structures_stated_assumptions_are_said_in_chinese_clause_by_clause(
        running_in: str, said: str):
    """The dumbbell's assumptions in Guangdong's spindle: the advantages with the reforms'
    names, the transfer times, the same heads, and a running-in that reaches the observed
    days in the one of its two forms that applies."""
    from tests.test_warning_codes import _structure

    zh = line("note (d): " + _structure(running_in), "zh")
    assert said in zh and "尚无中文" not in zh, zh
    assert "至 national：lognormal 分布，均值 4.0 小时" in zh, zh
    assert "（即 dumbbell 改革的 running_in_loss）" in zh, zh
    assert not re.search(r"\b[a-z]{3,} [a-z]{3,} [a-z]{3,}\b", zh), zh
    assert ("磨合期" in zh) == bool(running_in), zh


def test_a_structure_without_transfer_times_is_said_in_chinese():
    from sim.experiment.composition import structure_assumptions
    from sim.scenario.loader import load_scenario

    spindle = load_scenario(MMC.with_name("guangdong-spindle.toml"),
                            {"organisation.transfer_to": {}})
    dumbbell = spindle.model_copy(update={"organisation": spindle.organisation.model_copy(
        update={"structure": "dumbbell"})})
    zh = line("note (d): " + structure_assumptions(spindle, {"d": dumbbell})["d"], "zh")
    assert "organisation.transfer_to 未设置：上报的请求不经等待" in zh, zh
    assert "至 national" not in zh and "尚无中文" not in zh, zh
