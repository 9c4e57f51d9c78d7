"""``bordersim reproduce`` takes the executor options a sweep takes (``--executor``,
``--workers``, ``--dask``): a large folder is re-run in parallel, and the results are the
same bit for bit whatever runs them (replication ``r`` runs under its own seed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sim.cli import main
from sim.reproduce import Executing, Recorded, rerun_argv
from tests.test_compare_checks import SMALL


@pytest.fixture(scope="module")
def swept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sweep of two points, one replication each, one observed day, run one at a time."""
    sweep = tmp_path_factory.mktemp("swept") / "sweep"
    assert main(["sweep", str(SMALL), "--days", "1", "--reps", "1", "--param",
                 "ports.sea.scan.scanners.capacity=1,2", "--out", str(sweep)]) == 0
    return sweep


def test_a_sweep_rerun_on_two_workers_is_the_same_bit_for_bit(swept, tmp_path, capsys,
                                                              monkeypatch):
    """``--executor processes --workers 2`` reaches the sweep's executor; its replications
    come back last first, as two workers may finish them (run here in this process: two
    spawned workers would take seconds to start), and every file is the same."""
    from sim.experiment import executors

    pools: list[int | None] = []

    def last_first(self: executors.ProcessExecutor, tasks):  # type: ignore[no-untyped-def]
        pools.append(self.workers)
        yield from reversed([executors.run_task(task) for task in tasks])

    monkeypatch.setattr(executors.ProcessExecutor, "map", last_first)
    capsys.readouterr()
    assert main(["reproduce", str(swept), "--executor", "processes", "--workers", "2",
                 "--out", str(tmp_path / "again")]) == 0
    out = capsys.readouterr().out
    assert pools == [2]
    assert "2 of 2 points, 1 of 1 replication" in out
    assert "REPRODUCED: every figure compared is the same, bit for bit" in out, out


def test_a_commands_rerun_is_given_the_executor_options(tmp_path, capsys):
    rec = Recorded(tmp_path, "run", tmp_path / "scenario.json", 1, 2, 1.0, [], [""])
    words = ("--executor", "dask", "--dask", "tcp://scheduler:8786")
    argv = rerun_argv(rec, tmp_path / "again", 2, words)
    assert argv[argv.index("--out") + 2:][:4] == list(words)
    assert main(["reproduce", str(tmp_path), "--workers", "2"]) == 2  # (as a sweep says)
    assert "--workers 2 is for --executor processes or dask" in capsys.readouterr().err
    assert Executing().words == ()  # (by default one at a time, as before)


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run's folder of two replications of one observed day, made by the command line."""
    run = tmp_path_factory.mktemp("ran") / "run"
    assert main(["run", str(SMALL), "--days", "1", "--reps", "2", "--out", str(run)]) == 0
    return run


def _spied(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The workers of each process pool asked to run replications (run here, last first,
    as two workers may finish them: two spawned workers would take seconds to start)."""
    from sim.experiment import executors

    pools: list[int | None] = []

    def last_first(self: executors.ProcessExecutor, tasks):  # type: ignore[no-untyped-def]
        pools.append(self.workers)
        yield from reversed([executors.run_task(task) for task in tasks])

    monkeypatch.setattr(executors.ProcessExecutor, "map", last_first)
    return pools


def test_check_only_refuses_executor_options_it_would_ignore(ran, capsys):
    """``--check-only`` runs no replication: an executor beside it is refused (exit 2),
    in Chinese too, not silently ignored; without one the folder is as written."""
    from tests.test_cli_lang_notes import english_left

    assert main(["reproduce", str(ran), "--check-only"]) == 0
    capsys.readouterr()
    for extra in (["--executor", "processes"], ["--workers", "2"]):  # (--dask: probed first)
        assert main(["reproduce", str(ran), "--check-only", *extra]) == 2
        assert "give no --executor, --workers or --dask" in capsys.readouterr().err
    assert main(["reproduce", str(ran), "--check-only", "--executor", "processes",
                 "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert "执行器" in err and english_left(err) == [] and "尚无中文" not in err, err


def test_reproduce_folder_runs_a_commands_folder_on_the_executor_asked(ran, tmp_path,
                                                                        monkeypatch):
    """``sim.reproduce_folder(..., executor="processes", workers=2)`` reaches the re-run's
    process pool, and the figures are those the default executor gives, bit for bit."""
    import sim

    pools = _spied(monkeypatch)
    check = sim.reproduce_folder(ran, tmp_path / "pool", executor="processes", workers=2)
    assert pools == [2] and check.same, str(check)
    serial = sim.reproduce_folder(ran, tmp_path / "serial")
    assert pools == [2] and serial.same  # (the default: one at a time, no pool)
    for name in ("summary.csv", "enforcement.csv"):
        assert (tmp_path / "pool" / name).read_bytes() == \
            (tmp_path / "serial" / name).read_bytes()


def test_reproduce_folder_runs_a_sweep_on_the_executor_asked(swept, tmp_path, monkeypatch):
    import sim

    pools = _spied(monkeypatch)
    assert sim.reproduce_folder(swept, tmp_path / "again", executor="processes",
                                workers=2).same
    assert pools == [2]


@pytest.mark.parametrize(("asked", "said"), [
    ({"executor": "threads"}, "executor='threads': allowed 'serial', 'processes', 'dask'"),
    ({"workers": 2}, "workers=2: a whole number from 1, for executor='processes'"),
    ({"executor": "processes", "workers": 0}, "workers=0: a whole number from 1"),
    ({"dask": "tcp://scheduler:8786"}, "needs executor='dask' (got executor='serial')"),
])
def test_reproduce_folder_refuses_a_bad_executor(ran, tmp_path, asked, said):
    import sim

    with pytest.raises(ValueError, match=re.escape(said)):
        sim.reproduce_folder(ran, tmp_path / "again", **asked)
    assert not (tmp_path / "again").exists()  # (refused before anything ran)
