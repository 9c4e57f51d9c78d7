"""A report refused for damage that giving the command that made the folder again repairs
ends its message saying so, with that command (``--out`` the folder), and the command does
repair it; where it would not (a meta.json a resume cannot read, other code, a failure that
would repeat, a replication and meta.json that disagree) the message says what would, or
gives no remedy."""

from __future__ import annotations

import json
import os
import shlex
import shutil
from pathlib import Path

import pytest

import sim.model.run
from sim.build import build
from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
RUN = ["run", str(SMALL), "--days", "1", "--reps", "2"]
COMPARE = ["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4",
           "--days", "1", "--reps", "2", "--no-report"]
SWEEP = ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=2,3", "--days", "1",
         "--reps", "1"]
KEPT = ("(what finished is kept, each file checked by its checksum; a file that does not "
        "match is written again)")


@pytest.fixture(scope="module")
def run_made(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("made") / "r"
    assert main([*RUN, "--out", str(out)]) == 0
    return out


def _copy(made: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(made, tmp_path / "copy"))


def _refused(folder: Path, capsys) -> str:
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err.strip()


def _command(argv: list[str], folder: Path) -> str:
    return shlex.join(["bordersim", *argv, "--out", str(folder)])


def _follow(argv: list[str], folder: Path, capsys) -> None:
    """Do as the remedy says, and the folder is reported."""
    assert main([*argv, "--out", str(folder)]) in (0, 1)
    assert main(["report", str(folder), "--check"]) == 0
    capsys.readouterr()


def test_an_interrupted_run_is_resumed_by_its_command(run_made, tmp_path, capsys):
    folder = _copy(run_made, tmp_path)
    (folder / "summary.json").unlink()
    err = _refused(folder, capsys)
    assert err == (
        f"error: {folder / 'summary.json'} is missing (the folder is incomplete or damaged); "
        f"to resume the run and repair the folder, give the same command again {KEPT}: "
        f"{_command(RUN, folder)}"
    )
    _follow(RUN, folder, capsys)


def test_the_command_names_the_folder_as_given_to_report(run_made, tmp_path, capsys,
                                                         monkeypatch):
    """The folder's command had another --out (a path from another folder): the remedy's
    is the folder as given to the report."""
    folder = _copy(run_made, tmp_path)
    monkeypatch.chdir(tmp_path)
    (folder / "replications.csv").write_text("replication\n0\n")
    err = _refused(Path("copy"), capsys)
    # (the scenario, too, is given from here, as the folder was: relative)
    here = ["run", os.path.relpath(SMALL.resolve(), tmp_path.resolve()), *RUN[2:]]
    assert err.endswith(f"give the same command again {KEPT}: {_command(here, Path('copy'))}")


def test_a_table_that_fails_its_checksum_is_repaired_by_the_command(run_made, tmp_path, capsys):
    folder = _copy(run_made, tmp_path)
    table = folder / "reps" / "rep-0001-queues.csv"
    table.write_text(table.read_text() + "0,sea,x,1\n")
    err = _refused(folder, capsys)
    assert err.startswith(f"error: {folder / 'reps' / 'rep-0001.json'}: rep-0001-queues.csv "
                          "does not match its checksum; to resume the run and repair"), err
    assert err.endswith(_command(RUN, folder))
    _follow(RUN, folder, capsys)


def test_an_unreadable_meta_json_is_deleted_first(run_made, tmp_path, capsys):
    folder = _copy(run_made, tmp_path)
    (folder / "meta.json").write_text("{")
    err = _refused(folder, capsys)
    assert (f"to resume the run and repair the folder, delete {folder / 'meta.json'} (it "
            "cannot be read), then give the command that made it again, with --out "
            f"{folder} (what finished is kept") in err, err
    (folder / "meta.json").unlink()
    _follow(RUN, folder, capsys)


def test_failed_replications_are_fixed_first(run_made, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "f"
    real = sim.model.run.simulate

    def flaky(scenario, seed, *, replication=0, **kw):
        if replication == 1:
            raise RuntimeError("boom")
        return real(scenario, seed, replication=replication, **kw)

    monkeypatch.setattr(sim.model.run, "simulate", flaky)
    assert main([*RUN, "--out", str(folder)]) == 1
    monkeypatch.undo()
    capsys.readouterr()
    err = _refused(folder, capsys)
    assert (f"; 1 replication(s) failed ({folder / 'failures.json'} has their errors): fix "
            "the cause (a replication fails again under its seed), then give the same command "
            "again to run them") in err, err
    _follow(RUN, folder, capsys)


def test_a_folder_of_other_code_is_resumed_with_that_code(run_made, tmp_path, capsys):
    folder = _copy(run_made, tmp_path)
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, "build": "0.1.0+000000000000"}))
    (folder / "summary.json").unlink()
    err = _refused(folder, capsys)
    assert (f"; the folder was made by other code (build 0.1.0+000000000000; this code is "
            f"{build()}): to resume the run and repair it, give the same command again with "
            f"that code: {_command(RUN, folder)}") in err, err


def test_no_remedy_where_the_command_would_not_repair(run_made, tmp_path, capsys):
    """meta.json edited (or the replications copied in): a resume would refuse the folder,
    or compute again replications that were right."""
    folder = _copy(run_made, tmp_path)
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, "seed": 9}))
    err = _refused(folder, capsys)
    assert "meta.json may have been edited" in err and "to resume" not in err, err


def test_a_comparison_and_a_sweep_name_their_commands(tmp_path, capsys):
    for argv, name in ((COMPARE, "differences.csv"), (SWEEP, "sweep.csv")):
        folder = tmp_path / argv[0]
        assert main([*argv, "--out", str(folder)]) == 0
        capsys.readouterr()
        (folder / name).unlink()
        err = _refused(folder, capsys)
        noun = {"compare": "comparison", "sweep": "sweep"}[argv[0]]
        assert err == (
            f"error: {folder / name} is missing (the folder is incomplete or damaged); to "
            f"resume the {noun} and repair the folder, give the same command again {KEPT}: "
            f"{_command(argv, folder)}"
        )
        _follow(argv, folder, capsys)


def test_a_folder_made_from_python_names_no_command(tmp_path, capsys):
    from sim.experiment.sweep import sweep

    folder = tmp_path / "s"
    sweep(SMALL, {"ports.sea.review.capacity": [2]}, 1, overrides={"days": 1}, out=folder)
    (folder / "intervals.csv").unlink()
    err = _refused(folder, capsys)
    assert err.endswith(f"to resume the sweep and repair the folder, give the command that "
                        f"made it again, with --out {folder} {KEPT}"), err


def test_no_remedy_for_a_sweep_whose_meta_json_disagrees(tmp_path, capsys):
    folder = tmp_path / "s"
    assert main([*SWEEP, "--out", str(folder)]) == 0
    capsys.readouterr()
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, "seed": 9}))
    err = _refused(folder, capsys)
    assert err.endswith("from another sweep (root_seed 1, this sweep 9); or meta.json was "
                        "edited"), err


def test_the_remedy_never_reads_a_folders_record_through_a_link(tmp_path):
    from sim.report.remedy import remedy

    secret = tmp_path / "secret.json"  # (a file the folder's writer could not read)
    secret.write_text(json.dumps({"command": ["bordersim", "run", "SECRET"]}), encoding="utf-8")
    folder = tmp_path / "run"
    folder.mkdir()
    (folder / "meta.json").symlink_to(secret)
    said = remedy(folder, "run")
    assert "SECRET" not in said and f"--out {folder}" in said
