"""The refusals of a weekly vessel call pattern (``arrivals.calls``), in Chinese: a slot not
written as 'Mon 06:00', a pattern beside a schedule, ``extra`` beside a pattern, a pattern
of exports or without ``arrivals.batch`` (:mod:`sim.scenario.call_pattern`,
:func:`sim.scenario.schedule.check_filled` and ``check_schedules``), and slots whose calls
can unload at once while the berths (``batch.positions``) are not given
(:func:`sim.scenario.call_pattern.check_berths`), exports' departures made from a pattern
the port lacks or beside written ones (:mod:`sim.scenario.call_departures`), a share below
1 without the random calls' rate and size, and an outlook that cannot grow a pattern's
(whole or a share) or a schedule's calls. Slots, hours and field names are kept as
written; the terms are those of ``check --arrivals`` (:mod:`sim.cli_zh_listings`: 船期模式,
班期, 班次, 箱) and of a schedule's errors (:mod:`sim.cli_zh_csv`: 靠泊). Read by
:mod:`sim.cli_zh_errors`."""

from __future__ import annotations

#: what a slot allows, as :data:`sim.scenario.call_pattern.SLOT_ALLOWED` says it
_SLOT = (r"a weekday and a time of day as 'Mon 06:00' \(Mon to Sun, 00:00 to 23:59\)")
_SLOT_ZH = "应写作星期几加时刻，如 'Mon 06:00'（'Mon' 至 'Sun'，00:00 至 23:59）"

#: an English reason (the whole of it) -> its Chinese; groups kept as written
ERRORS: tuple[tuple[str, str], ...] = (
    (rf"slot (?P<i>\d+), (?P<slot>'.*'), is not allowed; {_SLOT}",
     "第 {i} 个班期 {slot} 不合规定；" + _SLOT_ZH),
    (rf"(?P<slot>'.*') is not a slot; {_SLOT}", "{slot} 不是班期；" + _SLOT_ZH),
    (r"a call pattern generates the calls and a schedule lists them: give one of calls and "
     r"schedule, not both \(to add a few calls to a pattern, give them all in the schedule "
     r"instead\)",
     "船期模式按规律生成班次，船期表则逐一列出靠泊："
     "arrivals.calls 与 arrivals.schedule 只能给出其一"
     "（若要在船期模式之外增加几次靠泊，请改为把全部靠泊都写进船期表）"),
    (r"extra adds random calls, and the call pattern gives the calls: add slots to the "
     r"pattern \(or raise its boxes\), or set extra = 0",
     "extra 会增加随机到港的船舶，而班次已由船期模式给出：请在船期模式中增加班期"
     "（或提高其箱量），或设置 extra = 0"),
    (r"exports arrive by truck, one declaration at a time: a call pattern gives the vessel "
     r"calls of imports; delete it here",
     "出口货物由货车逐票到达：船期模式给出的是进口船舶的班次；请删除此处的船期模式"),
    (r"a call pattern gives vessel calls: give arrivals\.batch \(its discharge_rate unloads "
     r"each call\) too",
     "船期模式给出的是船舶班次：请同时给出 arrivals.batch"
     "（其 discharge_rate 决定每个班次的卸货速度）"),
    (r"the calls of slots (?P<a>'[^']*') and (?P<b>'[^']*')(?P<next> of the next week)?, "
     r"(?P<gap>\S+) h apart, can unload at once: a call takes (?P<h>\S+) h to discharge "
     r"\((?P<boxes>[\d,]+) boxes on average at (?P<rate>\S+) an hour\) and comes up to "
     r"(?P<w>\S+) h either side of its slot, and without arrivals\.batch\.positions each "
     r"would unload at the full discharge_rate, as if the port had a berth for each; give "
     r"arrivals\.batch\.positions \(the berths: a call that finds them all taken waits, in "
     r"order of arrival\), or put the slots at least (?P<need>\S+) h apart",
     "班期 {a} 与{next}班期 {b} 的班次相隔 {gap} 小时，可能同时卸货：每个班次卸货需 {h} 小时"
     "（平均 {boxes} 箱，每小时卸 {rate} 箱），且可在班期前后 {w} 小时内到港；未给出 "
     "arrivals.batch.positions 时，每个班次都按全部 discharge_rate 卸货，如同每个班次各有一个"
     "泊位；请给出 arrivals.batch.positions（泊位数：到港时泊位全被占用的班次按到港先后等候），"
     "或把班期至少相隔 {need} 小时"),
    # bordersim outlook (sim.experiment.outlook.growth_changes): calls it cannot grow
    (r"scenario (?P<s>'[^']*'): (?P<field>ports\.[\w.]+\.calls) is a weekly pattern of calls "
     r"whose rate the pattern fixes, which an outlook cannot grow yet; give each year's boxes "
     r"or slots in a scenario of its own, or the port a rate \(and batch\) to grow instead",
     "情景 {s}：{field} 是每周的船期模式，班次的频率由它固定，按贸易增长推算"
     "暂不能使其增长；请把每年的箱量或班期各写成一个情景，或为该口岸给出可增长的 rate"
     "（及 arrivals.batch）"),
    (r"scenario (?P<s>'[^']*'): (?P<field>ports\.[\w.]+\.calls) brings (?P<share>\S+) of "
     r"the port's imports by a weekly pattern, which an outlook cannot grow yet \(growing "
     r"rate would grow the random calls beside it only\); give each year's boxes or slots in "
     r"a scenario of its own, or the port a rate \(and batch\) to grow instead",
     "情景 {s}：{field} 以每周的船期模式带来该口岸进口的 {share}，按贸易增长推算暂不能使其"
     "增长（增大 rate 只会增加其旁的随机班次）；请把每年的箱量或班期各写成一个情景，或为该"
     "口岸给出可增长的 rate（及 arrivals.batch）"),
    (r"a share of (?P<share>\S+) leaves the rest of the imports to random calls at rate x "
     r"\(1 - share\): give arrivals\.rate and arrivals\.batch\.size for them \(or share = "
     r"1\)",
     "船期模式只占进口的 {share}，其余进口由随机到港的班次按 arrivals.rate ×"
     "（1 - calls.share）带来：请为其给出 arrivals.rate 与 arrivals.batch.size"
     "（或设 calls.share = 1）"),
    (r"a share of (?P<share>\S+) leaves the rest of the imports to random calls at rate x "
     r"\(1 - share\), but rate and batch\.size are what the pattern itself came to with a "
     r"share of 1 \(filled in for it, as in a resolved scenario\): give the random calls' "
     r"own arrivals\.rate and arrivals\.batch\.size with the share",
     "船期模式只占进口的 {share}，其余进口由随机到港的班次按 arrivals.rate ×"
     "（1 - calls.share）带来，但现有的 rate 与 batch.size 是 calls.share 为 1 时由船期模式"
     "本身折算填入的（如已解析的情景中那样）：请在给出 calls.share 的同时给出随机班次"
     "自己的 arrivals.rate 与 arrivals.batch.size"),
    (r"scenario (?P<s>'[^']*'): (?P<field>ports\.[\w.]+\.schedule) is a list of dated calls, "
     r"which an outlook cannot grow; give the port a rate \(and batch\) to grow instead",
     "情景 {s}：{field} 是逐一列出时间的靠泊清单，按贸易增长推算不能使其增长；"
     "请为该口岸给出可增长的 rate（及 arrivals.batch）"),
    # exports leaving on the pattern's calls (sim.scenario.call_departures)
    (r"from_calls makes the departures of the port's exports, and the port has no exports "
     r"\(no exports\.arrivals\): give its exports whole, or leave from_calls out",
     "from_calls 生成口岸出口货物的离港班次，而该口岸没有出口（没有 exports.arrivals）："
     "请完整给出其出口部分，或删去 from_calls"),
    (r"from_calls makes the exports' departures from the port's call pattern, and a delay is "
     r"for exports that cross without departures: give one of from_calls and delay",
     "from_calls 按口岸的船期模式生成出口货物的离港班次，而 exports.loading.delay 用于没有"
     "离港班次、放行后直接过境的出口货物：from_calls 与 exports.loading.delay 只能给出其一"),
    (r"from_calls makes a departure of each slot of arrivals\.calls, and departures lists "
     r"them: give one of from_calls and departures, not both",
     "from_calls 把 arrivals.calls 的每个班期都作为一个离港班次，而 exports.loading.departures"
     " 逐一列出离港班次：from_calls 与 exports.loading.departures 只能给出其一"),
    (r"from_calls makes a departure of each slot of the port's weekly call pattern, and the "
     r"port has none: give arrivals\.calls, or the departures themselves "
     r"\(exports\.loading\.departures; a schedule's calls are not weekly\)",
     "from_calls 把口岸每周船期模式的每个班期都作为一个离港班次，而该口岸没有船期模式："
     "请给出 arrivals.calls，或直接给出离港班次（exports.loading.departures；船期表中的"
     "靠泊不是每周重复的）"),
)


def said(words: dict[str, str]) -> dict[str, str]:
    """The groups of a matched refusal in Chinese where they are words: the next week's."""
    out = {k: v or "" for k, v in words.items()}
    if "next" in out:
        out["next"] = "下一周的" if out["next"] else ""
    return out
