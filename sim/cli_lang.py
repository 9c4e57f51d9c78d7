"""The language of ``run``, ``compare`` and ``difference`` on the console: ``--lang zh`` (or the
environment variable ``BORDERSIM_LANG=zh``, for a workshop's or an office's machines)
prints the tables, notes and warnings in Simplified Chinese; English stays the default and
is printed as it always was. Only what people read changes: ``--json``, ``notes`` in it,
``warnings.json`` and ``warning-records.json`` keep the English a program reads. A note or
warning is translated from its code (:mod:`sim.warning_codes`) and the figures of its
record, with the words of :mod:`sim.report.zh_warnings`."""

from __future__ import annotations

import argparse
import os
from typing import Any

#: the languages (those of the report, :data:`sim.report.translate.LANGUAGES`; named here
#: so that ``--help`` imports nothing heavy)
LANGUAGES = ("en", "zh")
#: the environment variable that sets the console's language when ``--lang`` is not given
ENV = "BORDERSIM_LANG"
_SEVERITY = {"warning": "警告", "note": "提示"}


def add_lang(parser: argparse.ArgumentParser, said: str | None = None) -> None:
    """``--lang``: the console's language (default: ``BORDERSIM_LANG``, else English); a
    command whose output is not tables, notes and warnings says what it is in ``said``."""
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None,
        help=said or f"language of the tables, notes and warnings printed (en or zh: "
             f"Simplified Chinese; default: the environment variable {ENV}, else en); --json "
             "and the files written stay in English",
    )


def chosen(args: argparse.Namespace) -> str:
    """The console's language: ``--lang``, else ``BORDERSIM_LANG``, else ``en``; a
    variable set to another value is an error naming it (a typo must not pass as English)."""
    given = getattr(args, "lang", None)
    if given:
        return str(given)
    value = os.environ.get(ENV, "").strip()
    if not value:
        return "en"
    if value.lower() not in LANGUAGES:
        from sim.cli import UsageError

        raise UsageError(f"environment variable {ENV}={value!r} is not a language bordersim "
                         f"prints; allowed: {', '.join(LANGUAGES)} (or unset it for en)")
    return value.lower()


def columns(text: str) -> int:
    """The terminal columns ``text`` takes, a Chinese (wide or full-width) character two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, right: bool = True) -> str:
    """``text`` padded to ``width`` terminal columns (:func:`columns`), on the left for a
    right-aligned cell (``right``), else on the right."""
    fill = " " * max(0, width - columns(text))
    return fill + text if right else text + fill


def number(x: Any) -> str:
    """A record's figure as the English line printed it: whole numbers with thousands
    separated, others without trailing zeros; a list of figures joined by 、."""
    if isinstance(x, list):
        return "、".join(number(v) for v in x)
    x = float(x)
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def line(text: str, lang: str) -> str:
    """A printed note or warning (``warning: ...``, ``note (OPTION): ...``) in ``lang``:
    as it is in English, or a line that is neither; else in Chinese from its record."""
    if lang == "en":
        return text
    from sim.warning_codes import _LINE, record

    head = _LINE.match(text)
    if head is None:
        return text
    rec = record(text)
    said = _SEVERITY[head["severity"]]
    if rec["option"]:
        said += f"（方案 {rec['option']}）"
    elif rec["point"] is not None:  # (a sweep's: ``point 3: k=v``)
        said += "（扫描点 " + head["option"].removeprefix("point ").replace(": ", "：", 1) + "）"
    return f"{said}：{sentence(rec, head['message'])}"


def sentence(rec: dict[str, Any], english: str) -> str:
    """A record's sentence in Chinese (its first clause, then each clause whose figures the
    record has, then the replications it stands for)."""
    from sim.report.zh_glossary import VALUES
    from sim.report.zh_warnings import WARNINGS

    lane = rec.get("lane") or ""
    words: dict[str, str] = {
        "port": rec.get("port") or "", "metric": rec.get("metric") or "", "english": english,
        "lane": VALUES["lane"].get(lane, lane),
        **{k: str(v) for k, v in rec["fields"].items()},
        **{k: number(v) for k, v in rec["figures"].items()},
    }
    if rec["figures"].get("change_pct", 0) > 0:  # (a rise keeps its sign: +1.1%, as in English)
        words["change_pct"] = "+" + words["change_pct"]
    if rec.get("metric"):
        from sim.report.translate import metric_name

        words["metric_zh"] = metric_name(rec["metric"]) or rec["metric"]
    if "direction" in rec["fields"]:  # (import, export: 进口, 出口)
        words["direction"] = VALUES["direction"].get(rec["fields"]["direction"],
                                                     rec["fields"]["direction"])
    if "trader_class" in rec["fields"]:  # (aeo_advanced: AEO 高级认证企业)
        words["trader_class_key"] = rec["fields"]["trader_class"]
        words["trader_class"] = VALUES["class"].get(words["trader_class_key"],
                                                    words["trader_class_key"])
    if "kind" in rec["fields"]:  # (an illicit type: wildlife: 濒危物种)
        words["kind_key"] = rec["fields"]["kind"]
        words["kind"] = VALUES["type"].get(words["kind_key"], words["kind_key"])
    for key, table in (("milestone", "milestone"), ("queue_lane", "lane")):
        if key in rec["fields"]:  # (a milestone's or a lane's code: its Chinese name)
            words[key] = VALUES[table].get(rec["fields"][key], rec["fields"][key])
    if "saving_of" in rec["fields"]:  # (an AEO payback's: whose saving it is)
        from sim.report.zh_warnings import SAVING_OF

        words["saving_of"] = SAVING_OF.get(rec["fields"]["saving_of"], words["saving_of"])
    if "role" in rec["fields"]:
        words["role"] = VALUES["role"].get(rec["fields"]["role"], rec["fields"]["role"])
    _plan_commodity(words, rec["fields"].get("commodity"))
    from sim.report.zh_reasons import eras, fields, organisation

    organisation(words)  # (a structure's stated assumptions)
    eras(words)  # (a timeline's periods)
    if not fields(words, rec["fields"]):  # (a reason in English words this table lacks)
        return WARNINGS["other_note"][0].format(**words)
    first, *more = WARNINGS[rec["code"]]
    try:
        out = first.format(**words)
    except KeyError:  # (a message that names less than its code's sentence: as it is)
        return WARNINGS["other_warning"][0].format(**words)
    for clause in more:
        try:
            out += "；" + clause.format(**words)
        except KeyError:  # (a figure this message does not give)
            continue
    if rec["code"].startswith("other_"):
        return out
    return out + _replications(english)


def _plan_commodity(words: dict[str, str], commodity: str | None) -> None:
    """The commodity a changed sampling plan is of (``option_identical``'s clause), named
    as the English names it and as the Chinese metric names keep it (the scenario's own
    name); for a plan of every commodity, the glossary's placeholder."""
    words["plan_commodity"] = commodity or "<商品>"
    words["infested"] = f"受感染的 {commodity} 货物" if commodity else "受感染货物"


def _replications(english: str) -> str:
    """Which replications a line stands for, as its English end says: ``(rep-0001)`` or
    ``(3 of the replications; the figures are rep-0000's, the others' differ)``."""
    from sim.warning_codes import _REPS

    tail = _REPS.search(english)
    if tail is None:
        return ""
    if tail["rep"]:
        return f"（{tail['rep']}）"
    first = f"；数据取自 {tail['first']}，其他各次不同" if tail["first"] else ""
    return f"（{tail['n']} 次重复运行{first}）"
