"""The report's options table says what each option changes: the reform library's mechanism
and the fields of its scenario that differ from the baseline's (docs/reports.md: "the reform
or the fields it changes")."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import pytest

from sim.experiment.options import Option
from sim.reforms import REFORMS
from sim.report.folder import Variant
from sim.report.options_table import changed_fields, options_rows

BASE = {
    "name": "s",
    "organisation": {"structure": "spindle"},
    "after_release": {"two_step_declaration": {"uptake": {}}},
    "ports": {
        "a": {"release": {"pickup": {"dist": "lognormal", "mean": 24.0, "cv": 1.0}}},
        "b": {"release": {"pickup": {"dist": "lognormal", "mean": 12.0, "cv": 1.0}}},
        "c": {"release": {"pickup": {"dist": "lognormal", "mean": 6.0, "cv": 1.0}}},
    },
}


#: a day with no warm-up and a day's drain (a week each in the small scenario): which rows a
#: table shows depends on the metrics asked for and the options' fields, not on the figures
SHORT = ["--days", "1", "--set", "warmup_days=0", "--set", "drain_days=1"]


def _with(**changes: object) -> dict:
    import copy

    out = copy.deepcopy(BASE)
    for dotted, value in changes.items():
        *head, last = dotted.split("__")
        node = out
        for key in head:
            node = node[key]
        node[last] = value
    return out


def test_changed_fields_groups_ports_and_keeps_a_distribution_whole():
    after = _with(ports__a__release__pickup__mean=16.0, ports__b__release__pickup__mean=8.0)
    assert changed_fields(BASE, after) == ["ports.*.release.pickup (2 ports)"]
    after = _with(ports__c__release__pickup__mean=3.0)
    assert changed_fields(BASE, after) == ["ports.c.release.pickup"]  # (too long for values)
    after = _with(organisation__structure="dumbbell")
    assert changed_fields(BASE, after) == ['organisation.structure: "spindle" \u2192 "dumbbell"']
    after = _with(after_release__two_step_declaration__uptake={"general": 0.5, "aeo": 1.0})
    assert changed_fields(BASE, after) == [  # a table filled in: one field, values short
        'after_release.two_step_declaration.uptake: {} \u2192 {"general": 0.5, "aeo": 1.0}']
    assert changed_fields(BASE, BASE) == []


def test_the_options_table_shows_each_reforms_mechanism_and_fields():
    options = [Option("baseline"), Option("direct_pickup", reform="direct_pickup"),
               Option("dumbbell", reform="dumbbell"), Option("more", {"days": 3})]
    scenarios = {
        "baseline": BASE,
        "direct_pickup": _with(ports__a__release__pickup__mean=16.0,
                               ports__b__release__pickup__mean=8.0),
        "dumbbell": _with(organisation__structure="dumbbell"),
        "more": BASE,
    }
    variants = {n: Variant(n, Path("."), s, [0]) for n, s in scenarios.items()}
    text = options_rows(options, variants)
    rows = dict(part.split("</td><td class='changes'>") for part in
                (r.split("<td>", 1)[1] for r in text.split("</td></tr>") if r))
    assert REFORMS["direct_pickup"].mechanism.split(":")[0] in rows["direct_pickup"]
    assert "<code>ports.*.release.pickup (2 ports)</code>" in rows["direct_pickup"]
    assert REFORMS["dumbbell"].mechanism[:40] in rows["dumbbell"]
    assert "organisation.structure: &quot;spindle&quot; \u2192 &quot;dumbbell&quot;" in rows[
        "dumbbell"]
    assert "reform dumbbell" not in text
    assert rows["more"].startswith("days=3") and "none of this scenario" in rows["more"]
    assert rows["baseline"] == "the scenario unchanged"


def test_the_reports_main_table_has_the_terminals_rows():
    """As the terminal's table: each pooled clearance and cost row followed by its imports'
    and exports', seizures and slipped value, the organisation's rows and the rows of a port
    an option touches."""
    from types import SimpleNamespace

    from sim.report.html import report_rows

    metrics = ["clearance_h_mean", "clearance_h_mean_import", "clearance_h_mean_export",
               "consignments_seized", "value_slipped", "total_cost_per_consignment",
               "total_cost_per_consignment_import", "agency_cost_per_consignment",
               "escalation_latency_h_mean", "org_staff_cost_per_year", "clearance_h_p95",
               "clearance_h_mean_port_sea_import"]  # fmt: skip
    res = SimpleNamespace(
        summary=pd.DataFrame({"metric": metrics}),
        options=[Option("baseline"), Option("s", {"ports.sea.scan.scanners.capacity": 4})],
        meta={},
    )
    rows = report_rows(res)  # type: ignore[arg-type]
    assert rows[:3] == ("clearance_h_mean", "clearance_h_mean_import", "clearance_h_mean_export")
    for m in metrics:
        assert m in rows, m
    at = rows.index("total_cost_per_consignment")
    assert rows[at + 1] == "total_cost_per_consignment_import"
    assert rows.index("escalation_latency_h_mean") > rows.index("agency_cost_per_consignment")


def test_a_changed_value_is_shown_short():
    """A reform's arithmetic leaves 0.8500000000000001 where 0.85 is meant: shown as 0.85."""
    after = _with(organisation__officer=0.8500000000000001)
    assert changed_fields(BASE, after) == ["organisation.officer: none \u2192 0.85"]


def test_shares_keep_the_digits_asked_for_and_seizures_have_their_base():
    """Who gains shows "12.1 %" beside "1.2 %" (not "12.11 %"); seizures are per 1,000
    declarations, not a count of consignments."""
    from sim.experiment.compare import metric_unit
    from sim.report.html import _fmt

    assert [_fmt(12.114, 1), _fmt(1.23, 1), _fmt(12.114), _fmt(0.5, 0)] == [
        "12.1", "1.2", "12.11", "0"]  # fmt: skip
    assert metric_unit("seizures_per_1000") == "per 1,000 declarations"


def test_a_note_every_option_shares_is_shown_once():
    """Guangdong's local-knowledge note held for the baseline and the dumbbell alike: one
    note, not one per option; a note only some options have names them."""
    from sim.report.html import _notes

    meta = {"options": [{}, {}, {}], "unused_parts": {"baseline": "x", "dumbbell": "x", "b": "y"}}
    assert _notes(meta) == ["baseline, dumbbell: x", "b: y"]
    meta["unused_parts"]["b"] = "x"
    assert _notes(meta) == ["x"]
    meta["caveats"] = {"two_step": "only the fee acts"}
    assert _notes(meta)[-1] == "two_step: only part of it can act here: only the fee acts"


def test_the_headline_says_each_options_change_in_words():
    """A difference whose interval holds 0 is "no clear change"; one clear of it is told
    with its direction; shares in percentage points; money in the scenario's currency."""
    from types import SimpleNamespace

    from sim.report.headline import headline

    rows = [
        ("faster", "clearance_h_mean_import", -0.46, -0.81, -0.11),
        ("faster", "detection_rate", -0.001, -0.004, 0.002),
        ("faster", "detection_rate_with_audit", 0.02, 0.01, 0.03),
        ("faster", "total_cost_per_consignment", 3.5, 1.25, 5.75),
        ("faster", "value_slipped", 0.0, 0.0, 0.0),
        ("faster", "clearance_h_mean_export", -8.7e-05, -0.00065, 0.00048),
    ]
    diffs = pd.DataFrame(rows, columns=["option", "metric", "mean", "shown_low", "shown_high"])
    res = SimpleNamespace(names=["baseline", "faster"], differences=diffs,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    text = "".join(headline(res))  # type: ignore[arg-type]
    assert "<h3>faster</h3>" in text
    assert "A star says a change is not chance, not that it is large" in text  # (+0.0002 *)
    assert "import clearance (arrival to release): 0.46 h shorter (95 % CI 0.11 to 0.81)" in text
    assert ("share of illicit consignments detected: no clear change (-0.10 percentage "
            "points; 95 % CI -0.40 to 0.20)") in text
    # finds after release too (a reform that moves checks after release, two-step
    # processing, looked weaker on the first line alone)
    assert ("detected, finds after release included (tax review, recall, post-clearance "
            "audit, whenever they fall due): 2.00 percentage points higher") in text
    assert "cost per declaration, agencies and traders (every port pooled: a parcel is one " in (
        text)  # (per declaration, not per container: a parcel counts as a sea import does)
    assert "per container at each sea or rail port below): 3.50 USD more (95 % CI 1.25 to " in (
        text)
    assert ("slipping through the ports (over the observed days, not a year): no change (the "
            "same in every replication)") in text
    assert "export clearance: no clear change (-0.31 s; 95 % CI -2.34 to 1.73)" in text
    assert headline(SimpleNamespace(names=["run"], differences=diffs)) == []  # type: ignore
    assert "smuggl" not in text  # (no smugglers in the scenario: no such rows)


def test_the_headline_says_when_an_interval_is_too_wide_to_tell_or_holm_does_not_confirm():
    """An interval holding 0 that reaches past a quarter of the baseline's value is "too
    imprecise to tell", not "no clear change"; a change clear of 0 without Holm's confirmation
    says so; a time under 0.1 h is in minutes."""
    from types import SimpleNamespace

    from sim.report.headline import headline

    rows = [
        ("slow", "clearance_h_mean_import", 16.6, -5.81, 38.9, True),
        ("slow", "clearance_h_mean_export", 0.01, -0.02, 0.04, True),
        ("slow", "overall_clearance_h_mean_import", -0.05, -0.08, -0.02, False),
        ("slow", "detection_rate", 0.0005, 0.0001, 0.0009, True),
    ]
    cols = ["option", "metric", "mean", "shown_low", "shown_high", "significant"]
    diffs = pd.DataFrame(rows, columns=cols)
    summary = pd.DataFrame({"option": "baseline", "metric": [r[1] for r in rows],
                            "mean": [14.8, 1.2, 20.0, 0.15]})  # fmt: skip
    res = SimpleNamespace(names=["baseline", "slow"], differences=diffs, summary=summary,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    text = html.unescape("".join(headline(res)))  # type: ignore[arg-type]
    assert ("import clearance (arrival to release): too imprecise to tell (16.6 h; 95 % CI "
            "-5.8 to 38.9, against the baseline's 14.8 h): more replications") in text
    assert "export clearance: no clear change (0.60 min; 95 % CI -1.20 to 2.40)" in text
    assert ("imports' time to leave the port: 3.00 min shorter (95 % CI 1.20 to 4.80), not "
            "significant once corrected for the number of options (Holm)") in text
    assert "detected: 0.050 percentage points higher (95 % CI 0.010 to 0.090)</li>" in text


def test_the_headline_of_an_option_at_one_port_gives_that_ports_figures_first():
    """An option that changes one port of two: its lines at that port (imports and exports
    apart, clearance and cost), then the pooled ones, said to be diluted; an option that
    changes every port has only the pooled ones. The agencies' yearly cost is a line."""
    from types import SimpleNamespace

    from sim.report.headline import headline

    rows = [
        ("bays", "clearance_h_mean_import", -0.75, -1.0, -0.5),
        ("bays", "clearance_h_mean_port_sea_import", -2.44, -3.09, -1.79),
        ("bays", "clearance_h_mean_port_land_import", 0.0, 0.0, 0.0),
        ("bays", "total_cost_per_consignment_port_sea_export", -86.5, -99.0, -74.0),
        ("bays", "agency_cost_per_year", 581_003.0, 570_000.0, 592_000.0),
        ("both", "clearance_h_mean_import", -0.75, -1.0, -0.5),
        ("both", "clearance_h_mean_port_sea_import", -2.44, -3.09, -1.79),
    ]
    diffs = pd.DataFrame(rows, columns=["option", "metric", "mean", "shown_low", "shown_high"])
    res = SimpleNamespace(names=["baseline", "bays", "both"], differences=diffs,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    ports = {"bays": ["sea", "sea"], "both": ["sea", "land"]}
    text = html.unescape("".join(headline(res, ports)))  # type: ignore[arg-type]
    bays, both = text.split("<h3>both</h3>")
    assert ("At sea, which it changes:</p><ul class='headline'><li>import clearance: 2.44 h "
            "shorter (95 % CI 1.79 to 3.09)</li><li>cost per export declaration, agencies and "
            "traders: "
            "86.5 USD less (95 % CI 74.0 to 99.0)</li></ul><p>Pooled over every port") in bays
    assert bays.count("At sea") == 1 and "At land" not in bays
    assert "agencies' cost per year" in bays and "581,003 USD more" in bays
    assert "At " not in both and "Pooled" not in both  # (every port changed)
    assert "import clearance (arrival to release): 0.75 h shorter" in both
    assert "At " not in "".join(headline(res))  # type: ignore[arg-type]  # (no ports known)


def test_the_headline_at_a_port_gives_its_time_to_leave_the_port_and_to_departure():
    """An option that changes imports' time to leave one port (not their release: direct
    pickup) says so at that port, not only diluted in the pooled figure; exports' time to
    departure likewise."""
    from types import SimpleNamespace

    from sim.report.headline import headline

    rows = [
        ("pickup", "clearance_h_mean_port_sea_import", 0.0, 0.0, 0.0),
        ("pickup", "clearance_h_mean_port_land_import", 0.0, 0.0, 0.0),
        ("pickup", "overall_clearance_h_mean_port_sea_import", -6.64, -6.80, -6.49),
        ("pickup", "departure_h_mean_port_sea_export", 0.5, 0.2, 0.8),
        ("pickup", "overall_clearance_h_mean_import", -1.73, -1.79, -1.67),
    ]
    diffs = pd.DataFrame(rows, columns=["option", "metric", "mean", "shown_low", "shown_high"])
    res = SimpleNamespace(names=["baseline", "pickup"], differences=diffs,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    text = html.unescape("".join(headline(res, {"pickup": ["sea"]})))  # type: ignore[arg-type]
    at_sea = text.split("At sea, which it changes:")[1].split("Pooled over every port")[0]
    assert "imports' time to leave the port: 6.64 h shorter (95 % CI 6.49 to 6.80)" in at_sea
    assert "exports' time to departure: 0.50 h longer (95 % CI 0.20 to 0.80)" in at_sea


def test_the_headline_warns_when_only_the_baseline_is_not_steady_state():
    """Every difference from an unstable baseline is flagged, so the option's heading says
    so even when its own replications settled."""
    from types import SimpleNamespace

    from sim.report.headline import headline

    cols = ["option", "metric", "mean", "shown_low", "shown_high"]
    diffs = pd.DataFrame([("fast", "clearance_h_mean_import", -1.0, -1.5, -0.5)], columns=cols)
    cases = [({"baseline"}, "its baseline is not steady-state"),
             ({"fast"}, "(not steady-state"), (set(), None)]  # fmt: skip
    for unstable, flag in cases:
        res = SimpleNamespace(names=["baseline", "fast"], differences=diffs,
                              meta={"currency": "USD"}, unstable=unstable.__contains__)  # fmt: skip
        text = "".join(headline(res))  # type: ignore[arg-type]
        heading = text.split("<h3>")[1].split("</h3>")[0]
        assert (flag in heading) if flag else heading == "fast"


def test_the_headline_of_a_patrol_gives_what_became_of_the_smugglers_attempts():
    """With smugglers, the headline tells the attempts, those deterred and interdicted, and
    the total value slipped (ports + outside), beside the ports' own figure."""
    from types import SimpleNamespace

    from sim.report.headline import headline

    rows = [
        ("river_x3", "value_slipped", 439592.0, -146805.0, 1025989.0),
        ("river_x3", "value_slipped_total", -494597.0, -1107185.0, -2000.0),
        ("river_x3", "smuggling_attempts", -5.0, -9.0, -1.0),
        ("river_x3", "attempts_deterred", 3.0, 1.0, 5.0),
        ("river_x3", "smuggling_interdicted", 10.3, 2.7, 17.9),
    ]
    diffs = pd.DataFrame(rows, columns=["option", "metric", "mean", "shown_low", "shown_high"])
    res = SimpleNamespace(names=["baseline", "river_x3"], differences=diffs,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    text = html.unescape("".join(headline(res)))  # type: ignore[arg-type]
    assert ("value of illicit goods slipping through in all (ports + smuggling routes outside "
            "them; over the observed days, not a year): "
            "494,597 USD less (95 % CI 2,000 to 1,107,185)") in text
    assert "smuggling attempts (every route): 5.00 fewer (95 % CI 1.00 to 9.00)" in text
    assert "smuggling opportunities deterred (not tried): 3.00 more (95 % CI 1.00 to 5.00)" in text
    assert ("smuggling attempts interdicted by patrols outside the ports: 10.3 more (95 % CI "
            "2.7 to 17.9)") in text


def test_the_headline_of_an_organisation_comparison_gives_its_key_figures():
    """Options that differ in their organisation: escalation latency, the goods' wait per
    hold, the alerts' reach and the staff cost (in the scenario's currency) are told as
    the other bullets are; without an organisation, none of them."""
    from types import SimpleNamespace

    from sim.report.headline import headline

    rows = [
        ("dumbbell", "clearance_h_mean_import", -0.2, -0.22, -0.18),
        ("dumbbell", "escalation_latency_h_mean", -7.3, -8.61, -5.99),
        ("dumbbell", "org_hold_h_mean", -5.13, -6.87, -3.39),
        ("dumbbell", "org_holds", 8.2, 5.0, 11.4),
        ("dumbbell", "alert_reach", 0.82, 0.8, 0.84),
        ("dumbbell", "org_staff_cost_per_year", 0.0, 0.0, 0.0),
    ]
    diffs = pd.DataFrame(rows, columns=["option", "metric", "mean", "shown_low", "shown_high"])
    res = SimpleNamespace(names=["baseline", "dumbbell"], differences=diffs,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    text = html.unescape("".join(headline(res)))  # type: ignore[arg-type]
    assert ("organisation: escalation latency (request to decision back at the port): 7.30 h "
            "shorter (95 % CI 5.99 to 8.61)") in text
    assert ("organisation: goods' wait per hold that held them: 5.13 h shorter (95 % CI 3.39 "
            "to 6.87)") in text
    # how many goods a hold's wait concerns (331 holds against 14,614 released, say)
    assert ("organisation: goods held by it (holds a replication): 8.2 more (95 % CI 5.0 "
            "to 11.4)") in text
    assert ("organisation: share of ports its alerts reach: 82.0 percentage points higher "
            "(95 % CI 80.0 to 84.0)") in text
    assert "organisation: staff cost per year: no change (the same in every replication)" in text
    res.differences = diffs[~diffs["metric"].str.startswith(("escalation", "org_", "alert"))]
    assert "organisation" not in "".join(headline(res))  # type: ignore[arg-type]


def test_a_difference_too_small_for_three_decimals_keeps_two_digits():
    """exited_within_24h_import moved by 0.0002 in every replication, starred: shown as
    0.000 to 0.000 it read as a significant zero; now 0.0002 (terminal and report)."""
    from sim.cli_compare import unsigned_zero
    from sim.report.html import _fmt

    for show in (unsigned_zero, _fmt):
        assert [show(x) for x in (0.00021, -8.7e-05, 0.0006, 0.0, -0.0)] == [
            "0.00021", "-0.000087", "0.001", "0.000", "0.000"]  # fmt: skip
        # below 10^-5 a power of ten, alike on the terminal and the page (not -0.000000044)
        assert show(-4.4e-08) == "-4.4\u00d710\u207b\u2078", show


def test_an_intervals_bounds_share_their_decimals_when_one_is_too_small_for_three():
    """-0.00064 to 0.00020 was shown "-0.001 to 0.00020", one bound 55 % off beside the
    other's two significant digits: both now keep the small one's decimals (terminal and
    report), and bounds of ordinary size keep their form."""
    from sim.cli_compare import _ci
    from sim.report.html import _interval

    assert _ci(-0.00064, 0.00020) == "-0.00064 to 0.00020"
    assert _interval(-0.00045, 0.00063) == "[-0.00045, 0.00063]"
    assert _ci(-0.0003, 15.2) == "-0.00030 to 15.20"
    assert _ci(-0.5, 2.0) == "-0.500 to 2.000"
    assert _interval(-1.2e-7, 0.0003) == "[-1.2\u00d710\u207b\u2077, 0.00030]"


def test_the_report_shows_the_rows_of_the_ports_a_reform_changes(tmp_path):
    """A reform names no port in its option, yet changes a port's fields: the report's main
    table shows that port's clearance and cost rows, imports and exports apart, beside the
    pooled ones (a surge at one port must not be read only through figures pooled over all)."""
    import sim
    from sim.report.folder import read_compare
    from sim.report.html import report_rows

    out = tmp_path / "c"
    # (no drain, 14 days in the scenario, and no consignment logs: which rows the table has
    # depends on the ports the option changes, not on the run's figures or who gains)
    sim.compare(sim.default_scenario_path(), ["ecommerce_surge"], reps=1, log=False,
                overrides={"days": 1, "warmup_days": 0, "drain_days": 0}, out=out)  # fmt: skip
    res, variants = read_compare(out)
    rows = report_rows(res, variants)
    for m in ("clearance_h_mean_port_post_hub_import", "total_cost_per_consignment_port_"
              "post_hub_import", "overall_clearance_h_mean_port_post_hub_export"):  # fmt: skip
        assert m in rows, m
    assert not any("sea_port" in m for m in rows)  # (only the port it changes)
    assert "clearance_h_mean_port_post_hub_import" in (out / "report.html").read_text()


@pytest.mark.parametrize("command", ["compare", "run"])
def test_the_report_shows_the_metrics_the_command_asked_for(tmp_path, capsys, command):
    """``--show`` (a name or a pattern) adds rows to the terminal's table and to the report's
    main table alike."""
    from sim.cli import main
    from sim.report.folder import read_compare
    from sim.report.html import report_rows

    small = str(Path(__file__).parent / "scenarios" / "small.toml")
    out = tmp_path / command
    argv = [command, small, "--reps", "2", *SHORT, "--out", str(out),
            "--show", "wait_h_mean_sea_*,utilisation_sea_scanners"]  # fmt: skip
    if command == "compare":
        argv += ["--option", "r4:ports.sea.review.capacity=4"]
    assert main(argv) == 0
    if command == "run":
        assert main(["report", str(out)]) == 0
    page = (out / "report.html").read_text()
    for m in ("wait_h_mean_sea_scanners", "wait_h_mean_sea_document_check",
              "utilisation_sea_scanners"):  # fmt: skip
        assert f'data-metric="{m}"' in page, m
    if command == "compare":
        res, variants = read_compare(out)
        assert "wait_h_mean_sea_scanners" in report_rows(res, variants)


def test_an_option_moving_the_class_mix_shows_each_class_where_it_moved(tmp_path, capsys):
    """"What does AEO buy": an option changing a port's class shares adds each class's
    clearance and trader cost at that port, imports and exports apart, to the terminal's
    table and the report's, with no --show."""
    from sim.cli import main
    from sim.report.folder import read_compare
    from sim.report.html import report_rows

    small = str(Path(__file__).parent / "scenarios" / "small.toml")
    mix = "ports.sea.traffic.trader_classes"
    out = tmp_path / "c"
    argv = ["compare", small, "--option", f"aeo:{mix}.aeo_advanced=0.4,{mix}.general=0.55",
            "--reps", "2", *SHORT, "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "clearance_h_mean_aeo_advanced_port_sea_import" in printed
    res, variants = read_compare(out)
    rows = report_rows(res, variants)
    assert "clearance_h_mean_general_port_sea_export" in rows
    assert 'data-metric="clearance_h_mean_aeo_advanced_port_sea_import"' in (
        out / "report.html").read_text()


def test_a_tiny_difference_is_shown_with_two_significant_digits_not_a_row_of_zeros():
    """-0.000000044 is hard to read on a page: below 10^-5 a power of ten (the CSVs keep the
    exact value); down to it the digits stay as the terminal shows them."""
    from sim.report.html import _fmt

    assert [_fmt(x) for x in (-4.4e-8, 9.96e-8, -6e-6, -8.7e-05, 1e-5, -1e-12)] == [
        "-4.4\u00d710\u207b\u2078", "1.0\u00d710\u207b\u2077", "-6.0\u00d710\u207b\u2076",
        "-0.000087", "0.000010", "0.000"]  # fmt: skip


def test_a_headline_figure_that_acts_on_nothing_in_the_scenario_says_so(tmp_path):
    """Guangdong has no risk engine: the dumbbell's alerts reach more ports, but no engine
    reads them. The headline's alert-reach line says so beside the figure (the notes say
    why), not only in the notes below; the other lines carry no such caveat."""
    import re

    import sim
    from sim.report.folder import read_compare
    from sim.report.headline import headline

    guangdong = Path(sim.default_scenario_path()).parent / "guangdong.toml"
    out = tmp_path / "g"
    # (no drain, a week in the scenario: the caveat depends on the scenario having no risk
    # engine, not on the figures; the logs are kept, so who gains's lines are among others)
    short = {"days": 1, "warmup_days": 0, "drain_days": 0}
    sim.compare(guangdong, ["dumbbell"], reps=2, overrides=short, out=out, report=False)
    res, _ = read_compare(out)
    lines = re.findall(r"<li>(.*?)</li>", "".join(headline(res)))
    reach = [line for line in lines if "share of ports its alerts reach" in line]
    assert reach and all("changes nothing for goods or seizures in this scenario" in line
                         for line in reach)  # fmt: skip
    others = [line for line in lines if line not in reach]
    assert others and not any("changes nothing" in line for line in others)


def test_the_headline_says_whom_an_option_touches_and_its_change_for_them():
    """merged_inspection saved under a minute on average: it acts on the few goods both
    agencies examine. The headline says the shares better and worse off and the average per
    consignment touched (the average over all / the share touched)."""
    from types import SimpleNamespace

    from sim.report.headline import headline

    diffs = pd.DataFrame([("merged", "clearance_h_mean_import", -0.01, -0.02, -0.005)],
                         columns=["option", "metric", "mean", "shown_low", "shown_high"])
    gains = pd.DataFrame([("merged", "overall_clearance", "all", 0.02, 0.005, -0.0125)],
                         columns=["option", "measure", "dimension", "share_better",
                                  "share_worse", "mean_change"])  # fmt: skip
    res = SimpleNamespace(names=["baseline", "merged"], differences=diffs, gains=gains,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    text = "".join(headline(res))  # type: ignore[arg-type]
    assert ("whom it touches: 2.0 % of the released consignments leave the port more than 1 "
            "min sooner, 0.5 % later; its average, 0.8 min sooner over all, is about 30.0 min "
            "sooner for each consignment it touches") in text
    res.gains = gains.iloc[:0]  # (no logs joined: no such line)
    assert "whom it touches" not in "".join(headline(res))  # type: ignore[arg-type]


def test_the_headline_gives_cost_per_declaration_and_per_container_at_container_ports():
    """The pooled cost is per declaration (a parcel's as a sea import's): at each sea or rail
    port the headline gives the cost per declaration and per container, imports and exports
    apart, so a reader cannot take one for the other."""
    from tests.headlines import one_option

    rows = [("total_cost_per_consignment", -8.85, -9.5, -8.2),
            ("total_cost_per_consignment_port_sea_import", -54.5, -60.0, -49.0),
            ("total_cost_per_container_port_sea_import", -26.0, -28.0, -24.0),
            ("total_cost_per_consignment_port_road_import", -3.0, -4.0, -2.0),
            ("total_cost_per_container_port_road_import", -3.0, -4.0, -2.0)]  # fmt: skip
    text = one_option(rows, meta={"container_ports": ["sea"]})
    assert ("at sea, cost per import declaration, agencies and traders: 54.5 USD less (95 % "
            "CI 49.0 to 60.0); per container: 26.0 USD less (95 % CI 24.0 to 28.0)") in text
    assert "at road" not in text  # (a truck is one container: no second figure)
    assert "at sea" not in one_option(rows)  # (a folder that does not know its ports' modes)


def test_each_options_headline_says_what_it_is_under_its_name():
    """A reader of the headline alone learns what each option is: its own description, the
    reform's mechanism, or the fields it changes with their values (not only its name)."""
    from types import SimpleNamespace

    from sim.report.headline import headline
    from sim.report.options_table import what_it_is

    options = [Option("baseline"),  # (as --reforms makes it: a description of no help)
               Option("direct_pickup", reform="direct_pickup",
                      description="reform direct_pickup"),
               Option("restructured", {"organisation.structure": "dumbbell"}),
               Option("told", {"days": 3}, description="ship-side pick-up")]
    scenarios = {"baseline": BASE, "direct_pickup": BASE, "told": BASE,
                 "restructured": _with(organisation__structure="dumbbell")}  # fmt: skip
    variants = {n: Variant(n, Path("."), s, [0]) for n, s in scenarios.items()}
    said = what_it_is(options, variants)
    assert set(said) == {"direct_pickup", "restructured", "told"}  # (not the baseline)
    assert REFORMS["direct_pickup"].mechanism.split(":")[0] in said["direct_pickup"]
    assert said["restructured"] == 'organisation.structure: "spindle" \u2192 "dumbbell"'
    assert said["told"] == "ship-side pick-up"  # (its own words before its fields)
    diffs = pd.DataFrame([(o.name, "clearance_h_mean_import", 1.0, 0.5, 1.5)
                          for o in options[1:]],
                         columns=["option", "metric", "mean", "shown_low", "shown_high"])
    res = SimpleNamespace(names=[o.name for o in options], differences=diffs,
                          meta={"currency": "USD"}, unstable=lambda name: False)  # fmt: skip
    text = "".join(headline(res, None, None, said))  # type: ignore[arg-type]
    assert ("<h3>restructured</h3><p class='what'>What it is: organisation.structure: &quot;spindle"
            "&quot; \u2192 &quot;dumbbell&quot;</p>") in text
    assert "<h3>told</h3><p class='what'>What it is: ship-side pick-up</p>" in text
