"""A results folder cannot lie: damaged or foreign replication files are recomputed."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sim.cli import main

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
FAST = ["--days", "1", "--reps", "2", "--set", "warmup_days=1", "--set", "drain_days=2"]


def run(capsys, out: Path, *extra: str) -> tuple[int, str, str]:
    """``run --json``: its exit status, its metrics as JSON text (the notes, which say what
    was recomputed and are checked to be those on stderr, left out) and stderr."""
    code = main(["run", SMALL, *FAST, "--out", str(out), "--json", *extra])
    captured = capsys.readouterr()
    if code != 0:
        return code, captured.out, captured.err
    return code, _metrics(captured.out, captured.err), captured.err


def _metrics(out: str, err: str) -> str:
    """The metrics of ``run --json``'s standard output as JSON text, its notes (checked to
    be those on stderr ``err``) left out."""
    summary = json.loads(out)
    assert all(line in err for line in summary.pop("notes"))
    # (the coded notes too: a resumed run's say what it recomputed)
    assert all(r["text"] in err for r in summary.pop("warning_records"))
    return json.dumps(summary)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A finished run and its metrics, made once: each test damages a copy of it."""
    out = tmp_path_factory.mktemp("store") / "out"
    said, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(err):
        code = main(["run", SMALL, *FAST, "--out", str(out), "--json"])
    assert code == 0, err.getvalue()
    return out, _metrics(said.getvalue(), err.getvalue())


@pytest.fixture
def done(pristine: tuple[Path, str], tmp_path: Path) -> tuple[Path, str]:
    """A copy of the finished run, for this test alone, and the run's metrics."""
    out, summary = pristine
    return shutil.copytree(out, tmp_path / "out", symlinks=True), summary


def rep(out: Path, r: int = 1) -> Path:
    return out / "reps" / f"rep-{r:04d}.json"


def again(capsys, out, first) -> str:
    code, summary, err = run(capsys, out)
    assert code == 0, err
    assert summary == first  # recomputed bit for bit, the damaged file never aggregated
    assert "Traceback" not in err
    return err


def test_record_identifies_itself(done):
    out, _ = done
    data = json.loads(rep(out).read_text())
    for key in ("scenario_hash", "root_seed", "replication", "version", "checksum", "tables"):
        assert key in data, key
    assert data["replication"] == 1 and data["root_seed"] == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_text(p.read_text()[:100]),  # truncated
        lambda p: p.write_text(""),  # emptied
        lambda p: p.write_bytes(b"\xff\xfe\x00garbage"),  # not text
        lambda p: p.write_text("[1, 2]"),  # valid JSON, not a record
    ],
    ids=["truncated", "emptied", "binary", "not-a-record"],
)
def test_damaged_replication_is_recomputed(done, capsys, damage):
    out, first = done
    damage(rep(out))
    err = again(capsys, out, first)
    assert "rep-0001.json" in err and "again" in err
    assert json.loads(rep(out).read_text())["replication"] == 1


def test_edited_value_is_recomputed(done, capsys):
    out, first = done
    data = json.loads(rep(out).read_text())
    data["metrics"]["clearance_h_mean"] = 1.0
    rep(out).write_text(json.dumps(data))
    err = again(capsys, out, first)
    assert "checksum" in err


def test_edited_table_is_recomputed(done, capsys):
    out, first = done
    table = out / "reps" / "rep-0001-clearance.csv"
    table.write_text(table.read_text() + "x\n")
    err = again(capsys, out, first)
    assert "rep-0001-clearance.csv" in err


def test_a_missing_table_is_named(done, capsys):
    out, first = done
    (out / "reps" / "rep-0001-resources.csv").unlink()
    err = again(capsys, out, first)
    assert "rep-0001-resources.csv" in err and "is missing" in err, err
    assert "No such file" not in err


def test_a_replication_beyond_the_run_is_left_out_by_run_and_report(done, capsys):
    out, first = done
    (out / "reps" / "rep-0007.json").write_text(json.dumps({"warnings": ["XYZZY"]}))
    err = again(capsys, out, first)
    assert "rep-0007.json" in err and "left out" in err, err
    warnings = out / "warnings.json"
    assert "XYZZY" not in err and "XYZZY" not in (warnings.read_text() if warnings.exists() else "")
    assert main(["report", str(out), "--check"]) == 0, capsys.readouterr().err


def test_the_same_scenario_run_longer_says_what_differs(done, capsys):
    out, _ = done
    code = main(["run", SMALL, "--days", "2", *FAST[2:], "--out", str(out), "--json"])
    err = capsys.readouterr().err
    assert code == 2 and "days 1 (this run: 2)" in err, err
    assert "a different one" not in err


def test_a_file_in_place_of_reps_is_named(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "reps").write_text("in the way")
    code, _, err = run(capsys, out)
    assert code == 2 and f"{out / 'reps'} is not a folder" in err, err


def test_replication_from_another_seed_is_not_mixed_in(tmp_path, done, capsys):
    out, first = done
    other = tmp_path / "other"
    code, _, _ = run(capsys, other, "--seed", "2")
    assert code == 0
    rep(out).write_bytes(rep(other).read_bytes())
    err = again(capsys, out, first)
    assert "another run" in err and "root_seed" in err


def test_symlinked_reps_folder_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "reps").symlink_to(elsewhere)
    code, _, err = run(capsys, out)
    assert code == 2 and "symbolic link" in err and "--out" in err
    assert not list(elsewhere.iterdir())


def test_symlinked_replication_file_is_replaced_not_followed(done, tmp_path, capsys):
    out, first = done
    target = tmp_path / "target.json"
    target.write_text("keep me")
    rep(out).unlink()
    rep(out).symlink_to(target)
    again(capsys, out, first)
    assert target.read_text() == "keep me"
    assert not rep(out).is_symlink()


@pytest.mark.parametrize("sig,status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_is_one_line(tmp_path, sig, status):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sim.cli",
            "run",
            SMALL,
            "--days",
            "365",  # long enough to be still running when the signal comes, under any load
            "--reps",
            "3",
            "--out",
            str(tmp_path / "o"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 120
    while not (tmp_path / "o" / "meta.json").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == status, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("cause, status, word", [
    ("Terminated", 143, "terminated"), ("KeyboardInterrupt", 130, "interrupted"),
])  # fmt: skip
def test_a_signal_inside_a_class_definition_still_ends_as_an_interrupt(
    monkeypatch, capsys, cause, status, word
):
    """Python 3.11 wraps what a class's ``__set_name__`` raises in a RuntimeError: a signal
    landing in an import's dataclass arrived so (a traceback, status 1). It ends as the
    signal does; any other RuntimeError is not hidden."""
    import sim.cli as cli

    signal_type = cli.Terminated if cause == "Terminated" else KeyboardInterrupt

    def wrapped(argv):
        raise RuntimeError("Error calling __set_name__") from signal_type()

    monkeypatch.setattr(cli, "_main", wrapped)
    assert cli.main(["run"]) == status
    assert capsys.readouterr().err == f"{word}; rerun with the same --out to resume\n"

    def plain(argv):
        raise RuntimeError("a real error")

    monkeypatch.setattr(cli, "_main", plain)
    with pytest.raises(RuntimeError, match="a real error"):
        cli.main(["run"])
