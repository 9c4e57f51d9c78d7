"""The smuggling groups' choices week by week across replications (smuggling-weekly.csv,
sim.experiment.smuggling_series): sums by week, a week without opportunities counted as 0,
Student-t intervals, differences paired by replication, and the files a run and a comparison
write, which add up to their metrics."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from scipy import stats

from sim.cli import main
from sim.experiment.smuggling_series import FILE, compare_smuggling, summarise_smuggling
from tests.test_smuggling import scenario


def _table(rows: list[tuple[int, str, int]]) -> pd.DataFrame:
    """A smuggling table of group ``g`` (tobacco): (day, route, chosen) rows, every load on
    the river slipped at 100 a load."""
    t = pd.DataFrame(rows, columns=["day", "route", "chosen"])
    river = t["route"] == "river"
    return t.assign(
        observed=t["day"] >= 0, group="g", illicit="tobacco",
        kind=t["route"].where(river, "not_smuggled"), caught=0,
        slipped=t["chosen"].where(river, 0), value_slipped=100.0 * t["chosen"].where(river, 0))


def test_weeks_sum_their_days_and_a_week_without_opportunities_counts_as_none():
    """Replication 0 has opportunities in week -1 and week 0 (days 0 and 6), replication 1
    in week 0 only: its week -1 counts 0 attempts (its share unknown), not a missing value
    that would lift the mean."""
    one = _table([(-2, "river", 2), (-2, "not_smuggled", 2), (0, "river", 3),
                  (0, "not_smuggled", 1), (6, "river", 1), (6, "not_smuggled", 0)])
    two = _table([(1, "river", 1), (1, "not_smuggled", 3)])
    out = summarise_smuggling({0: one, 1: two}).set_index(["week", "route"])
    river = out.loc[(0, "river")]
    assert river["chosen"] == pytest.approx((4 + 1) / 2)
    half = stats.t.ppf(0.975, 1) * pd.Series([4, 1]).std() / 2**0.5
    assert river["chosen_ci_high"] == pytest.approx(2.5 + half)
    assert river["share"] == pytest.approx((4 / 5 + 1 / 4) / 2)
    assert river["value_slipped"] == pytest.approx(250.0)
    assert (river["days"], bool(river["observed"]), river["reps"]) == (3, True, 2)
    warm = out.loc[(-1, "river")]
    assert warm["chosen"] == pytest.approx(1.0)  # (2 and 0)
    assert warm["share"] == pytest.approx(0.5)  # (replication 0's alone)
    assert not warm["observed"]
    assert out.loc[(-1, "not_smuggled"), "share"] == pytest.approx(0.5)


def test_an_options_difference_is_paired_by_replication():
    """The option has one more river load than the baseline in each replication, however
    far apart the replications are: the paired difference is exactly 1, its interval 0 wide;
    the baseline's own difference is 0."""
    base = {0: _table([(0, "river", 2)]), 1: _table([(0, "river", 20)])}
    more = {0: _table([(0, "river", 3)]), 1: _table([(0, "river", 21)])}
    out = compare_smuggling({"baseline": base, "more": more}, "baseline")
    mine = out[out["option"] == "more"].iloc[0]
    assert mine["chosen"] == pytest.approx(12.0)
    assert mine["chosen_diff"] == pytest.approx(1.0)
    assert mine["chosen_diff_ci_low"] == pytest.approx(1.0)
    assert mine["chosen_diff_ci_high"] == pytest.approx(1.0)
    assert mine["value_slipped_diff"] == pytest.approx(100.0)
    assert out.loc[out["option"] == "baseline", "chosen_diff"].tolist() == [0.0]


def test_a_runs_weekly_series_adds_up_to_its_metrics(tmp_path):
    """A run of 9 observed days: week 0 whole, week 1 two days; the observed weeks' attempts
    (every route but not smuggling) add up to the run's smuggling_attempts, their deterred
    loads to attempts_deterred."""
    scenario(tmp_path)  # (written to smuggling.toml)
    out = tmp_path / "r"
    argv = ["run", str(tmp_path / "smuggling.toml"), "--days", "9", "--set", "warmup_days=2",
            "--set", "drain_days=3", "--reps", "2", "--out", str(out)]
    assert main(argv) == 0
    weekly = pd.read_csv(out / FILE)
    summary = json.loads((out / "summary.json").read_text())
    seen = weekly[weekly["observed"]]
    assert sorted(seen["week"].unique()) == [0, 1]
    assert seen.groupby("week")["days"].first().tolist() == [7, 2]
    tried = seen[seen["route"] != "not_smuggled"]
    assert tried["chosen"].sum() == pytest.approx(summary["smuggling_attempts"]["mean"])
    assert seen.loc[seen["route"] == "not_smuggled", "chosen"].sum() == pytest.approx(
        summary["attempts_deterred"]["mean"])
    shares = seen.groupby(["week", "group"])["share"].sum()
    assert shares.to_numpy() == pytest.approx(1.0)


def test_a_comparisons_weekly_series_has_each_option_and_its_paired_difference(tmp_path):
    from sim.experiment.compare import compare

    short = {"days": 3, "warmup_days": 1, "drain_days": 3}
    res = compare(scenario(tmp_path), ["river6:smuggling.routes.river.patrol.staff=6"],
                  reps=2, overrides=short, out=tmp_path / "c")
    weekly = pd.read_csv(tmp_path / "c" / FILE)
    assert set(weekly["option"]) == {"baseline", "river6"}
    seen = weekly[weekly["observed"] & (weekly["route"] != "not_smuggled")]
    by = seen.groupby("option")["chosen"].sum()
    attempts = res.summary[res.summary["metric"] == "smuggling_attempts"].set_index("option")
    assert by.to_dict() == pytest.approx(attempts["mean"].to_dict())
    diff = seen[seen["option"] == "river6"]["chosen_diff"].sum()
    assert diff == pytest.approx(by["river6"] - by["baseline"])
    found = pd.read_csv(tmp_path / "c" / "enforcement-weekly.csv")  # (the customs side)
    assert set(found["option"]) == {"baseline", "river6"}
    illicit = res.summary[res.summary["metric"] == "illicit_declarations"].set_index("option")
    assert found.groupby("option")["illicit"].sum().to_dict() == pytest.approx(
        illicit["mean"].to_dict())
    # the report draws it; a folder written before the file was kept draws none
    from sim.report.folder_report import render_folder

    assert 'data-plot="smuggling-weekly"' in (tmp_path / "c" / "report.html").read_text()
    (tmp_path / "c" / FILE).unlink()
    assert 'data-plot="smuggling-weekly"' not in render_folder(tmp_path / "c")


def test_the_weekly_plot_has_a_panel_per_group_and_a_line_per_route_and_option():
    from sim.report.smuggling_plots import weekly_shares

    base = {0: _table([(0, "river", 2), (0, "not_smuggled", 1)]),
            1: _table([(0, "river", 3), (0, "not_smuggled", 1)])}
    fig = weekly_shares(compare_smuggling({"baseline": base, "x": base}, "baseline"))
    assert [ax.get_title() for ax in fig.axes] == ["g"]
    assert len(fig.axes[0].lines) == 2 * 2 + 1  # (two routes, two options; the line at 0)
    assert len(fig.axes[0].collections) == 2  # (the baseline's intervals only)


def test_every_column_of_the_weekly_series_is_explained(tmp_path):
    """Each column of a comparison's smuggling-weekly.csv (a figure's interval and paired
    difference named by the figure) has a row in docs/how-results-are-computed.md, and
    nothing is explained that the file does not give."""
    import re
    from pathlib import Path

    base = {0: _table([(0, "river", 2)]), 1: _table([(0, "river", 3)])}
    columns = compare_smuggling({"baseline": base, "x": base}, "baseline").columns
    stems = {re.sub(r"(_diff)?(_ci_low|_ci_high)?$", "", c) if c.endswith(("_ci_low", "_ci_high"))
             else c for c in columns}  # fmt: skip
    text = (Path(__file__).parent.parent / "docs" / "how-results-are-computed.md").read_text()
    section = text.split("**The weekly smuggling series**")[1].split("\n\n**")[0]
    explained = {name for line in section.splitlines() if line.startswith("| `")
                 for name in re.findall(r"`([a-z_0-9]+)`", line.split("|")[1])}  # fmt: skip
    assert stems == explained


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
def test_chinese_plots_name_a_route_by_its_label_zh_in_their_legends(tmp_path, monkeypatch):
    """A Chinese report's smuggling plots give a route the scenario names in Chinese
    (``label_zh``) by that name with its id, and title a group so; a route without one, and
    every route and group in an English report's plots, by its id (an English label in a
    Chinese plot is English)."""
    from types import SimpleNamespace

    from sim.report import html, sections
    from sim.report.plot_lang import plots_in
    from sim.report.smuggling_plots import beliefs, weekly_shares

    routes = {"river": {"label": "Night crossings", "label_zh": "夜渡北仑河"},
              "road": {"label": "By road"}}
    groups = {"g": {"label": "Cigarette ring", "label_zh": "香烟团伙"}}
    (tmp_path / "scenario.json").write_text(
        json.dumps({"smuggling": {"routes": routes, "groups": groups}}), encoding="utf-8")
    base = {0: _table([(0, "river", 2), (0, "road", 1)]),
            1: _table([(0, "river", 3), (0, "road", 1)])}
    summarise_smuggling(base).to_csv(tmp_path / FILE, index=False)
    from matplotlib.figure import Figure

    monkeypatch.setattr(Figure, "tight_layout", lambda *a, **k: None)  # (legends are read only)
    drawn: list[list[str]] = []

    def read(fig, alt, plot):  # (each plot's legend entries and panel titles)
        axes = fig().axes
        drawn.append([t.get_text() for ax in axes for t in ax.get_legend().get_texts()]
                     + [ax.get_title() for ax in axes])
        return ""

    monkeypatch.setattr(sections, "img", read)
    res = SimpleNamespace(path=tmp_path)
    with plots_in("zh", font="Noto Sans CJK SC"):
        html._weekly(res)  # type: ignore[arg-type]
    with plots_in("en"):
        html._weekly(res)  # type: ignore[arg-type]
    assert drawn == [["夜渡北仑河（river）", "road", "香烟团伙（g）"], ["river", "road", "g"]]
    said = {"river": "夜渡北仑河（river）"}
    fig = weekly_shares(compare_smuggling({"baseline": base, "x": base}, "baseline"), said)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()][:2] == [
        "夜渡北仑河（river） (baseline)", "road (baseline)"]
    table = summarise_smuggling(base).assign(perceived=0.5, day=0)
    fig = beliefs({"run": table}, said)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == [
        "夜渡北仑河（river）", "road"]
