"""Doing Business's Trading across Borders figures (trading-across-borders.csv,
sim.experiment.trading_table): documentary and border compliance time add up, with the hours
outside both, to the overall clearance of the milestone intervals; the fees by segment add up
to the trader's fees metric; every stretch and fee is placed in a segment; a comparison's
differences are paired; run and comparison folders hold the file, each column documented."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import sim
from sim.cli import main
from sim.experiment import trading_log as tl
from sim.experiment import trading_table as tt
from sim.model.intervals import STRETCHES

HERE = Path(__file__).parent
DOCS = HERE.parent / "docs"
SHORT = {"days": 3, "warmup_days": 1, "drain_days": 3}


@pytest.fixture(scope="module")
def result(logged: tuple[sim.RunResult, sim.Scenario]) -> sim.RunResult:
    """The short run of the default (its log kept for the tests that read it: the tables are
    the same with it)."""
    return logged[0]


def _intervals(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    """An intervals table of one port's imports: (stretch, kind, hours per consignment)."""
    t = pd.DataFrame(rows, columns=["interval", "kind", "per_consignment_h"])
    return t.assign(dimension="port_direction", group="sea/import", port="sea",
                    direction="import", trader_class=float("nan"), consignments=10)  # fmt: skip


def test_each_stretch_of_the_flow_is_in_exactly_one_segment():
    segments = [set(tt.DOCUMENTARY), set(tt.BORDER), set(tt.OUTSIDE)]
    flow = {s.name for s in STRETCHES if s.kind in ("to_release", "after_release")}
    assert set().union(*segments) == flow
    assert sum(len(s) for s in segments) == len(flow)  # (none in two)


def test_the_segments_sum_their_stretches_hours():
    t = _intervals([("lodging", "to_release", 3.0), ("acceptance", "to_release", 0.5),
                    ("scan", "to_release", 0.25), ("exam_yard", "to_release", float("nan")),
                    ("gate", "after_release", 0.125), ("pickup", "after_release", 20.0),
                    ("clearance", "total", 3.75)])  # fmt: skip
    row = tt.of_replication(t, None).iloc[0]
    assert (row["documentary_time_h"], row["border_time_h"]) == (3.5, 0.375)
    assert (row["pickup_h"], row["loading_wait_h"], row["consignments"]) == (20.0, 0.0, 10)
    assert row["trader_class"] == "" and pd.isna(row["border_cost"])
    level = tt.summarise_trading({0: tt.of_replication(t, None)}, currency="USD")
    assert "border_time_h" in level and not {"border_cost", "currency"} & set(level)


def test_a_stretch_in_no_segment_is_an_error_naming_it():
    t = _intervals([("lodging", "to_release", 3.0), ("fumigation_wait", "to_release", 1.0)])
    with pytest.raises(ValueError, match="fumigation_wait.*DOCUMENTARY, BORDER or OUTSIDE"):
        tt.of_replication(t, None)


def test_times_add_up_to_the_overall_clearance_of_the_intervals(result):
    table = tt.of_replication(result.intervals, result.costs)
    iv = result.intervals
    overall = iv[iv["interval"] == "overall_clearance"].set_index("group")["per_consignment_h"]
    parts = ["documentary_time_h", "border_time_h", *tt.OUTSIDE.values()]
    assert len(table) > 8 and set(table["dimension"]) == set(tt.DIMENSIONS)
    for _, row in table.iterrows():
        assert row[parts].sum() == pytest.approx(overall[row["group"]], rel=1e-9, abs=1e-12)
    sea = table.set_index("group").loc["sea_port/import"]
    assert sea["documentary_time_h"] > 0 and sea["border_time_h"] > 0


def test_fees_by_segment_add_up_to_the_trader_fees_metric(result):
    table = tt.of_replication(result.intervals, result.costs)
    m = result.metrics()
    ports = table[table["dimension"] == "port_direction"]
    for _, row in ports.iterrows():
        fees = m[f"trader_fees_per_consignment_port_{row['port']}_{row['direction']}"]
        assert row["trader_fees"] == fees
        together = row[["documentary_cost", "border_cost", "other_fees"]].sum()
        assert together == pytest.approx(fees, rel=1e-12)
    sea = ports.set_index("group").loc["sea_port/export"]
    assert sea["documentary_cost"] == 60.0  # (the default's sea broker fee)
    boxes = result.costs.set_index("group").loc["sea_port/export", "containers"]
    assert sea["border_cost_per_container"] == pytest.approx(sea["border_cost"] / boxes)


def test_a_fee_in_no_segment_is_an_error_naming_it(monkeypatch, result):
    monkeypatch.setattr(tt, "OTHER_COST", ("reefer", "rejection", "guarantee"))
    with pytest.raises(ValueError, match="recall.*OTHER_COST"):
        tt.of_replication(result.intervals, result.costs)


def test_an_options_difference_is_paired_by_replication():
    def rep(hours: float) -> pd.DataFrame:
        return tt.of_replication(_intervals([("scan", "to_release", hours)]), None)

    base, more = {0: rep(1.0), 1: rep(5.0)}, {0: rep(1.5), 1: rep(5.5)}
    out = tt.compare_trading({"baseline": base, "more": more}, "baseline", {"sea": "sea"})
    mine = out[out["option"] == "more"].iloc[0]
    assert mine["border_time_h"] == 3.5 and mine["mode"] == "sea"
    assert (mine["border_time_h_diff"], mine["border_time_h_diff_ci_low"]) == (0.5, 0.5)
    assert out.loc[out["option"] == "baseline", "border_time_h_diff"].tolist() == [0.0]


#: the folder tests read which files and columns a folder holds and how its tables agree, not
#: their figures: two days without a warm-up and one of drain
COMMON = ["--days", "2", "--set", "warmup_days=0", "--set", "drain_days=1", "--reps", "2"]


@pytest.fixture(scope="module")
def logged_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run's folder with its consignment logs: the one run both folder tests read (the
    table's figures are the same with the logs kept; a comparison's baseline, run without
    them, is checked to be that same run)."""
    folder = tmp_path_factory.mktemp("trading") / "logged"
    assert main(["run", *COMMON, "--log", "--out", str(folder)]) == 0
    return folder


def test_a_runs_and_a_comparisons_folders_hold_it(tmp_path, logged_folder):
    run, cmp = tmp_path / "run", tmp_path / "cmp"
    shutil.copytree(logged_folder, run)  # (its report is written into it)
    table = pd.read_csv(run / tt.FILE, keep_default_na=False, na_values=[""])
    frames = tt.folder_frames(run / "reps", [0, 1])
    by_rep = pd.concat(frames.values()).query("group == 'sea_port/import'")
    sea = table.set_index("group").loc["sea_port/import"]
    assert sea["mode"] == "sea" and sea["reps"] == 2 and sea["currency"] == "USD"
    assert sea["border_time_h"] == pytest.approx(by_rep["border_time_h"].mean())
    assert main(["report", str(run)]) == 0  # (its report shows the port and direction rows)
    from sim.report.html import _fmt

    page = (run / "report.html").read_text()
    section = page.split("<h2>Trading across Borders</h2>")[1].split("<h2>")[0]
    # (the mode's cell is marked, so the Chinese report can name it without renaming a port)
    want = "<td>sea_port</td><td class='mode'>sea</td><td>import</td>"
    want += f"<td>{_fmt(sea['documentary_time_h'])}</td><td>{_fmt(sea['border_time_h'])}</td>"
    assert want in section
    # documentary time counts only the documents' hold after arrival: said where it is shown
    assert "<th>documentary h (lower bound)</th>" in section and "a lower bound" in section
    from sim.report.translate import translate

    zh = translate(page, "zh").split("<h2>")
    zh_section = next(part for part in zh if "单证合规时间（小时，下限）" in part)
    assert "单证合规时间是《营商环境报告》口径的下限" in zh_section
    option = "ai90:ports.sea_port.scan.image_review.ai_clear=0.9"
    # (who gains is not read: no consignment logs kept)
    argv = ["compare", *COMMON, "--option", option, "--no-report", "--no-gains"]
    assert main([*argv, "--out", str(cmp)]) == 0
    both = pd.read_csv(cmp / tt.FILE, keep_default_na=False, na_values=[""])
    assert list(both["option"].unique()) == ["baseline", "ai90"]
    base = both[both["option"] == "baseline"].set_index("group").loc["sea_port/import"]
    assert base["currency"] == "USD"
    assert base["border_time_h"] == sea["border_time_h"]  # (the same seeds: the same run)


def test_every_column_is_in_the_data_dictionary():
    rep = {0: tt.of_replication(_intervals([("scan", "to_release", 1.0)]), None)}
    columns = tt.compare_trading({"baseline": rep, "x": rep}, "baseline").columns
    stems = {re.sub(r"(_diff)?(_ci_low|_ci_high)?$", "", c) for c in columns}
    page = (DOCS / "trading-across-borders.md").read_text()
    text = (DOCS / "results-folder.md").read_text()
    run = text.split("### `trading-across-borders.csv`")[1].split("\n### ")[0]
    explained = set(re.findall(r"`([a-z_]+)`", run + page))
    assert stems <= explained, sorted(stems - explained)
    for stretch in (*tt.DOCUMENTARY, *tt.BORDER, *tt.OUTSIDE):  # (each placed in the page)
        assert f"`{stretch}`" in page, stretch
    for item in (*tt.DOCUMENTARY_COST, *tt.BORDER_COST, *tt.OTHER_COST):
        assert f"`{item}`" in page, item


@pytest.fixture(scope="module")
def logged() -> tuple[sim.RunResult, sim.Scenario]:
    s = sim.load_scenario(sim.default_scenario_path(), SHORT)
    return sim.simulate(s, 1, log=True), s


def test_the_logs_means_are_the_tables(logged):
    r, s = logged
    table = tt.of_replication(r.intervals, r.costs).set_index("group")
    out = tl.distribution(r.log, s)
    assert len(out) == 8
    for _, row in out.iterrows():
        mine = table.loc[f"{row['port']}/{row['direction']}"]
        assert row["consignments"] == mine["consignments"]
        for col in tl.TIMES:
            assert row[f"{col}_mean"] == pytest.approx(mine[col], rel=1e-9, abs=1e-12)
        assert row["documentary_time_h_median"] <= row["documentary_time_h_p90"]
    sea = out.set_index(["port", "direction"]).loc[("sea_port", "import")]
    assert 0 < sea["advance_share"] < 1 and sea["documentary_cost_median"] == 60.0


def test_a_standard_shipment_is_of_its_commodity_class_and_one_container(logged):
    r, s = logged
    each = tl.per_consignment(r.log, s)
    one = tl.distribution(r.log, s, commodity="general", trader_class="general", containers=1)
    mine = each[(each.commodity == "general") & (each.trader_class == "general")
                & (each.containers == 1)]  # fmt: skip
    assert one["consignments"].sum() == len(mine) < len(each)
    sea = mine[(mine.port == "sea_port") & (mine.direction == "import")]
    got = one.set_index(["port", "direction"]).loc[("sea_port", "import")]
    assert got["border_time_h_p90"] == pytest.approx(sea["border_time_h"].quantile(0.9))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"commodity": "gneral"}, r"commodity: 'gneral' is not in the scenario; allowed: general, "),
    ({"trader_class": "aeo"}, r"trader_class: 'aeo' .* allowed: .*aeo_advanced"),
    ({"containers": 0}, r"containers: 0 is not allowed; a whole number, 1 or more"),
])
def test_a_shipment_the_scenario_cannot_have_is_an_error(logged, kwargs, message):
    r, s = logged
    with pytest.raises(ValueError, match=message):
        tl.distribution(r.log, s, **kwargs)


def test_the_pages_recipe_reads_a_logged_folder(logged_folder):
    folder = logged_folder
    page = (DOCS / "trading-across-borders.md").read_text()
    code = page.split("```python\n")[1].split("```")[0]
    assert '"results/my-run"' in code
    space: dict[str, object] = {}
    code = code.replace('"results/my-run"', repr(str(folder)))
    exec(compile(code, "docs/trading-across-borders.md", "exec"), space)  # noqa: S102
    every, standard = space["every"], space["standard"]
    assert isinstance(every, pd.DataFrame) and isinstance(standard, pd.DataFrame)
    table = pd.read_csv(folder / tt.FILE).query("dimension == 'port_direction'")
    assert every["consignments"].sum() == pytest.approx(table["consignments"].sum() * 2)
    assert 0 < standard["consignments"].sum() < every["consignments"].sum()
