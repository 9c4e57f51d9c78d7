"""``bordersim report RESULTS_DIR --check``: a results folder read and checked as its report
reads it, with nothing drawn or written; a damaged folder is refused with the very message
the report gives. And a comparison's tables checked by their options' names as well as their
numbers: an option renamed by hand in ``summary.csv`` is damage, not a new option."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from sim.cli import main

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
COMPARE = ["compare", SMALL, "--option", "r4:ports.sea.review.capacity=4", "--days", "1",
           "--reps", "2", "--no-report"]  # fmt: skip


@pytest.fixture(scope="module")
def compared(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("check") / "c"
    assert main([*COMPARE, "--out", str(out)]) == 0
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_whole_folder_is_checked_and_nothing_is_written_or_drawn(compared, capsys, monkeypatch):
    before = _files(compared)

    def no_drawing(*args, **kwargs):
        raise AssertionError("a check draws no figure")

    monkeypatch.setattr("matplotlib.figure.Figure.savefig", no_drawing)
    open_figures = plt.get_fignums()  # (those other tests in this process left open)
    capsys.readouterr()
    assert main(["report", str(compared), "--check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"checked: {compared} (a comparison): every file")
    assert "nothing written" in out
    assert _files(compared) == before  # (no report.html, nothing changed)
    assert plt.get_fignums() == open_figures  # (every figure the check built was closed)


@pytest.mark.parametrize("name", ["summary.csv", "differences.csv"])
def test_an_option_renamed_in_a_table_is_refused_by_the_check_as_by_the_report(
    compared, tmp_path, capsys, name
):
    folder = Path(shutil.copytree(compared, tmp_path / "c"))
    path = folder / name
    lines = path.read_text().splitlines(keepends=True)
    option = lines[1].split(",", 1)[0]
    lines[1] = lines[1].replace(option, f"{option}_x", 1)  # (the numbers untouched)
    path.write_text("".join(lines))
    capsys.readouterr()
    assert main(["report", str(folder), "--check"]) == 2
    checked = capsys.readouterr()
    assert main(["report", str(folder)]) == 2
    reported = capsys.readouterr()
    assert checked.err == reported.err
    assert checked.err.startswith(f"error: {path} does not match the replications")
    assert not (folder / "report.html").exists() and checked.out == ""


def test_a_run_folder_is_checked_too_and_check_takes_no_out(tmp_path, capsys):
    out = tmp_path / "r"
    assert main(["run", SMALL, "--days", "1", "--reps", "1", "--out", str(out)]) == 0
    (out / "report.html").unlink(missing_ok=True)
    capsys.readouterr()
    assert main(["report", str(out), "--check"]) == 0
    assert capsys.readouterr().out.startswith(f"checked: {out} (a run)")
    assert not (out / "report.html").exists()
    with pytest.raises(SystemExit) as exc:
        main(["report", str(out), "--check", "--out", str(tmp_path / "r.html")])
    assert exc.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


# -- files the report vouches for but does not work out again (sim.report.unread_files) --------


def _damaged(compared: Path, tmp_path: Path, name: str, damage: str) -> Path:
    folder = Path(shutil.copytree(compared, tmp_path / "c"))
    path = folder / name
    if damage == "missing":
        path.unlink()
    elif damage == "half a line":  # (cut in the middle, as an interrupted copy leaves it)
        raw = path.read_bytes()
        cut = len(raw) // 2
        while raw[cut - 1: cut + 1].count(b"\n"):  # (not at a line's end: within one)
            cut += 1
        os.truncate(path, cut)
    else:  # not parseable
        path.write_bytes(b"\0{{{\n")
    return folder


def _refused(folder: Path, capsys, *more: str) -> str:
    capsys.readouterr()
    assert main(["report", str(folder), *more]) == 2
    said = capsys.readouterr()
    assert said.out == "" and len(said.err.splitlines()) == 1
    assert not (folder / "report.html").exists() and not (folder / "report-zh.html").exists()
    return said.err


REPAIR = "; to resume the comparison and repair the folder, give the same command again ("


@pytest.mark.parametrize("damage", ["missing", "half a line", "not parseable"])
@pytest.mark.parametrize("name", ["metrics.csv", "interactions.csv", "finished.json"])
def test_a_sealed_table_damaged_is_refused_naming_it_and_the_command(
    compared, tmp_path, capsys, name, damage
):
    folder = _damaged(compared, tmp_path, name, damage)
    err = _refused(folder, capsys)
    what = {"missing": "is missing (the folder is incomplete or damaged)",
            "finished.json": "cannot be read ("}.get(damage if damage == "missing" else name,
                                                   f"does not match its checksum in {folder}")
    assert err.startswith(f"error: {folder / name} {what}"), err
    assert REPAIR in err and err.rstrip().endswith(f"--out {folder}")
    assert "give the command that made the folder again" not in err  # (named, not in general)


@pytest.mark.parametrize("damage", ["missing", "half a line", "not parseable"])
def test_warning_records_damaged_are_refused(compared, tmp_path, capsys, damage):
    folder = _damaged(compared, tmp_path, "warning-records.json", damage)
    err = _refused(folder, capsys)
    what = "is missing" if damage == "missing" else "cannot be read"
    assert err.startswith(f"error: {folder / 'warning-records.json'} {what}"), err
    assert REPAIR in err


def test_warning_records_whose_counts_disagree_are_refused_by_the_check(compared, tmp_path,
                                                                        capsys):
    folder = Path(shutil.copytree(compared, tmp_path / "c"))
    file = folder / "warning-records.json"
    data = json.loads(file.read_text())
    assert len(data["records"]) > 1  # (a short run's notes)
    data["records"] = data["records"][1:]
    file.write_text(json.dumps(data))
    err = _refused(folder, capsys, "--check", "--lang", "zh")
    assert err.startswith(f"错误：{file} 不是 bordersim 写入的内容"
                          "（其中的计数与记录不符）；要续跑"), err


def test_a_comparison_made_from_python_needs_no_warning_records(compared, tmp_path, capsys):
    folder = _damaged(compared, tmp_path, "warning-records.json", "missing")
    record = json.loads((folder / "compare.json").read_text())
    (folder / "compare.json").write_text(json.dumps({**record, "command": None}))
    from sim.report.unread_files import check_unread_files

    check_unread_files(folder)  # (no error)


def test_a_sealed_table_changed_is_refused_in_chinese(compared, tmp_path, capsys):
    folder = _damaged(compared, tmp_path, "metrics.csv", "half a line")
    err = _refused(folder, capsys, "--lang", "zh")
    assert err.startswith(f"错误：{folder / 'metrics.csv'} 与 {folder / 'finished.json'} 中记录的"
                          "校验和不符（已被改动或损坏）；要续跑该方案比较并修复文件夹，"
                          "请再次给出同一命令"), err
