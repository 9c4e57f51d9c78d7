"""Does AEO certification pay (sim.experiment.aeo_payback, compare --declarations-a-year):
the payback's arithmetic on a given saving, the warning when the saving's interval holds 0,
and nothing printed or written without the trader's declarations."""

from __future__ import annotations

import argparse
import html
import math
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from sim.cli import Notes, UsageError
from sim.cli_aeo_payback import FILE, check, check_port, show
from sim.experiment.aeo_payback import CERTIFIED, Certification, payback, payback_rows
from sim.warning_codes import record


def _gains(change: float, low: float, high: float) -> pd.DataFrame:
    """A pooled who-gains table: one certified group's trader cost, and rows to leave out."""
    row = {"option": "aeo", "measure": "trader_cost", "dimension": "trader_class",
           "port": "sea_port", "direction": "import", "group": CERTIFIED, "unit": "USD",
           "n": 75, "mean_change": change, "ci_low": low, "ci_high": high}
    return pd.DataFrame([row, {**row, "group": "general"},
                         {**row, "measure": "clearance", "unit": "h"},
                         {**row, "dimension": "trader_class_standardised", "port": "all"}])


def test_payback_arithmetic_on_a_given_saving():
    ask = Certification(declarations_a_year=1200, cost_once=20_000, cost_a_year=10_000)
    got = payback(42.0, 12.0, 68.0, ask)
    assert got["saved_a_year"] == pytest.approx(42 * 1200)
    assert (got["saved_low_a_year"], got["saved_high_a_year"]) == pytest.approx((14_400, 81_600))
    assert got["net_a_year"] == pytest.approx(42 * 1200 - 10_000)
    assert got["months_to_pay_back"] == pytest.approx(20_000 / ((50_400 - 10_000) / 12))
    assert got["claimable"]
    never = payback(8.0, 2.0, 14.0, ask)  # (9,600 a year saved against 10,000 to keep it)
    assert never["net_a_year"] == pytest.approx(-400) and never["months_to_pay_back"] is None
    no_costs = payback(42.0, 12.0, 68.0, Certification(1200))
    assert no_costs["net_a_year"] == pytest.approx(50_400)
    assert no_costs["months_to_pay_back"] is None and no_costs["cost_a_year"] is None


def test_rows_take_the_certified_groups_trader_cost_as_a_saving():
    rows = payback_rows(_gains(-42.0, -68.0, -12.0), Certification(1200, 20_000, 10_000))
    assert len(rows) == 1  # (not the uncertified, the hours nor the standardised rows)
    r = rows[0]
    assert (r["saving"], r["saving_low"], r["saving_high"]) == (42.0, 12.0, 68.0)
    assert r["months_to_pay_back"] == pytest.approx(12 * 20_000 / (42 * 1200 - 10_000))
    assert payback_rows(pd.DataFrame(), Certification(1200)) == []


def _args(**given: float | str | None) -> argparse.Namespace:
    return argparse.Namespace(**{"declarations_a_year": None, "certification_once": None,
                                 "certification_a_year": None, **given})


def _show(gains: pd.DataFrame, args: argparse.Namespace, out: Path) -> tuple[list[str], Notes]:
    said: list[str] = []
    notes = Notes()
    rows = show(SimpleNamespace(gains=gains), args, out, notes, said.append)
    assert rows is None if args.declarations_a_year is None else len(rows or []) == 1
    return said, notes


@pytest.mark.parametrize(("low", "high", "warned"), [(-68.0, -12.0, False), (-68.0, 5.0, True),
                                                     (math.nan, math.nan, True)])
def test_warns_when_the_savings_interval_holds_zero(tmp_path: Path, low, high, warned):
    args = _args(declarations_a_year=1200.0, certification_once=20_000.0)
    said, notes = _show(_gains(-42.0, low, high), args, tmp_path)
    assert any("sea_port import: saves 42.0 USD a declaration" in line for line in said)
    warnings = [record(line) for line in notes.lines if line.startswith("warning")]
    assert [w["code"] for w in warnings] == (["aeo_payback_unclaimed"] if warned else [])
    if warned:
        assert warnings[0]["option"] == "aeo" and warnings[0]["port"] == "sea_port"
    table = pd.read_csv(tmp_path / FILE)
    assert list(table["claimable"]) == [not warned]


def test_absent_inputs_print_and_write_nothing(tmp_path: Path):
    said, notes = _show(_gains(-42.0, -68.0, 5.0), _args(), tmp_path)
    assert said == [] and notes.lines == [] and not (tmp_path / FILE).exists()


def test_a_cost_without_declarations_is_refused():
    with pytest.raises(UsageError, match="--certification-a-year given without"):
        check(_args(certification_a_year=10_000.0))
    check(_args(declarations_a_year=1.0, certification_a_year=10_000.0))


def test_the_refusal_is_said_in_chinese(capsys):
    from sim.cli import main

    assert main(["compare", "--certification-once", "5", "--certification-a-year", "1",
                 "--lang", "zh"]) == 2
    said = capsys.readouterr().err
    assert "给出了 --certification-once 和 --certification-a-year，但没有给出" in said, said


def test_chinese_lines_carry_the_same_figures():
    from sim.cli_zh_aeo_payback import lines

    rows = payback_rows(_gains(-42.0, -68.0, -12.0), Certification(1200, 20_000, 10_000))
    zh = lines(rows, Certification(1200, 20_000, 10_000))
    assert "每票报关单节省 42.0 USD [12.0, 68.0]" in zh[1] and "50,400" in zh[1]
    assert f"{12 * 20_000 / 40_400:,.1f} 个月" in zh[1]


def _section(tmp_path: Path, low: float, high: float) -> list[str]:
    """The report's section of a folder into which compare's payback was written."""
    from sim.report.aeo_payback_section import aeo_payback_section

    args = _args(declarations_a_year=1200.0, certification_a_year=10_000.0,
                 certification_once=20_000.0)
    _show(_gains(-42.0, low, high), args, tmp_path)
    return aeo_payback_section(tmp_path)


def test_the_report_shows_the_payback_with_its_warning_in_both_languages(tmp_path: Path):
    from sim.report.translate import translate

    assert _section(tmp_path, -68.0, -12.0)[0].startswith("<h2 id='aeo-payback'>")
    page = "".join(_section(tmp_path, -68.0, -12.0))
    assert "1,200 declarations a year" in page and "<td>42.0 [12.0, 68.0]</td>" in page
    assert f"<td>{12 * 20_000 / 40_400:,.1f}</td>" in page and "class='warn'" not in page
    page = "".join(_section(tmp_path, -68.0, 5.0))  # (the saving's interval holds 0)
    warned = [p for p in page.split("<p") if "class='warn'" in p]
    assert len(warned) == 1 and "warning (aeo): sea_port import" in warned[0], page
    zh = translate(f"<html lang='en'><body>{page}</body></html>", "zh")
    assert "单个企业的 AEO 认证能否收回成本" in zh and "每年 1,200 票报关单" in zh, zh
    assert "警告（方案 aeo）：sea_port 进口：获得认证的企业每票报关单节省金额的置信区间包含 0" in zh
    assert "data-untranslated" not in zh and "<td>进口</td>" in zh, zh


def test_no_payback_file_no_section_and_a_damaged_one_is_named(tmp_path: Path):
    from sim.report.aeo_payback_section import aeo_payback_section
    from sim.report.folder import ResultsFolderError

    assert aeo_payback_section(tmp_path) == []
    (tmp_path / FILE).write_text("option,port\naeo,sea_port\n", encoding="utf-8")
    with pytest.raises(ResultsFolderError, match=f"{FILE}: not what bordersim compare"):
        aeo_payback_section(tmp_path)


def _two_ports() -> pd.DataFrame:
    """The certified group at the sea port's imports and exports and the airport's imports."""
    one = _gains(-42.0, -68.0, -12.0)
    return pd.concat([one, one.assign(direction="export", mean_change=-7.0),
                      one.assign(port="airport", mean_change=-3.0)], ignore_index=True)


@pytest.mark.parametrize(("port", "direction", "kept"), [
    (None, None, {("sea_port", "import"), ("sea_port", "export"), ("airport", "import")}),
    ("sea_port", None, {("sea_port", "import"), ("sea_port", "export")}),
    (None, "import", {("sea_port", "import"), ("airport", "import")}),
    ("sea_port", "export", {("sea_port", "export")})])
def test_the_rows_are_picked_by_port_and_direction(tmp_path: Path, port, direction, kept):
    args = _args(declarations_a_year=100.0, payback_port=port, payback_direction=direction)
    said: list[str] = []
    rows = show(SimpleNamespace(gains=_two_ports()), args, tmp_path, Notes(), said.append)
    assert {(r["port"], r["direction"]) for r in rows or []} == kept
    table = pd.read_csv(tmp_path / FILE)
    assert set(zip(table["port"], table["direction"], strict=True)) == kept
    assert len(said) == 1 + len(kept)  # (the heading, then a line a row)


def test_a_resumed_payback_is_rewritten_atomically_only_when_its_inputs_changed(tmp_path):
    def write(**given: float | str | None) -> tuple[int, str]:
        show(SimpleNamespace(gains=_two_ports()), _args(**given), tmp_path, Notes(),
             lambda _: None)
        return (tmp_path / FILE).stat().st_ino, (tmp_path / FILE).read_text(encoding="utf-8")

    first = write(declarations_a_year=100.0)
    assert write(declarations_a_year=100.0) == first  # (the same inputs: left as it was)
    more = write(declarations_a_year=200.0)  # (a new file renamed over the old one)
    assert more[0] != first[0] and more[1] != first[1]
    picked = write(declarations_a_year=200.0, payback_direction="export")
    assert picked[0] != more[0] and len(pd.read_csv(tmp_path / FILE)) == 1
    assert not [p for p in tmp_path.iterdir() if p.name != FILE]  # (no temporary left)


def test_a_filter_without_declarations_or_an_unknown_port_is_refused(capsys):
    with pytest.raises(UsageError, match="--payback-direction given without"):
        check(_args(payback_direction="import"))
    scenario = SimpleNamespace(name="default", ports={"sea_port": 0, "airport": 0})
    with pytest.raises(UsageError, match=r"'sea' is not a port .* allowed: airport, sea_port"):
        check_port(_args(payback_port="sea"), scenario)
    check_port(_args(payback_port="airport"), scenario)
    from sim.cli import main

    assert main(["compare", "--payback-port", "sea_port", "--lang", "zh"]) == 2
    assert "给出了 --payback-port，但没有给出" in capsys.readouterr().err


def test_a_lapsed_certifications_rise_in_cost_is_the_saving_the_status_keeps():
    """An aeo_lapse row (advanced AEOs' own consignments without the status) costs more: the
    rise is what keeping the status saves, its interval's ends as they are."""
    from sim.experiment.aeo_payback import LAPSED

    lapsed = _gains(42.0, 12.0, 68.0).replace({"group": {CERTIFIED: LAPSED}})
    rows = payback_rows(lapsed, Certification(1200, 0, 10_000))
    assert len(rows) == 1
    r = rows[0]
    assert (r["saving"], r["saving_low"], r["saving_high"]) == (42.0, 12.0, 68.0)
    assert r["net_a_year"] == pytest.approx(42 * 1200 - 10_000) and r["claimable"]
    other = _gains(42.0, 12.0, 68.0).replace({"group": {CERTIFIED: "aeo_advanced → aeo_general"}})
    assert payback_rows(other, Certification(1200)) == []


@pytest.mark.parametrize(("group", "english", "chinese"), [
    ("general → aeo_advanced", "the certified traders' saving a declaration", "获得认证的企业"),
    ("aeo_advanced → general", "the saving the status keeps a declaration", "保持认证为企业保住"),
])
def test_the_unclaimed_warning_names_the_saving_by_the_rows_kind(tmp_path: Path, group,
                                                                 english, chinese):
    """A lapse's row is the saving the status keeps, not a certified trader's: its warning
    says so in English and Chinese, on the console and in the report read from the CSV."""
    from sim.cli_lang import sentence
    from sim.report.aeo_payback_section import aeo_payback_section

    change = -42.0 if group == CERTIFIED else 42.0  # (a saving of 42 either way)
    gains = _gains(change, -5.0, 5.0).replace({"group": {CERTIFIED: group}})
    args = _args(declarations_a_year=1200.0)
    said, notes = _show(gains, args, tmp_path)
    warned = [line for line in notes.lines if line.startswith("warning")]
    assert len(warned) == 1 and english in warned[0], warned
    rec = record(warned[0])
    assert rec["code"] == "aeo_payback_unclaimed"
    zh = sentence(rec, warned[0])
    assert chinese in zh and "saving" not in zh, zh
    assert any(html.escape(english) in part for part in aeo_payback_section(tmp_path))


def test_a_file_written_before_the_group_column_is_still_read(tmp_path: Path):
    """aeo-payback.csv from before ``group``: the report reads it, its rows certified ones."""
    from sim.report.aeo_payback_section import aeo_payback_section

    _show(_gains(-42.0, -5.0, 5.0), _args(declarations_a_year=1200.0), tmp_path)
    table = pd.read_csv(tmp_path / FILE)
    table.drop(columns=["group"]).to_csv(tmp_path / FILE, index=False)
    said = aeo_payback_section(tmp_path)
    assert any(html.escape("the certified traders' saving") in part for part in said)


@pytest.mark.parametrize(("given", "got"), [
    ("1200", 1200.0), ("1,200", 1200.0),
    ("import=800,export=400", {"import": 800.0, "export": 400.0}),
    ("export=400, import=800", {"import": 800.0, "export": 400.0}),
])
def test_declarations_a_year_takes_one_count_or_one_by_direction(given, got):
    from sim.cli_aeo_payback import declarations

    assert declarations(given) == got


@pytest.mark.parametrize(("given", "said"), [
    ("import=800", "expected N (one count for both directions) or import=N,export=N"),
    ("import=800,import=400", "(each direction once); got import=800,import=400"),
    ("imports=800,export=400", "got imports=800,export=400"),
    ("import=800,export=", "or import=N,export=N"),
    ("import=-8,export=400", "must be a positive number; got import=-8"),
    ("import=x,export=400", "not a number: 'import=x'"),
])
def test_other_declarations_a_year_are_refused_clearly(capsys, given, said):
    from sim.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["compare", f"--declarations-a-year={given}"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and said in err and "Traceback" not in err, err
    with pytest.raises(SystemExit):
        main(["compare", f"--declarations-a-year={given}", "--lang", "zh"])
    zh = capsys.readouterr().err
    assert "错误：参数 --declarations-a-year：" in zh and "expected" not in zh, zh


def test_imports_and_exports_are_counted_apart(tmp_path: Path):
    """import=800,export=400: each direction's row scales its saving by its own count, and
    the heading and the report say both counts, in English and Chinese."""
    from sim.cli_zh_aeo_payback import lines
    from sim.report.aeo_payback_section import aeo_payback_section
    from sim.report.zh_aeo_payback import text

    one = _gains(-42.0, -68.0, -12.0)
    gains = pd.concat([one, one.assign(direction="export")], ignore_index=True)
    counts = {"import": 800.0, "export": 400.0}
    said, _ = _show_all(gains, _args(declarations_a_year=counts), tmp_path)
    rows = payback_rows(gains, Certification(counts))
    assert {r["direction"]: r["saved_a_year"] for r in rows} == pytest.approx(
        {"import": 42 * 800, "export": 42 * 400})
    assert said[0].startswith("AEO certification for one trader (800 import, 400 export ")
    assert lines(rows, Certification(counts))[0].startswith(
        "单个企业的 AEO 认证（每年进口 800 票、出口 400 票报关单")
    note = next(p for p in aeo_payback_section(tmp_path) if "class='note'" in p)
    assert "with 800 import, 400 export declarations a year" in note
    english = html.unescape(note.split(">", 1)[1].rsplit("<", 1)[0])
    assert "每年进口 800 票、出口 400 票报关单" in (text(english) or "")


def _show_all(gains: pd.DataFrame, args: argparse.Namespace, out: Path
              ) -> tuple[list[str], Notes]:
    said: list[str] = []
    notes = Notes()
    show(SimpleNamespace(gains=gains), args, out, notes, said.append)
    return said, notes
