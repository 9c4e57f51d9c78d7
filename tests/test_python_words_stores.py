"""A results folder refused to a Python caller is named by the argument that gave it
(``sim.replicate``'s ``store=``, ``sim.sweep``'s and ``sim.compare``'s ``out=``), not by the
command line's ``--out``; the same refusal from the function the command line runs keeps
``--out``. One message serves both faces (:func:`sim.python_words.as_python` rewrites it)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import sim
from sim.cli import main
from sim.experiment import runner
from sim.experiment.store import StoreMismatch
from sim.python_words import as_python

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: one day, no warm-up: what is read here is the refusals' words, not the figures
DAY = {"days": 1, "warmup_days": 0, "drain_days": 1}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished run's folder (one replication of one day), copied by the cases below."""
    folder = tmp_path_factory.mktemp("made") / "run"
    runner.replicate(sim.load_scenario(SMALL, DAY), 1, store=folder)
    return folder


def _a_file(folder: Path, made: Path) -> int:
    folder.parent.mkdir()
    folder.write_text("not a folder")
    return 1


def _in_a_file(folder: Path, made: Path) -> int:
    folder.parent.write_text("not a folder")
    return 1


def _a_sweep(folder: Path, made: Path) -> int:
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"kind": "sweep"}))
    return 1


def _foreign(folder: Path, made: Path) -> int:
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("mine")
    return 1


def _damaged(folder: Path, made: Path) -> int:
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text("{")
    return 1


def _another_seed(folder: Path, made: Path) -> int:
    shutil.copytree(made, folder)
    return 2


def _linked(folder: Path, made: Path) -> int:
    shutil.copytree(made, folder)
    (folder / "summary.csv").unlink()
    (folder / "summary.csv").symlink_to(made / "summary.csv")
    return 1


def _reps_a_file(folder: Path, made: Path) -> int:
    shutil.copytree(made, folder)
    shutil.rmtree(folder / "reps")
    (folder / "reps").write_text("in the way")
    return 1


def _other_build(folder: Path, made: Path) -> int:
    shutil.copytree(made, folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    (folder / "meta.json").write_text(json.dumps({**meta, "build": "another build"}))
    return 1


#: each way a store is refused, from a Python caller: it makes the folder, gives the seed
CASES: dict[str, Callable[[Path, Path], int]] = {
    "is a file, not a folder": _a_file,
    "cannot be made in it": _in_a_file,
    "holds the results of a sweep": _a_sweep,
    "is not a bordersim results folder": _foreign,
    "is damaged": _damaged,
    "already holds results of another run": _another_seed,
    "holds symbolic links": _linked,
    "a file is in the way of the replications": _reps_a_file,
    "holds replications made by other code": _other_build,
}


@pytest.mark.parametrize("said", CASES)
def test_every_refused_store_is_named_as_store_from_python(said, made, tmp_path):
    folder = tmp_path / "file" / "run"
    seed = CASES[said](folder, made)
    scenario = sim.load_scenario(SMALL, DAY)
    with pytest.raises(StoreMismatch) as python:
        sim.replicate(scenario, 1, seed, store=folder)
    with pytest.raises(StoreMismatch) as command_line:
        runner.replicate(scenario, 1, seed, store=folder)
    assert said in str(python.value)
    assert "folder as store=" in str(python.value) and "--out" not in str(python.value)
    assert "--out folder" in str(command_line.value)
    assert str(python.value) == as_python(str(command_line.value), out="store")


def test_a_folder_inside_a_results_folder_is_refused_to_python_by_its_argument(made, capsys):
    scenario = sim.load_scenario(SMALL, DAY)
    inside = made / "inner"
    tail = f"choose a folder as {{}}= outside {made}"
    with pytest.raises(StoreMismatch, match="inside the results folder") as stored:
        sim.replicate(scenario, 1, store=inside)
    assert str(stored.value).endswith(tail.format("store"))
    with pytest.raises(StoreMismatch) as swept:
        sim.sweep(scenario, {"days": [1]}, 1, out=inside)
    assert str(swept.value).endswith(tail.format("out"))
    with pytest.raises(StoreMismatch) as compared:
        sim.compare(scenario, ["baseline"], 1, out=inside)
    assert str(compared.value).endswith(tail.format("out"))
    with pytest.raises(StoreMismatch) as indices:
        sim.sobol(scenario, {"days": (1, 2)}, 2, "consignments_arrived", reps=1, out=inside)
    assert str(indices.value).endswith(tail.format("out"))
    assert not inside.exists()
    # (the command line says its flag)
    assert main(["run", str(SMALL), "--reps", "1", "--days", "1", "--out", str(inside)]) != 0
    assert f"choose an --out folder outside {made}" in capsys.readouterr().err
