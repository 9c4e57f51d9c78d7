"""A Dask cluster's trouble in Chinese (:mod:`sim.experiment.dask_trouble`,
:mod:`sim.experiment.dask_workers`): a scheduler where nothing listens, a name that does not
resolve, a scheduler lost part-way, workers that cannot import bordersim or run other
software. Addresses, ports, counts, versions and replication numbers are kept as written.
Read by :mod:`sim.cli_zh_errors`, before its general line for a scheduler that cannot be
reached."""

from __future__ import annotations

import re

_RESUME = "请再次启动调度器及其工作进程，然后用同一 --out 重新运行同一命令即可续跑"
_AGAIN = "然后重新启动这些工作进程并再次运行"

#: workers that cannot import bordersim or run other software (asked before anything runs)
_UNFIT: tuple[tuple[str, str], ...] = (
    (r"(?P<n>\d+) worker\(s\) of the Dask scheduler at (?P<address>\S+) cannot import "
     r"bordersim \((?P<workers>.+?): (?P<why>.+)\); install bordersim (?P<build>\S+) there "
     r"\(bordersim --version shows it\), start those workers again and rerun",
     "位于 {address} 的 Dask 调度器有 {n} 个工作进程无法导入 bordersim（{workers}：{why}）；"
     "请在这些机器上安装 bordersim {build}（bordersim --version 可显示），" + _AGAIN),
    (r"(?P<n>\d+) worker\(s\) of the Dask scheduler at (?P<address>\S+) run other software "
     r"than this command \(bordersim (?P<build>\S+), Python (?P<python>\S+)\): (?P<told>.+); "
     r"their replications would not be the ones the results folder records; install the same "
     r"bordersim and Python there \(bordersim --version shows them\), start those workers "
     r"again and rerun",
     "位于 {address} 的 Dask 调度器有 {n} 个工作进程运行的软件与本命令（bordersim {build}，"
     "Python {python}）不同：{told}；它们算出的重复运行不会是结果文件夹所记录的那些；请在这些"
     "机器上安装相同的 bordersim 和 Python（bordersim --version 可显示），" + _AGAIN),
)
#: the same, of a worker that joined after that check (its replication's answer, on receipt)
_LATE = (r"; it joined after the check at the start: (?P<left>\d+) replication\(s\) still to "
         r"do \((?P<reps>[^()]*(?:\(s\)[^()]*)*)\); what finished is kept: rerun the same "
         r"command with the same --out to resume")
_LATE_ZH = ("；该工作进程是在开始时的检查之后才加入的：尚有 {left} 次重复运行未完成"
            "（{reps}）；已完成的均已保存：请用同一 --out 重新运行同一命令即可续跑")

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
     r"(?P<n>\d+) replication\(s\) still to do \((?P<reps>[^()]*(?:\(s\)[^()]*)*)\); what "
     r"finished is kept: start the scheduler and its workers again, then rerun the same "
     r"command with the same --out to resume",
     "运行中途失去了位于 {address} 的 Dask 调度器（其工作进程随之停止）；尚有 {n} 次重复运行"
     "未完成（{reps}）；已完成的均已保存：" + _RESUME),
    *_UNFIT,
    *((english + _LATE, zh + _LATE_ZH) for english, zh in _UNFIT),
)


def said(words: dict[str, str]) -> dict[str, str]:
    """A pattern's groups in Chinese: the replications' ranges with 至 (``4 至 6、9``), the
    workers' addresses with 、 and what each group of them runs."""
    if "reps" in words:
        words["reps"] = still_to_do_zh(words["reps"])
    for key in ("workers", "told"):
        if key in words:
            text = re.sub(r" and (\d+) more", r" 等另外 \1 个", words[key])
            words[key] = text.replace(", ", "、").replace(" run ", " 运行 ").replace("; ", "；")
    return words


def still_to_do_zh(english: str) -> str:
    """:func:`sim.experiment.dask_trouble.still_to_do` in Chinese: ``replication(s) 4 to 6``
    as ``第 4 至 6 次``, ``points 1 to 7: ...`` as ``第 1 至 7 点：...``, ``option NAME: ...``
    as ``方案 NAME：...``."""
    out = []
    for part in english.split("; "):
        head, _, reps = part.rpartition("replication(s) ")
        reps = f"第 {reps.replace(' to ', ' 至 ').replace(', ', '、')} 次"
        if head.startswith("option "):
            head = f"方案 {head[len('option '):].rstrip(': ')}："
        elif head.startswith("point"):
            points = head.split(" ", 1)[1].rstrip(": ")
            head = f"第 {points.replace(' to ', ' 至 ').replace(', ', '、')} 点："
        out.append(head + reps)
    return "；".join(out)
