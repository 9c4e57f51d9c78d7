"""An interrupted comparison whose folder moved (with the scenario beside it, or alone)
still resumes: its record's paths are relative to where its command was typed
(sim/experiment/command_paths.py), and the line that resumes it gives them from here."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest

import sim.experiment.compare as compare_mod
from sim.cli import main
from sim.report.remedy import resume_command
from tests.test_compare_checks import SMALL

SHORT = ["--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1", "--reps", "2",
         "--no-gains", "--no-report"]


@pytest.fixture
def interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``top/res/c``: a comparison typed in ``top/work`` (its scenario there) whose option's
    second replication failed."""
    top = tmp_path / "top"
    (top / "work").mkdir(parents=True)
    shutil.copy(SMALL, top / "work" / "s.toml")
    real = compare_mod.simulate

    def flaky(scenario, seed, replication=0, log=False):  # type: ignore[no-untyped-def]
        if replication == 1 and scenario.ports["sea"].review.capacity == 4:
            raise RuntimeError("boom")
        return real(scenario, seed, replication=replication, log=log)

    monkeypatch.chdir(top / "work")
    with monkeypatch.context() as patched:
        patched.setattr(compare_mod, "simulate", flaky)
        assert main(["compare", "s.toml", "--option", "review4:ports.sea.review.capacity=4",
                     *SHORT, "--out", str(top / "res" / "c")]) == 1
    return top


def _resumed(folder: Path) -> dict:
    """The last history entry of ``folder``'s comparison, once resumed."""
    history = json.loads((folder / "compare.json").read_text())["history"]
    assert len(history) == 2, history
    return dict(history[-1])


def test_the_moved_tree_resumes_by_its_printed_line(interrupted, tmp_path, monkeypatch):
    moved = Path(shutil.move(interrupted, tmp_path / "elsewhere"))
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")  # (neither where it was typed nor the folder)
    line = resume_command(moved / "res" / "c", "compare")
    words = shlex.split(line)
    assert words[2] == str(moved / "work" / "s.toml"), line
    assert main(words[1:]) == 0
    assert _resumed(moved / "res" / "c")["computed"] == {"baseline": [], "review4": [1]}


def test_a_folder_moved_alone_resumes_from_its_command_given_again(interrupted, tmp_path,
                                                                  monkeypatch):
    moved = Path(shutil.move(interrupted / "res" / "c", tmp_path / "moved"))
    assert main(["compare", str(interrupted / "work" / "s.toml"), "--option",
                 "review4:ports.sea.review.capacity=4", *SHORT, "--out", str(moved)]) == 0
    last = _resumed(moved)
    assert last["computed"] == {"baseline": [], "review4": [1]}
    assert str(tmp_path) not in json.dumps(last)
