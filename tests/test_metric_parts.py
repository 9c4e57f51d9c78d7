"""A metric's name split into its base name, port, direction, trader class and lane, and the
long ``metrics.csv`` of a run's and a comparison's results folder, whose summary and
differences tables carry the same parts; and the data dictionary of a results folder
(docs/results-folder.md), which names every file and column a run and a comparison write."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from sim.experiment.metric_parts import PARTS, MetricParts, MetricSplitter, long_metrics
from sim.model.milestones import OWNERS

#: two ports, one's name the start of the other's, both holding underscores
SPLITTER = MetricSplitter(
    ["sea", "sea_port"],
    [("sea", "port_scanners"), ("sea_port", "scanners"), ("sea_port", "exam_bays"),
     ("", "org/hq_risk")],
)


@pytest.mark.parametrize(("name", "want"), [
    ("clearance_h_mean", MetricParts("clearance_h_mean")),
    ("clearance_h_mean_import", MetricParts("clearance_h_mean", direction="import")),
    ("clearance_h_mean_port_sea_port", MetricParts("clearance_h_mean", port="sea_port")),
    ("clearance_h_p90_port_sea_port_import",
     MetricParts("clearance_h_p90", port="sea_port", direction="import")),
    ("clearance_h_mean_aeo_advanced_port_sea_export",
     MetricParts("clearance_h_mean", "sea", "export", "aeo_advanced")),
    ("released_within_24h_aeo_general_import",
     MetricParts("released_within_24h", direction="import", trader_class="aeo_general")),
    ("inspection_rate_aeo_general_goods",
     MetricParts("inspection_rate_goods", trader_class="aeo_general")),
    ("utilisation_sea_port_exam_bays", MetricParts("utilisation", "sea_port", lane="exam_bays")),
    ("utilisation_sea_port_scanners", MetricParts("utilisation", "sea_port", lane="scanners")),
    ("wait_h_p90_sea_port_scanners", MetricParts("wait_h_p90", "sea_port", lane="scanners")),
    ("queue_mean_sea_port_scanners", MetricParts("queue_mean", "sea_port", lane="scanners")),
    ("queue_mean_org/hq_risk", MetricParts("queue_mean", lane="org/hq_risk")),
    ("departure_h_mean_port_sea_port_export",
     MetricParts("departure_h_mean", "sea_port", "export")),
    ("departure_h_mean_export", MetricParts("departure_h_mean", direction="export")),
    ("detection_rate_drugs", MetricParts("detection_rate_drugs")),
    ("pest_escaped_frozen_port_sea_port", MetricParts("pest_escaped_frozen", "sea_port")),
    ("owner_share_customs_port_sea_import",
     MetricParts("owner_share_customs", "sea", "import")),
    ("no_such_metric_port_sea_port", MetricParts("no_such_metric_port_sea_port")),
])  # fmt: skip
def test_a_name_splits_into_its_base_and_what_it_is_of(name: str, want: MetricParts):
    assert SPLITTER.split(name) == want


def test_the_long_table_holds_every_value_of_the_wide_one_once():
    per_rep = pd.DataFrame({"option": ["baseline", "baseline", "A", "A"],
                            "replication": [0, 1, 0, 1],
                            "clearance_h_mean_port_sea_port": [1.0, 2.0, 3.0, 4.0],
                            "utilisation_sea_port_scanners": [0.1, 0.2, 0.3, 0.4]})  # fmt: skip
    long = long_metrics(per_rep, SPLITTER)
    assert list(long.columns) == ["option", "replication", "metric", *PARTS, "unit", "value"]
    assert list(long["option"]) == ["baseline"] * 4 + ["A"] * 4  # (the wide table's order)
    back = long.pivot(index=["option", "replication"], columns="metric", values="value")
    wide = per_rep.set_index(["option", "replication"])
    assert back.loc[wide.index, wide.columns].equals(wide)
    row = long[long.metric == "utilisation_sea_port_scanners"].iloc[0]
    assert (row["base"], row["port"], row["lane"], row["unit"]) == (
        "utilisation", "sea_port", "scanners", "share (0-1)")


def _unsplit(long: pd.DataFrame, ports: list[str]) -> list[str]:
    """The names that hold a port of the scenario but were given none."""
    names = long.loc[long.port.isna(), "metric"].drop_duplicates()
    return [n for n in names if any(f"_{p}" in n for p in ports)]


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sim.cli import main

    out = tmp_path_factory.mktemp("folders") / "run"
    # (the folder's files and columns, not its figures: no warm-up and a day's drain write
    # the same files, and a warnings.json more for the data dictionary to name)
    assert main(["run", "--days", "2", "--reps", "2", "--out", str(out), "--set",
                 "warmup_days=0", "--set", "drain_days=1"]) == 0  # fmt: skip
    return out


@pytest.fixture(scope="module")
def compare_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sim.cli import main

    out = tmp_path_factory.mktemp("folders") / "cmp"
    assert main(["compare", "--option", "sea4:ports.sea_port.scan.scanners.capacity=4",
                 "--option", "air3:ports.airport.scan.scanners.capacity=3", "--option",
                 "sea4+air3", "--days", "1", "--reps", "2", "--no-report", "--out", str(out),
                 "--set", "warmup_days=0", "--set", "drain_days=1"]) == 0  # (the same files)
    return out


def test_a_run_folder_has_its_metrics_long(run_folder: Path):
    import sim

    long = pd.read_csv(run_folder / "metrics.csv")
    per_rep = pd.read_csv(run_folder / "replications.csv")
    assert len(long) == per_rep.shape[0] * (per_rep.shape[1] - 1)
    back = long.pivot(index="replication", columns="metric", values="value")
    wide = per_rep.set_index("replication")
    pd.testing.assert_frame_equal(back.loc[wide.index, wide.columns], wide, check_names=False)
    ports = list(sim.load_scenario("default").ports)
    assert _unsplit(long, ports) == []
    lane = long[long.metric == "utilisation_sea_port_exam_bays"].iloc[0]
    assert (lane["base"], lane["port"], lane["lane"]) == ("utilisation", "sea_port", "exam_bays")
    cash = long[long.metric == "trader_cost_per_consignment_port_sea_port_import"].iloc[0]
    assert cash["unit"] == "USD per consignment"


def test_a_run_folder_has_its_summary_as_a_table_with_the_parts(run_folder: Path):
    import json

    summary = json.loads((run_folder / "summary.json").read_text())
    table = pd.read_csv(run_folder / "summary.csv")
    assert list(table.columns) == ["metric", *PARTS, "unit", "mean", "ci_low", "ci_high", "n",
                                   "shown_low", "shown_high"]  # fmt: skip
    assert list(table["metric"]) == list(summary)
    for col in ("mean", "ci_low", "ci_high", "n", "shown_low", "shown_high"):
        want = [float("nan") if summary[m][col] is None else summary[m][col] for m in summary]
        assert table[col].tolist() == pytest.approx(want, nan_ok=True), col
    row = table[table.metric == "clearance_h_mean_general_port_airport_export"].iloc[0]
    assert (row["base"], row["port"], row["direction"], row["trader_class"], row["unit"]) == (
        "clearance_h_mean", "airport", "export", "general", "hours")


def test_a_comparison_folder_has_its_parts_by_option(compare_folder: Path):
    long = pd.read_csv(compare_folder / "metrics.csv")
    assert set(long["option"]) == {"baseline", "sea4", "air3", "sea4+air3"}
    per_rep = pd.read_csv(compare_folder / "replications.csv")
    assert len(long) == per_rep.shape[0] * (per_rep.shape[1] - 2)
    for file in ("summary.csv", "differences.csv", "interactions.csv"):
        table = pd.read_csv(compare_folder / file)
        at = list(table.columns).index("metric")
        assert list(table.columns[at : at + 6]) == ["metric", *PARTS], file
        row = table[table.metric == "wait_h_mean_sea_port_scanners"].iloc[-1]
        assert (row["base"], row["port"], row["lane"]) == ("wait_h_mean", "sea_port", "scanners")
        row = table[table.metric == "clearance_h_p90_port_land_border_export"].iloc[-1]
        assert (row["base"], row["port"], row["direction"]) == (
            "clearance_h_p90", "land_border", "export")


DOCS = Path(__file__).resolve().parents[1] / "docs"
_OF_COMPARE = "(a comparison's)"


def _sections() -> dict[tuple[str, bool], str]:
    """docs/results-folder.md's sections by each file their heading names, and whether the
    heading is of a comparison's file of that name: their text and that of the pages
    they link to."""
    out: dict[tuple[str, bool], str] = {}
    parts = re.split(r"^#{2,3} (.*)$", (DOCS / "results-folder.md").read_text(), flags=re.M)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        linked = {m for m in re.findall(r"\]\(([a-z-]+\.md)", body)}
        text = body + "".join((DOCS / page).read_text() for page in sorted(linked))
        for name in re.findall(r"`([^`]+)`", heading):
            out[(name, _OF_COMPARE in heading)] = text
    return out


def _documented(folder: Path, comparison: bool) -> list[str]:
    """What the data dictionary leaves out of ``folder``: each file it has no section for,
    and each column of a CSV its section (and the pages it links to) does not name."""
    sections, missing = _sections(), []
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = re.sub(r"^options/[^/]+/", "", file.relative_to(folder).as_posix())
        name = re.sub(r"rep-[0-9]{4}", "rep-NNNN", rel)
        own = comparison and rel == file.relative_to(folder).as_posix()  # (not an option's)
        found = [sections.get((name, True)) if own else None, sections.get((name, False))]
        if not any(found):  # (a comparison's file "as a run's" reads the run's too)
            missing.append(name)
            continue
        text = "".join(t for t in found if t)
        if "metric parts" in text:
            text += sections[("metric", False)]
        if file.suffix == ".csv":
            columns = list(pd.read_csv(file, nrows=0).columns)
            if name == "replications.csv":  # (then a column per metric: docs/metrics.md)
                columns = columns[: columns.index("replication") + 1]
            for col in columns:
                col = re.sub(r"(_diff)?(_ci_low|_ci_high)?$", "", str(col))
                col = re.sub(r"^within_.*", "within_<target>", col)
                col = re.sub(rf"^time_({'|'.join(OWNERS)})$", "time_<owner>", col)
                if f"`{col}`" not in text:
                    missing.append(f"{name}: {col}")
    return missing


def test_every_file_and_column_of_a_run_folder_is_in_the_data_dictionary(run_folder: Path):
    assert _documented(run_folder, comparison=False) == []


def test_every_file_and_column_of_a_comparison_is_in_the_data_dictionary(
    compare_folder: Path,
):
    assert _documented(compare_folder, comparison=True) == []


def _recipe() -> str:
    """The pandas code of docs/results-folder.md's "Reading a folder"."""
    text = (DOCS / "results-folder.md").read_text().split("### Reading a folder")[1]
    return text.split("```python\n")[1].split("```")[0]


@pytest.mark.parametrize("kind", ["run", "comparison"])
def test_the_data_dictionarys_pandas_recipe_reads_a_folder(
    kind: str, run_folder: Path, compare_folder: Path
):
    folder = run_folder if kind == "run" else compare_folder
    found: dict[str, object] = {"folder": folder}
    exec(compile(_recipe(), "results-folder.md", "exec"), found)
    by_port, lanes = found["by_port"], found["lanes"]
    assert isinstance(by_port, pd.DataFrame) and isinstance(lanes, pd.DataFrame)
    assert {"sea_port", "land_border"} <= set(by_port["port"])
    assert set(by_port["direction"]) == {"import", "export"}
    assert "exam_bays" in lanes.index and "sea_port" in lanes.columns
    stacked = found["lanes_by_rep"]
    assert isinstance(stacked, pd.DataFrame) and set(stacked["replication"]) == {0, 1}
    if kind == "comparison":
        assert set(stacked["option"]) == {"baseline", "sea4", "air3", "sea4+air3"}
    assert len(stacked) == sum(len(pd.read_csv(f)) for f in folder.rglob("rep-*-resources.csv"))
    # seizures by type: every type's, adding up (with any compliant goods rejected) to the
    # seizure counts of summary.csv
    seized, e = found["seized"], found["e"]
    assert isinstance(seized, pd.Series) and isinstance(e, pd.DataFrame)
    types = set(seized.index.get_level_values("truth"))
    assert types and "compliant" not in types and types <= set(e["truth"])
    summary = pd.read_csv(folder / "summary.csv")
    caught = summary[summary["metric"].isin(["consignments_seized", "consignments_detained",
                                              "consignments_rejected"])]
    compliant = e.loc[e["truth"] == "compliant", "seized"].sum()
    assert seized.sum() + compliant == pytest.approx(caught["mean"].sum())
