"""``fit-arrivals`` and ``fit-times`` with ``--lang zh``: every comment line in Chinese, the
TOML keys and values byte for byte the English's, and each error line of a bad file in
Chinese with its file, line, column and value."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_zh_fit import ERRORS
from tests.test_cli_lang_notes import english_left


def _arrivals(path: Path) -> Path:
    """Two weeks of hourly counts: weekdays busy at 09:00, weekends at 15:00, the second week
    twice the first (so the shape misfit and the days' dispersion are both said)."""
    rows = ["hour_start,n"]
    for d in range(14):
        day = dt.date(2025, 3, 3) + dt.timedelta(d)
        peak = 9 if day.weekday() < 5 else 15
        for h in range(24):
            rows.append(f"{day} {h:02d}:00,{(1 + d // 7) * (2 + 20 * (h == peak))}")
    path.write_text("\n".join(rows) + "\n")
    return path


def _times(path: Path) -> Path:
    path.write_text("minutes\n" + "\n".join(str(5 + (i * 7) % 23) for i in range(40)) + "\n")
    return path


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def _toml(text: str) -> list[str]:
    """The TOML of a fit's output: comment lines dropped, a value's own comment cut off."""
    return [ln.rpartition("   # ")[0] or ln for ln in text.splitlines() if not ln.startswith("#")]


ARGS = {
    "arrivals": ["fit-arrivals", "{dir}/a.csv", "--column", "hour_start", "--count", "n"],
    "times": ["fit-times", "{dir}/t.csv", "--column", "minutes", "--unit", "min"],
}


@pytest.mark.parametrize("command", list(ARGS))
def test_zh_comments_are_chinese_and_the_toml_is_the_englishs(
        command: str, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    _arrivals(tmp_path / "a.csv")
    _times(tmp_path / "t.csv")
    argv = [a.format(dir=tmp_path) for a in ARGS[command]]
    _, en, _ = _run([*argv, "--lang", "en"], capsys)
    code, zh, err = _run([*argv, "--lang", "zh"], capsys)
    assert code == 0 and err == ""
    assert english_left(zh) == [], english_left(zh)
    assert _toml(zh) == _toml(en) and _toml(en), "the TOML must not change with the language"
    comments = [ln for ln in zh.splitlines() if "#" in ln]
    assert len(comments) == len([ln for ln in en.splitlines() if "#" in ln])
    assert all(any("\u4e00" <= c <= "\u9fff" for c in ln.partition("#")[2]) for ln in comments)
    monkeypatch.setenv("BORDERSIM_LANG", "zh")  # (the variable as --lang zh)
    assert _run(argv, capsys)[1] == zh


def test_the_arrivals_comments_say_the_fit_in_its_terms(tmp_path: Path, capsys) -> None:
    argv = [a.format(dir=tmp_path) for a in ARGS["arrivals"]]
    _arrivals(tmp_path / "a.csv")
    zh = _run([*argv, "--lang", "zh"], capsys)[1]
    assert "卡方" in zh and "自由度" in zh and "泊松" in zh and "周六 15:00：观测" in zh
    assert "a.csv 中的 " in zh and "（14 天）" in zh


def test_the_times_comments_say_the_fit_in_its_terms(tmp_path: Path, capsys) -> None:
    argv = [a.format(dir=tmp_path) for a in ARGS["times"]]
    _times(tmp_path / "t.csv")
    zh = _run([*argv, "--lang", "zh"], capsys)[1]
    for term in ("变异系数", "中位数", "经验分布", "对数正态分布：KS 距离", "伽马分布：KS 距离"):
        assert term in zh, term


#: (file text, command's arguments after the file, what the Chinese line holds)
BAD = {
    "missing column": ("t,n\n2025-03-03 08:00,1\n", ["--column", "when"],
                       ["：首行没有列 'when'；首行的列为 't', 'n'"]),
    "bad time": ("t\n2025-03-03 08:00\nyesterday\n", ["--column", "t"],
                 ["第 3 行，'t' 列：'yesterday' 不是 ISO 8601 格式的日期和时间"]),
    "date alone": ("t\n2025-03-03\n", ["--column", "t"],
                   ["第 2 行，'t' 列：'2025-03-03' 只有日期"]),
    "bad count": ("t,n\n2025-03-03 08:00,two\n", ["--column", "t", "--count", "n"],
                  ["第 2 行，'n' 列：'two' 不是计数"]),
    "short row": ("t,n\n2025-03-03 08:00\n", ["--column", "t"], ["第 2 行：该行有 1 个单元格"]),
    "weekdays missing": ("t\n2025-03-03 08:00\n2025-03-05 09:00\n", ["--column", "t"],
                         ["观测期 2025-03-03 至 2025-03-05（3 天）中没有周四、周五、周六、周日"]),
    "outside the window": ("t\n2025-03-03 08:00\n2025-03-20 09:00\n",
                           ["--column", "t", "--to", "2025-03-10"],
                           ["第 3 行，'t' 列：2025-03-20 09:00 在观测期 2025-03-03 至 "
                            "2025-03-10 之外"]),
    "unit not allowed": ("m\n3\n4\n", ["--unit", "mins"],
                         ["未知单位 'mins'；是否应为 'min'？可用：s, min, h, d, w"]),
    "not a number": ("m\n3\n4\nabc\n", ["--column", "m", "--unit", "min"],
                     ["第 4 行，'m' 列：'abc' 不是数值"]),
    "too long a time": ("3\n4\n900000\n", ["--unit", "min"], ["第 3 个观测值为 900000 min"]),
    "constant": ("3\n3\n", ["--unit", "h"], ["：所有观测值都是 3：请写成固定时长 \"3 h\""]),
    "no such file": (None, ["--unit", "h"], ["：文件不存在"]),
    "empty": ("\n", ["--column", "t"], [" 是空文件"]),
    "no arrival": ("t,n\n", ["--column", "t", "--count", "n"],
                   ["：没有到达记录"]),
    "window reversed": ("t\n2025-03-03 08:00\n", ["--column", "t", "--from", "2025-03-09",
                                                  "--to", "2025-03-03"],
                        ["观测期的最后一天 2025-03-03 早于第一天 2025-03-09"]),
    "two offsets": ("t\n2025-03-03 08:00+08:00\n2025-03-03 09:00+09:00\n", ["--column", "t"],
                    ["第 3 行，'t' 列：时间的 UTC 偏移与第 2 行的不同"]),
    "quote never closed": ('m\n3\n"4\n', ["--column", "m", "--unit", "s"],
                           ["第 3 行，第 1 列：带引号的单元格没有闭合"]),
    "blank line": ("m\n3\n\n4\n", ["--column", "m", "--unit", "s"], ["第 3 行，'m' 列：空行"]),
    "empty cell": ("m,k\n3,1\n,2\n", ["--column", "m", "--unit", "s"],
                   ["第 3 行，'m' 列：空单元格"]),
    "two columns so": ("m,m\n3,1\n", ["--column", "m", "--unit", "s"],
                       ["列 'm' 有歧义", "（第 1, 2 列）"]),
    "column not in times": ("m\n3\n", ["--column", "x", "--unit", "s"], ["的首行没有列 'x'"]),
    "header alone": ("m\n", ["--column", "m", "--unit", "s"], ["没有观测值：首行是表头"]),
    "one observation": ("3\n", ["--unit", "s"], ["实际只有 1 个观测值"]),
    "digits of another syntax": ("m\n3\n1_000\n", ["--column", "m", "--unit", "s"],
                                 ["'1_000' 不是数值；请不带 '_' 书写"]),
    "other digits": ("m\n3\n١٠\n", ["--column", "m", "--unit", "s"],
                     ["第 3 行，'m' 列：'١٠' 不是数值；请只用数字 0-9"]),
    "short row of times": ("m,k\n3,1\n4\n", ["--column", "m", "--unit", "s"],
                           ["第 3 行，'m' 列：该行有 1 个单元格，首行有 2 个"]),
    "text after a quote": ('m\n3\n"4"x\n', ["--unit", "s"],
                           ["第 3 行，第 1 列：无法按 CSV 读取（'\"' 之后应为 ','）"]),
    "quote in arrivals": ('t\n"2025-03-03 08:00\n', ["--column", "t"],
                          ["第 2 行：无法按 CSV 读取（引号闭合之前数据就已结束）"]),
    "two columns named": ("t,t\n2025-03-03 08:00,1\n", ["--column", "t"],
                          ["：首行有 2 列都名为 't'"]),
    "UTF-16": ("t".encode("utf-16"), ["--column", "t"], ["不是 UTF-8 文本（看来是 UTF-16）"]),
    "NUL": ("t\n\0\n", ["--column", "t"], [" 不是文本文件：第 2 行有 NUL 字符"]),
    "a folder": (lambda p: p.mkdir(), ["--column", "t"], [" 是文件夹，不是普通文件"]),
    "a pipe": (os.mkfifo, ["--unit", "s"], [" 是命名管道，不是普通文件"]),
    "a link to nothing": (lambda p: p.symlink_to(p.parent / "gone"), ["--unit", "s"],
                          ["是指向 ", "gone' 的符号链接，而该目标不存在"]),
    "a loop of links": (lambda p: p.symlink_to(p), ["--unit", "s"], [" 是循环的符号链接"]),
}
#: the patterns no case above meets: a system's refusal, and files too big to write in a test
UNMET = ("cannot read", "bytes are read", "bytes; at most", "rows", "is a folder, not a file")


def _make(path: Path, how: str | bytes | Callable[[Path], object] | None) -> None:
    """The case's file: its text or bytes, or made by ``how`` (a folder, a pipe, a link)."""
    if isinstance(how, str):
        path.write_text(how, encoding="utf-8")
    elif isinstance(how, bytes):
        path.write_bytes(how)
    elif how is not None:
        how(path)


def test_every_pattern_meets_the_english_of_a_case(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("BORDERSIM_LANG", "en")
    said = []
    for i, (how, args, _) in enumerate(BAD.values()):
        _make(tmp_path / f"{i}.csv", how)
        command = "fit-times" if "--unit" in args else "fit-arrivals"
        said.append(_run([command, str(tmp_path / f"{i}.csv"), *args], capsys)[2])
    english = [e.removeprefix("error: ").rstrip("\n") for e in said]
    unmet = [p for p, _ in ERRORS if not any(re.fullmatch(p, e) for e in english)]
    assert [p for p in unmet if not any(u in p for u in UNMET)] == []


@pytest.mark.parametrize("case", list(BAD))
def test_an_error_line_is_chinese_with_its_file_and_value(
        case: str, tmp_path: Path, capsys, monkeypatch) -> None:
    text, args, said = BAD[case]
    path = tmp_path / "obs.csv"
    _make(path, text)
    command = "fit-times" if "--unit" in args else "fit-arrivals"
    code, out, err = _run([command, str(path), *args, "--lang", "zh"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("错误：") and "尚无中文" not in err, err
    assert english_left(err) == [], err
    for words in said:
        assert words in err, err
    if case not in ("unit not allowed", "window reversed"):  # (the options', not the file's)
        assert repr(str(path)) in err, err  # (the file as the English names it)
    monkeypatch.setenv("BORDERSIM_LANG", "en")
    assert _run([command, str(path), *args], capsys)[2].startswith("error: ")


def test_a_bad_from_date_is_a_chinese_usage_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["fit-arrivals", str(_arrivals(tmp_path / "a.csv")), "--column", "hour_start",
              "--from", "2025/03/03", "--lang", "zh"])
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert "错误：参数 --from：不是 2025-03-03 格式的日期：'2025/03/03'" in err, err
