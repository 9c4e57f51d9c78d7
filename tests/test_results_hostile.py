"""A results folder others may have altered: a report reads its files only as bordersim
writes them, never through a symbolic link (a folder others can write to must not make a
report, often shared, show a file that its reader can read and its writer cannot); JSON
nested too deeply to parse is told as damage naming the file, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
TINY = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2", "--reps", "2"]


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("links")
    assert main(["run", str(SMALL), *TINY, "--out", str(root / "run")]) == 0
    assert main(["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4",
                 *TINY, "--no-report", "--out", str(root / "compare")]) == 0
    return {"run": root / "run", "compare": root / "compare"}


def _linked(folders: dict[str, Path], kind: str, name: str, tmp_path: Path) -> Path:
    """A copy of the folder whose ``name`` is a link to an identical file outside it."""
    folder = tmp_path / kind
    shutil.copytree(folders[kind], folder)
    (folder / "report.html").unlink(missing_ok=True)
    outside = tmp_path / "elsewhere" / Path(name).name
    outside.parent.mkdir()
    (folder / name).replace(outside)
    (folder / name).symlink_to(outside)
    return folder


@pytest.mark.parametrize(
    "kind, name",
    [("run", "summary.json"), ("run", "scenario.json"), ("run", "meta.json"),
     ("run", "replications.csv"), ("compare", "compare.json"), ("compare", "gains.csv"),
     ("compare", "differences.csv")],
)
def test_a_results_file_that_is_a_link_is_refused_by_name(folders, tmp_path, capsys, kind,
                                                           name):
    folder = _linked(folders, kind, name, tmp_path)
    code = main(["report", str(folder)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{folder / name} cannot be read: a symbolic link" in err
    assert not (folder / "report.html").exists()


def test_a_folder_reached_through_a_link_is_read(folders, tmp_path):
    """Only the files are read without following links: the folder itself may be one."""
    link = tmp_path / "latest"
    link.symlink_to(folders["run"])
    out = tmp_path / "r.html"
    assert main(["report", str(link), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


DEEP = "[" * 200_000 + "]" * 200_000


@pytest.mark.parametrize(
    "name", ["summary.json", "meta.json", "scenario.json", "reps/rep-0000.json"]
)
def test_json_nested_too_deeply_is_damage_named_not_a_traceback(folders, tmp_path, capsys,
                                                                 name):
    folder = tmp_path / "run"
    shutil.copytree(folders["run"], folder)
    (folder / "report.html").unlink(missing_ok=True)
    (folder / name).write_text(DEEP, encoding="utf-8")
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {folder / name}") and "Traceback" not in err


def test_a_run_into_a_folder_whose_meta_json_is_nested_too_deeply_is_refused(
    folders, tmp_path, capsys
):
    folder = tmp_path / "run"
    shutil.copytree(folders["run"], folder)
    (folder / "meta.json").write_text(DEEP, encoding="utf-8")
    code = main(["run", str(SMALL), *TINY, "--out", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and f"{folder / 'meta.json'} is damaged" in err
