"""A damaged results folder's error and its remedy (sim.report.remedy) in Chinese, as
``report`` and ``workbook`` end their errors with it: each remedy the module can give (a
folder of each kind, with and without its command, a damaged meta.json, other code, failed
replications), and ``report --check`` in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim.build import build
from sim.cli import main
from sim.cli_zh_errors import error_line
from sim.report.remedy import remedy
from tests.test_cli_lang_notes import english_left

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
ERROR = "{}/summary.json cannot be read (Expecting value: line 1 column 1 (char 0))"
#: (kind, its record's file, the record's command, build, failures, record damaged)
CASES = {
    "run again": ("run", "meta.json", ["bordersim", "run", "s.toml", "--reps", "2"], None, 0,
                  False),
    "run, no command": ("run", "meta.json", None, None, 0, False),
    "run, meta damaged": ("run", "meta.json", ["bordersim", "run", "s.toml"], None, 0, True),
    "run, other code": ("run", "meta.json", ["bordersim", "run", "s.toml"], "0.0.1+aa", 0,
                        False),
    "run, failures": ("run", "meta.json", ["bordersim", "run", "s.toml"], None, 2, False),
    "comparison": ("compare", "compare.json", ["bordersim", "compare", "s.toml"], None, 0,
                   False),
    "sweep, no command": ("sweep", "meta.json", None, None, 0, False),
}


def _folder(root: Path, kind: str, record: str, command: list[str] | None, made: str | None,
            failures: int, damaged: bool) -> Path:
    folder = root / "r"
    folder.mkdir()
    meta = {"scenario_hash": "x", "seed": 1, "build": made or build()}
    if command is not None:
        meta["command"] = command
    (folder / record).write_text("{" if damaged else json.dumps(meta), encoding="utf-8")
    if failures:
        (folder / "failures.json").write_text(json.dumps([{}] * failures), encoding="utf-8")
    return folder


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_remedy_is_said_in_chinese_with_its_command_and_paths(case: str, tmp_path: Path):
    folder = _folder(tmp_path, *CASES[case])
    fix = remedy(folder, CASES[case][0])
    zh = error_line(f"{ERROR.format(folder)}; {fix}", "zh")
    assert "尚无中文" not in zh and english_left(zh) == [], zh
    assert zh.startswith(f"错误：{folder}/summary.json 无法读取（不是有效的 JSON：第 1 行"), zh
    assert f"--out {folder}" in zh, zh  # (the command, or the folder to give it)
    for error in (ERROR.format(folder), f"{folder}/summary.json cannot be read: missing"):
        unknown = error_line(f"{error}; {fix.replace('give ', 'gives ')}", "zh")
        assert "尚无中文" in unknown, unknown  # (a remedy not known: all English, marked)


def test_report_check_speaks_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "r"
    assert main(["run", SMALL, "--days", "1", "--reps", "1", "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["report", str(out), "--check", "--lang", "zh"]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"已检查：{out}（一次运行）：报告读取的每个文件都完整且彼此一致"), said
    (out / "summary.json").write_text("garbage", encoding="utf-8")
    assert main(["report", str(out), "--check", "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"错误：{out}/summary.json 无法读取（不是有效的 JSON"), err
    assert "尚无中文" not in err and f"--out {out}" in err, err
    assert main(["report", str(out), "--check"]) == 2
    assert capsys.readouterr().err.startswith(f"error: {out}/summary.json cannot be read")
