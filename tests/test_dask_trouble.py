"""An operator's Dask cluster failing under a run: a scheduler that dies part-way stops the run
in one line naming the replications still to do, leaves the folder unfinished (no tables, no
seal), and the same command resumes to the results of an uninterrupted run; an address where
nothing listens is refused at once, not after Dask's 30 s connect timeout."""

from __future__ import annotations

import contextlib
import logging
import socket
import time
from pathlib import Path
from typing import Any

import pytest

from sim.cli import main
from sim.experiment.dask_trouble import SchedulerLost, replications, still_to_do, trouble
from sim.experiment.executors import Task

pytest.importorskip("distributed")

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
SHORT_ARGS = ["--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1"]
COMPARE = ["compare", str(SMALL), "--reforms", "single_window", "--reps", "3", *SHORT_ARGS,
           "--no-report", "--no-gains", "--seed", "3"]  # fmt: skip


def _cluster():  # type: ignore[no-untyped-def]
    from distributed import LocalCluster

    return LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                        dashboard_address=":0", silence_logs=logging.CRITICAL)  # fmt: skip


#: the cluster whose scheduler :func:`_run_then_lose_scheduler` stops, and the real task
_LOSE: dict[str, Any] = {}


def _run_then_lose_scheduler(task: Task) -> Any:
    """Replication 1 stops the scheduler (from its worker's thread) before it runs."""
    if task.replication == 1:
        from distributed.core import Status

        cluster = _LOSE["cluster"]
        cluster.loop.add_callback(cluster.scheduler.close)
        # it runs once the scheduler is closed (after a fixed pause, on a loaded machine, it
        # could run and come back before the close)
        deadline = time.monotonic() + 60
        while cluster.scheduler.status != Status.closed and time.monotonic() < deadline:
            time.sleep(0.01)
    return _LOSE["run"](task)


def test_a_scheduler_lost_part_way_stops_the_run_in_one_line_and_resumes(
    tmp_path, capsys, monkeypatch
):
    """Before, every replication still to do came back as "failed" (FutureCancelledError,
    two lines each, beside Dask's traceback), and the comparison was finished and sealed from
    the replications that had come back, as if it were done."""
    import sim.experiment.executors as executors

    out = tmp_path / "o"
    cluster = _cluster()
    try:
        _LOSE.update(cluster=cluster, run=executors.run_task)
        monkeypatch.setattr(executors, "run_task", _run_then_lose_scheduler)
        code = main([*COMPARE, "--dask", cluster.scheduler_address, "--out", str(out)])
    finally:  # (a cluster without its scheduler would wait 30 s for it as it closes)
        with contextlib.suppress(TimeoutError):
            cluster.close(timeout=1)
    err = capsys.readouterr().err
    lines = [s for s in err.splitlines() if not s.startswith(("note", "warning"))]
    assert code == 1
    assert len(lines) == 1, err
    assert lines[0].startswith(
        f"error: lost the Dask scheduler at {cluster.scheduler_address} part-way"), err
    assert " still to do (option baseline: replication(s) " in lines[0], err
    assert " to 2); " in lines[0], err
    assert "rerun the same command with the same --out to resume" in lines[0]
    assert not (out / "finished.json").exists() and not (out / "summary.csv").exists()
    monkeypatch.setattr(executors, "run_task", _LOSE.pop("run"))
    assert main([*COMPARE, "--out", str(out)]) == 0  # resumed (here serially)
    assert main([*COMPARE, "--out", str(tmp_path / "whole")]) == 0
    capsys.readouterr()
    for table in ("replications.csv", "summary.csv", "differences.csv"):
        assert (out / table).read_bytes() == (tmp_path / "whole" / table).read_bytes(), table


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("address", "why"),
    [("tcp://127.0.0.1:{port}", "nothing listens on port {port} of 127.0.0.1 (connection "
      "refused)"), ("nohost.invalid:{port}", "the name nohost.invalid does not resolve")],
)
def test_an_address_where_nothing_listens_is_refused_at_once(tmp_path, capsys, address, why):
    """Before, Dask tried again for its connect timeout: 30 s, then said it had timed out."""
    port = _free_port()
    address = address.format(port=port)
    started = time.monotonic()
    code = main([*COMPARE, "--dask", address, "--out", str(tmp_path / "o")])
    took = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"error: cannot reach the Dask scheduler at {address}: "
                          f"{why.format(port=port)}"), err
    assert len(err.strip().splitlines()) == 1, err
    assert took < 10, took
    assert not (tmp_path / "o").exists()


def test_the_replications_still_to_do_read_as_ranges():
    tasks = [Task(("a", r), None, 0, r) for r in (0, 1, 2, 3, 7, 9, 10, 3)]  # type: ignore[arg-type]
    assert replications(tasks) == "0 to 3, 7, 9 to 10"


def test_the_refusal_speaks_chinese(tmp_path, capsys):
    port = _free_port()
    assert main([*COMPARE, "--dask", f"127.0.0.1:{port}", "--lang", "zh",
                 "--out", str(tmp_path / "o")]) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert err.strip() == (f"错误：无法连接位于 127.0.0.1:{port} 的 Dask 调度器：127.0.0.1 的端口 "
                           f"{port} 上没有程序监听（连接被拒绝）；它是否在运行，地址是否正确？")


class _Cancelled(Exception):
    """What a future raises when its client loses the scheduler."""

    reason = "scheduler-connection-lost"


def test_a_lost_scheduler_is_told_not_a_replication_that_failed():
    from sim.cli_zh_errors import reason

    left = [Task(r, None, 0, r) for r in (4, 5, 6)]  # type: ignore[arg-type]
    running = type("Client", (), {"status": "running"})()
    assert trouble(ValueError("a model error"), running, "tcp://h:1", left) is None
    lost = trouble(_Cancelled(), running, "tcp://h:1", left)
    assert isinstance(lost, SchedulerLost)
    assert "3 replication(s) still to do (replication(s) 4 to 6)" in str(lost)
    gone = type("Client", (), {"status": "closed"})()
    assert isinstance(trouble(RuntimeError("stream closed"), gone, "tcp://h:1", left),
                      SchedulerLost)  # fmt: skip
    assert reason(str(lost)) == (
        "运行中途失去了位于 tcp://h:1 的 Dask 调度器（其工作进程随之停止）；"
        "尚有 3 次重复运行未完成（第 4 至 6 次）；已完成的均已保存："
        "请再次启动调度器及其工作进程，然后用同一 --out 重新运行同一命令即可续跑")


def test_a_sweeps_or_comparisons_replications_still_to_do_are_said_by_point_or_option():
    """Before, a sweep that lost its scheduler said "30 replication(s) still to do
    (replication(s) 0 to 3)", as if only four were left, of no point in particular."""
    from sim.cli_zh_errors import reason

    sweep = [Task((p, r), None, 0, r)  # type: ignore[arg-type]
             for p in (0, 1, 2, 3, 5) for r in range(4) if (p, r) not in ((0, 0), (0, 1))]
    assert still_to_do(sweep) == (
        "point 0: replication(s) 2 to 3; points 1 to 3, 5: replication(s) 0 to 3")
    compare = [Task((o, r), None, 0, r)  # type: ignore[arg-type]
               for o in ("sw", "baseline", "a") for r in (0, 1, 2) if (o, r) != ("baseline", 0)]
    assert still_to_do(compare) == (  # (the baseline first, whatever came back first)
        "option baseline: replication(s) 1 to 2; option a: replication(s) 0 to 2; "
        "option sw: replication(s) 0 to 2")
    lost = str(trouble(_Cancelled(), type("Client", (), {"status": "running"})(), "tcp://h:1",
                       sweep))  # fmt: skip
    assert ("18 replication(s) still to do (point 0: replication(s) 2 to 3; points 1 to 3, 5: "
            in lost)
    assert "（第 0 点：第 2 至 3 次；第 1 至 3、5 点：第 0 至 3 次）" in str(reason(lost))
