"""A results folder whose record of what was run (meta.json, compare.json, an option's
meta.json) is damaged is refused with a message that says so and how to resume, never
with a None for what the file lacks; deleting the file resumes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sim.cli import main

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
SHORT = ["--reps", "1", "--days", "1"]
COMMANDS = {
    "run": (["run", SMALL, *SHORT], "meta.json"),
    "sweep": (["sweep", SMALL, *SHORT, "--param", "ports.sea.review.capacity=3,4"],
              "meta.json"),
    "compare": (["compare", SMALL, *SHORT, "--option", "r4:ports.sea.review.capacity=4",
                 "--no-report"], "compare.json"),
    "option": (["compare", SMALL, *SHORT, "--option", "r4:ports.sea.review.capacity=4",
                "--no-report"], "options/r4/meta.json"),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    """The folders the tests' first commands make, each made once per module and kept as it
    was: a test resumes a copy of one (the resumes are what they test)."""
    return {"factory": tmp_path_factory}


def _first(made: dict, argv: list[str], tmp_path: Path, capsys, *extra: str) -> tuple[Path, str]:
    """``tmp_path / "out"`` as ``[*argv, "--out", out, *extra]`` leaves it, and what that
    command printed on standard output."""
    key = (*argv, *extra)
    if key not in made:
        folder = made["factory"].mktemp("made") / "out"
        assert main([*argv, "--out", str(folder), *extra]) == 0
        made[key] = (folder, capsys.readouterr().out)
    folder, printed = made[key]
    return Path(shutil.copytree(folder, tmp_path / "out")), printed


def _damage(path: Path, damage: str) -> None:
    if damage == "truncated":
        os.truncate(path, 50)
    else:
        path.write_text("{}", encoding="utf-8")


@pytest.mark.parametrize("kind", ["run", "option"])
@pytest.mark.parametrize("damage", ["truncated", "empty object"])
def test_a_damaged_run_record_says_so_and_how_to_resume(made, tmp_path, capsys, kind, damage):
    argv, record = COMMANDS[kind]
    out, _ = _first(made, argv, tmp_path, capsys)
    path = out / record
    _damage(path, damage)
    capsys.readouterr()
    assert main([*argv, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{path} is damaged (" in err and f"delete {path.name}" in err, err
    assert "None" not in err
    if damage == "empty object":
        assert "it lacks scenario_hash, seed" in err
    path.unlink()
    assert main([*argv, "--out", str(out)]) == 0, capsys.readouterr().err
    assert json.loads(path.read_text(encoding="utf-8"))["seed"] == 1


@pytest.mark.parametrize("kind", ["sweep", "compare"])
@pytest.mark.parametrize("damage", ["truncated", "empty object"])
def test_a_damaged_sweep_or_comparison_record_is_written_again(
    made, tmp_path, capsys, kind, damage
):
    argv, record = COMMANDS[kind]
    out, first = _first(made, argv, tmp_path, capsys, "--json")
    path = out / record
    _damage(path, damage)
    assert main([*argv, "--out", str(out), "--json"]) == 0
    got = capsys.readouterr()
    assert f"{path} was damaged (" in got.err and "written again" in got.err, got.err
    assert "None" not in got.err
    assert json.loads(path.read_text(encoding="utf-8"))["seed"] == 1
    assert _figures(got.out) == _figures(first)


def _figures(text: str) -> object:
    """The JSON's figures without what says when and whether it resumed (the notes, and
    the same coded)."""
    data = json.loads(text)
    said = ("notes", "warning_records", "meta", "created", "resumed")
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if k not in said}
    return data


@pytest.mark.parametrize("kind", ["run", "compare"])
def test_a_lost_record_is_named_by_report_and_rebuilt_by_rerunning(made, tmp_path, capsys, kind):
    """A folder whose meta.json (a run's) or compare.json (a comparison's) was deleted: the
    report says what it still holds and the command that writes the record again; that
    command then resumes it from its replications, to the same figures."""
    argv, record = COMMANDS[kind]
    out, first = _first(made, argv, tmp_path, capsys, "--json")
    (out / record).unlink()
    assert main(["report", str(out), "--out", str(tmp_path / "r.html")]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "is not a bordersim results folder" in err
    if kind == "run":
        hint = f"`bordersim run {out / 'scenario.json'} --out {out} --reps 1` writes meta.json"
        assert hint in err, err
        again = ["run", str(out / "scenario.json"), "--reps", "1", "--out", str(out)]
    else:
        assert "holds a comparison's options (baseline, r4) and their replications: rerun " \
               "the bordersim compare command that made it with the same --out" in err, err
        again = [*argv, "--out", str(out)]
    assert main([*again, "--json"]) == 0
    got = capsys.readouterr()
    assert (out / record).is_file() and "computing replication" not in got.err, got.err
    assert _figures(got.out) == _figures(first)
    assert main(["report", str(out), "--check"]) == 0


def test_a_lost_run_record_is_rebuilt_in_a_folder_with_its_report_and_workbook(
    made, tmp_path, capsys
):
    """A run's folder also holds what later commands wrote into it (the coded warnings, the
    report, the workbook): with its meta.json lost, rerunning resumes it, not refuses it as
    a foreign folder."""
    argv, record = COMMANDS["run"]
    out, _ = _first(made, argv, tmp_path, capsys)
    assert main(["report", str(out)]) == 0
    assert main(["workbook", str(out)]) == 0
    assert {"warning-records.json", "report.html", "workbook.xlsx"} <= {
        p.name for p in out.iterdir()}
    (out / record).unlink()
    capsys.readouterr()
    assert main(["run", str(out / "scenario.json"), "--reps", "1", "--out", str(out)]) == 0, \
        capsys.readouterr().err
    assert (out / record).is_file()
