"""A resumed run, comparison or sweep says on stderr what it found finished and kept and
what it runs; an interrupted one says how many finished replications its folder keeps."""

from __future__ import annotations

import pytest

import sim.model.run
from sim.cli import main
from tests.conftest import SMALL

SHORT = ["--days", "1", "--set", "warmup_days=0.5", "--set", "drain_days=0.5"]


def _twice(tmp_path, capsys, argv, lost) -> tuple[str, str]:
    """Run ``argv`` into a folder, delete the replication files ``lost``, run it again:
    the two commands' stderr."""
    out = tmp_path / "o"
    assert main([*argv, *SHORT, "--out", str(out), "--json"]) == 0
    first = capsys.readouterr().err
    for name in lost:
        (out / name).unlink()
    assert main([*argv, *SHORT, "--out", str(out), "--json"]) == 0
    return first, capsys.readouterr().err


def test_a_resumed_run_says_what_it_kept_and_what_it_runs(tmp_path, capsys):
    first, again = _twice(tmp_path, capsys, ["run", str(SMALL), "--reps", "3"],
                          ["reps/rep-0001.json"])
    assert "resuming" not in first  # (a new folder kept nothing)
    assert ("resuming: 2 finished replication(s) found and kept (replication(s) 0, 2); 1 to "
            "run (replication(s) 1)") in again


def test_a_resumed_sweep_says_it_by_point(tmp_path, capsys):
    argv = ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=1,3", "--reps", "2"]
    _, again = _twice(tmp_path, capsys, argv, ["points/p0001-r0001.json"])
    assert ("resuming: 3 finished replication(s) found and kept (point 0: replication(s) 0 to "
            "1; point 1: replication(s) 0); 1 to run (point 1: replication(s) 1)") in again


def test_a_resumed_comparison_says_it_by_option_in_chinese_too(tmp_path, capsys):
    argv = ["compare", str(SMALL), "--reps", "1", "--option",
            "review4:ports.sea.review.capacity=4", "--no-report", "--lang", "zh"]
    _, again = _twice(tmp_path, capsys, argv, ["options/review4/reps/rep-0000.json"])
    assert ("续跑：找到并保留了 1 次已完成的重复运行（方案 baseline：第 0 次）；还要运行 1 次"
            "（方案 review4：第 0 次）") in again


def test_an_interrupted_run_says_how_many_replications_it_kept(tmp_path, capsys, monkeypatch):
    real = sim.model.run.simulate

    def stopped(*args, **kwargs):  # (Ctrl-C as the third replication starts)
        if kwargs.get("replication") == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(sim.model.run, "simulate", stopped)
    out = tmp_path / "o"
    assert main(["run", str(SMALL), "--reps", "3", *SHORT, "--out", str(out)]) == 130
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("interrupted; 2 finished replication(s) kept; resume it with: "), err


@pytest.mark.parametrize("kind", ["run", "sweep", "compare"])
def test_the_count_of_kept_replications_reads_each_kind_of_folder(tmp_path, kind):
    from sim.experiment.resume_tally import kept_replications

    where = {"run": "reps/rep-0003.json", "sweep": "points/p0002-r0001.json",
             "compare": "options/baseline/reps/rep-0000.json"}[kind]
    (tmp_path / where).parent.mkdir(parents=True)
    (tmp_path / where).write_text("{}")
    (tmp_path / where).with_name("rep-0003-log.parquet").write_text("")
    assert kept_replications(tmp_path, kind) == 1
