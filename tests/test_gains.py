"""Who gains and who loses counts every consignment until its goods leave the port: an import's
exit, an export's departure (its loading in a log kept without departures); and the report of
a comparison or a run says what it does: the currency of the scenario, the p95 of clearance,
how its tail was drawn."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.cli import Notes, main
from sim.cli_compare import _notes
from sim.experiment.compare import compare
from sim.experiment.gains import UNPAIRED, current_columns, gains_one, trim_log
from sim.model.streams import SMUGGLING_INDEX, SURGE_INDEX
from sim.report.folder import read_compare
from sim.report.folder_report import render_folder
from sim.report.html import render

REPO = Path(__file__).resolve().parents[1]
SMALL = REPO / "tests" / "scenarios" / "small.toml"
SHORT = {"days": 2, "warmup_days": 1, "drain_days": 3}
MORE_REVIEW = "review4:ports.sea.review.capacity=4"
COLUMNS = ["port", "index", "direction", "trader_class", "commodity", "arrived", "released",
           "exited", "loaded"]  # fmt: skip


def _costs() -> dict:
    """The default scenario's prices (USD), for the small scenario's two commodities."""
    costs = tomllib.loads((REPO / "sim" / "scenarios" / "default.toml").read_text())["costs"]
    keep = {k: v for k, v in costs.get("commodities", {}).items() if k in ("general", "frozen")}
    return {**costs, "commodities": keep}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A costed comparison of the small scenario (imports and exports), with its report."""
    out = tmp_path_factory.mktemp("gains") / "c"
    compare(SMALL, [MORE_REVIEW], reps=2, overrides={**SHORT, "costs": _costs()}, out=out)
    return out


def test_an_exports_overall_clearance_ends_at_its_loading():
    """An export is never ``exited``: in a log kept without its departure, its overall
    clearance runs to ``loaded``."""
    nan = np.nan
    base = pd.DataFrame(
        [
            ("p", 0, "import", "A", "g", 0.0, 1.0, 5.0, nan),
            ("p", 1, "export", "A", "g", 0.0, 1.0, nan, 8.0),
            ("p", 2, "export", "A", "g", 0.0, 1.0, nan, nan),  # never loaded: left out
        ],
        columns=COLUMNS,
    )
    opt = base.copy()
    opt.loc[1, "loaded"] = 6.0  # the export gains 2 h
    opt.loc[0, "exited"] = 6.0  # the import loses 1 h
    g = gains_one(base, opt)
    g = g[g["measure"] == "overall_clearance"].set_index(["dimension", "port", "direction"])
    export = g.loc[("port_direction", "p", "export")]
    assert export["n"] == 1 and export["sum_change"] == pytest.approx(-2.0)
    assert export["base_sum"] == pytest.approx(8.0) and export["better"] == 1
    everyone = g.loc[("all", "all", "all")]
    assert everyone["n"] == 2 and everyone["sum_change"] == pytest.approx(-1.0)


def test_all_consignments_of_who_gains_are_imports_and_exports(folder: Path):
    """gains.csv has export rows for overall clearance, and its "all consignments" row (as the
    report's table shows it) counts the imports and the exports."""
    gains = pd.read_csv(folder / "gains.csv")
    overall = gains[(gains["measure"] == "overall_clearance") & (gains["option"] == "review4")]
    strata = overall[overall["dimension"] == "port_direction"]
    assert set(strata["direction"]) == {"import", "export"}
    assert (strata["n"] > 0).all()
    everyone = int(overall.loc[overall["dimension"] == "all", "n"].iloc[0])
    assert everyone == strata["n"].sum()
    text = (folder / "report.html").read_text(encoding="utf-8")
    counts = dict(re.findall(
        r'data-who="([^"]+)"><td>review4</td><td>[^<]+</td><td class=.n.>([\d,]+)<', text))
    assert int(counts["all consignments"].replace(",", "")) == everyone
    per_stratum = [int(v.replace(",", "")) for k, v in counts.items() if " \u00b7 " in k]
    assert len(per_stratum) == 2 and sum(per_stratum) == everyone


def test_who_gains_compares_only_consignments_released_by_the_end_of_the_run():
    """A censored consignment may carry a release and an exit planned beyond the end of the
    run; it is not among those released (consignments_released), so not compared."""
    nan = np.nan
    base = pd.DataFrame(
        [
            ("p", 0, "import", "A", "g", 0.0, 1.0, 5.0, nan, "released"),
            ("p", 1, "import", "A", "g", 0.0, 1.0, 900.0, nan, "censored"),
            ("p", 2, "import", "A", "g", 0.0, nan, nan, nan, "seized"),
        ],
        columns=[*COLUMNS, "outcome"],
    )
    opt = base.copy()
    opt.loc[0, "exited"] = 4.0
    for measure, g in gains_one(base, opt).groupby("measure"):
        everyone = g[g["dimension"] == "all"].iloc[0]
        assert everyone["n"] == 1, measure
    assert trim_log(base.assign(cohort=True))["outcome"].tolist() == list(base["outcome"])


def test_who_gains_counts_are_those_released_summed_over_the_replications(folder: Path):
    """The report's counts say they are summed over the replications, and how many; they are
    never more than the consignments released (replications.csv) summed over them."""
    per_rep = pd.read_csv(folder / "replications.csv")
    text = (folder / "report.html").read_text(encoding="utf-8")
    assert "<th>consignments (summed over 2 replications)</th>" in text
    gains = pd.read_csv(folder / "gains.csv")
    everyone = gains[(gains["option"] == "review4") & (gains["dimension"] == "all")]
    released = per_rep.groupby("option")["consignments_released"].sum()
    assert 0 < everyone["n"].max() <= released[["baseline", "review4"]].min()


def test_a_comparisons_report_draws_the_tail_from_every_consignment(folder: Path):
    """A comparison keeps exports' loading in its logs, so its tail of overall clearance is
    drawn from every consignment; without logs the note says why, not to run with --log
    (compare has no such option)."""
    text = (folder / "report.html").read_text(encoding="utf-8")
    assert "overall_clearance: from every consignment of the kept logs" in text
    assert "--log" not in text
    res, variants = read_compare(folder)
    for v in variants.values():
        v.samples = {}
    text = render(res, variants)
    assert "--log" not in text
    assert "the logs this comparison kept do not give every consignment's time" in text


@pytest.mark.parametrize("older", [False, True])
def test_a_comparisons_report_shows_money_in_the_scenarios_currency(
    folder: Path, older: bool, tmp_path: Path
):
    """compare.json records the currency; a folder made before it did takes it from the
    baseline's scenario.json."""
    if older:
        folder = Path(shutil.copytree(folder, tmp_path / "older"))
        meta = json.loads((folder / "compare.json").read_text())
        assert meta.pop("currency") == "USD"
        (folder / "compare.json").write_text(json.dumps(meta))
    text = render_folder(folder)
    row = "total_cost_per_consignment (USD per consignment), agency + trader"
    assert f"<th scope='row'>{row}</th>" in text
    assert "(currency" not in text


def test_a_runs_report_shows_money_in_the_scenarios_currency(tmp_path: Path):
    out = tmp_path / "r"
    argv = ["run", "--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1",
            "--reps", "1", "--out", str(out)]  # fmt: skip
    assert main(argv) == 0  # the default scenario, priced in USD
    text = render_folder(out)
    row = "total_cost_per_consignment (USD per consignment), agency + trader"
    assert f"<th scope='row'>{row}</th>" in text
    assert "(currency" not in text
    assert "run with --log for every consignment" in text  # (a run has --log)


def test_the_results_table_has_the_p95_of_clearance(folder: Path):
    """docs/reports.md: clearance, customs' and overall, with its p95 (the tail)."""
    text = (folder / "report.html").read_text(encoding="utf-8")
    for metric in ("clearance_h_p95", "overall_clearance_h_p95"):
        assert f'data-metric="{metric}" data-option="review4"' in text, metric


def test_who_gains_table_says_over_how_many_replications_its_counts_are_summed():
    """A group missing from some replications is still summed over all of the option's."""
    from sim.report.html import gains_table

    row = {"measure": "overall_clearance", "port": "all", "direction": "all", "group": "all",
           "mean_change": -0.5, "ci_low": -0.6, "ci_high": -0.4, "share_worse": 0.0,
           "share_better": 0.3}
    gains = pd.DataFrame([
        {**row, "option": "a", "dimension": "all", "n": 22222, "reps": 3},
        {**row, "option": "a", "dimension": "port_direction", "port": "p", "direction": "import",
         "n": 5, "reps": 2},
    ])
    text = gains_table(gains)
    assert "<th>consignments (summed over 3 replications)</th>" in text
    assert "<td class='n'>22,222</td>" in text and "<td class='n'>5</td>" in text
    other = {**row, "option": "b", "dimension": "all", "n": 10, "reps": 2}
    text = gains_table(pd.concat([gains, pd.DataFrame([other])]))
    assert "how many: in brackets" in text
    assert "<td class='n'>22,222 (3)</td>" in text and "<td class='n'>10 (2)</td>" in text


def test_who_gains_table_keeps_a_port_seen_in_some_replications_in_its_options_block():
    """gains.csv lists a port missing from some replications (Jiangmen over a short run)
    after every option's rows; the table puts it in its option's block, ports by name."""
    from sim.report.html import gains_table

    row = {"measure": "overall_clearance", "group": "all", "mean_change": -0.5,
           "ci_low": -0.6, "ci_high": -0.4, "share_worse": 0.0, "share_better": 0.3, "n": 9,
           "reps": 3}
    every = {**row, "dimension": "all", "port": "all", "direction": "all"}
    def at(option: str, port: str) -> dict[str, object]:
        return {**row, "option": option, "dimension": "port_direction", "port": port,
                "direction": "import"}
    gains = pd.DataFrame([{**every, "option": "a"}, at("a", "zj_port"), at("a", "gb_hzmb"),
                          {**every, "option": "b"}, at("b", "gb_hzmb"), at("a", "jm_port")])
    text = gains_table(gains)
    found = [text.index(f'data-option="{o}" data-who="{w}"') for o, w in (
        ("a", "all consignments"), ("a", "gb_hzmb \u00b7 import"),
        ("a", "jm_port \u00b7 import"), ("a", "zj_port \u00b7 import"),
        ("b", "all consignments"), ("b", "gb_hzmb \u00b7 import"))]
    assert found == sorted(found)


def test_who_gains_table_never_shows_a_share_above_0_as_0_and_says_what_a_sign_means():
    from sim.report.html import gains_table

    row = {"measure": "overall_clearance", "port": "all", "direction": "all", "group": "all",
           "mean_change": -0.5, "ci_low": -0.6, "ci_high": -0.4, "share_worse": 0.0,
           "share_better": 0.00046, "option": "a", "dimension": "all", "n": 9, "reps": 1}
    text = gains_table(pd.DataFrame([row]))
    assert "<td>&lt; 0.1 %</td><td>0.0 %</td>" in text
    assert "mean change (h; below 0: faster)" in text


# -- which rows are the same consignment in both logs ---------------------------------------
def _rows(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[*COLUMNS, "outcome"])


def _everyone(base: pd.DataFrame, opt: pd.DataFrame) -> pd.Series:
    g = gains_one(base, opt)
    return g[(g["measure"] == "clearance") & (g["dimension"] == "all")].iloc[0]


def test_who_gains_leaves_out_smugglers_loads_whose_order_an_option_changes():
    """A smuggling group's loads take indices in the order they come to a port, so when an
    option moves smugglers between routes the k-th load is another load (another arrival,
    another value). Pairing them gives traders at the port changes nobody made; the traders'
    own consignments, unchanged here, show none."""
    nan, s = np.nan, SMUGGLING_INDEX
    traders = [
        ("p", 0, "import", "general", "g", 0.0, 2.0, 5.0, nan, "released"),
        ("p", 1, "import", "general", "g", 1.0, 4.0, 7.0, nan, "released"),
    ]
    base = _rows([
        *traders,
        ("p", s, "import", "general", "g", 10.0, 11.0, 12.0, nan, "released"),
        ("p", s + 1, "import", "general", "g", 30.0, 30.5, 31.0, nan, "released"),
    ])  # fmt: skip
    opt = _rows([
        *traders,  # a load more came by the port route first: the k-th load is another one
        ("p", s, "import", "general", "g", 4.0, 9.0, 12.0, nan, "released"),
        ("p", s + 1, "import", "general", "g", 10.0, 11.0, 12.0, nan, "released"),
        ("p", s + 2, "import", "general", "g", 30.0, 30.5, 31.0, nan, "released"),
    ])  # fmt: skip
    everyone = _everyone(base, opt)
    assert everyone["n"] == 2  # the traders' two consignments, no smuggler's load
    assert everyone["sum_change"] == 0 and everyone["worse"] == 0 and everyone["better"] == 0


def test_who_gains_pairs_a_surges_arrivals_only_when_both_runs_have_the_same_surge():
    """Added arrivals (a surge) come from streams of their own: the same surge in both runs
    brings the same arrivals (index and time), which are paired; a surge the option changes
    brings others under the same indices, which are left out (at that port and direction)."""
    nan, s = np.nan, SURGE_INDEX
    base = _rows([
        ("p", 0, "import", "general", "g", 0.0, 2.0, 5.0, nan, "released"),
        ("p", s, "import", "general", "g", 1.0, 3.0, 6.0, nan, "released"),
        ("q", s, "import", "general", "g", 2.0, 3.0, 4.0, nan, "released"),
    ])  # fmt: skip
    same = base.copy()
    same.loc[1, "released"] = 4.0  # the same surge load at p, an hour later: paired
    assert _everyone(base, same)["n"] == 3 and _everyone(base, same)["sum_change"] == 1.0
    other = same.copy()
    other.loc[2, ["arrived", "released"]] = [1.5, 1.6]  # q's surge is another: its k-th load
    everyone = _everyone(base, other)
    assert everyone["n"] == 2 and everyone["sum_change"] == 1.0  # q's surge load left out
    none = base[base["index"] < s]  # a surge only the option has: nothing to pair it with
    assert _everyone(none, same)["n"] == 1


def test_the_report_says_which_loads_who_gains_leaves_out(folder: Path):
    """The who-gains note names what is not compared: smugglers' loads, a changed surge's."""
    text = (folder / "report.html").read_text(encoding="utf-8")
    assert "Smuggling groups' loads are left out" in text
    assert "a surge's added arrivals where the option changes the surge" in text


def test_who_gains_leaves_out_consignments_whose_arrival_or_attributes_an_option_changes():
    """An option that changes a port's arrivals (its rate, its mix) makes the k-th arrival
    there another consignment: another arrival time, perhaps other goods. Pairing it with the
    baseline's k-th would credit the option with the difference between two consignments;
    such rows are left out and counted per port and direction (measure ``unpaired``)."""
    nan = np.nan
    base = _rows([
        ("p", 0, "import", "general", "g", 0.0, 2.0, 5.0, nan, "released"),
        ("p", 1, "import", "general", "g", 1.0, 4.0, 7.0, nan, "released"),
        ("q", 0, "import", "general", "g", 0.0, 2.0, 3.0, nan, "released"),
        ("q", 1, "import", "general", "g", 5.0, 6.0, 7.0, nan, "released"),
        ("q", 2, "import", "general", "g", 9.0, 9.5, 9.7, nan, "released"),
    ])  # fmt: skip
    opt = base.copy()
    opt["released"] = opt["released"] + 1.0  # everyone released an hour later
    opt.loc[3, ["arrived", "released"]] = [7.0, 8.0]  # q's second arrival is another one
    opt.loc[4, "commodity"] = "frozen"  # and its third carries other goods
    everyone = _everyone(base, opt)
    assert everyone["n"] == 3 and everyone["sum_change"] == 3.0  # p's two and q's first only
    g = gains_one(base, opt)
    left = g[g["measure"] == UNPAIRED]
    assert left[["port", "direction", "n"]].values.tolist() == [["q", "import", 2]]
    assert _everyone(base, base)["n"] == 5  # nothing changed: everyone paired, none counted
    assert not (gains_one(base, base)["measure"] == UNPAIRED).any()


def test_a_comparison_that_changes_a_ports_arrivals_says_how_many_it_cannot_pair(tmp_path):
    """The sea port's exports at another rate: their k-th export is another consignment.
    The note and compare.json say how many who-gains leaves out there; the imports, whose
    arrivals the option does not change, are all paired."""
    rate = "rate:ports.sea.exports.arrivals.rate=150/d"
    res = compare(SMALL, [rate], reps=1, overrides=SHORT, out=tmp_path / "c")
    where = res.meta["unpaired"]["rate"]
    assert set(where) == {"sea/export"}
    left, total = where["sea/export"]
    assert 0 < left <= total
    g = res.gains
    assert not (g["measure"] == UNPAIRED).any()  # counted apart, not summarised as a change
    saved = json.loads((tmp_path / "c" / "compare.json").read_text(encoding="utf-8"))
    assert saved["unpaired"] == {"rate": {"sea/export": [left, total]}}
    notes = Notes()
    _notes(res, notes)
    report = (tmp_path / "c" / "report.html").read_text(encoding="utf-8")
    assert f"Left out so: rate: {left:,} of {total:,} at sea/export." in report
    said = [n for n in notes.lines if "who gains and who loses leaves out" in n]
    assert said == [
        f"note (rate): who gains and who loses leaves out {left:,} of {total:,} at sea/export "
        "released consignments: the option changes their arrival or declared attributes, so "
        "they are not the same consignments as the baseline's (its table covers the others)"
    ]


def test_a_who_gains_table_written_with_hour_named_columns_is_read_with_todays_names():
    """A results folder written when the columns were named for hours (money included) is
    read with unit-free names and a unit per row."""
    old = pd.DataFrame([
        {"option": "a", "measure": m, "dimension": "all", "port": "all", "direction": "all",
         "group": "all", "n": 3, "reps": 1, "mean_change_h": 1.0, "ci_low": 0.5,
         "ci_high": 1.5, "share_worse": 0.0, "share_better": 1.0, "baseline_mean_h": 2.0}
        for m in ("clearance", "trader_cost")
    ])  # fmt: skip
    new = current_columns(old, "USD")
    assert new["unit"].tolist() == ["h", "USD"]
    assert new["mean_change"].tolist() == [1.0, 1.0] and "baseline_mean" in new
    assert not [c for c in new if c.endswith("_h")]


def test_a_consignment_whose_trader_the_option_certifies_is_its_beneficiary_not_left_out():
    """The AEO reforms certify some 'general' traders: the same consignment (same arrival,
    same goods) then declares as an advanced AEO's. It was left out of who gains as 'not the
    same consignment', so the traders the reform is for were missing from its table; it is
    kept, in a class group of its own."""
    nan = np.nan
    base = _rows([
        ("p", 0, "import", "general", "g", 0.0, 2.0, 5.0, nan, "released"),
        ("p", 1, "import", "general", "g", 1.0, 4.0, 7.0, nan, "released"),
        ("p", 2, "import", "aeo_advanced", "g", 2.0, 3.0, 4.0, nan, "released"),
    ])  # fmt: skip
    opt = base.copy()
    opt.loc[1, "trader_class"] = "aeo_advanced"  # its trader certified by the option
    opt.loc[1, ["released", "exited"]] = [2.0, 5.0]  # released 2 h sooner, out 2 h sooner
    g = gains_one(base, opt)
    assert not (g["measure"] == UNPAIRED).any()
    everyone = _everyone(base, opt)
    assert everyone["n"] == 3 and everyone["sum_change"] == -2.0
    by_class = g[(g["measure"] == "clearance") & (g["dimension"] == "trader_class")]
    groups = dict(zip(by_class["group"], by_class["n"], strict=True))
    assert groups == {"general": 1, "general → aeo_advanced": 1, "aeo_advanced": 1}
    moved = by_class[by_class["group"] == "general → aeo_advanced"].iloc[0]
    assert moved["sum_change"] == -2.0 and moved["better"] == 1


def test_an_exports_gain_is_counted_to_its_departure_not_its_loading():
    """Who gains measures until the goods leave the port: an export's departure, as the
    departure metrics. An export let in until a later cut-off but onto an earlier vessel
    (direct loading) is loaded later and leaves sooner: it gains; one loaded later onto the
    same vessel neither gains nor loses."""
    nan = np.nan
    cols = [*COLUMNS, "departed"]
    base = pd.DataFrame(
        [
            ("p", 0, "export", "A", "g", 0.0, 1.0, nan, 8.0, 20.0),
            ("p", 1, "export", "A", "g", 0.0, 1.0, nan, 8.0, 20.0),
        ],
        columns=cols,
    )
    opt = base.copy()
    opt.loc[0, ["loaded", "departed"]] = (9.0, 11.0)  # a later cut-off, an earlier vessel
    opt.loc[1, ["loaded", "departed"]] = (18.0, 20.0)  # a later cut-off, the same vessel
    g = gains_one(base, opt)
    g = g[g["measure"] == "overall_clearance"].set_index(["dimension", "port", "direction"])
    export = g.loc[("port_direction", "p", "export")]
    assert export["sum_change"] == pytest.approx(-9.0) and export["base_sum"] == 40.0
    assert export["better"] == 1 and export["worse"] == 0


def test_direct_loading_lets_exports_leave_sooner_in_who_gains_and_the_headline(tmp_path):
    """``compare --reforms direct_loading`` on the default scenario: departure from the sea
    port falls, and who gains says the same (its exports leave sooner, none later), where
    counted to loading at the cut-off it had said some 2 % left later."""
    out = tmp_path / "c"
    # (the cohort is the 3 observed days' arrivals, as many after a day's warm-up as after a
    # week's: the exports whose departure is compared are the same count; the drain of 4
    # days lets them leave)
    args = ["compare", str(REPO / "scenarios" / "default.toml"), "--days", "3", "--reps", "2",
            "--set", "warmup_days=1", "--set", "drain_days=4",
            "--reforms", "direct_loading", "--out", str(out)]  # fmt: skip
    assert main(args) == 0
    gains = pd.read_csv(out / "gains.csv")
    g = gains[(gains["measure"] == "overall_clearance") & (gains["option"] == "direct_loading")]
    sea = g[(g["dimension"] == "port_direction") & (g["port"] == "sea_port")]
    sea = sea.set_index("direction")
    assert sea.loc["export", "mean_change"] < -1.0
    assert sea.loc["export", "share_worse"] == 0 and sea.loc["export", "share_better"] > 0.1
    diff = pd.read_csv(out / "differences.csv").set_index(["option", "metric"])
    departure = diff.loc[("direct_loading", "departure_h_mean_port_sea_port_export"), "mean"]
    assert sea.loc["export", "mean_change"] == pytest.approx(departure, abs=0.05)
    text = (out / "report.html").read_text(encoding="utf-8")
    assert re.search(r"leave the port more than 1 min sooner, 0\.0 % later", text)


def test_a_costed_comparisons_trader_cost_is_given_per_container_too(folder: Path):
    """A costed comparison's log keeps each consignment's containers (trim_log), so gains.csv
    gives the trader cost's change per container beside per declaration: a box holds no
    more than its declaration, so its baseline is no larger; the hours have none."""
    gains = pd.read_csv(folder / "gains.csv")
    cost = gains[(gains["measure"] == "trader_cost") & (gains["dimension"] == "port_direction")]
    assert len(cost) and cost["baseline_mean_per_container"].notna().all()
    assert (cost["baseline_mean_per_container"] <= cost["baseline_mean"] + 1e-9).all()
    assert gains.loc[gains["measure"] != "trader_cost", "mean_change_per_container"].isna().all()
