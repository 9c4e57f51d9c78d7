"""A results folder records its command with no directory of the machine it ran on
(sim/experiment/command_paths.py): paths relative to where the command was typed, and that
place relative to the folder, so that ``bordersim reproduce`` still finds what it reads
when run from elsewhere or when the folder moves; a folder written before, with absolute
paths, still reproduces."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sim.cli import main
from sim.experiment.command_paths import located, portable_command, typed_in
from tests.test_compare_checks import SMALL

REPRODUCED = "REPRODUCED: every figure compared is the same, bit for bit"


def test_absolute_paths_become_relative_to_where_the_command_was_typed(tmp_path):
    here = tmp_path / "work"
    words = ["bordersim", "compare", str(tmp_path / "s.toml"), "--days", "2",
             f"--out={tmp_path / 'res' / 'c'}", "--option", f"big:@{here / 'b.toml'},x=1",
             "--observed", "obs.csv", 3]
    assert portable_command(words, here) == [
        "bordersim", "compare", "../s.toml", "--days", "2", "--out=../res/c", "--option",
        "big:@b.toml,x=1", "--observed", "obs.csv", 3]
    assert portable_command(None) is None
    assert typed_in(tmp_path / "res" / "c", here) == "../../work"


def test_a_file_is_located_from_where_the_command_was_typed(tmp_path, monkeypatch):
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "opts.toml").write_text("")
    folder = tmp_path / "res" / "c"
    folder.mkdir(parents=True)
    monkeypatch.chdir(tmp_path)  # (neither where it was typed nor the folder)
    assert located("opts.toml", folder, "../../work") == str(folder / "../../work/opts.toml")
    assert located("opts.toml", folder, None) == "opts.toml"  # (a folder written before)
    assert located("/gone/opts.toml", folder, "../../work") == "/gone/opts.toml"


def _words(record: Path) -> str:
    """Every command a record keeps (its own, its history's), as text."""
    data = json.loads(record.read_text())
    return json.dumps([data.get("command"), [e.get("command") for e in data["history"]]])


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A comparison typed in ``work/`` with absolute paths (the options file beside it)."""
    top = tmp_path_factory.mktemp("machine")
    (top / "work").mkdir()
    opts = top / "work" / "opts.toml"
    opts.write_text('[options.more]\nset = { "ports.sea.scan.scanners.capacity" = 3 }\n')
    here = Path.cwd()
    try:
        os.chdir(top / "work")
        assert main(["compare", str(SMALL.resolve()), "--options-file", str(opts), "--reps",
                     "1", "--days", "1", "--no-report", "--out", str(top / "res" / "c")]) == 0
    finally:
        os.chdir(here)
    return top


def test_a_comparison_records_no_machine_directory(compared):
    folder = compared / "res" / "c"
    for record, up in ((folder / "compare.json", "../.."),
                       (folder / "options" / "more" / "meta.json", "../../../..")):
        said = _words(record)
        assert str(compared) not in said and "opts.toml" in said, said
        assert json.loads(record.read_text())["history"][-1]["typed_in"] == f"{up}/work"
    assert str(compared) not in (folder / "finished.json").read_text()


def test_a_moved_folder_reproduces_from_elsewhere(compared, tmp_path, capsys, monkeypatch):
    """The tree moved (another machine's directories), reproduced from another directory:
    the options file is found from where the command was typed."""
    moved = tmp_path / "elsewhere"
    shutil.copytree(compared, moved)
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    capsys.readouterr()
    assert main(["reproduce", str(moved / "res" / "c"), "--out", str(tmp_path / "again")]) == 0
    assert REPRODUCED in capsys.readouterr().out


def test_a_folder_written_with_absolute_paths_still_reproduces(compared, tmp_path, capsys,
                                                              monkeypatch):
    """The old form: absolute paths in ``command`` and ``history``, no ``typed_in``."""
    old = tmp_path / "old"
    shutil.copytree(compared / "res" / "c", old)
    record = old / "compare.json"
    data = json.loads(record.read_text())
    data["command"] = [str(compared / "work" / w) if w == "opts.toml" else w
                       for w in data["command"]]
    for entry in data["history"]:
        entry["command"], _ = data["command"], entry.pop("typed_in")
    record.write_text(json.dumps(data))
    assert str(compared / "work" / "opts.toml") in _words(record)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["reproduce", str(old), "--out", str(tmp_path / "again")]) == 0
    assert REPRODUCED in capsys.readouterr().out


def test_a_reproduced_sweep_records_no_machine_directory(tmp_path, monkeypatch, capsys):
    """``reproduce`` of a sweep records ``bordersim reproduce FOLDER --out NEW`` as its
    command: the two folders relative to where it was typed, as any other command."""
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    swept, again = tmp_path / "res" / "sweep", tmp_path / "res" / "again"
    assert main(["sweep", str(SMALL.resolve()), "--days", "1", "--reps", "1", "--param",
                 "ports.sea.scan.scanners.capacity=1,2", "--out", str(swept)]) == 0
    assert main(["reproduce", str(swept), "--out", str(again)]) == 0
    assert REPRODUCED in capsys.readouterr().out
    meta = json.loads((again / "meta.json").read_text())
    assert meta["command"] == ["bordersim", "reproduce", "../res/sweep", "--out", "../res/again"]
    assert meta["history"][-1]["typed_in"] == "../../work"
    for record in ("meta.json", "finished.json"):
        assert str(tmp_path) not in (again / record).read_text(), record
