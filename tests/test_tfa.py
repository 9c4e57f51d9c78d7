"""The reform library tagged with the WTO Trade Facilitation Agreement's measures
(``sim.reforms.tfa``): every reform has an entry, every article named is in the table,
``bordersim reforms --tfa`` groups them, and ``bordersim tfa RESULTS_DIR`` sets a
comparison's options' articles beside their paired change in release time."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from sim.cli import main
from sim.reforms import REFORMS
from sim.reforms.tfa import ARTICLES, TAGS, articles_of, by_article, describe
from sim.report.tfa_changes import tfa_changes

SMALL = str(Path(__file__).parent / "scenarios" / "small.toml")
FAST = ["--days", "2", "--reps", "2", "--set", "warmup_days=1", "--set", "drain_days=3",
        "--no-report"]


def test_every_reform_of_the_library_has_a_tfa_entry_and_no_other():
    assert set(TAGS) == set(REFORMS), (
        f"untagged: {sorted(set(REFORMS) - set(TAGS))}; "
        f"tagged but not in the library: {sorted(set(TAGS) - set(REFORMS))}")


def test_every_article_named_is_in_the_table_with_a_reason():
    for name, tag in TAGS.items():
        assert tag.why.strip() and "\n" not in tag.why and len(tag.why) <= 200, name
        for article in (*tag.articles, *tag.bears_on):
            assert article in ARTICLES, f"{name}: Art. {article} is not in ARTICLES"
        assert not set(tag.articles) & set(tag.bears_on), name
        for cited in re.findall(r"Art\. ([0-9.]*[0-9])", tag.why):  # (in a reason too)
            assert cited in ARTICLES, f"{name}'s reason cites Art. {cited}, not in ARTICLES"
    # Section I of WT/L/940 has Articles 1 to 12 of measures (13: institutional arrangements)
    for article in ARTICLES:
        assert re.fullmatch(r"\d+(\.\d+)?", article) and 1 <= int(article.split(".")[0]) <= 13


def test_reforms_are_grouped_by_article_in_the_texts_order():
    groups = by_article()
    assert list(groups)[-1] == "" and "dumbbell" in groups[""]
    order = list(groups)[:-1]
    assert order.index("8.1") < order.index("10.1") < order.index("10.4") < order.index("12")
    assert groups["7.1"] == ["advance_declaration"] and groups["10.4"] == ["single_window"]
    assert "two_step_declaration" in groups["7.3"] and "risk_based_audit" in groups["7.5"]
    placed = {n for names in groups.values() for n in names}
    assert placed == set(TAGS)


def test_the_articles_of_a_composition_as_a_comparison_records_it():
    found, unknown = articles_of("single_window:uptake=0.8+advance_declaration@60d")
    assert found == ["7.1", "10.4"] and unknown == []
    assert articles_of("training>dumbbell") == ([], [])
    assert articles_of("single_window+gone_reform") == (["10.4"], ["gone_reform"])
    assert describe("single_window").startswith("Art. 10.4 Single window: ")
    assert "bears on Art. 5.1" in describe("epidemic")


def test_a_credit_downgrade_implements_no_article():
    """credit_downgrade downgrades general traders: the reverse of Art. 7.7's measures for
    authorized operators, so it is tagged with none, as is a comparison recorded before it
    had its name (aeo_mutual_recognition:into=discredited); certification (into an AEO
    class, or by default) keeps the article."""
    assert articles_of("credit_downgrade:shift=0.01") == ([], [])
    assert articles_of("credit_downgrade@60d+single_window") == (["10.4"], [])
    assert articles_of("aeo_mutual_recognition:shift=0.01,into=discredited") == ([], [])
    assert articles_of("aeo_mutual_recognition:into=discredited@60d+single_window") == (
        ["10.4"], [])
    for certified in ("aeo_mutual_recognition", "aeo_mutual_recognition:into=aeo_general"):
        assert articles_of(certified) == (["7.7"], [])


def test_reforms_tfa_lists_every_reform_under_its_articles(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    assert main(["reforms", "--tfa"]) == 0
    out = capsys.readouterr().out
    assert "not an official classification" in out
    block = out.split("Art. 10.4 Single window\n", 1)[1].split("\n\n", 1)[0]
    assert block.split() [0] == "single_window"
    none = out.split("\nNo TFA measure\n", 1)[1]
    assert "ecommerce_surge" in none and "advance_declaration" not in none
    assert all(re.search(rf"^  {n} ", out, re.M) for n in REFORMS)
    assert main(["reforms", "single_window", "--tfa"]) == 2
    assert "--tfa lists every reform" in capsys.readouterr().err
    assert main(["reforms", "advance_declaration"]) == 0
    assert "WTO TFA: Art. 7.1 Pre-arrival processing" in capsys.readouterr().out


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tfa") / "c"
    assert main(["compare", SMALL, *FAST, "--reforms", "advance_declaration+single_window",
                 "--option", "more:ports.sea.scan.scanners.capacity=3", "--out", str(out)]) == 0
    return out


def test_tfa_sets_each_options_articles_beside_its_change_in_release_time(
        compared, capsys, tmp_path):
    capsys.readouterr()
    csv = tmp_path / "tfa.csv"
    assert main(["tfa", str(compared), "--csv", str(csv)]) == 0
    out = capsys.readouterr().out
    assert "advance_declaration+single_window\n  WTO TFA: Art. 7.1 Pre-arrival processing; " \
        "Art. 10.4 Single window" in out
    assert "more\n  WTO TFA: not a reform of the library" in out
    table = pd.read_csv(csv).query("block == 'release_time'").rename(columns={
        "baseline_value": "baseline_h", "option_value": "option_h", "change": "change_h"})
    arts = table.drop_duplicates("option").set_index("option")["tfa_articles"]
    assert arts["advance_declaration"] == "7.1" and arts["single_window"] == "10.4"
    assert arts["advance_declaration+single_window"] == "7.1; 10.4"
    assert set(table["goods"]) == {"all", "imports", "exports"}
    assert set(table["statistic"]) == {"mean", "median"}
    diffs = pd.read_csv(compared / "differences.csv").set_index(["option", "metric"])
    for _, r in table.iterrows():  # the folder's own paired difference and interval
        d = diffs.loc[(r["option"], r["metric"])]
        assert (r["change_h"], r["ci_low"], r["ci_high"]) == (d["mean"], d["ci_low"],
                                                              d["ci_high"])
        assert r["ci_low"] <= r["change_h"] <= r["ci_high"]
    means = table[table["statistic"] == "mean"]  # (a paired mean: of the same replications)
    assert ((means["option_h"] - means["baseline_h"]) - means["change_h"]).abs().max() < 1e-9
    cut = table[(table["option"] == "advance_declaration") & (table["metric"] ==
                                                             "clearance_h_mean_import")]
    assert float(cut["change_h"].iloc[0]) < 0  # pre-arrival processing: released sooner


def test_tfa_refuses_a_folder_that_is_not_a_comparison(tmp_path, capsys):
    run, sweep, half = tmp_path / "run", tmp_path / "sweep", tmp_path / "half"
    for folder in (run, sweep, half):
        folder.mkdir()
    (run / "meta.json").write_text("{}")
    (sweep / "meta.json").write_text(json.dumps({"kind": "sweep"}))
    (half / "compare.json").write_text(json.dumps({"options": [
        {"name": "baseline", "reform": ""}, {"name": "single_window",
                                             "reform": "single_window"}]}))
    for folder, said in ((run, "is a run's results folder, not a comparison's"),
                         (sweep, "is a sweep's results folder, not a comparison's"),
                         (tmp_path / "nothing", "does not exist, not a results folder"),
                         (half, f"{half / 'differences.csv'} is missing")):
        assert main(["tfa", str(folder)]) == 2
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err, err


def test_the_docs_pages_table_is_the_mapping():
    page = (Path(__file__).resolve().parents[1] / "docs" / "tfa.md").read_text()
    rows = re.findall(r"^\| (\d+(?:\.\d+)?) ([^|]*) \| (.*) \|$", page, re.M)
    table = {a: re.findall(r"`([a-z_]+)`", names) for a, _, names in rows}
    assert table == {a: n for a, n in by_article().items() if a}, "docs/tfa.md is stale"
    titles = {a: title for a, title, _ in rows}
    assert titles == {a: ARTICLES[a] for a in titles}, "docs/tfa.md's titles are not the table's"


def test_an_empty_significance_cell_is_not_read_as_significant(compared, tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(compared, folder)
    diffs = pd.read_csv(folder / "differences.csv")
    assert diffs["significant"].any()  # (some change is significant: the test can fail)
    diffs["significant"] = None  # (not judged: an empty cell)
    diffs.to_csv(folder / "differences.csv", index=False)
    table = tfa_changes(folder)
    assert not table["significant"].any()


def test_tfa_is_said_in_chinese_under_lang_zh(compared, capsys, tmp_path):
    from sim.report.zh_tfa import TITLES
    from tests.test_cli_lang_notes import english_left

    capsys.readouterr()
    assert main(["tfa", str(compared), "--lang", "zh", "--csv", str(tmp_path / "t.csv")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("海关通关时间（到港至放行，小时）：各方案相对基准方案的配对差值")
    assert ("advance_declaration+single_window\n  《贸易便利化协定》：第7.1条 抵达前业务办理；"
            "第10.4条 单一窗口\n") in out
    assert "more\n  《贸易便利化协定》：不是改革库中的改革\n" in out
    assert "均值，全部货物" in out and " 至 " in out and "95% 置信区间" in out
    kept = [ARTICLES[a] for a, (_, zh) in TITLES.items() if zh is None]
    assert "尚无中文" not in out and english_left(out) == [] and not any(k in out for k in kept)
    assert err.startswith("各方案的《贸易便利化协定》条款、放行时间及各阶段时间、在各时限内"
                          "及到港即放行的比例及跨境贸易指标：")
    assert "申报至放行，进口" in out and "24 小时内放行，出口" in out


def test_goods_neither_run_released_are_said_so_not_shown_as_an_empty_interval():
    """A comparison without exports printed ``mean, exports`` with blank figures and an
    interval of ``to`` alone (``至`` in Chinese)."""
    from sim.cli_zh_tfa import lines
    from sim.report.tfa_changes import COLUMNS, NONE_RELEASED, tfa_lines

    nan = float("nan")
    rows = [["single_window", "single_window", "10.4", "clearance_h_mean", "mean", goods, *cells,
             2, False, ""] for goods, cells in (("imports", (0.64, 0.5, -0.14, -0.2, -0.08)),
                                                ("exports", (nan,) * 5))]
    table = pd.DataFrame(rows, columns=COLUMNS)
    english, chinese = tfa_lines(table), lines(table)
    assert english[-2].endswith("-0.20 to -0.08") and chinese[-2].endswith("-0.20 至 -0.08")
    assert english[-1] == f"  {'mean, exports':<16}{NONE_RELEASED}"
    assert chinese[-1].endswith("基准方案和本方案均无此类货物放行：没有数据")
    assert not any(line.rstrip().endswith((" to", " 至")) for line in english + chinese)


def test_tfa_gives_each_options_change_in_the_world_banks_measures(compared, capsys):
    """After the release times, the baseline's documentary and border compliance time and
    cost at each port and direction, then each option's paired change as the folder's
    trading-across-borders.csv holds it (not its level)."""
    capsys.readouterr()
    assert main(["tfa", str(compared)]) == 0
    out = capsys.readouterr().out
    block = out[out.index("trading across borders (World Bank"):].split("\n\n")
    t = pd.read_csv(compared / "trading-across-borders.csv")
    t = t[t["dimension"] == "port_direction"].set_index(["option", "group"])
    options = list(dict.fromkeys(t.index.get_level_values("option")))
    assert [b.splitlines()[0] for b in block[1:]] == options and options[0] == "baseline"
    assert {"baseline", "more", "advance_declaration+single_window"} <= set(options)
    for part in block[1:]:
        name, head, *rows = part.splitlines()
        costs = ["documentary", "USD", "border", "USD"] if "documentary_cost" in t else []
        assert head.split() == ["documentary", "h", "border", "h", *costs]
        assert len(rows) == len(t.loc[name])
        for line in rows:
            group, *cells = line.split(maxsplit=1)[0], *line.split()[1:]
            r = t.loc[(name, group)]
            col = "documentary_time_h" + ("_diff" if name != "baseline" else "")
            assert cells[0] == f"{round(r[col], 2) + 0.0:{'+' if '_diff' in col else ''}.2f}"
            assert cells[1].strip("[,") == \
                f"{round(r[col + '_ci_low'], 2) + 0.0:{'+' if '_diff' in col else ''}.2f}"
    change = t.loc[("advance_declaration+single_window", "sea/import"), "documentary_time_h_diff"]
    assert change < 0  # lodged before arrival: the documents hold the goods less


def test_tfa_says_documentary_time_is_a_lower_bound_wherever_it_shows_it(compared, tmp_path,
                                                                      capsys):
    """The model counts the documents' hold on the goods after arrival, Doing Business also
    the documents prepared before: the block's heading says so in English and Chinese, and
    so does the note of every documentary time row of ``--csv`` (and of no other figure)."""
    from sim.cli_zh_tfa import TRADING_HEADING, TRADING_HEADS, TRADING_MISSING
    from sim.report.tfa_trading import trading_lines

    capsys.readouterr()
    assert main(["tfa", str(compared), "--csv", str(tmp_path / "t.csv")]) == 0
    out = capsys.readouterr().out
    heading = out[out.index("trading across borders (World Bank"):].splitlines()[0]
    assert heading.endswith("documentary time is a lower bound: only the documents' hold on "
                            "the goods after arrival counts, not documents prepared before it")
    zh = trading_lines(compared, TRADING_HEADS, TRADING_HEADING, TRADING_MISSING)
    assert "单证合规时间为下限" in zh[0] and len(zh) > 3
    t = pd.read_csv(tmp_path / "t.csv")
    t = t[t["block"] == "trading_across_borders"]
    said = t["note"].fillna("").str.contains("documentary time is a lower bound")
    documentary = t["metric"] == "documentary_time_h"
    assert documentary.sum() > 3 and said[documentary].all() and not said[~documentary].any()


def test_tfa_says_so_where_the_folder_has_no_trading_table(compared, tmp_path, capsys):
    folder = tmp_path / "old"
    shutil.copytree(compared, folder)
    (folder / "trading-across-borders.csv").unlink()
    capsys.readouterr()
    assert main(["tfa", str(folder)]) == 0
    assert "the folder has no trading-across-borders.csv" in capsys.readouterr().out
    assert main(["tfa", str(folder), "--lang", "zh"]) == 0
    assert "结果文件夹中没有 trading-across-borders.csv" in capsys.readouterr().out


def test_the_world_banks_costs_are_shown_in_the_folders_currency(tmp_path):
    """With a ``[costs]`` section the block adds the documentary and border cost, headed by
    the currency, the baseline's level and an option's change."""
    from sim.report.tfa_trading import trading_lines

    cols = ["documentary_time_h", "border_time_h", "documentary_cost", "border_cost"]
    rows = [{"option": o, "dimension": "port_direction", "group": "sea/import",
             "currency": "EUR", **{c + d: v for c in cols for d, v in (("", 2.0 + k),
                                                                      ("_diff", -1.25 * k))}}
            for k, o in enumerate(["baseline", "single_window"])]
    pd.DataFrame(rows).to_csv(tmp_path / "trading-across-borders.csv", index=False)
    out = trading_lines(tmp_path)
    assert out[2:] == ["baseline", out[3], out[4], "", "single_window", out[3], out[8]]
    assert out[3].split() == ["documentary", "h", "border", "h", "documentary", "EUR",
                              "border", "EUR"]
    assert out[4].split() == ["sea/import", "2.00", "2.00", "2.00", "2.00"]
    assert out[8].split() == ["sea/import", "-1.25", "-1.25", "-1.25", "-1.25"]


def test_the_docs_pages_list_of_unrepresented_measures_names_none_a_reform_implements():
    """The page's limits list the measures no reform represents; a paragraph listed there
    that the table gives a reform (7.9, green_lane's, once was) misleads a committee."""
    page = (Path(__file__).resolve().parents[1] / "docs" / "tfa.md").read_text()
    start = page.index("- Measures of Section I that no reform of the library represents")
    listed = page[start:page.index("\n- ", start + 1)]
    paragraphs = set(re.findall(r"\b(\d+\.\d+)\b", listed))
    assert {"5.2", "8.2"} <= paragraphs  # (the list as read)
    assert paragraphs & set(by_article()) == set(), "a measure listed as unrepresented has a reform"


def test_tfa_gives_the_share_released_on_arrival_where_the_folder_has_it(tmp_path, compared,
                                                                         capsys):
    """A comparison run with a 0 h target: each option's share released on arrival
    (``released_within_0h``), the baseline's, the option's, and the paired change with its
    interval as differences.csv holds it; without it, how to get it."""
    from sim.report.tfa_arrival import arrival_lines

    m = "released_within_0h_import"
    pd.DataFrame([{"option": "advance_declaration", "metric": m, "mean": 0.168, "ci_low": 0.134,
                   "ci_high": 0.203, "n": 2, "significant": True}]
                 ).to_csv(tmp_path / "differences.csv", index=False)
    pd.DataFrame([{"option": o, "metric": m, "mean": v} for o, v in
                  (("baseline", 0.251), ("advance_declaration", 0.419))]
                 ).to_csv(tmp_path / "summary.csv", index=False)
    out = arrival_lines(tmp_path)
    assert out[2].split() == ["advance_declaration,", "imports", "25.1", "%", "41.9", "%",
                              "+16.8", "%", "+13.4", "%", "to", "+20.3", "%", "*"]
    capsys.readouterr()
    assert main(["tfa", str(compared)]) == 0
    assert "compare with --set 'within_hours=[0]'" in capsys.readouterr().out


def _printed(x: float, sign: str, pct: bool = False) -> str:
    """A figure as ``bordersim tfa`` prints it (two decimals; a share: a percentage to one)."""
    return (f"{round(x * 100, 1) + 0.0:{sign}.1f}" if pct
            else f"{round(x, 2) + 0.0:{sign}.2f}")


def test_tfa_csv_holds_the_world_banks_measures_as_printed(compared, capsys, tmp_path):
    """``--csv`` wrote only the release times: the World Bank's measures printed after them
    were lost to an officer pasting the file. Each printed trading figure (option, port,
    direction, measure) is a row of the file, its value and interval the printed ones
    unrounded, and the release times are still there."""
    capsys.readouterr()
    csv = tmp_path / "tfa.csv"
    assert main(["tfa", str(compared), "--csv", str(csv)]) == 0
    out = capsys.readouterr().out
    table = pd.read_csv(csv)
    assert set(table["block"]) >= {"release_time", "trading_across_borders"}
    rows = table[table["block"] == "trading_across_borders"].set_index(
        ["option", "port", "goods", "metric"])
    block = out[out.index("trading across borders (World Bank"):].split("\n\n")[1:]
    seen = 0
    for part in block:
        name, head, *lines = part.splitlines()
        change = name != "baseline"
        for line in lines:
            group, *cells = line.split()
            port, _, direction = group.partition("/")
            figures = [c for c in ("documentary_time_h", "border_time_h", "documentary_cost",
                                   "border_cost") if c in set(rows.index.get_level_values(3))]
            said = re.findall(r"[-+]?\d+\.\d+", " ".join(cells))
            for k, metric in enumerate(figures):
                r = rows.loc[(name, port, direction + "s", metric)]
                value = r["change"] if change else r["baseline_value"]
                sign = "+" if change else ""
                assert said[3 * k: 3 * k + 3] == [_printed(v, sign) for v in (
                    value, r["ci_low"], r["ci_high"])], (name, group, metric)
                seen += 1
    assert seen == len(rows) and seen > 0
    means = table[(table["block"] == "release_time") & (table["statistic"] == "mean")]
    assert len(means) and (means["option_value"] - means["baseline_value"]
                           - means["change"]).abs().max() < 1e-9


def test_tfa_csv_holds_the_share_released_on_arrival_unrounded(tmp_path, compared, capsys):
    """The share released on arrival printed as a percentage is in the file as a share,
    unrounded, with its interval."""
    folder = tmp_path / "c"
    shutil.copytree(compared, folder)
    m = "released_within_0h_import"
    diffs = pd.read_csv(folder / "differences.csv")
    extra = {"option": "advance_declaration", "metric": m, "mean": 0.16812, "ci_low": 0.13437,
             "ci_high": 0.20351, "n": 2, "significant": True}
    pd.concat([diffs, pd.DataFrame([extra])]).to_csv(folder / "differences.csv", index=False)
    summary = pd.read_csv(folder / "summary.csv")
    pd.concat([summary, pd.DataFrame([{"option": o, "metric": m, "mean": v} for o, v in (
        ("baseline", 0.25104), ("advance_declaration", 0.41916))])]).to_csv(
        folder / "summary.csv", index=False)
    capsys.readouterr()
    assert main(["tfa", str(folder), "--csv", str(tmp_path / "t.csv")]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines()
                if x.startswith("  advance_declaration, imports"))
    r = pd.read_csv(tmp_path / "t.csv").query("block == 'released_on_arrival'").iloc[0]
    assert (r["option"], r["goods"], r["metric"]) == ("advance_declaration", "imports", m)
    assert (r["baseline_value"], r["option_value"], r["change"]) == (0.25104, 0.41916, 0.16812)
    assert re.findall(r"[-+]?\d+\.\d", line) == [
        _printed(r["baseline_value"], "", True), _printed(r["option_value"], "", True),
        *(_printed(r[c], "+", True) for c in ("change", "ci_low", "ci_high"))]


def test_tfa_csv_of_a_folder_without_trading_table_keeps_the_release_times(
        compared, tmp_path, capsys):
    """A comparison of an older version (no trading-across-borders.csv): the file still has
    the release times, and the printed line saying there is no such table."""
    folder = tmp_path / "old"
    shutil.copytree(compared, folder)
    (folder / "trading-across-borders.csv").unlink()
    csv = tmp_path / "t.csv"
    assert main(["tfa", str(folder), "--csv", str(csv)]) == 0
    table = pd.read_csv(csv)
    times = table[table["block"] == "release_time"]
    assert len(times) == len(tfa_changes(folder)) > 0
    missing = table[table["block"] == "trading_across_borders"]
    assert len(missing) == 1 and "has no trading-across-borders.csv" in missing["note"].iloc[0]
    assert missing[["option", "change", "ci_low"]].isna().all(axis=None)


def test_aeo_mutual_recognition_says_it_certifies_domestic_traders_and_no_more():
    """The reform keeps its name (scenarios and results folders use it) but models only the
    certification of more of the country's own traders: it changes their class mix and
    nothing by origin, and its mechanism, TFA reason and their Chinese say recognition of
    partners' schemes is not modelled."""
    import sim
    from sim.report.zh_reforms import MECHANISMS
    from sim.report.zh_tfa import WHYS

    reform = REFORMS["aeo_mutual_recognition"]
    changed = reform.fields(sim.load_scenario(SMALL))
    assert changed and {k.rsplit(".", 1)[1] for k in changed} == {"trader_classes",
                                                                   "behaviour_classes"}
    assert "more domestic traders" in reform.mechanism
    assert "recognition itself is not modelled" in reform.mechanism
    assert "not modelled" in TAGS["aeo_mutual_recognition"].why
    assert "互认本身未建模" in MECHANISMS["aeo_mutual_recognition"][1]
    assert "未建模" in WHYS["aeo_mutual_recognition"][1]


def test_tfa_gives_the_other_stages_and_the_share_within_each_target(tmp_path):
    """A TRS reports lodgement to release and arrival to exit beside arrival to release, and
    the share released within a time standard: each of the folder's stages and targets above
    0 h, imports and exports, the baseline's level, the option's and the paired change with
    its interval as differences.csv holds it; targets in the order of their hours (30 min
    before 24 h), a 0 h target (its own block) and a class's share left out."""
    from sim.report.tfa_stages import stage_lines

    rows = [("declared_to_release_h_mean_import", -0.78, -0.83, -0.73, True, 3.59, 2.81),
            ("released_within_24h_import", 0.029, -0.007, 0.066, False, 0.926, 0.955),
            ("released_within_30min_import", 0.1, 0.05, 0.15, True, 0.4, 0.5),
            ("released_within_0h_import", 0.12, 0.04, 0.19, False, 0.18, 0.30),
            ("released_within_24h_aeo_advanced_import", 0.0, 0.0, 0.0, False, 1.0, 1.0)]
    pd.DataFrame([{"option": "advance_declaration", "metric": m, "mean": d, "ci_low": lo,
                   "ci_high": hi, "n": 2, "significant": s} for m, d, lo, hi, s, _, _ in rows]
                 ).to_csv(tmp_path / "differences.csv", index=False)
    pd.DataFrame([{"option": o, "metric": m, "mean": v} for m, *_, b, x in rows
                  for o, v in (("baseline", b), ("advance_declaration", x))]
                 ).to_csv(tmp_path / "summary.csv", index=False)
    out = stage_lines(tmp_path)
    assert out[2] == "advance_declaration"
    assert [line.split(",")[0].strip() for line in out[4:]] == [
        "lodgement to release", "released within 30 min", "released within 24 h"]
    assert re.findall(r"[-+]?\d+\.\d+", out[4]) == ["3.59", "2.81", "-0.78", "-0.83", "-0.73"]
    assert out[4].endswith(" *") and not out[6].endswith("*")
    assert re.findall(r"[-+]?\d+\.\d", out[6]) == ["92.6", "95.5", "+2.9", "-0.7", "+6.6"]


def test_tfa_csv_holds_the_stages_and_targets_as_the_folder_has_them(compared, capsys,
                                                                     tmp_path):
    """Every option's lodgement to release, arrival to exit and share released within 24 h,
    imports and exports, is a row of ``--csv`` with the folder's paired change and interval;
    a stage's option level less the baseline's is the change (paired over the same
    replications)."""
    csv = tmp_path / "t.csv"
    assert main(["tfa", str(compared), "--csv", str(csv)]) == 0
    assert "lodgement to release, imports" in capsys.readouterr().out
    table = pd.read_csv(csv)
    got = table[table["block"].isin(["release_stage", "released_within_target"])]
    options = set(pd.read_csv(compared / "differences.csv")["option"])
    expected = {(o, f"{m}_{d}") for o in options for d in ("import", "export") for m in (
        "arrival_to_lodgement_h_mean", "declared_to_release_h_mean", "overall_clearance_h_mean",
        "released_within_24h")}
    assert set(zip(got["option"], got["metric"], strict=True)) == expected
    diffs = pd.read_csv(compared / "differences.csv").set_index(["option", "metric"])
    for r in got.to_dict("records"):
        d = diffs.loc[(r["option"], r["metric"])]
        assert (r["change"], r["ci_low"], r["ci_high"]) == (d["mean"], d["ci_low"], d["ci_high"])
    stages = got[got["block"] == "release_stage"].dropna(subset=["change"])
    assert len(stages) and (stages["option_value"] - stages["baseline_value"]
                            - stages["change"]).abs().max() < 1e-9
    assert set(got.loc[got["block"] == "released_within_target", "unit"]) == {"share"}


def test_pre_arrival_processing_cuts_arrival_to_lodgement_with_an_interval_below_zero(
        compared, capsys):
    """The TRS's first stage, arrival to lodgement, is paired like the others: advance
    declaration (Art. 7.1) moves lodging before arrival, so its imports' change is negative
    and its interval excludes 0, printed under the stages; a larger scanner, which does not
    touch the declaration, leaves it exactly where it was."""
    assert main(["tfa", str(compared)]) == 0
    out = capsys.readouterr().out
    assert "arrival to lodgement, imports" in out
    diffs = pd.read_csv(compared / "differences.csv").set_index(["option", "metric"])
    cut = diffs.loc[("advance_declaration", "arrival_to_lodgement_h_mean_import")]
    assert cut["mean"] < 0 and cut["ci_high"] < 0, cut
    more = diffs.loc[("more", "arrival_to_lodgement_h_mean_import")]
    assert more["mean"] == 0, more


def test_tfa_publish_writes_the_trs_table_from_the_folders_own_figures(compared, tmp_path,
                                                                       capsys):
    """TFA Art. 7.6's published table: for each option, all ports and each port, imports and
    exports, the five TRS stages with the mean, median and p90 summary.csv holds, the
    consignments measured (the intervals' count per replication times the replications),
    the share within 24 h on the two stages from arrival; the period and definitions below."""
    page = tmp_path / "pub" / "trs.md"
    assert main(["tfa", str(compared), "--publish", str(page)]) == 0
    table = pd.read_csv(page.with_suffix(".csv"))
    summary = pd.read_csv(compared / "summary.csv").set_index(["option", "metric"])["mean"]
    options = list(dict.fromkeys(summary.index.get_level_values(0)))
    assert list(dict.fromkeys(table["option"])) == options
    assert set(table["stage"]) == {"arrival to lodgement", "lodgement to release",
                                   "release to exit", "arrival to release", "arrival to exit"}
    for r in table.to_dict("records"):
        where = (f"_{r['direction']}" if r["port"] == "all"
                 else f"_port_{r['port']}_{r['direction']}")
        for stat in ("mean", "median", "p90"):
            assert r[stat] == summary[r["option"], f"{r['metric']}_{stat}{where}"], r
    ad = table[(table["option"] == "advance_declaration") & (table["port"] == "sea")
               & (table["direction"] == "import")].set_index("stage")
    assert ad.loc["arrival to release", "within_target"] == summary[
        "advance_declaration", "released_within_24h_port_sea_import"]
    assert pd.isna(ad.loc["arrival to lodgement", "within_target"])
    iv = pd.read_csv(compared / "milestone-intervals.csv")
    row = iv[(iv["option"] == "advance_declaration") & (iv["interval"] == "clearance")
             & (iv["group"] == "sea/import")].iloc[0]
    assert ad.loc["arrival to release", "consignments"] == row["consignments"] * row["reps"]
    text = page.read_text(encoding="utf-8")
    assert "## Average release times (WTO TFA Art. 7.6; WCO Time Release Study), option " \
        "advance_declaration" in text
    assert "Measurement period: the consignments arriving in 2.0 simulated days after a " \
        "warm-up of 1.0 days, in each of 2 replications" in text
    assert "- arrival to lodgement: from the arrival of the goods" in text


def test_tfa_publish_reads_a_runs_folder_and_speaks_chinese(tmp_path, capsys):
    """A run's folder (no options) gives one table; under --lang zh no English word is left
    but the folder's own names (scenario, ports)."""
    run = tmp_path / "run"
    assert main(["run", SMALL, *FAST[:-1], "--out", str(run)]) == 0
    page = tmp_path / "zh.md"
    assert main(["tfa", str(run), "--publish", str(page), "--lang", "zh"]) == 0
    text = page.read_text(encoding="utf-8")
    assert len(re.findall(r"^## ", text, re.M)) == 1
    assert "到港至申报" in text and "放行至提离" in text
    assert set(re.findall(r"[A-Za-z]{2,}", text)) == {"small", "sea"}
    table = pd.read_csv(page.with_suffix(".csv"))
    assert set(table["option"]) == {"run"} and len(table) == 2 * 2 * 5


def test_tfa_publish_refuses_a_file_that_is_not_markdown(compared, tmp_path, capsys):
    """A table file not ending in .md, or a folder with no figures, is refused, named."""
    assert main(["tfa", str(compared), "--publish", str(tmp_path / "t.txt")]) == 2
    assert "t.txt: the table's file must end in .md" in capsys.readouterr().err
    assert main(["tfa", str(tmp_path), "--publish", str(tmp_path / "t.md")]) == 2
    err = capsys.readouterr().err
    assert "summary.csv is missing" in err and "Traceback" not in err, err
