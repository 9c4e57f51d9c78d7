"""``bordersim reproduce --lang zh``'s verdict (复现成功 / 未能复现) and ``tables --lang zh``'s
lines, from the same records and figures as the English lines of
:func:`sim.reproduce_compare.verdict` and :mod:`sim.cli_tables`: each figure that moved is
written as the English writes it (:func:`sim.reproduce_compare.change`); a difference, a
file not compared or the code that differs is said by :mod:`sim.cli_zh_reproduce`'s table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sim.cli_zh_reproduce import KINDS, where

if TYPE_CHECKING:
    from sim.reproduce import Recorded
    from sim.reproduce_compare import Outcome

#: the verdicts (the English's REPRODUCED and NOT REPRODUCED)
REPRODUCED, NOT_REPRODUCED = "复现成功", "未能复现"
#: the English's :data:`sim.reproduce_compare.STORED`
STORED = "原文件夹自身的校验和表明这些文件在写出后被编辑、损坏或删除（其数字不能按发表的样子采信）"


def _said(english: str) -> str:
    """One difference or file not compared in Chinese (marked untranslated if unknown)."""
    from sim.cli_zh_errors import problem

    return problem(english)


def _stored(english: str) -> str:
    """A file of the original that fails its checksum (``PATH: REASON``, the store's own
    reasons, as a report says them: :mod:`sim.report.zh_reasons`) in Chinese."""
    from sim.report.zh_reasons import reason

    path, sep, why = english.partition(": ")
    zh = reason(why) if sep else None
    return f"{path}：{zh}" if zh is not None else _said(english)


def verdict(rec: Recorded, new: Path, out: Outcome) -> list[str]:
    """The lines of :func:`sim.reproduce_compare.verdict`, in Chinese."""
    from sim.reproduce_compare import SHOWN, change, files_named, ranked

    points = f"{rec.points} 个扫描点中的 {out.points} 个，" if rec.kind == "sweep" else ""
    lines = [f"已将 {rec.folder} 重新运行到 {new}：{KINDS[rec.kind]}，随机种子 {rec.seed}，"
             f"{points}核对 {rec.reps} 次重复运行中的 {out.checked_reps} 次，观测 {rec.days:g} 天"]
    lines.append(f"比较了 {out.replications} 份重复运行记录"
                 + (f"和 {out.files} 个汇总文件" if out.all_reps else
                    "；未比较汇总文件（它们基于全部重复运行：不加 --reps 重新运行即可比较）"
                    if rec.kind != "sweep" else "；未比较汇总文件（它们基于全部扫描点和重复运行："
                    "不加 --reps 和 --point 重新运行即可比较）"))
    if out.skipped:
        lines.append("未比较：" + "；".join(_said(s) for s in out.skipped))
    if out.same:
        lines.append(f"{REPRODUCED}：比较的每个数字都逐位相同")
        if out.environment:
            lines.append("但由不同的代码或在不同的平台上生成：")
            lines += [f"  {_said(e)}" for e in out.environment]
        return lines
    tables = f"{len(out.tables)} 个表不同，" if out.tables else ""
    lines.append(f"{NOT_REPRODUCED}：{len(out.moved)} 个数字有变化，{tables}另有 "
                 f"{len(out.problems)} 处其他差异"
                 + (f"，原文件夹有 {files_named(out.stored, rec.folder)} 个文件在写出后被改动"
                    if out.stored else ""))
    if out.stored:
        lines.append(f"  {STORED}：")
        lines += [f"  {_stored(p)}" for p in out.stored[:SHOWN]]
        if len(out.stored) > SHOWN:
            lines.append(f"  …… 另有 {len(out.stored) - SHOWN} 处问题")
    worst = ranked(out.moved)
    for place, name, a, b in worst[:SHOWN]:
        lines.append(f"  {where(place)}：{name} {change(a, b)}")
    if len(worst) > SHOWN:
        lines.append(f"  …… 另有 {len(worst) - SHOWN} 个数字有变化")
    lines += [f"  {_said(t)}" for t in out.tables]
    lines += [f"  {_said(p)}" for p in out.problems[:SHOWN]]
    if len(out.problems) > SHOWN:
        lines.append(f"  …… 另有 {len(out.problems) - SHOWN} 处差异")
    if out.environment:
        lines.append("由不同的代码或在不同的平台上生成，" + (
            "这可能解释有变化的数字，但不能解释文件夹写出后被改动的文件：" if out.stored
            else "这可能是原因："))
        lines += [f"  {_said(e)}" for e in out.environment]
    else:
        lines.append("版本、构建、Python、库和机器都相同：数字本应相同；结果文件夹中的文件可能"
                     "被编辑过")
    return lines


def checked(rec: Recorded, problems: list[str], notes: list[str] | None = None) -> list[str]:
    """The lines of ``reproduce --check-only`` (:func:`sim.reproduce_stored.check_only`),
    in Chinese (``notes``: what could not be checked)."""
    from sim.reproduce_compare import SHOWN, files_named

    options = f"，{len(rec.options)} 个方案" if rec.kind == "compare" else ""
    reps = f"，{rec.reps} 次重复运行" if rec.kind != "sweep" else ""
    lines = [f"已对照 {rec.folder} 自身的记录核对，未重新运行：{KINDS[rec.kind]}{options}{reps}"]
    lines += [f"未核对：{_said(note)}" for note in notes or []]
    if not problems:
        again = "不加 --check-only 即可重新运行并比较每个数字"
        return [*lines, "与写出时一致：每个文件都与结果文件夹保存的校验和相符，汇总表与各次重复运行"
                        f"相符（未重新运行：{again}）"]
    changed = files_named(problems, rec.folder)
    lines += [f"已被改动：结果文件夹有 {changed} 个文件在写出后被改动", f"  {STORED}："]
    lines += [f"  {_stored(p)}" for p in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"  …… 另有 {len(problems) - SHOWN} 处问题")
    return lines


def rows_line(name: str, n: int) -> str:
    """A table written and its rows (the English: ``NAME  N rows``)."""
    from sim.cli_lang import pad

    return f"{pad(name, 28, right=False)} {n:>9,} 行"


def written(out: Path) -> str:
    """Where the tables and their schema were written."""
    return f"表：{out}（模式：{out / 'datapackage.json'}）"


def fit(folder: Path, ok: bool) -> str:
    """The validation's verdict (the English: ``fit to load`` or ``NOT fit to load``)."""
    return f"{folder}：{'可以载入' if ok else '不可载入'}"
