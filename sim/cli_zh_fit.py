"""``bordersim fit-arrivals --lang zh`` and ``fit-times --lang zh``: the comment lines of the
fitted TOML in Chinese (卡方, 自由度, 泊松, 变异系数, 中位数, 经验分布, 对数正态, 伽马, KS 距离),
from the same figures as the English lines of :mod:`sim.cli_fit`; the TOML keys and values are
the fit's own, byte for byte as in English (a scenario's keys are English). And the reasons a
CSV of observations cannot be fitted (:mod:`sim.scenario.arrival_fit`,
:mod:`sim.scenario.time_fit`, :mod:`sim.scenario.csv_observations`, the file's reading),
plugged into :data:`sim.cli_zh_errors.MESSAGES`' reader; a file, line, column and value keep
what they are written as."""

from __future__ import annotations

import re
from typing import Any

#: the weekdays as :data:`sim.scenario.arrival_fit.WEEKDAYS` writes them, in Chinese
WEEKDAYS = {"Mon": "周一", "Tue": "周二", "Wed": "周三", "Thu": "周四", "Fri": "周五",
            "Sat": "周六", "Sun": "周日"}
#: the other kinds of file :func:`sim.scenario.files.read_bytes` names
_KINDS = {"a folder": "文件夹", "a named pipe": "命名管道", "a device": "设备文件",
          "a socket": "套接字", "not a regular file": "特殊文件"}
#: how to write a number another syntax gave (by the English's first 22 characters)
_HOW = {"": "", "; write it without '_'": "；请不带 '_' 书写（1000，而非 1_000）",
        "; write it with the di": "；请只用数字 0-9、'.' 和指数书写（如 1000 或 1e3）"}
#: what Python's CSV reader says of a row it cannot read (another reason kept as written)
_CSV = {"unexpected end of data": "引号闭合之前数据就已结束",
        "',' expected after '\"'": "'\"' 之后应为 ','"}
_FIELD = re.compile(r"field larger than field limit \((\d+)\)")
_HEADER = {"the header row": "首行", "its first row, not a number": "首行（不是数值）"}
_F = r"(?:empirical csv )?(?P<f>'[^']*'|\"[^\"]*\")"  # (a file, as repr writes its path)
_AT = rf"{_F} line (?P<line>\d+), column (?P<col>'[^']*'|\d+)"  # (a cell of it)

#: an English reason (the whole of it) -> its Chinese; named groups kept as written, but for
#: those :func:`said` puts in Chinese (a column, weekdays, a kind of file, a system's reason)
ERRORS: tuple[tuple[str, str], ...] = (
    # reading the file (sim.scenario.files)
    (rf"{_F} no such file", "{f}：文件不存在"),
    (rf"{_F} is a folder, not a file", "{f} 是文件夹，不是文件"),
    (rf"{_F} is a symbolic link to (?P<to>.+), which does not exist",
     "{f} 是指向 {to} 的符号链接，而该目标不存在"),
    (rf"{_F} is a loop of symbolic links \(each leads to another, and back\): there is no "
     r"file to read", "{f} 是循环的符号链接（彼此指向，又绕回原处）：没有可读取的文件"),
    (rf"{_F} cannot read: (?P<oserr>.+)", "{f} 无法读取：{oserr}"),
    (rf"{_F} is (?P<kind>a folder|a named pipe|a device|a socket|not a regular file), not a "
     r"regular file", "{f} 是{kind}，不是普通文件"),
    (rf"{_F} is (?P<size>[\d,]+) bytes; at most (?P<most>[\d,]+) bytes are read",
     "{f} 有 {size} 字节；最多读取 {most} 字节"),
    (rf"{_F} is more than (?P<most>[\d,]+) bytes; at most [\d,]+ are read",
     "{f} 超过 {most} 字节；最多读取 {most} 字节"),
    (rf"{_F} is not UTF-8 text(?P<utf16> \(it looks like UTF-16\))?: byte (?P<byte>0x[0-9a-f]+) "
     r"on line (?P<line>\d+); save it as UTF-8",
     "{f} 不是 UTF-8 文本{utf16}：第 {line} 行的字节 {byte}；请另存为 UTF-8"),
    (rf"{_F} is not a text file: a NUL character on line (?P<line>\d+)",
     "{f} 不是文本文件：第 {line} 行有 NUL 字符"),
    (rf"{_F} has more than (?P<most>[\d,]+) rows", "{f} 超过 {most} 行"),
    (rf"{_F} has (?P<n>[\d,]+) rows; at most (?P<most>[\d,]+) observations",
     "{f} 有 {n} 行；最多 {most} 个观测值"),
    (rf"{_F} is empty", "{f} 是空文件"),
    # the CSV's rows and cells (sim.scenario.arrival_fit, sim.scenario.csv_observations)
    (rf"{_F} line (?P<line>\d+): cannot be read as CSV \((?P<e>.+)\)",
     "{f} 第 {line} 行：无法按 CSV 读取（{e}）"),
    (rf"{_AT}: a quoted cell is never closed \(a '\"' without its closing '\"'\); close it, "
     r"or write the cell without quotes",
     "{f} 第 {line} 行，{col}：带引号的单元格没有闭合（有 '\"' 而没有对应的 '\"'）；"
     "请补上引号，或去掉引号"),
    (rf"{_AT}: cannot be read as CSV \((?P<e>.+)\); a quoted cell is a whole cell, \"\.\.\.\"",
     "{f} 第 {line} 行，{col}：无法按 CSV 读取（{e}）；带引号的单元格须是整个单元格，\"...\""),
    (rf"{_AT}: the row has (?P<n>\d+) cell\(s\), but the first row has (?P<m>\d+); every "
     r"row needs one cell per column",
     "{f} 第 {line} 行，{col}：该行有 {n} 个单元格，首行有 {m} 个；每行每列须各有一个单元格"),
    (rf"{_F} line (?P<line>\d+): the row has (?P<n>\d+) cell\(s\), the first row (?P<m>\d+); "
     r"every row needs one cell per column",
     "{f} 第 {line} 行：该行有 {n} 个单元格，首行有 {m} 个；每行每列须各有一个单元格"),
    (rf"{_F}: column (?P<name>'[^']*') is not in the first row; the first row has (?P<h>.*)",
     "{f}：首行没有列 {name}；首行的列为 {h}"),
    (rf"{_F}: column (?P<name>'[^']*') names (?P<n>\d+) columns; the first row has (?P<h>.*)",
     "{f}：首行有 {n} 列都名为 {name}；首行的列为 {h}"),
    (rf"column (?P<name>'[^']*') not in the first row of {_F} \((?P<n>\d+) column\(s\)\)",
     "{f} 的首行没有列 {name}（共 {n} 列）"),
    (rf"column (?P<name>'[^']*') is ambiguous: the first row of {_F} names (?P<n>\d+) columns "
     r"so \(columns (?P<at>[\d, ]+)\); give each column its own name",
     "列 {name} 有歧义：{f} 的首行有 {n} 列都叫这个名字（第 {at} 列）；请给每列各起一个名字"),
    (rf"{_AT}: (?P<v>'.*') is not a date and time as ISO 8601 writes one; write "
     r"'2025-03-03 14:05' \(year-month-day, 24-hour clock\)",
     "{f} 第 {line} 行，{col}：{v} 不是 ISO 8601 格式的日期和时间；应写作 '2025-03-03 14:05'"
     "（年-月-日，24 小时制）"),
    (rf"{_AT}: (?P<v>'.*') is a date without a time of day; the hourly profile needs each "
     r"arrival's time \('2025-03-03 14:05'\)",
     "{f} 第 {line} 行，{col}：{v} 只有日期，没有时刻；按小时的分布需要每次到达的时间"
     "（'2025-03-03 14:05'）"),
    (rf"{_AT}: (?P<v>'.*') is not a count; a count is a whole number, 0 or more",
     "{f} 第 {line} 行，{col}：{v} 不是计数；计数应为 0 或更大的整数"),
    (rf"{_AT}: a time with another UTC offset than line (?P<first>\d+)'s; the profile reads "
     r"each time's clock, so write every time in the port's local time, with one offset or "
     r"none",
     "{f} 第 {line} 行，{col}：时间的 UTC 偏移与第 {first} 行的不同；分布按各时间的钟点读取，"
     "请把所有时间都写成口岸当地时间，只用一种偏移或不写偏移"),
    (rf"{_AT}: (?P<t>[\d-]+ [\d:]+) is outside the window (?P<a>[\d-]+) to (?P<b>[\d-]+); "
     r"widen the window or leave the row out",
     "{f} 第 {line} 行，{col}：{t} 在观测期 {a} 至 {b} 之外；请放宽观测期，或删去该行"),
    (rf"{_AT}: a blank line; every row needs an observation",
     "{f} 第 {line} 行，{col}：空行；每行须有一个观测值"),
    (rf"{_AT}: an empty cell; every row needs an observation",
     "{f} 第 {line} 行，{col}：空单元格；每行须有一个观测值"),
    (rf"{_AT}: not a number(?: \((?P<v>'.*')\))?(?P<how>; write it without '_' \(1000, not "
     r"1_000\)|; write it with the digits 0-9, a '\.' and an exponent only \(e\.g\. 1000 or "
     r"1e3\))?", "{f} 第 {line} 行，{col}：{v}不是数值{how}"),
    (rf"{_F} has no observation: (?P<first>the header row|its first row, not a number) is a "
     r"header, and no row follows it", "{f} 没有观测值：{first}是表头，其后没有数据行"),
    # the fit's own checks
    (rf"{_F}: no arrival \(every row counts 0, or none follows the header\)",
     "{f}：没有到达记录（每行计数均为 0，或表头之后没有数据行）"),
    (r"the window's last day (?P<b>[\d-]+) is before its first (?P<a>[\d-]+)",
     "观测期的最后一天 {b} 早于第一天 {a}"),
    (rf"{_F}: the window (?P<a>[\d-]+) to (?P<b>[\d-]+) \((?P<n>\d+) days\) has no "
     r"(?P<days>[\w, ]+): a weekly profile needs every weekday observed \(at least 7 days; "
     r"whole weeks are best\)",
     "{f}：观测期 {a} 至 {b}（{n} 天）中没有{days}：按周的分布需要一周的每一天都有观测"
     "（至少 7 天；最好是整周）"),
    (r"unknown unit (?P<unit>'[^']*'); (?:did you mean (?P<near>'[^']*')\? )?allowed: "
     r"(?P<allowed>[\w, ]+) \(or (?P<more>[\w, ]+)\)",
     "未知单位 {unit}；{near}可用：{allowed}（或 {more}）"),
    (rf"{_F}: times must be at least two numbers from 0 to (?P<most>[\d,.e+]+) (?P<unit>\w+) "
     r"\(365 d, the longest duration a scenario takes\); got (?P<n>\d+) observation\(s\)",
     "{f}：时长须至少有两个 0 至 {most} {unit} 的数值（365 d，即情景可用的最长时长）；"
     "实际只有 {n} 个观测值"),
    (rf"{_F}: observation (?P<i>\d+) is (?P<x>\S+) (?P<unit>\w+); times must be at least two "
     r"numbers from 0 to (?P<most>[\d,.e+]+) \w+ \(365 d, the longest duration a scenario "
     r"takes\)", "{f}：第 {i} 个观测值为 {x} {unit}；时长须为 0 至 {most} {unit} 的数值"
     "（365 d，即情景可用的最长时长），且至少有两个"),
    (rf"{_F}: every observation is (?P<x>\S+): write it as a fixed time, (?P<fixed>\".*\")",
     "{f}：所有观测值都是 {x}：请写成固定时长 {fixed}"),
)


def file_words(out: dict[str, str]) -> None:
    """Put in Chinese, in place, the groups of a file that cannot be read: its kind (a
    folder, a named pipe, ...), the system's reason, a UTF-16 hint."""
    if out.get("kind"):
        out["kind"] = _KINDS[out["kind"]]
    if out.get("oserr"):
        from sim.cli_zh_errors import _SYSTEM

        out["oserr"] = _SYSTEM.get(out["oserr"], out["oserr"])
    if out.get("utf16"):
        out["utf16"] = "（看来是 UTF-16）"


def said(words: dict[str, str]) -> dict[str, str]:
    """The groups of a matched fit error in Chinese where they are words, not names: a column
    (``'t'`` as 't' 列, ``1`` as 第 1 列), weekdays, a kind of file, the system's reason."""
    out = {k: v or "" for k, v in words.items()}
    if out.get("col"):
        out["col"] = f"第 {out['col']} 列" if out["col"].isdigit() else f"{out['col']} 列"
    if out.get("days"):
        out["days"] = "、".join(WEEKDAYS.get(d, d) for d in out["days"].split(", "))
    if out.get("e"):
        big = _FIELD.fullmatch(out["e"])  # (a cell longer than the CSV reader takes)
        out["e"] = (f"单元格长于 CSV 读取器的上限 {big[1]} 个字符" if big
                    else _CSV.get(out["e"], out["e"]))
    file_words(out)
    if "near" in out:
        out["near"] = f"是否应为 {out['near']}？" if out["near"] else ""
    if "how" in out:  # (a cell not a number: its value if shown, then how to write it)
        out["v"] += " " if out["v"] else ""
        out["how"] = _HOW[out["how"][:22]]
    if out.get("first") in _HEADER:
        out["first"] = _HEADER[out["first"]]
    return out


def arrivals(fit: Any, name: str, hour_of_week: bool) -> list[str]:
    """``fit-arrivals``' lines in Chinese: what was fitted, the chi-square of the hour-of-week
    counts, the days' dispersion against Poisson, then the TOML as in English."""
    days = (fit.last_day - fit.first_day).days + 1
    out = [
        f"# 拟合自 {name} 中的 {fit.arrivals:,} 次到达，{fit.first_day} 至 {fit.last_day}"
        f"（{days} 天）；放在 [ports.<name>]（或其出口部分）之下",
        f"# 一周各小时计数的拟合偏差：卡方 {fit.chi2:.1f}，自由度 {fit.dof}，p = {fit.p_value:.2g}",
    ]
    if fit.p_value < 0.01 and not hour_of_week:
        worst = "；".join(f"{_when(at)}：观测 {n}，拟合 {e:g}" for at, n, e in fit.worst)
        out.append("# 一天内的到达形态在一周各天之间的差异超出随机波动（hourly × weekly 使每天"
                   f"形态相同）；差异最大的是 {worst}；--hour-of-week 为一周中每小时各给一个权重")
    out.append(f"# 每日计数的波动是按此分布的泊松到达的 {fit.dispersion:.2f} 倍")
    if fit.dispersion > 1.5:
        out.append("# 口岸各天的波动大于模型（模型的到达是围绕此分布的泊松到达）：繁忙日以及"
                   "排队的尾部可能被低估")
    out.append(fit.toml(week=hour_of_week))
    return out


def _when(at: str) -> str:
    """``Mon 08:00`` as 周一 08:00."""
    day, _, clock = at.partition(" ")
    return f"{WEEKDAYS.get(day, day)} {clock}"


def times(fit: Any, name: str, column: str | None, unit: str) -> list[str]:
    """``fit-times``' lines in Chinese: the observations' moments and quantiles, the caveat of
    the KS p-value, then each shape's TOML as in English with its comment in Chinese."""
    q = fit.quantiles
    out = [
        f"# {name} 中的 {fit.n:,} 个时长：均值 {fit.mean:.4g} {unit}，变异系数 {fit.cv:.3g}，"
        f"中位数 {q['median']:.4g}，第 90 百分位 {q['p90']:.4g}，第 95 百分位 {q['p95']:.4g}，"
        f"最大值 {q['max']:.4g}",
        "# 任选其一；参数由同一数据拟合，KS 检验的 p 值偏高（仅供参考，不是检验）",
    ]
    notes = ["# 经验分布：对观测值重抽样"]
    shape = {"lognormal": "对数正态", "gamma": "伽马"}
    notes += [f"# {shape.get(dist, dist)}分布：KS 距离 {d:.3f}（p = {p:.2g}）"
              for dist, (d, p) in fit.ks.items()]
    for english, note in zip(fit.lines(name, column, unit), notes, strict=True):
        value, _, _ = english.rpartition("   # ")
        out.append(f"{value}   {note}")
    return out
