"""``bordersim sweep --lang zh`` with a Latin hypercube (``--lhs``) and with Sobol indices
(``--sobol``): the PRCC and index tables' words, the lines around them and their warnings
in Chinese, every figure the English table's, fields and metrics by name; in English word
for word as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_zh_sweep import SOBOL_KEY
from tests.short_runs import short_run
from tests.test_cli_lang_notes import english_left

SMALL = Path(__file__).resolve().parent / "scenarios" / "small.toml"
REVIEW = "ports.sea.review.capacity=2:4"
#: every figure of a table (decimals, signed PRCCs, NaN), in the order printed
_FIGURES = re.compile(r"[+-]?\d+\.\d+|NaN")


def _sweep(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str,
           *design: str) -> tuple[str, str]:
    # (no warm-up: the same lines, other figures; the runs' days with arrivals 2, not 9)
    argv = ["sweep", short_run(tmp_path, SMALL, drain_days=None), "--range", REVIEW, *design,
            "--reps", "1", "--days", "2", "--out", str(tmp_path / lang), "--lang", lang]
    assert main(argv) == 0
    got = capsys.readouterr()
    return got.out, got.err


def test_a_latin_hypercube_in_chinese_has_the_english_prccs(tmp_path: Path, capsys,
                                                            monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    design = ("--range", "ports.sea.document_check.capacity=1:3", "--lhs", "4",
              "--metric", "overall_clearance_h_mean,consignments_not_out")
    en, en_err = _sweep(tmp_path, capsys, "en", *design)
    assert en.startswith("4 point(s) x 1 replication(s); mean over replications:\n")
    assert ("partial rank correlation (PRCC) over the 4 points' means, 95 % interval (* clear "
            "of 0 after Holm's correction over the parameters):\n") in en
    assert "\nparameter " in en and " [no interval]" in en
    assert "\nNaN: the metric does not vary over the points (or the parameter, net of the " \
           "others, does not)\n" in en
    assert en.splitlines()[-1].startswith("results: ") and "prcc.csv: each parameter's" in en
    assert "warning: 4 points cannot give PRCC intervals over 2 parameters" in en_err
    zh, zh_err = _sweep(tmp_path, capsys, "zh", *design)
    assert "各扫描点均值的偏秩相关系数（PRCC，4 个扫描点）" in zh and "\n参数 " in zh
    assert " [无区间]" in zh and "consignments_not_out = 已放行未提离票数" in zh
    assert "警告：拉丁超立方扫描只有 4 个点、2 个参数" in zh_err
    assert "尚无中文" not in zh + zh_err
    assert english_left(zh + zh_err) == [], english_left(zh + zh_err)
    assert _FIGURES.findall(zh) == _FIGURES.findall(en)


def test_sobol_indices_in_chinese_have_the_english_figures(tmp_path: Path, capsys,
                                                           monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    en, en_err = _sweep(tmp_path, capsys, "en", "--sobol", "2")
    assert en.startswith("Sobol indices of overall_clearance_h_mean (6 runs):\n")
    assert en.splitlines()[1].split() == ["S1", "S1_conf", "ST", "ST_conf", "S1_reps",
                                          "S1_noise", "ST_reps", "ST_noise"]
    assert en.splitlines()[-1] == (f"results: {tmp_path / 'en'} (sobol.csv, "
                                   "sobol-replications.csv, sobol.png, sobol.json)")
    assert "warning: with one replication per point the Sobol intervals" in en_err
    zh, zh_err = _sweep(tmp_path, capsys, "zh", "--sobol", "2")
    assert zh.startswith("敏感性分析（Sobol 指数）：overall_clearance_h_mean（整体通关时间均值），"
                         "共 6 次运行：\n")
    assert "S1：一阶指数；ST：总效应指数" in zh and "\n参数 " in zh
    assert zh.splitlines()[-1].startswith(f"结果文件夹：{tmp_path / 'zh'}（sobol.csv")
    assert "警告：Sobol 指数不确定" in zh_err
    assert "尚无中文" not in zh + zh_err
    assert english_left(zh + zh_err) == [], english_left(zh + zh_err)
    assert _FIGURES.findall(zh.replace(SOBOL_KEY, "")) == _FIGURES.findall(en)
