"""`bordersim report --lang zh`: the report page in Simplified Chinese from one glossary.
Every label the page can show has a Chinese one (every metric family, unit and note, every
fixed heading and column of the report's code), the numbers are those of the English page,
the page says its language, and English stays the default, byte for byte. One short
comparison of the small scenario."""

from __future__ import annotations

import ast
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sim.cli import main
from sim.experiment.metric_glossary import ENTRIES, unit
from sim.experiment.metric_names import NOTES as EN_NOTES
from sim.experiment.metric_names import metric_names
from sim.report.folder_report import render_folder
from sim.report.plot_lang import noted, plots_in
from sim.report.translate import metric_label, metric_name, text, translate
from sim.report.zh_glossary import NOTES, UNITS
from sim.report.zh_metrics import METRICS
from sim.report.zh_phrases import PHRASES

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
TINY = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2"]
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


class _Texts(HTMLParser):
    """Each text of the page (``<style>`` left out) with the element it is in."""

    def __init__(self, page: str):
        super().__init__()
        self.stack: list[str] = []
        self.texts: list[tuple[str, str]] = []
        self.lang = ""
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and (not self.stack or self.stack[-1] != "style"):
            self.texts.append((self.stack[-1] if self.stack else "", data.strip()))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lang") / "c"
    argv = ["compare", str(SMALL), "--option", "review4:ports.sea.review.capacity=4",
            "--reps", "2", *TINY, "--out", str(out)]
    assert main(argv) == 0
    return out


def test_every_metric_family_unit_and_note_has_chinese_and_none_is_stale():
    stems = {e.stem for e in ENTRIES}
    assert stems - set(METRICS) == set(), "metric families without a Chinese name"
    assert set(METRICS) - stems == set(), "Chinese names of metrics that are no more"
    assert {unit(e) for e in ENTRIES} - set(UNITS) == set(), "units without Chinese"
    assert set(EN_NOTES) - set(NOTES) == set(), "metric notes without Chinese"
    for stem, zh in METRICS.items():  # (a placeholder the stem does not have is a typo)
        assert set(re.findall(r"<[a-z]+>", zh)) <= set(re.findall(r"<[a-z]+>", stem)), stem


def test_every_metric_a_scenario_yields_has_a_chinese_name_in_words():
    from sim.scenario.loader import load_scenario

    known = metric_names(load_scenario(SMALL))
    missing = [n for n in sorted(known.names) if metric_name(n) is None]
    assert missing == []
    assert metric_name("clearance_h_mean_aeo_advanced_port_sea_import") == (
        "AEO 高级认证企业海关通关时间均值（口岸 sea，进口）")
    # a port's direction, not a port named with it (every port's imports and exports)
    assert metric_name("clearance_h_mean_port_sea_import") == "海关通关时间均值（口岸 sea，进口）"
    assert metric_name("clearance_h_mean_port_sea_port_export") == (
        "海关通关时间均值（口岸 sea_port，出口）")
    assert metric_name("clearance_h_mean_port_sea_port") == "海关通关时间均值（口岸 sea_port）"
    assert metric_name("clearance_h_mean_era_1_import") == "海关通关时间均值（时期 1）（进口）"
    assert metric_name("utilisation_sea_exam_bays") == "利用率（sea 查验台位）"
    assert metric_name("not_a_metric") is None


def _columns(source: str) -> set[str]:
    """The words of each column a loop writes (``f"<th>{h}</th>" for h in ("option", ...)``)."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.GeneratorExp) and "<th>" in ast.unparse(node.elt):
            for each in node.generators:
                out |= {c.value for c in ast.walk(each.iter)
                        if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    return out


def _row_names(source: str) -> set[str]:
    """The row names of each two-column table a function writes (``("observed days", ...)``
    beside ``<th scope='row'>{html.escape(k)}</th>``, or given to ``_rows``)."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and any(
                w in ast.unparse(node) for w in ("{html.escape(k)}</th>", "_rows(pairs)")):
            out |= {t.elts[0].value for t in ast.walk(node)
                    if isinstance(t, ast.Tuple) and len(t.elts) == 2
                    and isinstance(t.elts[0], ast.Constant) and isinstance(t.elts[0].value, str)}
    return out


def test_every_fixed_heading_and_column_of_the_report_code_has_chinese():
    from sim.report.risk_section import CLASSES
    from sim.report.trading_section import SHOWN

    found = {words for _, words in SHOWN} | {f"{words} rate" for _, words in CLASSES}
    for path in (REPO / "sim" / "report").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found |= (_columns(source) | _row_names(source)) - {" rate", ""}
        for m in re.finditer(r"<(h[1-3]|th)(?: [^>]*)?>([^<{}\"]+)</\1>", source):
            found.add(m.group(2).strip())
    # (the search finds the headings, the loops' columns and the noise row)
    assert {"Before you quote these figures", "ordinary rate achieved", "agree", "start date",
            "root seed"} <= found
    missing = sorted(f for f in found if text(f) is None and not _CJK.search(f))
    assert missing == []


def test_a_metric_label_keeps_the_scenario_currency_and_its_note():
    assert metric_label("total_cost_per_consignment (USD per consignment), agency + trader") == (
        "每票总成本（USD/票），政府部门 + 企业")
    assert metric_label("clearance_h_p90 (hours)") == "海关通关时间第 90 百分位（小时）"
    assert metric_label("clearance_h_p90 (hours), a note nobody wrote") is None
    assert text("clearance_h_p90 (hours) [95 % CI]") == (  # (a sweep's column)
        "海关通关时间第 90 百分位（小时） [95% 置信区间]")


def test_a_line_the_glossary_cannot_put_whole_is_left_in_english_whole():
    line = "import clearance: 28.1 s shorter (95 % CI 20.7 to 35.6); and more besides"
    assert text(line) is None
    assert text("import clearance: 28.1 s shorter (95 % CI 20.7 to 35.6)") == (
        "进口海关通关时间：缩短 28.1 秒（95% 置信区间 20.7 至 35.6）")
    assert text("of which the traders' (fees and time): 0.10 USD less (95 % CI 0.07 to 0.13)") == (
        "其中企业（付费与时间）：减少 0.10 USD（95% 置信区间 0.07 至 0.13）")
    assert text("duty evaded a year (illicit goods never found, before release or after it; the "
                "duty rates and the hidden truth are assumptions): no change (the same in every "
                "replication)") == (
        "偷逃税款（年）（放行前后均未被发现的违规货物；税率与真实情况均为假设）：无变化"
        "（每次重复运行结果相同）")
    # (a name in the line is no English left: the reform's, a field's)
    from sim.experiment.compare_notes import uncosted_words

    said = text("of which the agencies': no clear change (-0.08 USD; 95 % CI -0.33 to 0.17); "
                f"but {uncosted_words(['direct_pickup'])}")
    assert said is not None and said.endswith("或在之后做效益成本分析时给出每年运行成本")


def test_an_options_unpriced_capacity_and_its_unsteady_baseline_are_in_chinese():
    """A bonded zone's Chinese report of a transit desk's staffing kept two lines in English:
    the option's heading whose baseline did not settle, and the page's note that no price
    reaches the desk (``note: OPTION: MESSAGE``, said as the console's coded note)."""
    from sim.cli_lang import line
    from sim.scenario.dormant import unpriced
    from sim.scenario.loader import load_scenario

    assert text("desk4 (its baseline is not steady-state: read with care)") == (
        "desk4（其基准方案非稳态：请谨慎解读）")
    default = load_scenario(REPO / "scenarios" / "default.toml")
    why = unpriced(default, ["ports.sea_port.transit.desk.capacity"])[0]
    said = text(f"note: desk4: {why}")
    assert said == line(f"note (desk4): {why}", "zh") and "转关关员" in said, said
    assert text("note: desk4: a sentence that no code knows, in English") is None


def test_a_replications_coded_warning_in_the_stability_section_is_in_chinese():
    """As the console says the warning (its code's Chinese), after the replications it is of;
    one no code knows stays English, whole."""
    from sim.cli_lang import line

    message = ("smuggling group tobacco_ring had not settled when observation began: "
               "lengthen the warm-up")
    said = line("warning: " + message, "zh")
    assert said.startswith("警告：")
    assert text(f"rep-0001, rep-0002: {message}") == (
        "重复运行 rep-0001、rep-0002：" + said.removeprefix("警告："))
    assert text(f"rep-0003: {message}") == "重复运行 rep-0003：" + said.removeprefix("警告：")
    assert text("rep-0001: a sentence that no code knows, in English") is None


def test_the_chinese_page_has_its_language_its_labels_and_the_same_numbers(folder, tmp_path):
    english = render_folder(folder)
    assert translate(english, "en") is english
    page = translate(english, "zh")
    en, zh = _Texts(english), _Texts(page)
    assert (en.lang, zh.lang) == ("en", "zh-CN")
    labels = [t for tag, t in zh.texts if tag in ("title", "h1", "h2", "h3", "th", "abbr", "b")]
    english_left = [t for t in labels if not _CJK.search(t) and re.search(r"[a-z]{3}", t)]
    assert english_left == ["review4"]  # (the option's own name)
    assert "引用数据前请先阅读" in labels and "海关通关时间均值（小时）" in labels
    assert sum(1 for tag, t in zh.texts if tag == "li" and "运行时间过短" in t) == 1
    said = [t for tag, t in zh.texts if tag == "li" and t.startswith("重复运行 rep-0000：口岸 sea")]
    assert said  # (a replication's warning of the Stability section)
    for start in ("影响范围：", "各类违规货物查出率", "查扣情况（基准方案"):  # (the headline's)
        assert any(t.startswith(start) for tag, t in zh.texts if tag == "li"), start
    # the figures: every number of the English page's texts, as many times, in the Chinese
    numbers = [Counter(n for _, t in p.texts for n in _NUMBER.findall(t)) for p in (en, zh)]
    assert numbers[1] - numbers[0] == Counter()
    assert numbers[0] - numbers[1] == Counter()
    cells = [[t for tag, t in p.texts if tag == "td" and _NUMBER.fullmatch(t)] for p in (en, zh)]
    assert cells[0] == cells[1] and len(cells[0]) > 50
    attrs = [re.findall(r"data-[a-z-]+=\"[^\"]*\"", p) for p in (english, page)]
    assert attrs[0] == attrs[1]


def test_report_lang_zh_writes_the_chinese_page_and_english_stays_the_default(folder, tmp_path):
    assert main(["report", str(folder), "--out", str(tmp_path / "en.html")]) == 0
    assert main(["report", str(folder), "--lang", "zh", "--out", str(tmp_path / "zh.html")]) == 0
    english = (tmp_path / "en.html").read_text(encoding="utf-8")
    assert english == render_folder(folder)
    assert "<html lang='en'>" in english and "lang='zh-CN'" not in english
    chinese = (tmp_path / "zh.html").read_text(encoding="utf-8")
    with plots_in("zh"):  # (and, where no font draws Chinese, the note under a plot)
        assert chinese == noted(translate(english, "zh")) and "<html lang='zh-CN'>" in chinese
    with pytest.raises(ValueError, match="'fr' is not one of en, zh"):
        translate(english, "fr")
    assert PHRASES["Results"] == "结果"


def test_the_docs_page_lists_every_term_of_the_glossary():
    from sim.report.zh_glossary import TERMS

    page = (REPO / "docs" / "reports-zh.md").read_text(encoding="utf-8")
    missing = [en for en, zh in TERMS.items() if f"| {en} | {zh} |" not in page]
    assert missing == []
    assert "(reports-zh.md)" in (REPO / "docs" / "README.md").read_text(encoding="utf-8")


def test_the_chinese_page_goes_beside_the_english_one_in_the_folder(folder, tmp_path):
    import shutil

    copy = tmp_path / "c"
    shutil.copytree(folder, copy)
    english = (copy / "report.html").read_bytes()
    assert main(["report", str(copy), "--lang", "zh"]) == 0
    assert (copy / "report.html").read_bytes() == english  # (the English page is kept)
    chinese = (copy / "report-zh.html").read_text(encoding="utf-8")
    assert "<html lang='zh-CN'>" in chinese
    assert main(["report", str(copy), "--lang", "zh"]) == 0  # (it replaces its own page)
    assert main(["report", str(copy), "--check"]) == 0  # (and the folder is still whole)


@pytest.mark.parametrize("page, terms", [
    ("resident-lane.md", ["border-resident trade", "per-resident daily duty-free allowance",
                          "border-resident card", "border residents' mutual-aid group",
                          "landing processing of resident-trade imports"]),
    ("counterfeits.md", ["detained", "recordation of an IPR with customs",
                         "ex officio protection (recorded rights)",
                         "protection on the right holder's application"]),
    ("air-cargo.md", ["air waybill", "ULD breakdown", "shelf life", "cold chain"]),
])
def test_the_new_feature_pages_name_their_terms_in_chinese(page: str, terms: list[str]):
    """A customs reader checks a page's terms against China Customs' own: each page gives
    the glossary's Chinese for its domain terms (a line break may fall inside a term)."""
    from sim.report.zh_glossary import TERMS

    text = (REPO / "docs" / page).read_text(encoding="utf-8").replace("\n", "")
    assert [t for t in terms if TERMS[t] not in text] == []


def test_without_a_chinese_font_the_page_says_once_under_its_first_plot(folder, tmp_path,
                                                                      monkeypatch):
    """Its plots keep their English words (never boxes); the English page says nothing."""
    import sim.report.plot_font as plot_font
    from sim.report.plot_lang import NOTE

    monkeypatch.setattr(plot_font, "chinese_font", lambda: None)
    assert main(["report", str(folder), "--lang", "zh", "--out", str(tmp_path / "zh.html")]) == 0
    page = (tmp_path / "zh.html").read_text(encoding="utf-8")
    first = page.index("<img ")
    assert page.count(NOTE) == 1 and page.index(NOTE) == page.index(">", first) + 1
    assert "其余说明性段落（及图中文字）" in page or "data-untranslated" not in page
    assert main(["report", str(folder), "--out", str(tmp_path / "en.html")]) == 0
    assert NOTE not in (tmp_path / "en.html").read_text(encoding="utf-8")


def test_a_ports_mode_of_transport_is_chinese_and_its_name_stays(folder):
    """The scenario's table of ports and Trading across Borders say each port's mode in
    Chinese (sea: 海运), while a port named like a mode (the small scenario's ``sea``)
    keeps its name in the cell beside it."""
    from sim.report.zh_glossary import MODES

    page = translate(render_folder(folder), "zh")
    modes = re.findall(r"<td class='mode'>([^<]*)</td>", page)
    assert len(modes) >= 2 and set(modes) <= set(MODES.values()), modes
    assert "<tr><td>sea</td><td class='mode'>海运</td>" in page
