"""The errors of dated capacity windows (``[[capacity_windows]]``,
:mod:`sim.scenario.capacity_windows`) in Chinese: a port or lane that is not there, a list
of lanes that is empty, holds ``'*'`` or a lane twice, or is not names, ``each_day`` that
is not two whole hours or covers no hour of the window, both or
neither of ``servers`` and ``added``, ``added = 0``, staff on leave on every lane that would
close one, hours that are not whole, a window outside the run, windows that overlap, and a
date without a ``start_date`` (:mod:`sim.scenario.timeline`'s words, shared with a
timeline's entries and holds). Ports, lanes, field names and values are kept as written; a
port manager's terms (通道, 在岗人数, 排班, 预热期, 收尾期). Read by :mod:`sim.cli_zh_errors`."""

from __future__ import annotations

#: the observed days, as :func:`sim.scenario.capacity_windows.span_problem` says them
_TIMING = (r"\(times count from the run's start, the warm-up's first day: the observed days "
           r"are (?P<a>\S+) d to (?P<b>\S+) d\)")
_TIMING_ZH = "（时间从运行开始即预热期第一天算起：观测期为第 {a} 天至第 {b} 天）"

#: an English reason (the whole of it) -> its Chinese; groups kept as written
ERRORS: tuple[tuple[str, str], ...] = (
    (r"unknown port (?P<key>'[^']*'); allowed: (?P<allowed>[\w, -]+)",
     "未知口岸 {key}；可选：{allowed}"),
    (r"port (?P<port>\S+) has no lane (?P<lane>'[^']*') with a number of servers; allowed: "
     r"(?P<allowed>[\w, *]+)",
     "口岸 {port} 没有名为 {lane} 且有在岗人数的通道；可选：{allowed}"),
    (r"an empty list names no lane; allowed: one lane, a list of lanes or '\*' \(every lane "
     r"of the port\)",
     "空列表没有指定任何通道；应为：一个通道、通道列表，或 `'*'`（口岸的全部通道）"),
    (r"'\*' \(every lane\) in a list of lanes; allowed: lane = '\*' alone, or a list of lanes "
     r"by name",
     "通道列表中不能有 `'*'`（全部通道）；应为：单独写 `lane = '*'`，或按名称列出各通道"),
    (r"lane (?P<lane>'[^']*') is listed twice; allowed: each lane once",
     "通道 {lane} 列出了两次；每个通道只能列一次"),
    (r"not a lane's name nor a list of names; allowed: a lane \('scanners'\), '\*' \(every "
     r"lane of the port\) or a list of lanes \(\['declaration_review', 'document_check'\]\)",
     "既不是通道名称，也不是名称列表；应为：一个通道（`'scanners'`）、`'*'`（口岸的全部通道）"
     "或通道列表（`['declaration_review', 'document_check']`）"),
    (r"not two whole hours of the day, from and to; allowed: \['HH:00', 'HH:00'\], from "
     r"00:00 to 23:00, to 00:00 to 24:00, not the same hour \(\['15:00', '09:00'\]: 15:00 "
     r"to 09:00 the next morning\)",
     "不是一天中的两个整点（起、止）；应为 `['HH:00', 'HH:00']`，起点 00:00 至 23:00，"
     "终点 00:00 至 24:00，两者不同（`['15:00', '09:00']`：15:00 至次日 09:00）"),
    (r"no hour of the window \((?P<h>\S+) h from (?P<when>.+?)\) is in these hours of the "
     r"day; allowed: hours the window covers, or a longer window",
     "时段（自 {when} 起 {h} 小时）中没有一个小时落在这些每日时段内；应为：时段覆盖的"
     "每日时段，或延长时段"),
    (r"servers = (?P<s>\S+) and added = (?P<a>\S+) given: give one of them, servers \(the "
     r"servers on duty, whatever the schedule\) or added \(servers added to the schedule's "
     r"staffed hours\)",
     "`servers = {s}`，`added = {a}`：请给出且只给出其中一项："
     "`servers`（时段内的在岗人数，不论排班）或 `added`（在排班有人的时段增减的人数）"),
    (r"it changes nothing \(no server added or taken away\); allowed: a whole number of "
     r"servers to add \(1 or more\) or to take away \(-1 or less\) in the schedule's staffed "
     r"hours",
     "它不改变任何人数（既未增加也未减少）；应为在排班有人的时段增加（1 或以上）或减少"
     "（-1 或以下）的整数人数"),
    (r"on every lane \(lane = '\*'\) from (?P<when>.+?) for (?P<h>\d+) h it would close lane "
     r"(?P<lane>\w+) of port (?P<port>\S+): (?P<n>\d+) server\(s\) on some hours its schedule "
     r"staffs in the window, none with (?P<added>-\d+); a window meant to thin staff would "
     r"shut the lane\. Allowed: a negative added on each lane whose staff go on leave, by "
     r"name \(lane = (?P<other>'[^']*')\), or servers = 0 to close the lane",
     "用于口岸全部通道（`lane = '*'`）时，自 {when} 起 {h} 小时内它会关闭口岸 {port} 的通道 "
     "{lane}：该通道在此时段内有些排班时段只有 {n} 人在岗，加上 {added} 后无人在岗；本为减少"
     "人员的时段会关闭整个通道。应为：在有人员休假的各通道上分别给出负的 `added`（如 "
     "`lane = {other}`），或以 `servers = 0` 关闭通道"),
    (r"(?P<h>\S+) h is not whole hours: lanes change on the hour",
     "{h} 小时不是整小时：通道的在岗人数只在整点变化"),
    (r"a window must last at least 1 h", "时段至少应持续 1 小时"),
    (rf"it ends at (?P<end>\S+) d, within the warm-up {_TIMING}",
     "它在第 {end} 天结束，仍在预热期内" + _TIMING_ZH),
    (rf"it starts at (?P<start>\S+) d, after the last observed arrival {_TIMING}",
     "它在第 {start} 天开始，晚于观测期内最后的到港" + _TIMING_ZH),
    (r"it ends at (?P<end>\S+) d, after the run's end at (?P<run_end>\S+) d \(warm-up, "
     r"observed days and drain\): shorten it or give more drain_days",
     "它在第 {end} 天结束，晚于运行结束的第 {run_end} 天（预热期、观测期和收尾期）：请缩短"
     "它，或增加 drain_days"),
    (r"capacity_windows\.(?P<i>\d+) overlaps capacity_windows\.(?P<k>\d+) at lane "
     r"(?P<lane>\w+) of port (?P<port>\S+): give each hour of a lane one count",
     "capacity_windows.{i} 与 capacity_windows.{k} 在口岸 {port} 的通道 {lane} 上时间重叠："
     "一个通道的每个小时只能有一个人数"),
    (r"not a date: (?P<v>'[^']*') \(write YYYY-MM-DD\)", "不是日期：{v}（请写成 YYYY-MM-DD）"),
    (r"at = (?P<v>'[^']*') is a date: the scenario needs a start_date",
     "`at = {v}` 是日期：情景需要设置 start_date"),
)
