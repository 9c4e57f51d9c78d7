"""A results folder records where it was made (sim.made_where), and a resume elsewhere warns."""

from __future__ import annotations

import json
import platform
import subprocess
from pathlib import Path

import pytest

from sim import made_where
from sim.cli import main
from sim.reproduce_compare import ENVIRONMENT

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
RUN = ["run", SMALL, "--days", "7", "--reps", "1"]


@pytest.fixture
def fresh_git():
    made_where.git_state.cache_clear()
    yield
    made_where.git_state.cache_clear()


def _git_head() -> str | None:
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def test_meta_records_where_the_run_was_made_and_keeps_its_keys(tmp_path, capsys, fresh_git):
    assert main([*RUN, "--out", str(tmp_path / "o")]) == 0
    meta = json.loads((tmp_path / "o" / "meta.json").read_text(encoding="utf-8"))
    for key in ("package", "version", "build", "python", "libraries", "machine", "scenario",
                "scenario_hash", "seed", "reps", "created", "command", "history"):
        assert key in meta, key  # (old folders' keys are kept: they still read)
    assert meta["python"] == platform.python_version()
    assert meta["platform"] == platform.platform()
    assert {"numpy", "simpy", "pandas"} <= set(meta["libraries"])
    head = _git_head()
    if head is None or made_where.git_state() is None:  # (an installed package: none)
        assert "git" not in meta
    else:
        assert meta["git"]["commit"] == head
        assert isinstance(meta["git"]["dirty"], bool)


def test_no_git_or_no_checkout_records_nothing_and_never_fails(tmp_path, monkeypatch, fresh_git):
    assert made_where.git_state(tmp_path) is None  # (a folder that is no checkout)
    monkeypatch.setenv("PATH", str(tmp_path))  # (no git program at all)
    made_where.git_state.cache_clear()
    found = made_where.provenance()
    assert "git" not in found and found["platform"] == platform.platform()


def test_a_resume_elsewhere_warns_naming_old_and_new_and_goes_on(tmp_path, capsys,
                                                                  monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = tmp_path / "o"
    assert main([*RUN, "--out", str(out)]) == 0
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    meta["python"], meta["platform"] = "3.10.0", "Another-OS-1.0"
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    capsys.readouterr()
    assert main([*RUN, "--out", str(out)]) == 0  # (a warning, not a refusal)
    err = capsys.readouterr().err
    assert (f"warning: resuming {out}, made in another environment: python 3.10.0 -> "
            f"{platform.python_version()}, platform Another-OS-1.0 -> {platform.platform()}"
            ) in err
    records = json.loads((out / "warning-records.json").read_text(encoding="utf-8"))
    assert "resumed_elsewhere" in json.dumps(records)
    again = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert again["python"] == platform.python_version()  # (this command's, as recorded)


def test_a_resume_in_the_same_environment_says_nothing(tmp_path, capsys):
    out = tmp_path / "o"
    assert main([*RUN, "--out", str(out)]) == 0
    capsys.readouterr()
    assert main([*RUN, "--out", str(out)]) == 0
    assert "made in another environment" not in capsys.readouterr().err


GIT = {"commit": "a" * 40, "dirty": False}


def test_the_warning_says_the_results_match_only_when_the_commit_is_the_same():
    old = {"python": "3.11.7", "platform": "Linux-6.1", "git": GIT}
    moved = {**old, "python": "3.12.1"}
    found = made_where.changes(old, moved)
    assert found == ["python 3.11.7 -> 3.12.1"]
    same = made_where.warning(Path("o"), found, made_where.same_commit(old, moved))
    assert "the commit is the same" in same and "bit for bit" in same
    other = {**moved, "git": {"commit": "b" * 40, "dirty": False}}
    found = made_where.changes(old, other)
    assert found[-1] == f"git commit {'a' * 12} -> {'b' * 12}"
    said = made_where.warning(Path("o"), found, made_where.same_commit(old, other))
    assert "the commit is the same" not in said and "bit for bit" not in said
    dirty = {**moved, "git": {**GIT, "dirty": True}}
    assert not made_where.same_commit(old, dirty)
    assert made_where.changes(old, dirty)[-1] == "changed files none -> some"


def test_an_old_folder_without_the_new_keys_gives_no_warning():
    """A folder written before the platform and commit were recorded: nothing to compare."""
    old = {"python": "3.11.7", "libraries": {"numpy": "2.4.6"}}
    new = {**old, "platform": "Linux", "git": GIT}
    assert made_where.changes(old, new) == []


def test_reproduce_names_the_platform_and_commit_among_what_differs():
    assert {"platform", "git", "python", "libraries", "machine"} <= set(ENVIRONMENT)
