"""Each option's headline opens with its answer in brief (docs/reports.md: "in brief"): per
outcome (clearance time, illicit goods, cost) the clear and confirmed changes with their
intervals, else one plain verdict, so a reader who stops there does not miss the one change
that matters."""

from __future__ import annotations

import html
from types import SimpleNamespace
from typing import Any

import pandas as pd

from sim.report.headline import headline

COLS = ["option", "metric", "mean", "shown_low", "shown_high", "significant"]


def _brief(rows: list[tuple[Any, ...]], ports: dict[str, list[str]] | None = None,
           base: dict[str, float] | None = None) -> str:
    diffs = pd.DataFrame(rows, columns=COLS)
    summary = pd.DataFrame({"option": "baseline", "metric": list((base or {}).keys()),
                            "mean": list((base or {}).values())})  # fmt: skip
    res = SimpleNamespace(names=["baseline", "opt"], differences=diffs, summary=summary,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    text = html.unescape("".join(headline(res, ports)))  # type: ignore[arg-type]
    assert "<p class='brief'><b>In brief</b>:</p>" in text
    start = text.index("<ul class='brief'>")
    return text[start:text.index("</ul>", start)]


def test_the_brief_gives_the_confirmed_changes_and_a_verdict_for_the_rest():
    said = _brief([
        ("opt", "clearance_h_mean_import", -0.46, -0.81, -0.11, True),
        ("opt", "clearance_h_mean_export", 0.01, -0.02, 0.04, True),
        ("opt", "detection_rate", -0.001, -0.004, 0.002, False),
        ("opt", "total_cost_per_consignment", 3.5, 1.25, 5.75, True),
        ("opt", "agency_cost_per_year", 1500.0, 1200.0, 1800.0, True),
    ])
    assert ("<li>Clearance time: import clearance: 0.46 h shorter (95 % CI 0.11 to 0.81) "
            "(no confirmed change in the 1 other figure)</li>") in said
    assert "<li>Illicit goods detected and slipping through: no clear change</li>" in said
    assert ("<li>Cost: cost per declaration, agencies and traders: 3.50 USD more (95 % CI "
            "1.25 to 5.75); agencies' cost per year: 1,500 USD more (95 % CI 1,200 to 1,800)"
            "</li>") in said
    assert said.index("Clearance time") < said.index("Illicit") < said.index("Cost")


def test_an_unconfirmed_or_imprecise_change_is_not_given_as_an_answer():
    said = _brief([
        ("opt", "clearance_h_mean_import", -0.05, -0.08, -0.02, False),  # (Holm: not confirmed)
        ("opt", "detection_rate", 0.01, -0.2, 0.22, True),  # (past a quarter of 0.15)
        ("opt", "total_cost_per_consignment", 0.1, -0.1, 0.3, True),
    ], base={"detection_rate": 0.15, "total_cost_per_consignment": 300.0})
    assert ("Clearance time: no confirmed change: a change clear of 0 is not confirmed once "
            "corrected for the number of options") in said
    assert "3.00 min" not in said  # (the change itself stays in the lines below)
    assert ("Illicit goods detected and slipping through: too imprecise to tell: more "
            "replications would narrow it") in said
    assert "<li>Cost: no clear change</li>" in said


def test_the_brief_gives_the_ports_an_option_changes_first():
    said = _brief([
        ("opt", "clearance_h_mean_port_sea_import", -2.0, -3.0, -1.0, True),
        ("opt", "clearance_h_mean_port_air_import", 0.0, 0.0, 0.0, True),
        ("opt", "clearance_h_mean_import", -0.4, -0.6, -0.2, True),
        ("opt", "total_cost_per_consignment_port_sea_export", 1.26, 0.84, 1.67, True),
    ], ports={"opt": ["sea"]})
    assert ("Clearance time: at sea, import clearance: 2.00 h shorter (95 % CI 1.00 to 3.00); "
            "import clearance: 0.40 h shorter") in said
    assert "at air" not in said  # (a port it leaves alone has no line of its own)
    assert "Cost: at sea, cost per export declaration: 1.26 USD more (95 % CI 0.84 to " in said


def test_the_brief_of_a_reform_in_force_for_part_of_the_run_says_its_figures_mix_periods():
    from sim.report.periods import Periods

    diffs = pd.DataFrame([("opt", "clearance_h_mean_import", -0.46, -0.81, -0.11, True)],
                         columns=COLS)  # fmt: skip
    res = SimpleNamespace(names=["baseline", "opt"], differences=diffs,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    periods = Periods(labels={"era_0": "before", "era_1": "after"},
                      in_force={"opt": (7.0, 14.0)})  # fmt: skip
    text = html.unescape("".join(headline(res, None, periods)))  # type: ignore[arg-type]
    assert ("<b>In brief</b> (over the whole run: its reform in force for 7 of 14 observed "
            "days: whole-run figures mix the periods; see the period figures):</p>") in text


def test_the_briefs_cost_says_when_the_reforms_running_cost_was_not_given():
    """A reform given no running cost looks cheaper than it is: the brief's cost line says so
    (as the agencies' cost line below it does), not only the line at the end."""
    diffs = pd.DataFrame([("opt", "total_cost_per_consignment", -22.2, -35.2, -9.13, True)],
                         columns=COLS)  # fmt: skip
    res = SimpleNamespace(names=["baseline", "opt"], differences=diffs,
                          meta={"currency": "USD", "uncosted": {"opt": ["direct_pickup"]}},
                          unstable=lambda name: False)  # fmt: skip
    text = html.unescape("".join(headline(res)))  # type: ignore[arg-type]
    said = text[text.index("<ul class='brief'>"):]
    said = said[:said.index("</ul>")]
    assert ("<li>Cost: cost per declaration, agencies and traders: 22.2 USD less (95 % CI "
            "9.1 to 35.2); but the run counts no running cost of direct_pickup") in said
    assert "the running cost of direct_pickup is not known" in said


def test_the_brief_and_headline_give_the_seizure_counts_with_the_baselines_own():
    """A minister asks how many seizures, not only what share: the brief has a seizures line
    with the baseline's counts over the observed days, and the headline a line per count."""
    diffs = pd.DataFrame([
        ("opt", "clearance_h_mean_import", -0.46, -0.81, -0.11, True),
        ("opt", "consignments_seized", -0.5, -6.85, 5.85, False),
        ("opt", "consignments_detained", 3.0, 1.0, 5.0, True),
        ("opt", "consignments_rejected", 0.0, 0.0, 0.0, False),
    ], columns=COLS)
    summary = pd.DataFrame({"option": "baseline", "mean": [16.0, 22.0, 2.5], "metric": [
        "consignments_seized", "consignments_detained", "consignments_rejected"]})
    res = SimpleNamespace(names=["baseline", "opt"], differences=diffs, summary=summary,
                          meta={"currency": "USD", "days": 7.0}, unstable=lambda name: False)
    text = html.unescape("".join(headline(res)))  # type: ignore[arg-type]
    said = text[text.index("<ul class='brief'>"):]
    said = said[:said.index("</ul>")]
    assert ("<li>Seizures (the baseline, a replication's mean over 7 observed days: 16 "
            "consignments seized, 22 consignments detained, 2.5 consignments rejected after a "
            "find): consignments detained: 3.00 more (95 % CI 1.00 to 5.00) (no confirmed "
            "change in the 2 other figures)</li>") in said
    assert said.index("Clearance time") < said.index("Seizures") < len(said)
    lines = text[text.index("</ul>", text.index("<ul class='brief'>")):]
    assert ("<li>consignments seized (a count: goods seized at the ports over the observed "
            "days, a replication's mean): too imprecise to tell (-0.50; 95 % CI -6.85 to 5.85, "
            "against the baseline's 16.0): more replications would narrow it</li>") in lines
    assert ("<li>consignments detained (a count, as for those seized): 3.00 more (95 % CI 1.00 "
            "to 5.00); the baseline's: 22</li>") in lines
    assert ("<li>consignments rejected after a find (a count, as for those seized): no change "
            "(the same in every replication); the baseline's: 2.5</li>") in lines


def test_an_outcome_that_moves_in_no_replication_is_said_unchanged_not_unclear():
    """Guangdong's dumbbell without a risk engine: its seizures and detection are the
    baseline's in every replication; "no clear change" would read as a change lost in noise."""
    said = _brief([
        ("opt", "clearance_h_mean_import", -0.03, -0.18, 0.12, False),
        ("opt", "detection_rate", 0.0, 0.0, 0.0, False),
        ("opt", "value_slipped", 0.0, 0.0, 0.0, False),
        ("opt", "consignments_seized", 0.0, 0.0, 0.0, False),
        ("opt", "consignments_detained", 0.0, 0.0, 0.0, False),
        ("opt", "total_cost_per_consignment", 0.0, 0.0, 0.0, False),
        ("opt", "agency_cost_per_year", 10.0, -5.0, 25.0, False),
    ])
    assert ("<li>Illicit goods detected and slipping through: no change (the same in every "
            "replication)</li>") in said
    assert "<li>Seizures: no change (the same in every replication)</li>" in said
    assert "<li>Clearance time: no clear change</li>" in said
    assert "<li>Cost: no clear change</li>" in said  # (one figure moved: not "no change")


def test_the_seizures_line_counts_the_patrols_interdictions_beside_the_ports():
    """With smuggling groups, the loads the patrols outside the ports stopped are seizures
    too: the brief's seizures line gives their count and change beside the ports', and says
    them in Chinese."""
    from sim.report.translate import text as zh_text

    diffs = pd.DataFrame([
        ("opt", "consignments_seized", -1.0, -1.5, -0.5, True),
        ("opt", "smuggling_interdicted", 2.0, 1.0, 3.0, True),
    ], columns=COLS)
    summary = pd.DataFrame({"option": "baseline", "mean": [16.0, 2.0],
                            "metric": ["consignments_seized", "smuggling_interdicted"]})
    res = SimpleNamespace(names=["baseline", "opt"], differences=diffs, summary=summary,
                          meta={"currency": "USD", "days": 7.0}, unstable=lambda name: False)
    text = html.unescape("".join(headline(res)))  # type: ignore[arg-type]
    said = text[text.index("<ul class='brief'>"):]
    line = next(li for li in said.split("<li>") if li.startswith("Seizures"))
    line = line[:line.index("</li>")]
    assert line.startswith("Seizures (the baseline, a replication's mean over 7 observed days: "
                           "16 consignments seized, 2 loads stopped by patrols outside the "
                           "ports): ")
    assert "loads stopped by patrols outside the ports: 2.00 more" in line
    zh = zh_text(line)
    assert zh is not None and "口岸外缉私巡查截获 2 批）" in zh and "截获批数" in zh


def test_a_structure_without_a_risk_engine_says_why_its_seizures_do_not_move():
    """Guangdong's spindle against its dumbbell with no risk engine: seizures and detection
    are the same in every replication because the static tables pick the goods inspected; the
    brief says so (in English and Chinese) for an option whose structure differs from the
    baseline's, and not once the scenario has an engine or the structure is the same."""
    from sim.report.brief_structure import WHY, blind
    from sim.report.translate import text as zh_text

    diffs = pd.DataFrame([("opt", "clearance_h_mean_import", -0.03, -0.18, 0.12, False),
                          ("opt", "detection_rate", 0.0, 0.0, 0.0, False),
                          ("opt", "consignments_seized", 0.0, 0.0, 0.0, False)], columns=COLS)
    summary = pd.DataFrame({"option": "baseline", "mean": [16.0],
                            "metric": ["consignments_seized"]})
    res = SimpleNamespace(names=["baseline", "opt"], differences=diffs, summary=summary,
                          meta={"currency": "USD", "days": 7.0}, unstable=lambda name: False)
    text = html.unescape("".join(headline(res, blind={"opt"})))  # type: ignore[arg-type]
    line = next(li for li in text.split("<li>") if li.startswith("Seizures"))
    line = line[:line.index("</li>")]
    assert line == ("Seizures (the baseline, a replication's mean over 7 observed days: 16 "
                    f"consignments seized): no change (the same in every replication){WHY}")
    assert f"slipping through: no change (the same in every replication){WHY}" in text
    assert "Clearance time: no clear change</li>" in text
    zh = zh_text(line)
    assert zh is not None and "本情景没有风险引擎" in zh and zh.startswith("查扣"), zh
    plain = html.unescape("".join(headline(res)))  # type: ignore[arg-type]
    assert WHY not in plain and "seized): no change (the same in every replication)</li>" in plain

    def v(structure: str | None, risk: object = None) -> SimpleNamespace:
        return SimpleNamespace(structure=structure, scenario={"risk": risk})

    assert blind({"b": v("spindle"), "d": v("dumbbell"), "s": v("spindle")}) == {"d"}
    assert blind({"b": v("spindle"), "d": v("dumbbell", {"enabled": False})}) == {"d"}
    assert blind({"b": v("spindle", {"enabled": True}), "d": v("dumbbell")}) == set()
    assert blind({"b": v("spindle"), "d": v("dumbbell", {})}) == set()
    assert blind({"b": v(None), "d": v("dumbbell")}) == set()
