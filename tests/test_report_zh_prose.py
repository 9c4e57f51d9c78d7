"""The Chinese report page (``bordersim report --lang zh``) leaves no English prose: built once
for the shortest runs of the bundled scenarios that still show the sections with notes
beneath them (the default scenario compared with an option: costs, enforcement, who gains,
where the time goes, the Time Release Study, Trading across Borders, cost against detection;
the Beilun border: smuggling; the Guangdong dumbbell: the organisation), its figures not
drawn (as in every test). Three Latin words in a row are prose unless they are tokens the page
keeps on purpose: code, an identifier or file name, a figure, a name the scenario or the
command gave (its description, ports, options, structures), or one of :data:`KEPT`."""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from sim.cli import main
from sim.report.folder_report import render_folder
from sim.report.translate import text, translate
from sim.scenario.loader import load_scenario
from tests.short_runs import short_run

REPO = Path(__file__).resolve().parents[1]
SCENARIOS = REPO / "scenarios"
#: each run's replications and days: the fewest that still show its sections' notes
SHORT = {"default": ["--reps", "1", "--days", "0.1"],
         "beilun-border": ["--reps", "1", "--days", "0.5"],
         "guangdong-dumbbell": ["--reps", "1", "--days", "0.1"]}
#: Latin words a Chinese page keeps: a programme's and a correction's names, and the names
#: the runs below gave (the options and the organisation's structures)
KEPT = frozenset({"Doing", "Business", "Holm", "baseline", "fast", "spindle", "hybrid",
                  "dumbbell"})
#: an identifier, a file name, a path, a setting or a figure by its form (kept as written)
_TOKEN = re.compile(r"\S*[_./=0-9-]\S*")
#: three Latin words in a row, two letters or more each: a phrase of English prose
_PROSE = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'()]+[A-Za-z]{2,}){2,}")


class _Texts(HTMLParser):
    """Each text of the page outside ``<style>`` and ``<code>``."""

    def __init__(self, page: str):
        super().__init__()
        self.stack: list[str] = []
        self.texts: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if data.strip() and not {"style", "code"} & set(self.stack[-1:]):
            self.texts.append(data.strip())


def _own_words(scenario: str) -> set[str]:
    """What the scenario file says in its own words (its description, its ports' labels)."""
    s = load_scenario(scenario)
    return {s.description, *(p.label for p in s.ports.values())} - {"", None}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    """Each short run's results folder."""
    tmp = tmp_path_factory.mktemp("zh-prose")
    runs = {
        "default": ["compare", "--no-report", "--option", "fast:ports.sea_port.review.capacity=8"],
        "beilun-border": ["run"], "guangdong-dumbbell": ["run"],
    }
    out = {}
    for name, (command, *option) in runs.items():
        scenario = short_run(tmp, SCENARIOS / f"{name}.toml")
        assert main([command, scenario, *option, *SHORT[name], "--out", str(tmp / name)]) == 0
        out[name] = tmp / name
    return out


@pytest.fixture(scope="module")
def english(runs) -> dict[str, str]:
    """Each short run's English page (undrawn: tests/conftest.py)."""
    return {name: render_folder(folder) for name, folder in runs.items()}


@pytest.fixture(scope="module")
def pages(english) -> dict[str, list[str]]:
    out = {}
    for name, page in english.items():
        own = _own_words(str(SCENARIOS / f"{name}.toml"))
        out[name] = chinese_texts(translate(page, "zh"), own)
    return out


def chinese_texts(page: str, own: Collection[str] = ()) -> list[str]:
    """The texts of a Chinese page but the scenario's own words and the command line."""
    return [t for t in _Texts(page).texts if t not in own and not t.startswith(
        "bordersim ")]  # (the command line, as typed)


def _prose(text: str) -> list[str]:
    kept = " ".join(w for w in _TOKEN.sub(" ", text).split() if w.strip(",;:'()") not in KEPT)
    return _PROSE.findall(kept)


@pytest.mark.parametrize("name, shown", [
    ("default", ["企业时间包括", "仅计至放行", "货物放行时间研究的分段用时", "营商环境报告",
                 "每票总成本", "到港批次中", "企业的支出", "本方案改变的口岸", "全部口岸合计"]),
    ("beilun-border", ["绕过海关的货物", "各走私团伙对每条路线的判断", "各走私团伙的货物逐周去向"]),
    ("guangdong-dumbbell", ["按层级列出各单位", "请示上报至批复时间", "提示：organisation"]),
])
def test_the_chinese_page_has_its_notes_and_no_english_prose(pages, name, shown):
    texts = pages[name]
    english = {t[:120]: found for t in texts if (found := _prose(t))}
    assert english == {}, f"{name}: English prose left in the Chinese page"
    missing = [s for s in shown if not any(s in t for t in texts)]
    assert missing == [], f"{name}: sections not shown (or not in Chinese)"


def test_a_run_of_english_words_is_prose_but_a_kept_token_is_not():
    assert _prose("Units by level with their staff") != []
    assert _prose("说明 value_slipped_total 与 trading-across-borders.csv（Doing Business）") == []
    assert _prose("方案 baseline, fast 在部分重复运行中") == []
    assert _prose("--set risk.target=0.05 --set risk.window=10（spindle 0.03, hybrid 0.02）") == []


def test_a_replications_empty_days_are_said_in_chinese_in_the_first_section_and_the_warnings():
    line = ("run: no consignment arrived in the observed days of 1 of its 2 replications: there "
            "is nothing to measure there (see What was run).")
    assert text(line) == ("本次运行：2 次重复运行中有 1 次在观测期内没有货物到港，没有可测量的数据"
                          "（见“运行设置”）。")
    assert text(line.replace("run:", "fast:", 1)).startswith("方案 fast：2 次重复运行中有 1 次")
    warned = text("warning (run): no consignment arrived in the observed days of 1 of its 2 "
                  "replications: there is nothing to measure there, so its times, shares and "
                  "rates are blanks (counts 0), not figures; check its arrival rates, or run "
                  "longer (--days)")
    assert warned is not None and warned.startswith("警告（本次运行）：观测期内没有货物到港")
    assert text("note: a line no code knows, said in English") is None  # (left whole)


def test_the_risk_engines_and_the_interactions_notes_are_in_chinese():
    """Notes of sections the short runs above do not show (an engine set to a target; options
    combined), their English taken from the code that writes the page."""
    from sim.experiment.compare import QUANTILE_INTERACTION
    from sim.report.risk_section import risk_section

    interactions = ("(A+B) \u2212 A \u2212 B + baseline: zero when the effects of the parts "
                    f"simply add up. \u2020 {QUANTILE_INTERACTION}.")
    engine = next(c for c in risk_section.__code__.co_consts
                  if isinstance(c, str) and c.startswith("<p class='note'>What the engine"))
    engine = engine.removeprefix("<p class='note'>").removesuffix("</p>")
    from sim.report.risk_section import OFF

    for english in (interactions, engine, OFF):
        assert _prose(text(english) or english) == [], english[:60]
    scores = text("The AUC its scores reached against the hidden truth (0.5 chance, 1 perfect), "
                  "mean over replications: baseline 0.712, fast 0.700.")
    assert scores is not None and scores.endswith("基准方案 0.712，fast 0.700。")


def test_who_gains_says_in_chinese_the_consignments_it_leaves_out(english):
    """Who gains' note where an option changes arrivals: the default comparison's note with
    the counts the page appends, by option, port and direction; a where the glossary has no
    words for leaves the note whole in English."""
    from sim.report.html import _unpaired_note
    from sim.report.zh_glossary import VALUES

    note = re.search(r"<p class='note'>(Each consignment of the arrival cohort[^<]*)</p>",
                     english["default"])
    assert note is not None
    unpaired = {"fast": {"sea_port/import": [12, 3400], "land_port/export": [3, 50]},
                "b.2": {"sea_port/export": [1, 2]}}
    left = html.unescape(_unpaired_note(SimpleNamespace(meta={"unpaired": unpaired})))
    zh = text(html.unescape(note[1]) + left)
    assert zh is not None and _prose(zh) == [], left
    for option, by in unpaired.items():
        for where, (n, total) in by.items():
            port, direction = where.split("/")
            said = f"方案 {option} 在口岸 {port}（{VALUES['direction'][direction]}）{total:,} 票"
            assert f"{said}中的 {n:,} 票" in zh, (option, where)
    assert text(html.unescape(note[1]) + left.replace("/export", "/transit")) is None


def _note(function: object, start: str) -> str:
    """A note's English as the code that writes the page holds it, without its tags."""
    code = function.__code__  # type: ignore[attr-defined]
    const = next(c for c in code.co_consts if isinstance(c, str) and start in c)
    return html.unescape(re.sub(r"<[^>]+>", "", const))


def test_an_older_folders_notes_and_a_sweeps_unseen_notes_are_in_chinese():
    """Notes the short runs and the sweep's test do not show: milestone intervals or point
    files written by an older version, the Sobol indices' note, the PRCC table's cells."""
    from sim.report import prcc_section, sections, sweep_html

    notes = [_note(sections.intervals_section, "older version"),
             _note(sweep_html.render_sweep, "carried a checksum"),
             _note(sweep_html.sobol_table, "An index lies"),
             f"({_note(prcc_section._cell, 'in rank order')})", "[no interval]"]
    for english in notes:
        zh = text(english)
        assert zh is not None and _prose(zh) == [], english[:60]
        assert re.search("[\u4e00-\u9fff]", zh), english[:60]


def test_a_setting_that_replaces_a_rival_gives_the_rivals_old_value_in_chinese():
    """The rival's old value by what it is: an hourly profile by its count and range, a
    list by what it holds and its length, another as written."""
    from sim.scenario.patch import displaced

    lane = {"ports": {"p": {"review": {"shifts": [{"start": 8, "end": 16, "servers": 4}],
                                       "schedule": [2] * 20 + [8] * 4, "capacity": 3}}}}
    seen = 0
    for setting, rival, old in (("capacity", "shifts", "列表（shifts），共 1 项"),
                                ("shifts", "capacity", " 3"),  # (a figure: spaced)
                                ("capacity", "schedule",
                                 "逐时值曲线，共 24 个逐时值，介于 2 至 8")):
        for note in displaced(lane, {f"ports.p.review.{setting}": 5}):
            if not note.split(" (")[0].endswith(f".{rival}"):
                continue
            zh = text("note: " + note)
            assert zh is not None and f"ports.p.review.{rival} 原为{old}" in zh, note
            seen += 1
    assert seen == 3


def test_the_command_line_is_not_counted_as_english_left_but_a_paragraph_is():
    """The page's first line counts the texts left in English: not the command line, kept
    as typed on purpose."""
    command = "<td>bordersim sweep small.toml --lhs 7 --reps 2</td>"
    assert "data-untranslated" not in translate(f"<body>{command}", "zh")
    assert "data-untranslated='1'" in translate(
        f"<body>{command}<p>A paragraph no glossary knows.</p>", "zh")


def test_the_chinese_page_says_each_route_by_its_label_with_its_id(runs, tmp_path):
    """A route's metrics name it by the label the scenario gives it, the id beside it (to
    find the route's table in the scenario); the rows keep the metric's name to join on."""
    from sim.report.folder_report import write_folder_report

    page = write_folder_report(runs["beilun-border"], tmp_path / "zh.html", "zh").read_text(
        encoding="utf-8")
    scenario = load_scenario(SCENARIOS / "beilun-border.toml")
    for route, r in scenario.smuggling.routes.items():
        said = f"走私企图数（路线 {html.escape(r.label_zh)}，{route}）"
        assert said in page and f"data-metric=\"smuggling_attempts_route_{route}\"" in page
    assert "（路线 beilun_river）" not in page
    for port, p in scenario.ports.items():  # (the table of ports: its Chinese name)
        assert f"<tr><td>{port}</td>" in page and f"<td>{p.label_zh}</td></tr>" in page
        assert f"<td>{html.escape(p.label)}</td></tr>" not in page


def test_the_chinese_workbook_says_each_commodity_by_its_label_zh(runs):
    """beilun-border names its commodities in Chinese: the workbook's metrics of a commodity
    say it so, its id beside it, and none by its id alone."""
    from sim.report.workbook_sheets import sheets

    table = next(s.table for s in sheets(runs["beilun-border"], "run", "zh")
                 if s.source == "summary.csv")
    said = [str(w) for w in table["指标"]]
    scenario = load_scenario(SCENARIOS / "beilun-border.toml")
    for key, commodity in scenario.commodities.items():
        assert commodity.label_zh and any(
            w.startswith(f"商品类别 {commodity.label_zh}（{key}）") for w in said), key
        assert not [w for w in said if w.startswith(f"商品类别 {key} ")], key
    assert all(g.label_zh for g in scenario.smuggling.groups.values())


def test_a_port_or_route_without_a_chinese_label_is_said_by_its_label(tmp_path):
    """A Chinese page says a port (its table of ports) or a route by its ``label_zh`` where
    the folder's scenario gives one, else by its English ``label`` as before."""
    import json

    from sim.report.place_names import chinese_ports
    from sim.report.route_labels import route_labels
    from sim.report.sections import scenario_section

    scenario = {"ports": {"dongxing": {"mode": "land", "label": "Dongxing & bridge",
                                       "label_zh": "东兴口岸"},
                          "qinzhou": {"mode": "sea", "label": "Qinzhou port"}},
                "smuggling": {"routes": {"river": {"label": "Night crossings",
                                                   "label_zh": "夜渡北仑河"},
                                         "road": {"label": "By road"}}}}
    (tmp_path / "scenario.json").write_text(json.dumps(scenario), encoding="utf-8")
    assert route_labels(tmp_path, "run", "zh") == {"river": "夜渡北仑河", "road": "By road"}
    assert route_labels(tmp_path, "run", "en") == {"river": "Night crossings", "road": "By road"}
    section = scenario_section({"run": SimpleNamespace(scenario=scenario)})  # type: ignore[dict-item]
    said = chinese_ports(translate("".join(section), "zh"), tmp_path, "run")
    assert "<tr><td>dongxing</td>" in said and "<td>东兴口岸</td></tr>" in said
    assert "Dongxing &amp; bridge" not in said and "<td>Qinzhou port</td></tr>" in said


def test_the_chinese_headline_says_where_smuggling_went_by_the_routes_labels():
    """The headline's lines on where attempts went and on deterred or displaced name each
    route by its label, its id beside it; code (a setting's path) keeps the id alone."""
    from sim.report.headline import _routes
    from sim.report.headline_moves import deterred_or_displaced
    from sim.report.route_labels import labelled_page

    def row(mean: float, low: float, high: float) -> dict[str, float]:
        return {"mean": mean, "shown_low": low, "shown_high": high}

    rows = {("patrols", "smuggling_attempts_route_beilun_river"): row(-12.0, -14.5, -9.5),
            ("patrols", "smuggling_attempts_route_dongxing_road"): row(10.0, 8.0, 12.0),
            ("patrols", "attempts_deterred"): row(2.0, 1.0, 3.0),
            ("patrols", "smuggling_opportunities"): row(0.0, 0.0, 0.0)}
    lines = [_routes(rows, "patrols"), deterred_or_displaced(rows, "patrols", 14)]
    page = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    page += "<code>smuggling.routes.beilun_river.patrol</code>"
    labels = {"beilun_river": "Night crossings", "dongxing_road": "A & B"}
    said = labelled_page(translate(page, "zh"), labels)
    assert "data-untranslated" not in said
    assert said.count("Night crossings（beilun_river）减少") == 2
    assert "A &amp; B（dongxing_road）增加 10.0" in said
    assert "（A &amp; B（dongxing_road） 10.00）" in said
    assert "<code>smuggling.routes.beilun_river.patrol</code>" in said
    # (a route whose id ends another's is not found inside it)
    assert "（river）" not in labelled_page(translate(page, "zh"), {"river": "R"})


def test_a_route_named_by_a_plain_word_is_not_taken_for_english(tmp_path):
    """A route whose id is a plain word (``river``, ``road``) is a name the folder declares:
    the headline's line on where smuggling attempts went is still put in Chinese."""
    import json

    from sim.report.headline import _routes
    from sim.report.place_names import declared_names

    rows = {("patrols", f"smuggling_attempts_route_{r}"): {
        "mean": d, "shown_low": d - 1, "shown_high": d + 1} for r, d in (("river", -9.0),
                                                                         ("road", 6.0))}
    page = f"<body><li>{html.escape(_routes(rows, 'patrols'))}</li>"
    options = {"options": [{"name": "baseline"}, {"name": "patrols"}]}
    (tmp_path / "compare.json").write_text(json.dumps(options), encoding="utf-8")
    for name in ("baseline", "patrols"):
        (tmp_path / "options" / name).mkdir(parents=True)
        routes = {"river": {"kind": "river"}, "road": {"kind": "other"}}
        scenario = {"ports": {"sea": {"mode": "sea"}}, "smuggling": {"routes": routes}}
        (tmp_path / "options" / name / "scenario.json").write_text(json.dumps(scenario))
    names = declared_names(tmp_path, "compare")
    assert names == {"sea", "river", "road", "baseline", "patrols"}
    said = translate(page, "zh", names)
    assert "data-untranslated" not in said and "走私企图去向" in said
    assert "river 减少 9.0（" in said and "road 增加 6.00（" in said
    assert "data-untranslated" in translate(page, "zh", names - {"river"})
