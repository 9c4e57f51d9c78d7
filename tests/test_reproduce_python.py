"""A results folder made from Python (``sim.compare(..., out=...)``, ``sim.replicate(...,
store=...)``) records no ``bordersim`` command; ``bordersim reproduce`` re-runs it by the
same Python call, rebuilt from what it records (sim/reproduce_python.py), and the verdict
compares it as it compares a command's folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sim
from sim.cli import main
from tests.test_compare_checks import SMALL


@pytest.fixture(scope="module")
def compared(tmp_path_factory) -> Path:
    """A comparison from Python: an option of changes and a reform at a strength under a
    name of its own (no command line says both), without the logs for who gains."""
    folder = tmp_path_factory.mktemp("api") / "compare"
    sim.compare(SMALL, [sim.Option("fast", {"ports.sea.exam.teams.capacity": 8}),
                        sim.Option("sw80", reform="single_window:uptake=0.8")],
                reps=1, seed=4, overrides={"days": 1}, log=False, out=folder, report=False)
    return folder


def test_a_comparison_from_python_reproduces(compared, tmp_path, capsys):
    assert main(["reproduce", str(compared), "--out", str(tmp_path / "again")]) == 0
    out = capsys.readouterr().out
    assert "compare, seed 4, 1 of 1 replication, 1 observed day" in out
    assert "compared 3 replication records" in out
    assert "REPRODUCED: every figure compared is the same, bit for bit" in out
    again = json.loads((tmp_path / "again" / "compare.json").read_text())
    assert [o["name"] for o in again["options"]] == ["baseline", "fast", "sw80"]
    assert again["log"] is False  # (kept as recorded: with the logs gains.csv would differ)


def test_a_comparison_without_its_logs_says_how_to_keep_them(compared):
    from sim.experiment.compare_logs import LogsMissing

    res = sim.compare(SMALL, ["single_window"], reps=1, seed=4, overrides={"days": 1})
    with pytest.raises(LogsMissing, match=r"kept in its folder; run it again with out=FOLDER"):
        res.logs()
    res.path = compared  # (its folder, kept without the logs: log=False)
    with pytest.raises(LogsMissing, match=r"option 'baseline' kept no per-consignment logs"):
        res.logs("baseline")
    with pytest.raises(sim.experiment.options.OptionError, match="did you mean 'baseline'"):
        res.logs("baselin")


def test_a_changed_option_in_the_record_is_not_reproduced(compared, tmp_path, capsys):
    copy = tmp_path / "copy"
    import shutil

    shutil.copytree(compared, copy)
    meta = json.loads((copy / "compare.json").read_text())
    meta["options"][1]["overrides"] = {"ports.sea.exam.teams.capacity": 9}
    (copy / "compare.json").write_text(json.dumps(meta))
    assert main(["reproduce", str(copy), "--out", str(tmp_path / "again")]) == 1
    assert "NOT REPRODUCED" in capsys.readouterr().out


def test_a_run_from_python_reproduces_with_its_logs(tmp_path, capsys):
    folder = tmp_path / "run"
    sim.replicate(sim.load_scenario(SMALL, {"days": 1}), reps=1, seed=2, log=True,
                  store=folder)
    assert main(["reproduce", str(folder), "--out", str(tmp_path / "again")]) == 0
    assert "REPRODUCED" in capsys.readouterr().out
    assert (tmp_path / "again" / "reps" / "rep-0000-log.parquet").is_file()


def test_reproduce_folder_gives_the_verdict_in_python(compared, tmp_path):
    check = sim.reproduce_folder(compared, out=tmp_path / "again")
    assert check.same is True and check.out == tmp_path / "again"
    assert "REPRODUCED: every figure compared is the same, bit for bit" in str(check)
    assert check.lines[0].startswith(f"re-ran {compared} into {tmp_path / 'again'}: compare")
    with pytest.raises(ValueError, match=r"^reps=2: the folder has 1 replication; check 1 "):
        sim.reproduce_folder(compared, out=tmp_path / "more", reps=2)
    with pytest.raises(ValueError, match="not empty; the re-run goes to a new folder"):
        sim.reproduce_folder(compared, out=tmp_path / "again")


def test_reproduce_folder_says_a_changed_figure(compared, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(compared, copy)
    meta = json.loads((copy / "compare.json").read_text())
    meta["seed"] = 5
    (copy / "compare.json").write_text(json.dumps(meta))
    check = sim.reproduce_folder(copy, out=tmp_path / "again")
    assert check.same is False
    assert any(line.startswith("NOT REPRODUCED") for line in check.lines)


def test_a_sweep_from_python_reproduces(tmp_path, capsys):
    """A sweep's folder made by ``sim.sweep(..., out=...)`` records no command; it is re-run
    point by point as a command's is, and a changed figure in it is found."""
    folder = tmp_path / "sweep"
    sim.sweep(SMALL, {"ports.sea.scan.scanners.capacity": [1, 2]}, reps=1, seed=3,
              overrides={"days": 1}, out=folder)
    assert json.loads((folder / "meta.json").read_text())["command"] is None
    check = sim.reproduce_folder(folder, out=tmp_path / "again")
    assert check.same is True, str(check)
    assert "sweep, seed 3, 2 of 2 points, 1 of 1 replication, 1 observed day" in check.lines[0]
    point = folder / "points" / "p0001-r0000.json"
    record = json.loads(point.read_text())
    record["root_seed"] = 4
    point.write_text(json.dumps(record))
    assert main(["reproduce", str(folder), "--point", "1", "--out",
                 str(tmp_path / "once-more")]) == 1
    assert "point 1, replication 0: root_seed was 4, is 3" in capsys.readouterr().out


def test_a_folder_from_a_loaded_scenario_records_its_source(tmp_path):
    """A scenario loaded in Python keeps its file's text and the changes made to it since;
    a folder made from it records both in scenario-source.json, listed in its seal."""
    scenario = sim.patch(sim.load_scenario(SMALL, {"days": 1}), {"warmup_days": 1})
    folder = tmp_path / "run"
    sim.replicate(scenario, reps=1, seed=2, store=folder)
    kept = json.loads((folder / "scenario-source.json").read_text())
    raw = Path(SMALL).read_bytes()
    import hashlib

    assert kept["file"] == "tests/scenarios/small.toml" and kept["where"] == "project"
    assert kept["text"] == raw.decode("utf-8")
    assert kept["sha256"] == hashlib.sha256(raw).hexdigest() and kept["bytes"] == len(raw)
    assert kept["changes"] == [{"source": "overrides", "changes": {"days": 1}},
                               {"source": "changes", "changes": {"warmup_days": 1}}]
    sealed = json.loads((folder / "finished.json").read_text())["files"]
    assert "scenario-source.json" in sealed
    made = sim.load_scenario({**sim.scenario_data(scenario)})  # (from a dict: no file)
    sim.replicate(made, reps=1, seed=2, store=tmp_path / "from-dict")
    assert not (tmp_path / "from-dict" / "scenario-source.json").exists()


def test_a_comparison_and_a_sweep_from_python_record_their_source(compared, tmp_path):
    kept = json.loads((compared / "scenario-source.json").read_text())
    assert kept["file"] == "tests/scenarios/small.toml"  # (relative to the checkout)
    assert kept["changes"] == []  # (a file's name given)
    own = tmp_path / "own.toml"  # (an option given a scenario file of its own)
    own.write_text(f'extends = "{SMALL.as_posix()}"\ndays = 1\n', encoding="utf-8")
    sim.compare(SMALL, [sim.Option("own", scenario=str(own))], reps=1, seed=4,
                overrides={"days": 1}, log=False, out=tmp_path / "own", report=False)
    kept = json.loads((tmp_path / "own" / "options" / "own" / "scenario-source.json").read_text())
    assert kept["file"] == "own.toml" and kept["where"] == "elsewhere"  # (its name alone)
    assert kept["text"] == own.read_text(encoding="utf-8")
    sealed = json.loads((tmp_path / "own" / "finished.json").read_text())["files"]
    assert {"scenario-source.json", "options/own/scenario-source.json"} <= set(sealed)
    scenario = sim.load_scenario(SMALL, {"days": 1})
    sim.sweep(scenario, {"ports.sea.scan.scanners.capacity": [1, 2]}, reps=1, seed=3,
              out=tmp_path / "sweep")
    kept = json.loads((tmp_path / "sweep" / "scenario-source.json").read_text())
    assert kept["changes"] == [{"source": "overrides", "changes": {"days": 1}}]
