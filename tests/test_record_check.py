"""A results folder's record against itself (:mod:`sim.record_check`): a comparison's
``compare.json`` against its options' ``meta.json``, and the recorded command against the
seed, days and replications the record gives, so that an edited seed or ``--days`` is named
by ``bordersim reproduce --check-only`` instead of passing as written."""

from __future__ import annotations

import json
from pathlib import Path

from sim.record_check import record_problems
from sim.report.zh_reasons import reason


def _folder(tmp_path: Path, options: list[str]) -> Path:
    """A comparison's records as ``bordersim compare --days 2 --reps 3`` writes them."""
    command = ["bordersim", "compare", "small.toml", "--days", "2", "--reps", "3", "--out", "x"]
    shared = {"seed": 1, "days": 2.0, "warmup_days": 7.0, "drain_days": 7.0,
              "scenario_hash": "ab"}
    (tmp_path / "compare.json").write_text(json.dumps({**shared, "reps": 3,
                                                       "command": command}))
    for name in options:
        (tmp_path / "options" / name).mkdir(parents=True)
        meta = {**shared, "scenario_hash": "ab" if name == "baseline" else "cd", "reps": 3}
        (tmp_path / "options" / name / "meta.json").write_text(json.dumps(meta))
    return tmp_path


def _edit(path: Path, **fields: object) -> None:
    data = json.loads(path.read_text())
    data.update(fields)
    path.write_text(json.dumps(data))


def test_an_agreeing_record_has_no_problem(tmp_path):
    folder = _folder(tmp_path, ["baseline", "s2"])
    assert record_problems(folder, "compare", ["baseline", "s2"]) == []


def test_a_seed_edited_in_compare_json_is_named_against_each_option(tmp_path):
    folder = _folder(tmp_path, ["baseline", "s2"])
    _edit(folder / "compare.json", seed=7)
    problems = record_problems(folder, "compare", ["baseline", "s2"])
    assert problems == [
        f"{folder / 'compare.json'}: seed is 7, but {folder / 'options' / name / 'meta.json'} "
        "records 1 (its replications ran under that): one of them was edited after the "
        "comparison" for name in ("baseline", "s2")]
    zh = reason(problems[0].partition(": ")[2])
    assert zh is not None and "记录的 seed 为 7" in zh, zh


def test_the_baselines_scenario_hash_must_be_the_comparisons(tmp_path):
    folder = _folder(tmp_path, ["baseline", "s2"])
    _edit(folder / "options" / "baseline" / "meta.json", scenario_hash="ef")
    [problem] = record_problems(folder, "compare", ["baseline", "s2"])
    assert "scenario_hash is 'ab', but" in problem


def test_the_command_must_give_what_the_record_says(tmp_path):
    folder = _folder(tmp_path, ["baseline"])
    command = json.loads((folder / "compare.json").read_text())["command"]
    _edit(folder / "compare.json", command=[*command[:4], "5", *command[5:]])
    [problem] = record_problems(folder, "compare", ["baseline"])
    assert problem == (f"{folder / 'compare.json'}: its command gives --days 5, but its days "
                       "is 2.0: the command or the record was edited after the run")
    assert reason(problem.partition(": ")[2]) == (
        "其命令给出 --days 5，但记录的 days 为 2.0：运行后命令或记录被改动")
    _edit(folder / "compare.json", command=[*command, "--seed=3"])
    assert record_problems(folder, "compare", ["baseline"])[0].endswith(
        "its command gives --seed 3, but its seed is 1: the command or the record was edited "
        "after the run")


def test_what_the_command_does_not_fix_is_not_checked(tmp_path):
    """--reps beside --precision (replications added until a target holds), --days beside
    --set days= and a folder made from Python (no bordersim command) are not held to it."""
    folder = _folder(tmp_path, ["baseline"])
    run = ["bordersim", "run", "s.toml", "--precision", "0.1", "--reps", "9", "--days", "9",
           "--set", "days=2"]
    (folder / "meta.json").write_text(json.dumps({"seed": 1, "days": 2.0, "reps": 14,
                                                  "command": run}))
    assert record_problems(folder, "run", [""]) == []
    _edit(folder / "meta.json", command=["python", "study.py", "--reps", "9"])
    assert record_problems(folder, "run", [""]) == []
