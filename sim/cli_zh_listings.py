"""``bordersim check --arrivals`` and ``--roster`` under ``--lang zh``: each line's prose in
Chinese (报关单, 在岗人数, 人时), its field path and every figure as the English line
writes them. A line is ``PATH: CLAUSE; CLAUSE; ...``; each clause is matched whole against
:data:`CLAUSES` (figures kept as named groups), and one no entry knows is printed in
English, marked untranslated: never guessed."""

from __future__ import annotations

import re

from sim.cli_zh_options import UNTRANSLATED

#: the days and months as :mod:`sim.cli_roster` and :mod:`sim.scenario.arrival_rates` write
DAYS = {"Mon": "周一", "Tue": "周二", "Wed": "周三", "Thu": "周四", "Fri": "周五",
        "Sat": "周六", "Sun": "周日"}
MONTHS = {m: f"{i} 月" for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}
_N = r"[\d,.]+(?:e[+-]?\d+)?"
#: times of the week as a listing writes them ('Mon 08:00, Thu 16:00')
_WEEK = r"[A-Z][a-z]{2} \d\d:\d\d(?:, [A-Z][a-z]{2} \d\d:\d\d)*"
#: an English clause (whole) -> its Chinese; named groups kept as written
CLAUSES: tuple[tuple[str, str], ...] = (
    (rf"(?P<h>{_N}) declarations/h on average, (?P<d>{_N})/d, (?P<m>{_N})/month \(30\.44 d\)",
     "平均每小时 {h} 份报关单，每天 {d} 份，每月 {m} 份（每月按 30.44 天计）"),
    (rf"(?P<c>{_N}) calls/d of (?P<n>{_N}) declarations on average",
     "每天 {c} 个船舶/列车班次，平均每班 {n} 份报关单"),
    (rf"(?P<c>{_N}) random calls/d of (?P<n>{_N}) declarations on average",
     "每天 {c} 个随机到港的船舶/列车班次，平均每班 {n} 份报关单"),
    (rf"(?P<s>{_N}) of the imports, the rest by random calls at rate x (?P<r>{_N})",
     "船期模式带来进口的 {s}，其余由随机到港的班次按 rate 的 {r} 倍带来"),
    (rf"the pattern brings (?P<s>{_N}) of the declarations on average \((?P<p>{_N})/d of "
     rf"(?P<t>{_N})/d\)",
     "船期模式平均带来报关单的 {s}（每天 {t} 份中的 {p} 份）"),
    (r"spread about evenly over the week's hours", "在一周各小时间大致均匀分布"),
    (rf"busiest hour (?P<day>\w+) (?P<hh>\d\d):00, (?P<n>{_N}) (?P<what>calls|declarations)"
     rf"/h \((?P<x>{_N}) x the average\)",
     "最繁忙的一小时为{day} {hh}:00，每小时 {n} {what}（平均值的 {x} 倍）"),
    (r"none in (?P<n>\d+) of the week's 168 hours", "一周 168 小时中有 {n} 小时没有到达"),
    (rf"a surge adds (?P<h>{_N}) declarations/h \((?P<d>{_N})/d\) from (?P<a>{_N}) d to "
     rf"(?:the run's end|(?P<b>{_N}) d) \(times from the warm-up's first day\)",
     "高峰期每小时增加 {h} 份报关单（每天 {d} 份），自第 {a} 天至{until}（从预热期第一天起算）"),
    (rf"busiest month (?P<hi>\w+) \((?P<x>{_N}) x the yearly average\), quietest "
     rf"(?P<lo>\w+) \((?P<y>{_N}) x\)",
     "最繁忙的月份为{hi}（全年平均值的 {x} 倍），最清淡的月份为{lo}（{y} 倍）"),
    (rf"(?P<n>\d+) calls at fixed times \(a schedule\), hours (?P<a>{_N}) to (?P<b>{_N}): "
     rf"(?P<t>[\d,]+) declarations, (?P<d>{_N})/d over its (?P<nd>\d+) days",
     "按时刻表在固定时间到达 {n} 个班次（第 {a} 至 {b} 小时）：共 {t} 份报关单，{nd} 天中平均"
     "每天 {d} 份"),
    (rf"a call pattern of (?P<n>\d+) calls a week at (?P<days>[A-Z][a-z]{{2}} \d\d:\d\d"
     rf"(?:, [A-Z][a-z]{{2}} \d\d:\d\d)*)(?: within (?P<w>{_N}) h either side)?, "
     rf"(?P<a>[\d,]+) to (?P<z>[\d,]+) declarations a call \(1st to 99th percentile of "
     rf"(?P<x>[\d,]+) boxes on average at (?P<k>{_N}) a declaration\), drawn anew each "
     r"replication",
     "按船期模式每周 {n} 个班次，班期为{days}{w}；每班 {a} 至 {z} 份报关单（箱量的第 1 至第 99 "
     "百分位；平均每班 {x} 箱，每份报关单 {k} 箱），每次重复重新抽取"),
    (rf"exports leave on the call pattern's calls, departures (?P<days>{_WEEK}) \(each slot "
     rf"plus window_h, (?P<h>{_N}) h\)",
     "出口货物随船期模式的班次离港，离港班次为{days}（各班期加 window_h，即 {h} 小时）"),
    (rf"cut-off (?P<c>{_N}) h before each: (?P<days>{_WEEK})",
     "各离港班次前 {c} 小时截关：{days}"),
    (r"busiest day (?P<k>\d+) \(hours (?P<a>\d+) to (?P<b>\d+)\), (?P<t>[\d,]+) "
     r"declarations in (?P<c>\d+) call\(s\)",
     "最繁忙的一天为第 {k} 天（第 {a} 至 {b} 小时），{c} 个班次共 {t} 份报关单"),
    (rf"(?P<rank>busiest|quietest) day with the dated factors (?P<day>[A-Z][a-z]{{2}}) "
     rf"(?P<date>\d{{4}}-\d\d-\d\d), (?P<n>{_N}) declarations \(date factor (?P<f>{_N})\)",
     "按日期系数，{rank}的一天为 {date}（{day}），{n} 份报关单（日期系数 {f}）"),
    (r"outside the run, changing nothing: (?P<which>dated\.\d+(?:, dated\.\d+)*)",
     "不在运行期内、不起作用的时段：{which}"),
    (r"no arrivals", "没有到达"),
    (r"unlimited \(a pure delay: no servers, no staff\)",
     "不限（纯延误：没有窗口，也没有人员）"),
    (r"no one on duty", "无人在岗"),
    (r"(?P<n>[\d,]+) server-hours a week", "每周 {n} 窗口小时"),
    (r"(?P<h>[\d,]+) head-hours of (?P<role>\w+) \((?P<k>[\d.]+) a server\), (?P<c>[\d,]+) "
     r"(?P<cur>[A-Z]{3}) a week(?: \((?P<night>[\d,]+) of it night pay\))?",
     "{role} 每周 {h} 人时（每个窗口 {k} 人），每周 {c} {cur}{night}"),
    (r"(?P<days>every day|[A-Z][a-z]{2}(?:(?:-|, )[A-Z][a-z]{2})*): (?P<runs>off|\d\d-\d\d "
     r"\d+(?:, \d\d-\d\d \d+)*)", "{days}：{runs}"),
)
_COMPILED = [(re.compile(en), zh) for en, zh in CLAUSES]
#: a clause's end the English adds in brackets
TAILS = {" (cross-trained: one exam_officers pool, which the run prices)":
         "（交叉培训：并入 exam_officers 统一人员池，由其计价）"}


def clause(english: str) -> str | None:
    """One clause in Chinese, or None when no entry of :data:`CLAUSES` knows it."""
    tail = next((t for t in TAILS if english.endswith(t)), "")
    priced = re.fullmatch(r"(?P<body>.+) \(not priced: costs\.staff lists no (?P<k>\w+)\)",
                          english)
    if priced:
        english, tail = priced["body"], ""
    body = english.removesuffix(tail) if tail else english
    for pattern, zh in _COMPILED:
        found = pattern.fullmatch(body)
        if found is not None:
            out = zh.format(**_words(found.groupdict()))
            if priced:
                out += f"（未计价：costs.staff 中没有 {priced['k']}）"
            return out + (TAILS[tail] if tail else "")
    return None


def _words(groups: dict[str, str | None]) -> dict[str, str]:
    """A clause's groups as its Chinese says them (days, months, what is counted)."""
    words = {k: v or "" for k, v in groups.items()}
    words["until"] = f"第 {words['b']} 天" if words.get("b") else "运行结束"
    if words.get("rank"):
        words["rank"] = {"busiest": "最繁忙", "quietest": "最清淡"}[words["rank"]]
    if words.get("what"):
        words["what"] = {"calls": "个班次", "declarations": "份报关单"}[words["what"]]
    for key in ("day", "days"):
        if key in words:
            words[key] = _days(words[key])
    for key in ("hi", "lo"):
        if key in words:
            words[key] = MONTHS.get(words[key], words[key])
    if words.get("runs"):
        words["runs"] = "休息" if words["runs"] == "off" else "，".join(
            f"{r.split()[0]} 时 {r.split()[1]} 个" for r in words["runs"].split(", "))
    if "w" in words:
        words["w"] = f"，各在班期前后 {words['w']} 小时内到达" if words["w"] else ""
    if words.get("night"):
        words["night"] = f"（其中夜班津贴 {words['night']}）"
    return words


def _days(english: str) -> str:
    """``every day``, ``Mon-Fri``, ``Sat, Sun`` in Chinese."""
    if english == "every day":
        return "每天"
    out = english.replace("-", "至").replace(", ", "、")
    for en, zh in DAYS.items():
        out = out.replace(en, zh)
    return out


def listing_line(english: str) -> str:
    """A listing's line (``PATH: CLAUSE; ...``, or a roster's total) in Chinese; each clause
    no entry knows kept in English, marked untranslated."""
    total = roster_total(english)
    if total is not None:
        return total
    path, sep, text = english.partition(": ")
    if not sep:
        return english
    said = [clause(c) or UNTRANSLATED + c for c in text.split("; ")]
    return f"{path}：{'；'.join(said)}"


def roster_total(english: str) -> str | None:
    """The roster's last line (the week's staff cost of the lanes priced) in Chinese."""
    found = re.fullmatch(
        r"staff on duty by these rosters: (?P<w>[\d,]+) (?P<cur>[A-Z]{3}) a week, "
        r"(?P<y>[\d,]+) a year \(the lanes priced above; overtime, fixed posts, patrols, "
        r"auditors and the organisation's units not included\)", english)
    if found is None:
        return None
    return (f"按以上排班在岗人员成本：每周 {found['w']} {found['cur']}，每年 {found['y']}（仅含以上"
            "已计价的作业线；不含加班、固定岗位、巡查、稽查人员及海关组织各单位）")


#: said on stderr above ``check --sources`` (its rows keep the file's own words)
SOURCES = ("提示：每行依次为字段、取值、类别（source：有出处；assumption：假设）、注释（情景"
           "文件中的"
           "原文）、文件，以制表符分隔；“command line” 表示由 --set 给出")
