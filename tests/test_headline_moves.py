"""The headline's split of the attempts a patrol took off a route into those that moved to
other routes and those deterred (sim/report/headline_moves.py): a planner asked "how much
smuggling does doubling the river patrols deter, how much just moves" read the route-by-route
changes and had to add them up by hand."""

from __future__ import annotations

from sim.report.headline_moves import deterred_or_displaced


def _rows(routes: dict[str, float], deterred: float, opportunities: float = 0.0) -> dict:
    rows = {("patrols", f"smuggling_attempts_route_{r}"): {"mean": d} for r, d in routes.items()}
    rows[("patrols", "attempts_deterred")] = {"mean": deterred}
    rows[("patrols", "smuggling_opportunities")] = {"mean": opportunities}
    rows[("other", "smuggling_attempts_route_river")] = {"mean": -50.0}
    return rows


def test_the_attempts_a_route_lost_are_split_into_moved_and_deterred_with_the_period():
    rows = _rows({"river": -6.0, "road": 3.0, "sea": 1.0, "coast": 0.0}, deterred=2.0)
    text = deterred_or_displaced(rows, "patrols", 14.0)
    assert text.startswith("deterred or displaced, a replication's mean over the 14 observed "
                           "days: river 6.00 fewer attempts; "), text
    assert "of them 4.00 (67 %) went to other routes (road 3.00, sea 1.00)" in text, text
    assert "and 2.00 (33 %) were not tried (deterred)" in text, text
    assert "coast" not in text  # (a route that did not change is neither lost nor gained)


def test_no_split_when_the_opportunities_changed_fewer_were_deterred_or_no_route_lost():
    # an option that brings more loads (smuggling_pressure): attempts no longer add up
    assert deterred_or_displaced(_rows({"river": -6.0, "road": 9.0}, 2.0, 5.0), "patrols",
                                 14.0) == ""
    # fewer loads deterred: the lost attempts cannot be split into moved and deterred
    assert deterred_or_displaced(_rows({"river": -2.0, "road": 3.0}, -1.0), "patrols",
                                 14.0) == ""
    assert deterred_or_displaced(_rows({"river": 0.0, "road": 0.0}, 0.0), "patrols", 14.0) == ""
    assert deterred_or_displaced({}, "patrols", 14.0) == ""
