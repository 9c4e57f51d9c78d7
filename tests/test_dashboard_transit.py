"""The workshop page on transit goods (转关) and returned declarations (退单): their rows show
where the scenario (or the option) has their part, and their reforms are offered with their
strengths, in English and Chinese (the server side: the rows, the labels and the HTML)."""

from __future__ import annotations

import html
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sim.faces import choices, runs
from sim.faces.choices import Plan, option_catalogue, variants
from sim.faces.parts import PART_OF, called_for, has_part
from sim.faces.words import option_label

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
TRANSIT = [m for m, part in PART_OF.items() if part == "ports.*.transit"]
RETURNS = [m for m, part in PART_OF.items() if part == "declaration.returns"]


def _scenario(folder: str, name: str):
    return variants(Plan(name), quick=True, folder=EXAMPLES / folder).baseline


def test_a_metric_of_a_part_is_a_row_only_where_a_side_has_that_part():
    inland, broker = _scenario("transit", "inland"), _scenario("returned", "broker")
    plain = variants(Plan("default"), quick=True).baseline
    split = [f"clearance_{s}_{k}_import" for s in ("h_mean", "h_p90", "n")
             for k in ("transit", "direct")]  # (imports in transit and the rest, apart)
    integrated = [f"clearance_{s}_integrated_import" for s in ("h_mean", "h_p90", "n")]
    assert TRANSIT == ["transit_share", "transit_h_mean", "transit_clearance_share",
                       "transit_unfinished", *split, *integrated]
    assert len(RETURNS) == 4 and set(PART_OF) <= {m for m, _ in runs.SHOWN}
    assert has_part(inland, "ports.*.transit") and not has_part(plain, "ports.*.transit")
    assert has_part(broker, "declaration.returns") and not has_part(inland, "declaration.returns")

    def rows(*sides):
        return [m for m, _ in called_for(runs.SHOWN, sides)]

    everywhere = [m for m, _ in runs.SHOWN if m not in PART_OF]
    assert rows(plain) == everywhere  # (no row of zeros for goods that never travel)
    assert set(rows(inland)) - set(everywhere) == set(TRANSIT)
    assert set(rows(broker)) - set(everywhere) == set(RETURNS)
    assert set(rows(plain, inland)) == set(rows(inland))  # an option that adds the part


def test_the_transit_workshop_page_shows_the_leg_and_what_integration_saves():
    """The facilitator's run: the transit example, clearance integration ticked; the table
    (English and Chinese) has the transit rows with the figures of docs/transit.md, and no
    rows of returns, which that scenario has none of."""
    from sim.faces.dashboard import quick_html, results_html

    folder = EXAMPLES / "transit"
    with ThreadPoolExecutor(2) as pool:
        run = runs.Run(Plan("inland", ("clearance_integration",), reps=2), pool, folder)
        run.start()
        run.join(120)
    snap = run.snapshot()
    assert snap.phase == "done", snap.message
    shown = [m for m, _ in snap.shown]
    assert set(TRANSIT) <= set(shown) and not set(RETURNS) & set(shown)
    rows = {r["metric"]: r for r in runs.table(snap.full, snap.shown)}
    assert rows["transit_share"]["baseline"][0] == pytest.approx(0.402, abs=5e-4)
    assert rows["transit_share"]["option"][0] == pytest.approx(0.077, abs=5e-4)
    assert rows["transit_clearance_share"]["difference"][2] < 0  # a clear fall
    # integration moves goods out of transit; those still in it keep their leg
    moved = rows["clearance_n_transit_import"]
    assert moved["option"][0] < moved["baseline"][0] / 3
    for side in ("baseline", "option"):
        transit, direct = (rows[f"clearance_h_mean_{k}_import"][side][0]
                           for k in ("transit", "direct"))
        assert transit > direct + 30  # (the leg: a journey of 36 h on average)
    for lang, name in (("en", "came in transit"), ("zh", "转关货物比例")):
        page = results_html(list(rows.values()), "t", lang=lang)
        assert 'data-metric="transit_h_mean"' in page and name in page
        assert "returned_share" not in page
        first = quick_html(snap.quick, lang=lang, shown=snap.shown)
        assert 'data-metric="transit_share"' in first and "returned_share" not in first
    assert "returned_share" in quick_html(snap.quick)  # (what the rule keeps out)


def test_the_reforms_of_a_part_are_offered_where_it_is_with_their_strengths():
    catalogue = option_catalogue()
    inland, broker = _scenario("transit", "inland"), _scenario("returned", "broker")
    integration, returns = catalogue["clearance_integration"], catalogue["fewer_returns"]
    assert choices.applies(integration, inland) and not choices.applies(returns, inland)
    assert choices.applies(returns, broker) and not choices.applies(integration, broker)
    assert option_label(integration, "en").endswith(
        "(reform clearance_integration at share=0.8)")
    assert option_label(returns, "en").endswith("(reform fewer_returns at points=0.06)")
    assert option_label(integration, "zh") == (
        "clearance_integration：通关一体化（属地申报、口岸验放）：部分转关货物在内地海关申报、"
        "在口岸查验放行，其转关手续和监管运输不再计入通关时间（运输在放行之后）"
        "（改革 clearance_integration，强度 share=0.8：在内地申报、在口岸放行的转关货物比例）")
    assert option_label(returns, "zh").endswith(
        "（改革 fewer_returns，强度 points=0.06：从退回比例中扣除的百分点（以比例表示））")
    # the costs and transition every reform carries are not named; a reform without
    # strengths of its own names none
    assert "cost_per_year" not in option_label(integration, "en")
    assert option_label(catalogue["joint_inspection"], "zh").endswith(
        "（改革 joint_inspection）")


def test_a_ports_transit_desk_has_its_utilisation_row_where_it_has_one(tmp_path, monkeypatch):
    """The transit example with a desk at sea_port: the page's table has the desk's
    utilisation after the transit rows, in English and Chinese; without a desk, no row."""
    from sim.faces.dashboard import results_html

    desk = "utilisation_sea_port_transit_desk"
    inland = (EXAMPLES / "transit" / "inland.toml").read_text(encoding="utf-8")
    text = inland + "\n[ports.sea_port.transit.desk]\ncapacity = 3\n"
    (tmp_path / "desk.toml").write_text(text, encoding="utf-8")

    def measured(scenario, seed, replication):  # (a stand-in: the lane's metric measured)
        return {m: 0.5 + replication / 10 for m in [*(m for m, _ in runs.SHOWN), desk]}, []

    monkeypatch.setattr(runs, "measure", measured)
    shown = {}
    for name, folder in (("desk", tmp_path), ("inland", EXAMPLES / "transit")):
        with ThreadPoolExecutor(1) as pool:
            run = runs.Run(Plan(name, reps=2), pool, folder)
            run.start()
            run.join(30)
        snap = run.snapshot()
        assert snap.phase == "done", snap.message
        shown[name] = snap
    metrics = [m for m, _ in shown["desk"].shown]
    assert metrics.index(desk) == metrics.index(TRANSIT[-1]) + 1
    assert desk not in [m for m, _ in shown["inland"].shown]
    rows = runs.table(shown["desk"].full, shown["desk"].shown)
    (row,) = [r for r in rows if r["metric"] == desk]
    assert row["baseline"][0] == pytest.approx(0.55)
    said = html.escape("Transit desk at sea_port: its officers' utilisation")
    assert said in results_html(rows, "t")
    assert "利用率（sea_port 转关关员）" in results_html(rows, "t", lang="zh")
