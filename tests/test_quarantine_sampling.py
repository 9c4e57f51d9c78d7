"""Quarantine sampling for pests: the hypergeometric sampling plan, continued to a real number
of infested units."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.model.truth import pest_detection


def exact(units: int, infested: int, sample: int, lab: float) -> float:
    """The integer hypergeometric by hand: the sample holds an infested unit, times the lab."""
    n = min(sample, units)
    return (1 - math.comb(units - infested, n) / math.comb(units, n)) * lab


@pytest.mark.parametrize(
    ("units", "share", "infested"),
    [(1000, 0.02, 20), (1000, 0.001, 1), (2000, 0.0015, 3), (3000, 0.01, 30), (200, 0.1, 20)],
)
def test_detection_is_the_exact_hypergeometric_at_a_whole_number_of_infested_units(
    units: int, share: float, infested: int
):
    (p,) = pest_detection(np.array([units]), share, 150, 0.9)
    assert p == pytest.approx(exact(units, infested, 150, 0.9), rel=1e-9)


def test_the_hand_value_of_one_container_of_1000_units_20_infested():
    # (1 - C(980, 150) / C(1000, 150)) x 0.9
    (p,) = pest_detection(np.array([1000]), 0.02, 150, 0.9)
    assert p == pytest.approx(0.86628, abs=5e-6)


def test_detection_is_monotone_in_the_infested_share_and_positive_for_any_share():
    shares = np.linspace(0.0, 0.02, 4001)[1:]
    for units in (1000, 2000, 3000, 7000):
        p = np.array([pest_detection(np.array([units]), s, 150, 0.9)[0] for s in shares])
        assert (np.diff(p) >= -1e-12).all(), f"not monotone at {units} units"
        assert (p > 0).all()
        # less than one infested unit: a pest consignment still holds one
        (one,) = pest_detection(np.array([units]), 1e-9, 150, 0.9)
        assert one == pytest.approx(exact(units, 1, 150, 0.9), rel=1e-9)
    assert pest_detection(np.array([1000]), 0.0, 150, 0.9)[0] == 0.0
    # more infested units than the sample can miss: certain, times the lab
    assert pest_detection(np.array([1000]), 0.9, 150, 0.9)[0] == pytest.approx(0.9)
    assert pest_detection(np.array([100]), 0.1, 150, 0.9)[0] == pytest.approx(0.9)
