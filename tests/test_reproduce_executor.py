"""``bordersim reproduce`` takes the executor options a sweep takes (``--executor``,
``--workers``, ``--dask``): a large folder is re-run in parallel, and the results are the
same bit for bit whatever runs them (replication ``r`` runs under its own seed)."""

from __future__ import annotations

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
