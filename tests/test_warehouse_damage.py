"""`bordersim tables` refuses a results folder whose exported files are damaged (cut short,
emptied, typed over, deleted), naming the file in one line, instead of writing a warehouse
from them as if whole; a file that is not the table it should be is named, never a
traceback. Short runs of the small scenario only."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from sim.cli import main

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
TINY = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2", "--reps", "2"]


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A run and a comparison of the small scenario (only ever copied, never changed)."""
    base = tmp_path_factory.mktemp("warehouse-damage")
    assert main(["run", SMALL, *TINY, "--out", str(base / "run")]) == 0
    assert main(["compare", SMALL, *TINY, "--no-report", "--out", str(base / "cmp"),
                 "--option", "more_docs:ports.sea.document_check.capacity=4"]) == 0
    return {"run": base / "run", "cmp": base / "cmp"}


def _cut(file: Path) -> None:
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])


def _typed_over(file: Path) -> None:
    """The last figure of the first row one more, as a spreadsheet would save it."""
    lines = file.read_text(encoding="utf-8").split("\n")
    cells = lines[1].split(",")
    i = max(i for i, c in enumerate(cells) if c.replace(".", "").replace("-", "").isdigit())
    cells[i] = str(float(cells[i]) + 1)
    lines[1] = ",".join(cells)
    file.write_text("\n".join(lines), encoding="utf-8")


DAMAGES = {"cut short": _cut, "emptied": lambda f: f.write_bytes(b""),
           "typed over": _typed_over, "deleted": Path.unlink}


def _refused(folder: Path, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
             ) -> str:
    capsys.readouterr()
    assert main(["tables", str(folder), "--out", str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert str(folder / name) in err and "Traceback" not in err
    assert not (tmp_path / "t").exists()  # (nothing exported)
    return err


@pytest.mark.parametrize(("name", "damage"), [
    ("metrics.csv", "typed over"), ("metrics.csv", "deleted"),
    ("class-differences.csv", "emptied"), ("milestone-intervals.csv", "cut short"),
    ("trading-across-borders.csv", "typed over"), ("enforcement-weekly.csv", "deleted"),
    ("seizures-by-layer.csv", "typed over"), ("seizures-by-layer.csv", "deleted"),
])
def test_a_damaged_file_of_a_run_is_refused_by_name(folders, tmp_path, capsys, name, damage):
    folder = shutil.copytree(folders["run"], tmp_path / "run")
    DAMAGES[damage](folder / name)
    err = _refused(folder, name, tmp_path, capsys)
    assert ("is missing" if damage == "deleted" else "does not match") in err


@pytest.mark.parametrize("name", ["differences.csv", "trading-across-borders.csv",
                                  "seizures-by-layer.csv"])
def test_a_comparison_file_typed_over_is_refused_by_its_sealed_checksum(
        folders, tmp_path, capsys, name):
    folder = shutil.copytree(folders["cmp"], tmp_path / "cmp")
    _typed_over(folder / name)
    err = _refused(folder, name, tmp_path, capsys)
    assert "does not match its checksum in" in err and "finished.json" in err


def test_a_comparison_without_its_seal_is_refused(folders, tmp_path, capsys):
    folder = shutil.copytree(folders["cmp"], tmp_path / "cmp")
    (folder / "finished.json").unlink()
    assert "is missing" in _refused(folder, "finished.json", tmp_path, capsys)


def test_a_table_without_its_columns_is_named_not_a_traceback(folders, tmp_path, capsys):
    folder = shutil.copytree(folders["cmp"], tmp_path / "cmp")
    file = folder / "milestone-intervals.csv"
    _cut(file)  # (its last row without its count of replications, which may not be empty)
    seal = json.loads((folder / "finished.json").read_text(encoding="utf-8"))
    seal["files"][file.name] = hashlib.sha256(file.read_bytes()).hexdigest()  # (resealed)
    (folder / "finished.json").write_text(json.dumps(seal), encoding="utf-8")
    err = _refused(folder, file.name, tmp_path, capsys)
    assert "is not the table bordersim writes" in err


def test_the_refusal_is_said_in_chinese(folders, tmp_path, capsys):
    folder = shutil.copytree(folders["run"], tmp_path / "run")
    _typed_over(folder / "metrics.csv")
    capsys.readouterr()
    assert main(["tables", str(folder), "--out", str(tmp_path / "t"), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "不符（已被改动或损坏）" in err and "尚无中文" not in err
