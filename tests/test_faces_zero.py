"""The workshop page says "no change in any replication" beside a figure the option left the
same in every replication, and why (:mod:`sim.faces.zero`), rather than 0.000 [0.000, 0.000]."""

from __future__ import annotations

from typing import Any


def _rep(clearance: float, cost: float, util: float, waited: float) -> dict[str, float]:
    return {"clearance_h_mean_import": clearance, "total_cost_per_consignment_import": cost,
            "arrivals_per_hour_sea_port_scanners": 1.5, "utilisation_sea_port_scanners": util,
            "waited_share_sea_port_scanners": waited}


def _full(waited: float = 0.0, moved: float = 0.0) -> dict[str, list[dict[str, float]]]:
    """Two replications a side: a scanner added (utilisation down), costs up, clearance the
    same (unless ``moved``) and ``waited`` the share that waited for a scanner."""
    return {"baseline": [_rep(2.0, 10.0, 0.2, waited), _rep(2.5, 11.0, 0.18, waited)],
            "option": [_rep(2.0 + moved, 10.4, 0.15, waited), _rep(2.5, 11.4, 0.135, waited)]}


#: the lanes of a scenario whose port is named with an underscore, as the page gets them
LANES = (("sea_port", "scanners"), ("sea_port", "exam_bays"))


def _rows(full: Any) -> list[dict[str, Any]]:
    from sim.faces.runs import table
    from sim.faces.zero import mark

    shown = (("clearance_h_mean_import", "Clearance (h, mean)"),
             ("total_cost_per_consignment_import", "Cost ({currency})"))
    return mark(table(full, shown), full)


def test_a_figure_the_same_in_every_replication_is_said_not_shown_as_zeros():
    from sim.faces.dashboard import results_html
    from sim.faces.zero import note_html

    full = _full()
    rows = _rows(full)
    assert [r["unmoved"] for r in rows] == [True, False]
    text = results_html(rows, "t", unmoved=note_html(rows, full, (14.0, 1.0), lanes=LANES))
    cell = text.split('data-metric="clearance_h_mean_import"')[-1].split("</td>")[0]
    assert "no change in any replication" in cell and "0.000" not in cell
    note = text.split('class="bs-unmoved-note"')[1].split("</p>")[0]
    assert "1 of the 2 figures" in note
    assert "widened scanners at sea_port (busy 19 %)" in note  # (0.2 and 0.18)
    assert "sea_port_scanners" not in note
    assert "try Observed days 28" in note  # (14 days of warm-up: 21 days hold 3 weeks)
    long = note_html(rows, full, (14.0, 28.0))
    assert "Observed days" not in long and "more Replications" in long


def test_a_figure_that_moved_in_one_replication_or_a_lane_with_waits_is_not_called_idle():
    from sim.faces.zero import idle_lanes, note_html

    moved = _full(moved=0.01)
    assert not any(r["unmoved"] for r in _rows(moved))
    assert note_html(_rows(moved), moved, (14.0, 1.0)) == ""
    waited = _full(waited=0.05)
    assert idle_lanes(waited, LANES) == []
    assert "widened" not in note_html(_rows(waited), waited, (14.0, 1.0), lanes=LANES)


def test_an_option_that_moved_nothing_is_left_to_the_whole_options_note():
    from sim.faces.zero import mark

    full = _full()
    for side in full.values():
        for rep in side:
            rep["total_cost_per_consignment_import"] = 10.0
    assert not any(r["unmoved"] for r in mark(_rows(full), full))


def test_the_words_on_a_figure_the_same_in_every_replication_are_in_chinese():
    from sim.faces.zero import cell, note_html

    full = _full()
    said = note_html(_rows(full), full, (14.0, 1.0), "zh", LANES) + cell("m", "zh")
    assert "各次重复运行均无变化" in said and "观测天数 28" in said
    assert "口岸 sea_port 的机检设备（繁忙 19%）" in said and "sea_port_scanners" not in said
    assert not any(word in said for word in ("figures", "widened", "replication", "try"))


def test_the_runs_so_far_say_it_too():
    from sim.faces.history import Entry, history_html

    rows = [{**r, "metric": "clearance_h_mean_import"} for r in _rows(_full())[:1]]
    text = history_html([Entry(1, {"option": "o"}, "s", rows)])
    cell = text.split('class="bs-history-cell"')[1].split("</td>")[0]
    assert "no change in any replication" in cell and "[0.000, 0.000]" not in cell


def test_the_first_look_says_no_change_and_why_not_plain_zeros():
    from sim.faces.dashboard import quick_html

    full = _full()
    quick = {side: reps[0] for side, reps in full.items()}
    shown = (("clearance_h_mean_import", "Clearance (h, mean)"),
             ("total_cost_per_consignment_import", "Cost ({currency})"))
    for lang, words in (("en", "no change"), ("zh", "无变化")):
        text = quick_html(quick, lang=lang, shown=shown, lanes=LANES)
        cell = text.split('data-side="difference" data-metric="clearance_h_mean_import"')[1]
        cell = cell.split("</td>")[0]
        assert cell.endswith(f">{words}") and "0.000" not in cell
        note = text.split('class="bs-unmoved-note"')[1].split("</p>")[0]
        assert ("sea_port" in note) and (("1 of the 2" in note) == (lang == "en"))
        assert "sea_port_scanners" not in note
    moved = {**quick, "option": {**quick["option"], "clearance_h_mean_import": 2.01}}
    assert "bs-unmoved" not in quick_html(moved, shown=shown)


def test_a_lane_is_named_from_its_port_and_kind_not_split_from_the_metric():
    from sim.faces.lane_words import lane_words, scenario_lanes
    from sim.scenario.loader import load_scenario

    lanes = scenario_lanes(load_scenario("tests/scenarios/small.toml"))
    assert lanes and all("_".join(lane) != lane[1] for lane in lanes)
    assert lane_words("land_port_2", "exam_bays") == "exam bays at land_port_2"
    assert lane_words("land_port_2", "exam_bays", "zh") == "口岸 land_port_2 的查验台位"
