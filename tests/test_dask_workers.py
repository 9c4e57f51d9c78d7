"""A Dask cluster whose workers cannot import bordersim, or run another build or Python, is
refused in one line naming those workers before any replication is sent (before, the command
said only that the scheduler had no workers, or mixed other code's replications into the
folder); a healthy cluster passes, at the cost of one round trip to its workers. The workers'
answers are played by a probe put in place of the real one: nothing is installed."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sim.cli import main
from sim.experiment import dask_workers
from sim.experiment.dask_workers import WorkersUnfit, check_workers, here, unfit

pytest.importorskip("distributed")

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
RUN = ["run", str(SMALL), "--reps", "2", "--days", "1", "--seed", "3"]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two in-process workers behind a scheduler listening on TCP, shared by the tests."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp",
                      dashboard_address=":0", silence_logs=logging.CRITICAL) as c:  # fmt: skip
        with Client(c) as client:
            c.client = client  # type: ignore[attr-defined]
            yield c


#: the worker :func:`_playing` answers for as told in ``answer``; the others answer truly
_ODD: dict[str, Any] = {}


def _playing(dask_worker: Any) -> dict[str, str]:
    if dask_worker.address == _ODD["address"]:
        return dict(_ODD["answer"])
    return here()


def _odd_worker(cluster: Any, monkeypatch: Any, answer: dict[str, str]) -> str:
    """Play ``answer`` for the first worker; the command must not reach the executor's
    :meth:`map` (it asks the workers before it makes its folder)."""
    from sim.experiment.executors import DaskExecutor

    def never(*args: Any) -> Any:
        raise AssertionError("the run started")

    address = sorted(cluster.scheduler_info["workers"])[0]
    _ODD.update(address=address, answer=answer)
    monkeypatch.setattr(dask_workers, "PROBE", _playing)
    monkeypatch.setattr(DaskExecutor, "map", never)
    return str(address)


NO_SIM = "ModuleNotFoundError: No module named 'sim'"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_worker_that_cannot_import_bordersim_is_named_before_anything_runs(
    cluster, monkeypatch, tmp_path, capsys, lang
):
    worker = _odd_worker(cluster, monkeypatch, {"python": here()["python"], "error": NO_SIM})
    where = cluster.scheduler_address
    out = tmp_path / "o"
    code = main([*RUN, "--dask", where, "--out", str(out), "--lang", lang])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1, err
    build = here()["build"]
    assert err.strip() == {
        "en": f"error: 1 worker(s) of the Dask scheduler at {where} cannot import bordersim "
              f"({worker}: {NO_SIM}); install bordersim {build} there (bordersim --version "
              "shows it), start those workers again and rerun",
        "zh": f"错误：位于 {where} 的 Dask 调度器有 1 个工作进程无法导入 bordersim（{worker}："
              f"{NO_SIM}）；请在这些机器上安装 bordersim {build}（bordersim --version 可显示），"
              "然后重新启动这些工作进程并再次运行",
    }[lang]
    assert not out.exists()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_worker_with_another_build_is_refused_naming_it_and_both_builds(
    cluster, monkeypatch, tmp_path, capsys, lang
):
    mine = here()
    other = "0.0.1+000000000000"
    worker = _odd_worker(cluster, monkeypatch, {"python": mine["python"], "build": other})
    where = cluster.scheduler_address
    code = main([*RUN, "--dask", where, "--out", str(tmp_path / "o"), "--lang", lang])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert len(err.splitlines()) == 1, err
    ours = f"bordersim {mine['build']}"
    if lang == "en":
        assert err.startswith(f"error: 1 worker(s) of the Dask scheduler at {where} run other "
                              f"software than this command ({ours}, Python {mine['python']}): "
                              f"{worker} run bordersim {other}; their replications"), err
    else:
        assert err.startswith(f"错误：位于 {where} 的 Dask 调度器有 1 个工作进程运行的软件与本命令"
                              f"（{ours}，Python {mine['python']}）不同：{worker} 运行 "
                              f"bordersim {other}；它们算出的"), err
    assert not (tmp_path / "o").exists()


def test_a_client_given_to_the_executor_is_checked_before_any_replication_is_sent(
    cluster, monkeypatch
):
    """The library's own path (a notebook's client), not only the command's."""
    from sim.experiment.executors import DaskExecutor, Task

    real_map = DaskExecutor.map
    _odd_worker(cluster, monkeypatch, {"python": "2.7.18", "error": "SyntaxError: ..."})
    monkeypatch.setattr(DaskExecutor, "map", real_map)
    sent: list[Any] = []
    monkeypatch.setattr(cluster.client, "map", lambda *a, **k: sent.append(a) or [])
    executor = DaskExecutor(client=cluster.client)
    at = f"of the Dask scheduler at {cluster.scheduler_address} run other software"
    with pytest.raises(WorkersUnfit, match=rf"{at} .* run Python 2\.7\.18; their replications"):
        list(executor.map([Task(0, None, 1, 0)]))  # type: ignore[arg-type]
    assert not sent


def test_a_healthy_cluster_passes_in_one_round_trip(cluster):
    mine = here()
    check_workers(cluster.client, cluster.scheduler_address)  # warm (each worker's build)
    started = time.perf_counter()
    for _ in range(5):
        answers = dask_workers.ask(cluster.client)
        check_workers(cluster.client, cluster.scheduler_address)
    took = (time.perf_counter() - started) / 5
    assert sorted(answers) == sorted(cluster.scheduler_info["workers"])
    assert all(a == mine for a in answers.values()), answers
    assert took < 0.5, took  # two round trips to two workers (about 5 ms here)


def test_the_probe_is_read_and_answers_where_bordersim_cannot_be_imported():
    """It is sent by value: a worker without bordersim could not read it by name."""
    import cloudpickle

    code = ("import sys, pickle; sys.modules['sim'] = None; "
            "print(repr(pickle.loads(sys.stdin.buffer.read())()))")
    done = subprocess.run([sys.executable, "-c", code], input=cloudpickle.dumps(dask_workers.PROBE),
                          capture_output=True, check=True)  # fmt: skip
    answer = eval(done.stdout.decode())  # (a dict's repr, from our own probe)
    assert set(answer) == {"python", "error"} and "ModuleNotFoundError" in answer["error"]


def _mine() -> dict[str, str]:
    return {"python": "3.12.4", "build": "1.0+aaa"}


def test_python_is_compared_by_its_feature_release():
    same = {"w1": {"python": "3.12.1", "build": "1.0+aaa"}}
    assert unfit(same, _mine(), "tcp://s:1") is None
    other = {"w1": {"python": "3.11.9", "build": "1.0+aaa"}}
    said = unfit(other, _mine(), "tcp://s:1")
    assert said is not None and "w1 run Python 3.11.9;" in said


def test_many_workers_are_named_by_group_and_counted():
    answers = {f"tcp://w{i}:1": {"python": "3.12.4", "build": "1.0+bbb"} for i in range(6)}
    answers["tcp://x:1"] = {"python": "3.12.4", "build": "1.0+aaa"}
    said = unfit(answers, _mine(), "tcp://s:1")
    assert said is not None
    assert said.startswith("6 worker(s) of the Dask scheduler at tcp://s:1 run other software")
    assert ("tcp://w0:1, tcp://w1:1, tcp://w2:1, tcp://w3:1 and 2 more run bordersim 1.0+bbb;"
            in said)
    assert "tcp://x:1" not in said


#: what :func:`_joined_late` plays: the real runner, the answer of replication 1 and the
#: results folder whose replication 0 it waits for; it notes the worker that ran replication 1
_LATE: dict[str, Any] = {}
#: the quick run of the tests that run replications on the cluster
SHORT = [*RUN, "--set", "warmup_days=0", "--set", "drain_days=1"]


def _joined_late(blob: bytes, expected: dict[str, str]) -> Any:
    """The runner on a worker that joined after the check: replication 1 goes to one whose
    answer differs (once replication 0 is stored, so that there is something to keep), and
    which therefore does not run it, as :data:`dask_workers.RUN` does there."""
    import pickle

    from distributed import get_worker

    if pickle.loads(blob).replication != 1:
        return _LATE["run"](blob, expected)
    stored = _LATE["out"] / "reps" / "rep-0000.json"
    waited = time.monotonic()
    while not stored.exists() and time.monotonic() - waited < 120:
        time.sleep(0.02)
    _LATE["worker"] = get_worker().address
    return {**_LATE["answer"], "worker": _LATE["worker"]}, None


@pytest.mark.parametrize(("kind", "lang"), [("build", "en"), ("error", "zh")])
def test_a_worker_that_joins_after_the_check_is_refused_on_receipt_and_the_run_resumes(
    cluster, monkeypatch, tmp_path, capsys, kind, lang
):
    """Before, such a worker was never asked: its replications were stored, or (without
    bordersim) stored as failures. Its outcome is not stored; what finished is kept."""
    mine = here()
    out, where = tmp_path / "o", cluster.scheduler_address
    answer = ({"python": mine["python"], "build": "0.0.1+000000000000"} if kind == "build"
              else {"python": mine["python"], "error": NO_SIM})  # fmt: skip
    _LATE.update(run=dask_workers.RUN, out=out, answer=answer)
    monkeypatch.setattr(dask_workers, "RUN", _joined_late)
    code = main([*SHORT, "--dask", where, "--out", str(out), "--lang", lang])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert len(err.splitlines()) == 1, err
    worker = _LATE["worker"]
    assert err == {
        "en": f"error: 1 worker(s) of the Dask scheduler at {where} run other software than "
              f"this command (bordersim {mine['build']}, Python {mine['python']}): {worker} run "
              "bordersim 0.0.1+000000000000; their replications would not be the ones the "
              "results folder records; install the same bordersim and Python there (bordersim "
              "--version shows them), start those workers again and rerun; it joined after the "
              "check at the start: 1 replication(s) still to do (replication(s) 1); what "
              "finished is kept: rerun the same command with the same --out to resume",
        "zh": f"错误：位于 {where} 的 Dask 调度器有 1 个工作进程无法导入 bordersim（{worker}："
              f"{NO_SIM}）；请在这些机器上安装 bordersim {mine['build']}（bordersim --version "
              "可显示），然后重新启动这些工作进程并再次运行；该工作进程是在开始时的检查之后才加入的："
              "尚有 1 次重复运行未完成（第 1 次）；已完成的均已保存：请用同一 --out 重新运行同一"
              "命令即可续跑",
    }[lang]
    kept = (out / "reps" / "rep-0000.json").read_bytes()
    assert not (out / "reps" / "rep-0001.json").exists()
    if lang == "en":  # (resumed here serially: resuming is the store's, whatever ran it)
        monkeypatch.setattr(dask_workers, "RUN", _LATE.pop("run"))
        assert main([*SHORT, "--out", str(out)]) == 0
        capsys.readouterr()
        assert (out / "reps" / "rep-0001.json").exists()
        assert len((out / "replications.csv").read_text().splitlines()) == 3  # (and a header)
        assert (out / "reps" / "rep-0000.json").read_bytes() == kept


def test_every_replication_comes_with_its_workers_answer_and_is_checked_on_receipt(
    cluster, monkeypatch, tmp_path
):
    """A worker whose answer matches: each replication is checked as it comes back (one
    look at a dict; the build is worked out once per worker process) and stored."""
    checked: list[dict[str, str]] = []
    real = dask_workers.received

    def spy(answer: dict[str, str], *args: Any) -> None:
        checked.append(answer)
        real(answer, *args)

    monkeypatch.setattr(dask_workers, "received", spy)
    out = tmp_path / "o"
    assert main([*SHORT, "--dask", cluster.scheduler_address, "--out", str(out)]) == 0
    workers = set(cluster.scheduler_info["workers"])
    assert len(checked) == 2
    assert all({**a, "worker": ""} == {**here(), "worker": ""} for a in checked), checked
    assert {a["worker"] for a in checked} <= workers, checked
    assert sorted(p.name for p in (out / "reps").glob("rep-*[0-9].json")) == [
        "rep-0000.json", "rep-0001.json"]


def test_the_runner_answers_without_running_a_task_its_worker_should_not_run():
    """A worker with another build (or Python) neither reads nor runs its task (a task
    pickled by another build might not even be read): it only says what it runs."""
    mine = here()
    for expected in ({**mine, "build": "0.0.1+000000000000"}, {**mine, "python": "2.7.18"}):
        answer, outcome = dask_workers.RUN(b"not a task", expected)
        assert outcome is None
        assert answer == {**mine, "worker": "an unknown worker"}


def _cannot_read(blob: bytes, expected: dict[str, str]) -> Any:
    """The runner on a worker of another Python that joined after the check: replication 1
    cannot be read there (it raises on the worker), and the worker now answers the probe with
    its Python (once replication 0 is stored)."""
    import pickle

    from distributed import get_worker

    if pickle.loads(blob).replication != 1:
        return _LATE["run"](blob, expected)
    stored = _LATE["out"] / "reps" / "rep-0000.json"
    waited = time.monotonic()
    while not stored.exists() and time.monotonic() - waited < 120:
        time.sleep(0.02)
    _ODD.update(address=get_worker().address, answer={"python": "3.99.0", "error": "..."})
    raise TypeError("code() argument 13 must be str, not int")


def test_a_late_worker_that_cannot_read_its_task_is_refused_not_stored_as_a_failure(
    cluster, monkeypatch, tmp_path, capsys
):
    """Another Python cannot read the runner, sent by value: the replication raises on the
    worker, and the workers are asked again before it is told as the replication's failure."""
    out, where = tmp_path / "o", cluster.scheduler_address
    _ODD.update(address=None)
    _LATE.update(run=dask_workers.RUN, out=out)
    monkeypatch.setattr(dask_workers, "PROBE", _playing)
    monkeypatch.setattr(dask_workers, "RUN", _cannot_read)
    code = main([*SHORT, "--dask", where, "--out", str(out)])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"error: 1 worker(s) of the Dask scheduler at {where} run other "
                          f"software than this command "), err
    assert f": {_ODD['address']} run Python 3.99.0; their replications" in err
    assert err.endswith("1 replication(s) still to do (replication(s) 1); what finished is "
                        "kept: rerun the same command with the same --out to resume"), err
    assert (out / "reps" / "rep-0000.json").exists()
    assert not (out / "failures.json").exists()
