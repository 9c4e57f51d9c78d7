"""A sweep's swept values as numbers (``sim.sweep_numeric``): durations in hours, rates per
hour, so that a design or ``sweep.csv`` can be plotted or regressed on in pandas."""

from __future__ import annotations

import pandas as pd
import pytest

import sim

MEAN = "ports.sea.document_check.service.mean"
RATE = "ports.sea.arrivals.rate"
CAP = "ports.sea.review.capacity"


def test_a_sampled_designs_times_and_rates_become_hours_and_per_hour():
    """'--lhs' writes '27.4 min' and '2.12 /h' (strings: no scatter plot, no regression);
    each becomes the number it stands for, whole numbers stay whole."""
    design = sim.lhs({MEAN: "20:40 min", RATE: "1:3/h", CAP: "1:4"}, 5, seed=3)
    got = sim.sweep_numeric(design)
    for raw, value in zip(design[MEAN], got[MEAN], strict=True):
        assert value == pytest.approx(float(raw.split()[0]) / 60)
        assert 20 / 60 <= value <= 40 / 60
    for raw, value in zip(design[RATE], got[RATE], strict=True):
        assert value == pytest.approx(float(raw.split("/")[0]))
    assert got[CAP].tolist() == design[CAP].tolist() and got[CAP].dtype.kind == "i"
    assert isinstance(design[MEAN].iloc[0], str)  # (the design itself is left as it was)


def test_a_sweeps_table_keeps_its_points_replications_and_metrics():
    rows = pd.DataFrame({"point": [0, 0, 1, 1], MEAN: ["20 min", "20 min", "2 d", "2 d"],
                         "inspection.mode": ["single", "single", "separate", "separate"],
                         "replication": [0, 1, 0, 1],
                         "clearance_h_mean": [1.0, 2.0, 3.0, 4.0]})  # fmt: skip
    got = sim.sweep_numeric(rows)
    assert got[MEAN].tolist() == pytest.approx([1 / 3, 1 / 3, 48, 48])
    assert got["inspection.mode"].tolist() == rows["inspection.mode"].tolist()  # (a name)
    keep = ["point", "replication", "clearance_h_mean"]
    pd.testing.assert_frame_equal(got[keep], rows[keep])


def test_a_schedule_or_a_rate_per_two_hours_is_read_as_the_scenario_reads_it():
    design = pd.DataFrame({"s": [[1, 2], [3, 4]], RATE: ["3 / 2 h", "1500/d"]})
    got = sim.sweep_numeric(design)
    assert got["s"].tolist() == [[1, 2], [3, 4]]
    assert got[RATE].tolist() == pytest.approx([1.5, 62.5])
