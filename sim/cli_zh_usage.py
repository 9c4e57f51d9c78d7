"""argparse's own usage errors in Chinese under ``--lang zh`` (or ``BORDERSIM_LANG=zh``): a
value of the wrong type, a choice not offered, an argument not taken, missing or without its
value. The line is ``bordersim run: 错误：`` then the message in Chinese, the offending
value and option names kept as typed; the exit status stays argparse's 2. A message this
table does not know stays English (never guessed), marked untranslated; English errors are
as argparse writes them."""

from __future__ import annotations

import argparse
import os
import re
from typing import NoReturn

from sim.cli_zh_aeo_payback import USAGE as PAYBACK_USAGE
from sim.cli_zh_operating_curve import USAGE as CURVE_USAGE
from sim.cli_zh_options import UNTRANSLATED

#: an English message (the whole of it) -> its Chinese; named groups are kept as written
MESSAGES: tuple[tuple[str, str], ...] = (
    (r"invalid int value: (?P<value>.+)", "无效的整数值：{value}"),
    (r"invalid float value: (?P<value>.+)", "无效的数值：{value}"),
    (r"invalid (?P<type>\S+) value: (?P<value>.+)", "无效的 {type} 值：{value}"),
    (r"invalid choice: (?P<value>'[^']*'); did you mean (?P<near>\S+)\? \(choose from "
     r"(?P<choices>.+)\)", "无效的取值：{value}；是否应为 {near}？（可选：{choices}）"),
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
    # the project's own checks of an argument (sim/cli*.py)
    (r"expected KEY=VALUE, e\.g\. warmup_days=1; got (?P<value>.+)",
     "应为 KEY=VALUE 的形式，如 warmup_days=1；实际为 {value}"),
    (r"expected KEY=v1,v2,\.\.\., e\.g\. days=7,14; got (?P<value>.+)",
     "应为 KEY=v1,v2,... 的形式，如 days=7,14；实际为 {value}"),
    (r"expected KEY=LOW:HIGH, e\.g\. days=7:14; got (?P<value>.+)",
     "应为 KEY=LOW:HIGH 的形式，如 days=7:14；实际为 {value}"),
    (r"an empty value in (?P<value>.+)", "{value} 中有空的取值"),
    (r"the value of (?P<key>.+) is nested too deeply", "{key} 的取值嵌套层数过多"),
    (r"must be 0 or more; got (?P<value>.+)", "应为 0 或更大；实际为 {value}"),
    (r"at most (?P<n>[\d,]+) replications; got (?P<value>.+)",
     "重复运行次数最多为 {n}；实际为 {value}"),
    (r"not a number: (?P<value>.+)", "不是数值：{value}"),
    (r"must be a positive number; got (?P<value>.+)", "应为正数；实际为 {value}"),
    (r"not a date as 2025-03-03: (?P<value>.+)", "不是 2025-03-03 格式的日期：{value}"),
    (r"not a number of hours: (?P<value>.+)", "不是小时数：{value}"),
    (r"must be a positive number of hours; got (?P<value>.+)",
     "应为正的小时数；实际为 {value}"),
    (r"hours are 0 or more; got (?P<value>.+)", "小时数应为 0 或更大；实际为 {value}"),
    (r"a duty limit is above 0 hours; got (?P<value>.+)", "工时上限应大于 0 小时；实际为 {value}"),
    (r"--every: (?P<value>'.*'); allowed: 1, 2, 3, 4, 6, 8, 12 or 24 \(hours that divide a "
     r"day\)", "--every：{value}；可选：1、2、3、4、6、8、12 或 24（能整除一天的小时数）"),
    (r"--against: (?P<value>'.*'); give NAME=DIR, a name for the change and the folder of a "
     r"run of it on the baseline's seed \(e\.g\. advance=results/advance\)",
     "--against：{value}；应为 NAME=DIR：改动的名称，以及以基准方案的随机种子运行该改动的结果"
     "文件夹（如 advance=results/advance）"),
    *CURVE_USAGE,  # (operating-curve's lists of numbers)
    *PAYBACK_USAGE,  # (compare --declarations-a-year's counts by direction)
    (r"an empty name; give a file name, e\.g\. lanes\.csv",
     "名称为空；请给出文件名，如 lanes.csv"),
    (r"(?P<path>.+) is a folder; give a file name in it",
     "{path} 是文件夹；请给出其中的文件名"),
    # a Dask scheduler's address (sim.experiment.executors.check_address)
    (r"(?P<address>'.*'): no port number; give HOST:PORT or SCHEME://HOST:PORT \(SCHEME one "
     r"of (?P<schemes>[\w, ]+)\), e\.g\. tcp://10\.0\.0\.5:8786",
     "{address}：没有端口号；应为 HOST:PORT 或 SCHEME://HOST:PORT（SCHEME 为 {schemes} 之一），"
     "如 tcp://10.0.0.5:8786"),
    (r"(?P<address>'.*'): not an address; give HOST:PORT or SCHEME://HOST:PORT \(SCHEME one "
     r"of (?P<schemes>[\w, ]+)\), e\.g\. tcp://10\.0\.0\.5:8786",
     "{address}：不是地址；应为 HOST:PORT 或 SCHEME://HOST:PORT（SCHEME 为 {schemes} 之一），"
     "如 tcp://10.0.0.5:8786"),
    (r"(?P<address>'.*'): unknown scheme (?P<scheme>'[^']*'); give HOST:PORT or "
     r"SCHEME://HOST:PORT \(SCHEME one of (?P<schemes>[\w, ]+)\)",
     "{address}：未知的协议 {scheme}；应为 HOST:PORT 或 SCHEME://HOST:PORT（SCHEME 为 "
     "{schemes} 之一）"),
    (r"(?P<address>'.*'): port (?P<port>\d+) is not 1 to 65535",
     "{address}：端口 {port} 不在 1 至 65535 之间"),
)
_ARGUMENT = re.compile(r"argument (?P<name>\S+): (?P<rest>.+)", re.DOTALL)
#: several options mistyped at once, each with its near option (``--days for --day, ...``)
_NEAR_PAIRS = re.compile(r"unrecognized arguments: (?P<args>.+?) \(did you mean "
                         r"(?P<pairs>\S+ for \S+(?:, \S+ for \S+)*)\?\)", re.DOTALL)


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
    marked untranslated where this table does not know it."""
    head = _ARGUMENT.fullmatch(message)
    if head is not None:
        return f"参数 {head['name']}：{translate(head['rest'])}"
    pairs = _NEAR_PAIRS.fullmatch(message)
    if pairs is not None:  # (each mistyped option with the one it is near: no English ``for``)
        near = [pair.split(" for ") for pair in pairs["pairs"].split(", ")]
        asked = "".join(f"{typed} 是否应为 {option}？" for option, typed in near)
        return f"无法识别的参数：{pairs['args']}（{asked}）"
    for english, chinese in MESSAGES:
        found = re.fullmatch(english, message, re.DOTALL)
        if found is not None:
            return chinese.format(**found.groupdict())
    return UNTRANSLATED + message


def fail(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    """What :meth:`argparse.ArgumentParser.error` does, in Chinese: the usage (用法：), then
    the error line; exit status 2."""
    import sys

    from sim.cli_zh_help import _formatter

    if not getattr(parser.formatter_class, "zh", False):
        parser.formatter_class = _formatter(parser.formatter_class)  # type: ignore[arg-type]
    parser.print_usage(sys.stderr)
    parser.exit(2, f"{parser.prog}: 错误：{translate(message)}\n")
