"""A duration, a rate or a time of day that cannot be read (:mod:`sim.scenario.units`), in
Chinese: the value a workshop participant wrote in a scenario file or ``--set`` without a
unit the simulator knows, with a typo in the unit, or out of range. The value, the unit
typed and the units allowed are kept as written (they are what to type). Read by
:mod:`sim.cli_zh_errors`, which puts the file and the field path before it."""

from __future__ import annotations

#: a distribution's mean before the reason (``exponential mean: ...``), kept as a group
_DIST = r"(?:(?P<dist>\w+) mean: )?"

#: an English reason (the whole of it) -> its Chinese; groups said by :func:`said`
ERRORS: tuple[tuple[str, str], ...] = (
    (_DIST + r"cannot read (?P<got>.+) as a duration; write e\.g\. '15 min', '2 h', '3 d'",
     "{dist}无法把 {got} 读作时长；应写成如 '15 min'、'2 h' 或 '3 d'"),
    (r"cannot read (?P<got>.+) as a rate; write e\.g\. '20/h' or '1500/d'",
     "无法把 {got} 读作速率；应写成如 '20/h' 或 '1500/d'"),
    (_DIST + r"unknown time unit (?P<unit>'[^']*') in (?P<got>.+?); (?:did you mean "
     r"(?P<near>'[^']*')\? )?allowed: (?P<per>per )?(?P<units>[\w, ]+) \(or "
     r"(?P<more>[\w, ]+)\)(?P<calendar>, month \(30\.44 d\), year \(365\.25 d\))?",
     "{dist}{got} 中的时间单位 {unit} 无法识别{near}；可用的单位：{per}{units}"
     "（也可写作 {more}）{calendar}"),
    (_DIST + r"this time is fixed: write one duration such as '15 min' or '2 h', not a "
     r"distribution; got (?P<got>.+)",
     "{dist}此处的时长是固定值：应写一个时长，如 '15 min' 或 '2 h'，不能写成分布；实际为 {got}"),
    (r"a rate must be finite and >= 0; got (?P<got>.+)", "速率应为不小于 0 的有限值；实际为 {got}"),
    (r"a rate's time base must be > 0; got (?P<got>.+)",
     "速率斜杠后的时间应大于 0；实际为 {got}"),
    (r"a time of day is written 'HH:MM', e\.g\. '09:30'; got (?P<got>.+)",
     "时刻应写作 'HH:MM'，如 '09:30'；实际为 {got}"),
    (r"time of day out of range: (?P<got>.+)",
     "时刻超出范围：{got}（应在 '00:00' 至 '24:00' 之间）"),
    (r"must be finite and >= 0; got (?P<got>.+)", "应为不小于 0 的有限值；实际为 {got}"),
)

#: a rate's calendar units beyond the week, as the English lists them
_CALENDAR = "，以及 'month'（30.44 天）、'year'（365.25 天）"


def said(words: dict[str, str]) -> dict[str, str]:
    """The groups of an :data:`ERRORS` pattern as the Chinese says them: lists with 、, the
    near unit asked after, a rate's units as 每 ..., the distribution named."""
    out = dict(words)
    if out.get("dist"):
        out["dist"] = f"{out['dist']} 分布的均值："
    for key in ("units", "more"):
        if out.get(key):
            out[key] = "、".join(out[key].split(", "))
    if "near" in out:
        out["near"] = f"（是否应为 {out['near']}？）" if out["near"] else ""
    if "per" in out:
        out["per"] = "每 " if out["per"] else ""
    if "calendar" in out:
        out["calendar"] = _CALENDAR if out["calendar"] else ""
    return out
