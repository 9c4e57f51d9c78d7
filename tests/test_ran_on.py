"""Which Dask scheduler and workers ran a folder's replications: recorded for a run on a
scheduler given by its address (tests/test_executors.py runs one), never for a local run
(tests/test_reporter_zh.py checks a serial one)."""

from __future__ import annotations

import json

from sim.experiment.ran_on import ran_on_lines


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
        "由位于 tcp://s:8786 的 Dask 调度器的 2 个工作进程运行：tcp://a:1（第 1 至 2、4 次"
        "重复运行）；tcp://b:1（第 0 次重复运行）"]
