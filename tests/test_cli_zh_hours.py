"""``bordersim hours RESULTS_DIR --lang zh`` and its ``--week``, ``--day``, ``--peak`` and
``--recovery`` views: the lines in Chinese with the English figures in the same order,
ports, lanes and options by their names; in English as before."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from tests.test_cli_lang_notes import english_left

SMALL = str(Path(__file__).resolve().parent / "scenarios" / "small.toml")
#: each view's English line, as it was (a figure, a name)
ENGLISH = {
    "": r"\S+  \d\d:00  \w+ \d+\.\d\d \(queue \d+\.\d\)(  binding)?",
    "--week": r"\S+  (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:00  \w+ \d+\.\d\d \(queue \d+\.\d\)"
              r"(  binding)?",
    "--day": r"\S+  day \d+  \w+ \d+\.\d\d \(queue \d+\.\d, at most \d+\.\d\)(  binding)?"
             r"(; longest queue \w+, at most \d+\.\d)?",
    "--peak": r"\S+  \w+  peak queue \d+\.\d on day \d+ at \d\d:\d\d \(mean \S+ over the "
              r"observed days\); (back to the mean \d+ h later|not back to the mean before the "
              r"run ends)",
    "--recovery": r"\S+  \w+  [+-]\d+\.\d above the baseline on day \d+ at \d\d:00 \(queue "
                  r"\d+\.\d, baseline \d+\.\d\); (back to the baseline's queue \d+ h later|not "
                  r"back to the baseline's queue before the run ends)",
}
_FIGURE = re.compile(r"(?<![\w.])[+-]?\d+(?:\.\d+)?(?:e[+-]\d+)?")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hours-zh") / "cmp"
    down = "capacity_windows=[{port='sea', lane='scanners', at='8 d', lasts='12 h', servers=0}]"
    argv = ["compare", SMALL, "--option", f"down:{down}", "--reps", "1", "--days", "3",
            "--out", str(out), "--no-report"]
    assert main(argv) == 0
    return out


@pytest.fixture(scope="module")
def tables(folder: Path) -> dict[str, pd.DataFrame]:
    """Each view's table of the comparison (read once: the views' lines are tested on them)."""
    from sim.report.daily_use import daily_use
    from sim.report.folder import read_compare
    from sim.report.hourly_use import hourly_use, observed_window
    from sim.report.peak_backlog import peak_backlog
    from sim.report.recovery import excess_backlog

    _, variants = read_compare(folder)
    q, base = variants["down"].tables["queues"], variants["baseline"].tables["queues"]
    window = observed_window(variants["down"].scenario)
    return {"": hourly_use(q, window, False), "--week": hourly_use(q, window, True),
            "--day": daily_use(q, window), "--peak": peak_backlog(q, window),
            "--recovery": excess_backlog(q, base, window)}


def _lines(view: str, table: pd.DataFrame, lang: str) -> list[str]:
    from sim import cli_zh_hours as zh
    from sim.report import daily_use, hourly_use, peak_backlog, recovery

    if lang == "zh":
        said = {"": zh.busiest_lines, "--day": zh.daily_lines, "--peak": zh.peak_lines,
                "--recovery": zh.excess_lines}
        return zh.busiest_lines(table, True) if view == "--week" else said[view](table)
    en = {"": hourly_use.busiest_lines, "--day": daily_use.daily_lines,
          "--peak": peak_backlog.peak_lines, "--recovery": recovery.excess_lines}
    return hourly_use.busiest_lines(table, True) if view == "--week" else en[view](table)


@pytest.mark.parametrize("view", list(ENGLISH), ids=lambda v: v or "hour")
def test_each_view_in_chinese_has_the_english_figures(tables, view: str):
    en, zh = _lines(view, tables[view], "en"), _lines(view, tables[view], "zh")
    said = "\n".join(zh)
    assert len(zh) == len(en) > 0 and "尚无中文" not in said
    assert english_left(said) == [], english_left(said)
    assert all(re.fullmatch(ENGLISH[view], ln) for ln in en), en[:3]
    assert _FIGURE.findall(said) == _FIGURE.findall("\n".join(en))
    assert [ln.split()[0] for ln in zh] == [ln.split()[0] for ln in en]  # (the port)
    lanes = [re.findall(r"\w+_\w+", ln) for ln in en]  # (lanes named with a _)
    assert [re.findall(r"\w+_\w+", ln) for ln in zh] == lanes


def test_hours_in_chinese_on_the_command_line(folder, capsys, tmp_path):
    capsys.readouterr()
    csv = tmp_path / "rec.csv"
    assert main(["hours", str(folder), "--recovery", "--csv", str(csv), "--lang", "zh"]) == 0
    got = capsys.readouterr()
    assert got.out.startswith("down：\nsea  scanners  超出基准方案 +")
    assert got.out.endswith("\n天数自运行开始计：第 0 天为预热期第一天（预热 7 天），"
                            "观测期为第 7 至 9 天\n")
    assert got.err == f"各方案高于基准方案的积压：{csv}\n"
    assert english_left(got.out) == []
    assert main(["hours", str(folder), "--day", "--peak", "--lang", "zh"]) == 2
    assert capsys.readouterr().err.startswith("错误：")


#: a mistake (what follows ``hours FOLDER``) -> its English error, word for word
MISTAKES = {
    ("--week", "--day"): "error: --week and --day are different views: give one",
    ("--port", "nope"): "error: --port 'nope': no such port in {f}; its ports: sea",
    ("--recovery", "--week"): "error: --recovery is a view of its own: give it without --week, "
                              "--day or --peak",
    ("sweep",): "error: {f} is a sweep's folder: give a run's or a comparison's (a sweep keeps "
                "no queue samples)",
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_hours_errors_in_chinese_and_english_as_before(folder, mistake, capsys, monkeypatch):
    monkeypatch.delenv("BORDERSIM_LANG", raising=False)
    if mistake == ("sweep",):
        monkeypatch.setattr("sim.report.folder.kind_of", lambda _: "sweep")
    argv = ["hours", str(folder), *(a for a in mistake if a != "sweep")]
    assert main(argv) == 2
    assert capsys.readouterr().err == MISTAKES[mistake].format(f=folder) + "\n"
    assert main([*argv, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "尚无中文" not in err and english_left(err) == [], err


def test_recovery_without_a_baseline_in_chinese(folder, capsys):
    import argparse

    from sim.cli_hours import _recovery

    for lang in ("en", "zh"):
        args = argparse.Namespace(folder=folder, week=False, day=False, peak=False, lang=lang)
        assert _recovery(args, "run", {}) == 2
        err = capsys.readouterr().err
        if lang == "en":
            assert err == (f"error: --recovery needs a comparison's folder with a baseline and "
                           "an option (bordersim compare SCENARIO --option "
                           f"NAME:@DISRUPTION.toml); {folder} has no baseline to set the queues "
                           "against\n")
        else:  # (the command to copy kept as it is written)
            form = "bordersim compare SCENARIO --option NAME:@DISRUPTION.toml"
            assert f"（{form}）" in err, err
            assert "尚无中文" not in err and english_left(err.replace(form, "")) == [], err
