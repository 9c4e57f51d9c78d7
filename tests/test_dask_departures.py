"""A Dask worker lost part-way through a run is said, once, naming it, and its replications
are redone elsewhere to the results of an undisturbed run (before, the run said nothing)."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from sim.cli import main
from sim.experiment import dask_departures
from sim.experiment.dask_departures import watch_departures
from sim.experiment.executors import Task

pytest.importorskip("distributed")

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
RUN = ["run", str(SMALL), "--reps", "2", "--days", "1", "--set", "warmup_days=0",
       "--set", "drain_days=1", "--seed", "5"]  # fmt: skip


def test_the_watch_names_each_worker_that_left_once_and_skips_a_failed_look() -> None:
    looks: list[Any] = [{"a", "b"}, {"a", "b"}, "gone", {"a"}, {"a", "c"}, {"a", "c"}, set()]
    stop, said = threading.Event(), list[str]()

    def workers() -> set[str]:
        if not looks:
            stop.set()
            return set()
        look = looks.pop(0)
        if look == "gone":
            raise OSError("the scheduler did not answer")
        return set(look)

    watch_departures(workers, lambda: 4, "tcp://h:8786", stop, every=0.001, say=said.append)
    assert said == [
        dask_departures.departed("b", "tcp://h:8786", 1, 4),
        dask_departures.departed("a", "tcp://h:8786", 0, 4),
        dask_departures.departed("c", "tcp://h:8786", 0, 4),
    ]
    assert said[0].startswith("note: worker b left the Dask scheduler at tcp://h:8786 "
                              "part-way"), said  # fmt: skip
    assert "to the other 1 worker(s)" in said[0] and "no worker is left" in said[1]


#: the cluster, the real task runner and whether a worker was stopped yet
_STOP: dict[str, Any] = {}


def _stop_my_worker_once(task: Task) -> Any:
    """Replication 1 stops the worker it first runs on; run again on the other worker, it
    waits until the run has said so (the watch looks every few milliseconds here)."""
    from distributed import get_worker

    if task.replication == 1:
        deadline = time.monotonic() + 60
        if not _STOP.get("stopped"):
            _STOP["stopped"] = True
            while not _STOP["looked"].is_set() and time.monotonic() < deadline:
                time.sleep(0.01)  # (a worker the watch never saw cannot be said to leave)
            worker = get_worker()
            _STOP["cluster"].loop.add_callback(worker.close)
            while worker.status.name == "running" and time.monotonic() < deadline:
                time.sleep(0.01)
        else:
            while not _STOP["said"].is_set() and time.monotonic() < deadline:
                time.sleep(0.01)
    return _STOP["run"](task)


def _cluster():  # type: ignore[no-untyped-def]
    from distributed import LocalCluster

    return LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp",
                        dashboard_address=":0", silence_logs=logging.CRITICAL)  # fmt: skip


def test_a_worker_lost_part_way_is_said_and_the_results_are_those_of_an_undisturbed_run(
    tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    import sim.experiment.executors as executors

    said = threading.Event()
    departed = dask_departures.departed

    def departed_and_tell(*args: Any) -> str:
        said.set()
        return departed(*args)

    looked = threading.Event()
    watch = dask_departures.watch_departures

    def watch_and_tell(workers: Any, *args: Any, **kwargs: Any) -> None:
        def look() -> Any:
            now = workers()
            looked.set()
            return now

        watch(look, *args, **kwargs)

    monkeypatch.setattr(dask_departures, "departed", departed_and_tell)
    monkeypatch.setattr(dask_departures, "watch_departures", watch_and_tell)
    monkeypatch.setattr(dask_departures, "EVERY", 0.01)
    _STOP.update(run=executors.run_task, said=said, looked=looked, stopped=False)
    monkeypatch.setattr(executors, "run_task", _stop_my_worker_once)
    with _cluster() as cluster:
        _STOP["cluster"] = cluster
        address = cluster.scheduler_address
        code = main([*RUN, "--dask", address, "--out", str(tmp_path / "lost")])
    err = capsys.readouterr().err
    assert code == 0, err
    notes = [line for line in err.splitlines() if " left the Dask scheduler " in line]
    assert len(notes) == 1, err
    assert notes[0].startswith("note: worker tcp://") and f" at {address} part-way" in notes[0]
    assert "the other 1 worker(s)" in notes[0], notes[0]
    monkeypatch.setattr(executors, "run_task", _STOP.pop("run"))
    assert main([*RUN, "--out", str(tmp_path / "whole")]) == 0
    for table in ("replications.csv", "summary.csv"):
        assert (tmp_path / "lost" / table).read_bytes() == (
            tmp_path / "whole" / table).read_bytes(), table
