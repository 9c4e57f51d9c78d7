"""``bordersim sweep --lang zh`` over listed values: its tables' words, the lines around
them, its notes and its points' warnings in Chinese, every figure the English table's; in
English word for word as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left

MMC = Path(__file__).resolve().parents[1] / "scenarios" / "teaching-mmc.toml"


def _sweep(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> tuple[str, str]:
    argv = ["sweep", str(MMC), "--param", "ports.crossing.document_check.capacity=1,2",
            "--set", "risk.target=0.1", "--reps", "2", "--days", "3",
            "--out", str(tmp_path / lang), "--lang", lang]
    assert main(argv) == 0
    got = capsys.readouterr()
    return got.out, got.err


def test_a_sweep_in_chinese_leaves_no_english_sentence(tmp_path: Path, capsys):
    out, err = _sweep(tmp_path, capsys, "zh")
    assert out.startswith("2 个扫描点 × 每点 2 次重复运行") and "与扫描点 0 的差值" in out
    assert "clearance_h_mean = 海关通关时间均值" in out and "结果文件夹：" in out
    assert "警告（扫描点 0：ports.crossing.document_check.capacity=1）：" in err
    assert "新建了情景中原本没有的 [risk] 部分" in err
    assert "尚无中文" not in out + err
    assert english_left(out + err) == [], english_left(out + err)


def test_a_sweeps_figures_and_english_are_as_before(tmp_path: Path, capsys):
    en_out, en_err = _sweep(tmp_path, capsys, "en")
    assert en_out.startswith("2 point(s) x 2 replication(s); mean over replications ± its 95 % "
                             "t half-width:\n")
    assert "difference from point 0, paired by replication (the same seeds at every point)" \
        in en_out and en_out.splitlines()[-1].startswith("results: ")
    assert "warning (point 0: ports.crossing.document_check.capacity=1): crossing: " in en_err
    zh_out, _ = _sweep(tmp_path, capsys, "zh")
    figures = [w for w in en_out.split() if any(c.isdigit() for c in w) and "/" not in w]
    said = [w for w in zh_out.split() if any(c.isdigit() for c in w) and "/" not in w]
    assert [w for w in figures if "±" in w or "." in w][:40] == \
        [w for w in said if "±" in w or "." in w][:40]
