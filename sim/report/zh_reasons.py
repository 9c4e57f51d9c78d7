"""The reasons in Chinese that notes give in their own English words (why an option, a
``--set`` change, a dated reform or a swept field can have no effect; what creating a
section switches on): the record of such a note keeps the reason as a field (``why``,
``what``), and the console (``--lang zh``) says it with these sentences. A reason none of
them knows is not guessed at: its note is printed marked untranslated, in English. Terms are
those of :mod:`sim.report.zh_glossary` (风险布控引擎, 查验, 法定检验, 稽查)."""

from __future__ import annotations

import re
from collections.abc import Collection

#: a reform that changes a section the scenario lacks (sim.reforms.reform), and how to give
#: it one (the window's reasoning is left to the English: the command is kept): said alike
#: as a note's reason and as an error (sim.cli_zh_errors)
MISSING_SECTION: tuple[tuple[str, str], ...] = (
    (r"reform (?P<name>\S+) changes the \[(?P<section>\w+)\] section, which the scenario "
     r"(?P<scenario>'[^']*') does not have",
     "改革 {name} 要修改 [{section}] 部分，而情景 {scenario} 中没有该部分"),
    (r"reform (?P<name>\S+) changes the \[risk\] section, which the scenario "
     r"(?P<scenario>'[^']*') does not have; give it one, e.g. (?P<sets>--set risk\.target=\S+"
     r"(?: --set risk\.window=\S+)?) \(the risk engine at a 5 % target inspection rate[;:]"
     r".*\)",
     "改革 {name} 要修改 [risk] 部分，而情景 {scenario} 中没有该部分；可先加上，如 {sets}"
     "（风险布控引擎按 5% 的目标查验率运行，窗口按该情景的报关单量选定，其余字段取默认值："
     "bordersim check 可查看）"),
    (r"reform (?P<name>green_lane): the scenario (?P<scenario>'[^']*') marks no perishable "
     r"commodity \(commodities\.<c>\.spoils_after, or a port's quarantine\.cold_chain\); name "
     r"those the lane covers, e\.g\. (?P<example>\S+); it has: (?P<has>.+)",
     "改革 {name}：情景 {scenario} 未标明易腐商品（commodities.<c>.spoils_after，或口岸的 "
     "quarantine.cold_chain）；请写明绿色通道覆盖的商品，如 {example}；情景中有：{has}"),
)

#: a reform whose raised prevalence would make one declaration's illicit shares add up to
#: more than 1 (sim.reforms.prevalence_room): said alike as a listing's reason and an error
PREVALENCE_ROOM: tuple[tuple[str, str], ...] = (
    (r"reform (?P<name>\S+): (?P<key>\w+) = (?P<value>\S+) makes the illicit types' shares "
     r"at port (?P<port>\S+) \((?P<com>[^,]+), (?P<cls>[^,]+), origin (?P<origin>[^,]+), "
     r"(?P<dir>[^)]+)\) add up to (?P<total>\S+), and at most 1 is allowed; here (?P=key) "
     r"can be at most (?P<fit>\S+) \((?P<label>.+)\)",
     "改革 {name}：{key} = {value} 使口岸 {port}（商品 {com}，信用类别 {cls}，原产地 "
     "{origin}，方向 {dir}）各类违规货物的比例之和达到 {total}，而最多只能为 1；在此情景中 "
     "{key} 最多为 {fit}（{label}）"),
    # (the listing's reason, bordersim reforms --on: with the command that runs it there)
    (r"reform (?P<name>\S+): (?P<key>\w+) = (?P<value>\S+) makes the illicit types' shares "
     r"at port (?P<port>\S+) \((?P<com>[^,]+), (?P<cls>[^,]+), origin (?P<origin>[^,]+), "
     r"(?P<dir>[^)]+)\) add up to (?P<total>\S+), and at most 1 is allowed; here (?P=key) "
     r"can be at most (?P<fit>\S+) \((?P<label>.+)\); it runs at that strength with: "
     r"(?P<command>bordersim .+)",
     "改革 {name}：{key} = {value} 使口岸 {port}（商品 {com}，信用类别 {cls}，原产地 "
     "{origin}，方向 {dir}）各类违规货物的比例之和达到 {total}，而最多只能为 1；在此情景中 "
     "{key} 最多为 {fit}，按此强度运行：{command}"),
)

#: an English reason (the whole of it, a regular expression) -> its Chinese; named groups
#: (field paths, names) are kept as written
def _again(english: str, zh: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """A reason that ends in re-making the business case, with the ``appraise`` command its
    ``appraisal.json`` recorded (``...: COMMAND``) and without (one written before it kept
    it): :mod:`sim.appraisal_check`."""
    return (english + r": (?P<cmd>.+)", zh + "：{cmd}"), (english, zh)


REASONS: tuple[tuple[str, str], ...] = (
    (r"it is already in effect there", "该改革在此情景中已经生效"),
    (r"the patrols of the routes it scales stop nothing \(per_officer is 0\)",
     "它所调整的路线上的巡查拦截不到任何走私（per_officer 为 0）"),
    # (an option of the workshop page at strengths typed there: sim.faces.same)
    (r"at the strengths given, the scenario already has as much or more, or nothing it acts "
     r"on", "按所设定的强度，情景原有的取值已不低于它，或情景中没有它作用的部分"),
    (r"the scenario has none of the parts it acts on", "情景中没有该改革所作用的任何部分"),
    (r"the scenario has none of the parts it acts on \(it acts on the review of scan images, "
     r"and no port here has a scanner: give one a \[ports\.<port>\.scan\] section, as the "
     r"default scenario's ports have\)",
     "情景中没有该改革所作用的任何部分（它作用于机检图像的审图，而此处没有口岸配备机检设备："
     "可为某一口岸加上 [ports.<port>.scan] 部分，如默认情景的各口岸）"),
    (r"the scenario has none of the parts it acts on \(an exam yard whose appointment slots "
     r"end before midnight\)",
     "情景中没有该改革所作用的任何部分（预约时段在午夜前结束的查验场）"),
    (r"the risk engine is off there \(risk\.enabled false\)",
     "该情景未启用风险布控引擎（risk.enabled false）"),
    (r"alerts travel through the organisation's tree there: its hops and structure set when "
     r"and where an alert arrives",
     "该情景的预警经由海关组织层级传递：预警何时、何处到达由层级和结构决定"),
    (r"no smuggling group uses route (?P<name>'[^']*')", "没有走私团伙使用路线 {name}"),
    (r"no trader attends an examination at (?P<port>'[^']*') \((?P<field>\S+) is 0\)",
     "口岸 {port} 查验时没有企业到场（{field} 为 0）"),
    (r"the audit picks declarations at random there \(enforcement\.audit\.targeting "
     r"'random'\): the AUC of its risk score counts only with targeting 'risk'",
     "该情景的稽查随机抽取报关单（enforcement.audit.targeting 'random'）：其风险评分的 AUC "
     "仅在 targeting 'risk' 时起作用"),
    (r"auditors count only in the cost of audit, and the scenario has no \[costs\] section",
     "稽查人员只计入稽查成本，而情景中没有 [costs] 部分"),
    (r"commodity (?P<name>'[^']*') is never subject to statutory inspection \(statutory 0\), "
     r"and only such goods get a quarantine check",
     "商品 {name} 不属于法定检验货物（statutory 0），只有法定检验货物才接受检疫查验"),
    (r"no goods are counterfeit there \(enforcement\.prevalence\.counterfeit is 0 and no "
     r"smuggling group carries counterfeits\): recordation acts only on counterfeits",
     "该情景没有侵权货物（enforcement.prevalence.counterfeit 为 0，且没有走私团伙夹带侵权"
     "货物）：知识产权海关备案只作用于侵权货物"),
    (r"no goods are counterfeit there \(enforcement\.prevalence\.counterfeit is 0 and no "
     r"smuggling group carries counterfeits\): the IPR procedure acts only on counterfeits",
     "该情景没有侵权货物（enforcement.prevalence.counterfeit 为 0，且没有走私团伙夹带侵权"
     "货物）：知识产权海关保护程序（扣留、放行）只作用于侵权嫌疑货物"),
    (r"no counterfeit is of a recorded brand there \(enforcement\.recordation\.share is 0\)",
     "该情景中没有属于已备案商标的侵权货物（enforcement.recordation.share 为 0）"),
    (r"no port has exports there \(no \[ports\.<port>\.exports\] section\): export "
     r"selection tables act on exports only",
     "该情景中没有口岸有出口货物（没有 [ports.<port>.exports] 部分）：出口布控表只作用于出口货物"),
    # why the organisation's local knowledge and alerts act on nothing (sim.scenario.
    # organisation: the scenario and its risk engine)
    (r"has no \[risk\] section", "没有 [risk] 部分（风险布控引擎）"),
    (r"has it switched off \(risk\.enabled false\)",
     "已关闭风险布控引擎（risk.enabled false）"),
    # a reform's own reasons (its idle rule: sim.reforms)
    (r"no wait for duty payment to skip \(after_release\.duty_payment is 0 h\) and no "
     r"guarantee fee \(costs\.trader\.guarantee_fee\), so release comes no earlier and "
     r"nothing costs more",
     "没有可省去的缴税等待（after_release.duty_payment 为 0 小时），也没有担保费用"
     "（costs.trader.guarantee_fee），因此放行不会提前，成本也不会增加"),
    (r"no wait for duty payment to skip \(after_release\.duty_payment is 0 h\), so release "
     r"comes no earlier: only the guarantee fee \(costs\.trader\.guarantee_fee\) acts",
     "没有可省去的缴税等待（after_release.duty_payment 为 0 小时），因此放行不会提前：只有担保"
     "费用（costs.trader.guarantee_fee）起作用"),
    (r"the scenario has none of the parts it acts on \(it acts on the wait for the duty "
     r"payment before release, and no import here waits for it: after_release\.duty_payment "
     r"and every port's own duty_payment are 0 h; give it a time, as china-2017\.toml does\)",
     "情景中没有该改革所作用的任何部分（它作用于放行前等待缴纳税费的时间，而此处没有进口货物"
     "等待缴税：after_release.duty_payment 和各口岸自己的 duty_payment 均为 0 小时；可如 "
     "china-2017.toml 那样给出一个时间）"),
    (r"the scenario has none of the parts it acts on \(it acts on the selection tables of the "
     r"ports of mode post, and there is no such port here, or the risk engine selects "
     r"\(risk\.enabled true\)\)",
     "情景中没有该改革所作用的任何部分（它作用于邮件快件口岸（`mode = post`）的布控表，而此处没有"
     "这类口岸，或由风险布控引擎布控（risk.enabled 为 true））"),
    (r"no port lodges before or after arrival \(every declaration\.advance_lead and "
     r"lodging_delay is 0 h\), so a declaration lodged in advance is lodged on arrival, as "
     r"one lodged after it: nothing comes earlier",
     "没有口岸在货物抵达前或抵达后申报（所有 declaration.advance_lead 与 lodging_delay 均为 0 "
     "小时），提前申报的报关单也在抵达时申报，与抵达后申报的相同：没有任何环节提前"),
    (r"the scenario's goods carry no (?P<kind>\w+) \(enforcement\.prevalence\.(?P=kind) is "
     r"0\), so more of it in the stricken origins' goods is still none",
     "情景中的货物不含 {kind}（enforcement.prevalence.{kind} 为 0），疫区来源货物中的 {kind} "
     "即使成倍增加也仍然为零"),
    (r"no port it applies to does the checks it orders: (?P<lanes>.+)",
     "布控指令适用的口岸都不做其下令的查验：{lanes}"),
    (r"in this dumbbell no task is decided at the directly-affiliated customs \(each goes "
     r"to GAC or a centre\), so they hold no heads and no queue to pool",
     "在这一哑铃型结构中，直属海关不决定任何事务（均交由海关总署或中心决定），因此直属海关没有"
     "可合并的人员和排队"),
    (r"the scenario audits no declaration \(enforcement\.audit\.share = 0\)",
     "情景中没有报关单接受稽查（enforcement.audit.share = 0）"),
    (r"the audit finds nothing it picks \(enforcement\.audit\.finds\)",
     "稽查在所抽取的报关单中查不出任何问题（enforcement.audit.finds）"),
    (r"no port has both exam teams and quarantine officers to pool",
     "没有口岸同时有查验组和检疫人员可供合并调配"),
    (r"inspection\.mode is (?P<mode>'[^']*'): a cross-trained pool serves joint examinations "
     r"only \(joint_inspection>flexible_staffing brings both\)",
     "inspection.mode 为 {mode}：交叉培训的人员池只承担联合查验"
     "（joint_inspection>flexible_staffing 可同时实现两者）"),
    *MISSING_SECTION,
    *PREVALENCE_ROOM,
    (r"it changes no field \(only a transition may still act\)",
     "不改变任何字段（只有过渡期可能仍起作用）"),
    # a field of random calls at a port whose calls a vessel schedule fixes
    (r"the calls at (?P<port>'[^']*') come from its schedule \((?P<field>[\w.]+)\), which "
     r"replaces the rate and size of random calls \(change the schedule's file instead\)",
     "口岸 {port} 的靠泊来自其船期表（{field}），船期表取代了随机到港的速率和每次"
     "靠泊的报关单数（请改船期表文件）"),
    (r"the calls at (?P<port>'[^']*') come from its call pattern \((?P<field>[\w.]+)\), "
     r"which replaces the rate and size of random calls \(change its slots or boxes instead\)",
     "口岸 {port} 的班次来自其船期模式（{field}），船期模式取代了随机到港的速率和每次"
     "靠泊的报关单数（请改其班期或箱量）"),
    # what creating a section switches on (sim.scenario.patch.SWITCHED_ON)
    (r"the risk engine is then on and selects instead of the selection tables",
     "风险布控引擎随之启用，由其代替选择表决定查验"),
    (r"smuggling is then simulated", "随之模拟走私"),
    (r"decisions then go through the organisation above the ports",
     "随之由口岸以上的海关组织层级作出决定"),
    (r"the run is then costed", "随之计算成本"),
    # the tail of a dated reform already in effect (sim.reforms.timeline.idle_dated)
    (r"only its transition's slower officers show", "只体现其过渡期内关员效率较低的影响"),
    # a sweep's note of --set changes that act on nothing at any of its points
    (r" \(at every point\)", "所有扫描点均如此"),
    # what shows an option that acted on no consignment: the console's flags (in a report
    # too), the workshop page's own controls by their names there (sim.faces.same)
    (r"more --reps or --days", "增加 --reps 或 --days 才能看出"),
    (r"more Replications or Observed days on this page",
     "增大本页的“重复运行次数”或“观测天数”才能看出"),
    # a resumed results folder's damaged files (sim.experiment.store, sweep_store, compare)
    (r"not a JSON object", "不是 JSON 对象"),
    (r"empty", "文件为空"),
    (r"not valid JSON \(truncated\?\)", "不是有效的 JSON（可能被截断）"),
    (r"not what bordersim writes: arrays or objects nested too deeply to read",
     "不是 bordersim 写入的内容：数组或对象嵌套过深，无法读取"),
    (r"its (?P<key>notes|timeline|warnings) are not a list of messages",
     "其 {key} 不是消息列表"),
    (r"its replications are not an object", "其 replications 不是 JSON 对象"),
    (r"it lacks (?P<keys>.+)", "缺少 {keys}"),
    (r"missing", "文件缺失"),
    (r"a folder, not a file", "是文件夹，不是文件"),
    (r"a file stands where its folder should be", "应为文件夹之处是一个文件"),
    (r"a symbolic link \(results files are read only as the files bordersim writes, never "
     r"through a link\)", "是符号链接（结果文件只按 bordersim 写入的样子读取，从不经由链接）"),
    (r"[A-Z][\w ']*: line (?P<line>\d+) column (?P<col>\d+) \(char \d+\)",
     "不是有效的 JSON：第 {line} 行第 {col} 列有误"),
    (r"not a replication file of this bordersim version",
     "不是本版本 bordersim 的重复运行文件"),
    (r"checksum does not match \(the file was changed\)", "校验和不符（文件已被修改）"),
    (r"from another run \((?P<key>\w+) (?P<got>.+), this run (?P<want>.+)\)",
     "属于另一次运行（其 {key} 为 {got}，本次运行为 {want}）"),
    (r"names an unknown table (?P<table>'[^']*')", "列出了未知的表 {table}"),
    (r"(?P<table>\S+), one of its tables, is missing", "其表 {table} 缺失"),
    (r"(?P<table>\S+) does not match its checksum", "其表 {table} 与校验和不符"),
    (r"(?P<table>\S+), one of its tables: (?P<inner>.+)", "其表 {table}：{inner}"),
    (r"not a regular file", "不是普通文件"),
    (r"larger than (?P<most>[\d,]+) bytes", "大于 {most} 字节"),
    # a comparison's business case that is no longer the one its folder gives
    # (sim.appraisal_check)
    *_again(r"missing, though (?P<other>\S+) is there \(bordersim appraise writes both\): give "
            r"the appraise command again", "文件缺失，但 {other} 仍在（bordersim appraise 同时写出"
            "两者）：请再次运行 appraise 命令"),
    *_again(r"(?P<option>\S+) (?P<figure>\w+) (?P<column>\w+) is (?P<got>\S+) in the file, "
            r"(?P<want>\S+) worked out, not the appraisal worked out again from the "
            r"comparison's replications with the terms appraisal\.json records \(changed after "
            r"bordersim appraise wrote it\): give the appraise command again",
            "方案 {option} 的 {figure}（{column}）在文件中为 {got}，按 appraisal.json 记录的条件由"
            "比较的各次重复运行重新算得 {want}（bordersim appraise 写出后被改动）：请再次运行 "
            "appraise 命令"),
    *_again(r"cannot be checked against the comparison \((?P<detail>.+)\): give the appraise "
            r"command again", "无法与比较结果核对（{detail}）：请再次运行 appraise 命令"),
    # a comparison's per-replication warnings file against its record
    # (sim.rep_warnings_check)
    (r"missing, though its replication's record is there", "文件缺失，但其重复运行的记录仍在"),
    (r"not the (?P<n>\d+) warnings its replication's record keeps under its checksum \(it "
     r"holds (?P<held>\d+): changed after the replication was written\)",
     "不是其重复运行的记录（受校验和保护）所列的 {n} 条警告（文件中有 {held} 条：该重复运行写出后"
     "被改动）"),
    (r"not the (?P<n>\d+) warnings its replication's record keeps under its checksum \(it is "
     r"not a list: changed after the replication was written\)",
     "不是其重复运行的记录（受校验和保护）所列的 {n} 条警告（文件中不是列表：该重复运行写出后"
     "被改动）"),
    # a record that no longer agrees with itself (sim.record_check)
    (r"(?P<key>\w+) is (?P<mine>.+), but (?P<meta>\S+) records (?P<theirs>.+) \(its replications "
     r"ran under that\): one of them was edited after the comparison",
     "记录的 {key} 为 {mine}，但 {meta} 记录为 {theirs}（其各次重复运行按后者运行）：比较完成后"
     "其中之一被改动"),
    (r"its command gives (?P<flag>--\w+) (?P<value>\S*), but its (?P<key>\w+) is (?P<got>.+): "
     r"the command or the record was edited after the run",
     "其命令给出 {flag} {value}，但记录的 {key} 为 {got}：运行后命令或记录被改动"),
    # seizures by layer that do not add up (sim.layer_check)
    (r"(?P<what>.+?) \(option (?P<option>\S+)\), so the table does not add up \(changed or "
     r"made wrong\): give the command that made the folder again",
     "方案 {option} 的各项相加不一致（{what}），表已被改动或有误：请再次运行生成该文件夹的命令"),
    (r"(?P<what>.+?), so the table does not add up \(changed or made wrong\): give the command "
     r"that made the folder again",
     "各项相加不一致（{what}），表已被改动或有误：请再次运行生成该文件夹的命令"),
    # what a rewritten file of the folder did not match
    (r"the scenario_hash of meta\.json", "运行记录 meta.json 中的情景校验值（scenario_hash）"),
    (r"the scenario of meta\.json", "运行记录 meta.json 中的情景"),
    (r"the replications", "各次重复运行"),
    (r"the options' replications", "各方案的重复运行"),
    (r"the points of this sweep", "本次扫描的各点"),
    (r"the scenario of this sweep", "本次扫描的情景"),
    (r"the point files", "各扫描点的文件"),
)
_COMPILED = [(re.compile(english), zh) for english, zh in REASONS]
#: the fields of a record that hold a reason in English words
FREE = ("why", "what", "slower", "every", "more")


def reason(english: str) -> str | None:
    """``english`` in Chinese: a reason :data:`REASONS` knows, or ``key: reason`` parts
    joined by ``; `` (as ``--set`` notes list them), each known; None if any part is not."""
    for pattern, zh in _COMPILED:
        found = pattern.fullmatch(english)
        if found is not None:
            words = found.groupdict()
            if "inner" in words:  # (a reason within a reason: said in turn, or not at all)
                inner = reason(words["inner"])
                if inner is None:
                    return None
                words["inner"] = inner
            return zh.format(**words)
    parts = english.split("; ")
    said = []
    for part in parts:
        key, sep, why = part.partition(": ")
        known = reason(why) if sep and " " not in key else None
        if known is None:
            return None
        said.append(f"{key}：{known}")
    return "；".join(said)


def fields(words: dict[str, str], said: Collection[str] | None = None) -> bool:
    """Put the Chinese of each reason field of ``words`` in place; False if one of them has
    no Chinese here (its note is then printed as untranslated). ``said``: the message's text
    fields, where given: a figure of the same name (metric_unpaired's ``more``, a count) is
    no reason to translate."""
    for name in FREE:
        if words.get(name) and (said is None or name in said):
            zh = reason(words[name])
            if zh is None:
                return False
            words[name] = zh
    return True


#: the reforms' names of an organisation's advantages, as
#: :func:`sim.experiment.composition.assumptions` adds them after a value
_ALIASES = (
    (" (the dumbbell reform's uniform_standards multiplies it)",
     "（dumbbell 改革的 uniform_standards 与之相乘）"),
    (" (the dumbbell reform's running_in_loss)", "（即 dumbbell 改革的 running_in_loss）"),
    (" (its running_in_days)", "（即其 running_in_days）"),
    (" (its running_in_shape)", "（即其 running_in_shape）"),
    (" (its running_in_from)", "（即其 running_in_from）"),
)
#: a transfer time as that function writes it: ``to national: lognormal mean 4.0 h``
_TRANSFER = re.compile(r"to (?P<level>\w+): (?P<dist>\w+) mean (?P<mean>\S+) h")


#: one period of a timeline as :func:`sim.scenario.timeline.observed_periods` writes it
_ERA = re.compile(r"era_(?P<k>\d+) from (?:the observed days' start \((?P<start>[^;)]+)"
                  r"(?:; (?P<before>.+))?\)|(?P<at>.+))")
_AT = re.compile(r"(?P<at>[^:]+): (?P<what>.+)")
_DAY = re.compile(r"(?:(?P<date>[\d-]+), )?day (?P<day>[\d.]+)")


def _day(text: str) -> str:
    """``day 1.5`` as 第 1.5 天, ``2018-04-20, day 109`` as 2018-04-20，第 109 天."""
    return _DAY.sub(lambda m: (f"{m['date']}，第 {m['day']} 天" if m["date"]
                               else f"第 {m['day']} 天"), text)


def _since(text: str) -> str:
    """``day 3: single_window`` (when a period began: the reforms then) in Chinese."""
    m = _AT.fullmatch(text)
    return f"自{_day(m['at'])}起：{m['what']}" if m else text


def _era(text: str) -> str:
    """One period, ``era_1 from day 1.5: training``, in Chinese (as it is if unknown)."""
    m = _ERA.fullmatch(text)
    if m is None:
        return text
    if m["start"] is None:
        return f"era_{m['k']} {_since(m['at'])}"
    before = f"；{_since(m['before'])}" if m["before"] else ""
    return f"era_{m['k']} 自观测期开始（{_day(m['start'])}{before}）"


def eras(words: dict[str, str]) -> None:
    """The Chinese of a timeline's periods in ``words`` (``eras``: ``; `` between them)."""
    if words.get("eras"):
        words["eras"] = "；".join(_era(e) for e in re.split(r"; (?=era_\d+ from )",
                                                             words["eras"]))


def organisation(words: dict[str, str]) -> None:
    """The Chinese of a structure's stated assumptions in ``words``: the reforms' names of
    its advantages, and its transfer times (``至 national：lognormal 分布，均值 4.0 小时``)."""
    if words.get("advantages"):
        for english, zh in _ALIASES:
            words["advantages"] = words["advantages"].replace(english, zh)
    if words.get("transfer"):
        words["transfer"] = _TRANSFER.sub(
            lambda m: f"至 {m['level']}：{m['dist']} 分布，均值 {m['mean']} 小时",
            words["transfer"]).replace("; ", "；")
