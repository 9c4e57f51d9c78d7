"""Intervals as the report's tables give them: one of no width (every replication gave the
same figure) is said in words, not as a 95 % interval "[0.000, 0.000]" that reads as a figure
known exactly."""

from __future__ import annotations

import re

import pandas as pd

from sim.report.html import SAME, _interval


def test_an_interval_of_no_width_is_said_in_words():
    assert _interval(0.0, 0.0) == SAME == "(the same in every replication)"
    assert _interval(156.43, 156.43) == SAME
    assert _interval(0.1 + 0.2, 0.3) == SAME  # (float rounding of a mean of equal figures)
    assert _interval(-1_164_335.0, -1_164_335.0) == SAME
    assert _interval(0.0, 1e-9) != SAME and _interval(0.0, 1e-9).startswith("[")
    assert _interval(0.4, 0.41) == "[0.400, 0.410]"
    assert _interval(float("nan"), float("nan")) == "\u2013"


def test_a_sweeps_point_whose_replications_agree_says_so():
    from sim.report.sweep_html import _differences, _table, point_differences, point_summary

    rows = pd.DataFrame({"point": [0, 0, 1, 1], "replication": [0, 1, 0, 1], "x": [1, 1, 2, 2],
                         "detection_rate": [0.0, 0.0, 0.1, 0.3],
                         "clearance_h_mean": [2.0, 3.0, 2.5, 3.5]})
    design = pd.DataFrame({"x": [1, 2]}, index=pd.Index([0, 1], name="point"))
    page = _table(design, point_summary(rows, ["x"]), ["x"])
    cells = dict(re.findall(r'data-point="(\d)" data-metric="detection_rate".*?>(.*?)</td>', page))
    assert SAME in cells["0"] and "[" not in cells["0"]
    assert SAME not in cells["1"] and "[0.000\u2021, " in cells["1"]  # (cut at 0: marked)
    # clearance moves by 0.5 h in both replications: its paired difference has no width
    diffs = _differences(design, point_differences(rows, ["clearance_h_mean"], ["x"]), ["x"])
    assert f"0.500 * <small>{SAME}</small>" in diffs or f"0.500 <small>{SAME}</small>" in diffs


def test_a_figure_and_its_interval_share_their_decimals():
    """Those of the one farthest from 0, as the headline gives them: 9.31 [5.55, 13.07], not
    9.307 [5.546, 13.07] (a figure of one precision beside an interval of another)."""
    from sim.report.html import _figures

    assert _figures(9.307, 5.546, 13.07) == ("9.31", "[5.55, 13.07]")
    assert _figures(7.772, 0.0, 15.58) == ("7.77", "[0.00, 15.58]")
    assert _figures(17.67, 2.133, 33.2) == ("17.67", "[2.13, 33.20]")
    assert _figures(0.5, 0.0, 6.853) == ("0.500", "[0.000, 6.853]")  # (unchanged)
    assert _figures(343.42, 325.14, 361.7) == ("343.42", "[325.14, 361.70]")  # (unchanged)
    assert _figures(998.2, 900.04, 1100.0) == ("998", "[900, 1,100]")
    assert _figures(-0.0004, -0.0009, 0.0001) == ("-0.00040", "[-0.00090, 0.00010]")
    # a figure too small for three decimals: two digits of it, the interval to the same
    assert _figures(0.00031, -0.00112, 0.00174) == ("0.00031", "[-0.00112, 0.00174]")
    assert _figures(0.000073, 0.0, 0.000999) == ("0.000073", "[0.000000, 0.000999]")
    # below 10^-5, or beside a figure of 10 or more: each keeps its own form
    assert _figures(-3.3e-6, -0.000014, 7.7e-6) == ("-3.3\u00d710\u207b\u2076",
                                                     "[-0.000014, 7.7\u00d710\u207b\u2076]")
    assert _figures(0.0001, -12.0, 12.0) == ("0.00010", "[-12.00, 12.00]")
    assert _figures(0.0, 0.0, 0.0) == ("0.000", SAME)
    assert _figures(float("nan"), float("nan"), float("nan")) == ("\u2013", "\u2013")
    assert _figures(1.5, float("nan"), float("nan")) == ("1.500", "\u2013")


def test_every_mean_of_a_sweeps_table_has_its_intervals_decimals():
    from sim.report.sweep_html import _table, point_summary

    rows = pd.DataFrame({"point": [0, 0, 0], "replication": [0, 1, 2], "x": [1, 1, 1],
                         "clearance_h_mean": [6.0, 9.0, 12.9], "clearance_h_p90": [1, 2, 4]})
    design = pd.DataFrame({"x": [1]}, index=pd.Index([0], name="point"))
    page = _table(design, point_summary(rows, ["x"]), ["x"])
    cells = re.findall(r'class="mean"[^>]*>([-\d.,]+) <small>\[([-\d.,]+)\u2021?, '
                       r'([-\d.,]+)\u2021?\]', page)  # (an end cut at 0 marked)
    assert len(cells) == 2
    for figures in cells:
        decimals = {len(f.split(".")[1]) if "." in f else 0 for f in figures}
        assert len(decimals) == 1, figures
    assert ("9.30", "0.71", "17.89") in cells  # (clearance: its upper end above 10)


def test_a_narrow_interval_gets_the_decimals_that_tell_its_ends_apart():
    """Not "0.004 [0.004, 0.004]", which reads as an interval of no width, for a median of
    3.6 thousandths of an hour whose replications differ."""
    from sim.report.html import _figures

    assert _figures(0.00361, 0.00352, 0.00378) == ("0.0036", "[0.0035, 0.0038]")
    assert _figures(26_548.2, 26_548.0, 26_548.4) == ("26,548.2", "[26,548.0, 26,548.4]")
    assert _figures(0.9961, 0.99601, 0.99619) == ("0.9961", "[0.9960, 0.9962]")
