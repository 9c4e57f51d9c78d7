"""`bordersim tables`: a finished results folder as typed, keyed warehouse tables with their
schema (datapackage.json), and `--validate`, which refuses tables that do not match it. The
results folder is only read. Short runs of the small scenario only."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sim.cli import main
from sim.experiment.seizure_layers import FIGURES
from sim.warehouse.export import figure_unit, run_id
from sim.warehouse.schema import BY_NAME, TABLES, datapackage
from sim.warehouse.validate import validate
from tests.test_cli_lang_notes import english_left

REPO = Path(__file__).resolve().parents[1]
SMALL = str(REPO / "tests" / "scenarios" / "small.toml")
TINY = ["--days", "1", "--set", "warmup_days=1", "--set", "drain_days=2", "--reps", "2"]


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A run and a comparison of the small scenario, and their tables."""
    base = tmp_path_factory.mktemp("warehouse")
    assert main(["run", SMALL, *TINY, "--out", str(base / "run")]) == 0
    assert main(["compare", SMALL, *TINY, "--no-report", "--out", str(base / "cmp"),
                 "--option", "more_docs:ports.sea.document_check.capacity=4",
                 "--option", "more_review:ports.sea.review.capacity=5",
                 "--option", "more_docs+more_review"]) == 0
    for kind in ("run", "cmp"):
        assert main(["tables", str(base / kind), "--out", str(base / f"t-{kind}")]) == 0
    return {k: base / k for k in ("run", "cmp", "t-run", "t-cmp")}


def _read(folder: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(folder / f"{table}.parquet")


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("kind", ["t-run", "t-cmp"])
def test_every_table_is_written_with_its_declared_types(folders, kind):
    assert validate(folders[kind]) == []
    for t in TABLES:  # (an empty table too: a run's differences)
        assert pq.read_schema(folders[kind] / f"{t.name}.parquet").remove_metadata() \
            == t.arrow_schema()
    written = json.loads((folders[kind] / "datapackage.json").read_text(encoding="utf-8"))
    assert written == datapackage()


def test_metric_values_are_the_folders_figures_bit_for_bit(folders):
    values = _read(folders["t-run"], "metric_values")
    wide = values.pivot(index="replication", columns="metric", values="value")
    per_rep = pd.read_csv(folders["run"] / "replications.csv", index_col="replication")
    pd.testing.assert_frame_equal(wide[per_rep.columns], per_rep, check_names=False,
                                  check_exact=True)
    assert set(values.option) == {"baseline"}
    assert values.port.notna().all() and "" in set(values.port)  # pooled: '' never null


def test_keys_join_every_table_to_its_run_and_options(folders):
    runs = _read(folders["t-cmp"], "runs")
    meta = json.loads((folders["cmp"] / "compare.json").read_text(encoding="utf-8"))
    assert list(runs.run_id) == [run_id("compare", meta)]
    assert runs.kind[0] == "compare" and runs.reps[0] == 2 and runs.currency[0] == "USD"
    options = _read(folders["t-cmp"], "options")
    assert list(options.option) == ["baseline", "more_docs", "more_review",
                                    "more_docs+more_review"]
    assert list(options.parts) == ["", "", "", "more_docs+more_review"]
    assert json.loads(options.changes[1]) == {"ports.sea.document_check.capacity": 4}
    fields = _read(folders["t-cmp"], "scenario_fields").set_index(["option", "field"])
    capacity = fields.xs("ports.sea.review.capacity", level="field")["number"]
    assert capacity.to_dict() == {"baseline": 3.0, "more_docs": 3.0, "more_review": 5.0,
                                  "more_docs+more_review": 5.0}
    assert fields.loc[("baseline", "name"), "value"] == '"small"'
    for t in TABLES[1:]:
        assert set(_read(folders["t-cmp"], t.name).run_id) <= set(runs.run_id), t.name
    other = _read(folders["t-run"], "runs").run_id[0]
    assert other != runs.run_id[0]


def test_long_figures_match_the_wide_files(folders):
    figures = _read(folders["t-cmp"], "enforcement_figures")
    wide = pd.read_csv(folders["cmp"] / "enforcement.csv", keep_default_na=False,
                       na_values=[""])
    seized = figures[figures.figure == "seized"].reset_index(drop=True)
    assert list(seized["mean"]) == list(wide["seized"])
    assert list(seized["diff_ci_high"].fillna(-1)) == list(wide["seized_diff_ci_high"]
                                                          .fillna(-1))
    assert set(seized.unit) == {"declarations"}
    gains = _read(folders["t-cmp"], "gains")
    assert "all" not in set(gains.port) and "" in set(gains.port)
    interactions = _read(folders["t-cmp"], "metric_interactions")
    assert set(interactions.option) == {"more_docs+more_review"}
    assert interactions.additive.dtype == bool and not interactions.additive.all()
    classes = _read(folders["t-run"], "class_differences")
    assert len(classes) and set(classes[classes.metric == "clearance_h_mean"].unit) == {"hours"}
    trading = _read(folders["t-cmp"], "trading_figures")
    assert set(trading[trading.figure.str.endswith("_h")].unit) == {"hours"}


@pytest.mark.parametrize(("kind", "folder"), [("t-run", "run"), ("t-cmp", "cmp")])
def test_seizures_by_layer_are_a_long_table_of_the_folders_file(folders, kind, folder):
    """seizures-by-layer.csv, one row per type, place and figure, its pooled `all` as ''
    and each option's paired difference in a comparison."""
    table = _read(folders[kind], "seizure_layer_figures")
    wide = pd.read_csv(folders[folder] / "seizures-by-layer.csv", keep_default_na=False,
                       na_values=[""])
    assert len(wide) and len(table) == len(wide) * (len(FIGURES) + 1)  # (+ the pooled share)
    arrived = table[table.figure == "arrived"].reset_index(drop=True)
    assert list(arrived["mean"]) == list(wide["arrived"])
    assert list(arrived["ci_high"].fillna(-1)) == list(wide["arrived_ci_high"].fillna(-1))
    assert list(arrived.place) == [("" if p == "all" else p) for p in wide["place"]]
    assert "all" not in set(table.truth) | set(table.place) | set(table.kind)
    assert {"", "port"} <= set(table.kind) and set(arrived.reps) == {2}
    assert set(table[table.figure == "detection_share"].unit) == {"share (0-1)"}
    assert set(table[table.figure == "seized_at_port"].unit) == {"consignments"}
    diff = table[table.figure == "seized_at_port"]["diff"]
    if kind == "t-cmp":
        assert list(diff) == list(wide["seized_at_port_diff"])
        assert set(table.option) == {"baseline", "more_docs", "more_review",
                                     "more_docs+more_review"}
    else:
        assert diff.isna().all() and set(table.option) == {"baseline"}


def test_the_results_folder_is_only_read(folders, tmp_path):
    before = _digest(folders["cmp"])
    assert main(["tables", str(folders["cmp"]), "--out", str(tmp_path / "t")]) == 0
    assert _digest(folders["cmp"]) == before
    assert _digest(tmp_path / "t") == _digest(folders["t-cmp"])  # the same on every export
    inside = folders["cmp"] / "tables"
    assert main(["tables", str(folders["cmp"]), "--out", str(inside)]) == 2
    assert not inside.exists()


def test_a_record_without_a_field_runs_needs_is_refused(folders, tmp_path, capsys):
    old = tmp_path / "old"
    shutil.copytree(folders["run"], old)
    meta = json.loads((old / "meta.json").read_text(encoding="utf-8"))
    del meta["created"]
    (old / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    assert main(["tables", str(old), "--out", str(tmp_path / "t")]) == 2
    assert f"{old / 'meta.json'}: no 'created'" in capsys.readouterr().err
    assert not (tmp_path / "t").exists()


def _rewrite(folder: Path, table: str, frame: pd.DataFrame, schema: pa.Schema) -> None:
    pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False),
                   folder / f"{table}.parquet")


def test_validate_names_each_broken_rule(folders, tmp_path, capsys):
    broken = tmp_path / "broken"
    shutil.copytree(folders["t-cmp"], broken)
    summary = _read(broken, "metric_summary")
    schema = BY_NAME["metric_summary"].arrow_schema()
    _rewrite(broken, "metric_summary", pd.concat([summary, summary.head(1)]), schema)
    (broken / "resources_by_replication.parquet").unlink()
    gains = _read(broken, "gains")
    gains["n"] = gains["n"].astype(float)  # a count as a real number
    declared = BY_NAME["gains"].arrow_schema()
    _rewrite(broken, "gains", gains, declared.set(declared.get_field_index("n"),
                                                  pa.field("n", pa.float64())))
    values = _read(broken, "metric_values")
    values.loc[0, "option"] = "no_such_option"
    _rewrite(broken, "metric_values", values, BY_NAME["metric_values"].arrow_schema())
    runs = _read(broken, "runs")
    runs.loc[0, "build"] = None
    _rewrite(broken, "runs", runs, BY_NAME["runs"].arrow_schema().set(
        6, pa.field("build", pa.string(), nullable=True)))
    package = json.loads((broken / "datapackage.json").read_text(encoding="utf-8"))
    package["schema_version"] = "0"
    (broken / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    problems = "\n".join(validate(broken))
    assert "datapackage.json: schema_version '0'; this bordersim's is '3'" in problems
    assert "metric_summary.parquet: primary key ['run_id', 'option', 'metric'] repeats" \
        in problems
    assert "resources_by_replication.parquet: missing" in problems
    assert "gains.parquet: column 'n' is double; declared int64" in problems
    assert "metric_values.parquet: ['run_id', 'option']" in problems
    assert "'no_such_option'] is not in options.parquet" in problems
    assert "runs.parquet: column 'build' has 1 null(s); it is required" in problems
    assert len(problems.splitlines()) == 6
    assert main(["tables", "--validate", str(broken)]) == 1
    assert "NOT fit to load" in capsys.readouterr().out
    assert main(["tables", "--validate", str(broken), "--lang", "zh"]) == 1
    out, err = capsys.readouterr()
    assert out == f"{broken}：不可载入\n"
    assert len(err.splitlines()) == 6 and english_left(err) == [], english_left(err)
    assert "尚无中文" not in err
    assert "datapackage.json：schema_version 为 '0'；本版 bordersim 的是 '3'" in err
    assert "gains.parquet：列 'n' 的类型为 double；声明的是 int64" in err
    assert "runs.parquet：列 'build' 有 1 个空值；该列为必填" in err
    assert "'no_such_option'] 不在 options.parquet 中" in err


def test_validate_says_in_one_line_when_there_are_no_tables_to_check(folders, tmp_path):
    """A folder that does not exist, or the results folder given in place of its export,
    is one line saying what to give, not a line for each missing table."""
    assert validate(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: no such folder; give the folder bordersim tables wrote "
        "(its --out DIR)"]
    for kind in ("run", "cmp"):
        (problem,) = validate(folders[kind])
        assert problem == (f"{folders[kind]}: a results folder, not its tables; export it "
                           f"first (bordersim tables {folders[kind]} --out DIR) and check DIR")
    assert main(["tables", "--validate", str(folders["run"])]) == 1


def test_tables_in_chinese_print_the_same_rows(folders, tmp_path, capsys):
    """``--lang zh``: the tables written and their rows, the same figures as in English;
    the tables themselves stay English (the same bytes)."""
    assert main(["tables", str(folders["cmp"]), "--out", str(tmp_path / "t")]) == 0
    english = capsys.readouterr().out
    assert main(["tables", str(folders["cmp"]), "--out", str(tmp_path / "zh"), "--lang",
                 "zh"]) == 0
    chinese = capsys.readouterr().out
    assert _digest(tmp_path / "zh") == _digest(tmp_path / "t")
    assert english_left(chinese) == [] and "行" in chinese and "模式" in chinese
    rows = [ln.split()[:2] for ln in english.splitlines() if ln.endswith(" rows")]
    assert rows and rows == [ln.split()[:2] for ln in chinese.splitlines() if ln.endswith(" 行")]
    assert main(["tables", "--validate", str(tmp_path / "zh"), "--lang", "zh"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'zh'}：可以载入\n"


@pytest.mark.parametrize(("argv", "said"), [
    (["--validate", "{t}", "{run}"], "错误：--validate DIR 检查已写出的表：请不要同时给出 "
                                     "RESULTS_DIR 或 --out"),
    (["{run}"], "错误：请给出 RESULTS_DIR 和 --out DIR（或 --validate DIR）"),
    (["{run}", "--out", "{run}/inside"],
     "错误：--out {run}/inside：请把表写到结果文件夹 {run} 之外"),
    (["--validate", "{run}"], "{run}：这是结果文件夹，不是导出的表；请先导出（bordersim tables "
                              "{run} --out DIR），再检查 DIR"),
    (["--validate", "{t}/nowhere"], "{t}/nowhere：文件夹不存在"),
])
def test_tables_errors_are_said_in_chinese_with_their_values(folders, capsys, argv, said):
    words = {"run": str(folders["run"]), "t": str(folders["t-run"])}
    assert main(["tables", *(a.format(**words) for a in argv), "--lang", "zh"]) in (1, 2)
    err = capsys.readouterr().err
    assert said.format(**words) in err and english_left(err) == [], err


def test_a_record_without_a_field_is_refused_in_chinese(folders, tmp_path, capsys):
    old = tmp_path / "old"
    shutil.copytree(folders["run"], old)
    meta = json.loads((old / "meta.json").read_text(encoding="utf-8"))
    del meta["build"]
    (old / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert main(["tables", str(old), "--out", str(tmp_path / "t"), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err == (f"错误：{old / 'meta.json'}：没有 'build'：该文件夹由较早版本的 bordersim "
                   "写出；请重新运行后再导出\n")


def test_a_figure_without_a_declared_unit_is_refused():
    assert figure_unit("trading_figures", "border_cost", "USD") == "USD per consignment"
    with pytest.raises(ValueError, match="no unit is declared for figure 'new_figure'"):
        figure_unit("trading_figures", "new_figure", "USD")


def test_the_docs_page_lists_every_table_and_column():
    page = (REPO / "docs" / "warehouse.md").read_text(encoding="utf-8")
    for t in TABLES:
        assert f"`{t.name}`" in page, t.name
        for c in t.columns:
            assert f"`{c.name}`" in page, f"{t.name}.{c.name}"


def test_the_docs_pandas_recipe_runs_on_exported_tables(folders):
    page = (REPO / "docs" / "warehouse.md").read_text(encoding="utf-8")
    code = page.split("```python\n", 1)[1].split("```", 1)[0]
    space: dict[str, object] = {}
    exec(code.replace("export/nightly-run", str(folders["t-run"])), space)  # noqa: S102
    by_type = space["by_type"]
    assert isinstance(by_type, pd.DataFrame) and len(by_type)
    assert set(by_type.scenario) == {"small"} and "compliant" not in set(by_type.truth)


@pytest.mark.parametrize("name", ["metrics.csv", "trading-across-borders.csv", "meta.json"])
def test_a_file_of_the_folder_is_never_read_through_a_link(folders, tmp_path, capsys, name):
    folder = shutil.copytree(folders["run"], tmp_path / "run")
    target = tmp_path / "elsewhere"
    shutil.copyfile(folder / name, target)  # (the same bytes, only linked)
    (folder / name).unlink()
    (folder / name).symlink_to(target)
    capsys.readouterr()
    assert main(["tables", str(folder), "--out", str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err
    assert f"{folder / name} cannot be read: a symbolic link" in err and err.count("\n") == 1


def test_a_damaged_meta_json_is_a_one_line_error_naming_it(folders, tmp_path, capsys):
    folder = shutil.copytree(folders["run"], tmp_path / "run")
    (folder / "meta.json").write_text("{", encoding="utf-8")
    capsys.readouterr()
    assert main(["tables", str(folder), "--out", str(tmp_path / "t")]) == 2
    err = capsys.readouterr().err
    assert str(folder / "meta.json") in err and err.count("\n") == 1


def test_a_warehouse_of_schema_version_1_still_validates_without_the_price_year(folders,
                                                                               tmp_path):
    """Version 1 recorded runs.currency without the year of its prices: such tables still
    validate and load (the price year reads as null); a column missing otherwise is still
    a problem. The small scenario has no [costs]: no price year."""
    assert _read(folders["t-run"], "runs").price_year.isna().all()
    old = tmp_path / "v1"
    shutil.copytree(folders["t-run"], old)
    runs = pq.read_table(old / "runs.parquet")
    pq.write_table(runs.drop(["price_year"]), old / "runs.parquet")
    package = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    package["schema_version"] = "1"
    (old / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert validate(old) == []
    assert "price_year" not in _read(old, "runs").columns
    pq.write_table(runs.drop(["price_year", "currency"]), old / "runs.parquet")
    assert "runs.parquet: columns" in "\n".join(validate(old))
    package["schema_version"] = "2"  # (this version's tables must have it)
    pq.write_table(runs.drop(["price_year"]), old / "runs.parquet")
    (old / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert "runs.parquet: columns" in "\n".join(validate(old))


def test_a_warehouse_of_schema_version_2_validates_without_the_seizures_table(folders,
                                                                             tmp_path):
    """Version 3 added seizure_layer_figures: a version 2 warehouse, written before it,
    still validates; one of the current version without it is refused, naming the file."""
    old = tmp_path / "v2"
    shutil.copytree(folders["t-cmp"], old)
    (old / "seizure_layer_figures.parquet").unlink()
    assert validate(old) == [f"{old / 'seizure_layer_figures.parquet'}: missing (every "
                             "table of the schema is written, empty or not)"]
    package = json.loads((old / "datapackage.json").read_text(encoding="utf-8"))
    package["schema_version"] = "2"
    (old / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert validate(old) == []
