"""A resumed command that writes again a file of its folder because it did not match says so
in one note, whichever file it is (a run's replications.csv, summary.json, warnings.json; a
comparison's replications.csv, summary.csv, differences.csv, ...; a sweep's sweep.csv,
design.csv, ...), and each note once; a folder left as it was gets none.

A finished comparison resumed as it was is not finished again (its seal,
:mod:`sim.experiment.finish_seal`), with the same folder and output as if it were; a missing
file, a damaged seal, a replication computed again or a finish interrupted half-way finish
it again."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import sim.experiment.compare as compare_mod
from sim.cli import main
from sim.experiment import finish_seal

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
RUN = ["run", str(SMALL), "--days", "1", "--reps", "2"]
COMPARE = ["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4",
           "--days", "1", "--reps", "2", "--no-report"]
SWEEP = ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=2,3", "--days", "1",
         "--reps", "2"]


def _made(factory, argv: list[str]) -> Path:
    out = factory.mktemp("made") / "f"
    assert main([*argv, "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def run_made(tmp_path_factory) -> Path:
    return _made(tmp_path_factory, RUN)


@pytest.fixture(scope="module")
def compare_made(tmp_path_factory) -> Path:
    return _made(tmp_path_factory, COMPARE)


@pytest.fixture(scope="module")
def sweep_made(tmp_path_factory) -> Path:
    return _made(tmp_path_factory, SWEEP)


def _copy(made: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(made, tmp_path / "copy"))


def _edit(path: Path) -> None:
    """A number of the table's first row changed (a hand edit)."""
    lines = path.read_text().splitlines(keepends=True)
    lines[1] = re.sub(r"\d\.", lambda m: f"{(int(m.group()[0]) + 1) % 10}.", lines[1], count=1)
    path.write_text("".join(lines))


def _rewrites(argv: list[str], folder: Path, capsys) -> list[str]:
    """The notes of a resume into ``folder`` that say a file was written again."""
    code = main([*argv, "--out", str(folder)])
    err = capsys.readouterr().err
    assert code == 0 and "Traceback" not in err, err
    return [line for line in err.splitlines() if line.startswith(f"note: {folder}")]


def _said(path: Path) -> str:
    return (f"note: {path} did not match the replications (changed or damaged); written again "
            "from them")


@pytest.mark.parametrize("name", ["replications.csv", "summary.json", "warnings.json"])
def test_a_runs_file_that_did_not_match_is_noted_once(run_made, tmp_path, capsys, name):
    folder = _copy(run_made, tmp_path)
    path = folder / name
    if name == "summary.json":
        data = json.loads(path.read_text())
        data["clearance_h_mean"]["mean"] += 1
        path.write_text(json.dumps(data))
    elif name == "warnings.json":  # (a warning no replication gave: an unstable-looking run)
        path.write_text(json.dumps({"replications": {"rep-0000": ["a queue trends upward"]}}))
    else:
        _edit(path)
    assert main(["report", str(folder)]) == 2
    assert _rewrites(RUN, folder, capsys) == [_said(path)]
    assert main(["report", str(folder), "--check"]) == 0  # (repaired)
    assert _rewrites(RUN, folder, capsys) == []  # (and said once)


def test_a_runs_milestone_intervals_that_did_not_match_are_noted_once(run_made, tmp_path, capsys):
    """The milestone intervals across replications are pooled from them too (the report
    does not read them: it draws the replications' own tables)."""
    folder = _copy(run_made, tmp_path)
    path = folder / "milestone-intervals.csv"
    _edit(path)
    assert _rewrites(RUN, folder, capsys) == [_said(path)]
    assert _rewrites(RUN, folder, capsys) == []


def test_a_damaged_warnings_file_is_written_again_not_a_traceback(run_made, tmp_path, capsys):
    folder = _copy(run_made, tmp_path)
    path = folder / "warnings.json"
    path.write_text("{")
    assert _rewrites(RUN, folder, capsys) == [
        f"note: {path} was damaged (not valid JSON (truncated?)); written again from this run"
    ]
    assert main(["report", str(folder), "--check"]) == 0


def test_no_note_for_a_folder_as_it_was_or_tables_of_other_replications(
    run_made, tmp_path, capsys
):
    folder = _copy(run_made, tmp_path)
    assert _rewrites(RUN, folder, capsys) == []
    _edit(folder / "replications.csv")
    more = [*RUN[:-1], "3"]  # (a run of three replications has another table)
    assert _rewrites(more, folder, capsys) == []


@pytest.mark.parametrize(
    "name", ["replications.csv", "summary.csv", "differences.csv", "gains.csv",
             "milestone-intervals.csv", "trading-across-borders.csv"]
)
def test_a_comparisons_table_that_did_not_match_is_noted_once(
    compare_made, tmp_path, capsys, name
):
    folder = _copy(compare_made, tmp_path)
    _edit(folder / name)
    assert _rewrites(COMPARE, folder, capsys) == [
        f"note: {folder / name} did not match the options' replications (changed or "
        "damaged); written again from them"
    ]
    assert main(["report", str(folder), "--check"]) == 0
    assert _rewrites(COMPARE, folder, capsys) == []


def test_an_options_damaged_log_is_noted_once(compare_made, tmp_path, capsys):
    folder = _copy(compare_made, tmp_path)
    log = folder / "options" / "review4" / "reps" / "rep-0000-log.parquet"
    log.write_bytes(log.read_bytes() + b"x")
    assert _rewrites(COMPARE, folder, capsys) == [
        f"note: {folder / 'options' / 'review4' / 'reps' / 'rep-0000.json'}: "
        "rep-0000-log.parquet does not match its checksum; computing replication 0 again"
    ]


def test_a_comparison_run_again_after_failures_drops_them(
    compare_made, tmp_path, capsys, monkeypatch
):
    """failures.json goes once the failed replications have run; the tables pooled while
    one was missing are not taken for changed ones."""
    folder = Path(tmp_path / "c")
    real = compare_mod.simulate

    def flaky(scenario, seed, replication=0, log=False):
        if replication == 1 and scenario.ports["sea"].review.capacity == 4:
            raise RuntimeError("boom")
        return real(scenario, seed, replication=replication, log=log)

    monkeypatch.setattr(compare_mod, "simulate", flaky)
    assert main([*COMPARE, "--out", str(folder)]) == 1
    assert (folder / "failures.json").exists()
    monkeypatch.undo()
    assert _rewrites(COMPARE, folder, capsys) == []
    assert not (folder / "failures.json").exists()
    assert main(["report", str(folder), "--check"]) == 0


@pytest.mark.parametrize("name", ["sweep.csv", "summary.csv", "intervals.csv", "design.csv"])
def test_a_sweeps_table_that_did_not_match_is_noted_once(sweep_made, tmp_path, capsys, name):
    folder = _copy(sweep_made, tmp_path)
    path = folder / name
    if name == "design.csv":
        path.write_text(path.read_text().replace("\n1,3", "\n1,4"))
    else:
        _edit(path)
    whence = "the points of this sweep" if name == "design.csv" else "the point files"
    assert _rewrites(SWEEP, folder, capsys) == [
        f"note: {path} did not match {whence} (changed or damaged); written again"
    ]
    assert main(["report", str(folder), "--check"]) == 0
    assert _rewrites(SWEEP, folder, capsys) == []


#: a comparison's files that name the command (its --out) or grow with every command
_OF_THE_COMMAND = ("compare.json", "warning-records.json", finish_seal.FILE)


def _pooled_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()
            if p.is_file() and p.name not in _OF_THE_COMMAND}


def _finish_again(
    folder: Path, monkeypatch, capsys, argv: list[str] = COMPARE
) -> tuple[int, str]:
    """Resume the comparison in ``folder`` (with ``argv``): how many times its tables were
    pooled, and what it printed."""
    calls = []
    pooled = compare_mod._pooled

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return pooled(*args, **kwargs)

    monkeypatch.setattr(compare_mod, "_pooled", counted)
    capsys.readouterr()
    assert main([*argv, "--out", str(folder)]) == 0
    return len(calls), capsys.readouterr().out.replace(str(folder), "FOLDER")


def test_a_finished_comparison_resumed_is_not_finished_again_and_says_the_same(
    compare_made, tmp_path, monkeypatch, capsys
):
    sealed = Path(shutil.copytree(compare_made, tmp_path / "sealed"))
    full = Path(shutil.copytree(compare_made, tmp_path / "full"))
    (full / finish_seal.FILE).unlink()  # (as a folder finished before seals were written)
    shortcut, said = _finish_again(sealed, monkeypatch, capsys)
    finished, said_in_full = _finish_again(full, monkeypatch, capsys)
    assert (shortcut, finished) == (0, 1)
    assert said == said_in_full
    assert _pooled_files(sealed) == _pooled_files(full) == _pooled_files(compare_made)


@pytest.mark.parametrize("damage", ["missing", "seal", "replication"])
def test_a_comparison_missing_a_file_or_damaged_is_finished_again(
    compare_made, tmp_path, monkeypatch, capsys, damage
):
    folder = _copy(compare_made, tmp_path)
    if damage == "missing":
        (folder / "gains.csv").unlink()
    elif damage == "seal":
        (folder / finish_seal.FILE).write_text('{"inputs": ')
    else:  # (computed again, to the same figures)
        record = folder / "options" / "review4" / "reps" / "rep-0001.json"
        record.write_text(record.read_text().replace('"checksum"', '"checksum_"'))
    assert _finish_again(folder, monkeypatch, capsys)[0] == 1
    assert _pooled_files(folder) == _pooled_files(compare_made)


def test_a_comparison_resumed_with_fewer_replications_is_finished_again(
    compare_made, tmp_path, monkeypatch, capsys
):
    folder = _copy(compare_made, tmp_path)
    fewer = [*COMPARE[:-2], "1", "--no-report"]  # (replication 0 of each: nothing to run)
    assert fewer[-3:] == ["--reps", "1", "--no-report"]
    assert _finish_again(folder, monkeypatch, capsys, fewer)[0] == 1
    assert set(pd.read_csv(folder / "replications.csv")["replication"]) == {0}


def test_a_comparisons_finish_interrupted_half_way_is_not_taken_for_finished(
    compare_made, tmp_path, monkeypatch, capsys
):
    folder = _copy(compare_made, tmp_path)
    _edit(folder / "summary.csv")  # (so that it is finished again)
    write = compare_mod.atomic_write

    def killed(path: Path, data: str | bytes) -> None:
        if path.name == "summary.csv":  # (replications.csv and metrics.csv written before)
            raise KeyboardInterrupt
        write(path, data)

    monkeypatch.setattr(compare_mod, "atomic_write", killed)
    assert main([*COMPARE, "--out", str(folder)]) != 0
    monkeypatch.setattr(compare_mod, "atomic_write", write)
    assert _finish_again(folder, monkeypatch, capsys)[0] == 1
    assert _pooled_files(folder) == _pooled_files(compare_made)
