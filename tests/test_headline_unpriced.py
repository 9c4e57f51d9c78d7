"""The headline's word on cost when a comparison with smugglers prices nothing
(sim/report/headline_unpriced.py): asked what doubling a river patrol costs, a planner found
no cost anywhere near the smuggling lines of a scenario without [costs]."""

from __future__ import annotations

from sim.report.headline_unpriced import UNPRICED, unpriced

ROUTE = "smuggling_attempts_route_beilun_river"


def test_an_option_with_smugglers_and_no_agency_cost_says_how_to_price_the_patrols():
    rows = {("patrols", ROUTE): {"mean": -6.0}, ("other", "agency_cost_per_year"): {}}
    assert unpriced(rows, "patrols") == UNPRICED
    assert "--set costs.price_year=YEAR --set costs.roles.customs_officer=PAY" in UNPRICED


def test_nothing_is_said_when_the_option_is_priced_or_has_no_smugglers():
    priced = {("patrols", ROUTE): {}, ("patrols", "agency_cost_per_year"): {}}
    assert unpriced(priced, "patrols") == ""
    assert unpriced({("patrols", "clearance_h_mean"): {}}, "patrols") == ""
