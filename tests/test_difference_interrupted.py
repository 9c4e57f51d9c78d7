"""``bordersim difference`` with a run that was interrupted (a machine restarted overnight):
compared over the replications each folder finished, paired over those both have under the
same seeds, Welch otherwise, with a line above the table saying so and how to resume it;
a folder with no finished replication refused in one line. The folders are made by ``run``
itself, stopped as Ctrl-C stops it after a given number of replications."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pandas as pd
import pytest

import sim.model.run
from sim.analysis.paired import paired_interval, unpaired_interval
from sim.cli import main
from sim.experiment.store import RunStore
from sim.scenario.loader import load_scenario

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
FAST = ["--days", "2", "--set", "warmup_days=1", "--set", "drain_days=3"]
MORE = ["--set", "ports.sea.scan.scanners.capacity=3"]
METRIC = "clearance_h_mean"


def _run(out: Path, reps: int, extra: list[str], stop_after: int | None = None) -> list[str]:
    """``bordersim run`` into ``out``; with ``stop_after``, interrupted (as Ctrl-C does) once
    that many replications finished. The command line, as ``meta.json`` keeps it."""
    argv = ["run", SMALL, *FAST, "--reps", str(reps), *extra, "--out", str(out)]
    if stop_after is None:
        assert main(argv) == 0
        return argv
    real, calls = sim.model.run.simulate, []

    def stop(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) > stop_after:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sim.model.run, "simulate", stop)
        assert main(argv) == 130  # (interrupted)
    return argv


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Week 1 finished (4 replications); week 2 (one more scanner) interrupted after 2 of 4,
    on the same seeds and on others; one opened but with no replication finished; and one
    that finished 2, was resumed to 4 and stopped after its third (its 2-replication
    summary.json still there)."""
    root = tmp_path_factory.mktemp("interrupted")
    out = {k: root / k for k in ("week1", "week2", "other", "none", "resumed")}
    _run(out["week1"], 4, [])
    _run(out["week2"], 4, MORE, stop_after=2)
    _run(out["other"], 4, [*MORE, "--seed", "7"], stop_after=3)
    none = RunStore(out["none"])  # (what a run killed in its first replication leaves)
    none.open(load_scenario(SMALL), 1, 4, ["bordersim", "run", SMALL, "--out", str(out["none"])])
    _run(out["resumed"], 2, MORE)
    _run(out["resumed"], 4, MORE, stop_after=1)
    return out


def _finished(folder: Path) -> pd.Series:
    """The metric of each replication the folder finished, as its store reads them."""
    store = RunStore.reading(folder)
    reps = sorted(int(p.stem[4:]) for p in store.reps_dir.glob("rep-[0-9][0-9][0-9][0-9].json"))
    return pd.Series({r: store.verify(r)[0][METRIC] for r in reps})


def _json(capsys: pytest.CaptureFixture[str], *args: object) -> dict:
    capsys.readouterr()
    assert main(["difference", *map(str, args), "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


def _resume(folder: Path) -> str:
    """The command that resumes ``folder``: the one that made it, whose record keeps no
    directory of the machine (the scenario relative to where it was typed), with the
    scenario and ``--out`` given again from here, as absolute as the folder is named."""
    words = json.loads((folder / "meta.json").read_text())["command"]
    assert not Path(words[2]).is_absolute() and str(folder) not in words, words
    out = words.index("--out") + 1
    return shlex.join([*words[:2], SMALL, *words[3:out], str(folder), *words[out + 1:]])


def test_paired_over_the_replications_both_finished(runs, capsys):
    got = _json(capsys, runs["week1"], runs["week2"])
    assert got["method"] == "paired" and "paired over the 2 replication(s)" in got["why"]
    assert got["replications"] == {
        "before": {"finished": 4, "planned": 4, "interrupted": False, "resume": None},
        "after": {"finished": 2, "planned": 4, "interrupted": True,
                  "resume": _resume(runs["week2"])},
    }
    before, after = _finished(runs["week1"]), _finished(runs["week2"])
    assert list(after.index) == [0, 1]
    mean, low, high, n = paired_interval(after, before.loc[after.index])
    row = got["metrics"][METRIC]
    assert (row["difference"], row["ci_low"], row["ci_high"]) == pytest.approx((mean, low, high))
    assert row["n_after"] == n == 2 and row["before"] == pytest.approx(before.loc[[0, 1]].mean())


def test_other_seeds_take_welch_over_what_each_finished(runs, capsys):
    got = _json(capsys, runs["week1"], runs["other"])
    assert got["method"] == "unpaired (Welch)"
    mean, low, high = unpaired_interval(_finished(runs["other"]), _finished(runs["week1"]))
    row = got["metrics"][METRIC]
    assert (row["difference"], row["ci_low"], row["ci_high"]) == pytest.approx((mean, low, high))
    assert (row["n_before"], row["n_after"]) == (4, 3)


def test_the_line_above_the_table_gives_the_command_that_resumes_it(runs, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    capsys.readouterr()
    assert main(["difference", str(runs["week2"]), str(runs["week2"]), "--metric", METRIC]) == 0
    out = capsys.readouterr().out
    said = ("an interrupted run, 2 of 4 replications finished; compared over those "
            f"(resume it with: {_resume(runs['week2'])})")
    head = out.split("intervals:")[0]
    assert f"before: {said}" in head and f"after: {said}" in head


def test_a_resumed_run_interrupted_again_is_read_over_what_it_finished(runs, capsys):
    """Its summary.json is the earlier, shorter run's: not taken for this run's."""
    got = _json(capsys, runs["week1"], runs["resumed"])
    assert got["replications"]["after"]["finished"] == 3
    assert got["replications"]["after"]["planned"] == 4
    assert got["metrics"][METRIC]["n_after"] == 3


def test_the_csv_says_what_each_run_finished_of_what_it_planned(runs, capsys, tmp_path):
    file = tmp_path / "diff.csv"
    assert main(["difference", str(runs["week1"]), str(runs["week2"]), "--csv", str(file),
                 "--json"]) == 0
    capsys.readouterr()
    table = pd.read_csv(file)
    row = table[table["metric"] == METRIC].iloc[0]
    got = [row[c] for c in ("finished_before", "planned_before", "finished_after",
                            "planned_after")]
    assert got == [4, 4, 2, 4]


def test_in_chinese_the_interrupted_run_is_said(runs, capsys, monkeypatch):
    from tests.test_cli_lang_notes import english_left

    monkeypatch.setenv("COLUMNS", "400")
    capsys.readouterr()
    assert main(["difference", str(runs["week1"]), str(runs["week2"]), "--metric", METRIC,
                 "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert ("改动后：运行被中断，计划的 4 次重复运行中已完成 2 次；按已完成的重复运行比较"
            f"（续跑命令：{_resume(runs['week2'])}）") in out
    assert "改动前：运行被中断" not in out
    assert "尚无中文" not in out and english_left(out) == [], english_left(out)


def test_an_unknown_resume_command_is_said_in_words():
    from sim.cli_zh_difference import interrupted
    from sim.report.run_difference import Progress

    unknown = Progress(13, 20, True)
    assert unknown.said("after") == (
        "after: an interrupted run, 13 of 20 replications finished; compared over those "
        "(resume it by giving its bordersim run command again with the same --out)")
    assert Progress(13, 20, True, "", "0.1.0+x").said("after").endswith(
        "(resume it with the code that made it (build 0.1.0+x) by giving its bordersim run "
        "command again with the same --out)")
    assert interrupted("after", unknown).endswith(
        "（续跑：以相同的 --out 再次给出其 bordersim run 命令）")


def test_a_run_made_by_other_code_is_resumed_only_by_that_code(runs, capsys, monkeypatch):
    """``run`` refuses to resume a folder another build made: the line names that build."""
    import sim.build
    from sim.cli_zh_difference import interrupted
    from sim.report.run_difference import read_runs

    made = json.loads((runs["week2"] / "meta.json").read_text())["build"]
    monkeypatch.setattr(sim.build, "build", lambda: "0.0.0+other")
    progress = read_runs(runs["week1"], runs["week2"])[1].progress
    assert progress is not None and progress.made_by == made
    assert (f"resume it with the code that made it (build {made}): {_resume(runs['week2'])}"
            in progress.said("after"))
    assert f"（须用生成它的代码（构建 {made}）续跑命令：" in interrupted("after", progress)
    monkeypatch.undo()
    assert read_runs(runs["week1"], runs["week2"])[1].progress.made_by == ""  # type: ignore[union-attr]


@pytest.mark.parametrize("lang,said", [("en", "has no finished replication"),
                                       ("zh", "没有已完成的重复运行")])
def test_a_run_with_no_finished_replication_is_refused(runs, capsys, lang, said):
    capsys.readouterr()
    assert main(["difference", str(runs["week1"]), str(runs["none"]), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:" if lang == "en" else "错误：") and said in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.rstrip().endswith(_resume(runs["none"]))  # (how to finish it)
    assert "尚无中文" not in err


@pytest.mark.parametrize("command", ["report", "workbook", "tables"])
def test_report_workbook_and_tables_say_how_to_resume_it(runs, capsys, tmp_path, command):
    """They need the pooled tables an interrupted run has not written: one line saying so
    and giving the command that resumes it."""
    extra = ["--out", str(tmp_path / "t")] if command == "tables" else []
    capsys.readouterr()
    assert main([command, str(runs["week2"]), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {runs['week2'] / 'summary.json'} is missing")
    assert err.rstrip().endswith(_resume(runs["week2"])) and err.count("\n") == 1
