"""The words of ``bordersim difference`` in Chinese (``--lang zh``, see :mod:`sim.cli_lang`):
its header (the folders, the scenario fields that differ, the run lengths, an interrupted
run, paired or Welch),
the table's title, columns and caption, and the lines after it, in the terms ``compare
--lang zh`` and the command's Chinese help use (改动前, 改动后, 差值, 配对, 95% 置信区间).
Identifiers, paths and values stay as written; an English line no pattern here knows is
printed marked untranslated, never guessed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sim.cli_zh_options import UNTRANSLATED

if TYPE_CHECKING:
    from sim.report.run_difference import Progress, RunDifference

SIDES = {"before": "改动前", "after": "改动后"}
METHODS = {"paired": "配对", "unpaired (Welch)": "非配对（Welch）"}
COLUMNS = ("指标", "改动前", "改动后", "差值", "95% 置信区间", "重复运行次数", "")
CAPTION = "! 非稳态（改动前或改动后的运行有警告）"
#: the run lengths of ``meta.json`` (:data:`sim.report.run_difference.LENGTHS`)
LENGTHS = {"days": "观测天数", "warmup_days": "预热期天数", "drain_days": "收尾期天数"}
#: why the intervals are paired or not (:func:`sim.report.run_difference._pairing`)
_WHY = (
    (r"same seeds rep for rep \(root seed (?P<seed>.+)\): paired over the (?P<n>\d+) "
     r"replication\(s\) both have",
     "逐次重复运行的随机种子相同（根随机种子 {seed}）：对两者共有的 {n} 次重复运行配对"),
    (r"seeds differ \(root seed (?P<b>.+) before, (?P<a>.+) after\): unpaired \(Welch\)",
     "随机种子不同（改动前根随机种子 {b}，改动后 {a}）：非配对（Welch）"),
    (r"no replication in common: unpaired \(Welch\)", "没有共同的重复运行：非配对（Welch）"),
)
_LENGTH = (r"the runs' (?P<key>\w+) differ \((?P<b>.+) before, (?P<a>.+) after\): the "
           r"differences also measure that")
_REPS = (r"the runs finished different numbers of replications \((?P<b>\d+) before, "
         r"(?P<a>\d+) after\): each run's mean is over its own")


def _said(english: str, table: tuple[tuple[str, str], ...]) -> str:
    """``english`` in Chinese by the first pattern of ``table`` it matches, else marked."""
    for pattern, zh in table:
        found = re.fullmatch(pattern, english)
        if found is not None:
            return zh.format(**found.groupdict())
    return UNTRANSLATED + english


def length_note(english: str) -> str:
    """A note that a run length differs, in Chinese."""
    reps = re.fullmatch(_REPS, english)
    if reps is not None:
        return (f"两次运行完成的重复运行次数不同（改动前 {reps['b']} 次，改动后 {reps['a']} 次）："
                "各自的均值按各自完成的重复运行计算")
    found = re.fullmatch(_LENGTH, english)
    if found is None:
        return UNTRANSLATED + english
    key = found["key"]
    return (f"{LENGTHS.get(key, key)}（{key}）不同（改动前 {found['b']}，改动后 {found['a']}）："
            "差值中也含有这一不同的影响")


def header(diff: RunDifference) -> list[str]:
    """The lines above the table (see :func:`sim.cli_difference._header`)."""
    out = [f"改动前：{diff.before}\n改动后：{diff.after}"]
    if diff.changes:
        out.append(f"{len(diff.changes)} 个情景字段不同（各结果文件夹的 scenario.json）：")
        out += [f"  {c.field}：{c.parent} -> {c.child}" for c in diff.changes]
    else:
        out.append("两次运行的情景逐字段相同")
    out += [f"提示：{length_note(n)}" for n in diff.lengths]
    out += [interrupted(side, p) for side, p in diff.progress.items() if p.interrupted]
    out.append(f"区间：{_said(diff.why, _WHY)}")
    return out


def interrupted(side: str, progress: Progress) -> str:
    """The line for a run interrupted before it finished (see
    :meth:`sim.report.run_difference.Progress.said`): compared over what it finished."""
    how = (f"续跑命令：{progress.resume}" if progress.resume else
           "续跑：以相同的 --out 再次给出其 bordersim run 命令")
    if progress.made_by:
        how = f"须用生成它的代码（构建 {progress.made_by}）{how}"
    return (f"{SIDES[side]}：运行被中断，计划的 {progress.planned} 次重复运行中已完成 "
            f"{progress.finished} 次；按已完成的重复运行比较（{how}）")


def title(method: str) -> str:
    """The table's title: what it holds and how its intervals are taken."""
    return f"改动后 - 改动前：均值及 95% 置信区间，{METHODS.get(method, method)}"


def after_table(diff: RunDifference, shown: int, headline: bool) -> list[str]:
    """The lines after the table: metrics only one run (or neither) measured, and how to
    see the rows the table leaves out (see :func:`sim.cli_difference._after_table`)."""
    from sim.cli_difference import listed

    out = []
    for side in ("before", "after"):
        if diff.only.get(side):
            names, more = listed(diff.only[side], headline)
            out.append(f"仅{SIDES[side]}测得（无差值）：{'、'.join(names)}"
                       + (f" 等另外 {more} 个（全部：--json）" if more else ""))
    if diff.only.get("neither"):
        out.append(f"两次运行均未测得：{'、'.join(diff.only['neither'])}")
    if headline:
        out.append(f"显示 {len(diff.rows)} 个指标中的 {shown} 个；全部指标：--csv FILE 或 "
                   "--json；其他指标：--metric NAME（或模式，如 'utilisation_*'）")
    return out


def warning(side: str, folder: object, said: str) -> str:
    """A folder's warning, already in Chinese (:func:`sim.cli_lang.line`), with the run it
    came from: ``警告（改动前，FOLDER）：...``."""
    head, colon, rest = said.partition("：")
    if not colon:
        return said
    return f"{head}（{SIDES[side]}，{folder}）：{rest}"
