"""argparse's usage errors in Chinese under ``--lang zh`` (or ``BORDERSIM_LANG=zh``): each
message argparse writes, the value and option names kept as typed, exit status 2; in English,
as argparse writes them."""

from __future__ import annotations

import pytest

from sim.cli import main
from sim.cli_zh_usage import translate

#: argv -> (the Chinese error line, the English one)
CASES = {
    ("animate", "--fps", "x"): ("bordersim animate: 错误：参数 --fps：无效的整数值：'x'",
                                "bordersim animate: error: argument --fps: invalid int value: "
                                "'x'"),
    ("run", "--days", "x"): ("bordersim run: 错误：参数 --days：无效的数值：'x'",
                             "bordersim run: error: argument --days: invalid float value: 'x'"),
    ("run", "--executor", "foo"): (
        "bordersim run: 错误：参数 --executor：无效的取值：'foo'（可选：'serial', 'processes', "
        "'dask'）", "bordersim run: error: argument --executor: invalid choice: 'foo' (choose "
        "from 'serial', 'processes', 'dask')"),
    # a choice mistyped gets the one it is near, as a mistyped option does
    ("run", "--executor", "proceses"): (
        "bordersim run: 错误：参数 --executor：无效的取值：'proceses'；是否应为 processes？（可选："
        "'serial', 'processes', 'dask'）", "bordersim run: error: argument --executor: invalid "
        "choice: 'proceses'; did you mean processes? (choose from 'serial', 'processes', 'dask')"),
    ("compare", "--reform", "x"): (
        "bordersim compare: 错误：无法识别的参数：--reform（是否应为 --reforms？）",
        "bordersim compare: error: unrecognized arguments: --reform (did you mean --reforms?)"),
    # a participant's typo of an option: each one asked after, no English "for" left
    ("run", "default", "--day", "7", "--dys", "3"): (
        "bordersim run: 错误：无法识别的参数：--day 7 --dys 3（--day 是否应为 --days？"
        "--dys 是否应为 --days？）",
        "bordersim run: error: unrecognized arguments: --day 7 --dys 3 (did you mean --days "
        "for --day, --days for --dys?)"),
    ("appraise",): ("bordersim appraise: 错误：缺少以下必需参数：RESULTS_DIR",
                    "bordersim appraise: error: the following arguments are required: "
                    "RESULTS_DIR"),
    ("run", "--reps"): ("bordersim run: 错误：参数 --reps：需要一个取值",
                        "bordersim run: error: argument --reps: expected one argument"),
    ("run", "--reps", "0"): ("bordersim run: 错误：参数 --reps：应至少为 1；实际为 0",
                             "bordersim run: error: argument --reps: must be at least 1; got 0"),
}


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as done:
        main(argv)
    return int(done.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize("argv", CASES)
def test_argparses_errors_are_chinese_and_english_as_before(argv: tuple[str, ...], capsys,
                                                            monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    zh, en = CASES[argv]
    status, said = _error(list(argv), capsys)
    assert status == 2 and said.startswith("usage: bordersim") and said.endswith(f"\n{en}\n")
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    status, said = _error(list(argv), capsys)
    assert status == 2 and said.startswith("用法：bordersim") and said.endswith(f"\n{zh}\n")


@pytest.mark.parametrize(("typed", "near"), [("rnu", "run"), ("comapre", "compare"),
                                             ("workbok", "workbook")])
def test_a_mistyped_command_names_the_command_it_is_near(typed: str, near: str, capsys,
                                                         monkeypatch):
    """A workshop's ``bordersim rnu`` got the list of commands and no "是否应为 run"."""
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    status, said = _error([typed], capsys)
    assert status == 2 and f"invalid choice: '{typed}'; did you mean {near}? (choose from" in said
    status, said = _error([typed, "--lang", "zh"], capsys)
    assert status == 2 and f"无效的取值：'{typed}'；是否应为 {near}？（可选：" in said
    status, said = _error(["xyzzy"], capsys)  # (nothing near: the list alone)
    assert "did you mean" not in said and "invalid choice: 'xyzzy' (choose from" in said


def test_lang_zh_on_the_command_line_is_enough(capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    status, said = _error(["run", "--days", "x", "--lang", "zh"], capsys)
    assert status == 2 and said.endswith("错误：参数 --days：无效的数值：'x'\n")
    assert _error(["run", "--days", "x", "--lang=zh"], capsys)[1].endswith("'x'\n")


@pytest.mark.parametrize("first", [["--lang", "zh"], ["--lang=zh"]])
def test_lang_before_the_command_is_the_commands_own(first, capsys, monkeypatch):
    """``bordersim --lang zh run ...`` as ``bordersim run ... --lang zh``: the same error in
    Chinese in both orders, the same refusal where it is given twice; a mistyped command
    or none is the top-level parser's answer in Chinese, never the command "zh"."""
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    before = _error([*first, "run", "--days", "x"], capsys)
    assert before == _error(["run", "--days", "x", *first], capsys), before
    assert before[0] == 2 and before[1].endswith("错误：参数 --days：无效的数值：'x'\n")
    twice = _error([*first, "check", "--lang", "en"], capsys)[1]
    assert "参数 --lang：给出了两次" in twice, twice
    typo = _error([*first, "rnu"], capsys)[1]
    assert "无效的取值：'rnu'；是否应为 run？" in typo and "'zh'" not in typo, typo
    assert _error(first, capsys)[1].endswith("错误：缺少以下必需参数：COMMAND\n")
    english = _error(["--lang", "en", "run", "--days", "x"], capsys)[1]
    assert english.endswith("error: argument --days: invalid float value: 'x'\n"), english


def test_lang_before_the_command_runs_it_in_that_language(capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    assert main(["--lang", "zh", "check", "tests/scenarios/small.toml", "--metrics"]) == 0
    assert "arrivals_per_hour_" in capsys.readouterr().out
    from sim.cli import _build, lang_after_command

    commands = _build()[1]
    assert lang_after_command(["--lang", "zh", "run", "a.toml"], commands) == [
        "run", "--lang", "zh", "a.toml"]


def test_a_message_not_known_stays_english_marked_untranslated():
    marked = "（此条尚无中文译文）something else"
    assert translate("argument --x: something else") == f"参数 --x：{marked}"
    assert translate("something else") == "（此条尚无中文译文）something else"


#: the project's own checks of an argument: argv -> the Chinese after "错误："
OWN = {
    ("sweep", "--param", "x"): "参数 --param：应为 KEY=v1,v2,... 的形式，如 days=7,14；实际为 'x'",
    ("run", "--set", "x"): "参数 --set：应为 KEY=VALUE 的形式，如 warmup_days=1；实际为 'x'",
    ("sweep", "--range", "a"): "参数 --range：应为 KEY=LOW:HIGH 的形式，如 days=7:14；实际为 'a'",
    ("sweep", "--param", "days=a,,b"): "参数 --param：'days=a,,b' 中有空的取值",
    ("run", "--reps", "9999999"): "参数 --reps：重复运行次数最多为 10,000；实际为 9,999,999",
    ("trucks", "--drive-h", "x"): "参数 --drive-h：不是小时数：'x'",
}


@pytest.mark.parametrize("argv", OWN)
def test_the_projects_own_argument_checks_are_chinese(argv: tuple[str, ...], capsys,
                                                      monkeypatch):
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    status, said = _error(list(argv), capsys)
    assert status == 2 and said.endswith(f"错误：{OWN[argv]}\n"), said


def test_a_sobol_without_its_ranges_is_refused_in_chinese(capsys, monkeypatch):
    monkeypatch.setenv("BORDERSIM_LANG", "zh")
    assert main(["sweep", "--sobol", "4"]) == 2
    assert capsys.readouterr().err.strip() == "错误：--sobol 至少需要一个 --range KEY=LO:HI"
