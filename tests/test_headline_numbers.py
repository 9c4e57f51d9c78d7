"""The headline's figures as a briefing quotes them (docs/reports.md: the headline): a change
and the ends of its interval to the same decimals, and a plain-words note on what an
interval means and when a change cannot be told apart from chance."""

from __future__ import annotations

import pytest

from sim.report.headline import _nums
from tests.headlines import one_option


@pytest.mark.parametrize(("figures", "said"), [
    ((29.8, 8.89, 50.7), ("29.8", "8.9", "50.7")),  # (not 8.89 beside 50.7)
    ((0.107, 0.024, 0.19), ("0.11", "0.02", "0.19")),
    ((-0.049, -0.48, 0.38), ("-0.05", "-0.48", "0.38")),
    ((9129.4, -106862.0, 125120.0), ("9,129", "-106,862", "125,120")),
    ((0.0001, -0.0015, 0.0012), ("0.0001", "-0.0015", "0.0012")),
    ((-0.002, -0.4, 0.3), ("0.00", "-0.40", "0.30")),  # (no "-0.00")
    ((0.0, 0.0, 0.0), ("0.00", "0.00", "0.00")),
])
def test_a_change_and_its_interval_share_the_decimals_of_its_farther_end(figures, said):
    assert _nums(*figures) == said


def test_the_headlines_lines_give_each_change_to_its_intervals_decimals():
    text = one_option([
        ("clearance_h_mean_export", -29.8 / 3600, -50.7 / 3600, -8.89 / 3600, False),
        ("trader_cost_per_consignment", -0.107, -0.19, -0.024, True),
        ("detection_rate_frozen", -0.0161, -0.221, 0.189, True),
    ])
    assert ("export clearance: 29.8 s shorter (95 % CI 8.9 to 50.7), not significant once "
            "corrected for the number of options (Holm)") in text
    assert "of which the traders' (fees and time): 0.11 USD less (95 % CI 0.02 to 0.19)" in text
    assert "frozen products without quarantine clearance no clear change (-1.6; -22.1 to 18.9)" \
        in text


def test_the_headline_says_in_plain_words_what_an_interval_means():
    text = one_option([("clearance_h_mean_import", -0.46, -0.81, -0.11, True)])
    note = text[text.index("<p class='note reading'>"):]
    note = note[:note.index("</p>")]
    for words in ("How to read these figures.",
                  "the range the change lies in, with 95 % confidence",
                  "Where the interval includes 0, the change cannot be told apart from the "
                  "chance variation between runs",
                  "which is not proof that there is no effect",
                  "not the uncertainty of its assumptions"):
        assert words in note
    assert text.index("How to read these figures") < text.index("In brief")
