"""``bordersim compliance --lang zh`` (or ``BORDERSIM_LANG=zh``): the estimate beside the
truth in Chinese, every table's figures as the English run prints them on the same folder, no
English sentence left; in English as before (tests/test_compliance_estimate.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.analysis.compliance import COLUMNS
from sim.cli import main
from sim.cli_zh_compliance import COLUMNS as ZH_COLUMNS
from sim.experiment.runner import replicate
from sim.experiment.store import RunStore
from tests.test_compliance_estimate import _scenario

_FIGURE = re.compile(r"-?\d+\.\d+|(?<!\S)\d+(?!\S)")
#: names a Chinese line may keep: the check given on the command line
KEPT = {"physical"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two short replications of the small scenario, with frozen goods to find, kept with
    their logs."""
    out = tmp_path_factory.mktemp("compliance") / "r"
    scenario = _scenario(1.0).model_copy(update={"days": 2})
    replicate(scenario, reps=2, seed=1, log=True, store=RunStore(out))
    return out


def _said(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


def _rows(text: str) -> list[list[str]]:
    """Each table row's figures, in order (the headers and sentences have none)."""
    rows = [_FIGURE.findall(ln) for ln in text.splitlines()[:-1] if "：" not in ln]
    return [r for r in rows if len(r) > 2]


def test_the_estimate_in_chinese_has_the_english_figures(folder, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    en = _said(["compliance", str(folder)], capsys)
    zh = _said(["compliance", str(folder), "--lang", "zh"], capsys)
    assert zh.startswith("按重复运行：根据布控抽中人工查验（physical）的货物估计的违规率：\n")
    assert "\n未经检疫的冻品 " in zh and "漏查的货物看起来是守法的" in zh
    # (two replications; then all goods and each of the six illicit types)
    assert len(_rows(en)) == 2 + 7 and _rows(zh) == _rows(en)
    assert "\n濒危物种 " in zh
    covered = re.findall(r"\b(True|False)$", en, re.M)
    assert re.findall(r"(是|否)$", zh, re.M) == [{"True": "是", "False": "否"}[c] for c in covered]
    left = set(re.findall(r"[A-Za-z]{4,}", zh)) - KEPT
    assert left == set(), left
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    assert _said(["compliance", str(folder)], capsys) == zh


def test_every_column_has_its_chinese():
    assert set(COLUMNS) <= set(ZH_COLUMNS)


def test_its_errors_are_said_in_chinese(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    assert main(["compliance", str(tmp_path), "--lang", "zh"]) == 2
    assert capsys.readouterr().err == f"错误：{tmp_path}：没有 scenario.json；这是结果文件夹吗？\n"
    assert main(["compliance", str(tmp_path), "--level", "95", "--lang", "zh"]) == 2
    assert capsys.readouterr().err == "错误：--level 95：水平应在 0 和 1 之间，如 0.95\n"
    assert main(["compliance", str(tmp_path), "--level", "95"]) == 2
    assert capsys.readouterr().err == ("error: --level 95: give a level between 0 and 1, e.g. "
                                       "0.95\n")


def _not_estimable(check: str, risk: bool, timeline: tuple[str, ...]) -> str:
    """Why a scenario of these settings (only those the reasons read) gives no estimate."""
    from types import SimpleNamespace

    from sim.analysis.compliance import NotEstimable, selection_probabilities

    scenario = SimpleNamespace(name="gx", risk=SimpleNamespace(enabled=risk), timeline=timeline)
    with pytest.raises(NotEstimable) as caught:
        selection_probabilities(scenario, None, check)  # type: ignore[arg-type]
    return str(caught.value)


@pytest.mark.parametrize("check, risk, timeline, zh", [
    ("quarantine", False, (), "查验类别 'quarantine'：样本应为 document, scan, physical 之一"),
    ("physical", True, (), "情景 'gx' 由风险布控引擎（[risk]）选择查验对象"),
    ("physical", False, ("2026-01-01",), "情景 'gx' 设有时间线：其布控表可能在时间线的日期改变"),
])
def test_why_no_estimate_is_said_in_chinese(check, risk, timeline, zh):
    from sim.cli_zh_errors import error_line
    from tests.test_cli_lang_notes import english_left

    english = _not_estimable(check, risk, timeline)
    said = error_line(english, "zh")
    assert said.startswith("错误：" + zh) and "尚无中文" not in said
    assert english_left(said) == [], english_left(said)
    assert error_line(english, "en") == "error: " + english
    assert english.startswith(("check 'quarantine': the sample is one of document, scan",
                               "scenario 'gx' selects with the risk engine ([risk]): a",
                               "scenario 'gx' has a timeline: its selection tables may"))
