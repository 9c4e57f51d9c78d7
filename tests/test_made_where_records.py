"""A comparison's ``compare.json`` and a sweep's ``meta.json`` record where they were made
as a run's ``meta.json`` does (:func:`sim.made_where.provenance`), so that a resume and
``bordersim reproduce`` name a change of Python or machine; and a sweep's ``--json-object``
carries the notes and warning records that ``run --json`` and ``compare --json`` carry."""

from __future__ import annotations

import json
import platform
from pathlib import Path

import pytest

from sim.cli import main
from sim.reproduce import Recorded
from sim.reproduce_compare import Outcome, _records
from sim.reproduce_compare import environment as _environment

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
FAST = ["--days", "2", "--reps", "2"]
COMPARE = ["compare", SMALL, *FAST, "--option", "x:ports.sea.review.capacity=4", "--no-report"]
SWEEP = ["sweep", SMALL, *FAST, "--param", "ports.sea.review.capacity=3,4"]
WHERE = ("python", "machine", "platform")


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _older_python(record: Path) -> None:
    """Say in the folder's record that it was made under another Python."""
    meta = _read(record)
    meta["python"] = "3.0.1"
    record.write_text(json.dumps(meta), encoding="utf-8")


def test_a_comparison_records_where_it_was_made_as_a_run_does_and_names_another_python(
        tmp_path, capsys):
    out = tmp_path / "c"
    assert main([*COMPARE, "--out", str(out)]) == 0
    kept, run = _read(out / "compare.json"), _read(out / "options" / "baseline" / "meta.json")
    assert {k: kept[k] for k in WHERE} == {k: run[k] for k in WHERE}
    assert kept["python"] == platform.python_version()
    assert kept["machine"] == platform.machine()
    _older_python(out / "compare.json")
    capsys.readouterr()
    assert main([*COMPARE, "--out", str(out)]) == 0
    assert f"python 3.0.1 -> {platform.python_version()}" in capsys.readouterr().err
    again = tmp_path / "again"  # (a copy of the folder as its re-run: reproduce's records)
    again.mkdir()
    (again / "compare.json").write_text(json.dumps(kept), encoding="utf-8")
    _older_python(out / "compare.json")
    rec = Recorded(out, "compare", Path(SMALL), 1, 2, 2.0, [], ["baseline", "x"])
    said = Outcome(checked_reps=2, all_reps=True)
    _environment(*_records(rec, again), said)
    assert f"python: 3.0.1 in the original, {platform.python_version()} now" in said.environment


def test_a_sweep_records_where_it_was_made_and_its_json_object_carries_its_warnings(
        tmp_path, capsys):
    out = tmp_path / "s"
    assert main([*SWEEP, "--out", str(out), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert isinstance(listed, list) and len(listed) == 2  # (--json alone: the bare list)
    meta = _read(out / "meta.json")
    assert (meta["python"], meta["machine"]) == (platform.python_version(), platform.machine())
    _older_python(out / "meta.json")
    assert main([*SWEEP, "--out", str(out), "--json-object"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["points"] == listed
    resumed = [n for n in said["notes"] if "made in another environment" in n]
    assert resumed and f"python 3.0.1 -> {platform.python_version()}" in resumed[0]
    codes = [r["code"] for r in said["warning_records"]]
    assert "resumed_elsewhere" in codes
    assert codes == [r["code"] for r in _read(out / "warning-records.json")["records"]]


def test_reproduce_names_the_library_and_the_commit_that_differ_not_whole_records(tmp_path):
    """A re-run under one newer library and from another, edited checkout names that library
    with its two versions and the two commits in words, not the two whole records."""
    libraries = {"numpy": "2.4.6", "pandas": "3.1.1", "simpy": "4.1.2"}
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps({"libraries": libraries,
                               "git": {"commit": "48ec9cae5c2f7cefba6b", "dirty": False}}))
    new.write_text(json.dumps({"libraries": {**libraries, "numpy": "2.5.0"},
                               "git": {"commit": "f07d5214f89151efc04c", "dirty": True}}))
    said = Outcome(checked_reps=2, all_reps=True)
    _environment(old, new, said)
    assert said.environment == [
        "libraries: numpy 2.4.6 in the original, numpy 2.5.0 now",
        "git: commit 48ec9cae5c2f in the original, commit f07d5214f891 with changes to "
        "tracked files now",
    ]
    from sim.cli_zh_verdict import _said  # (each line also in Chinese)

    assert _said(said.environment[0]) == "库：原为 numpy 2.4.6，现为 numpy 2.5.0"
    assert _said(said.environment[1]) == ("git 提交：原为 48ec9cae5c2f，现为 f07d5214f891"
                                          "（已跟踪的文件有改动）")
