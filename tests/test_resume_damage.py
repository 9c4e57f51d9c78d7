"""A results folder damaged on disk (a quota filled mid-write, a job killed, a folder copied
half-finished) and resumed with the same command and ``--out``: each damaged file is either
computed (or written) again, ending with the undamaged folder's results, or refused with one
``error:`` line naming it; never a traceback, never damaged numbers aggregated.

One tiny run, comparison and sweep are made once; each case damages a copy. One damage kind
per file stands for the others that take the same reading path (every file and damage was
tried by hand once; these are the cases kept)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sim.cli import main

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
TINY = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2", "--reps", "2"]
COMMANDS = {
    # (with a reform part-way, so that the run adds its periods' note to warnings.json)
    "run": ["run", SMALL, *TINY, "--set", 'timeline=[{reform = "training", at = "36 h"}]'],
    "compare": ["compare", SMALL, "--option", "review4:ports.sea.review.capacity=4", *TINY,
                "--no-report"],
    "sweep": ["sweep", SMALL, *TINY, "--param", "ports.sea.review.capacity=3,4"],
}
BASE = "options/baseline"


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("undamaged")
    for kind, argv in COMMANDS.items():
        assert main([*argv, "--out", str(root / kind)]) == 0
    return {kind: root / kind for kind in COMMANDS}


def _damage(path: Path, damage: str) -> None:
    if damage == "half":
        os.truncate(path, path.stat().st_size // 2)
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff" * 50)
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "wrong type":
        path.write_text("[]", encoding="utf-8")
    elif damage == "a string":
        path.write_text('"x"', encoding="utf-8")
    elif damage == "bad notes":
        path.write_text('{"notes": 5, "warnings": 5}', encoding="utf-8")
    elif damage == "a folder":  # (a copy's mistake: bordersim never makes one there)
        path.unlink()
        path.mkdir()
    elif damage == "a folder, its record lost":  # (the replication is computed again)
        path.unlink()
        path.mkdir()
        (path.parent / f"{path.name.split('-')[0]}-{path.name.split('-')[1]}.json").unlink()
    else:
        assert damage == "deleted"
        path.unlink()


def _results(kind: str, folder: Path) -> object:
    if kind == "sweep":
        return (folder / "sweep.csv").read_text(encoding="utf-8")
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))


# (kind, file, damage, refused): refused files are records the folder is checked against
CASES = [
    ("run", "reps/rep-0000.json", "half", False),
    ("run", "reps/rep-0001.json", "wrong type", False),
    ("run", "reps/rep-0000-clearance.csv", "garbage", False),
    ("run", "reps/rep-0001.json", "a folder", True),
    ("run", "reps/rep-0001-owners.csv", "a folder", True),
    ("run", "reps/rep-0001-queues.csv", "a folder, its record lost", True),
    ("run", "meta.json", "wrong type", True),
    ("run", "scenario.json", "empty", False),
    ("run", "summary.json", "garbage", False),
    ("run", "warnings.json", "bad notes", False),
    ("compare", f"{BASE}/reps/rep-0000.json", "garbage", False),
    ("compare", f"{BASE}/meta.json", "empty", True),
    ("compare", "compare.json", "half", False),
    ("sweep", "points/p0000-r0000.json", "half", False),
    ("sweep", "points/p0001-r0001.json", "a folder", True),
    ("sweep", "meta.json", "wrong type", False),
    ("sweep", "design.csv", "garbage", False),
]


@pytest.mark.parametrize(("kind", "name", "damage", "refused"), CASES,
                         ids=[f"{k}:{n}:{d}" for k, n, d, _ in CASES])
def test_a_damaged_folder_resumes_to_the_same_results_or_is_refused_by_name(
    folders, tmp_path, capsys, kind, name, damage, refused
):
    folder = tmp_path / kind
    shutil.copytree(folders[kind], folder)
    _damage(folder / name, damage)
    capsys.readouterr()
    code = main([*COMMANDS[kind], "--out", str(folder)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == (2 if refused else 0), err
    if refused:
        errors = [line for line in err.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and str(folder / name) in errors[0], err
        if damage.startswith("a folder"):
            assert errors[0].endswith("is a folder, not a file (the folder is damaged): remove it")
    else:
        assert _results(kind, folder) == _results(kind, folders[kind])


def test_a_damaged_table_is_named_not_its_replications_record(folders, tmp_path, capsys):
    """The note names the table found damaged (the record beside it was sound)."""
    folder = tmp_path / "run"
    shutil.copytree(folders["run"], folder)
    _damage(folder / "reps" / "rep-0001-owners.csv", "deleted")
    (folder / "reps" / "rep-0001-owners.csv").symlink_to(folder / "reps" / "rep-0000-owners.csv")
    capsys.readouterr()
    assert main([*COMMANDS["run"], "--out", str(folder)]) == 0
    err = capsys.readouterr().err
    assert (f"{folder / 'reps' / 'rep-0001.json'}: rep-0001-owners.csv, one of its tables: a "
            "symbolic link") in err, err
    from sim.cli_lang import line

    note = next(x for x in err.splitlines() if "one of its tables" in x)
    assert "其表 rep-0001-owners.csv：是符号链接" in line(note, "zh"), line(note, "zh")
    assert _results("run", folder) == _results("run", folders["run"])


def test_a_folder_that_lost_its_meta_json_resumes_past_a_damaged_warnings_json(
    folders, tmp_path, capsys
):
    """A folder copied half-way (its ``meta.json`` not yet there) is resumed as a new run:
    its damaged ``warnings.json`` is written again, not read."""
    folder = tmp_path / "run"
    shutil.copytree(folders["run"], folder)
    (folder / "meta.json").unlink()
    _damage(folder / "warnings.json", "garbage")
    capsys.readouterr()
    assert main([*COMMANDS["run"], "--out", str(folder)]) == 0
    err = capsys.readouterr().err
    assert f"{folder / 'warnings.json'} was damaged (not valid JSON" in err
    assert _results("run", folder) == _results("run", folders["run"])


def test_the_notes_of_a_repaired_folder_are_said_in_chinese(folders, tmp_path, capsys):
    """``--lang zh``: each damaged file written again, and each replication computed again,
    is told in Chinese, naming the file."""
    folder = tmp_path / "run"
    shutil.copytree(folders["run"], folder)
    _damage(folder / "warnings.json", "bad notes")
    _damage(folder / "reps" / "rep-0000.json", "half")
    _damage(folder / "summary.json", "garbage")
    capsys.readouterr()
    assert main([*COMMANDS["run"], "--out", str(folder), "--lang", "zh"]) == 0
    err = capsys.readouterr().err
    told = [line for line in err.splitlines() if "续算时发现" in line]
    assert any(f"{folder / 'warnings.json'} 已损坏（其 warnings 不是消息列表）" in t for t in told)
    assert any(f"{folder / 'reps' / 'rep-0000.json'}：不是有效的 JSON（可能被截断）；重新计算"
               "重复运行 0" in t for t in told), err
    assert any(f"{folder / 'summary.json'} 与各次重复运行不符" in t for t in told), err
    assert "尚无中文译文" not in err, err  # (the periods' note too: the run has a reform)


@pytest.mark.parametrize("text", ["[]", '"x"', '{"ports": []}', '{"costs": "x"}'])
def test_the_trading_table_reads_a_scenario_json_of_another_shape_as_unknown(tmp_path, text):
    from sim.experiment.trading_table import currency_of, port_modes

    (tmp_path / "scenario.json").write_text(text, encoding="utf-8")
    assert port_modes(tmp_path) == {}
    assert currency_of(tmp_path) == ""
