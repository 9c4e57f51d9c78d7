"""Seizures as truth, effectiveness and what customs sees, by illicit type and place
(seizures-by-layer.csv, sim.experiment.seizure_layers): every row adds up (arrived = seized +
stopped + missed), the total rows are the sums of the places', the figures are the metrics'
they repeat (the ports' seizures, the patrols' interdictions, the illicit declarations, each
type's detection rate), and the report's section of it, with a comparison's paired changes
beside the baseline's levels, is put in Chinese."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest

from sim.experiment.seizure_layers import FILE, rep_table, summarise_layers

CAUGHT = ("consignments_seized", "consignments_detained", "consignments_rejected")
COUNTS = ("arrived", "seized_at_port", "stopped_by_patrols", "found_not_seized", "missed")


def _enforcement() -> pd.DataFrame:
    """Two ports' enforcement tables: (port, truth, declarations, detected, seized, held,
    found_on_inspection); one of port a's tobacco finds was the document check's alone."""
    rows = [("a", "compliant", 90, 0, 0, 0, 0), ("a", "tobacco", 6, 3, 2, 1, 2),
            ("a", "pest", 4, 2, 2, 0, 2), ("b", "tobacco", 5, 1, 1, 0, 1),
            ("b", "compliant", 50, 0, 0, 0, 0)]  # fmt: skip
    t = pd.DataFrame(rows, columns=["port", "truth", "declarations", "detected", "seized",
                                    "held", "found_on_inspection"])  # fmt: skip
    return t.assign(direction="import", audit_detected=0)


def _daily() -> pd.DataFrame:
    return pd.DataFrame({"day": [0, 1, 0], "port": ["a", "a", "b"], "direction": "import",
                         "inspected": [7, 3, 4]})  # fmt: skip


def _smuggling() -> pd.DataFrame:
    """A smuggling table: tobacco by a river patrolled outside the ports and by port a, a
    warm-up day (not counted) and loads not tried (deterred)."""
    rows = [(0, True, "tobacco", "river", "patrol", 5, 2, 3),
            (1, True, "tobacco", "river", "patrol", 4, 1, 3),
            (-1, False, "tobacco", "river", "patrol", 9, 9, 0),
            (0, True, "tobacco", "road_a", "port", 2, 1, 1),
            (0, True, "tobacco", "not_smuggled", "not_smuggled", 3, 0, 0),
            (0, True, "frozen", "boats", "patrol", 2, 1, 1)]  # fmt: skip
    t = pd.DataFrame(rows, columns=["day", "observed", "illicit", "route", "kind", "chosen",
                                    "caught", "slipped"])  # fmt: skip
    return t.assign(group=t["illicit"], unresolved=0, value_caught=0.0, value_slipped=0.0)


def test_every_row_adds_up_and_the_totals_are_the_sums_of_the_places():
    t = rep_table(_enforcement(), _daily(), _smuggling())
    assert (t["arrived"] == t["seized_at_port"] + t["stopped_by_patrols"]
            + t["found_not_seized"] + t["missed"]).all()  # fmt: skip
    places = t[(t["truth"] != "all") & (t["place"] != "all")]
    for col in COUNTS:
        by_type = places.groupby("truth")[col].sum()
        totals = t[(t["place"] == "all") & (t["truth"] != "all")].set_index("truth")[col]
        assert by_type.to_dict() == totals.to_dict()
        whole = t[(t["truth"] == "all") & (t["place"] == "all")][col].item()
        assert whole == places[col].sum() == t[(t["truth"] == "all") & (t["place"] != "all")][
            col].sum()
    tobacco = t[(t["truth"] == "tobacco") & (t["place"] == "all")].iloc[0]
    # (6 + 5 at the ports, 9 on the river in the observed days; 3 found at a port of the 10
    # whose outcome is known, 3 stopped of the river's 9)
    assert (tobacco["arrived"], tobacco["seized_at_port"], tobacco["stopped_by_patrols"]) == (
        20, 3, 3)
    assert tobacco["detection_share"] == pytest.approx((4 + 3) / (20 - 1))


def test_a_find_that_was_not_seized_is_counted_apart_never_as_missed_or_seized():
    # (tobacco at port a: 3 found before release, 2 of them seized: the third was found, so
    # it is neither a seizure nor missed)
    t = rep_table(_enforcement(), _daily(), _smuggling()).set_index(["truth", "place"])
    at_a = t.loc[("tobacco", "a")]
    assert (at_a["seized_at_port"], at_a["found_not_seized"], at_a["missed"]) == (2, 1, 3)
    assert t.loc[("all", "all"), "found_not_seized"] == 1
    assert t.loc[("tobacco", "river"), "found_not_seized"] == 0


def test_the_patrols_and_customs_figures_are_the_metrics_they_repeat():
    import sim.model.run  # noqa: F401  (the model's modules in their order)
    from sim.model.smuggling_metrics import smuggling_metrics

    frame = _smuggling()
    m = smuggling_metrics(frame)
    t = rep_table(_enforcement(), _daily(), frame).set_index(["truth", "place"])
    assert t.loc[("all", "all"), "stopped_by_patrols"] == m["smuggling_interdicted"]
    for kind in ("tobacco", "frozen"):
        assert t.loc[(kind, "all"), "stopped_by_patrols"] == m[f"smuggling_interdicted_{kind}"]
    # what customs sees at port a: 10 inspected (of every type), 5 finds, 4 of them by an
    # inspection (hits) and 1 by the document check alone (not a hit of an inspection)
    assert t.loc[("all", "a"), "inspected"] == 10
    assert t.loc[("all", "a"), "hit_rate"] == pytest.approx(0.4)
    assert (t.loc[("all", "a"), "hits"], t.loc[("all", "a"), "document_finds"]) == (4, 1)
    assert t.loc[("tobacco", "a"), "document_finds"] == 1
    assert t.loc[("pest", "a"), "hit_rate"] == pytest.approx(0.2)
    assert pd.isna(t.loc[("tobacco", "river"), "inspected"])


def test_a_type_missing_from_a_replication_counts_zero_there_but_its_inspections_count():
    one = rep_table(_enforcement(), _daily(), pd.DataFrame())
    two = rep_table(_enforcement()[lambda e: e["truth"] != "pest"], _daily(), pd.DataFrame())
    out = summarise_layers({0: one, 1: two}).set_index(["truth", "place"])
    assert out.loc[("pest", "a"), "arrived"] == pytest.approx(2.0)
    assert out.loc[("pest", "a"), "inspected"] == pytest.approx(10.0)
    assert out.loc[("pest", "a"), "hit_rate"] == pytest.approx(0.1)


def test_a_comparisons_table_matches_its_replications_metrics(doc1_compare):
    table = pd.read_csv(doc1_compare / FILE)
    reps = pd.read_csv(doc1_compare / "replications.csv")
    assert set(table["option"]) == set(reps["option"])
    types = [t for t in table["truth"].unique() if t != "all"]
    assert types
    for option, mine in table.groupby("option"):
        r = reps[reps["option"] == option]
        total = mine[(mine["truth"] == "all") & (mine["place"] == "all")].iloc[0]
        assert total["seized_at_port"] == pytest.approx(r[list(CAUGHT)].sum(axis=1).mean())
        assert total["arrived"] == pytest.approx(r["illicit_declarations"].mean())
        for kind in types:
            row = mine[(mine["truth"] == kind) & (mine["place"] == "all")].iloc[0]
            assert row["arrived"] == pytest.approx(r[f"illicit_{kind}"].mean())
            assert row["detection_share"] == pytest.approx(r[f"detection_rate_{kind}"].mean(),
                                                           nan_ok=True)  # fmt: skip
        sums = mine[mine["place"] != "all"]
        assert (sums[list(COUNTS[1:])].sum(axis=1) - sums["arrived"]).abs().max() < 1e-9


def test_the_reports_section_is_in_chinese_with_lang_zh(doc1_compare):
    from sim.report.seizure_layers_section import folder_section
    from sim.report.translate import translate

    parts = folder_section(doc1_compare)
    assert parts and "Seized at the port" in parts[2]
    page = f"<html lang='en'><body>{''.join(parts)}</body></html>"
    zh = translate(page, "zh")
    assert "data-untranslated" not in zh
    assert "口岸查扣" in zh and "查出比例" in zh and "Seized at the port" not in zh


def test_the_seizures_panel_gives_the_patrols_stops_beside_the_ports_seizures():
    from types import SimpleNamespace

    from sim.report.sections import _seizures
    from sim.report.translate import text

    summary = pd.DataFrame({"option": ["base", "more", "base", "more"],
                            "metric": ["seizures_per_1000"] * 2 + ["smuggling_interdicted"] * 2,
                            "mean": [9.0, 8.5, 2.0, 2.5]})  # fmt: skip
    parts = _seizures(SimpleNamespace(summary=summary), ["base", "more"])  # type: ignore[arg-type]
    assert len(parts) == 2 and "not in the figure above" in parts[1]
    assert "base 2.00, more 2.50." in parts[1]
    said = parts[1][parts[1].index(">") + 1:parts[1].rindex("<")]
    assert (text(said) or "").startswith("口岸外查扣")
    ports_only = _seizures(SimpleNamespace(summary=summary[:2]), ["base", "more"])  # type: ignore[arg-type]
    assert len(ports_only) == 1


def test_a_replication_without_illicit_goods_gives_no_rows():
    compliant = _enforcement()[lambda e: e["truth"] == "compliant"]
    assert rep_table(compliant, _daily(), pd.DataFrame()).empty


def test_a_replication_without_illicit_goods_counts_zero_in_the_mean():
    one = rep_table(_enforcement(), _daily(), pd.DataFrame())
    none = rep_table(_enforcement()[lambda e: e["truth"] == "compliant"], _daily(),
                     pd.DataFrame())  # fmt: skip
    out = summarise_layers({0: one, 1: none}).set_index(["truth", "place"])
    assert out.loc[("all", "all"), "arrived"] == pytest.approx(7.5)  # (15 and 0)
    assert out.loc[("all", "all"), "reps"] == 2


def test_the_run_console_gives_each_types_totals_only_where_patrols_exist(tmp_path):
    from sim.report.seizure_layers_section import console_lines

    t = summarise_layers({0: rep_table(_enforcement(), _daily(), _smuggling())})
    t.to_csv(tmp_path / FILE, index=False)
    en, zh = console_lines(tmp_path), console_lines(tmp_path, "zh")
    tobacco = next(line for line in en if line.startswith("tobacco "))
    assert ("20.0 arrived, 3.0 seized at the ports, 3.0 stopped by patrols, 1.0 found but not "
            "seized, 13.0 missed") in tobacco
    assert len(en) == len(zh) == 3 and any("走私烟草" in line for line in zh)
    t[t["kind"] != "patrol"].to_csv(tmp_path / FILE, index=False)
    assert console_lines(tmp_path) == []


def test_a_port_without_illicit_goods_still_counts_its_inspections():
    """Port c had 6 inspections and no illicit goods: its row says so, and the total of
    inspections is every port's."""
    daily = pd.concat([_daily(), pd.DataFrame({"day": [0], "port": ["c"], "direction": "import",
                                               "inspected": [6]})], ignore_index=True)
    t = rep_table(_enforcement(), daily, pd.DataFrame()).set_index(["truth", "place"])
    assert t.loc[("all", "c"), "inspected"] == 6 and t.loc[("all", "c"), "arrived"] == 0
    assert t.loc[("all", "all"), "inspected"] == 20
    assert t.loc[("tobacco", "all"), "inspected"] == 20


def test_a_port_without_declarations_in_a_replication_inspected_none_there():
    one = rep_table(_enforcement(), _daily(), pd.DataFrame())
    two = rep_table(_enforcement()[lambda e: e["port"] == "a"], _daily()[:2], pd.DataFrame())
    out = summarise_layers({0: one, 1: two}).set_index(["truth", "place"])
    assert out.loc[("all", "b"), "inspected"] == pytest.approx(2.0)  # (4 and 0)
    ports = out.loc[[("all", "a"), ("all", "b")], "inspected"].sum()
    assert out.loc[("all", "all"), "inspected"] == pytest.approx(ports)


def _with_changes(folder: Path) -> pd.DataFrame:
    """The comparison's table with distinct paired changes given to its option, and its
    levels moved by them (the small scenario's one day changes no seizure), so that each
    cell, and the baseline's level from the option's, can be told apart."""
    table = pd.read_csv(folder / FILE)
    mine = table["option"] != table["option"].iloc[0]
    numbers = table.select_dtypes("number").columns
    table[numbers] = table[numbers].astype(float)
    for i, col in enumerate(("arrived", "seized_at_port", "stopped_by_patrols")):
        table.loc[mine, f"{col}_diff"] = table.loc[mine, "arrived"] * (i + 1) / 7
        table.loc[mine, f"{col}_diff_ci_low"] = table.loc[mine, f"{col}_diff"] - 1.25
        table.loc[mine, f"{col}_diff_ci_high"] = table.loc[mine, f"{col}_diff"] + 2.5
        table.loc[mine, col] += table.loc[mine, f"{col}_diff"]  # (the option's own level)
    table.loc[mine, "detection_share_diff"] = -table.loc[mine, "arrived"] / 100
    table.loc[mine, "detection_share_diff_ci_low"] = -table.loc[mine, "arrived"] / 50
    table.loc[mine, "detection_share_diff_ci_high"] = 0.01
    table.loc[mine, "detection_share_pooled_diff"] = table.loc[mine, "arrived"] / 300
    table.loc[mine, "detection_share_pooled_diff_ci_low"] = -0.02
    table.loc[mine, "detection_share_pooled_diff_ci_high"] = table.loc[mine, "arrived"] / 40
    share = 1 / (2 + table.loc[~mine, "arrived"])  # (the baseline's pooled share: not 0)
    table.loc[~mine, "detection_share_pooled"] = share
    table.loc[~mine, "detection_share_pooled_ci_low"] = share - 0.01
    table.loc[~mine, "detection_share_pooled_ci_high"] = share + 0.02
    return table


def test_a_comparisons_section_gives_each_options_change_beside_the_baselines_level(
        doc1_compare):
    from sim.report.seizure_layers_changes import MEAN_SHARE, POOLED_SHARE
    from sim.report.seizure_layers_section import section

    table = _with_changes(doc1_compare)
    page = "".join(section(table))
    tables = re.findall(r"<table class='layers-changes'>(.*?)</table>", page)
    assert len(tables) == 1
    rows = [re.findall(r"<td>(.*?)</td>", r) for r in tables[0].split("<tr>") if "<td>" in r]
    totals = table[table["place"] == "all"]
    base = totals[totals["option"] == "baseline"].set_index("truth")
    mine = totals[totals["option"] == "doc1"].set_index("truth")
    assert len(rows) == len(mine)  # (the type totals and the overall row, not every place)
    assert rows[-1][1] == "all illicit types"
    for cells in rows:
        truth = "all" if cells[1] == "all illicit types" else cells[1]
        assert cells[0] == "doc1"
        for i, col in enumerate(("arrived", "seized_at_port", "stopped_by_patrols")):
            d = mine.loc[truth]
            assert cells[2 + 2 * i] == f"{base.loc[truth, col]:,.1f}"
            assert cells[3 + 2 * i] == (f"{d[f'{col}_diff']:+,.1f} [{d[f'{col}_diff_ci_low']:+,.1f}"
                                        f", {d[f'{col}_diff_ci_high']:+,.1f}]")
        d = mine.loc[truth]
        assert cells[8] == f"{base.loc[truth, 'detection_share']:.1%}"
        assert cells[9] == (f"{100 * d['detection_share_diff']:+,.1f} "
                            f"[{100 * d['detection_share_diff_ci_low']:+,.1f}, "
                            f"{100 * d['detection_share_diff_ci_high']:+,.1f}]")
        # (the pooled share beside it: the baseline's level, the paired change in points)
        pooled = base.loc[truth, "detection_share_pooled"]
        assert cells[10] == ("\u2013" if pd.isna(pooled) else f"{pooled:.1%}")
        assert cells[11] == (f"{100 * d['detection_share_pooled_diff']:+,.1f} "
                             f"[{100 * d['detection_share_pooled_diff_ci_low']:+,.1f}, "
                             f"{100 * d['detection_share_pooled_diff_ci_high']:+,.1f}]")
    heads = re.findall(r"<th[^>]*>(.*?)</th>", tables[0])
    assert html.escape(POOLED_SHARE) in heads and html.escape(MEAN_SHARE) in heads


def test_the_sections_table_gives_the_pooled_share_beside_the_mean_of_shares(doc1_compare):
    from sim.report.seizure_layers_section import MEAN_SHARE, POOLED_SHARE, section

    table = _with_changes(doc1_compare)
    page = "".join(section(table))
    level = re.findall(r"<table class='layers'>(.*?)</table>", page)[0]
    heads = re.findall(r"<th>(.*?)</th>", level)
    at = heads.index(html.escape(POOLED_SHARE))
    assert heads[at - 1] == html.escape(MEAN_SHARE)
    rows = [re.findall(r"<td>(.*?)</td>", r) for r in level.split("<tr>") if "<td>" in r]
    base = table[table["option"] == "baseline"].reset_index(drop=True)
    assert len(rows) == len(base)
    for cells, (_, row) in zip(rows, base.iterrows(), strict=True):
        v, low, high = (row[f"detection_share_pooled{e}"] for e in ("", "_ci_low", "_ci_high"))
        span = "" if pd.isna(low) or pd.isna(high) else f" [{low:.1%}, {high:.1%}]"
        assert cells[at] == ("\u2013" if pd.isna(v) else f"{v:.1%}{span}")
        assert cells[at] != cells[at - 1]  # (the two columns told apart)


def test_a_folder_from_before_the_pooled_share_shows_none_of_it(doc1_compare):
    from sim.report.seizure_layers_section import section

    table = _with_changes(doc1_compare)
    old = table[[c for c in table if not c.startswith("detection_share_pooled")]]
    page = "".join(section(old))
    level = re.findall(r"<table class='layers'>(.*?)</table>", page)[0]
    changes = re.findall(r"<table class='layers-changes'>(.*?)</table>", page)[0]
    for part in (level, changes):
        rows = [re.findall(r"<td>(.*?)</td>", r) for r in part.split("<tr>") if "<td>" in r]
        assert rows and all(r[-1 if part is changes else -5] == "\u2013" for r in rows)


def test_a_runs_section_has_no_changes_and_the_changes_are_in_chinese(doc1_compare):
    from sim.report.seizure_layers_changes import HEADING
    from sim.report.seizure_layers_section import section
    from sim.report.translate import translate

    table = _with_changes(doc1_compare)
    run = table[table["option"] == "baseline"].drop(columns="option")
    assert "layers-changes" not in "".join(section(run))
    page = f"<html lang='en'><body>{''.join(section(table))}</body></html>"
    zh = translate(page, "zh", names=("doc1",))
    heading = html.escape(HEADING)
    assert heading in page and "data-untranslated" not in zh
    assert "各方案相对基准方案的变化" in zh and "变化，百分点" in zh and heading not in zh
    assert zh.count("（以此为准）") == 2  # (the pooled share's column in each table)
    assert "pooled" not in zh.split("<body>")[1]



def test_an_older_folders_hits_are_not_recorded_not_zero(doc1_compare, tmp_path):
    """A folder written before its enforcement tables had found_on_inspection read its hits
    as 0 when its table was made again from its replications (on resume, as here) and so in
    its report; they are unknown (empty), and the report says "not recorded"."""
    import shutil

    from sim.experiment.seizure_layers import compare_layers, read_rep
    from sim.report.seizure_layers_section import folder_section

    copy = tmp_path / "c"
    shutil.copytree(doc1_compare / "options", copy / "options")
    for table in copy.glob("options/*/reps/rep-[0-9][0-9][0-9][0-9]-enforcement.csv"):
        pd.read_csv(table).drop(columns=["found_on_inspection"]).to_csv(table, index=False)
    frames = {o.name: {r: read_rep(o / "reps", r) for r in (0, 1)}
              for o in (copy / "options").iterdir()}
    compare_layers(frames, "baseline").to_csv(copy / FILE, index=False)
    table = pd.read_csv(copy / FILE)
    ports = table[table["kind"] != "patrol"]
    assert len(ports) and ports["hits"].isna().all() and ports["hit_rate"].isna().all(), table
    assert ports["inspected"].gt(0).any() and ports["arrived"].gt(0).any()
    cells = "".join(folder_section(copy))
    assert "<td>not recorded</td>" in cells and "<td>0.0</td><td>–</td>" not in cells


def test_the_console_says_hits_not_recorded_where_a_table_did_not_count_them(tmp_path):
    from sim.report.seizure_layers_section import console_lines

    enf = _enforcement().drop(columns=["found_on_inspection"])
    t = summarise_layers({0: rep_table(enf, _daily(), _smuggling())})
    t.to_csv(tmp_path / FILE, index=False)
    tobacco = next(line for line in console_lines(tmp_path) if line.startswith("tobacco "))
    assert tobacco.endswith(
        "customs saw 14.0 inspected of every type, their hits not recorded"), tobacco
    assert any(line.endswith("查验发现未记录") for line in console_lines(tmp_path, "zh"))


def test_the_detection_share_is_in_the_glossarys_word_for_detected_not_the_hit_rates():
    """The detection share counts finds before release (the glossary's 查出: detected,
    whatever became of the goods) and patrols' stops; 查获 is the glossary's hit, the word of
    the hit rate in the same table, so the two columns must not read alike."""
    from sim.report import seizure_layers_changes as c
    from sim.report import seizure_layers_section as s
    from sim.report.zh_glossary import TERMS
    from sim.report.zh_seizure_layers import ZH

    detected = TERMS["detected (illicit goods found, as a count or a share)"]
    hit = TERMS["found by a check (a hit; a smuggling attempt caught)"]
    for key in (c.MEAN_SHARE, c.POOLED_SHARE, s.MEAN_SHARE, s.POOLED_SHARE):
        assert ZH[key].startswith(detected) and hit not in ZH[key]
    assert ZH["Hit rate"].startswith(hit)
    assert f"{hit}比例" not in "".join(ZH.values())


def test_the_inspections_a_types_row_repeats_are_said_to_be_of_every_type(tmp_path):
    """A place's inspections are of every type, the same number on each type's row: the
    table's header and the console's lines say so, lest a reader take them for the type's."""
    from sim.report.seizure_layers_section import console_lines, section
    from sim.report.translate import translate

    t = summarise_layers({0: rep_table(_enforcement(), _daily(), _smuggling())})
    t.to_csv(tmp_path / FILE, index=False)
    rows = t[t["place"] == "all"]
    assert rows["inspected"].nunique() == 1 and len(rows) > 1  # (the repeat the words explain)
    en, zh = console_lines(tmp_path), console_lines(tmp_path, "zh")
    assert all("inspected of every type" in line for line in en)
    assert all("查验（各类型合计）" in line for line in zh)
    page = f"<html lang='en'><body>{''.join(section(t))}</body></html>"
    assert "<th>Inspected, every type</th>" in page
    assert "<th>查验票数（各类型合计）</th>" in translate(page, "zh")


def test_the_missed_found_after_release_are_counted_apart_by_port_type_and_total(tmp_path):
    """Post-clearance finds (tax review, recall, audit) are where the officer's third layer
    is: port a's tobacco had 2 found after release, port b's none; they stay among the
    missed, the patrols' routes have none, and the totals sum them."""
    enf = _enforcement()
    enf.loc[(enf["port"] == "a") & (enf["truth"] == "tobacco"), "audit_detected"] = 2
    t = rep_table(enf, _daily(), _smuggling()).set_index(["truth", "place"])
    assert t.loc[("tobacco", "a"), "found_after_release"] == 2
    assert t.loc[("tobacco", "b"), "found_after_release"] == 0
    assert t.loc[("tobacco", "river"), "found_after_release"] == 0
    assert t.loc[("tobacco", "all"), "found_after_release"] == 2
    assert t.loc[("all", "all"), "found_after_release"] == 2
    assert t.loc[("tobacco", "a"), "missed"] >= 2
    plain = rep_table(_enforcement(), _daily(), _smuggling()).set_index(["truth", "place"])
    assert (t["missed"] == plain["missed"]).all()  # (a part of the missed, not taken from it)
    from sim.report.seizure_layers_section import AFTER_RELEASE, section

    page = "".join(section(summarise_layers({0: t.reset_index()})))
    assert f"<th>{AFTER_RELEASE}</th>" in page


def _shares_said(line: str, label: str) -> tuple[float, ...]:
    """The share and its interval (percent) a console line gives after ``label``."""
    m = re.search(re.escape(label) + r" ?(\d+\.\d)% \[(\d+\.\d)%, (\d+\.\d)%\]", line)
    assert m is not None, (label, line)
    return tuple(float(x) for x in m.groups())


def _shares_of(row: pd.Series, col: str) -> tuple[float, ...]:
    return tuple(round(100 * float(row[f"{col}{e}"]), 1) for e in ("", "_ci_low", "_ci_high"))


def _two_unequal_replications() -> dict[int, pd.DataFrame]:
    """Two replications whose river loads differ tenfold, and their shares too: the mean of
    the shares weights them alike, the pooled share by their loads."""
    big = _smuggling()
    river = big["route"] == "river"
    big.loc[river, "chosen"] *= 10
    big.loc[river, "caught"] = big.loc[river, "chosen"] - 1
    return {0: rep_table(_enforcement(), _daily(), _smuggling()),
            1: rep_table(_enforcement(), _daily(), big)}


def test_the_run_console_gives_the_tables_pooled_share_beside_the_mean_of_shares(tmp_path):
    """The console's detection share is the table's pooled one (the one to read), with its
    interval, and the mean of the replications' shares apart, each named, in both
    languages."""
    from sim.report.seizure_layers_section import (
        EN_MEAN,
        EN_POOLED,
        ZH_MEAN,
        ZH_POOLED,
        console_lines,
    )

    t = summarise_layers(_two_unequal_replications())
    t.to_csv(tmp_path / FILE, index=False)
    totals = t[(t["place"] == "all") & (t["truth"] != "all")].reset_index(drop=True)
    en, zh = console_lines(tmp_path), console_lines(tmp_path, "zh")
    assert len(en) == len(zh) == len(totals)
    for (_, row), line, line_zh in zip(totals.iterrows(), en, zh, strict=True):
        pooled = _shares_of(row, "detection_share_pooled")
        assert _shares_said(line, EN_POOLED) == _shares_said(line_zh, ZH_POOLED) == pooled
        mean = _shares_of(row, "detection_share")
        assert _shares_said(line, EN_MEAN) == _shares_said(line_zh, ZH_MEAN) == mean
    tobacco = totals.index[totals["truth"] == "tobacco"][0]
    assert _shares_said(en[tobacco], EN_POOLED) != _shares_said(en[tobacco], EN_MEAN)


def test_a_comparisons_console_gives_each_options_pooled_share_and_its_change(tmp_path):
    """``compare`` prints, with smuggling groups, each option's pooled detection share by
    type as the table has it, the mean of the shares apart, and the option's paired changes
    from the baseline in points."""
    from sim.experiment.seizure_layers import compare_layers
    from sim.report.seizure_layers_section import EN_MEAN, EN_POOLED, ZH_POOLED
    from sim.report.seizure_layers_section import compare_console_lines as lines

    reps = _two_unequal_replications()
    fewer = {r: rep_table(_enforcement(), _daily(), _smuggling()) for r in reps}
    t = compare_layers({"baseline": fewer, "patrols": reps}, "baseline")
    t.to_csv(tmp_path / FILE, index=False)
    totals = t[(t["place"] == "all") & (t["truth"] != "all")].reset_index(drop=True)
    en, zh = lines(tmp_path), lines(tmp_path, "zh")
    assert len(en) == len(zh) == len(totals)
    for (_, row), line, line_zh in zip(totals.iterrows(), en, zh, strict=True):
        assert line.startswith(f"{row['option']}, {row['truth']} ")
        pooled = _shares_of(row, "detection_share_pooled")
        assert _shares_said(line, EN_POOLED) == _shares_said(line_zh, ZH_POOLED) == pooled
        assert _shares_said(line, EN_MEAN) == _shares_of(row, "detection_share")
        if row["option"] == "baseline":
            assert "change" not in line and line_zh.startswith("基准方案，")
            continue
        d = [100 * row[f"detection_share_pooled_diff{e}"] for e in ("", "_ci_low", "_ci_high")]
        said = f"change from the baseline in points {d[0]:+,.1f} [{d[1]:+,.1f}, {d[2]:+,.1f}]"
        assert said in line, line
    t[t["kind"] != "patrol"].to_csv(tmp_path / FILE, index=False)
    assert lines(tmp_path) == []


def test_bordersim_run_prints_the_pooled_share_of_its_seizures_table(tmp_path, capsys):
    """End to end: a short run of the smuggling scenario prints, for each illicit type, the
    pooled detection share and interval its ``seizures-by-layer.csv`` has."""
    from sim.cli import main
    from sim.report.seizure_layers_section import EN_POOLED

    scenario = Path(__file__).resolve().parents[1] / "scenarios" / "beilun-border.toml"
    out = tmp_path / "run"
    assert main(["run", str(scenario), "--days", "2", "--reps", "2", "--set", "warmup_days=3",
                 "--set", "drain_days=1", "--out", str(out)]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if EN_POOLED in line]
    t = pd.read_csv(out / FILE)
    totals = t[(t["place"] == "all") & (t["truth"] != "all")].reset_index(drop=True)
    assert len(said) == len(totals) > 0
    for (_, row), line in zip(totals.iterrows(), said, strict=True):
        assert line.startswith(f"{row['truth']} (")
        assert _shares_said(line, EN_POOLED) == _shares_of(row, "detection_share_pooled")


def test_bordersim_compare_prints_each_options_detection_shares(tmp_path, capsys):
    """End to end: a short comparison of the smuggling scenario prints its seizures table's
    detection shares, option by option, in Chinese with ``--lang zh``."""
    from sim.cli import main
    from sim.report.seizure_layers_section import ZH_POOLED, compare_console_lines

    scenario = Path(__file__).resolve().parents[1] / "scenarios" / "beilun-border.toml"
    out = tmp_path / "cmp"
    assert main(["--lang", "zh", "compare", str(scenario), "--option",
                 "patrols:smuggling.routes.beilun_river.patrol.per_officer=0.09", "--days", "2",
                 "--reps", "2", "--set", "warmup_days=3", "--set", "drain_days=1",
                 "--no-report", "--out", str(out)]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if ZH_POOLED in line]
    assert said == compare_console_lines(out, "zh") and len(said) > 2
