"""A results folder that cannot be resumed, and a file that cannot be written, with ``--lang
zh``: each refusal of a run's, a comparison's and a sweep's folder and each write error is
said in Chinese with its paths, builds, seeds, fields and values kept; a part of a list no
pattern knows leaves the whole message in English, marked untranslated; and every
``StoreMismatch``/``WriteError`` message the stores can give has a pattern."""

from __future__ import annotations

import ast
import errno
import os
from pathlib import Path

import pandas as pd
import pytest

import sim.experiment.store as store
from sim.cli import main
from sim.cli_zh_errors import error_line
from sim.experiment import compare, sweep_differs
from sim.experiment.store import scenario_differences
from tests.message_samples import messages_of
from tests.test_cli_lang_notes import english_left

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "scenarios" / "small.toml"
_OLD = {"days": 14, "ports": {"sea": {"rate": "3/d", "label": "Sea"}}, "gone": [1, 2]}
_NEW = {"days": 28, "ports": {"sea": {"rate": "4/d"}}, "gone": [1, 2], "added": True}
#: how a run's folder may differ (RunStore._other_scenario, and the seed)
RUN_PARTS = [
    "seed 1 (this run: seed 2)",
    "scenario 'mm1' (its scenario.json cannot be read to say what differs)",
    "scenario 'mm1' with other settings (its resolved scenario differs)",
    f"scenario 'small' with {', '.join(scenario_differences(_OLD, _NEW))} and 2 more field(s)",
    f"scenario 'small' with {', '.join(scenario_differences(1, 2))}, seed 1 (this run: seed 2)",
]
#: how a comparison's folder may differ (sim.experiment.compare._folder_differs)
_THEN = [("baseline", '{"overrides": {}}'), ("x", '{"overrides": {"a.b": "3/h"}}')]
COMPARE_PARTS = [
    compare._unlike(_THEN, [_THEN[0], ("y", "{}")]),
    compare._unlike(_THEN, [_THEN[0], ("x", '{"overrides": {"a.b": "4/h"}}')]),
    compare._unlike([("x", '{"scenario": "o.toml", "scenario_hash": "a"}')],
                    [("x", '{"scenario": "o.toml", "scenario_hash": "b"}')]),
    "of scenario 'small', not 'default'", "of 14 observed days, not 21",
    f"of scenario 'small' with {', '.join(scenario_differences(_OLD, _NEW)[:4])}",
    "of scenario 'small' with other settings", "with seed 1, not 2",
]
#: how a sweep's folder may differ (sim.experiment.sweep_differs)
_DESIGN = pd.DataFrame({"days": [1, 2, 3, 4, 5]})
SWEEP_PARTS = [
    "parameters days (this sweep: warmup_days)", "parameters unknown (this sweep: days)",
    *sweep_differs._flags(["bordersim", "sweep", "--param", "days=1,2", "--grid"],
                          ["bordersim", "sweep", "--param", "days=1,3"]),
    *sweep_differs._overrides({"days": 2, "x.y": "3/h"}, {"z": [1, 2]}),
    "2 points (this sweep: 3)", "seed 1 (this sweep: 5)",
    "point 0: days 1 (this sweep: 2), point 1: days 2 (this sweep: 3), point 2: days 3 "
    "(this sweep: 4) and 2 more",
    "scenario 'a' (this sweep: 'b'), whose points' scenarios differ",
    f"scenario 'a' with {', '.join(scenario_differences(_OLD, _NEW, this='this sweep')[:3])}"
    " and 2 more field(s)",
]
#: why a folder's record is damaged (sim.experiment.store.identity)
DAMAGE = ["not valid JSON", "not valid JSON (truncated?)", "empty", "not a JSON object",
          "it lacks scenario_hash, seed", "missing", "a folder, not a file",
          "Permission denied", store.read_problem(OSError(errno.ELOOP, "loop"))]
#: the system's reasons a file cannot be written, as a WriteError gives them (lower case)
SYSTEM = ["permission denied", "read-only file system", "no space left on device",
          "no such file or directory"]

#: a sample of each value the stores' messages give (by its expression's source)
SAMPLES: dict[str, list[str]] = {
    "path": ["/r/c/meta.json"], "self.path": ["/r/c"], "p": ["/r/c"], "meta_path": ["/r/c/m"],
    "self.reps_dir": ["/r/c/reps"], "folder": ["/r/c"], "made": ["0.1.0+aa"],
    "build()": ["0.1.0+bb"], "path.name": ["meta.json"], "found": ["run", "sweep", "compare"],
    "_KINDS[found]": ["a run", "a sweep"], "_KINDS[kind]": ["a comparison"],
    "inside": ["", ", so /r/c/x cannot be made in it"], "whose": ["run", "sweep", "comparison"],
    "reason": DAMAGE, "_kind(mode)": ["a folder", "a named pipe", "a device", "a socket",
                                      "not a regular file"],
    "why": SYSTEM, "', '.join(links)": ["meta.json, reps"],
    "', '.join(foreign[:3])": ["a.txt, b.txt"], "old.get('kind')": ["run", "compare"],
    "', '.join(what)": RUN_PARTS, "'; '.join(found)": [*SWEEP_PARTS, "; ".join(SWEEP_PARTS)],
    "'; '.join((d for d, _ in differ))": [*COMPARE_PARTS, "; ".join(COMPARE_PARTS)],
    "what": ["options", "scenario, days, seed and options"],
    "target": ["/r/c/report.html"], "target.parent": ["/r/c"], "own": ["/r/c/report-zh.html"],
    "args.folder / report_name(args.lang)": ["/r/c/report.html"],
}
SOURCES = ("experiment/store.py", "experiment/sweep_store.py", "experiment/compare.py",
           "report/folder_report.py", "report/workbook.py", "cli_report.py")


def _messages(source: Path) -> list[str]:
    """Every message a ``StoreMismatch(...)`` or ``WriteError(...)`` in ``source`` can give,
    each value sampled."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return messages_of([tree], {"StoreMismatch": 0, "WriteError": 0}, SAMPLES, source.name)


def _zh(message: str) -> str:
    said = error_line(message, "zh")
    assert "尚无中文" not in said and english_left(said) == [], (message, said)
    return said


def test_every_store_refusal_and_write_error_has_a_chinese_pattern() -> None:
    messages = [m for n in SOURCES for m in _messages(ROOT / "sim" / n)]
    assert len(messages) >= 80, len(messages)  # (each form, each listed part: none unseen)
    for message in messages:
        said = _zh(message)
        for kept in ("/r/c", "0.1.0+aa", "0.1.0+bb", "ports.sea.rate", '"4/d"',
                     "days=1,3", "a.txt, b.txt", "scenario_hash, seed", "'mm1'"):
            assert kept not in message or kept in said, (message, said)


@pytest.mark.parametrize(("message", "chinese"), [
    ("/r/c already exists and is not a bordersim comparison folder; choose another --out "
     "folder", "/r/c 已存在，且不是 bordersim 方案比较（compare）的结果文件夹"),
    ("/r/c is already open for another scenario or seed", "/r/c 已为另一情景或随机种子打开"),
    ("/r/c already holds results of another run: seed 1 (this run: seed 2); choose another "
     "--out folder", "另一次运行的结果：随机种子 1（本次运行：随机种子 2）；请用 --out 另选文件夹"),
    ("/r/s already holds another sweep: --days 2 (this sweep: 3); resume it with the same "
     "points, settings and seed, or choose another --out folder", "--days 为 2（本次扫描：3）"),
    ("/r/s already holds another sweep: --grid yes (this sweep: not given); resume it with the "
     "same points, settings and seed, or choose another --out folder",
     "：--grid 已给出（本次扫描：未给出）；"),
    ("/r/c holds a comparison with seed 1, not 2; resume it with the same scenario, days, seed "
     "and options, or choose another --out",
     "随机种子为 1，而非 2；请用相同的情景、天数、随机种子和方案"),
    ("cannot write /r/c/reps/rep-0001.json: it is a folder, not a file",
     "无法写入 /r/c/reps/rep-0001.json：它是文件夹，不是文件"),
    ("cannot write /r/c/report.html: /r/c is a file, not a folder",
     "无法写入 /r/c/report.html：/r/c 是文件而不是文件夹"),
    ("cannot write /r/c/report.html: permission denied", "无法写入 /r/c/report.html：没有权限"),
])
def test_each_form_is_said_in_chinese_with_its_words(message: str, chinese: str) -> None:
    assert chinese in _zh(message)


@pytest.mark.parametrize("message", [
    "/r/c already holds results of another run: colour red (this run: blue); choose another "
    "--out folder",
    "/r/c already holds results of another run: scenario 'a' with days 1 (this run: 2), "
    "weather is rainy; choose another --out folder",
    "/r/s already holds another sweep: seed 1 (this sweep: 2); the moon is full; resume it "
    "with the same points, settings and seed, or choose another --out folder",
    "/r/c holds a comparison of other options (a; this run: b); with wind from the west; "
    "resume it with the same options, or choose another --out",
    "/r/c/meta.json is damaged (eaten by a goat), so the folder cannot be checked against this "
    "run; to resume, delete meta.json and give the same command again (each finished "
    "replication is checked against this run by its checksum and identity, and one that does "
    "not match is computed again), or choose another --out folder",
    "cannot write /r/c/x.json: the disk is on fire",
])
def test_a_part_no_pattern_knows_leaves_the_whole_message_untranslated(message: str) -> None:
    assert error_line(message, "zh") == f"错误：（此条尚无中文译文）{message}"


def _said(argv: list[str], capsys: pytest.CaptureFixture[str], code: int) -> str:
    assert main([*argv, "--lang", "zh"]) == code
    err = capsys.readouterr().err
    assert "错误：" in err and "尚无中文" not in err and english_left(err) == [], err
    return err


def test_a_run_resumed_with_another_seed_is_refused_in_chinese(tmp_path, capsys) -> None:
    run = ["run", str(SMALL), "--days", "1", "--reps", "1", "--out", str(tmp_path / "r")]
    assert main(run) == 0
    capsys.readouterr()  # (the first run's own notes, in English)
    err = _said([*run, "--seed", "9"], capsys, 2)
    assert f"{tmp_path / 'r'} 已存放另一次运行的结果：随机种子 1（本次运行：随机种子 9）" in err


def test_a_file_that_cannot_be_written_is_said_in_chinese(tmp_path, capsys, monkeypatch) -> None:
    real = os.replace

    def refused(src: object, dst: object) -> None:  # (a test run as root writes anywhere)
        if str(dst).endswith("summary.csv"):
            raise PermissionError(errno.EACCES, "Permission denied")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(store.os, "replace", refused)
    out = tmp_path / "r"
    err = _said(["run", str(SMALL), "--days", "1", "--reps", "1", "--out", str(out)], capsys, 1)
    assert f"错误：无法写入 {out / 'summary.csv'}：没有权限" in err, err
