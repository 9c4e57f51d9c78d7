"""``run --observed FILE --lang zh``: the table setting a formula's or a port's figures
beside the run's is in Chinese (the teaching route's first exercise sets Erlang C's values
beside the M/M/2 lane), its numbers the English table's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_zh_validation import COLUMNS, TITLE, VERDICTS
from tests.test_cli_lang_notes import english_left

MMC = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-mmc.toml"
THEORY = ("metric,observed,label,source\n"
          "wait_h_mean_crossing_document_check,0.16667,Wq,Erlang C\n"
          "clearance_h_mean,0.66667,W,Wq + 1 / mu\n"
          "utilisation_crossing_document_check,0.5,rho,lambda / (c mu)\n")


def _table(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> str:
    theory = tmp_path / "theory.csv"
    theory.write_text(THEORY, encoding="utf-8")
    argv = ["run", str(MMC), "--reps", "2", "--days", "1", "--observed", str(theory),
            "--out", str(tmp_path / lang), "--lang", lang]
    assert main(argv) == 0
    out = capsys.readouterr().out
    return out[out.index(TITLE if lang == "zh" else "Observed against simulated"):]


def test_the_observed_table_is_chinese_with_the_english_numbers(tmp_path, capsys,
                                                                monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    zh, en = _table(tmp_path, capsys, "zh"), _table(tmp_path, capsys, "en")
    lines = zh.split("结果文件夹：")[0]
    assert all(c in lines for c in COLUMNS), lines
    assert english_left(lines) == [], english_left(lines)
    assert "（Wq）" in lines and "wait_h_mean_crossing_document_check" in lines
    verdicts = "|".join(VERDICTS.values())
    assert len(re.findall(rf"│\s*(?:{verdicts})\s*│$", lines, re.M)) == 3, lines  # (a row each)
    number = re.compile(r"-?\d+\.\d+")
    assert number.findall(lines.split("└")[0]) == number.findall(en.split("└")[0])
