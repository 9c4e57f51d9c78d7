"""A sweep's warnings on stderr, each distinct warning once.

A sweep of 40 points by 20 replications used to print a warning for every point (and every
replication whose figures differed): hundreds of lines, burying the ones that matter. Here a
warning that differs only in its figures (the text from its first " (" on, as
:func:`sim.model.window._distinct_warnings` groups a run's) is one line, with the points and
replications it concerned and the figures of the first. The folder's warning records still
keep each point's (the lines :func:`point_lines` returns)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sim.experiment.dask_trouble import number_ranges, points_named
from sim.experiment.reporter import Reporter

#: one warning of one replication: (point, replication, message)
Said = tuple[int, int, str]


def point_lines(warnings: dict[str, list[str]], design: Any) -> list[str]:
    """Each point's distinct warnings as lines, naming the point by its values (what the
    folder's warning records keep: every point's)."""
    lines = []
    for point, ws in warnings.items():
        values = _values(design, int(point))
        lines += [f"warning (point {point}: {values}): {w}" for w in ws]
    return lines


def _values(design: Any, point: int) -> str:
    return ", ".join(f"{k}={v}" for k, v in design.iloc[point].items())


def grouped(said: Iterable[Said], design: Any, lang: str = "en") -> list[str]:
    """Each distinct warning once (in ``lang``): its points (by values when one), how many
    replications gave it, and whose figures it shows when theirs differ."""
    first: dict[str, Said] = {}
    where: dict[str, list[tuple[int, int]]] = {}
    same: dict[str, bool] = {}
    for point, rep, message in sorted(said):
        head = message.split(" (")[0]
        shown = first.setdefault(head, (point, rep, message))
        where.setdefault(head, []).append((point, rep))
        same[head] = same.get(head, True) and message == shown[2]
    out = []
    for head, (point, rep, message) in first.items():
        points = sorted({p for p, _ in where[head]})
        one = f"point {point}: {_values(design, point)}" if len(points) == 1 else None
        tally = (len(where[head]), points, len(design), one)
        whose = None if same[head] else (point, rep)
        out.append(_zh(message, tally, whose) if lang == "zh" else _en(message, tally, whose))
    return out


def _en(message: str, tally: tuple[int, list[int], int, str | None],
        whose: tuple[int, int] | None) -> str:
    n, points, total, one = tally
    at = one or f"{points_named(number_ranges(points))}: {len(points)} of {total}"
    tail = f"{n} replication(s)"
    if whose is not None:
        tail += (f"; the figures are those of point {whose[0]}, rep-{whose[1]:04d}; the "
                 "others' differ")
    return f"warning ({at}): {message} ({tail})"


def _zh(message: str, tally: tuple[int, list[int], int, str | None],
        whose: tuple[int, int] | None) -> str:
    from sim.cli_lang import line

    n, points, total, one = tally
    if one is not None:
        at = "扫描点 " + one.removeprefix("point ").replace(": ", "：", 1)
    else:
        ranges = points_named(number_ranges(points)).split(" ", 1)[1].replace(" to ", " 至 ")
        at = f"扫描点 {ranges.replace(', ', '、')}，共 {total} 个中的 {len(points)} 个"
    tail = f"{n} 次重复运行"
    if whose is not None:
        tail += f"；数据取自扫描点 {whose[0]} 的 rep-{whose[1]:04d}，其他各次不同"
    severity, _, sentence = line(f"warning: {message}", "zh").partition("：")
    return f"{severity}（{at}）：{sentence}（{tail}）"


def say_grouped(said: Iterable[Said], design: Any, reporter: Reporter) -> None:
    """:func:`grouped`, in ``reporter``'s language, said by it (on stderr)."""
    for text in grouped(said, design, reporter.lang):
        reporter.say(text)
