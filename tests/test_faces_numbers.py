"""The workshop page's numbers in their metric's unit (:mod:`sim.faces.numbers`): a share in
percent and its change in percentage points, money and counts without empty decimals."""

from __future__ import annotations

import re

import pytest

from sim.faces.numbers import bound, figure


@pytest.mark.parametrize(("metric", "x", "side", "lang", "said"), [
    ("released_within_24h_import", 0.937, "option", "en", "93.7 %"),
    ("released_within_24h_import", 0.937, "option", "zh", "93.7%"),
    ("inspection_rate", -0.0123, "difference", "en", "-1.2 points"),
    ("inspection_rate", 0.0123, "difference", "zh", "1.2 个百分点"),
    ("detection_rate", 0.0001234, "difference", "en", "0.012 points"),  # (not "0.0")
    ("harm_slipped", 135_232_500.0, "baseline", "en", "135,232,500"),
    ("revenue_evaded", -4_500.4, "difference", "en", "-4,500"),
    ("value_slipped", -1e-12, "difference", "en", "0"),  # (no "-0", no "0.000")
    ("total_cost_per_consignment_import", 25.284, "baseline", "en", "25.28"),
    ("total_cost_per_consignment_import", 0.363, "difference", "en", "0.363"),
    ("clearance_n_direct_import", 12_345.6, "baseline", "en", "12,346"),
    ("clearance_h_mean_import", 5.3234, "baseline", "en", "5.32"),  # (hours: 2 decimals < 10)
    ("clearance_h_mean_import", 14.0, "option", "zh", "14.0"),  # (one decimal from 10 h on)
    ("clearance_h_p90_import", 1234.56, "baseline", "en", "1,234.6"),
    ("clearance_h_mean_import", 9.996, "baseline", "en", "10.0"),  # (rounds up: one decimal)
    ("clearance_h_mean_import", -0.0004, "difference", "en", "-0.00040"),  # (not "-0.00")
    ("clearance_h_mean_import", -1e-12, "difference", "en", "0.00"),  # (no "-0.00")
    ("clearance_h_mean_import", float("nan"), "baseline", "en", "–"),
])
def test_a_figure_is_shown_in_its_metrics_unit(metric, x, side, lang, said):
    assert figure(metric, x, side, lang) == said


def test_an_intervals_ends_are_in_the_figures_unit_unmarked():
    assert [bound("released_within_24h_import", x) for x in (0.921, 1.0)] == ["92.1", "100.0"]
    assert bound("harm_slipped", 731_259_532.4) == "731,259,532"


def test_the_pages_table_shows_shares_in_percent_and_money_without_decimals():
    from sim.faces.dashboard import results_html

    rows = [{"metric": "released_within_24h_import", "label": "s",
             "baseline": (0.937, 0.921, 0.953), "option": (0.95, 0.94, 0.96),
             "difference": (0.013, 0.004, 0.022)},
            {"metric": "harm_slipped", "label": "h",
             "baseline": (135_232_500.0, 0.0, 270_000_000.0), "option": (1e8, 0.0, 2e8),
             "difference": (-35_232_500.0, -9e7, 2e7)}]
    text = results_html(rows, "t")
    assert '>93.7 % <span class="bs-interval">[92.1, 95.3]' in text
    assert ">1.3 points <span" in text and "[0.4, 2.2]" in text
    assert '>135,232,500 <span class="bs-interval">[0, 270,000,000]' in text
    assert "0.937" not in text.replace('data-value="0.937"', "")
    assert ".0 <" not in text.replace("%", "")  # (no money ending in ".0")
    zh = results_html(rows, "t", lang="zh")
    assert '>93.7% <span class="bs-interval">' in zh and ">1.3 个百分点" in zh


def test_hours_in_one_table_are_written_the_same_way_by_size():
    from sim.faces.dashboard import results_html

    rows = [{"metric": "clearance_h_mean_import", "label": "c",
             "baseline": (5.3234, 4.9, 5.75), "option": (14.0, 13.21, 14.79),
             "difference": (8.6766, 7.9, 9.4)}]
    text = results_html(rows, "t")
    assert '>5.32 <span class="bs-interval">[4.90, 5.75]' in text
    assert '>14.0 <span class="bs-interval">[13.2, 14.8]' in text
    assert 'data-value="5.3234"' in text and "5.323<" not in text  # (exact value kept)


@pytest.mark.parametrize(("metric", "mean", "low", "high", "said"), [
    # hours: a mean under 10 h has two decimals, so do its ends past 10 h
    ("clearance_h_mean_import", 9.99, 8.4567, 11.5234, "9.99 [8.46, 11.52]"),
    # a mean from 10 h on has one, so do its ends under 10 h
    ("clearance_h_mean_import", 12.04, 8.753, 15.31, "12.0 [8.8, 15.3]"),
    # a small change kept to two digits: its ends at the same precision
    ("clearance_h_mean_import", 0.0012, 0.00051, 0.0031, "0.0012 [0.0005, 0.0031]"),
    # a share's level in percent, one decimal; an end that rounds to 0 is not "-0.0"
    ("released_within_24h_import", 0.0004, -1e-6, 0.0012, "0.040 % [0.000, 0.120]"),
    ("harm_slipped", 5_000.0, 40.6, 9_959.4, "5,000 [41, 9,959]"),
])
def test_a_cells_interval_ends_have_its_means_decimals(metric, mean, low, high, said):
    """A cell reads at one precision: 9.99 [8.46, 11.5] looked as if its upper end were
    known less precisely than the rest."""
    from sim.faces.dashboard import _cell

    cell = re.sub(r"<[^>]+>", "", _cell("option", metric, mean, low, high))
    assert cell == said


def test_the_charts_words_write_hours_as_the_table_does():
    """The chart's caption and the table give each bar's hours in the same writing (the chart
    said 9.8 h where the table said 9.80)."""
    from sim.faces.chart import clearance_words
    from sim.faces.chart_zh import clearance_words as in_chinese

    rows = [{"metric": "clearance_h_mean_import", "baseline": (9.8, 9.3, 10.4),
             "option": (0.456, 0.35, 0.6), "difference": (-9.344, -9.9, -8.75)}]
    for said in (clearance_words(rows)[0], in_chinese(rows)[0]):
        for side in ("baseline", "option"):
            assert f"{figure('clearance_h_mean_import', rows[0][side][0])} " in said, said
        assert "-9.90" in said and "-8.75" in said, said  # (the range at the mean's decimals)
    assert "9.80 h with the baseline, 0.46 h (27 min)" in clearance_words(rows)[0]
