"""``bordersim report RESULTS_DIR --check``: a results folder read and checked as its report
reads it, with nothing drawn or written; a damaged folder is refused with the very message
the report gives. And a comparison's tables checked by their options' names as well as their
numbers: an option renamed by hand in ``summary.csv`` is damage, not a new option."""

from __future__ import annotations

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
