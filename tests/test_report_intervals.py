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
    assert SAME not in cells["1"] and "[0.000, " in cells["1"]
    # clearance moves by 0.5 h in both replications: its paired difference has no width
    diffs = _differences(design, point_differences(rows, ["clearance_h_mean"], ["x"]), ["x"])
    assert f"0.500 * <small>{SAME}</small>" in diffs or f"0.500 <small>{SAME}</small>" in diffs
