"""A command's progress in Chinese (``--lang zh``): the first line, each progress line and
the bar's label of run, compare and sweep say what is counted in Chinese; scenario and option
names as written; English as before (tests/test_progress.py)."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from sim.cli import main
from sim.cli_compare_progress import label
from sim.cli_progress import progress
from sim.cli_zh_bar import what_zh

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
TINY = ["--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1"]


@pytest.fixture(autouse=True)
def _no_language_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)


def test_a_runs_progress_lines_are_chinese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BORDERSIM_PROGRESS_EVERY", "0.000001")
    assert main(["run", SMALL, "--reps", "2", *TINY, "--lang", "zh",
                 "--out", str(tmp_path / "o")]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines()
             if line.startswith(("开始", "进度", "started", "progress"))]
    assert lines[0] == "开始：small：重复运行，共 2 次（进度至多每 1e-06 秒显示一行）"
    assert [line.split("）")[0] for line in lines[1:]] == [
        "进度：small：重复运行 1/2（50%", "进度：small：重复运行 2/2（100%"]
    assert all(re.findall(r"\b[A-Za-z]+\b", line) == ["small"] for line in lines), lines


def test_what_each_command_counts_in_chinese():
    each = "small：模拟（每个方案的每次重复运行各一次，共 {n} 个方案）"
    assert what_zh(label("small", ["same"], 1)) == (
        each.format(n=1) + "（不计 'same'：沿用基准方案的结果）")
    assert what_zh(label("small", [], 3)) == each.format(n=3)
    assert what_zh("sweep: point x replication") == "参数扫描：扫描点 × 重复运行"
    assert what_zh("sobol: point x replication") == "Sobol 扫描：取样点 × 重复运行"
    assert what_zh("something new") == "something new"  # (no Chinese: as given)


def test_a_terminals_bar_is_labelled_in_chinese():
    for lang, said in (("zh", "small：重复运行"), ("en", "small: replications")):
        screen = StringIO()
        console = Console(file=screen, force_terminal=True, width=100)
        with progress(console, "small: replications", 2, lang=lang) as bar:
            bar.advance()
            console.print("")  # (the bar is drawn with it)
        assert said in screen.getvalue(), (lang, screen.getvalue())


def test_a_failed_replications_lines_are_chinese(tmp_path, capsys, monkeypatch):
    """``compare --lang zh``: the progress line of a replication that failed (it said
    ``failed: OPTION, replication R`` in English), the error line of each failed replication
    and that of an option none of whose replications finished are Chinese, options by their
    names and the error as raised."""
    from sim.experiment import compare as compare_mod

    real = compare_mod.simulate

    def failing(scenario, seed, replication=0, log=False):
        capacity = scenario.ports["sea"].review.capacity
        if capacity == 5 or (capacity == 4 and replication == 0):
            raise RuntimeError("boom")
        return real(scenario, seed, replication=replication, log=log)

    monkeypatch.setattr(compare_mod, "simulate", failing)
    monkeypatch.setenv("BORDERSIM_PROGRESS_EVERY", "0.000001")
    argv = ["compare", SMALL, "--option", "review4:ports.sea.review.capacity=4", "--option",
            "review5:ports.sea.review.capacity=5", "--reps", "2", *TINY, "--no-report",
            "--no-gains", "--lang", "zh", "--out", str(tmp_path / "c")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "失败：方案 review4，重复运行 0" in err, err
    assert ("错误：方案 review4 的重复运行 0（种子 [1, 0]，情景 small）失败："
            "RuntimeError: boom") in err
    assert "错误：方案 review5 的全部 2 次重复运行都失败了，因此没有结果；第一次（重复运行 0）：" \
        "RuntimeError: boom（全部失败记录见 " in err
    assert not re.search(r"^(error|failed)\b", err, re.M), err  # (no English line left)
