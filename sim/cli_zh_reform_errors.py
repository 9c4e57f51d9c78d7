"""A reform's strength refused, in Chinese (:meth:`sim.reforms.reform.Param.check` and the
name checks of :func:`sim.reforms.sharing.named`): a value of the wrong kind, out of range, or
a name the scenario does not have. Each entry: a pattern of the whole English reason and its
Chinese (see :mod:`sim.cli_zh_errors`)."""

from __future__ import annotations

#: what a strength's head reads: the reform, the strength and the value given
_HEAD = r"reform (?P<name>\S+): (?P<key>\w+) = (?P<value>.+?): "
#: the names a strength may give, by the word the English uses
_WHAT = {"origin": "来源地", "commodity": "商品类别", "check": "查验类别", "port": "口岸",
         "route with a patrol": "有巡查的口岸外路线"}

REFORM_STRENGTHS: list[tuple[str, str]] = [
    (_HEAD + r"must be a whole number, allowed a whole number from (?P<low>\S+) to "
     r"(?P<high>\S+)", "改革 {name}：{key} = {value}：应为整数，可取 {low} 至 {high} 的整数"),
    (_HEAD + r"not a number; write the decimal point: (?P<point>\S+) \(allowed (?P<low>\S+) to "
     r"(?P<high>\S+)\)", "改革 {name}：{key} = {value}：不是数字；小数请用小数点：{point}（可取 "
     "{low} 至 {high}）"),
    (_HEAD + r"must be a number, allowed (?P<low>\S+) to (?P<high>\S+)",
     "改革 {name}：{key} = {value}：应为数字，可取 {low} 至 {high}"),
    (_HEAD + r"must be a finite number, allowed (?:a whole number from )?(?P<low>\S+) to "
     r"(?P<high>\S+)", "改革 {name}：{key} = {value}：应为有限的数，可取 {low} 至 {high}"),
    (_HEAD + r"not a whole number \(it counts things\), allowed a whole number from "
     r"(?P<low>\S+) to (?P<high>\S+)",
     "改革 {name}：{key} = {value}：不是整数（它计数），可取 {low} 至 {high} 的整数"),
    (_HEAD + r"out of range, allowed a whole number from (?P<low>\S+) to (?P<high>\S+)",
     "改革 {name}：{key} = {value}：超出范围，可取 {low} 至 {high} 的整数"),
    (_HEAD + r"out of range, allowed (?P<low>\S+) to (?P<high>\S+)",
     "改革 {name}：{key} = {value}：超出范围，可取 {low} 至 {high}"),
    (_HEAD + r"a downgrade, its own reform: use (?P<use>\S+) \(allowed (?P<choices>[\w*, ]+)\)",
     "改革 {name}：{key} = {value}：这是信用降级，为单独的改革措施：请用 {use}（可取 {choices}）"),
    (_HEAD + r"allowed (?P<choices>[\w*, ]+)", "改革 {name}：{key} = {value}：可取 {choices}"),
    (r"reform (?P<name>\S+): unknown parameter (?P<bad>'[^']*'); allowed: (?P<allowed>[\w, ]+)",
     "改革 {name}：未知强度参数 {bad}；可取：{allowed}"),
    (r"reform (?P<name>\S+): unknown parameter (?P<bad>'[^']*'); allowed: (?P<allowed>[\w, ]+) "
     r"\(a transition belongs to a structural reform that can be dated; see `bordersim "
     r"reforms`\)",
     "改革 {name}：未知强度参数 {bad}；可取：{allowed}（过渡期只属于可以定日期实施的结构性改革；"
     "见 `bordersim reforms`）"),
    *(
        (r"reform (?P<name>\S+): (?P<key>\w+): unknown " + word + r" (?P<bad>'[^']*'); the "
         r"scenario (?P<scenario>'[^']*') has: (?P<has>.+)",
         "改革 {name}：{key}：未知" + zh + " {bad}；情景 {scenario} 中有：{has}")
        for word, zh in _WHAT.items()
    ),
]

#: a sweep key naming a reform's strength (:mod:`sim.experiment.sweep_reforms`) refused: no
#: such reform, no such number strength, a decimal comma read as two values, or a reform that
#: sets a field the point sweeps
SWEEP_KEYS: list[tuple[str, str]] = [
    (r"unknown reform (?P<name>'[^']*'); known: (?P<known>.+)",
     "未知改革 {name}；可选：{known}"),
    (r"unknown reform (?P<name>'[^']*') \(did you mean (?P<near>'[^']*')\?\); known: "
     r"(?P<known>.+)", "未知改革 {name}（是否应为 {near}？）；可选：{known}"),
    (r"(?P<bad>'[^']*') is not a number strength of reform (?P<name>\S+); allowed: "
     r"(?P<allowed>.+)", "{bad} 不是改革 {name} 的数值强度参数；可取：{allowed}"),
    (_HEAD + r"out of range, allowed (?P<low>\S+) to (?P<high>\S+) \(a comma separates values: "
     r"for (?P<comma>\S+) write the decimal point, (?P<point>\S+)\)",
     "改革 {name}：{key} = {value}：超出范围，可取 {low} 至 {high}（逗号用于分隔取值：{comma} "
     "应写作小数 {point}）"),
    (r"the sweep key (?P<keys>.+) applies reform (?P<name>\S+), which itself sets "
     r"(?P<fields>.+), also swept: the reform would overwrite the swept value; sweep one of "
     r"them", "扫描键 {keys} 施行改革 {name}，而该改革本身会设定 {fields}，后者也在扫描之列："
     "改革会覆盖扫描的取值；请只扫描其中之一"),
]

#: a dated reform (the timeline's, or ``--reforms NAME@TIME``) that cannot take effect at its
#: time (:mod:`sim.reforms.timeline`): its why (``dated_why``) is said in turn, and the line
#: is left untranslated, whole, when that is not known; reforms whose changes clash, a time
#: after the run's end, a field built once for the run
DATED_REFORMS: list[tuple[str, str]] = [
    (r"(?P<text>'[^']*') \(at (?P<at>[^)]+)\) cannot apply at its date: it would make the "
     r"scenario invalid \((?P<dated_why>.+)\)",
     "{text}（于 {at}）无法在其日期生效：会使情景无效（{dated_why}）"),
    (r"(?P<text>'[^']*') \(at (?P<at>[^)]+)\) cannot apply at its date: (?P<dated_why>.+)",
     "{text}（于 {at}）无法在其日期生效：{dated_why}"),
    (r"reforms (?P<a>\S+) and (?P<b>\S+) both change (?P<field>\S+); declare an order with "
     r"'>' \((?P<order>\S+) applies (?P<last>\S+) last\)",
     "改革 {a} 与 {b} 都修改 {field}；请用 '>' 声明先后顺序（{order} 表示最后施行 {last}）"),
    (r"(?P<h>\S+) d is after the run's end: at most (?P<latest>\S+) d, the longer of the run "
     r"\((?P<w>\S+) days of warm-up \+ (?P<d>\S+) observed days \+ (?P<dr>\S+) days of drain "
     r"= (?P<run>\S+) days\) and 365 d",
     "{h} 天晚于运行结束：最多 {latest} 天，即运行时长（预热期 {w} 天 + 观测 {d} 天 + 收尾 "
     "{dr} 天 = {run} 天）与 365 天中较长者"),
    (r"(?P<text>'[^']*') changes (?P<field>\S+) \(to (?P<to>.+)\), which is built once for "
     r"the run \(lanes, review centres, slots, laboratories, arrivals, the run's length, the "
     r"risk engine's being on, its refresh and alert classes, the organisation, smugglers, "
     r"costs\): a dated reform cannot change it; apply it from the start instead \(drop the "
     r"timeline entry's 'at' and apply the reform to the scenario; in --reforms, drop its "
     r"'@TIME'\)",
     "{text} 修改 {field}（改为 {to}），而该字段在运行开始时一次建成（作业环节、审单中心、时段、"
     "实验室、到港、运行时长、风险布控引擎是否启用及其刷新间隔和预警类别、组织、走私团伙、成本）："
     "按日期生效的改革不能修改它；请改为从开始时施行（删去时间线条目的 'at'，把改革直接用于情景；"
     "在 --reforms 中删去其 '@TIME'）"),
]
