"""``bordersim compare --lang zh``: the lines saying a replication failed, in Chinese (the
progress line, each failed replication, an option none of whose replications finished);
options keep their names (``baseline`` is 基准方案), the error itself stays as Python gave
it."""

from __future__ import annotations

from typing import Any


def _option(name: str) -> str:
    return "基准方案" if name == "baseline" else f"方案 {name}"


def _whose(name: str) -> str:
    """``name``'s, as the subject of a line (no space between 基准方案 and 的)."""
    return "基准方案的" if name == "baseline" else f"方案 {name} 的"


def progress_line(option: str, r: int) -> str:
    """The progress line of replication ``r`` of ``option`` that failed."""
    return f"失败：{_option(option)}，重复运行 {r}"


def failed_line(f: dict[str, Any]) -> str:
    """One failed replication (``f``: a record of ``CompareResult.failures``)."""
    return (f"错误：{_whose(f['option'])}重复运行 {f['replication']}（种子 {f['seed']}，"
            f"情景 {f['scenario']}）失败：{f['error']}")


def lost_line(name: str, n: int, first: dict[str, Any], where: str | None) -> str:
    """An option whose every replication (``n``) failed, with the first failure; ``where``:
    the file listing them all, if written."""
    return (f"错误：{_whose(name)}全部 {n} 次重复运行都失败了，因此没有结果；第一次（重复运行 "
            f"{first['replication']}）：{first['error']}"
            + (f"（全部失败记录见 {where}）" if where is not None else ""))
