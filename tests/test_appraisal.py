"""A comparison's business case over years (``bordersim appraise``): present values, payback
and cost per hour saved, paired over replications, checked against figures worked by hand."""

from __future__ import annotations

import contextlib
import io
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sim.analysis.stats import confidence_interval, ratio_interval
from sim.experiment.appraisal import Appraisal, appraise, payback_years


def _replications(base_level: list[float], truth: bool = False) -> pd.DataFrame:
    """Baseline and option ``o`` over three replications whose levels differ widely (by
    ``base_level``) while the option's difference is the same in each: the option adds
    1,000 of equipment and 100 a year of running cost, and saves traders 400 a year (300 of
    it the value of time) and 0.5 h of clearance on each of 1,000 consignments; with ``truth``
    it finds 10 more of 100 illicit declarations (2 still held), lets 200 less duty and 50 less
    harm slip a year."""
    rows = []
    for r, level in enumerate(base_level):
        time, fees = 3000.0 * level, 1000.0 * level  # the baseline's trader cost a year
        for name, d_time, d_fees, outlay, running, hours in (
                ("baseline", 0.0, 0.0, 5000.0, 2000.0 * level, 10.0 * level),
                ("o", -300.0, -100.0, 6000.0, 2000.0 * level + 100.0, 10.0 * level - 0.5)):
            t, f = time + d_time, fees + d_fees
            per_consignment = (t + f) / 2000.0  # any count: only the shares matter
            rows.append({"option": name, "replication": r, "agency_capital_outlay": outlay,
                         "agency_running_cost_per_year": running, "trader_cost_per_year": t + f,
                         "trader_cost_per_consignment": per_consignment,
                         "time_per_consignment": per_consignment * t / (t + f),
                         "overall_clearance_h_mean": hours, "consignments_released": 1000.0})
            if truth:
                better = name != "baseline"
                rows[-1].update({"detection_rate": (0.5 + 0.1 * better) * 100 / 98,
                                 "illicit_declarations": 100.0, "illicit_held": 2.0,
                                 "revenue_evaded": 1000.0 * level - 200.0 * better,
                                 "harm_slipped": 500.0 * level - 50.0 * better})
    return pd.DataFrame(rows)


def _figure(table: pd.DataFrame, figure: str) -> pd.Series:
    return table[table["figure"] == figure].iloc[0]


def test_present_values_and_payback_are_those_worked_by_hand():
    ask = Appraisal(years=5, discount_rate=0.1, days=365.0, setup={"o": 200.0})
    table = appraise(_replications([1.0, 3.0, 7.0]), ["o"], ask)
    annuity = sum(1.1 ** -t for t in range(1, 6))  # 3.7908
    assert ask.annuity() == pytest.approx(annuity)
    expected = {"setup_cost": 200.0, "equipment_outlay": 1000.0, "running_cost_per_year": 100.0,
                "trader_saving_per_year": 400.0, "time_saving_per_year": 300.0,
                "net_benefit_per_year": 300.0,
                "budget_present_value": 1200.0 + 100.0 * annuity,
                "trader_present_value": 400.0 * annuity,
                "net_present_value": 300.0 * annuity - 1200.0,
                "hours_saved_per_year": 500.0,
                "budget_per_hour_saved": (1200.0 / annuity + 100.0) / 500.0}
    for figure, value in expected.items():
        row = _figure(table, figure)
        # paired: the baseline's levels differ sevenfold, the differences not at all
        assert (row["mean"], row["ci_low"], row["ci_high"]) == pytest.approx((value,) * 3), figure
    # without the hidden truth, no finds, revenue or harm figures
    for figure in ("finds_gained_per_year", "budget_per_extra_find", "revenue_protected_per_year",
                   "harm_avoided_per_year"):
        assert math.isnan(_figure(table, figure)["mean"]), figure
    # 300 a year at 10 %: 272.7, 520.7, 746.1, 951.0, 1137.3 against 1,200: not in 5 years
    assert math.isinf(_figure(table, "payback_years")["mean"])
    assert payback_years(1200.0, 300.0, Appraisal(6, 0.1, 365.0)) == 6.0
    assert payback_years(950.0, 300.0, ask) == 4.0  # (950.96 by the end of year 4)
    assert payback_years(0.0, -1.0, ask) == math.inf
    assert payback_years(0.0, 0.0, ask) == 0.0


def test_finds_revenue_and_harm_with_the_hidden_truth():
    ask = Appraisal(years=5, discount_rate=0.1, days=73.0, setup={"o": 200.0})
    table = appraise(_replications([1.0, 3.0, 7.0], truth=True), ["o"], ask)
    expected = {"finds_gained_per_year": 50.0,  # 10 more in 73 days
                "budget_per_extra_find": (1200.0 / ask.annuity() + 100.0) / 50.0,
                "revenue_protected_per_year": 200.0, "harm_avoided_per_year": 50.0,
                "net_present_value": 300.0 * ask.annuity() - 1200.0}  # (costs already a year)
    for figure, value in expected.items():
        row = _figure(table, figure)
        assert (row["mean"], row["ci_low"], row["ci_high"]) == pytest.approx((value,) * 3), figure


def test_the_equivalent_annual_cost_and_the_annuity_agree():
    """The scenario's equipment at 8 % over 10 years: 2.6 M is 387,477 a year (README), so
    an appraisal's annuity over that horizon turns the one back into the other."""
    ask = Appraisal(years=10, discount_rate=0.08, days=7.0)
    assert 2_600_000 / ask.annuity() == pytest.approx(387_476.67, abs=0.01)
    assert Appraisal(years=4, discount_rate=0.0, days=7.0).annuity() == 4.0


def test_the_value_of_time_scale_moves_only_the_time_saving():
    ask = Appraisal(years=5, discount_rate=0.1, days=365.0, time_value_scale=3.5)
    table = appraise(_replications([1.0, 2.0]), ["o"], ask)
    assert _figure(table, "time_saving_per_year")["mean"] == pytest.approx(1050.0)
    assert _figure(table, "trader_saving_per_year")["mean"] == pytest.approx(1150.0)


def test_intervals_are_over_the_replications_paired_differences():
    reps = _replications([1.0, 1.0, 1.0])
    noise = np.array([-60.0, 10.0, 80.0])
    reps.loc[reps["option"] == "o", "agency_running_cost_per_year"] += noise
    ask = Appraisal(years=3, discount_rate=0.05, days=365.0)
    table = appraise(reps, ["o"], ask)
    mean, low, high = confidence_interval(100.0 + noise)
    row = _figure(table, "running_cost_per_year")
    assert (row["mean"], row["ci_low"], row["ci_high"]) == pytest.approx((mean, low, high))
    npv = _figure(table, "net_present_value")
    assert npv["ci_high"] - npv["ci_low"] == pytest.approx(ask.annuity() * (high - low))


def test_fieller_interval():
    # an exact denominator: the numerator's t interval over it
    mean, low, high = confidence_interval([1.0, 2.0, 3.0])
    assert ratio_interval([1.0, 2.0, 3.0], [2.0, 2.0, 2.0]) == pytest.approx(
        (mean / 2, low / 2, high / 2))
    # a denominator whose interval holds 0: no bounded interval
    ratio, low, high = ratio_interval([1.0, 1.1, 0.9], [1.0, -1.0, 0.5])
    assert ratio == pytest.approx(1.0 / (0.5 / 3)) and math.isnan(low) and math.isnan(high)
    # the bounds solve (mx - q my)^2 = t^2 var(mx - q my): the t statistic there is t
    x, y = np.array([10.0, 12.0, 11.0, 13.0]), np.array([2.0, 2.3, 1.9, 2.4])
    ratio, low, high = ratio_interval(x, y)
    assert low < ratio < high
    for q in (low, high):
        d = x - q * y
        t = d.mean() / (d.std(ddof=1) / 2)
        assert abs(t) == pytest.approx(3.182446, rel=1e-5)  # t(0.975, 3)


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A comparison of the default scenario with a fourth sea-port scanner (2 replications of
    a day), run once for the tests that read it."""
    from sim.cli import main
    from sim.scenario.loader import BUNDLED

    out = tmp_path_factory.mktemp("appraise") / "c"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["compare", str(BUNDLED / "default.toml"), "--option",
                     "s4:ports.sea_port.scan.scanners.capacity=4", "--reps", "2", "--days", "1",
                     "--set", "warmup_days=0", "--set", "drain_days=1", "--no-report",
                     "--out", str(out)]) == 0
    # the comparison says where its business case is
    assert (f"business case over years (set-up costs, NPV, payback, cost per hour saved): "
            f"bordersim appraise {out}") in " ".join(printed.getvalue().split())
    return out


def test_appraise_a_comparison_folder(compared, capsys):
    from sim.cli import main

    out = compared
    assert main(["appraise", str(out), "--setup", "s4=100000", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert (got["years"], got["discount_rate"]) == (10, 0.08)  # the scenario's rate
    s4 = got["options"]["s4"]
    assert s4["setup_cost"]["mean"] == 100000.0
    assert s4["equipment_outlay"]["mean"] == 2_600_000.0  # one sea-port scanner
    diffs = pd.read_csv(out / "differences.csv").set_index(["option", "metric"])
    for figure, metric, sign in (("running_cost_per_year", "agency_running_cost_per_year", 1),
                                 ("trader_saving_per_year", "trader_cost_per_year", -1)):
        d = diffs.loc[("s4", metric)]
        ends = sorted((sign * d["ci_low"], sign * d["ci_high"]))
        assert s4[figure]["mean"] == pytest.approx(sign * d["mean"])
        assert [s4[figure]["ci_low"], s4[figure]["ci_high"]] == pytest.approx(ends)
    assert (out / "appraisal.csv").is_file()
    assert main(["appraise", str(out), "--years", "3", "--discount-rate", "0"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "over 3 years at a discount rate of 0;" in text and "net present value" in text
    # a set-up no saving repays: its payback is "never", not "inf years"
    assert main(["appraise", str(out), "--setup", "s4=1000000000000"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "inf" not in text
    assert "repays year 0's cost: never (95 % CI never to never)" in text, text


@pytest.mark.parametrize("args, words", [
    (["--setup", "s5=1"], "--setup s5=1: no option 's5' in"),
    (["--setup", "s4"], "--setup s4: not OPTION=AMOUNT (its options: s4)"),
    (["--setup", "s4=-5"], "--setup s4=-5: a cost is 0 or more"),
    (["--setup", "s4=lots"], "--setup s4 lots: not a number"),
    (["--discount-rate", "8"], "--discount-rate 8.0: a share 0 to 0.3 (8 % is 0.08)"),
    (["--years", "0"], "--years 0: a whole number of years 1 to 100"),
    (["--years", "2.5"], "--years 2.5: a whole number of years 1 to 100"),
    (["--time-value-scale", "-1"], "--time-value-scale -1: 0 or more"),
])
def test_appraise_refuses_bad_arguments(compared, capsys, args, words):
    from sim.cli import main

    assert main(["appraise", str(compared), *args]) == 2
    assert words in capsys.readouterr().err


def test_appraise_refuses_a_folder_that_is_no_comparison(tmp_path, capsys):
    from sim.cli import main

    assert main(["appraise", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'compare.json'}: not found; appraise reads a comparison's" in err
    (tmp_path / "compare.json").write_text(json.dumps({"days": 7}))
    pd.DataFrame({"option": ["baseline"], "replication": [0]}).to_csv(
        tmp_path / "replications.csv", index=False)
    assert main(["appraise", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "replications.csv: no column agency_running_cost_per_year" in err
    assert "a scenario with a [costs] section" in err


def test_appraise_never_reads_a_folders_json_through_a_link(compared, tmp_path, capsys):
    """appraise read compare.json with a plain read; it reads as a report does now (no
    symbolic link, a bounded size)."""
    import shutil

    from sim.cli import main

    copy = tmp_path / "copy"
    shutil.copytree(compared, copy)
    (copy / "compare.json").rename(tmp_path / "compare.json")
    (copy / "compare.json").symlink_to(tmp_path / "compare.json")
    assert main(["appraise", str(copy)]) == 2
    err = capsys.readouterr().err
    assert f"{copy / 'compare.json'} cannot be read: a symbolic link" in err, err


def test_float_rounding_is_no_difference():
    """Two runs that add the same costs in another order differ in the last bits; that is
    exactly 0 here, as in the comparison's differences (it showed as -4.97e-09 a year)."""
    reps = _replications([1.0, 2.0], truth=True)
    o = reps["option"] == "o"
    reps.loc[o, "revenue_evaded"] = reps.loc[~o, "revenue_evaded"].to_numpy() * (1 + 1e-15)
    table = appraise(reps, ["o"], Appraisal(years=5, discount_rate=0.1, days=365.0))
    row = _figure(table, "revenue_protected_per_year")
    assert (row["mean"], row["ci_low"], row["ci_high"]) == (0.0, 0.0, 0.0)


def test_the_report_shows_an_appraised_folder_business_case(compared, capsys, tmp_path):
    from sim.cli import main

    assert main(["appraise", str(compared), "--setup", "s4=1000000", "--years", "12"]) == 0
    got = json.loads((compared / "appraisal.json").read_text())
    outlay = got["options"]["s4"]["equipment_outlay"]["mean"]
    page = tmp_path / "r.html"
    assert main(["report", str(compared), "--out", str(page)]) == 0
    text = page.read_text()
    assert "<h2>Business case over years</h2>" in text
    assert "over 12 years at a discount rate of 0.08" in text
    assert "<th scope='col'>s4</th>" in text
    assert "The NPV counts cash only: the staff capacity freed" in text  # (the default)
    assert f"<td>{outlay:,.0f} [{outlay:,.0f}, {outlay:,.0f}]</td>" in text  # 2,600,000
    assert "<td>1,000,000 [1,000,000, 1,000,000]</td>" in text  # the set-up cost given
    # a damaged appraisal is named, not skipped
    (compared / "appraisal.json").write_text("{")
    capsys.readouterr()
    assert main(["report", str(compared), "--out", str(page)]) == 2
    err = capsys.readouterr().err
    assert f"{compared / 'appraisal.json'}: cannot be read" in err
    assert f"run bordersim appraise {compared} again" in err
    (compared / "appraisal.json").unlink()
    assert main(["report", str(compared), "--out", str(page)]) == 0
    assert "Business case over years" not in page.read_text()


def _folder(path: Path, setups: dict[str, dict[str, float]]) -> Path:
    """A comparison's folder as appraise reads it: ``setups`` gives each option's (and the
    baseline's) ``costs.setup`` items."""
    path.mkdir()
    (path / "compare.json").write_text(json.dumps({"days": 365, "money": "USD"}))
    _replications([1.0, 2.0, 3.0]).to_csv(path / "replications.csv", index=False)
    for name, items in setups.items():
        (path / "options" / name).mkdir(parents=True)
        scenario = {"costs": {"discount_rate": 0.08, "setup": items}}
        (path / "options" / name / "scenario.json").write_text(json.dumps(scenario))
    return path


def test_a_reforms_setup_cost_is_year_0_of_its_appraisal(tmp_path, capsys):
    """A reform's setup_cost goes into costs.setup under its name; appraise takes an option's
    items beyond the baseline's as its set-up cost (an item the baseline has too, priced as
    high, is not paid again); --setup replaces it."""
    import sim
    from sim.cli import main
    from sim.reforms import REFORMS
    from sim.scenario.loader import BUNDLED

    base = sim.load_scenario(BUNDLED / "default.toml")
    changes = REFORMS["single_window"](setup_cost=250_000).fields(base)
    assert changes["costs.setup.single_window"] == 250_000
    assert not any(k.startswith("costs.setup") for k in REFORMS["single_window"].fields(base))
    small = sim.load_scenario(Path(__file__).parent / "scenarios" / "small.toml")
    with pytest.raises(Exception, match=r"setup_cost = 250000 is added to the \[costs\]"):
        REFORMS["single_window"](setup_cost=250_000).fields(small)

    folder = _folder(tmp_path / "c", {"baseline": {"portal": 100.0},
                                      "o": {"portal": 100.0, "single_window": 250_000.0}})
    assert main(["appraise", str(folder), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["options"]["o"]["setup_cost"]["mean"] == 250_000.0
    assert main(["appraise", str(folder), "--json", "--setup", "o=7"]) == 0
    assert json.loads(capsys.readouterr().out)["options"]["o"]["setup_cost"]["mean"] == 7.0


def test_the_workbook_carries_an_appraised_folders_business_case(compared, tmp_path):
    """The workbook a finance office is sent holds the business case appraise wrote, figure
    for figure, with its terms and the money and year of prices (in Chinese too); a folder
    not appraised has no such sheet. One workbook is built: the sheets' own function is read
    for the rest (building one takes seconds)."""
    import shutil

    import openpyxl

    from sim.cli import main
    from sim.cli_zh_appraise import FIGURES
    from sim.experiment.appraisal_sources import SOURCED
    from sim.report.workbook_appraisal import appraisal_sheet, money_said

    folder = tmp_path / "c"
    shutil.copytree(compared, folder)
    for name in ("appraisal.csv", "appraisal.json"):
        (folder / name).unlink(missing_ok=True)
    assert appraisal_sheet(folder, "en") is None
    assert main(["appraise", str(folder), "--setup", "s4=123456", "--years", "7",
                 "--running", "s4=4321"]) == 0
    record = json.loads((folder / "compare.json").read_text("utf-8"))
    money = record["money"]
    year = money.split(" at ")[1].split()[0]  # (the default scenario says its price year)
    assert money_said(folder, "compare", record, "zh") == f"USD（{year} 年价格）"
    assert main(["workbook", str(folder), "--out", str(tmp_path / "b.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    readme = {r[0]: r[1] for r in book["readme"].iter_rows(values_only=True) if r[0]}
    assert readme["currency"] == money and "prices" in money
    assert "over 7 years" in readme["business-case"] and year in readme["business-case"]
    assert "123,456" in readme["business-case"]
    assert "running costs added: s4 4,321 a year (given)" in readme["business-case"]
    got = pd.read_excel(tmp_path / "b.xlsx", sheet_name="business-case")
    want = pd.read_csv(folder / "appraisal.csv")
    assert list(got["unit"]) == list(want["unit"]) and len(got) == len(want)
    assert want["mean"].map(math.isinf).any()  # (one day cannot repay a scanner: never)
    zh = appraisal_sheet(folder, "zh")
    assert zh is not None and zh.name == "效益成本分析" and "期限 7 年" in zh.about
    assert "所加每年运行成本：s4 4,321/年（给定）" in zh.about
    assert list(zh.table["含义"]) == [FIGURES[f] + ("，给定" if f in SOURCED else "")
                                     for f in want["figure"]]
    assert f"{year} 年价格" in zh.table["单位"].iloc[0]
    for shown, never in ((got.iloc[:, 4:7], "never"), (zh.table.iloc[:, 4:7], "期内不回收")):
        values = shown.to_numpy(dtype=object).ravel()  # (inf in the file: a payback never)
        for a, b in zip(values, want[["mean", "ci_low", "ci_high"]].to_numpy().ravel(),
                        strict=True):
            if not pd.isna(b) and math.isinf(b):
                assert a == never
                continue
            assert (pd.isna(a) and pd.isna(b)) or float(a) == pytest.approx(float(b),
                                                                            rel=1e-15)


def test_the_warehouse_records_the_year_of_the_moneys_prices(compared, tmp_path, capsys):
    """runs.currency alone would make money at 2019 and at 2024 prices look comparable: the
    warehouse's runs row has the price year beside it, the scenario's costs.price_year."""
    from sim.cli import main

    assert main(["tables", str(compared), "--out", str(tmp_path / "t")]) == 0
    capsys.readouterr()
    runs = pd.read_parquet(tmp_path / "t" / "runs.parquet")
    record = json.loads((compared / "compare.json").read_text("utf-8"))
    scenario = json.loads((compared / "options" / "baseline" / "scenario.json").read_text())
    assert record["money"].startswith(f"USD at {scenario['costs']['price_year']} prices")
    assert runs.currency[0] == "USD"
    assert runs.price_year[0] == scenario["costs"]["price_year"]


def test_appraise_repeats_the_comparisons_warnings_and_notes(tmp_path, capsys):
    """A business case whose reform's running cost was never given, or whose comparison was
    too short to trust, says so beside its figures (in Chinese too) and in its JSON: the
    finance office reads appraise's output, not the comparison's."""
    from sim import cli_zh_appraise
    from sim.cli import main
    from sim.cli_lang import line
    from sim.experiment.appraisal_folder import CAVEATS
    from sim.experiment.compare_notes import uncosted_words
    from sim.warning_codes import record

    folder = _folder(tmp_path / "c", {"baseline": {}, "o": {"portal": 100.0}})
    assert main(["appraise", str(folder)]) == 0
    assert CAVEATS not in capsys.readouterr().out  # (none recorded: nothing said)
    said = f"note (o): {uncosted_words(['single_window'])}"
    records = {"records": [record(said)]}
    (folder / "warning-records.json").write_text(json.dumps(records), encoding="utf-8")
    assert main(["appraise", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[out.index(CAVEATS) + 1] == said and out[-1].startswith("Year 0:")
    assert main(["appraise", str(folder), "--lang", "zh"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[out.index(cli_zh_appraise.CAVEATS) + 1] == line(said, "zh")
    assert "运行未计入 single_window 的运行成本" in line(said, "zh")
    assert line(said, "zh").endswith("bordersim appraise 对 single_window 采用改革库的默认运行"
                                     "成本（bordersim reforms 改革名可按情景给出其金额）")
    assert main(["appraise", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == [said]
    assert json.loads((folder / "appraisal.json").read_text("utf-8"))["notes"] == [said]


def test_the_workbook_refuses_an_appraisal_older_than_its_replications(compared, tmp_path):
    """A comparison resumed with more replications after its appraisal: the business case
    would disagree with the other sheets, so the workbook says to appraise again."""
    import shutil

    from sim.cli import main
    from sim.report.folder import ResultsFolderError
    from sim.report.workbook_appraisal import appraisal_sheet

    folder = tmp_path / "c"
    shutil.copytree(compared, folder)
    assert main(["appraise", str(folder)]) == 0
    assert appraisal_sheet(folder, "en") is not None
    reps = pd.read_csv(folder / "replications.csv")
    reps = pd.concat([reps, reps.assign(replication=reps["replication"] + 2)])
    reps.to_csv(folder / "replications.csv", index=False)  # (as four replications would)
    with pytest.raises(ResultsFolderError, match=r"is of 2 replications of s4, the folder now "
                       r"holds 4: run bordersim appraise .* again") as refused:
        appraisal_sheet(folder, "en")
    from sim.cli_zh_errors import error_line

    assert error_line(str(refused.value), "zh").endswith(
        f"基于方案 s4 的 2 次重复运行，而文件夹中现有 4 次：请先重新运行 bordersim appraise "
        f"{folder}（即原来给定的条件，取自 appraisal.json），再生成工作簿")
    # the report is made, and says it beside the business case (the same check)
    from sim.report.appraisal_section import appraisal_section
    from sim.report.translate import translate

    older = ("<p class='warn'>This business case is older than the figures above: it is of 2 "
             f"replications of s4, the folder now holds 4. Run bordersim appraise {folder} "
             "again (the terms it was given, from appraisal.json)")
    section = "".join(appraisal_section(folder))
    assert older in section
    zh = translate(section, "zh")
    assert "基于方案 s4 的 2 次重复运行，而文件夹中现有 4 次。请重新运行" in zh
    reps.head(len(reps) // 2).to_csv(folder / "replications.csv", index=False)
    assert "older than" not in "".join(appraisal_section(folder))  # (current again)


def test_appraise_gives_cash_and_capacity_freed_apart_and_says_what_its_npv_counts(
        compared, capsys):
    """The capacity an option frees is its rise in idle staff cost (a difference of the
    comparison's), shown apart; the NPV leaves it out unless --count-freed-capacity, and the
    lines say which, in English and in Chinese."""
    from sim.cli import main
    from sim.cli_zh_appraise import CAPACITY_COUNTED as ZH_COUNTED
    from sim.cli_zh_appraise import CASH_ONLY as ZH_CASH
    from sim.experiment.appraisal_folder import CAPACITY_COUNTED, CASH_ONLY

    assert main(["appraise", str(compared), "--json"]) == 0
    cash = json.loads(capsys.readouterr().out)
    diffs = pd.read_csv(compared / "differences.csv").set_index(["option", "metric"])
    freed = diffs.loc[("s4", "agency_idle_staff_cost_per_year"), "mean"]
    s4 = cash["options"]["s4"]
    assert s4["capacity_freed_per_year"]["mean"] == pytest.approx(freed)
    assert s4["cash_saving_per_year"]["mean"] == pytest.approx(
        -s4["running_cost_per_year"]["mean"])
    assert cash["count_freed_capacity"] is False
    assert main(["appraise", str(compared), "--count-freed-capacity", "--json"]) == 0
    counted = json.loads(capsys.readouterr().out)["options"]["s4"]
    gained = counted["net_present_value"]["mean"] - s4["net_present_value"]["mean"]
    annuity = Appraisal(years=10, discount_rate=0.08, days=1.0).annuity()
    assert gained == pytest.approx(annuity * freed)
    for lang, said in (("en", (CASH_ONLY, CAPACITY_COUNTED)), ("zh", (ZH_CASH, ZH_COUNTED))):
        assert main(["appraise", str(compared), "--lang", lang]) == 0
        assert said[0] in capsys.readouterr().out
        assert main(["appraise", str(compared), "--lang", lang, "--count-freed-capacity"]) == 0
        assert said[1] in capsys.readouterr().out


def test_check_only_finds_an_appraisal_edited_after_it_was_written(compared, tmp_path, capsys):
    """The comparison's seal does not cover appraisal.csv (written after it): reproduce
    works the business case out again from the replications with the terms appraisal.json
    records, so an NPV, a payback or a term edited by hand is named, not passed as written."""
    import shlex
    import shutil

    from sim.appraisal_check import appraisal_problems
    from sim.cli import main
    from sim.report.zh_reasons import reason

    copy = tmp_path / "c"
    shutil.copytree(compared, copy)
    assert appraisal_problems(copy) == []  # (none written yet)
    assert main(["appraise", str(copy), "--setup", "s4=100000", "--years", "7"]) == 0
    assert appraisal_problems(copy) == []
    csv, record = copy / "appraisal.csv", copy / "appraisal.json"
    kept = csv.read_text()
    table = pd.read_csv(csv)
    row = table.index[table["figure"] == "net_present_value"][0]
    table.loc[row, "mean"] = float(table.loc[row, "mean"]) + 1.0
    table.to_csv(csv, index=False)
    capsys.readouterr()
    assert main(["reproduce", str(copy), "--check-only"]) == 1
    out = capsys.readouterr().out
    assert f"{csv}: s4 net_present_value mean is " in out, out
    assert "worked out, not the appraisal worked out again" in out
    # (the record keeps the command that made it, and the line gives it to type again)
    given = ["bordersim", "appraise", str(copy), "--setup", "s4=100000", "--years", "7"]
    assert json.loads(record.read_text())["command"] == given
    assert f"give the appraise command again: {shlex.join(given)}\n" in out, out
    assert main(["reproduce", str(copy), "--check-only", "--lang", "zh"]) == 1
    assert f"请再次运行 appraise 命令：{shlex.join(given)}" in capsys.readouterr().out
    csv.write_text(kept)
    terms = json.loads(record.read_text())
    terms["discount_rate"] = terms["discount_rate"] / 2  # (the figures left as written)
    record.write_text(json.dumps(terms))
    [moved] = appraisal_problems(copy)
    # (the first figure the rate moves: the added scanner's value left after 7 of its 10 years)
    assert moved.startswith(f"{csv}: s4 equipment_residual_value mean is "), moved
    assert "按 appraisal.json 记录的条件由比较的各次重复运行重新算得" in (
        reason(moved.partition(": ")[2]) or "")
    terms["discount_rate"] *= 2
    terms["options"]["s4"]["payback_years"]["ci_high"] = 99.0
    record.write_text(json.dumps(terms))
    [moved] = appraisal_problems(copy)
    assert moved.startswith(f"{record}: s4 payback_years ci_high is 99.0 in the file"), moved
    record.unlink()
    assert appraisal_problems(copy) == [
        f"{record}: missing, though appraisal.csv is there (bordersim appraise writes both): "
        "give the appraise command again"]
