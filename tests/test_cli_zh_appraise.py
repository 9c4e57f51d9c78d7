"""``bordersim appraise --lang zh`` (or ``BORDERSIM_LANG=zh``): the business case in Chinese,
each figure and interval as the English run prints it on the same folder, no English sentence
left; in English as before (tests/test_appraisal.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.cli_zh_appraise import CASH_ONLY, FIGURES, RESIDUAL_APART
from sim.experiment import appraisal
from tests.test_appraisal import _folder

#: a figure line: its value and its interval's bounds (None: no interval)
_EN = re.compile(r"^  .+?: (\S+)(?: [a-z -]+)? \(95 % CI (?:none|(\S+) to (\S+))\)$")
_ZH = re.compile(r"^  .+?：(\S+)(?: \S+)?（95% 置信区间(?:：无| (\S+) 至 (\S+))）$")
_WORDS = {"期内不回收": "never", "无": "n/a"}
#: names a Chinese line may keep: the files written, the command, the currency
KEPT = {"appraisal", "json", "bordersim", "report",
        "count", "freed", "capacity",  # (the flag --count-freed-capacity, named as typed)
        "residual", "value",  # (and --count-residual-value)
        "Hummels", "Schaur"}  # (the authors the value of time's range is cited from)


def _said(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


def _figures(text: str, pattern: re.Pattern[str]) -> list[tuple[str, ...]]:
    from sim.experiment.appraisal_spread import ASSUMES
    from sim.report.zh_appraisal_spread import ASSUMES as ASSUMES_ZH

    # (the figures' lines: those before the NPV's spread from the cost inputs, said apart)
    text = text.split(ASSUMES)[0].split(ASSUMES_ZH)[0]
    found = [pattern.match(ln) for ln in text.splitlines() if ln.startswith("  ")]
    assert all(found), text
    return [tuple(_WORDS.get(g, g) for g in m.groups() if g is not None) for m in found if m]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Option o pays back (a small set-up cost), p never does (a large one); their running
    costs differ by replication, so the intervals have two bounds."""
    path = _folder(tmp_path / "c", {"baseline": {}, "o": {"portal": 100.0},
                                    "p": {"portal": 250_000.0}})
    reps = pd.read_csv(path / "replications.csv")
    mine = reps[reps["option"] == "o"]
    reps = pd.concat([reps, mine.assign(option="p")], ignore_index=True)
    extra = reps["replication"].map({0: 0.0, 1: 30.0, 2: 70.0})
    reps.loc[reps["option"] != "baseline", "agency_running_cost_per_year"] += extra
    reps.to_csv(path / "replications.csv", index=False)
    return path


def test_the_business_case_in_chinese_has_the_english_figures(folder, capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    argv = ["appraise", str(folder), "--years", "10", "--time-value-scale", "2"]
    en = _said(argv, capsys)
    zh = _said([*argv, "--lang", "zh"], capsys)
    assert zh.startswith("与基准方案相比的效益成本分析：期限 10 年，折现率 0.08；金额单位：USD；")
    assert f"货物时间价值 × 2\n{CASH_ONLY}\n{RESIDUAL_APART}\no：\n" in zh and "\np：\n" in zh
    assert " 年（95% 置信区间 " in zh
    assert "  净现值（企业节省减政府成本）：" in zh
    assert _figures(zh, _ZH) == _figures(en, _EN) and len(_figures(en, _EN)) == 2 * len(FIGURES)
    assert "never" in str(_figures(en, _EN)) and "n/a" in str(_figures(en, _EN))
    left = set(re.findall(r"[A-Za-z]{4,}", zh)) - KEPT
    assert left == set(), left
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    assert _said(argv, capsys) == zh


def test_every_figure_has_its_chinese():
    assert set(FIGURES) == {k for k, _ in appraisal.FIGURES}


@pytest.mark.parametrize("args, words", [
    (["--setup", "q=1"], "--setup q=1：{folder} 中没有方案 'q'（其方案：o, p）"),
    (["--setup", "o"], "--setup o：格式应为 OPTION=AMOUNT（方案名=金额；其方案：o, p）"),
    (["--setup", "o=-5"], "--setup o=-5：成本应不小于 0"),
    (["--setup", "o=2M"], "--setup o 2M：不是数字"),
    (["--setup", "o=inf"], "--setup o inf：不是有限的数字"),
    (["--discount-rate", "8"], "--discount-rate 8.0：应为 0 至 0.3 的比例（8% 写作 0.08）"),
    (["--years", "2.5"], "--years 2.5：应为 1 至 100 的整数年数"),
    (["--time-value-scale", "-1"], "--time-value-scale -1：应不小于 0"),
    (["--time-value-scale", "x"], "--time-value-scale x：不是数字"),
])
def test_appraise_refuses_in_chinese(folder, capsys, args, words):
    """Each refusal of appraise in Chinese, with the value and what is allowed, as its
    English says them; never left untranslated."""
    assert main(["appraise", str(folder), *args, "--lang", "zh"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "错误：" + words.format(folder=folder), err


def test_appraise_refuses_a_folder_that_is_no_comparison_in_chinese(tmp_path, capsys):
    assert main(["appraise", str(tmp_path), "--lang", "zh"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"错误：{tmp_path / 'compare.json'}：找不到；appraise 读取的是 bordersim "
                   "compare 的结果文件夹"), err


def test_the_setup_help_names_the_money_of_the_bundled_default(capsys):
    """--setup says in which year's prices a set-up cost is given (a quote in today's prices
    entered as it is would overstate it), as the bundled default prices its figures, in both
    languages."""
    import sim
    from sim.scenario.costs import money_of
    from sim.scenario.loader import BUNDLED

    costs = sim.load_scenario(BUNDLED / "default.toml").costs
    assert costs is not None
    zh = f"{costs.currency}（{costs.price_year} 年价格）"
    for lang, said in (("en", money_of(costs)), ("zh", zh)):
        with pytest.raises(SystemExit):
            main(["appraise", "--help", "--lang", lang])
        text = "".join(capsys.readouterr().out.split())
        assert "".join(said.split()) in text and "price_year" in text, (lang, said)
