"""The report page in another language (``bordersim report --lang zh``): the English page,
as :func:`sim.report.folder_report.render_folder` writes it, with the text of each element
put in Simplified Chinese from one glossary (:mod:`sim.report.zh_glossary`,
:mod:`sim.report.zh_metrics`, :mod:`sim.report.zh_phrases`). Only text between tags changes:
every attribute (the exact figures of ``data-*``), every plot and every number stay as they
are, and a figure in a translated sentence is carried over as the page wrote it. A text the
glossary cannot translate whole is left in English, whole (never half translated); the page
then says so at its top. English (the default) is the page unchanged, byte for byte."""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from functools import lru_cache, partial

from sim.model.window import WEEKDAYS

LANGUAGES = ("en", "zh")
#: the page's ``lang`` attribute for each language
HTML_LANG = {"en": "en", "zh": "zh-CN"}
#: the time units of the headline's changes
_UNIT_WORDS = {"s": "秒", "min": "分钟", "h": "小时", "percentage points": "个百分点"}
#: the weekdays of a short run's note (sim.model.window.WEEKDAYS, Monday first)
_WEEKDAYS = {en: "星期" + zh for en, zh in zip(WEEKDAYS, "一二三四五六日", strict=True)}
#: the words of a pattern's groups that are one of a few (the cost-against-time line's)
_WORDS = {"tw": {"cost per consignment-hour saved": "每节省一票·小时的成本",
                 "saving per consignment-hour added": "每增加一票·小时的节省"},
          "sa": {"saved": "节省", "added": "增加"},
          "k": {"documentary": "单证合规成本", "border": "边境合规成本"},
          **dict.fromkeys(("gm", "gm2", "hl"),  # (an optional part the line may not have)
                          {"sooner": "提前", "later": "推迟", "lower": "降低", "higher": "提高"}),
          "lead": {"No option warned, but": "没有方案发出警告，但 ",  # (a space before a figure)
                   "No replication warned, but": "没有重复运行发出警告，但 ",
                   "The others did not warn, but": "其他方案未发出警告，但 ",
                   "Besides": "此外，", "note:": "注意："}}
_TAG = re.compile(r"(<[^>]*>)")
#: two English words in a row (not the parts of a name: ``smart_image_review:cost_per_year``)
_ENGLISH = re.compile(r"(?<![\w.])[A-Za-z]{2,}[ ,:;]+[A-Za-z]{2,}(?!\w)")
_PLACE = re.compile(r"<([a-z]+)>")
_FREE = r"[a-z0-9_/]+"
#: the replications a Stability warning is of, and its message
_REPS = re.compile(r"(rep-[0-9]+(?:, rep-[0-9]+)*): (.+)", re.S)


def translate(page: str, lang: str, names: Collection[str] = ()) -> str:
    """``page`` (a report's HTML) in ``lang``: ``"en"`` gives it back unchanged. ``names``:
    the ids its folder declares (ports, routes, options: :mod:`sim.report.place_names`),
    which a line keeps as written and are never taken for English left untranslated, nor is
    a whole text among them (a bundled scenario's description, put in Chinese afterwards)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    if lang == "en":
        return page
    from sim.report.trading_section import MODE
    from sim.report.zh_glossary import MODES

    parts = _TAG.split(page)
    style = mode = False
    left = 0
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            name = part[1:].split(None, 1)[0].rstrip(">").lower() if len(part) > 1 else ""
            style = name == "style" and not part.startswith("</")
            mode = part == f"<td{MODE}>"  # (a port's mode of transport: never a port's name)
            continue
        if style or not part.strip():
            continue
        raw = html.unescape(part)
        if mode and raw.strip() in MODES:
            parts[i] = MODES[raw.strip()]
            continue
        zh = text(raw.strip(), names)
        if zh is None:  # (the command line, as typed, is kept on purpose: not left)
            left += (bool(_ENGLISH.search(raw)) and not raw.strip().startswith("bordersim ")
                     and raw.strip() not in names)  # (a name, or a text put in Chinese later)
            continue
        lead, trail = raw[: len(raw) - len(raw.lstrip())], raw[len(raw.rstrip()):]
        parts[i] = html.escape(lead + zh + trail, quote=False)
    out = "".join(parts).replace("<html lang='en'>", f"<html lang='{HTML_LANG[lang]}'>", 1)
    return out.replace("<body>", f"<body>{_left_note(left)}", 1) if left else out


def _left_note(left: int) -> str:
    from sim.report.plot_lang import drawn_in_chinese

    plots = "" if drawn_in_chinese() else "（及图中文字）"
    return (f"<p class='note' data-untranslated='{left}'>说明：本页的标题、表头、指标名称、单位"
            f"和主要警告均已译为中文；其余说明性段落{plots}暂以英文原文显示，数据完全相同。</p>")


def text(en: str, names: Collection[str] = ()) -> str | None:
    """The Chinese of one whole text of the page, or None when the glossary has none
    (``names``: as :func:`translate`'s)."""
    from sim.report.brief_cash import text as brief_cash_text
    from sim.report.brief_local import text as brief_local_text
    from sim.report.brief_state import text as brief_state_text
    from sim.report.brief_structure import text as brief_structure_text
    from sim.report.zh_aeo_payback import text as payback_text
    from sim.report.zh_appraisal import text as appraisal_text
    from sim.report.zh_brief_money import text as brief_money_text
    from sim.report.zh_notes import NOTE_SENTENCES, NOTES
    from sim.report.zh_phrases import PHRASES, SENTENCES
    from sim.report.zh_reforms import described

    if en in PHRASES or en in NOTES:
        return PHRASES.get(en) or NOTES[en]
    label = metric_label(en.removesuffix(" [95 % CI]"))  # (a sweep's column: with its CI)
    if label is not None:
        return label + (" [95% 置信区间]" if en.endswith(" [95 % CI]") else "")
    for pattern, zh in SENTENCES + NOTE_SENTENCES:
        m = pattern.fullmatch(en)
        if m:
            return zh.format(**_groups(m))
    # (the business case section's; a coded note of the run's, as the console says it)
    return (appraisal_text(en) or payback_text(en) or brief_money_text(en)
            or brief_local_text(en) or brief_cash_text(en) or brief_state_text(en)
            or brief_structure_text(en, names) or _care(en)
            or _coded(en) or _by_replication(en) or described(en) or _pieces(en, names))


def _care(en: str) -> str | None:
    """A headline's ``Read with care: MESSAGE.`` whose message is a coded note of the console
    (:mod:`sim.warning_codes`), in the console's Chinese for its code; None otherwise."""
    from sim.cli_lang import sentence
    from sim.report.zh_reforms import UNTRANSLATED
    from sim.warning_codes import record

    if not (en.startswith("Read with care: ") and en.endswith(".")):
        return None
    message = en.removeprefix("Read with care: ")[:-1]
    rec = record("note: " + message)
    if rec["code"].startswith("other_"):
        return None
    said = sentence(rec, message)
    return None if UNTRANSLATED in said else f"请谨慎解读：{said}。"


#: a note the page lists with its option's name before it (a comparison's unpriced capacity)
_NAMED = re.compile(r"(?P<severity>note|warning): (?P<option>[\w.+=-]+): (?P<message>.+)", re.S)


def _coded(en: str) -> str | None:
    """A note or warning the page lists (``note: MESSAGE``, ``warning (run): ...``) that has
    a code, in the console's Chinese (提示：…, 警告（方案 fast）：…); None for one no code knows."""
    from sim.cli_lang import line
    from sim.report.zh_reforms import UNTRANSLATED

    if not en.startswith(("note: ", "warning: ", "note (", "warning (")):
        return None
    said = line(en, "zh").replace("（方案 run）：", "（本次运行）：", 1)
    if (said == en or UNTRANSLATED in said) and (named := _NAMED.fullmatch(en)):
        # (the page's ``note: OPTION: MESSAGE``: the console's ``note (OPTION): MESSAGE``)
        return _coded(f"{named['severity']} ({named['option']}): {named['message']}")
    return None if said == en or UNTRANSLATED in said else said


def _by_replication(en: str) -> str | None:
    """A warning of some replications the Stability section lists (``rep-0001, rep-0002:
    MESSAGE``) that has a code, in the console's Chinese for it (重复运行 rep-0001、rep-0002：…);
    None for one no code knows."""
    m = _REPS.fullmatch(en)
    said = _coded("warning: " + m.group(2)) if m else None
    if m is None or said is None or not said.startswith("警告："):
        return None
    return f"重复运行 {m.group(1).replace(', ', '、')}：{said.removeprefix('警告：')}"


def _groups(m: re.Match[str]) -> dict[str, str]:
    """A match's groups as the Chinese puts them in (a unit in words, a direction, ...)."""
    from sim.report.zh_glossary import VALUES
    from sim.report.zh_notes import left_out
    from sim.report.zh_phrases import PHRASES
    from sim.report.zh_reforms import described

    out = {}
    for k, v in m.groupdict(default="").items():
        if k in ("u", "u2"):
            v = _UNIT_WORDS.get(v, v)
        elif k == "d" and v in VALUES["direction"]:
            v = VALUES["direction"][v]
        elif k == "c" and v in VALUES["class"]:
            v = VALUES["class"][v]
        elif k == "c" and v.startswith("Differences are paired"):
            v = ("差值为配对比较（相同随机数种子、相同货物）。* = 经 Holm 多重比较校正后在 5% 水平"
                 "显著（区间为各差值自身的未校正区间：不含 0 的区间也可能没有星号）；"
                 "\u26a0 = 非稳态。")
        elif k == "set":
            v = v.strip().replace("(", "（").replace(")", "）")
        elif k == "rep":
            v = f"重复运行 {v[:-2]}：" if v else ""
        elif k == "q":  # (a lane: its Chinese name, where the glossary has one)
            v = ("，最长排队在" + VALUES["lane"].get(v, " " + v)) if v else ""
        elif k == "w" and "t" in m.groupdict():
            v = f"；结束时 {v} 票在排队" if v else ""
        elif k == "t":  # (the shares by milestone: each by its Chinese name)
            v = re.sub(r"(\d+%) at '([a-z_]+)'",
                       lambda x: f"{x[1]} 在“{VALUES['milestone'].get(x[2], x[2])}”",
                       v).replace(", ", "，")
        elif k == "m" and v in ("less", "fewer", "more"):
            v = "增加" if v == "more" else "减少"
        elif k == "m":  # (a milestone)
            v = VALUES["milestone"].get(v, v)
        elif k == "f":
            v = v.replace(" and ", " 和 ")
        elif k == "wd":
            v = _weekdays(v)
        elif k in _WORDS:
            v = _WORDS[k].get(v, v)
        elif k == "cp":
            v = "）" if v else ""
        elif k == "said":  # (an option's reforms by their mechanisms, where each has Chinese)
            v = described(v) or v
        elif k == "named":  # (a metric by identifier, its Chinese name after it)
            v = f"{v}（{zh}）" if (zh := metric_name(v)) else v
        elif k == "lo":  # (who gains' consignments left out, by option, port and direction)
            v = left_out(v)
        elif k == "who":
            v = "本次运行" if v == "The run" else "方案 " + v.split(" ", 1)[1]
        elif k == "base":
            v = "；由于基准方案也在其中，各方案相对它的变化都受影响" if v else ""
        elif k == "v":
            v = "，".join(f"{PHRASES.get(n, n)} {x}" for n, _, x in
                          (p.rpartition(" ") for p in v.split(", ")))
        out[k] = v
    out["avg"] = ("；平均而言，全部货物{gm} {ga} {u}，受影响的每票货物约{gm2} {gc} {u2}"
                  "（见下文“受益方与受损方”）".format(**out) if out.get("ga") else "")
    return out


def _weekdays(which: str) -> str:
    """The weekdays a short run sees (sim.model.window.weekday_note's words) in Chinese."""
    if which == "part of every weekday, not a whole week":
        return "每天都只观测到一部分，而非整周"
    names = re.split(r", | and ", which.removesuffix(" only"))
    names = [n.removesuffix("s") if n.endswith("days") else n for n in names]
    zh = [_WEEKDAYS[n] for n in names]
    return "仅观测到" + ("、".join(zh[:-1]) + "和" + zh[-1] if len(zh) > 1 else zh[0])


def _pieces(en: str, declared: Collection[str] = ()) -> str | None:
    """A headline line put together from :data:`PIECES`, or None if English is left (a
    lowercase word that is a name the folder ``declared``, a route ``river``, is not)."""
    from sim.report.zh_phrases import PIECES

    # (money "USD at 2019 prices": the pieces read the currency, the price year is put back
    # beside each amount's currency once the line is in Chinese, as the run table says it)
    priced = _AT_PRICES.search(en)
    plain = _AT_PRICES.sub(lambda m: m["cur"], en) if priced else en
    out, names = plain, set[str]()
    for pattern, zh in PIECES:
        out = pattern.sub(partial(_filled, zh, names), out)
    words = set(re.findall(r"\b[a-z]{3,}\b", out)) - names - set(declared)  # (a name is kept)
    if out == plain or _ENGLISH.search(out) or words:
        return None
    if priced:
        out = re.sub(rf"\b{priced['cur']}\b", f"{priced['cur']}（{priced['y']} 年价格）", out)
    return out


#: a money unit with its price year (sim.report.price_year)
_AT_PRICES = re.compile(r"\b(?P<cur>[A-Z]{3}) at (?P<y>[0-9]{4}) prices\b")


#: the groups of :data:`sim.report.zh_phrases.PIECES` that hold a name kept as written (a
#: port, a route, an option or reform), which may be a lowercase word ("fangchenggang")
_NAMES = ("p", "r", "o")


def _filled(zh: str, names: set[str], m: re.Match[str]) -> str:
    """``zh`` with ``m``'s groups; the names it keeps as written added to ``names``."""
    names.update(n for k, v in m.groupdict(default="").items() if k in _NAMES and v
                 for n in v.split(", "))  # (a list of reforms: each a name)
    return zh.format(**_groups(m))


def metric_label(en: str) -> str | None:
    """A results table's row label, ``metric (unit)`` and its note, in Chinese: its name,
    its unit in （）, the note after a ，; None when ``en`` is not one."""
    from sim.experiment.metric_names import NOTES as EN_NOTES
    from sim.report.zh_glossary import NOTES

    name, sep, rest = en.partition(" (")
    if not sep or not re.fullmatch(r"[a-z0-9_]+", name):
        return None
    zh_name = metric_name(name)
    if zh_name is None:
        return None
    for unit_en, unit_zh in _units():
        m = re.match(unit_en + r"\)", rest)
        if not m:
            continue
        note = rest[m.end():]
        unit = unit_zh.replace("currency", m.group("cur")) if "cur" in m.groupdict() else unit_zh
        if not note:
            return f"{zh_name}（{unit}）"
        if note == f", {EN_NOTES.get(name)}" and name in NOTES:
            return f"{zh_name}（{unit}），{NOTES[name]}"
        return None
    return None


@lru_cache(maxsize=1)
def _units() -> list[tuple[str, str]]:
    """Each unit's pattern (the scenario's currency in place of ``currency``) and Chinese,
    longest first (``share (0-1)`` before a shorter one it begins with)."""
    from sim.report.zh_glossary import UNITS

    out = []
    for en, zh in sorted(UNITS.items(), key=lambda kv: -len(kv[0])):
        rx = re.escape(en).replace("currency", r"(?P<cur>currency|[A-Z]{3})", 1)
        out.append((rx, zh))
    return out


#: a metric's exit that is a loading for an export: said for one direction alone, only its own
_EXITS = "提离（出口：装载）"


def metric_name(name: str) -> str | None:
    """The Chinese name of the metric ``name`` (its glossary entry's, placeholders filled
    in), or None when the metric glossary or the Chinese one has no entry for it."""
    from sim.experiment.metric_glossary import MODIFIERS, found
    from sim.report.zh_metrics import METRICS

    hits = found(name)
    if len({e.stem for e, _ in hits}) != 1 or hits[0][0].stem not in METRICS:
        return None
    # a port's direction reads also as a port named with it ("sea_port_import"): the
    # direction is meant (no port is named so)
    entry, modifier = max(hits, key=lambda hit: hit[1] == "port_direction")
    form = entry.stem + (MODIFIERS[modifier][0] if modifier else "")
    m = _form(form).fullmatch(name)
    if m is None:
        return None
    values = m.groupdict()
    zh = _PLACE.sub(lambda h: _value(h.group(1), values[h.group(1)]), METRICS[entry.stem])
    if modifier in ("direction", "port_direction"):  # (an import exits, an export loads)
        zh = zh.replace(_EXITS, {"import": "提离", "export": "装载"}.get(values["direction"],
                                                                        _EXITS))
    if modifier == "direction":
        zh += f"（{_value('direction', values['direction'])}）"
    elif modifier == "port":
        zh += f"（口岸 {values['port']}）"
    elif modifier == "port_direction":
        zh += f"（口岸 {values['port']}，{_value('direction', values['direction'])}）"
    return zh


@lru_cache(maxsize=512)
def _form(form: str) -> re.Pattern[str]:
    """A metric form's pattern, each placeholder a named group (a value with words one of
    its words; a scenario's name any name)."""
    from sim.report.zh_glossary import VALUES

    form = form.replace("<port>_<lane>", "<lane>")
    out, seen = [], set()
    for i, piece in enumerate(_PLACE.split(form)):
        if i % 2 == 0:
            out.append(re.escape(piece))
            continue
        if piece in VALUES and piece != "lane":
            values = "|".join(sorted(map(re.escape, VALUES[piece]), key=len, reverse=True))
        else:
            values = {"era": r"era_[0-9]+", "target": r"[0-9]+h|[0-9]+min"}.get(piece, _FREE)
        out.append(f"(?P={piece})" if piece in seen else f"(?P<{piece}>{values})")
        seen.add(piece)
    return re.compile("".join(out))


def _value(hole: str, value: str) -> str:
    """A placeholder's value in Chinese: its word, a period or target in words, a lane's
    port and word; a scenario's own name as it is."""
    from sim.report.zh_glossary import VALUES

    if hole == "era":
        return f"时期 {value.split('_')[1]}"
    if hole == "target":
        return f"{value[:-3]} 分钟" if value.endswith("min") else f"{value[:-1]} 小时"
    if hole == "lane":
        for key, word in VALUES["lane"].items():
            if value.endswith("_" + key):
                return f"{value[: -len(key) - 1]} {word}"
        return value
    return VALUES.get(hole, {}).get(value, value)
