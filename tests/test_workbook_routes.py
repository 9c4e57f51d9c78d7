"""The workbook's headline sheet gives the smuggling figures by route after the totals
(sim/report/workbook_sheets.py): a planner asked where doubled river patrols send the loads
found only totals there, the routes' rows among hundreds of metrics in another sheet."""

from __future__ import annotations

import json

import pandas as pd

from sim.report.workbook_sheets import headline_table

ROWS = [("smuggling_caught_share", "share (0-1)", 0.2, 0.05),
        ("smuggling_attempts_route_river", "attempts", 26.0, -6.0),
        ("smuggling_attempts_route_road", "attempts", 28.0, 3.0),
        ("smuggling_caught_share_route_river", "share (0-1)", 0.3, 0.19),
        ("clearance_h_mean", "hours", 6.3, 0.0),
        ("agency_cost_per_year", "USD per year", 781100.0, 321200.0)]


def _folder(tmp_path, labels=None, labels_zh=None):
    """A comparison's tables; with ``labels`` (route -> label) its baseline's scenario too,
    its routes' ``label_zh`` from ``labels_zh`` (route -> Chinese label)."""
    summary, diffs = [], []
    for metric, unit, base, d in ROWS:
        for option, mean in (("baseline", base), ("patrols", base + d)):
            summary.append({"option": option, "metric": metric, "unit": unit, "mean": mean,
                            "shown_low": mean, "shown_high": mean, "n": 3})
        diffs.append({"option": "patrols", "metric": metric, "mean": d, "ci_low": d,
                      "ci_high": d, "significant": True, "steady_state": True})
    pd.DataFrame(summary).to_csv(tmp_path / "summary.csv", index=False)
    pd.DataFrame(diffs).to_csv(tmp_path / "differences.csv", index=False)
    options = [{"name": "baseline"}] if labels is not None else []
    (tmp_path / "compare.json").write_text(json.dumps({"options": options}))
    if labels is not None:
        (tmp_path / "options" / "baseline").mkdir(parents=True)
        routes = {r: {"label": label, "kind": "river"} for r, label in labels.items()}
        for r, label in (labels_zh or {}).items():
            routes[r]["label_zh"] = label
        (tmp_path / "options" / "baseline" / "scenario.json").write_text(
            json.dumps({"smuggling": {"routes": routes}}))
    return tmp_path


def test_the_routes_follow_the_share_caught_with_their_changes_in_chinese(tmp_path):
    table = headline_table(_folder(tmp_path), "compare", "zh")
    metrics = list(dict.fromkeys(table["metric"]))
    at = metrics.index("smuggling_caught_share")
    assert metrics[at + 1:] == ["smuggling_attempts_route_river",
                                       "smuggling_attempts_route_road",
                                       "smuggling_caught_share_route_river",
                                       "agency_cost_per_year"], metrics
    river = table[(table["metric"] == "smuggling_attempts_route_river")
                  & (table["option"] == "patrols")].iloc[0]
    assert river["figure"] == "走私企图数（路线 river）" and river["diff"] == -6.0
    assert river["unit"] == "次企图"


def test_the_english_sheet_names_each_route(tmp_path):
    table = headline_table(_folder(tmp_path), "compare", "en")
    assert "smuggling attempts, route road" in set(table["figure"])


def test_a_labelled_route_is_said_by_its_label_with_its_id_beside_it(tmp_path):
    """As the scenario names it (its id kept, to find its table there); a route the scenario
    leaves unlabelled keeps its id alone."""
    folder = _folder(tmp_path, {"river": "Night crossings of the river", "road": ""})
    zh = set(headline_table(folder, "compare", "zh")["figure"])
    assert "走私企图数（路线 Night crossings of the river，river）" in zh
    assert "走私企图查获比例（路线 Night crossings of the river，river）" in zh
    assert "走私企图数（路线 road）" in zh
    en = set(headline_table(folder, "compare", "en")["figure"])
    assert "smuggling attempts, route Night crossings of the river (river)" in en
    assert "smuggling attempts, route road" in en


def test_a_route_with_a_chinese_label_is_said_by_it_in_the_chinese_sheet(tmp_path):
    """The Chinese sheet says a route by its ``label_zh`` where the scenario gives one, the
    English sheet by its ``label``; a route without one keeps its label in both."""
    folder = _folder(tmp_path, {"river": "Night crossings", "road": "By road"},
                     {"river": "夜间偷渡北仑河"})
    zh = set(headline_table(folder, "compare", "zh")["figure"])
    assert "走私企图数（路线 夜间偷渡北仑河，river）" in zh
    assert "走私企图数（路线 By road，road）" in zh
    en = set(headline_table(folder, "compare", "en")["figure"])
    assert "smuggling attempts, route Night crossings (river)" in en
