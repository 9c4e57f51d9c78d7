"""Where a command cannot write (a read-only results folder on a share, a docs folder where
there is none to be had) it says so in one line naming the path and --out, before the work,
never with a traceback or an errno."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import sim.report.folder_report
from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


def test_a_results_folder_that_cannot_be_written_is_said_before_the_report(
    tmp_path, capsys, monkeypatch
):
    folder = tmp_path / "run"
    argv = ["run", str(SMALL), "--days", "1", "--reps", "1", "--json", "--out", str(folder)]
    assert main(argv) == 0
    capsys.readouterr()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: real(p, mode) and Path(p) != folder)

    def render(*args: object) -> str:
        raise AssertionError("the report was made")

    monkeypatch.setattr(sim.report.folder_report, "render_folder", render)
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"error: cannot write {folder / 'report.html'}: the results folder cannot be written; "
        "give --out a file in a folder that can be (the results are only read)"
    ]
    assert not (folder / "report.html").exists()


def test_a_folder_that_is_no_results_folder_is_still_said_first(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    assert main(["report", str(tmp_path)]) == 2
    assert "is not a bordersim results folder" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["a-file/docs", "a-file"])
def test_docs_where_they_cannot_be_written(tmp_path, capsys, where):
    (tmp_path / "a-file").write_text("")
    out = tmp_path / where
    status = main(["docs", "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 1, err
    assert err.startswith(f"error: cannot write {out}/"), err
    assert err.rstrip().endswith("; give --out a folder that can be written"), err
    assert "Errno" not in err and "Traceback" not in err
