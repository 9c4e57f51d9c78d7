"""argparse's own usage errors in Chinese under ``--lang zh`` (or ``BORDERSIM_LANG=zh``): a
value of the wrong type, a choice not offered, an argument not taken, missing or without its
value. The line is ``bordersim run: 错误：`` then the message in Chinese, the offending
value and option names kept as typed; the exit status stays argparse's 2. A message this
table does not know stays English (never guessed); English errors are as argparse writes
them."""

from __future__ import annotations

import argparse
import os
import re
from typing import NoReturn

#: an English message (the whole of it) -> its Chinese; named groups are kept as written
MESSAGES: tuple[tuple[str, str], ...] = (
    (r"invalid int value: (?P<value>.+)", "无效的整数值：{value}"),
    (r"invalid float value: (?P<value>.+)", "无效的数值：{value}"),
    (r"invalid (?P<type>\S+) value: (?P<value>.+)", "无效的 {type} 值：{value}"),
    (r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)",
     "无效的取值：{value}（可选：{choices}）"),
    (r"unrecognized arguments: (?P<args>.+?) \(did you mean (?P<near>.+)\?\)",
     "无法识别的参数：{args}（是否应为 {near}？）"),
    (r"unrecognized arguments: (?P<args>.+)", "无法识别的参数：{args}"),
    (r"the following arguments are required: (?P<args>.+)", "缺少以下必需参数：{args}"),
    (r"one of the arguments (?P<args>.+) is required", "必须给出以下参数之一：{args}"),
    (r"expected one argument", "需要一个取值"),
    (r"expected at most one argument", "最多需要一个取值"),
    (r"expected at least one argument", "至少需要一个取值"),
    (r"expected (?P<n>\d+) arguments?", "需要 {n} 个取值"),
    (r"not allowed with argument (?P<other>.+)", "不能与参数 {other} 同时使用"),
    (r"not a whole number: (?P<value>.+)", "不是整数：{value}"),
    (r"must be at least (?P<n>\S+); got (?P<value>.+)", "应至少为 {n}；实际为 {value}"),
    (r"given twice \((?P<first>.+) and (?P<second>.+)\); give it once",
     "给出了两次（{first} 和 {second}）；只能给出一次"),
)
_ARGUMENT = re.compile(r"argument (?P<name>\S+): (?P<rest>.+)", re.DOTALL)


def wanted(argv: list[str]) -> bool:
    """Whether errors are to be in Chinese: ``--lang zh``/``--lang=zh`` anywhere in ``argv``,
    or ``BORDERSIM_LANG=zh`` (as the command's own output would be)."""
    from sim.cli_lang import ENV

    if "--lang=zh" in argv or any(a == "--lang" and b == "zh"
                                  for a, b in zip(argv, argv[1:], strict=False)):
        return True
    return os.environ.get(ENV, "").strip().lower() == "zh"


def translate(message: str) -> str:
    """``message`` (argparse's, after ``error:``) in Chinese, ``argument X:`` as ``参数 X：``;
    as it is where this table does not know it."""
    head = _ARGUMENT.fullmatch(message)
    if head is not None:
        return f"参数 {head['name']}：{translate(head['rest'])}"
    for english, chinese in MESSAGES:
        found = re.fullmatch(english, message, re.DOTALL)
        if found is not None:
            return chinese.format(**found.groupdict())
    return message


def fail(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    """What :meth:`argparse.ArgumentParser.error` does, in Chinese: the usage (用法：), then
    the error line; exit status 2."""
    import sys

    from sim.cli_zh_help import _formatter

    if not getattr(parser.formatter_class, "zh", False):
        parser.formatter_class = _formatter(parser.formatter_class)  # type: ignore[arg-type]
    parser.print_usage(sys.stderr)
    parser.exit(2, f"{parser.prog}: 错误：{translate(message)}\n")
