"""``bordersim reforms``: the reform library as a short table that fits a screen, one line a
reform: its name, what it changes (the first clause of its mechanism, cut to the terminal's
width), the WTO TFA article it implements or the seed paper where it comes from, and whether
``bordersim appraise`` has a default cost for it. A new user reads the library at a glance;
every fact stays one command away (``--long``: each mechanism in full; ``reforms NAME``: its
strengths, sources, TFA reason and costs). Built from the library itself, so a reform added to
it is listed with no change here. Only the standard library is imported at start-up."""

from __future__ import annotations

import re
from typing import Any

#: whether appraise has a default cost for a reform (:mod:`sim.reforms.cost_library`)
PRICED, NIL, UNKNOWN = "priced", "nothing", "unknown"

#: the table's words, by language
WORDS = {
    "en": {"reform": "reform", "what": "what it changes", "tfa": "TFA / paper",
           "cost": "cost", "paper": "paper", "art": "Art. {a}", "na": "not available: ",
           PRICED: "assumed", NIL: "none", UNKNOWN: "unknown",
           "legend": "TFA / paper: the WTO TFA article implemented (bordersim reforms --tfa), "
                     "or 'paper' if the seed paper proposes it; cost: appraise's default is "
                     "assumed, none (it builds nothing) or unknown.",
           "more": "In full: bordersim reforms --long (every mechanism); bordersim reforms "
                   "NAME (one reform)."},
    "zh": {"reform": "改革", "what": "改变什么", "tfa": "协定条款/论文", "cost": "成本",
           "paper": "论文", "art": "第 {a} 条", "na": "无法使用：",
           PRICED: "有假设值", NIL: "无需投入", UNKNOWN: "未知",
           "legend": "协定条款/论文：所实施的《贸易便利化协定》条款（bordersim reforms "
                     "--tfa），或种子论文提出的写“论文”；成本：appraise 的默认值为假设值、"
                     "无需投入（不建设任何东西）或未知。",
           "more": "完整内容：bordersim reforms --long（各项机制）；bordersim reforms 改革名"
                   "（某项改革）。"},
}


def cost_kind(name: str) -> str:
    """Whether appraise has a default cost for reform ``name``: priced (an assumed figure above
    zero), nothing (it builds nothing: zero) or unknown (no defensible figure)."""
    from sim.reforms.cost_library import cost_of

    c = cost_of(name)
    if c.setup is None and c.running is None:
        return UNKNOWN
    amounts = [i.amount for i in (c.setup, c.running) if i is not None]
    return PRICED if any(a > 0 for a in amounts) else NIL


def where(reform: Any, lang: str = "en") -> str:
    """The TFA articles ``reform`` implements, else ``paper`` if a source of it is the seed
    paper's, else ``-``."""
    from sim.reforms.tfa import TAGS

    w = WORDS[lang]
    tag = TAGS.get(reform.name)
    if tag is not None and tag.articles:
        return w["art"].format(a=("、" if lang == "zh" else ", ").join(tag.articles))
    if any(s.startswith("seed paper") for s in reform.sources):
        return w["paper"]
    return "-"


def what(reform: Any, lang: str = "en") -> str:
    """What ``reform`` changes in a few words: its mechanism's first clause (up to the first
    colon or semicolon), in Chinese under ``zh`` (marked untranslated where none is known)."""
    text = reform.mechanism
    if lang == "zh":
        from sim.report.zh_reforms import UNTRANSLATED, mechanism

        text = mechanism(reform.name, text) or UNTRANSLATED + text
    first = re.split(r"[:;：；]\s*", text, maxsplit=1)[0].strip()
    return (WORDS[lang]["na"] + first) if reform.missing() else first


def cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, ending in an ellipsis where cut."""
    from sim.cli_lang import columns

    if columns(text) <= width:
        return text
    while text and columns(text) > width - 1:
        text = text[:-1]
    return text.rstrip(" ,(（、，") + "…"


def table(lang: str = "en", cols: int = 100) -> list[str]:
    """The short table's lines for a terminal ``cols`` wide: a header, a line a reform of the
    library, then what the columns mean and where the rest is."""
    import textwrap

    from sim.cli_lang import pad
    from sim.reforms import REFORMS

    w = WORDS[lang]
    rows = [(n, what(r, lang), where(r, lang), w[cost_kind(n)]) for n, r in REFORMS.items()]
    head = (w["reform"], w["what"], w["tfa"], w["cost"])
    from sim.cli_lang import columns

    name_w, tfa_w, cost_w = (max(columns(r[i]) for r in [head, *rows]) for i in (0, 2, 3))
    what_w = max(20, cols - name_w - tfa_w - cost_w - 6)
    lines = []
    for n, said, art, cost in [head, *rows]:
        line = "  ".join((pad(n, name_w, False), pad(cut(said, what_w), what_w, False),
                          pad(art, tfa_w, False), cost))
        lines.append(line.rstrip())
    if lang == "zh":
        from sim.cli_zh_reforms import wrap_wide

        return [*lines, wrap_wide(w["legend"], cols, 0), wrap_wide(w["more"], cols, 0)]
    return [*lines, textwrap.fill(w["legend"], cols), textwrap.fill(w["more"], cols)]
