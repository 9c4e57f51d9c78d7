"""A published results folder names its scenario file without the author's directories
(sim.experiment.scenario_source.portable): a bundled scenario by its name, a file under the
results folder or the project's checkout by its path relative to it, any other by its name
alone (its SHA-256 and text are kept); a folder written before, with the full path, is still
checked and re-run by ``bordersim reproduce``."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from sim.cli import main
from sim.experiment import finish_seal
from sim.experiment.scenario_source import portable
from sim.scenario.loader import BUNDLED
from tests.test_compare_checks import SMALL


def test_each_kind_of_place_is_named_without_this_machines_directories(tmp_path):
    folder = tmp_path / "results" / "sweep"
    assert portable(BUNDLED / "guangdong.toml", folder) == ("guangdong", "bundled")
    assert portable("guangdong", folder) == ("guangdong", "bundled")  # (a name alone)
    assert portable(folder / "inputs" / "mine.toml", folder) == ("inputs/mine.toml", "folder")
    assert portable(SMALL, folder) == ("tests/scenarios/small.toml", "project")
    assert portable(tmp_path / "home" / "mine.toml", folder) == ("mine.toml", "elsewhere")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A one-point sweep of a copy of the small scenario kept outside the project."""
    tmp_path = tmp_path_factory.mktemp("portable")
    mine = tmp_path / "author-home" / "mine.toml"
    mine.parent.mkdir()
    shutil.copy(SMALL, mine)
    out = tmp_path / "published"
    assert main(["sweep", str(mine), "--days", "1", "--reps", "1", "--param",
                 "ports.sea.scan.scanners.capacity=2", "--out", str(out)]) == 0
    return mine, out


def test_a_sweeps_folder_keeps_the_files_name_and_hash_only(published):
    mine, out = published
    digest = hashlib.sha256(mine.read_bytes()).hexdigest()
    meta = json.loads((out / "meta.json").read_text())
    assert (meta["scenario"], meta["scenario_where"]) == ("mine.toml", "elsewhere")
    assert meta["scenario_sha256"] == digest
    note = meta["intervals"]  # (how its intervals were made: tests/test_interval_notes.py)
    assert "point 0" in note["differences"] and "points" in note["significant"]
    kept = json.loads((out / "scenario-source.json").read_text())
    assert (kept["file"], kept["where"], kept["sha256"]) == ("mine.toml", "elsewhere", digest)


def test_a_folder_written_with_the_full_path_still_reproduces(published, tmp_path, capsys):
    """A folder written before: the full path in both files, its seal made over them."""
    mine, out = published
    out = Path(shutil.copytree(out, tmp_path / "old"))
    meta = json.loads((out / "meta.json").read_text())
    kept = json.loads((out / "scenario-source.json").read_text())
    meta.update(scenario=str(mine))
    for key in ("scenario_where", "scenario_sha256"):
        del meta[key]
    (out / "meta.json").write_text(json.dumps(meta))
    del kept["where"]
    (out / "scenario-source.json").write_text(json.dumps({**kept, "file": str(mine)}))
    finish_seal.add(out, ["scenario-source.json"])
    capsys.readouterr()
    assert main(["reproduce", str(out), "--check-only"]) == 0
    assert main(["reproduce", str(out), "--out", str(tmp_path / "again")]) == 0
    assert "REPRODUCED: every figure compared is the same" in capsys.readouterr().out
