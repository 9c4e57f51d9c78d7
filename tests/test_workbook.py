"""`bordersim workbook`: one .xlsx of a run's or comparison's folder. Its figures are read
back and compared with the folder's files; its layout (readme, frozen headers, number
formats, Chinese labels) is checked; damaged folders and bad targets are refused, naming
the file. Short runs of the small scenario only."""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from sim.cli import main
from sim.report.workbook import write_workbook
from sim.report.zh_workbook import figure_header

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
TINY = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2", "--reps", "2"]
#: a cell holds a figure to 16 significant digits (as .xlsx writers write doubles; a
#: spreadsheet shows 15), the folder's CSV to 17
SIGNIFICANT = 1e-15


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=SIGNIFICANT, abs_tol=0) or (pd.isna(a) and pd.isna(b))


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A run and a comparison of the small scenario, each with its workbooks."""
    base = tmp_path_factory.mktemp("workbook")
    assert main(["run", SMALL, *TINY, "--out", str(base / "run")]) == 0
    assert main(["compare", SMALL, *TINY, "--no-report", "--out", str(base / "cmp"),
                 "--option", "more_docs:ports.sea.document_check.capacity=4"]) == 0
    for kind in ("run", "cmp"):
        assert main(["workbook", str(base / kind)]) == 0
        assert main(["workbook", str(base / kind), "--lang", "zh"]) == 0
    return {k: base / k for k in ("run", "cmp")}


def _sheet(path: Path, name: str) -> pd.DataFrame:
    """A sheet read back (numbers as the cells hold them)."""
    return pd.read_excel(path, sheet_name=name, dtype={"option": str, "方案": str})


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".xlsx"}


@pytest.mark.parametrize("kind", ["run", "cmp"])
def test_every_table_sheet_holds_the_folders_file(folders, kind):
    book = folders[kind] / "workbook.xlsx"
    names = openpyxl.load_workbook(book, read_only=True).sheetnames
    files = {"summary": "summary.csv", "enforcement": "enforcement.csv",
             "trading-across-borders": "trading-across-borders.csv"}
    if kind == "cmp":
        files["differences"] = "differences.csv"
    assert names[:2] == ["readme", "headline"] and set(files) <= set(names)
    for sheet, file in files.items():
        want = pd.read_csv(folders[kind] / file, dtype={"option": str})
        got = _sheet(book, sheet)
        assert list(got.columns) == list(want.columns), sheet
        for col in want.columns:
            if pd.api.types.is_numeric_dtype(want[col]) and want[col].dtype != bool:
                pd.testing.assert_series_equal(got[col].astype(float), want[col].astype(float),
                                               rtol=SIGNIFICANT, atol=0, check_names=False)
            else:
                assert list(got[col].fillna("").astype(str)) == \
                    list(want[col].fillna("").astype(str)), (sheet, col)


def test_headline_figures_equal_summary_and_differences(folders):
    book = folders["cmp"] / "workbook.xlsx"
    head = _sheet(book, "headline")
    summary = pd.read_csv(folders["cmp"] / "summary.csv", dtype={"option": str})
    diffs = pd.read_csv(folders["cmp"] / "differences.csv", dtype={"option": str})
    metric = "metric (name in the results folder)"
    assert "clearance_h_mean_import" in set(head[metric])
    # the port the option changes has its own rows (a change there is diluted when pooled)
    at_sea = head[head[metric] == "clearance_h_mean_port_sea_import"]
    assert list(at_sea["option"]) == ["baseline", "more_docs"]
    assert set(at_sea["figure"]) == {"import clearance at sea"}
    assert set(head["option"]) == {"baseline", "more_docs"}
    s = summary.set_index(["option", "metric"])
    d = diffs.set_index(["option", "metric"])
    for row in head.to_dict("records"):
        key = (row["option"], row[metric])
        assert _same(row["mean"], s.loc[key, "mean"])
        assert _same(row["95 % interval, low"], s.loc[key, "shown_low"])
        assert _same(row["95 % interval, high"], s.loc[key, "shown_high"])
        assert row["unit"] == s.loc[key, "unit"]
        if row["option"] == "baseline":
            assert pd.isna(row["change from baseline (option minus baseline)"])
            continue
        assert _same(row["change from baseline (option minus baseline)"], d.loc[key, "mean"])
        assert _same(row["change, 95 % interval low"], d.loc[key, "ci_low"])
        assert _same(row["change, 95 % interval high"], d.loc[key, "ci_high"])
        assert row["clear change (Holm-corrected)"] == ("yes" if d.loc[key, "significant"]
                                                        else "no")


def test_readme_says_how_the_folder_was_made_and_every_warning(folders):
    ws = openpyxl.load_workbook(folders["run"] / "workbook.xlsx")["readme"]
    rows = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    meta = json.loads((folders["run"] / "meta.json").read_text(encoding="utf-8"))
    assert rows["command"] == " ".join(meta["command"])
    assert rows["replications (each option)"] == 2 and rows["seed"] == meta["seed"]
    for sheet in ("headline", "summary", "enforcement"):
        assert sheet in rows
    records = json.loads((folders["run"] / "warning-records.json").read_text("utf-8"))
    texts = [r[1] for r in ws.iter_rows(values_only=True) if r[0] == "every option"]
    assert records["records"] and texts == [r["text"] for r in records["records"]]


def test_sheets_are_formatted_for_a_spreadsheet(folders):
    book = openpyxl.load_workbook(folders["cmp"] / "workbook.xlsx")
    for ws in book.worksheets[1:]:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref, ws.title
        assert ws["A1"].font.bold
    for name in ("summary", "differences"):  # numbers are number cells, never text
        ws = book[name]
        col = [c.value for c in ws[1]].index("mean")
        cells = [r[col] for r in ws.iter_rows(min_row=2)]
        assert cells and all(c.data_type == "n" for c in cells), name
    head = book["headline"]
    header = [c.value for c in head[1]]
    mean = header.index("mean") + 1
    units = {r[header.index("unit")]: head.cell(i + 2, mean).number_format
             for i, r in enumerate(head.iter_rows(min_row=2, values_only=True))}
    assert units["hours"] == "#,##0.00" and units["share (0-1)"] == "0.0000"
    assert isinstance(head.cell(2, mean).value, float)  # a number, not text


def test_chinese_workbooks_readme_says_the_warnings_in_chinese(folders):
    """As the console says them under --lang zh: the same records, one a row, in Chinese."""
    from sim.cli_lang import line

    ws = openpyxl.load_workbook(folders["run"] / "workbook-zh.xlsx")["说明"]
    records = json.loads((folders["run"] / "warning-records.json").read_text("utf-8"))
    texts = [r[1] for r in ws.iter_rows(values_only=True) if r[0] == "全部方案"]
    assert records["records"] and texts == [line(r["text"], "zh") for r in records["records"]]
    assert all(t.startswith(("警告", "提示")) and "尚无中文" not in t for t in texts), texts


def test_chinese_workbook_names_sheets_headers_and_metrics(folders):
    book = openpyxl.load_workbook(folders["cmp"] / "workbook-zh.xlsx")
    assert book.sheetnames[:3] == ["说明", "主要结果", "配对差异"]
    head = book["主要结果"]
    header = [c.value for c in head[1]]
    assert header[:3] == ["指标", "指标代码（结果文件夹中的名称）", "单位"]
    first = [c.value for c in head[2]]
    assert first[1] == "clearance_h_mean_import" and first[0] == "海关通关时间均值（进口）"
    assert first[2] == "小时"
    english = pd.read_excel(folders["cmp"] / "workbook.xlsx", sheet_name="headline")
    chinese = pd.read_excel(folders["cmp"] / "workbook-zh.xlsx", sheet_name="主要结果")
    assert list(chinese["均值"]) == list(english["mean"])


def test_chinese_enforcement_sheet_names_its_columns_and_values_in_chinese(folders):
    """Every header in Chinese, each figure in the words of the metric counting it; the
    directions and truths in Chinese with their codes kept beside them (metrics are named
    by the codes: a reader joins on them); the figures as the English sheet's."""
    from sim.report.zh_glossary import VALUES
    from sim.report.zh_metrics import METRICS
    from sim.report.zh_workbook import COMPLIANT, FIGURES

    folder = folders["cmp"]
    zh = pd.read_excel(folder / "workbook-zh.xlsx", sheet_name="执法", dtype={"方案": str})
    en = pd.read_excel(folder / "workbook.xlsx", sheet_name="enforcement", dtype={"option": str})
    english = [c for c in zh.columns if not re.search("[\u4e00-\u9fff]", str(c))]
    assert not english, english
    assert list(zh["方向代码"]) == list(en["direction"])
    assert list(zh["真实情况代码"]) == list(en["truth"])
    words = {**VALUES["type"], "compliant": COMPLIANT, **VALUES["direction"]}
    assert list(zh["真实情况"]) == [words[t] for t in en["truth"]]
    assert list(zh["方向"]) == [words[d] for d in en["direction"]]
    figures = [c for c in en.columns if c not in ("option", "port", "direction", "truth")]
    assert zh[[figure_header(c) for c in figures]].to_numpy().tolist() == \
        en[figures].to_numpy().tolist()
    assert FIGURES["detected"] == METRICS["detected_<type>"].replace("<type>", "")
    assert FIGURES["held"] == METRICS["held_<type>"].replace("<type>", "")
    assert METRICS["seizures_per_1000"].endswith(FIGURES["seized"])


@pytest.mark.parametrize("kind", ["run", "cmp"])
def test_chinese_trading_sheet_has_no_english_header(folders, kind):
    """The 跨境贸易 sheet, read back from the written workbook: every header in Chinese
    (a new figure of the table must be given its words), the directions in Chinese with
    their codes beside them, the figures the English sheet's."""
    from sim.report.zh_workbook import trading_header

    book = folders[kind]
    header = [c.value for c in openpyxl.load_workbook(book / "workbook-zh.xlsx")["跨境贸易"][1]]
    english = [c for c in header if not re.search("[\u4e00-\u9fff]", str(c))]
    assert header and not english, english
    zh = pd.read_excel(book / "workbook-zh.xlsx", sheet_name="跨境贸易", dtype={"方案": str})
    en = pd.read_excel(book / "workbook.xlsx", sheet_name="trading-across-borders",
                       dtype={"option": str})
    assert list(zh["方向代码"]) == list(en["direction"])
    assert set(zh["方向"]) <= {"进口", "出口"}
    from sim.report.zh_glossary import MODES

    assert list(zh["运输方式"]) == [MODES[m] for m in en["mode"]]  # (海运, not sea)
    from sim.report.zh_glossary import VALUES

    classes = en["trader_class"].fillna("").astype(str)
    assert list(zh["企业信用等级代码"].fillna("").astype(str)) == list(classes)
    assert any(classes) and list(zh["企业信用等级"].fillna("")) == [
        VALUES["class"].get(c, c) for c in classes]
    assert zh[trading_header("border_time_h")].tolist() == en["border_time_h"].tolist()
    from sim.experiment.trading_table import FIGURES  # (costs too: the small scenario has none)

    unsaid = [f for f in FIGURES if not re.search("[\u4e00-\u9fff]", trading_header(f))]
    assert not unsaid, unsaid


def test_chinese_readme_says_the_seed_rule_and_the_baseline_in_chinese(folders):
    ws = openpyxl.load_workbook(folders["cmp"] / "workbook-zh.xlsx")["说明"]
    rows = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    meta = json.loads((folders["cmp"] / "compare.json").read_text(encoding="utf-8"))
    formula = meta["seeds"][meta["seeds"].index("SeedSequence("):]
    assert rows["种子规则"] == f"每个方案的第 r 次重复运行使用 {formula}"
    assert rows["方案 baseline"] == "情景不变"
    assert rows["执法"].endswith("均值）（enforcement.csv）")  # (Chinese brackets after Chinese)


def test_the_folder_is_only_read(folders, tmp_path):
    copy = tmp_path / "cmp"
    shutil.copytree(folders["cmp"], copy)
    before = _digest(copy)
    assert main(["workbook", str(copy), "--out", str(tmp_path / "out.xlsx")]) == 0
    assert _digest(copy) == before and (tmp_path / "out.xlsx").is_file()


def _exit(argv: list[str], capsys) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def test_damaged_or_wrong_folders_are_refused_naming_the_file(folders, tmp_path, capsys):
    code, err = _exit(["workbook", str(tmp_path / "none")], capsys)
    assert code == 2 and "does not exist, not a results folder" in err
    code, err = _exit(["workbook", str(folders["cmp"] / "options" / "baseline")], capsys)
    assert code == 2 and "one option of the comparison" in err
    run = tmp_path / "run"
    shutil.copytree(folders["run"], run)
    (run / "workbook.xlsx").unlink()
    text = (run / "summary.csv").read_text(encoding="utf-8").splitlines()
    cells = text[1].split(",")
    cells[-6] = str(float(cells[-6]) + 1)  # (the first metric's mean)
    (run / "summary.csv").write_text("\n".join([text[0], ",".join(cells), *text[2:]]) + "\n",
                                     encoding="utf-8")
    code, err = _exit(["workbook", str(run)], capsys)
    assert code == 2 and f"{run / 'summary.csv'} does not match" in err
    assert not (run / "workbook.xlsx").exists()


def test_a_changed_enforcement_table_is_refused(folders, tmp_path, capsys):
    cmp = tmp_path / "cmp"
    shutil.copytree(folders["cmp"], cmp)
    rows = list(csv.reader((cmp / "enforcement.csv").open(encoding="utf-8")))
    col = rows[0].index("declarations")
    rows[1][col] = str(float(rows[1][col]) + 1)
    with (cmp / "enforcement.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    code, err = _exit(["workbook", str(cmp)], capsys)
    assert code == 2 and "enforcement.csv does not match" in err and "'declarations'" in err


def test_bad_targets_are_refused(folders, tmp_path, capsys):
    code, err = _exit(["workbook", str(folders["run"]), "--out", str(tmp_path / "a.csv")],
                      capsys)
    assert code == 2 and "ends in .xlsx" in err
    code, err = _exit(["workbook", str(folders["run"]), "--out",
                       str(tmp_path / "no" / "a.xlsx")], capsys)
    assert code == 2 and "does not exist" in err
    other = tmp_path / "notes.xlsx"
    other.write_text("my notes", encoding="utf-8")
    code, err = _exit(["workbook", str(folders["run"]), "--out", str(other)], capsys)
    assert code == 2 and "not an .xlsx workbook" in err
    assert other.read_text(encoding="utf-8") == "my notes"


def test_a_sweep_folder_is_refused(tmp_path):
    from sim.report.folder import ResultsFolderError

    (tmp_path / "meta.json").write_text(json.dumps({"kind": "sweep"}), encoding="utf-8")
    with pytest.raises(ResultsFolderError, match="a sweep's folder"):
        write_workbook(tmp_path)


def test_the_page_lists_every_sheet_and_is_linked():
    """docs/workbook.md names each sheet the code writes, in both languages, and the README
    and the guide's contents link it."""
    from sim.report.workbook_sheets import TABLES

    page = (REPO / "docs" / "workbook.md").read_text(encoding="utf-8")
    listed = [line for line in page.splitlines() if line.startswith("| `")]
    names = [("readme", "说明"), ("headline", "主要结果")] + [(t[1], t[2]) for t in TABLES]
    names += [("agency costs", "政府部门成本")]  # (with [costs])
    names += [("business-case", "效益成本分析")]  # (an appraised comparison's, last)
    names += [("npv-tornado", "净现值敏感性"), ("npv-monte-carlo", "净现值蒙特卡洛")]  # (spread)
    assert [line.split("|")[1].strip() for line in listed] == \
        [f"`{en}` (`{zh}`)" for en, zh in names]
    assert "[docs/workbook.md](docs/workbook.md)" in (REPO / "README.md").read_text("utf-8")
    assert "](workbook.md)" in (REPO / "docs" / "README.md").read_text("utf-8")


def test_run_and_compare_print_the_workbook_command_and_it_works(tmp_path, capsys):
    """The line a reader copies from the end of a run's or comparison's output works as
    printed."""
    import shlex

    for argv in (["run", SMALL, *TINY], ["compare", SMALL, *TINY, "--no-report", "--option",
                                         "more_docs:ports.sea.document_check.capacity=4"]):
        out = tmp_path / argv[0]
        capsys.readouterr()
        assert main([*argv, "--out", str(out)]) == 0
        lines = [ln for ln in capsys.readouterr().out.splitlines() if "bordersim workbook" in ln]
        assert len(lines) == 1 and lines[0].endswith(f"bordersim workbook {out}")
        command = shlex.split(lines[0].split(": ", 1)[1])
        assert command[0] == "bordersim" and main(command[1:]) == 0
        assert (out / "workbook.xlsx").is_file()


def test_the_command_is_listed_in_the_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert "workbook" in out and "95 % intervals" in out


@pytest.mark.parametrize("kind, sheet, en_sheet", [("run", "全部指标", "summary"),
                                                   ("cmp", "全部指标", "summary"),
                                                   ("cmp", "配对差异", "differences")])
def test_chinese_full_tables_say_options_directions_classes_and_lanes_in_chinese(
        folders, kind, sheet, en_sheet):
    """The sheets an officer filters in a spreadsheet: the baseline (a run) in words, each
    direction, trader class and lane in Chinese with its code in the column after it (the
    metrics' names are built from the codes); the rows the English sheet's."""
    from sim.report.zh_glossary import VALUES
    from sim.report.zh_workbook import OPTIONS, VALUE_CODES

    zh = _sheet(folders[kind] / "workbook-zh.xlsx", sheet)
    en = _sheet(folders[kind] / "workbook.xlsx", en_sheet)
    if "option" in en.columns:  # (a run's full table has none: its headline's, then)
        assert list(zh["方案"]) == [OPTIONS.get(o, o) for o in en["option"]]
    else:
        zh_head = _sheet(folders[kind] / "workbook-zh.xlsx", "主要结果")
        assert set(zh_head["方案"]) == {OPTIONS["run"]}
    assert not set(zh.get("方案", [])) & set(OPTIONS), set(zh["方案"])
    for column, words in (("direction", "direction"), ("trader_class", "class"),
                          ("lane", "lane")):
        codes = en[column].fillna("").astype(str)
        assert list(zh[VALUE_CODES[column]].fillna("").astype(str)) == list(codes)
        said = zh[{"direction": "方向", "trader_class": "企业信用等级", "lane": "环节"}[column]]
        assert any(codes) and list(said.fillna("")) == [VALUES[words].get(c, c) for c in codes]
        assert not set(said.dropna()) & set(VALUES[words]), column


@pytest.mark.parametrize("kind,name", [("run", "summary.csv"), ("cmp", "enforcement.csv")])
def test_report_refuses_a_summary_or_enforcement_table_typed_over(folders, tmp_path, capsys,
                                                                     kind, name):
    """``report`` showed a typed-over summary.csv or enforcement.csv that ``workbook`` and
    ``tables`` refuse: it checks them as they do now, before a page vouches for them."""
    copy = tmp_path / kind
    shutil.copytree(folders[kind], copy)
    rows = list(csv.reader((copy / name).open(encoding="utf-8")))
    col = rows[0].index("mean" if name == "summary.csv" else "declarations")
    rows[1][col] = str(float(rows[1][col]) + 1)
    with (copy / name).open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    code, err = _exit(["report", str(copy), "--check"], capsys)
    assert code == 2 and f"{copy / name} does not match" in err and "Traceback" not in err
