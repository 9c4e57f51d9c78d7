"""A results folder records the code that made it (sim.build), and is never resumed by other
code: its replications would mix two versions of the model, as the version number alone
stays the same from commit to commit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sim.build import LIBRARIES, build
from sim.cli import main
from sim.experiment.store import _canonical, _sha256

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
RUN = ["run", str(SMALL), "--days", "1"]


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("made") / "r"
    assert main([*RUN, "--reps", "2", "--out", str(out)]) == 0
    return out


def _copy(made: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(made, tmp_path / "copy"))


def test_a_folder_records_the_code_libraries_and_machine_that_made_it(made):
    meta = json.loads((made / "meta.json").read_text())
    assert meta["build"] == build() and meta["build"].startswith(meta["version"] + "+")
    assert set(meta["libraries"]) == set(LIBRARIES) and meta["libraries"]["numpy"]
    assert meta["machine"]
    rep = json.loads((made / "reps" / "rep-0000.json").read_text())
    assert rep["build"] == build()


def test_resuming_with_other_code_is_refused(made, tmp_path, capsys):
    folder = _copy(made, tmp_path)
    meta = json.loads((folder / "meta.json").read_text())
    meta["build"] = "0.1.0+000000000000"  # (as if the code changed between the two commands)
    (folder / "meta.json").write_text(json.dumps(meta))
    before = sorted(p.name for p in (folder / "reps").iterdir())
    assert main([*RUN, "--reps", "4", "--out", str(folder)]) == 2
    err = capsys.readouterr().err
    assert (f"{folder} holds replications made by other code (build 0.1.0+000000000000; "
            f"this code is {build()})") in err, err
    assert "mix the results of two versions of the model" in err
    assert sorted(p.name for p in (folder / "reps").iterdir()) == before  # nothing added


def test_a_folder_from_before_builds_were_recorded_still_resumes(made, tmp_path, capsys):
    folder = _copy(made, tmp_path)
    meta = json.loads((folder / "meta.json").read_text())
    del meta["build"]
    (folder / "meta.json").write_text(json.dumps(meta))
    assert main([*RUN, "--reps", "3", "--out", str(folder)]) == 0
    capsys.readouterr()


def test_a_replication_made_by_other_code_is_not_read_as_this_runs(made, tmp_path, capsys):
    """One replication copied in from a run of other code (its checksum intact): the report
    says it and meta.json disagree; resuming computes it again."""
    folder = _copy(made, tmp_path)
    path = folder / "reps" / "rep-0001.json"
    record = json.loads(path.read_text())
    record.pop("checksum")
    record["build"] = "0.1.0+000000000000"
    record["checksum"] = _sha256(_canonical(record))
    path.write_text(json.dumps(record))
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "build '0.1.0+000000000000'" in err, err
    assert main([*RUN, "--reps", "2", "--out", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "computing replication 1 again" in err, err
    assert json.loads(path.read_text())["build"] == build()


def test_resuming_a_sweep_with_other_code_is_refused(tmp_path, capsys):
    cap = "ports.sea.document_check.capacity"
    argv = ["sweep", str(SMALL), "--days", "1", "--lhs", "2", "--range", f"{cap}=1:4",
            "--reps", "1", "--out", str(tmp_path / "s")]  # fmt: skip
    assert main(argv) == 0
    meta_path = tmp_path / "s" / "meta.json"
    meta = json.loads(meta_path.read_text())
    assert meta["build"] == build() and set(meta["libraries"]) == set(LIBRARIES)
    meta["build"] = "0.1.0+000000000000"
    meta_path.write_text(json.dumps(meta))
    capsys.readouterr()
    assert main([*argv[:-4], "--reps", "2", "--out", str(tmp_path / "s")]) == 2
    err = capsys.readouterr().err
    assert "holds points made by other code (build 0.1.0+000000000000" in err, err


# -- logs: every replication's, or the report says whose --------------------------------------
def _metrics(folder: Path) -> list[dict]:
    return [json.loads((folder / "reps" / f"rep-{r:04d}.json").read_text())["metrics"]
            for r in range(2)]  # fmt: skip


def test_resuming_with_log_runs_the_replications_without_one_again(made, tmp_path, capsys):
    folder = _copy(made, tmp_path)
    before = _metrics(folder)
    assert main([*RUN, "--reps", "2", "--log", "--out", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "replication 0 was run without its log (--log): computed again" in err, err
    assert all((folder / "reps" / f"rep-{r:04d}-log.parquet").exists() for r in range(2))
    assert _metrics(folder) == before  # (the same seed: the same results)


def test_a_replication_run_again_without_its_log_leaves_no_stale_log(tmp_path, capsys):
    """A replication computed again without --log (its record was lost) takes its old log
    away; the report says from how many replications' logs its tail comes."""
    folder = tmp_path / "r"
    assert main([*RUN, "--reps", "2", "--log", "--out", str(folder)]) == 0
    (folder / "reps" / "rep-0000.json").unlink()
    assert main([*RUN, "--reps", "2", "--out", str(folder)]) == 0
    assert not (folder / "reps" / "rep-0000-log.parquet").exists()
    assert (folder / "reps" / "rep-0001-log.parquet").exists()
    capsys.readouterr()
    assert main(["report", str(folder)]) == 0
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert ("from every consignment of the kept logs (1 of 2 replications: the others kept "
            "none)") in page


def test_the_report_reads_no_log_its_replication_does_not_list(made, tmp_path, capsys):
    """A log left in the folder by another run (not in its replication's checksummed
    record) is not read as this run's."""
    folder = _copy(made, tmp_path)
    other = tmp_path / "other"
    assert main([*RUN, "--reps", "1", "--seed", "9", "--log", "--out", str(other)]) == 0
    shutil.copy(other / "reps" / "rep-0000-log.parquet", folder / "reps")
    capsys.readouterr()
    assert main(["report", str(folder)]) == 0
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert "from every consignment of the kept logs" not in page
    assert "run with --log for every consignment" in page


def test_temporary_files_a_kill_left_are_cleared_on_resume(made, tmp_path, capsys):
    """A kill between a temporary file's write and its rename leaves ``.<name>.*.tmp``: the
    resumed run clears them, and a folder holding only one (killed at its first write) is
    still this run's to resume."""
    folder = _copy(made, tmp_path)
    left = [folder / ".summary.json.abc.tmp", folder / "reps" / ".rep-0001.json.xyz.tmp"]
    for path in left:
        path.write_text("{")
    assert main([*RUN, "--reps", "2", "--out", str(folder)]) == 0
    assert not any(p.exists() for p in left)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / ".meta.json.q1.tmp").write_text("{")
    assert main([*RUN, "--reps", "1", "--out", str(fresh)]) == 0
    assert not (fresh / ".meta.json.q1.tmp").exists()
    capsys.readouterr()


def test_a_folders_logs_name_their_replication(tmp_path):
    """Each replication's Parquet log begins with its ``replication`` column: a folder's logs
    concatenated (a Dask or pandas user's first step) keep where each consignment came from;
    the rest is the run's log as the Python API gives it."""
    import pandas as pd

    import sim

    folder = tmp_path / "r"
    assert main([*RUN, "--reps", "2", "--log", "--out", str(folder)]) == 0
    logs = [pd.read_parquet(folder / "reps" / f"rep-{r:04d}-log.parquet") for r in range(2)]
    both = pd.concat(logs, ignore_index=True)
    assert both.columns[0] == "replication"
    assert both.groupby("replication").size().to_dict() == {0: len(logs[0]), 1: len(logs[1])}
    again = sim.simulate(sim.load_scenario(folder / "scenario.json"), 1, replication=1, log=True)
    pd.testing.assert_frame_equal(logs[1].drop(columns="replication"), again.log)
