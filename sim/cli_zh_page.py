"""The workshop page's refusals in Chinese (:meth:`sim.faces.choices.Plan.check` and
:meth:`~sim.faces.choices.Lever.check`: a scenario, option or lever the page does not offer,
a lever, replications, days or seed out of range): a pattern of each English reason and its
Chinese, read by :mod:`sim.cli_zh_errors`. A lever is named by the page's own Chinese
(:data:`sim.faces.words.ZH`), a setting as the console's help names it (重复运行次数,
观测天数); a lever the table does not know leaves the whole reason in English."""

from __future__ import annotations

#: an English reason (the whole of it) -> its Chinese; ``lever`` is said by :func:`said`
ERRORS: tuple[tuple[str, str], ...] = (
    (r"(?P<lever>[^:]+): (?P<v>\S+) is outside (?P<lo>\S+) to (?P<hi>\S+)",
     "{lever}：{v} 超出范围，应在 {lo} 至 {hi} 之间"),
    (r"(?P<lever>[^:]+): not a number: (?P<v>.+)", "{lever}：不是数字：{v}"),
    (r"unknown scenario (?P<name>'[^']*'); offered: (?P<names>.*)",
     "未知情景 {name}；可选：{names}"),
    (r"unknown option\(s\) (?P<names>.+); known: (?P<known>.*)",
     "未知方案 {names}；可选：{known}"),
    (r"unknown lever (?P<name>'[^']*'); known: (?P<known>.*)",
     "未知调节杆 {name}；可选：{known}"),
    (r"replications: (?P<v>.+) is not one of (?P<allowed>\[.*\])",
     "重复运行次数：{v} 不是可选值 {allowed} 之一"),
    (r"days: (?P<v>.+) is not one of (?P<allowed>\[.*\])",
     "观测天数：{v} 不是可选值 {allowed} 之一"),
    (r"seed: (?P<v>.+) must be a whole number from 0 to (?P<most>\d+)",
     "随机数种子：{v} 应为 0 至 {most} 的整数"),
)


def said(words: dict[str, str]) -> dict[str, str] | None:
    """A pattern's groups in Chinese: a lever's label by the page's words (None: a label
    the page has no Chinese for)."""
    if "lever" in words:
        from sim.faces.words import ZH

        if words["lever"] not in ZH:
            return None
        words["lever"] = ZH[words["lever"]]
    return words
