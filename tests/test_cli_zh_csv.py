"""A CSV whose content is wrong, with ``--lang zh``: a vessel schedule with a missing or
doubled column, a short row, an empty cell, a bad number, hours out of order, a negative or
fractional count, no call, calls after arrivals stop or all in the warm-up, and an empirical
distribution's CSV with a negative value or no unit: each is said in Chinese with its file,
row, column and value kept; so is an observed-figures CSV (``--observed``) with a column
unknown or missing, a value not a number, a share above 1, a negative time, a metric twice
or an interval not around its figure; and every message the schedule's and the empirical
distribution's checks can raise has a Chinese pattern."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

from sim.cli import main
from sim.cli_zh_errors import error_line
from tests.message_samples import messages_of
from tests.test_cli_lang_notes import english_left

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "scenarios" / "small.toml"  # (7 days of warm-up, 7 observed)

#: case -> (the schedule CSV, what its Chinese line holds)
SCHEDULES: dict[str, tuple[str, str]] = {
    "empty": ("", "船期表 CSV 文件 'calls.csv' 是空文件；其首行应写列名 hours,declarations"),
    "missing column": ("hours,boxes\n6,10\n", "首行没有 'declarations' 列"),
    "column twice": ("hours,hours,declarations\n6,7,10\n", "首行有 2 列都名为 'hours'"),
    "short row": ("hours,declarations\n6,10\n7\n", "第 3 行：该行有 1 个单元格，而首行有 2 列"),
    "not a number": ("hours,declarations\n6,10\n3x,10\n", "第 3 行，'hours' 列：'3x' 不是数字"),
    "empty cell": ("hours,declarations\n6,10\n7,\n", "第 3 行，'declarations' 列：空单元格"),
    "out of order": ("vessel,hours,declarations\nA,6,10\nB,30,10\nC,20,10\n",
                     "第 4 行，'hours' 列：20 早于上一次靠泊的 30"),
    "negative count": ("hours,declarations\n6,10\n30,-3\n",
                       "第 3 行，'declarations' 列：不允许 -3；应为 1 至 100,000 的整数"),
    "negative hour": ("hours,declarations\n-6,10\n", "第 2 行，'hours' 列：不允许 -6.0"),
    "no call": ("hours,declarations\n", "船期表 CSV 文件 'calls.csv' 没有任何靠泊"),
    "quote": ('hours,declarations\n6,10\n"7,10\n', "无法按 CSV 读取：引号闭合之前数据就已结束"),
    "after the run": ("hours,declarations\n6,10\n900,10\n",
                      "1 次靠泊（从第 2 次、第 900 小时起）在到港截止之后，到港在第 336 小时截止"),
    "all in the warm-up": ("hours,declarations\n6,10\n",
                           "所有靠泊都在预热期内（最后一次在第 6 小时）"),
}


def _said(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main([*argv, "--lang", "zh"])
    err = capsys.readouterr().err
    assert code != 0 and err.startswith("错误：") and err.count("\n") == 1, err
    assert "尚无中文" not in err and english_left(err) == [], err
    return err


@pytest.mark.parametrize("case", list(SCHEDULES))
def test_a_schedule_csv_whose_content_is_wrong_is_said_in_chinese(
        case: str, tmp_path: Path, capsys) -> None:
    text, zh = SCHEDULES[case]
    (tmp_path / "calls.csv").write_text(text, encoding="utf-8")
    (tmp_path / "s.toml").write_text(
        f'extends = "{SMALL}"\n[ports.sea.arrivals]\nschedule = "calls.csv"\n')
    err = _said(["check", str(tmp_path / "s.toml")], capsys)
    assert f"错误：{tmp_path / 's.toml'}：ports.sea.arrivals.schedule" in err, err
    assert zh.replace("'calls.csv'", repr(str(tmp_path / "calls.csv"))) in err, err


#: an empirical distribution's CSV (its field written after it) -> what its line holds
EMPIRICAL = {
    ("minutes\n5\n-2\n", 'column = "minutes", unit = "min"'):
        "经验分布（empirical）的第 2 个值为 -2 min；每个值须为有限数，≥ 0 且 ≤ 8760 h",
    ("minutes\n5\n2\n", 'column = "minutes"'): "时长的经验分布 CSV 需要 'unit'（单位）",
    ("minutes\n5\nnan\n", 'column = "minutes", unit = "min"'):
        "带单位的经验分布值应为纯数字：应为有限的数字；实际为 nan",
}


@pytest.mark.parametrize("case", list(EMPIRICAL))
def test_an_empirical_csv_whose_content_is_wrong_is_said_in_chinese(
        case: tuple[str, str], tmp_path: Path, capsys) -> None:
    (tmp_path / "t.csv").write_text(case[0], encoding="utf-8")
    (tmp_path / "s.toml").write_text(
        f'extends = "{SMALL}"\n[ports.sea.document_check]\n'
        f'service = {{dist = "empirical", csv = "t.csv", {case[1]}}}\n')
    err = _said(["check", str(tmp_path / "s.toml")], capsys)
    assert "ports.sea.document_check.service = " in err and EMPIRICAL[case] in err, err


#: an observed-figures CSV (--observed) -> what its Chinese line holds beside its path
OBSERVED = {
    "": "是空文件；其首行应写列名（metric, observed",
    "metric,obsrved\n": "第 1 行（表头）：未知的列 'obsrved'；可用的列：metric, observed",
    "metric,label\nx,y\n": "第 1 行（表头）：缺少必填的 'observed' 列",
    "metric,observed\n": "只有表头，没有数据",
    "metric,observed\nexam_rate,6%\n": "第 2 行，'observed' 列：'6%' 不是数字（只用数字、'.' 和"
                                       "指数）；比例请写成小数（6% 即 0.06）",
    "metric,observed\nclearance_h_mean,3\nclearance_h_mean,4\n":
        "第 3 行，'metric' 列：'clearance_h_mean' 给出了两次（第 2 行也有）",
    "metric,observed\nclearance_h_mean,-3\n":
        "第 2 行，'observed' 列：clearance_h_mean 是时间，应为 0 或更大；实际为 -3",
    "metric,observed\ninspection_rate,7\n":
        "第 2 行，'observed' 列：inspection_rate 是比例，取 0 至 1；实际为 7（7% 应写作 0.07）",
    "metric,observed,observed_low,observed_high\nclearance_h_mean,3,4,5\n":
        "第 2 行，'observed_low'、'observed_high' 列：[4, 5] 不包含观测值 3",
    "metric,observed,observed_low,observed_high\nclearance_h_mean,3,,5\n":
        "第 2 行，'observed_low' 列：为空；请给出观测值 95% 区间的两端，或都不给",
}


@pytest.mark.parametrize("text", list(OBSERVED))
def test_observed_figures_whose_content_is_wrong_are_said_in_chinese(
        text: str, tmp_path: Path, capsys) -> None:
    (tmp_path / "f.csv").write_text(text, encoding="utf-8")
    err = _said(["run", str(SMALL), "--observed", str(tmp_path / "f.csv"), "--days", "1",
                 "--out", str(tmp_path / "out")], capsys)
    assert repr(str(tmp_path / "f.csv")) in err and OBSERVED[text] in err, err


#: a sample of each value a message gives (by its expression's source)
SAMPLES: dict[str, list[object]] = {
    "extra": [["hours"]], "str(path)": ["/w/c.csv"], "str(base)": ["/w"],
    "len(self.hours)": [3], "len(self.declarations)": [2], "MAX_CALLS": [100_000],
    "where": ["schedule csv '/w/c.csv' row 17", "call 17"], "t": [-6.5, 21.5],
    "HOURS_ALLOWED": ["hours from the run's start (the warm-up's first day, 00:00), a number "
                      "0 or more"],
    "SIZE_ALLOWED": ["a whole number of declarations, 1 to 100,000"],
    "previous": [30.5], "size": [-3], "what": ["schedule csv '/w/c.csv'", "the schedule"],
    "name": ["'/w/c.csv'"], "exc": ["unexpected end of data", "',' expected after '\"'"],
    "distributions.py:exc": ["expected a finite number; got nan"],
    "len(row)": [1], "len(header)": [2], "line": [17],
    "problem": ["does not name", "names 2 times"], "column": ["declarations"],
    "', '.join(COLUMNS)": ["hours, declarations"],
    "empty": ["an empty cell", "'3x', not a number",
              "a cell not shown (long or unusual), not a number"],
    "allowed": ["hours from the run's start (the warm-up's first day, 00:00), a number 0 or "
                "more", "a whole number of declarations, 1 to 100,000"],
    "len(late)": [4], "i + 1": [17], "schedule.hours[i]": [900.5], "schedule.hours[-1]": [6.5],
    "run": ["arrivals stop at hour 1056 (14 days of warm-up, then 30 observed days; hours "
            "count from the warm-up's first day)"],
    "len(self.values)": [1_000_001], "limits.MAX_OBSERVATIONS": [1_000_000],
    "self._written_value(written, i, v)": ["-2 min", "1e+09"], "self._cap": [8760.0, 1e9],
    "' h' if self._cap == limits.MAX_DURATION_H else ''": [" h", ""],
    "d.unit": ["mn"], "unknown_unit(d.unit)": [
        "did you mean 'min'? allowed: s, min, h, d, w (or second, minute, hour, day, week)"],
}
#: messages said elsewhere: a FileProblem's (tests/test_cli_zh_files.py), a reason passed on
SKIP = {"f'schedule csv {name} {exc}'", "str(exc)", "message"}
#: the values a Chinese line keeps as written
KEPT = ("'/w/c.csv'", "17", "-6.5", "30.5", "-3", "100,000", "'3x'", "1056", "900.5",
        "1,000,001", "1,000,000", "-2 min", "1e+09", "8760", "'declarations'")
#: the functions whose messages are a CSV's content (a schedule's, an empirical's)
SOURCES = {"schedule.py": None, "distributions.py": {"Empirical", "_empirical_values"}}


def _messages() -> list[str]:
    """Every message the schedule's checks and the empirical distribution's can raise (of a
    ``ValueError(...)`` or an ``AtField(where, ...)``)."""
    out = []
    for name, within in SOURCES.items():
        tree = ast.parse((ROOT / "sim" / "scenario" / name).read_text(encoding="utf-8"))
        roots = [n for n in tree.body if within is None or getattr(n, "name", "") in within]
        out += messages_of(roots, {"ValueError": 0, "AtField": 1}, SAMPLES, name, SKIP)
    return out


def test_every_message_of_a_csvs_content_has_a_chinese_pattern() -> None:
    messages = _messages()
    assert len(messages) >= 40, messages  # (each check's message: none left out unseen)
    heads = ("{}", "/w/s.toml: ports.sea.arrivals.schedule = 'c.csv': {}")
    for message, head in itertools.product(messages, heads):
        said = error_line(head.format(message), "zh")
        assert "尚无中文" not in said and english_left(said) == [], said
        for kept in KEPT:
            assert kept not in message or kept in said, (kept, said)


def test_a_field_a_schedule_replaces_is_said_in_chinese(tmp_path: Path) -> None:
    """A --set of a scheduled port's rate acts on nothing: its reason is said in Chinese."""
    from sim.report.zh_reasons import reason
    from sim.scenario.loader import load_scenario
    from sim.scenario.schedule import unscheduled_fields

    (tmp_path / "calls.csv").write_text("hours,declarations\n6,10\n200,10\n", encoding="utf-8")
    (tmp_path / "s.toml").write_text(
        f'extends = "{SMALL}"\n[ports.sea.arrivals]\nschedule = "calls.csv"\n')
    why = unscheduled_fields(load_scenario(tmp_path / "s.toml"))["ports.sea.arrivals.rate"]
    said = reason(f"ports.sea.arrivals.rate: {why}; ports.sea.arrivals.hourly: {why}")
    assert said is not None and english_left(said) == [], said
    assert said.startswith("ports.sea.arrivals.rate：口岸 'sea' 的靠泊来自其船期表"
                           "（ports.sea.arrivals.schedule）"), said
