"""Exports that missed their first departure, counted in containers as a terminal counts
(sim.model.cutoffs): declarations of 1 and 4 boxes that miss and make their vessel weigh by
their boxes, so the containers' share departs from the declarations'."""

from __future__ import annotations

import numpy as np
import pytest

from sim.experiment.compare import metric_unit
from sim.model.cutoffs import CutoffTally


def test_missed_departures_are_weighted_by_each_declarations_containers():
    """Departures at 10 h and 34 h, a cut-off 2 h before each; all arrive at 0 h (the first
    they could make is at 10 h). A box of 1 and one of 4 miss it (left at 34 h), one of 4
    makes it: 2 declarations in 3 missed, 5 containers in 9, over two observed days."""
    tally = CutoffTally(["sea", "road"], [[10.0, 34.0], None], window=(0.0, 48.0))
    boxes = np.array([1.0, 4.0, 4.0, 7.0])
    departed = np.array([34.0, 10.0, 34.0, 10.0])
    port = np.array([0, 0, 0, 1])  # (the last at a port without a schedule: not counted)
    missed = departed > 10.0
    tally.fold(port, np.zeros(4), departed - 2.0, departed, boxes)
    m = tally.metrics()
    sea = port == 0
    assert m["exports_missed_cutoff_share_sea"] == pytest.approx(missed[sea].mean())
    share = boxes[sea & missed].sum() / boxes[sea].sum()
    assert m["exports_missed_cutoff_containers_share_sea"] == pytest.approx(share)
    assert share != pytest.approx(missed[sea].mean())  # (the case tells the two apart)
    assert m["exports_missed_cutoff_containers_per_day_sea"] == pytest.approx(
        boxes[sea & missed].sum() / 2
    )
    assert not any(k.endswith("_road") for k in m)
    assert metric_unit("exports_missed_cutoff_containers_per_day_sea") == "containers a day"
    assert metric_unit("exports_missed_cutoff_containers_share_sea") == "share (0-1)"


def test_without_containers_or_loads_each_declaration_is_one_box():
    """No box counts given: one each, so the two shares agree; nothing loaded: NaN shares."""
    tally = CutoffTally(["sea"], [[10.0]], window=(0.0, 24.0))
    assert np.isnan(tally.metrics()["exports_missed_cutoff_containers_share_sea"])
    departed = np.array([10.0, 178.0, 178.0])
    tally.fold(np.zeros(3, int), np.zeros(3), departed - 2.0, departed)
    m = tally.metrics()
    assert m["exports_missed_cutoff_containers_share_sea"] == pytest.approx(2 / 3)
    assert m["exports_missed_cutoff_share_sea"] == pytest.approx(2 / 3)
