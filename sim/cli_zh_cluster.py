"""A Dask cluster's trouble in Chinese (:mod:`sim.experiment.dask_trouble`): a scheduler where
nothing listens, a name that does not resolve, a scheduler lost part-way. Addresses, ports,
counts and replication numbers are kept as written. Read by :mod:`sim.cli_zh_errors`, before
its general line for a scheduler that cannot be reached."""

from __future__ import annotations

_RESUME = "请再次启动调度器及其工作进程，然后用同一 --out 重新运行同一命令即可续跑"

#: an English message (the whole of it) -> its Chinese; named groups are kept as written
ERRORS: tuple[tuple[str, str], ...] = (
    (r"cannot reach the Dask scheduler at (?P<address>\S+): nothing listens on port "
     r"(?P<port>\d+) of (?P<host>\S+) \(connection refused\); is it running, and is the "
     r"address right\?",
     "无法连接位于 {address} 的 Dask 调度器：{host} 的端口 {port} 上没有程序监听（连接被拒绝）；"
     "它是否在运行，地址是否正确？"),
    (r"cannot reach the Dask scheduler at (?P<address>\S+): the name (?P<host>\S+) does not "
     r"resolve \((?P<why>[^)]*)\); is it running, and is the address right\?",
     "无法连接位于 {address} 的 Dask 调度器：无法解析主机名 {host}（{why}）；它是否在运行，"
     "地址是否正确？"),
    (r"lost the Dask scheduler at (?P<address>\S+) part-way \(its workers stop with it\); "
     r"(?P<n>\d+) replication\(s\) still to do \(replication\(s\) (?P<reps>[\d, to]+)\); what "
     r"finished is kept: start the scheduler and its workers again, then rerun the same "
     r"command with the same --out to resume",
     "运行中途失去了位于 {address} 的 Dask 调度器（其工作进程随之停止）；尚有 {n} 次重复运行"
     "未完成（第 {reps} 次）；已完成的均已保存：" + _RESUME),
)


def said(words: dict[str, str]) -> dict[str, str]:
    """A pattern's groups in Chinese: the replications' ranges with 至 (``4 至 6、9``)."""
    if "reps" in words:
        words["reps"] = words["reps"].replace(" to ", " 至 ").replace(", ", "、")
    return words
