"""A results folder keeps how it was made, command by command (``history`` in meta.json and
compare.json): each command that resumes it adds an entry (its command line, when it
started, the code that ran it and what it computed), beside the last ``command`` and
``resumed`` kept as before; a folder written before the history was kept still resumes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import sim.experiment.compare as compare_mod
import sim.model.run
from sim.build import build
from sim.cli import main

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: a day with no warm-up and a day's drain (the small scenario's own are a week each): the
#: history records commands and replication numbers, which do not depend on a run's length
SHORT = ["--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1"]
RUN = ["run", str(SMALL), *SHORT]
SWEEP = ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=2,3", *SHORT]
COMPARE = ["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4",
           *SHORT, "--no-gains", "--no-report"]


def _typed(argv: list[str]) -> list[str]:
    """``bordersim`` and ``argv`` as a results folder records them: each absolute path
    relative to where the command was typed (no directory of the machine)."""
    return ["bordersim", *(os.path.relpath(w) if os.path.isabs(w) else w for w in argv)]


def _typed_here(folder: Path, entry: dict) -> bool:
    """Whether a history ``entry`` says it was typed in this working directory."""
    return (folder / entry["typed_in"]).resolve() == Path.cwd().resolve()


def _meta(folder: Path, name: str = "meta.json") -> dict:
    return json.loads((folder / name).read_text())


@pytest.fixture(scope="module")
def run2(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("h") / "r"
    assert main([*RUN, "--reps", "2", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def sweep1(tmp_path_factory) -> Path:
    """``SWEEP`` with one replication, made once per module: the tests copy it."""
    out = tmp_path_factory.mktemp("h") / "s"
    assert main([*SWEEP, "--reps", "1", "--out", str(out)]) == 0
    return out


def test_a_resumed_run_adds_an_entry_and_keeps_the_earlier_ones(run2, tmp_path, capsys):
    folder = Path(shutil.copytree(run2, tmp_path / "r"))
    first = _meta(folder)
    assert [e["computed"] for e in first["history"]] == [[0, 1]]
    assert first["history"][0]["command"] == first["command"]
    assert first["history"][0]["started"] == first["created"]
    assert first["history"][0]["build"] == build()
    argv = [*RUN, "--reps", "3", "--out", str(folder)]
    assert main(argv) == 0
    meta = _meta(folder)
    assert meta["command"] == _typed(argv) and meta["created"] == first["created"]
    # (no argument is the folder's absolute path: a relative one may end in the same letters)
    assert not any(str(a).startswith(str(folder)) for e in meta["history"] for a in e["command"])
    assert _typed_here(folder, meta["history"][1])
    assert [e["computed"] for e in meta["history"]] == [[0, 1], [2]]
    assert meta["history"][0] == first["history"][0]
    assert meta["history"][1]["command"] == meta["command"]
    assert meta["history"][1]["started"] == meta["resumed"]
    assert main(argv) == 0  # nothing left to compute: an entry that computed nothing
    assert [e["computed"] for e in _meta(folder)["history"]] == [[0, 1], [2], []]
    assert main(["report", str(folder), "--check"]) == 0  # (reads the meta.json it keeps)
    capsys.readouterr()


def test_an_interrupted_command_says_what_it_computed_until_then(
    run2, tmp_path, capsys, monkeypatch
):
    """Interrupted after its first new replication, a command's entry keeps that one and
    says it was interrupted, so where each kept replication came from stays known; the
    folder is then not taken as whole (its tables are pooled again on resume)."""
    folder = Path(shutil.copytree(run2, tmp_path / "r"))
    real, calls = sim.model.run.simulate, []

    def stop_second(*args, **kwargs):
        calls.append(1)
        if len(calls) > 1:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(sim.model.run, "simulate", stop_second)
    assert main([*RUN, "--reps", "4", "--out", str(folder)]) == 130  # (interrupted)
    monkeypatch.undo()
    history = _meta(folder)["history"]
    assert [e["computed"] for e in history] == [[0, 1], [2]]
    assert history[-1]["interrupted"] is True and "interrupted" not in history[0]
    assert main([*RUN, "--reps", "4", "--out", str(folder)]) == 0
    assert [e["computed"] for e in _meta(folder)["history"]] == [[0, 1], [2], [3]]
    capsys.readouterr()


def test_failed_replications_are_named_in_the_entry(run2, tmp_path, capsys, monkeypatch):
    folder = Path(shutil.copytree(run2, tmp_path / "r"))
    real = sim.model.run.simulate

    def flaky(scenario, seed, *, replication=0, **kw):
        if replication == 3:
            raise RuntimeError("boom")
        return real(scenario, seed, replication=replication, **kw)

    monkeypatch.setattr(sim.model.run, "simulate", flaky)
    assert main([*RUN, "--reps", "4", "--out", str(folder)]) == 1
    last = _meta(folder)["history"][-1]
    assert (last["computed"], last["failed"]) == ([2], [3])
    capsys.readouterr()


def test_a_folder_from_before_the_history_still_resumes(run2, tmp_path, capsys):
    """Its one known command (the last, started when it resumed or was created) becomes the
    first entry, with what it computed unknown."""
    folder = Path(shutil.copytree(run2, tmp_path / "r"))
    meta = _meta(folder)
    del meta["history"]
    meta["resumed"] = "2024-05-01T12:00:00+00:00"
    (folder / "meta.json").write_text(json.dumps(meta))
    assert main([*RUN, "--reps", "3", "--out", str(folder)]) == 0
    history = _meta(folder)["history"]
    assert history[0] == {"command": meta["command"], "started": "2024-05-01T12:00:00+00:00",
                          "build": meta["build"], "computed": None}
    assert history[1]["computed"] == [2]
    capsys.readouterr()


def test_a_resumed_sweep_adds_an_entry(sweep1, tmp_path, capsys):
    out = Path(shutil.copytree(sweep1, tmp_path / "s"))
    first = _meta(out)
    assert "resumed" not in first
    assert [e["computed"] for e in first["history"]] == [{"0": [0], "1": [0]}]
    argv = [*SWEEP, "--reps", "2", "--out", str(out)]
    assert main(argv) == 0
    meta = _meta(out)
    assert meta["command"] == _typed(argv) and meta["created"] == first["created"]
    assert _typed_here(out, meta["history"][1])
    assert meta["history"][1]["computed"] == {"0": [1], "1": [1]}  # (replication 1 of each)
    assert meta["history"][1]["started"] == meta["resumed"]
    assert meta["history"][1]["build"] == build()
    del meta["history"]  # (as a sweep folder written before the history was kept)
    (out / "meta.json").write_text(json.dumps(meta))
    assert main(argv) == 0
    history = _meta(out)["history"]
    assert [e["command"] for e in history] == [meta["command"]] * 2
    assert [e["computed"] for e in history] == [None, {}]
    assert main(["report", str(out), "--check"]) == 0
    capsys.readouterr()


def test_an_interrupted_sweep_says_which_points_it_computed(tmp_path, capsys, monkeypatch):
    """As a run's: the (point, replication) runs finished before the interrupt, by point,
    and ``"interrupted": true``; the resume's entry gives the rest."""
    out = tmp_path / "s"
    real, calls = sim.model.run.simulate, []

    def stop_third(*args, **kwargs):
        calls.append(1)
        if len(calls) > 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(sim.model.run, "simulate", stop_third)
    argv = [*SWEEP, "--reps", "2", "--out", str(out)]
    assert main(argv) == 130
    monkeypatch.undo()
    (last,) = _meta(out)["history"]
    assert last["computed"] == {"0": [0, 1]} and last["interrupted"] is True
    assert main(argv) == 0
    last = _meta(out)["history"][-1]
    assert last["computed"] == {"1": [0, 1]} and "interrupted" not in last
    capsys.readouterr()


def test_a_resumed_comparison_adds_an_entry_by_option(tmp_path, capsys, monkeypatch):
    out = tmp_path / "c"
    assert main([*COMPARE, "--reps", "1", "--out", str(out)]) == 0
    first = _meta(out, "compare.json")
    assert [e["computed"] for e in first["history"]] == [{"baseline": [0], "review4": [0]}]
    real = compare_mod.simulate

    def flaky(scenario, seed, replication=0, log=False):
        if replication == 2 and scenario.ports["sea"].review.capacity == 4:
            raise RuntimeError("boom")
        return real(scenario, seed, replication=replication, log=log)

    monkeypatch.setattr(compare_mod, "simulate", flaky)
    argv = [*COMPARE, "--reps", "3", "--out", str(out)]
    assert main(argv) == 1  # (a replication failed)
    meta = _meta(out, "compare.json")
    assert meta["command"] == _typed(argv) and meta["created"] == first["created"]
    last = meta["history"][-1]
    assert _typed_here(out, last)
    assert last["computed"] == {"baseline": [1, 2], "review4": [1]}
    assert last["failed"] == {"review4": [2]}
    assert last["started"] == meta["resumed"] and last["build"] == build()
    option = _meta(out / "options" / "review4")["history"]  # (each option's folder too)
    assert [(e["computed"], e.get("failed")) for e in option] == [([0], None), ([1], [2])]
    capsys.readouterr()


def test_an_interrupted_comparison_says_what_it_computed_by_option(tmp_path, capsys, monkeypatch):
    out = tmp_path / "c"
    real = compare_mod.simulate

    def stop_at_rep_1(scenario, seed, replication=0, log=False):
        if replication == 1:
            raise KeyboardInterrupt
        return real(scenario, seed, replication=replication, log=log)

    monkeypatch.setattr(compare_mod, "simulate", stop_at_rep_1)
    assert main([*COMPARE, "--reps", "2", "--out", str(out)]) == 130
    monkeypatch.undo()
    (last,) = _meta(out, "compare.json")["history"]
    assert last["computed"] == {"baseline": [0], "review4": [0]} and last["interrupted"]
    (option,) = _meta(out / "options" / "review4")["history"]
    assert option["computed"] == [0] and option["interrupted"]
    assert main([*COMPARE, "--reps", "2", "--out", str(out)]) == 0
    history = _meta(out, "compare.json")["history"]
    assert history[-1]["computed"] == {"baseline": [1], "review4": [1]}
    assert "interrupted" not in history[-1]
    capsys.readouterr()


@pytest.mark.parametrize("command", [["run"], ["compare", "--option", "a:days=2"],
                                     ["sweep", "--param", "ports.sea.review.capacity=3,4"]])
def test_a_folder_another_command_is_writing_is_refused(command, tmp_path, capsys):
    """Two commands into one --out at once: the second is refused, naming the folder (both
    computed everything, and the history called the first interrupted); the lock is on the
    folder itself, so it ends with its holder, and the next command goes ahead."""
    import fcntl
    import os

    out = tmp_path / "busy"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    argv = [command[0], str(SMALL), *command[1:], "--reps", "1", *SHORT, "--out", str(out)]
    try:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"error: {out} is being written by another bordersim command now" in err, err
        assert not list(out.iterdir())
    finally:
        os.close(fd)
    assert main(argv) == 0, capsys.readouterr().err


def _killed_at(monkeypatch, rep: int, *stores) -> None:
    """Make a command die at replication ``rep`` as a kill -9 would: without saying in its
    history what it computed (its ``record_history`` never runs)."""
    real = sim.model.run.simulate

    def die(*args, replication=0, **kwargs):
        if replication == rep:
            raise KeyboardInterrupt
        return real(*args, replication=replication, **kwargs)

    monkeypatch.setattr(sim.model.run, "simulate", die)
    for owner, name in stores:
        monkeypatch.setattr(owner, name, lambda *a, **k: None)


def test_a_killed_run_is_accounted_for_by_the_next_command(run2, tmp_path, capsys, monkeypatch):
    """The next command marks the entry of one killed outright, giving it the replication
    files that no other entry computed; with an earlier entry not known, only the mark."""
    from sim.experiment.store import RunStore

    folder = Path(shutil.copytree(run2, tmp_path / "r"))
    _killed_at(monkeypatch, 3, (RunStore, "record_history"))
    argv = [*RUN, "--reps", "4", "--out", str(folder)]
    assert main(argv) == 130
    monkeypatch.undo()
    assert _meta(folder)["history"][-1]["computed"] is None  # (what a kill leaves)
    assert main(argv) == 0
    history = _meta(folder)["history"]
    assert [(e["computed"], e.get("killed")) for e in history] == [
        ([0, 1], None), ([2], True), ([3], None)]
    meta = _meta(folder)
    meta["history"][0]["computed"] = None  # (an earlier entry whose replications are unknown)
    meta["history"][1:] = [{**meta["history"][1], "computed": None}]
    del meta["history"][1]["killed"]
    (folder / "meta.json").write_text(json.dumps(meta))
    assert main(argv) == 0
    assert [(e["computed"], e.get("killed")) for e in _meta(folder)["history"]] == [
        (None, None), (None, True), ([], None)]
    capsys.readouterr()


def test_a_killed_sweep_is_accounted_for_by_the_next_command(tmp_path, capsys, monkeypatch):
    from sim.experiment.sweep_store import SweepStore

    out = tmp_path / "s"
    _killed_at(monkeypatch, 1, (SweepStore, "record_history"))
    argv = [*SWEEP, "--reps", "2", "--out", str(out)]
    assert main(argv) == 130  # (replication 0 of point 0 finished)
    monkeypatch.undo()
    assert main(argv) == 0
    history = _meta(out)["history"]
    assert [(e["computed"], e.get("killed")) for e in history] == [
        ({"0": [0]}, True), ({"0": [1], "1": [0, 1]}, None)]
    capsys.readouterr()


def test_a_killed_comparison_is_accounted_for_by_the_next_command(tmp_path, capsys, monkeypatch):
    from sim.experiment.store import RunStore

    out = tmp_path / "c"
    real = compare_mod.simulate

    def die(scenario, seed, replication=0, log=False):
        if replication == 1:
            raise KeyboardInterrupt
        return real(scenario, seed, replication=replication, log=log)

    monkeypatch.setattr(compare_mod, "simulate", die)
    monkeypatch.setattr(compare_mod.Comparison, "_record_history", lambda *a, **k: None)
    monkeypatch.setattr(RunStore, "record_history", lambda *a, **k: None)
    argv = [*COMPARE, "--reps", "2", "--out", str(out)]
    assert main(argv) == 130
    monkeypatch.undo()
    assert main(argv) == 0
    (killed, last) = _meta(out, "compare.json")["history"]
    assert (killed["computed"], killed["killed"]) == ({"baseline": [0], "review4": [0]}, True)
    assert last["computed"] == {"baseline": [1], "review4": [1]} and "killed" not in last
    option = _meta(out / "options" / "review4")["history"]
    assert [(e["computed"], e.get("killed")) for e in option] == [([0], True), ([1], None)]
    capsys.readouterr()


def test_compare_json_and_the_reports_name_the_build(sweep1, tmp_path, capsys):
    """What ran a comparison (the build and the libraries) is in compare.json, not only in
    each option's meta.json, and every report's "What was run" shows the build."""
    from sim.build import libraries

    out = tmp_path / "c"
    assert main([*COMPARE[:-1], "--reps", "1", "--out", str(out)]) == 0
    meta = _meta(out, "compare.json")
    assert (meta["build"], meta["libraries"]) == (build(), libraries())
    assert f"<th scope='row'>build</th><td>{build()}</td>" in (out / "report.html").read_text()
    sweep = Path(shutil.copytree(sweep1, tmp_path / "s"))
    assert main(["report", str(sweep)]) == 0
    assert f"<td>{build()}</td>" in (sweep / "report.html").read_text()
    capsys.readouterr()
