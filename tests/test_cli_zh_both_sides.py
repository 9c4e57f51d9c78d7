"""``bordersim both-sides --lang zh`` (or ``BORDERSIM_LANG=zh``): the crossing timed on both
sides in Chinese, every figure as the English run prints it on the same folder, no English
sentence left; in English as before (tests/test_both_sides.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_both_sides import LABELS
from sim.cli_zh_both_sides import LABELS as ZH_LABELS
from tests.test_both_sides import EXAMPLE

_FIGURE = re.compile(r"[-+]?\d+\.\d+")
#: names a Chinese line may keep: the port's and the partner's (as its file names it)
KEPT = {"dongxing", "Mong", "border", "gate", "Viet"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A short run of the Beilun border scenario (the land port dongxing), kept with --log."""
    out = tmp_path_factory.mktemp("both") / "run"
    assert main(["run", "beilun-border", "--reps", "2", "--days", "1", "--set", "warmup_days=1",
                 "--set", "drain_days=1", "--log", "--out", str(out)]) == 0
    return out


def _said(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    assert main(argv) == 0
    said = capsys.readouterr()
    return said.out, said.err


def test_the_crossing_in_chinese_has_the_english_figures(folder, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    capsys.readouterr()
    argv = ["both-sides", str(folder), "--partner", str(EXAMPLE), "--csv", str(tmp_path / "r.csv")]
    en, en_err = _said(argv, capsys)
    zh, zh_err = _said([*argv, "--lang", "zh"], capsys)
    assert zh.startswith("dongxing 与 Mong Cai border gate (Viet Nam)，2 次重复运行：")
    assert "\n  进口（运往 dongxing）：\n" in zh and "\n  出口（经 dongxing 出境）：\n" in zh
    assert "    全程通关，均值（小时） " in zh and " 变化 " in zh
    figures = [_FIGURE.findall(ln) for ln in en.splitlines()]
    assert [_FIGURE.findall(ln) for ln in zh.splitlines()] == figures and len(figures[2]) == 5
    assert zh_err == f"每次重复运行的数据：{tmp_path / 'r.csv'}\n" and "figures" in en_err
    left = set(re.findall(r"[A-Za-z]{4,}", zh)) - KEPT
    assert left == set(), left
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    assert _said(argv, capsys)[0] == zh


def test_every_figure_has_its_chinese():
    assert set(ZH_LABELS) == set(LABELS)
