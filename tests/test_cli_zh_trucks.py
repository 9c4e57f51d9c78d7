"""``bordersim trucks --lang zh`` (or ``BORDERSIM_LANG=zh``): the trucker's view in Chinese,
every cell as the English run prints it on the same folder and in the same order, no English
sentence left, its errors in Chinese; in English as before (tests/test_trucks*.py)."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from sim import cli_zh_trucks as zh_trucks
from sim.cli import main
from sim.cli_trucks import LABELS
from sim.cli_zh_trucks import LABELS as ZH_LABELS
from tests import test_trucks
from tests.test_cli_lang_notes import english_left

#: a table's cell: a figure and ``+-`` half its interval (marked where a level's reaches
#: below 0), or ``-``
_CELL = re.compile(r"(?<![\w.])(?:-?\d+\.?\d*(?:\+-\d+\.?\d*)?\u2021?|-)(?=\s|$)")
#: names a Chinese line may keep: a commodity, an option's name, options to type
KEPT = {"general", "slow", "truck", "cost", "reps"}
#: the trucks tests' two runs of seed 1, a baseline and a slower document check: one folder
tiny = test_trucks.tiny
#: what an error line may keep: options, their values and what to type, file and field names
ERROR_KEPT = {"RESULTS", "against", "port", "every", "commodity", "duty", "limit", "gold",
              "nodir", "bordersim", "SCENARIO", "seed", "reps", "days", "json", "meta",
              "scenario", "ports", "advance", "results", "VALUE", "NAME", "base", "other",
              "nolog", "damaged", "none", "compared", "general", "compare", "fleet", "group"}


def _said(argv: list[str], capsys: pytest.CaptureFixture[str], code: int = 0) -> tuple[str, str]:
    capsys.readouterr()
    try:
        got = main(argv)
    except SystemExit as e:
        got = int(e.code or 0)
    assert got == code
    said = capsys.readouterr()
    return said.out, said.err


#: a row's group, a day of arrival's with its space (``day 1``, ``第 1 天``) included
_GROUP = r"^  (day \d+|第 \d+ 天|\S+)"


def _cells(text: str) -> list[list[str]]:
    """The cells of each table row (a line starting with two spaces and a group)."""
    return [_CELL.findall(re.sub(_GROUP, "", ln)) for ln in text.splitlines()
            if ln.startswith("  ") and not ln.startswith("   ") and "：" not in ln
            and ":" not in ln and ln.split()[0] not in {"group", "分组"}]


@pytest.mark.parametrize("by", ["hour", "class", "commodity", "day", "weekday"])
def test_the_trucks_view_in_chinese_has_the_english_cells(tiny, capsys, monkeypatch, by):
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    csv = tiny / f"t-{by}.csv"
    extra = {"hour": ["--against", f"slow={tiny / 'slow'}", "--vs", "06-08", "--csv", str(csv),
                      "--fleet", "40"],
             "class": ["--by", "class", "--truck-cost-per-h", "30"],
             "commodity": ["--by", "commodity", "--commodity", "general"],
             "day": ["--by", "day"], "weekday": ["--by", "weekday"]}[by]
    argv = ["trucks", str(tiny / "base"), "--port", "p", *extra]
    en, en_err = _said(argv, capsys)
    zh, zh_err = _said([*argv, "--lang", "zh"], capsys)
    assert zh.startswith("p") and "2 次重复运行，每次观测 2 天" in zh
    assert "对照驾驶员每日工时上限 12 小时" in zh
    assert "  进口：均值 +- 各次重复运行 95% 区间的半宽" in zh and "周转时间" in zh
    figures = _cells(en)
    assert _cells(zh) == figures and len(figures) >= 2
    assert all(len(r) == len(LABELS) for r in figures)
    assert english_left(zh) == [] and english_left(zh_err) == []
    left = set(re.findall(r"[A-Za-z]{4,}", zh + zh_err.replace(str(csv), ""))) - KEPT
    assert left == set(), left
    if by == "day":  # (a day of arrival in Chinese: the run's day, or a date's weekday)
        assert "\n  第 1 天 周二 " in zh and "\n  第 2 天 周三 " in zh
        assert zh_trucks.group("2026-02-16 Mon") == "2026-02-16 周一"
    if by == "weekday":  # (a day of the week in Chinese)
        assert any(f"\n  {d} " in zh for d in zh_trucks.WEEKDAYS.values()), zh
    if "--against" in argv:
        assert "\nslow 与基准方案对比：\n" in zh
        assert "按车队每日 40 辆货车、每年 365 天计" in zh and "货车在口岸的小时" in zh
        assert "\n各组与 06-08 对比（同一批重复运行）：\n" in zh
        assert zh_err == f"每次重复运行的数据：{csv}\n" and "figures" in en_err
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    assert _said(argv, capsys) == (zh, zh_err)


def test_every_column_has_its_chinese():
    assert list(ZH_LABELS) == list(LABELS)


def test_each_error_is_said_in_chinese(tiny, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    base = str(tiny / "base")
    other = tmp_path / "other"
    shutil.copytree(tiny / "base", other)
    meta = json.loads((other / "meta.json").read_text())
    (other / "meta.json").write_text(json.dumps({**meta, "seed": 7}))
    nolog = tmp_path / "nolog"
    shutil.copytree(tiny / "base", nolog)
    for p in (nolog / "reps").glob("*-log.parquet"):
        p.unlink()
    damaged = tmp_path / "damaged"
    shutil.copytree(tiny / "base", damaged)
    (damaged / "scenario.json").write_text("[]")
    mistakes = [[base], [base, "--port", "x"], [base, "--port", "p", "--vs", "25-26"],
                [base, "--port", "p", "--commodity", "gold"], [str(nolog), "--port", "p"],
                [base, "--port", "p", "--against", f"o={other}"], [str(damaged), "--port", "p"],
                [str(tmp_path / "none"), "--port", "p"], [base, "--every", "5"],
                [base, "--against", "nodir"], [base, "--duty-limit", "0"],
                [base, "--port", "p", "--fleet", "40"],
                [base, "--port", "p", "--fleet-group", "06-08"],
                [base, "--port", "p", "--fleet", "40", "--against", f"o={base}",
                 "--fleet-group", "25-26"]]
    shutil.copytree(tiny / "base", tmp_path / "compared")
    (tmp_path / "compared" / "compare.json").write_text("{}")
    mistakes.append([str(tmp_path / "compared"), "--port", "p"])
    for given in mistakes:
        err = _said(["trucks", *given, "--lang", "zh"], capsys, code=2)[1]
        said = err.splitlines()[-1]
        assert "错误：" in said and "尚无中文" not in said, said
        words = said.split("错误：", 1)[1].replace(str(tiny), "").replace(str(tmp_path), "")
        assert set(re.findall(r"[A-Za-z]{4,}", words)) <= ERROR_KEPT, said
