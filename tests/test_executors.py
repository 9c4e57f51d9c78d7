"""Executors: the same replications give the same bits serially, in processes and on Dask;
a replication that raises is reported with its index and seed while the others finish."""

from __future__ import annotations

import json
import math
import os
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import sim
import sim.model.run
from sim.cli import main
from sim.experiment.executors import (
    DaskExecutor,
    Failure,
    ProcessExecutor,
    ReplicationsFailed,
    SerialExecutor,
    Task,
    get_executor,
)
from sim.experiment.runner import replicate
from sim.experiment.store import RunStore

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: one observed day, without the small scenario's week of warm-up and of drain: which
#: process computes a replication is what these tests are about, not its figures
SHORT = {"days": 1, "warmup_days": 0, "drain_days": 1}
SHORT_ARGS = ["--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1"]


@pytest.fixture(scope="module")
def scenario():
    return sim.load_scenario(SMALL, SHORT)


@pytest.fixture(scope="module")
def serial(scenario):
    return replicate(scenario, 3, 7)


def test_serial_rows_in_replication_order(serial):
    assert serial["replication"].tolist() == [0, 1, 2]
    assert serial.attrs["seeds"] == {0: (7, 0), 1: (7, 1), 2: (7, 2)}
    # the replications differ (else identical results would prove nothing)
    assert serial["clearance_h_mean"].nunique() == 3


@pytest.mark.parametrize(
    "executor",
    [
        pytest.param(ProcessExecutor(2), id="processes"),
        pytest.param(DaskExecutor(workers=2, processes=True), id="dask-local-cluster"),
    ],
)
def test_every_executor_gives_identical_metrics(scenario, serial, executor):
    got = replicate(scenario, 3, 7, executor=executor)
    pd.testing.assert_frame_equal(got, serial, check_exact=True)
    assert got.attrs["seeds"] == serial.attrs["seeds"]


def test_results_are_sorted_whatever_the_finishing_order(scenario, serial):
    class Reversed:
        name = "reversed"

        def map(self, tasks):
            yield from reversed(list(SerialExecutor().map(tasks)))

    got = replicate(scenario, 3, 7, executor=Reversed())
    pd.testing.assert_frame_equal(got, serial, check_exact=True)


def failing(monkeypatch, bad: int) -> None:
    real = sim.model.run.simulate

    def flaky(scenario, seed, *, replication=0, **kw):
        if replication == bad:
            raise RuntimeError("boom")
        return real(scenario, seed, replication=replication, **kw)

    monkeypatch.setattr(sim.model.run, "simulate", flaky)


def test_failures_that_are_all_one_error_say_a_rerun_would_repeat_it():
    """One error in every failed replication is a fault, not chance: the hint says to fix
    it first; different errors (or one failure) may be retried as they are. With no
    replication finished the message says so, not "the others finished"."""
    from sim.experiment.executors import Failure

    same = [Failure(r, r, (1, r), "ValueError: bad lane") for r in range(3)]
    err = ReplicationsFailed(same)
    assert "none finished" in str(err) and "others" not in str(err)
    assert err.hint().startswith("every failure is the same error")
    mixed = [*same[:1], Failure(1, 1, (1, 1), "MemoryError")]
    partial = pd.DataFrame({"replication": [2]})
    err = ReplicationsFailed(mixed, partial)
    assert "the others finished" in str(err)
    assert err.hint().startswith("a replication is deterministic under its seed, so a rerun")
    assert "a failure of the machine (memory" in err.hint()
    assert ReplicationsFailed(same[:1]).hint().startswith("a replication is deterministic")
    assert ReplicationsFailed(same, where="f.json").hint().startswith("tracebacks in f.json; ")


def test_a_failed_replication_is_reported_and_the_others_finish(
    scenario, serial, monkeypatch, tmp_path
):
    failing(monkeypatch, bad=1)
    store = RunStore(tmp_path / "out")
    with pytest.raises(ReplicationsFailed) as info:
        replicate(scenario, 3, 7, store=store)
    (failure,) = info.value.failures
    assert failure.replication == 1 and failure.seed == (7, 1)
    assert "RuntimeError: boom" in failure.error and "boom" in failure.traceback
    assert "replication 1" in str(info.value) and "[7, 1]" in str(info.value)
    partial = info.value.partial
    assert partial["replication"].tolist() == [0, 2]
    pd.testing.assert_frame_equal(
        partial.reset_index(drop=True),
        serial[serial.replication != 1].reset_index(drop=True),
        check_exact=True,
    )
    # the finished ones are stored; the run is not marked complete
    assert sorted(p.name for p in (tmp_path / "out" / "reps").glob("rep-*[0-9].json")) == [
        "rep-0000.json",
        "rep-0002.json",
    ]
    assert not (tmp_path / "out" / "summary.json").exists()


def test_cli_names_the_failed_replication(monkeypatch, tmp_path, capsys):
    failing(monkeypatch, bad=0)
    code = main(["run", str(SMALL), *SHORT_ARGS, "--reps", "2", "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 1
    assert "replication 0" in err and "seed [1, 0]" in err and "boom" in err
    assert "Traceback" not in err
    assert (tmp_path / "o" / "reps" / "rep-0001.json").is_file()
    # the traceback is kept in the folder (file and line of the fault), and the hint says where
    failures = tmp_path / "o" / "failures.json"
    assert f"tracebacks in {failures}" in err
    (kept,) = json.loads(failures.read_text(encoding="utf-8"))
    assert kept["replication"] == 0 and kept["seed"] == [1, 0] and "boom" in kept["error"]
    assert 'Traceback (most recent call last)' in kept["traceback"]
    assert "test_executors.py" in kept["traceback"] and 'raise RuntimeError("boom")' in (
        kept["traceback"]
    )
    monkeypatch.undo()  # fixed: a rerun into the folder finishes it, and the record goes
    again = ["run", str(SMALL), *SHORT_ARGS, "--reps", "2", "--out", str(tmp_path / "o")]
    assert main(again) == 0
    assert not failures.exists() and (tmp_path / "o" / "summary.json").is_file()


def test_an_error_inside_a_worker_process_is_a_failure(scenario, serial):
    tasks = [Task(r, scenario, 7, r) for r in (0, 1)] + [Task("bad", None, 7, 5)]  # type: ignore[arg-type]
    # (one worker: it takes the bad task and then the others, so it must outlive the error)
    out = dict(ProcessExecutor(1).map(tasks))
    assert isinstance(out["bad"], Failure)
    assert out["bad"].replication == 5 and out["bad"].seed == (7, 5)
    for r in (0, 1):
        got, want = out[r].metrics(), serial.iloc[r].drop("replication").to_dict()
        assert got.keys() == want.keys()
        assert all(got[k] == want[k] or (math.isnan(got[k]) and math.isnan(want[k])) for k in got)


#: a run of the command line, two replications, that each executor's run must repeat
RUN_ARGS = ["run", str(SMALL), "--reps", "2", *SHORT_ARGS, "--json"]


@pytest.fixture(scope="module")
def serial_run(tmp_path_factory):
    """What ``RUN_ARGS`` prints, run serially (the tests of other executors share it)."""
    import contextlib
    import io

    printed = io.StringIO()  # (capsys is a test's, not a module's)
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        code = main([*RUN_ARGS, "--out", str(tmp_path_factory.mktemp("serial") / "a")])
    assert code == 0
    return json.loads(printed.getvalue())


def test_cli_runs_with_processes(serial_run, tmp_path, capsys):
    parallel = ["--executor", "processes", "--workers", "2"]
    assert main([*RUN_ARGS, "--out", str(tmp_path / "b"), *parallel]) == 0
    assert json.loads(capsys.readouterr().out) == serial_run


def test_executor_names():
    assert get_executor("serial").name == "serial"
    assert get_executor("processes", workers=3).workers == 3  # type: ignore[attr-defined]
    assert get_executor("dask", address="tcp://x:1").address == "tcp://x:1"  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="serial, processes, dask"):
        get_executor("threads")


def test_a_run_on_a_remote_scheduler_address_matches_serial(serial_run, tmp_path, capsys):
    """``--dask ADDRESS`` connects to a scheduler that is already running (here a local
    cluster started by the test, reached only through its address)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        workers = set(cluster.scheduler_info["workers"])
        assert main([*RUN_ARGS, "--out", str(tmp_path / "remote"), "--dask", address]) == 0
    remote = json.loads(capsys.readouterr().out)
    assert remote == serial_run
    _ran_on_the_scheduler(tmp_path / "remote", address, workers, capsys)


def _ran_on_the_scheduler(out: Any, address: str, workers: set[str], capsys: Any) -> None:
    """Each replication's file of a run on a scheduler given by its address records that
    scheduler and the worker that ran it; the run's summary (here of the same command again,
    which keeps them all) names them."""
    reps = [json.loads(p.read_text()) for p in sorted((out / "reps").glob("rep-*[0-9].json"))]
    assert reps and all(r["ran_on"]["scheduler"] == address for r in reps), reps
    assert {r["ran_on"]["worker"] for r in reps} <= workers
    argv = [a for a in RUN_ARGS if a != "--json"]
    assert main([*argv, "--out", str(out), "--lang", "zh"]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if "Dask" in line]
    assert len(said) == 1 and said[0].startswith(f"由位于 {address} 的 Dask 调度器的 "), said
    assert all(f"{w}（第 " in said[0] for w in {r["ran_on"]["worker"] for r in reps}), said


SCRIPT = """\
import sim
from sim.experiment.runner import replicate

scenario = sim.load_scenario({small!r}, {{"days": 1, "warmup_days": 0, "drain_days": 1}})
{call}
"""
CALL = (
    'per_rep = replicate(scenario, reps=1, seed=1, executor="processes")\n'
    'print("rows", len(per_rep))\n'
)
GUARDED = 'if __name__ == "__main__":\n' + "".join(f"    {line}\n" for line in CALL.splitlines())


@pytest.mark.parametrize("guarded", [False, True], ids=["unguarded", "guarded"])
def test_a_script_without_the_main_guard_is_told_so(tmp_path, guarded):
    """Spawned workers rerun the main script's top level: unguarded, they cannot start, and
    the error names the line and the missing guard (not a bare BrokenProcessPool)."""
    script = tmp_path / "script.py"
    text = SCRIPT.format(small=str(SMALL), call=GUARDED if guarded else CALL)
    script.write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120,
        cwd=tmp_path, env=env,
    )  # fmt: skip
    if guarded:
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == "rows 1"
        return
    assert proc.returncode == 1
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("sim.experiment.executors.WorkersCannotStart: ")
    assert f"{script}, line 5, at the top level of the script" in last
    assert last.endswith('Put that code under `if __name__ == "__main__":`.')
    assert "ReplicationsFailed" not in proc.stderr


def test_an_interrupted_pool_prints_no_traceback_for_futures_it_gave_up(capsys, monkeypatch):
    """When an interrupt reaches the workers too, the pool's manager thread may fail futures
    this process has just cancelled and print an InvalidStateError; that one is kept quiet,
    any other exception in a thread still shows."""
    import threading
    from concurrent.futures import InvalidStateError

    from sim.experiment.executors import _quiet_cancelled_futures

    seen = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_type))
    _quiet_cancelled_futures()
    _quiet_cancelled_futures()  # (once is enough: not wrapped twice)

    def raising(exc: BaseException) -> None:
        raise exc

    for exc in (InvalidStateError("CANCELLED"), ValueError("a real problem")):
        t = threading.Thread(target=raising, args=(exc,))
        t.start()
        t.join()
    assert seen == [ValueError]


def test_a_local_clusters_processes_leave_ctrl_c_to_the_run():
    """Processes started while a local cluster starts inherit Ctrl-C ignored (Python then
    installs no KeyboardInterrupt handler), so an interrupt the terminal sends to the whole
    job ends the run with its one line, not a traceback from every worker; this process's
    own handler is back as soon as they are started."""
    import signal

    from sim.experiment.executors import _children_ignore_interrupts

    before = signal.getsignal(signal.SIGINT)
    ask = [sys.executable, "-c",
           "import signal; print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)"]
    with _children_ignore_interrupts():
        child = subprocess.run(ask, capture_output=True, text=True, check=True).stdout
    assert child.strip() == "True"
    assert signal.getsignal(signal.SIGINT) is before
    normal = subprocess.run(ask, capture_output=True, text=True, check=True).stdout
    assert normal.strip() == "False"


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie, ended but not yet reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM"])
def test_pool_workers_end_when_their_process_is_killed(sig):
    """A process pool's workers (``--executor processes``, the workshop page's) end with
    the process that started them, however it ends: idle workers of a parent killed by a
    signal used to live on for good, holding their memory."""
    import signal
    import subprocess
    import sys
    import time

    code = (
        "import os, time\n"
        "from sim.experiment.executors import process_pool\n"
        "if __name__ == '__main__':\n"
        "    pool = process_pool(2)\n"
        "    pids = {pool.submit(os.getpid).result() for _ in range(20)}\n"
        "    print(' '.join(map(str, pids)), flush=True)\n"
        "    time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    workers = [int(p) for p in proc.stdout.readline().split()]
    assert workers and all(_alive(p) for p in workers)
    proc.send_signal(getattr(signal, sig))
    proc.wait(10)
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers), workers


def test_the_watch_says_once_when_a_scheduler_has_no_workers_and_when_they_are_back():
    """No worker for the grace period: one line (the scheduler's address, the replications
    queued); workers back: one line; a look that fails is skipped, not taken for none."""
    import threading

    from sim.experiment.executors import watch_workers

    looks = iter([0, 0, 0, 0, 0, 0, 0, 0, 2, 2, "gone", 0, 1])
    stop, said = threading.Event(), []

    def workers() -> int:
        try:
            n = next(looks)
        except StopIteration:
            stop.set()
            return 1
        if n == "gone":
            raise OSError("the scheduler did not answer")
        return int(n)

    watch_workers(workers, lambda: 7, "tcp://h:8786", stop, grace=0.05, every=0.01,
                  say=said.append)
    assert said == [
        "waiting: the Dask scheduler at tcp://h:8786 has no workers (7 replication(s) "
        "queued); start workers for it (dask worker tcp://h:8786), or stop with Ctrl-C (what "
        "finished is kept: rerunning into the same results folder resumes)",
        "workers are back: the Dask scheduler at tcp://h:8786 has 2 worker(s); going on (7 "
        "replication(s) to go)",
    ]  # (the 0 after "gone" is shorter than the grace period: nothing said)


def test_workers_that_come_and_finish_between_two_looks_are_still_said_to_be_back():
    """The run said it waits; a worker then joins and the run ends before the next look: the
    watch looks once more as it stops, so the waiting line is never left unanswered."""
    import threading

    from sim.experiment.executors import watch_workers

    stop, said, looks = threading.Event(), [], []

    def workers() -> int:
        looks.append(1)
        if len(looks) == 8:  # the run ends (with no look having seen the worker)
            stop.set()
            return 0
        return 0 if len(looks) < 9 else 1

    watch_workers(workers, lambda: 0, "tcp://h:8786", stop, grace=0.02, every=0.01,
                  say=said.append)
    assert [line.split(":")[0] for line in said] == ["waiting", "workers are back"], said
    assert said[1].endswith("has 1 worker(s); going on (0 replication(s) to go)")


class _Tee:
    """A stream that writes to ``stream`` and calls ``then`` when ``words`` are written."""

    def __init__(self, stream: Any, words: str, then: Callable[[], None]) -> None:
        self.stream, self.words, self.then = stream, words, then

    def write(self, text: str) -> int:
        written = self.stream.write(text)
        if self.words in text:
            self.then()
        return int(written)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def test_a_run_on_a_scheduler_without_workers_says_it_is_waiting(tmp_path, capsys, monkeypatch):
    """A real scheduler (in this process) with no worker: the run says on stderr that it
    waits, then, once a worker joins, that it goes on, and finishes."""
    import logging
    import threading

    from distributed import LocalCluster

    import sim.experiment.executors as executors

    monkeypatch.setattr(executors, "NO_WORKERS_WAIT", 0.5)
    with LocalCluster(n_workers=0, processes=False, protocol="tcp", dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster:
        address = cluster.scheduler_address
        # the worker joins once the run has said it waits (a worker started at a fixed time
        # could join before a slow start had said it, on a loaded machine); were it never
        # said, it joins after a minute, so that the run ends and the test fails, not hangs
        joining = threading.Event()
        monkeypatch.setattr(sys, "stderr", _Tee(sys.stderr, "waiting: ", joining.set))
        later = threading.Thread(target=lambda: (joining.wait(60), cluster.scale(1)),
                                 daemon=True)
        later.start()
        try:
            argv = ["run", str(SMALL), "--reps", "2", *SHORT_ARGS, "--json", "--dask", address]
            assert main([*argv, "--out", str(tmp_path / "r")]) == 0
        finally:
            joining.set()
            later.join(60)
    err = capsys.readouterr().err
    waiting = (f"waiting: the Dask scheduler at {address} has no workers (2 replication(s) "
               "queued)")
    assert err.count(waiting) == 1, err
    assert err.count(f"workers are back: the Dask scheduler at {address} has 1 worker(s)") == 1
    assert err.index(waiting) < err.index("workers are back")


def _children_of(pid: int) -> set[int]:
    """The process ids of ``pid``'s children (Linux's /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with open(task / "children") as f:
            found |= {int(x) for x in f.read().split()}
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_an_interrupt_ends_the_workers_at_once_not_after_their_replications(tmp_path):
    """`kill -INT` to a run with `--executor processes` said "interrupted" and then waited
    for the workers to finish their replications (a minute on the default scenario), whose
    results it threw away. Now the workers are ended: the run exits long before a
    replication could finish, and leaves no worker behind."""
    import signal
    import time

    out = tmp_path / "o"
    cmd = [sys.executable, "-m", "sim.cli", "run", str(SMALL), "--days", "1000", "--reps", "2",
           "--executor", "processes", "--workers", "2", "--out", str(out)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(_children_of(proc.pid)) < 3 and time.monotonic() < deadline:  # (2 + a tracker)
        time.sleep(0.1)
    time.sleep(2.0)  # (the workers are into their replications: each takes ~40 s or more)
    workers = _children_of(proc.pid)
    signalled = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    took = time.monotonic() - signalled
    assert proc.returncode == 130, err
    resume = shlex.join(["bordersim", *cmd[3:]])
    assert err.strip() == f"interrupted; 0 finished replication(s) kept; resume it with: {resume}"
    assert took < 15, f"{took:.1f} s after the interrupt"
    assert not list((out / "reps").glob("rep-*.json"))  # (no replication could finish)
    time.sleep(0.5)
    alive = [p for p in workers if Path(f"/proc/{p}").exists()
             and "Z" not in Path(f"/proc/{p}/stat").read_text().split()[2]]  # fmt: skip
    assert not alive


def test_the_process_pool_lets_go_of_each_result_once_taken(scenario):
    """A result taken from the pool is not kept by it (a comparison's memory grew by a
    replication's log with every replication while the pool held them all until the end)."""
    import gc
    import weakref

    # (one worker is a pool as well: the results it holds are what is checked)
    results = ProcessExecutor(1).map([Task(r, scenario, 1, r) for r in range(3)])
    _, first = next(results)
    ref = weakref.ref(first)
    del first
    _, second = next(results)
    gc.collect()
    assert ref() is None and second is not None
    assert len(list(results)) == 1
