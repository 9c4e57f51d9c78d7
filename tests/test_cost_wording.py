"""What the cost figures are said to be: the headline's agencies' cost names the terminal
handling the state pays; the cost-against-detection chart shows the agencies' cost beside the
total (a bill moved from the state to traders sits at the origin of the total) and detection
before release beside the finds after it; the run's table shows the agencies' cost per year;
a head's hours per year are the hours available for work, not paid hours."""

from __future__ import annotations

import html
from types import SimpleNamespace

import pandas as pd

from sim.cli import _run_rows
from sim.experiment.options import Option
from sim.report import plots
from sim.report.headline import headline
from sim.scenario.costs import Costs


def _diffs(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame([(o, m, x, x - 1, x + 1) for o, m, x in rows],
                        columns=["option", "metric", "mean", "ci_low", "ci_high"])  # fmt: skip


def test_the_headlines_agency_cost_names_the_handling_the_state_pays():
    diffs = _diffs([("o", "agency_cost_per_year", 7.8e6)]).rename(
        columns={"ci_low": "shown_low", "ci_high": "shown_high"})
    res = SimpleNamespace(names=["baseline", "o"], options=[Option("baseline"), Option("o")],
                          differences=diffs, meta={"currency": "USD"},
                          unstable=lambda name: False)  # fmt: skip
    text = html.unescape("".join(headline(res)))  # type: ignore[arg-type]
    assert "agencies' cost per year (staff, equipment, systems, each check's own cost and " \
        "the terminal handling the state pays for traders" in text


def _xs(ax, marker: str = "o") -> list[float]:
    return [line.get_xdata()[0] for line in ax.get_lines() if line.get_marker() == marker]


def test_the_chart_shows_the_agencies_cost_and_detection_before_release():
    """An option that moves a terminal bill from the state to traders: no change in the
    total, 7.8 less for the agencies; its finds after release lift detection 2 points above
    the 1 before release."""
    rows = []
    for option, total, agency, before, after in [("baseline", 0, 0, 0, 0),
                                                 ("payer", 0.0, -7.8, 0.01, 0.03)]:
        rows += [(option, "total_cost_per_consignment", total),
                 (option, "agency_cost_per_consignment", agency),
                 (option, "detection_rate", before), (option, "detection_rate_with_audit", after)]
    fig = plots.cost_against_detection(_diffs(rows), detection="detection_rate_with_audit",
                                       currency="USD")  # fmt: skip
    total, agency = fig.axes
    assert _xs(total) == [0.0, 0.0] and _xs(agency) == [0.0, -7.8]
    assert "agencies' cost per consignment (public money, USD)" in agency.get_xlabel()
    assert "total cost per consignment (agency + trader, USD)" in total.get_xlabel()
    diamonds = [line.get_ydata()[0] for line in agency.get_lines() if line.get_marker() == "D"]
    assert diamonds == [0.0, 1.0]  # (before release, percentage points)
    labels = [t.get_text() for t in total.get_legend().get_texts()]
    assert labels == ["baseline", "payer", "(hollow: detected before release)"]
    # detection before release alone: no second set of markers
    one = plots.cost_against_detection(_diffs(rows), detection="detection_rate")
    assert not [x for ax in one.axes for x in _xs(ax, "D")]


def test_the_run_table_shows_the_agencies_cost_per_year_where_it_is_costed():
    row = {"mean": 1.0, "ci_low": 0.5, "ci_high": 1.5}
    costed = {"clearance_h_mean": row, "total_cost_per_consignment": row,
              "agency_cost_per_year": row}  # fmt: skip
    assert "agency_cost_per_year" in _run_rows(costed, [])[0]
    assert "agency_cost_per_year" not in _run_rows({"clearance_h_mean": row}, [])[0]


def test_hours_per_year_are_the_hours_a_head_is_available_not_paid():
    words = Costs.model_fields["hours_per_year"].description or ""
    assert "available" in words and "paid hours" not in words
    assert "leave" in words
