"""``bordersim report`` and the atomic writer: a ``--out`` that cannot be written is one line
naming it (exit 2), never an OS error quoting a temporary file; and a run folder whose files
were edited so that they disagree (scenario.json with meta.json, summary.json with the
replications, meta.json's seed with the replications) is reported as damaged."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

import sim.experiment.store as store
from sim.cli import main
from sim.experiment.store import WriteError, atomic_write

SMALL = Path(__file__).parent / "scenarios" / "small.toml"


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory) -> Path:
    """A run of the small scenario: one day, two replications."""
    out = tmp_path_factory.mktemp("run") / "r"
    assert main(["run", str(SMALL), "--reps", "2", "--days", "1", "--out", str(out)]) == 0
    return out


def _copy(run_folder: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "copy"
    shutil.copytree(run_folder, folder)
    (folder / "report.html").unlink(missing_ok=True)
    return folder


def _report(capsys, *argv: str) -> tuple[int, str]:
    code = main(["report", *argv])
    return code, capsys.readouterr().err


# -- report --out ----------------------------------------------------------------------------


def test_out_inside_a_file_says_the_file_is_not_a_folder(run_folder, tmp_path, capsys):
    afile = tmp_path / "afile"
    afile.write_text("x")
    out = afile / "x.html"
    code, err = _report(capsys, str(run_folder), "--out", str(out))
    assert code == 2
    assert err == f"error: cannot write {out}: {afile} is a file, not a folder\n"
    assert afile.read_text() == "x"


def test_out_in_a_folder_that_does_not_exist_is_refused_not_made(run_folder, tmp_path, capsys):
    out = tmp_path / "typo" / "deeper" / "r.html"
    code, err = _report(capsys, str(run_folder), "--out", str(out))
    assert code == 2
    assert err == (
        f"error: cannot write {out}: the folder {out.parent} does not exist; create it first, "
        "or give --out a file in a folder that exists\n"
    )
    assert not (tmp_path / "typo").exists()


def test_out_naming_a_folder_says_so_without_a_temporary_name(run_folder, tmp_path, capsys):
    code, err = _report(capsys, str(run_folder), "--out", str(tmp_path))
    assert code == 2
    assert err == f"error: cannot write {tmp_path}: it is a folder, not a file\n"
    assert ".tmp" not in err
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_out_naming_a_pipe_is_refused_not_replaced(run_folder, tmp_path, capsys):
    # (a pipe of its own, not a device: were the check gone, the rename would replace it)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, err = _report(capsys, str(run_folder), "--out", str(fifo))
    assert code == 2
    assert err == f"error: cannot write {fifo}: it is a named pipe, not a file\n"
    assert fifo.is_fifo()


def test_a_failed_write_names_the_file_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    def full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(src), None, str(dst))

    monkeypatch.setattr(store.os, "replace", full)
    target = tmp_path / "summary.json"
    with pytest.raises(WriteError) as exc:
        atomic_write(target, "{}")
    assert str(exc.value) == f"cannot write {target}: no space left on device"
    assert list(tmp_path.iterdir()) == []


# -- scenario.json against meta.json's scenario_hash -----------------------------------------


def _edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2))


def test_an_edited_scenario_json_is_reported_as_damage(run_folder, tmp_path, capsys):
    folder = _copy(run_folder, tmp_path)
    _edit_json(folder / "scenario.json", lambda d: d.update(days=30.0))  # a 1-day run
    code, err = _report(capsys, str(folder))
    assert code == 2
    assert err == (
        f"error: {folder / 'scenario.json'} does not match the scenario_hash of "
        f"{folder / 'meta.json'} (one of them was changed or damaged): the scenario shown "
        "would not be the one run\n"
    )
    assert not (folder / "report.html").exists()


def test_an_edited_run_length_in_meta_json_is_reported_as_damage(run_folder, tmp_path, capsys):
    """The report says how long the run was from meta.json: an edited length there is
    caught against the checksummed scenario (it was shown: 'observed days 56.0' for 1)."""
    folder = _copy(run_folder, tmp_path)
    _edit_json(folder / "meta.json", lambda d: d.update(days=56.0))
    code, err = _report(capsys, str(folder))
    assert code == 2 and "meta.json says days = 56.0, but the scenario run" in err, err
    assert not (folder / "report.html").exists()


def test_resuming_notices_an_edited_scenario_json_and_writes_it_again(
    run_folder, tmp_path, capsys
):
    folder = _copy(run_folder, tmp_path)
    original = (folder / "scenario.json").read_text()
    _edit_json(folder / "scenario.json", lambda d: d.update(days=30.0))
    argv = ["run", str(SMALL), "--reps", "2", "--days", "1", "--out", str(folder)]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert (
        f"note: {folder / 'scenario.json'} did not match the scenario_hash of meta.json "
        "(changed or damaged); written again from the scenario of this run"
    ) in err, err
    assert json.loads((folder / "scenario.json").read_text()) == json.loads(original)
    assert main(["report", str(folder), "--check"]) == 0


def test_an_untouched_folder_reports_and_resumes_without_a_note(run_folder, tmp_path, capsys):
    folder = _copy(run_folder, tmp_path)
    assert main(["run", str(SMALL), "--reps", "2", "--days", "1", "--out", str(folder)]) == 0
    assert "did not match" not in capsys.readouterr().err
    assert main(["report", str(folder), "--check"]) == 0


# -- summary.json against the replications ---------------------------------------------------


def _999(d: dict) -> None:
    d["clearance_h_mean"]["mean"] = 999


def test_an_edited_summary_json_is_reported_as_damage(run_folder, tmp_path, capsys):
    folder = _copy(run_folder, tmp_path)
    _edit_json(folder / "summary.json", _999)
    code, err = _report(capsys, str(folder))
    assert code == 2
    assert err.startswith(
        f"error: {folder / 'summary.json'} does not match the replications in "
        "replications.csv (changed or damaged); to resume the run and repair the folder, give "
        "the same command again"
    )  # (which writes it again from them)
    assert not (folder / "report.html").exists()


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.pop("clearance_h_mean"),
        lambda d: d["clearance_h_mean"].update(ci_low=None),
        lambda d: d["clearance_h_mean"].update(mean="8.5"),
        lambda d: d["clearance_h_mean"].update(shown_low=-1.0),
        lambda d: d["clearance_h_mean"].pop("shown_high"),
        lambda d: d["clearance_h_mean"].update(n=1),
        lambda d: d.clear(),
        lambda d: (d.clear(), d.update(x=1)),
        lambda d: (d.clear(), d.update(clearance_h_mean=5)),
        lambda d: d["consignments_arrived"].update(mean="abc"),
        lambda d: d.pop("consignments_arrived"),
    ],
    ids=[
        "a metric removed",
        "an interval removed",
        "a number as text",
        "a shown bound changed",
        "a shown bound removed",
        "a count of replications changed",
        "emptied",
        "another object",
        "a metric without its statistics",
        "the arrivals' mean as text",
        "the arrivals removed",
    ],
)
def test_a_summary_json_changed_otherwise_is_damage_too(run_folder, tmp_path, capsys, change):
    """Damage, with how to repair it; never read as a run in which nothing arrived (an
    emptied summary said 'no consignment arrived ... check the arrival rates')."""
    folder = _copy(run_folder, tmp_path)
    _edit_json(folder / "summary.json", change)
    code, err = _report(capsys, str(folder))
    assert code == 2 and "summary.json does not match the replications" in err, err
    assert "give the same command again" in err and "no consignment arrived" not in err, err


def test_a_summary_json_written_before_shown_bounds_is_not_damage(run_folder, tmp_path, capsys):
    """Folders written before summary.json carried the shown (clipped) interval still report."""
    folder = _copy(run_folder, tmp_path)

    def strip(d: dict) -> None:
        for stats in d.values():
            stats.pop("shown_low"), stats.pop("shown_high"), stats.pop("n")

    _edit_json(folder / "summary.json", strip)
    code, err = _report(capsys, str(folder))
    assert code == 0 and "does not match" not in err, err


def test_resuming_notes_an_edited_summary_json_and_writes_it_again(run_folder, tmp_path, capsys):
    folder = _copy(run_folder, tmp_path)
    original = json.loads((folder / "summary.json").read_text())
    _edit_json(folder / "summary.json", _999)
    assert main(["run", str(SMALL), "--reps", "2", "--days", "1", "--out", str(folder)]) == 0
    err = capsys.readouterr().err
    assert (
        f"note: {folder / 'summary.json'} did not match the replications (changed or damaged); "
        "written again from them"
    ) in err, err
    assert json.loads((folder / "summary.json").read_text()) == original
    assert main(["report", str(folder), "--check"]) == 0


def test_resuming_with_more_replications_rewrites_the_summary_without_a_note(
    run_folder, tmp_path, capsys
):
    folder = _copy(run_folder, tmp_path)
    assert main(["run", str(SMALL), "--reps", "3", "--days", "1", "--out", str(folder)]) == 0
    assert "did not match" not in capsys.readouterr().err
    assert main(["report", str(folder), "--check"]) == 0


# -- meta.json against the replications ------------------------------------------------------


def test_an_edited_seed_in_meta_json_names_meta_json_not_a_replication(
    run_folder, tmp_path, capsys
):
    folder = _copy(run_folder, tmp_path)
    _edit_json(folder / "meta.json", lambda d: d.update(seed=7))  # the run's seed is 1
    code, err = _report(capsys, str(folder))
    assert code == 2
    assert err == (
        f"error: the replications and {folder / 'meta.json'} disagree: "
        f"{folder / 'reps' / 'rep-0000.json'} carries root_seed 1, meta.json records seed 7; "
        "meta.json may have been edited (or the replication copied from another run)\n"
    )
    assert "rep-0000.json: from another run" not in err


def test_a_replication_copied_in_as_another_is_still_from_another_run(
    run_folder, tmp_path, capsys
):
    folder = _copy(run_folder, tmp_path)
    reps = folder / "reps"
    (reps / "rep-0001.json").write_bytes((reps / "rep-0000.json").read_bytes())
    code, err = _report(capsys, str(folder))
    assert code == 2
    assert "rep-0001.json: from another run (replication 0, this run 1)" in err, err
