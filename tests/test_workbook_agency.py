"""The workbook's agency costs sheet (sim/report/workbook_agency.py): each option's cost items
from the replications' agency tables, averaged over them, with their units and the money,
and a total that is the headline's ``agency_cost_per_year``; in English and Chinese. And the
overhead per consignment (costs of no port) in the headline sheet after the agencies' cost,
only where some option has overhead. Read from the written workbooks of one short
comparison of the small scenario, priced, whose option adds a system (an overhead)."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from sim.cli import main
from sim.report.workbook_agency import COLUMNS, LINES, ZH_KINDS
from sim.report.zh_workbook import item_said, option_said

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
#: the small scenario priced (one role, the document check's staff), a day, two replications
PRICED = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=1", "--reps", "2",
          "--set", "costs.price_year=2019", "--set", "costs.roles.officer=19000",
          "--set", 'costs.staff.document_check={role="officer", heads=2}']
#: an option with a system of no port: an overhead the baseline lacks
SYSTEM = "it:costs.systems.it=100000"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The comparison, with its English and Chinese workbooks."""
    out = tmp_path_factory.mktemp("agency-workbook") / "cmp"
    assert main(["compare", SMALL, *PRICED, "--option", SYSTEM, "--executor", "serial",
                 "--no-report", "--out", str(out)]) == 0
    for lang in ("en", "zh"):
        assert main(["workbook", str(out), "--lang", lang]) == 0
    return out


def _rows(book: Path, name: str) -> list[dict[str, object]]:
    """A sheet's rows as dicts by header, read from the written workbook."""
    ws = openpyxl.load_workbook(book, read_only=True)[name]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.mark.parametrize("lang, book, sheet", [("en", "workbook.xlsx", "agency costs"),
                                               ("zh", "workbook-zh.xlsx", "政府部门成本")])
def test_each_options_items_and_checks_add_up_to_its_agency_cost_a_year(folder, lang, book,
                                                                         sheet):
    zh = lang == "zh"
    head = {k: (z if zh else e) for k, e, z in COLUMNS}
    rows = _rows(folder / book, sheet)
    summary = pd.read_csv(folder / "summary.csv", dtype={"option": str})
    year = summary[summary["metric"] == "agency_cost_per_year"].set_index("option")["mean"]
    total_kind = ZH_KINDS["total"] if zh else "total"
    lines = {ZH_KINDS[k] if zh else k for k in LINES} - {ZH_KINDS["checks"] if zh else "checks"}
    for option in ("baseline", "it"):
        mine = [r for r in rows if r[head["option"]] == (option_said(option) if zh else option)]
        parts = [float(r[head["cost_per_year"]]) for r in mine if r[head["kind"]] not in lines]
        (total,) = [r for r in mine if r[head["kind"]] == total_kind]
        assert sum(parts) == pytest.approx(float(year[option]), rel=1e-12)
        assert float(total[head["cost_per_year"]]) == pytest.approx(float(year[option]),
                                                                    rel=1e-12)
        assert {r[head["reps"]] for r in mine} == {2}
        assert {r[head["money"]] for r in mine} == {"USD（2019 年价格）" if zh
                                                    else "USD at 2019 prices"}
    staff = [r for r in rows if r[head["item"]] == (item_said("document_check") if zh
                                                     else "document_check")]
    assert staff and {r[head["quantity_unit"]] for r in staff} == {"人·小时" if zh
                                                                   else "head-hours"}


def test_each_item_is_its_mean_over_the_replications_and_overheads_are_marked(folder):
    rows = _rows(folder / "workbook.xlsx", "agency costs")
    head = {k: e for k, e, _ in COLUMNS}
    reps = folder / "options" / "it" / "reps"
    items = pd.concat([pd.read_csv(reps / f"rep-{r:04d}-agency.csv") for r in (0, 1)])
    want = items.groupby(["port", "item"])["cost"].sum() / 2
    got = {(r[head["port"]], r[head["item"]]): r[head["cost"]] for r in rows
           if r[head["option"]] == "it" and r[head["port"]] is not None}
    assert got.keys() == set(want.index)
    for key, cost in want.items():
        assert got[key] == pytest.approx(cost, rel=1e-12)
    (system,) = [r for r in rows if r[head["item"]] == "systems:it"]
    assert system[head["port"]] == "*" and system[head["overhead"]] == "yes"
    assert system[head["quantity_unit"]] == "unit-years"


def test_an_item_a_replication_lacks_counts_0_there(tmp_path):
    """Overtime worked in one replication of two is half its cost on average, not all of it
    (a mean over the replications that have it would double it)."""
    from sim.report.workbook_agency import agency_sheet

    (tmp_path / "reps").mkdir()
    (tmp_path / "meta.json").write_text('{"reps": 2, "money": "USD at 2019 prices"}')
    (tmp_path / "scenario.json").write_text('{"days": 1}')
    pd.DataFrame([{"option": "run", "metric": "agency_checks_cost_per_year", "mean": 0.0}]
                 ).to_csv(tmp_path / "summary.csv", index=False)
    staff = {"port": "p", "item": "desk", "kind": "staff", "role": "officer", "quantity": 24.0,
             "price": 10.0, "cost": 240.0, "utilisation": 0.5, "busy_cost": 120.0}
    over = {**staff, "kind": "overtime", "quantity": 2.0, "cost": 20.0}
    for r, items in enumerate(([staff, over], [staff])):
        (tmp_path / "reps" / f"rep-{r:04d}.json").write_text("{}")
        pd.DataFrame(items).to_csv(tmp_path / "reps" / f"rep-{r:04d}-agency.csv", index=False)
    sheet = agency_sheet(tmp_path, "run", "en")
    assert sheet is not None
    head = {k: e for k, e, _ in COLUMNS}
    table = sheet.table.set_index(head["kind"])
    assert table.loc["overtime", head["cost"]] == pytest.approx(10.0)
    assert table.loc["overtime", head["quantity"]] == pytest.approx(1.0)
    assert table.loc["staff", head["cost"]] == pytest.approx(240.0)
    assert table.loc["total", head["cost_per_year"]] == pytest.approx(250.0 * 365)


@pytest.mark.parametrize("lang, book, words", [
    ("en", "workbook.xlsx", "of which costs of no port (overheads"),
    ("zh", "workbook-zh.xlsx", "每票分摊的管理费用"),
])
def test_the_headline_sheet_has_the_overhead_after_the_agencies_cost(folder, lang, book,
                                                                     words):
    from sim.report.workbook_sheets import HEADLINE_COLUMNS

    zh = lang == "zh"
    rows = _rows(folder / book, "主要结果" if zh else "headline")
    figure, metric, mean, option = (HEADLINE_COLUMNS[c][zh] for c in
                                    ("figure", "metric", "mean", "option"))
    metrics = [r[metric] for r in rows]
    at = metrics.index("agency_cost_overhead_per_consignment")
    assert metrics[at - 2:at] == ["agency_cost_per_consignment"] * 2
    summary = pd.read_csv(folder / "summary.csv", dtype={"option": str})
    want = summary[summary["metric"] == "agency_cost_overhead_per_consignment"]
    for r in rows[at:at + 2]:
        assert r[metric] == "agency_cost_overhead_per_consignment" and words in str(r[figure])
        (value,) = want.loc[want["option"].map(option_said if zh else str) == r[option], "mean"]
        assert float(str(r[mean])) == pytest.approx(float(value))
    assert float(str(rows[at + 1][mean])) > 0  # (the option's system)


def test_an_agency_table_without_costs_is_refused_naming_it(tmp_path):
    from sim.report.folder import ResultsFolderError
    from sim.report.workbook_agency import agency_sheet

    (tmp_path / "reps").mkdir()
    (tmp_path / "meta.json").write_text('{"reps": 1}')
    (tmp_path / "scenario.json").write_text('{"days": 1}')
    pd.DataFrame([{"option": "run", "metric": "agency_cost_per_year", "mean": 1.0}]
                 ).to_csv(tmp_path / "summary.csv", index=False)
    (tmp_path / "reps" / "rep-0000.json").write_text("{}")
    bad = tmp_path / "reps" / "rep-0000-agency.csv"
    pd.DataFrame([{"port": "p", "item": "desk", "quantity": 1.0}]).to_csv(bad, index=False)
    with pytest.raises(ResultsFolderError, match=r"rep-0000-agency\.csv lacks the column"
                                                 r"\(s\) cost"):
        agency_sheet(tmp_path, "run", "en")


def test_the_chinese_sheet_says_the_baseline_and_the_items_in_chinese(folder):
    """A customs officer reads 基准方案 and 审单, not ``baseline`` and ``declaration_review``;
    a fixed post or a system keeps its own name after its kind."""
    head = {k: z for k, _, z in COLUMNS}
    rows = _rows(folder / "workbook-zh.xlsx", "政府部门成本")
    assert {r[head["option"]] for r in rows} == {"基准方案", "it"}
    items = {str(r[head["item"]]) for r in rows}
    assert "单证审核" in items and "document_check" not in items
    assert "信息系统：it" in items and "systems:it" not in items
    english = {i for i in items if re.fullmatch(r"[a-z_]+", i)}
    assert not english, english
