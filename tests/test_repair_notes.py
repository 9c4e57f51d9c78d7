"""A resumed command that writes again a file of its folder because it did not match says so
in one note, whichever file it is (a run's replications.csv, summary.json, warnings.json; a
comparison's replications.csv, summary.csv, differences.csv, ...; a sweep's sweep.csv,
design.csv, ...), and each note once; a folder left as it was gets none."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import sim.experiment.compare as compare_mod
from sim.cli import main

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
