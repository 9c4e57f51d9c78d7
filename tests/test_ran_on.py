"""Which Dask scheduler and workers ran a folder's replications: recorded for a run on a
scheduler given by its address (tests/test_executors.py runs one), never for a local run
(tests/test_reporter_zh.py checks a serial one)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

import sim.cli
from sim.cli import main
from sim.experiment.executors import Outcome, Task, run_task
from sim.experiment.ran_on import ran_on_lines
from tests.conftest import SMALL

SHORT = ["--days", "1", "--set", "warmup_days=0.5", "--set", "drain_days=0.5"]


def test_the_line_names_each_worker_and_its_replications(tmp_path):
    (tmp_path / "reps").mkdir()
    ran = {0: "tcp://b:1", 1: "tcp://a:1", 2: "tcp://a:1", 4: "tcp://a:1"}
    for r, worker in ran.items():
        record = {"replication": r, "ran_on": {"scheduler": "tcp://s:8786", "worker": worker}}
        (tmp_path / "reps" / f"rep-{r:04d}.json").write_text(json.dumps(record))
    (tmp_path / "reps" / "rep-0003.json").write_text(json.dumps({"replication": 3}))
    assert ran_on_lines(tmp_path) == [
        "ran on the Dask scheduler at tcp://s:8786 by 2 worker(s): tcp://a:1 (replication(s) "
        "1 to 2, 4); tcp://b:1 (replication(s) 0)"]
    assert ran_on_lines(tmp_path, "zh") == [
        "由位于 tcp://s:8786 的 Dask 调度器的 2 个工作进程运行：tcp://a:1（第 1 至 2、4 次）；"
        "tcp://b:1（第 0 次）"]


class _Cluster:
    """An executor that plays a Dask one given an address: it runs each task here and says
    which of two workers ran it."""

    name = "dask"

    def __init__(self) -> None:
        self.ran_on: dict[object, dict[str, str]] = {}

    def map(self, tasks: Sequence[Task]) -> Iterator[Outcome]:
        for i, task in enumerate(tasks):
            self.ran_on[task.key] = {"scheduler": "tcp://s:8786", "worker": f"tcp://w{i % 2}:1"}
            yield run_task(task)


def test_a_comparison_records_and_shows_who_ran_each_options_replication(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(sim.cli, "_executor", lambda args: _Cluster())
    out = tmp_path / "c"
    argv = ["compare", str(SMALL), "--reps", "1", "--option", "r4:ports.sea.review.capacity=4",
            "--no-report", *SHORT, "--out", str(out)]
    assert main(argv) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if "Dask" in line]
    assert said == [
        "ran on the Dask scheduler at tcp://s:8786 by 2 worker(s): tcp://w0:1 (option "
        "baseline: replication(s) 0); tcp://w1:1 (option r4: replication(s) 0)"]
    kept = json.loads((out / "options" / "r4" / "reps" / "rep-0000.json").read_text())
    assert kept["ran_on"] == {"scheduler": "tcp://s:8786", "worker": "tcp://w1:1"}


def test_a_sweep_records_and_shows_who_ran_each_points_replication(
    tmp_path, capsys, monkeypatch
):
    import sim.cli_experiments

    monkeypatch.setattr(sim.cli_experiments, "_executor", lambda args: _Cluster())
    out = tmp_path / "s"
    argv = ["sweep", str(SMALL), "--param", "ports.sea.review.capacity=3,4", "--reps", "1",
            *SHORT, "--out", str(out)]
    assert main(argv) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if "Dask" in line]
    assert said == [
        "ran on the Dask scheduler at tcp://s:8786 by 2 worker(s): tcp://w0:1 (point 0: "
        "replication(s) 0); tcp://w1:1 (point 1: replication(s) 0)"]
    kept = json.loads((out / "points" / "p0001-r0000.json").read_text())
    assert kept["ran_on"] == {"scheduler": "tcp://s:8786", "worker": "tcp://w1:1"}
    capsys.readouterr()
    assert main(argv) == 0  # (resumed: each point file, ran_on and all, read back intact)
    assert "computing point" not in capsys.readouterr().err


def test_points_are_told_in_their_order_in_both_languages(tmp_path):
    (tmp_path / "points").mkdir()
    for point in (10, 2):
        record = {"point": point, "replication": 0,
                  "ran_on": {"scheduler": "tcp://s:1", "worker": "tcp://w:1"}}
        (tmp_path / "points" / f"p{point:04d}-r0000.json").write_text(json.dumps(record))
    assert ran_on_lines(tmp_path) == [
        "ran on the Dask scheduler at tcp://s:1 by 1 worker(s): tcp://w:1 (point 2: "
        "replication(s) 0; point 10: replication(s) 0)"]
    assert ran_on_lines(tmp_path, "zh") == [
        "由位于 tcp://s:1 的 Dask 调度器的 1 个工作进程运行：tcp://w:1（第 2 点：第 0 次；"
        "第 10 点：第 0 次）"]
