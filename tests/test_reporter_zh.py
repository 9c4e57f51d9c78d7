"""The experiment layer's stderr lines come from one reporter the command line makes from
``--lang``: with ``--lang zh`` the Dask lines (waiting for workers, workers back, a worker
that left) and the interrupted line are said in Chinese, and without it in English as
before; the reporter is handed to the executor, not kept in a global."""

from __future__ import annotations

import threading
from typing import Any

import pytest

import sim.model.run
from sim.cli import _executor, _parse, main
from sim.experiment.dask_departures import watch_departures
from sim.experiment.executors import watch_workers
from sim.experiment.reporter import Reporter, reporter_of
from tests.conftest import SMALL

SHORT = ["--days", "1", "--set", "warmup_days=0.5", "--set", "drain_days=0.5"]


def _reporter(*lang: str) -> Reporter:
    """The reporter of the executor ``bordersim run --executor dask`` builds (``lang``:
    ``--lang`` and its value, or nothing)."""
    pytest.importorskip("distributed")
    args = _parse(["run", str(SMALL), "--executor", "dask", *lang])
    return reporter_of(_executor(args))


def _watched(reporter: Reporter) -> list[str]:
    """What the workers' watch and the departures' watch say with ``reporter``: no worker
    for a while, then two back; then a worker of two that leaves."""
    counts, stop, said = iter([0, 0, 0, 0, 0, 2]), threading.Event(), list[str]()

    def workers() -> int:
        n = next(counts, None)
        if n is None:
            stop.set()
            return 2
        return n

    watch_workers(workers, lambda: 3, "tcp://h:8786", stop, grace=0.02, every=0.01,
                  say=said.append, reporter=reporter)
    names, stop = iter([{"a", "b"}, {"a"}]), threading.Event()

    def addresses() -> set[str]:
        found = next(names, None)
        if found is None:
            stop.set()
            return {"a"}
        return found

    watch_departures(addresses, lambda: 1, "tcp://h:8786", stop, every=0.001,
                     say=said.append, reporter=reporter)
    return said


def test_with_lang_zh_the_dask_lines_are_chinese() -> None:
    said = _watched(_reporter("--lang", "zh"))
    assert said == [
        "等待中：位于 tcp://h:8786 的 Dask 调度器没有工作进程（3 次重复运行在排队）；请为它启动"
        "工作进程（`dask worker tcp://h:8786`），或按 `Ctrl-C` 停止（已完成的均已保存：再次运行"
        "到同一结果文件夹即可续跑）",
        "工作进程已恢复：位于 tcp://h:8786 的 Dask 调度器有 2 个工作进程；继续运行（尚有 3 次"
        "重复运行）",
        "提示：工作进程 b 中途离开了位于 tcp://h:8786 的 Dask 调度器（被终止、停止或其机器失联）；"
        "调度器把它正在运行的重复运行交给其余 1 个工作进程，结果仍与未受干扰的运行相同（尚有 1 次"
        "重复运行）",
    ]


def test_without_lang_the_dask_lines_stay_english() -> None:
    said = _watched(_reporter())
    assert [line.split(":")[0] for line in said] == ["waiting", "workers are back", "note"]
    assert said[2].startswith("note: worker b left the Dask scheduler at tcp://h:8786 ")


def _interrupted_run(tmp_path: Any, capsys: Any, monkeypatch: Any, *lang: str) -> str:
    real = sim.model.run.simulate

    def stopped(*args: Any, **kwargs: Any) -> Any:  # (Ctrl-C as the second replication starts)
        if kwargs.get("replication") == 1:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(sim.model.run, "simulate", stopped)
    out = tmp_path / "o"
    assert main(["run", str(SMALL), "--reps", "2", *SHORT, "--out", str(out), *lang]) == 130
    return str(capsys.readouterr().err.strip().splitlines()[-1])


def test_with_lang_zh_the_interrupted_line_is_chinese(tmp_path, capsys, monkeypatch):
    last = _interrupted_run(tmp_path, capsys, monkeypatch, "--lang", "zh")
    assert last.startswith("已中断；保留了 1 次已完成的重复运行；续跑请用：bordersim run "), last
    kept = (tmp_path / "o" / "reps" / "rep-0000.json").read_text()
    assert "ran_on" not in kept  # (a local run records no machine's address)
    again = _interrupted_run(tmp_path / "again", capsys, monkeypatch)  # (no global left over)
    assert again.startswith("interrupted; 1 finished replication(s) kept; resume it with: ")


def test_the_terminated_line_and_one_without_a_folder_in_chinese():
    assert Reporter("zh").interrupted_line("terminated", None, "") == (
        "已终止；请用同一 --out 重新运行即可续跑")
    assert Reporter().interrupted_line("terminated", None, "") == (
        "terminated; rerun with the same --out to resume")


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'fr'; allowed: en, zh"):
        Reporter("fr")


def test_the_watch_of_a_dask_run_speaks_its_executors_language(capsys, monkeypatch):
    """What the Dask executor starts beside its replications (:func:`_watching`) says its
    lines through the reporter it is given, on stderr."""
    import time

    from sim.experiment import executors

    class Client:  # (a scheduler with no worker)
        scheduler = None

        def nthreads(self) -> dict[str, int]:
            return {}

    monkeypatch.setattr(executors, "NO_WORKERS_WAIT", 0.01)
    err, until = "", time.monotonic() + 10
    with executors._watching(Client(), "tcp://h:8786", [], _reporter("--lang", "zh")):
        while "等待中" not in err and time.monotonic() < until:  # (its looks: every 0.5 s)
            time.sleep(0.05)
            err += capsys.readouterr().err
    assert "等待中：位于 tcp://h:8786 的 Dask 调度器没有工作进程" in err, err
