"""The typography of the Chinese that the console and the workshop page print, as a customs
interpreter proof-reading it would mark it: every Chinese template of the tables
(``sim/cli_zh_*.py``, ``sim/report/zh_*.py``, :mod:`sim.faces.words`,
:mod:`sim.faces.chart_zh`), imported and walked (strings, and those inside tuples, lists,
sets and dicts held by the modules), each rule stated in its test. ``{placeholders}`` are
not text: they are left out before a rule reads a template."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import sim

HAN = "\u4e00-\u9fff"
#: a template's own words, with its ``{placeholders}`` (filled in at run time) left out
_FIELD = re.compile(r"\{[^{}]*\}")
#: text that stays as written by its form: code and values in backticks or ASCII quotes,
#: ``<port>``-style parts of a metric's name, ``[section]`` tables, and quotations and titles
#: in “” and 「」 (a console word quoted, a paper's or a section's title)
_QUOTED = re.compile(r"`[^`]*`|\"[^\"]*\"|'[^']*'|<[^<>]*>|\[[^\[\]]*\]|“[^”]*”|「[^」]*」")
#: a run of Latin text that is an identifier, an option, a path or a formula by its form
_IDENTIFIER = re.compile(r"[_./=@:<>()*+\[\]0-9]|^-")

#: Latin words a Chinese template keeps on purpose; anything else of two or more lower-case
#: letters is an English word left untranslated (all capitals are acronyms such as CSV, AEO,
#: or a command's metavariables such as DIR, KEY: kept by their form)
ALLOWED_WORDS = frozenset({
    # bordersim and its commands, as typed at the console
    "bordersim", "run", "compare", "sweep", "report", "reproduce", "tables", "difference",
    "check", "warmup", "reforms", "appraise", "tornado",
    # values an option takes, typed as they are (--executor, --structures, --lang, ...)
    "serial", "processes", "dask", "spindle", "dumbbell", "clearance", "queue", "both",
    "markdown", "latex",
    "physical", "default", "guangdong", "docs", "never", "warning", "note", "en", "zh",
    "rate", "hourly", "weekly", "min",
    # fields, columns and values of a scenario file, a CSV or a results folder, as written
    "days", "seed", "reps", "ports", "port", "extends", "drop", "holidays", "workdays", "from",
    "dated", "name", "unit", "extra", "empirical", "cv", "true", "false", "null", "NaN",
    "description", "set", "scenario", "smuggling", "directions", "schedule", "uptake",
    "shift", "share", "into", "enabled", "per", "kind", "overtime", "night", "agency", "capital",
    "general", "tobacco", "frozen", "document", "exam", "quarantine", "targeting",
    "statutory", "lab", "loading", "loaded", "all", "released", "raised", "channel",
    "stretches", "speedup", "accuracy", "finds", "intensity", "sampling", "factor", "teams",
    "places", "certificates", "currency", "metric", "observed", "hours", "declarations",
    "replications", "points", "indices", "notes", "option", "source", "assumption", "auc",
    "timeline", "origins", "commodities", "checks", "direction", "sample", "laboratory",
    "costs", "systems", "coverage", "discredited", "slowdown", "clear", "minutes",
    "removed",
    # a reform's name as typed (--reforms outbreak@10d)
    "outbreak",
    # a term glossed in brackets after its Chinese (自助法（bootstrap）)
    "bootstrap",
    # names of software, file formats, methods, programmes and sources
    "SimPy", "Python", "Parquet", "Excel", "Dask", "git", "Sobol", "Saltelli", "Welch",
    "Hummels", "Schaur",
    "Markdown", "LaTeX",
    "Holm", "Student", "Kolmogorov", "Smirnov", "Horvitz", "Thompson", "eneltec", "Smart",
    "Pollaczek", "Khinchine", "Little",
    "Sharing", "Doing", "Business", "Marino", "Jackson", "Erlang",
})

#: patterns correct on purpose that a rule would mark, each with why (the text as written)
ALLOWED_FORMS = (
    # the syntax of ``--option NAME:@FILE`` with its parts named in Chinese: a typed form,
    # its colon half-width, set off by a space from the sentence that follows
    "名称:@文件 ",
)


def _tables() -> list[str]:
    """The modules holding the Chinese the console and the workshop page print."""
    here = Path(sim.__file__).parent
    names = [f"sim.{p.stem}" for p in sorted(here.glob("cli_zh_*.py"))]
    names += [f"sim.report.{p.stem}" for p in sorted((here / "report").glob("zh_*.py"))]
    return [*names, "sim.faces.words", "sim.faces.chart_zh"]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _strings(item)


def _templates() -> dict[str, str]:
    """Each Chinese template (its placeholders and forms allowed on purpose left out) ->
    where it is first held (``module.NAME``)."""
    found: dict[str, str] = {}
    for name in _tables():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if attr.startswith("__"):  # (the module's docstring is not printed)
                continue
            for text in _strings(value):
                if re.search(f"[{HAN}]", text):
                    found.setdefault(text, f"{name}.{attr}")
    return {_words(text): where for text, where in found.items()}


def _words(text: str) -> str:
    for form in ALLOWED_FORMS:
        text = text.replace(form, "FORM")
    return _FIELD.sub("\x00", text)


TEMPLATES = _templates()


def _marked(pattern: str) -> list[str]:
    rule = re.compile(pattern)
    return [f"{where}: …{text[max(0, m.start() - 12):m.end() + 12]}…"
            for text, where in TEMPLATES.items() for m in rule.finditer(text)]


def test_the_tables_are_walked():
    """Every kind of table is read (a walk that found nothing would pass every rule)."""
    assert len(TEMPLATES) > 1000
    held = {where.rsplit(".", 1)[0] for where in TEMPLATES.values()}
    assert {"sim.cli_zh_errors", "sim.report.zh_metrics", "sim.faces.words",
            "sim.faces.chart_zh", "sim.report.zh_warnings"} <= held


def test_no_half_width_punctuation_between_chinese_characters():
    """A comma, colon, semicolon or parenthesis between two Chinese characters (a space
    either side or not) is full-width in Chinese text: ，：；（）."""
    assert _marked(f"[{HAN}] ?[,:;()] ?[{HAN}]") == []


def test_no_space_between_chinese_characters():
    """Chinese characters are not spaced: a space sits only between Chinese and Latin text
    or numbers."""
    assert _marked(f"[{HAN}] +[{HAN}]") == []


def test_no_full_width_punctuation_doubled():
    """Two of ，。；：、！？ side by side (，， or 。, a mark typed twice or two joined
    sentences each bringing its own) is a slip."""
    assert _marked("[，。；：、！？]{2}") == []


@pytest.mark.parametrize(("text", "rule"), [
    ("海关，，通关", "test_no_full_width_punctuation_doubled"),
    ("口岸。。", "test_no_full_width_punctuation_doubled"),
    ("查验,放行", "test_no_half_width_punctuation_between_chinese_characters"),
    ("口岸 (情景)", "test_no_half_width_punctuation_between_chinese_characters"),
    ("情景 文件", "test_no_space_between_chinese_characters"),
])
def test_each_rule_marks_its_fault(text, rule, monkeypatch):
    """Each rule marks its fault (so that a rule weakened by mistake is seen)."""
    monkeypatch.setattr(f"{__name__}.TEMPLATES", {text: "example"})
    with pytest.raises(AssertionError):
        globals()[rule]()


def _english_words(text: str) -> list[str]:
    """The Latin words of ``text`` that are not kept by their form nor listed as allowed."""
    plain = _QUOTED.sub(" ", text)
    left = []
    for run in re.findall(r"[!-~]+", plain):
        if _IDENTIFIER.search(run):
            continue
        left += [w for w in re.findall(r"[A-Za-z]{2,}", run)
                 if not w.isupper() and w not in ALLOWED_WORDS]
    return left


def test_no_english_word_left_in_a_chinese_sentence():
    """A Latin word in a Chinese template is an identifier (a field, a metric, an option such
    as ``--days``, a path, a formula: by its form), an acronym or metavariable (all
    capitals), a quotation, or a word of :data:`ALLOWED_WORDS` (typed values, field names,
    names of software and methods); any other is an English word left untranslated."""
    left = {f"{where}: {word}" for text, where in TEMPLATES.items()
            for word in _english_words(text)}
    assert sorted(left) == []


def test_the_english_word_rule_marks_a_plain_word_and_keeps_identifiers():
    assert _english_words("见 eneltec page，published-figures.md") == ["page"]
    assert _english_words("--days 为 14；ports.sea_port 的 AEO 企业（“command line”）") == []


#: the Chinese pages a workshop reads beside the console's words
PAGES = ("teaching-zh.md",)
#: symbols of queueing formulas such a page writes as the textbooks do
FORMULA_WORDS = frozenset({"Wq", "Lq"})


def _page_lines(name: str) -> list[str]:
    """The prose of a docs page: its lines outside code blocks (inline code is kept by its
    form, as in a template)."""
    text = (Path(__file__).resolve().parents[1] / "docs" / name).read_text(encoding="utf-8")
    return re.sub(r"```.*?```", "", text, flags=re.S).splitlines()


@pytest.mark.parametrize("name", PAGES)
def test_a_chinese_pages_prose_keeps_the_rules(name):
    """A Chinese docs page (docs/teaching-zh.md) keeps the templates' rules: full-width
    punctuation between Chinese characters, no space between them, no mark doubled, and no
    English word left in a Chinese sentence (but the formulas' symbols)."""
    lines = [line for line in _page_lines(name) if re.search(f"[{HAN}]", line)]
    assert len(lines) > 20  # (the page is read)
    rules = (f"[{HAN}] ?[,:;()] ?[{HAN}]", f"[{HAN}] +[{HAN}]", "[，。；：、！？]{2}")
    marked = [line for line in lines for rule in rules if re.search(rule, _QUOTED.sub("X", line))]
    assert marked == []
    assert [w for line in lines for w in _english_words(line) if w not in FORMULA_WORDS] == []
