"""The experiment layer's stderr lines in Chinese (:mod:`sim.experiment.reporter`): a Dask
scheduler waiting for workers, workers back, a worker that left part-way, and a command
interrupted or terminated. Addresses, counts and the resuming command are kept as
written; the words follow :mod:`sim.cli_zh_cluster`'s."""

from __future__ import annotations

WAITING = ("等待中：位于 {where} 的 Dask 调度器没有工作进程（{queued} 次重复运行在排队）；"
           "请为它启动工作进程（`dask worker {where}`），或按 `Ctrl-C` 停止（已完成的均已"
           "保存：再次运行到同一结果文件夹即可续跑）")
BACK = ("工作进程已恢复：位于 {where} 的 Dask 调度器有 {n} 个工作进程；继续运行（尚有 {queued} "
        "次重复运行）")
_DEPARTED = ("提示：工作进程 {worker} 中途离开了位于 {where} 的 Dask 调度器（被终止、停止或其"
             "机器失联）；{then}，结果仍与未受干扰的运行相同（尚有 {queued} 次重复运行）")
_OTHERS = "调度器把它正在运行的重复运行交给其余 {remaining} 个工作进程"
_NONE_LEFT = "已没有工作进程来运行它正在运行的重复运行（请启动一个）"
#: how a command was stopped (the English word of :func:`sim.cli._interrupted`)
STOPPED = {"interrupted": "已中断", "terminated": "已终止"}
_KEPT = "保留了 {kept} 次已完成的重复运行；"
_RESUME_WITH = "续跑请用：{command}"
_RESUME_SAME = "请用同一 --out 重新运行即可续跑"


def departed(worker: str, where: str, remaining: int, queued: int) -> str:
    """:func:`sim.experiment.dask_departures.departed` in Chinese."""
    then = _OTHERS.format(remaining=remaining) if remaining else _NONE_LEFT
    return _DEPARTED.format(worker=worker, where=where, then=then, queued=queued)


def interrupted(signalled: str, kept: int | None, command: str) -> str:
    """The line of a command stopped by ``signalled`` (``interrupted`` or ``terminated``),
    with the finished replications its folder ``kept`` and the ``command`` that resumes it."""
    held = _KEPT.format(kept=kept) if kept is not None else ""
    how = _RESUME_WITH.format(command=command) if command else _RESUME_SAME
    return f"{STOPPED[signalled]}；{held}{how}"
#: which Dask scheduler and workers ran a folder's replications (:mod:`sim.experiment.ran_on`)
RAN_ON = "由位于 {scheduler} 的 Dask 调度器的 {n} 个工作进程运行：{workers}"
RAN_ON_WORKER = "{worker}（{reps}）"
