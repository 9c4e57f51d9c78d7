"""The detection share over replications pooled as a ratio of sums (total found / total of
known outcome), not the mean of each replication's share, with the ratio estimator's
interval; in ``seizures-by-layer.csv`` beside the mean of shares. In a comparison, the
difference of two options' pooled shares paired by replication (common random numbers), with
an interval from the replications' residuals that is narrower than the unpaired one."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sim.experiment.pooled_ratio import paired_pooled_difference, pooled_ratio
from sim.experiment.seizure_layers import compare_layers, summarise_layers

#: replications of 3, 300, 30 and 60 loads of known outcome: shares 1.0, 0.1, 0.5, 0.2
DETECTED = np.array([3.0, 30.0, 15.0, 12.0])
KNOWN = np.array([3.0, 300.0, 30.0, 60.0])


def test_the_pooled_share_is_the_ratio_of_sums_and_its_interval_covers_it():
    r, low, high = pooled_ratio(DETECTED, KNOWN)
    assert r == 60.0 / 393.0  # (the mean of the shares is 0.45)
    assert np.mean(DETECTED / KNOWN) == 0.45
    assert low < r < high
    residuals = DETECTED - r * KNOWN  # (by hand: t(0.975, 3) = 3.182446305284263)
    half = 3.182446305284263 * np.std(residuals, ddof=1) / (2.0 * KNOWN.mean())
    assert math.isclose(high - r, half, rel_tol=1e-9)


def test_one_replication_has_no_interval_and_none_known_no_share():
    assert math.isnan(pooled_ratio(np.array([1.0]), np.array([4.0]))[1])
    assert math.isnan(pooled_ratio(np.array([0.0, 0.0]), np.array([0.0, 0.0]))[0])


def _rep(detected: float, known: float) -> pd.DataFrame:
    row = {"truth": "tobacco", "place": "dongxing", "kind": "port", "arrived": known + 1,
           "held": 1.0, "detected": detected - 1, "stopped_by_patrols": 1.0,
           "seized_at_port": 0.0, "missed": known - detected, "inspected": 10.0, "hits": 0.0,
           "found_not_seized": 0.0, "document_finds": 0.0, "found_after_release": 0.0}
    t = pd.DataFrame([row])
    t["detection_share"] = detected / known
    t["hit_rate"] = 0.0
    return t


def test_the_layers_table_gives_the_pooled_share_beside_the_mean_of_shares():
    frames = {i: _rep(d, k) for i, (d, k) in enumerate(zip(DETECTED, KNOWN, strict=True))}
    row = summarise_layers(frames).iloc[0]
    assert math.isclose(row["detection_share"], 0.45)
    assert row["detection_share_pooled"] == 60.0 / 393.0
    assert row["detection_share_pooled_ci_low"] <= row["detection_share_pooled"]
    assert row["detection_share_pooled"] <= row["detection_share_pooled_ci_high"]


#: two options on the same seeds: each replication's loads of known outcome (common to both,
#: and very unequal) and the baseline's shares, which the option raises by about 5 points
LOADS = np.array([40.0, 300.0, 120.0, 60.0, 200.0])
BASE_SHARES = np.array([0.10, 0.50, 0.30, 0.20, 0.40])
OPTION_SHARES = BASE_SHARES + np.array([0.05, 0.06, 0.04, 0.05, 0.05])
#: the option's loads of known outcome: near the baseline's in each replication, not equal
OPTION_LOADS = LOADS + np.array([2.0, -20.0, 6.0, 0.0, 9.0])


def test_the_paired_difference_is_the_difference_of_the_ratios_of_sums():
    a1, a2 = OPTION_LOADS, LOADS
    d1, d2 = OPTION_SHARES * a1, BASE_SHARES * a2
    diff, low, high = paired_pooled_difference(d1, a1, d2, a2)
    assert diff == d1.sum() / a1.sum() - d2.sum() / a2.sum()
    assert low < diff < high
    r1, r2 = d1.sum() / a1.sum(), d2.sum() / a2.sum()
    e = (d1 - r1 * a1) / a1.mean() - (d2 - r2 * a2) / a2.mean()
    half = 2.7764451051977987 * np.std(e, ddof=1) / math.sqrt(5)  # (t(0.975, 4), by hand)
    assert math.isclose(high - diff, half, rel_tol=1e-9)
    assert math.isclose(diff - low, half, rel_tol=1e-9)


def test_pairing_by_replication_narrows_the_interval():
    a1, a2 = OPTION_LOADS, LOADS
    d1, d2 = OPTION_SHARES * a1, BASE_SHARES * a2
    diff, low, high = paired_pooled_difference(d1, a1, d2, a2)
    # (the baseline's replications in another order: the same two ratios, pairing broken)
    order = np.array([4, 3, 0, 1, 2])
    broken = paired_pooled_difference(d1, a1, d2[order], a2[order])
    assert math.isclose(broken[0], diff, rel_tol=1e-12)
    assert high - low < (broken[2] - broken[1]) / 5
    # (unpaired: the two ratios' own intervals combined as if independent)
    h1, h2 = (pooled_ratio(d, a)[2] - pooled_ratio(d, a)[0] for d, a in ((d1, a1), (d2, a2)))
    assert high - diff < math.hypot(h1, h2) / 5


def test_the_paired_difference_of_one_replication_or_none_known():
    one = paired_pooled_difference(np.array([2.0]), np.array([4.0]), np.array([1.0]),
                                   np.array([4.0]))  # fmt: skip
    assert one[0] == 0.25 and math.isnan(one[1]) and math.isnan(one[2])
    none = paired_pooled_difference(np.array([1.0, 2.0]), np.array([4.0, 4.0]),
                                    np.zeros(2), np.zeros(2))  # fmt: skip
    assert math.isnan(none[0])


def test_a_comparison_gives_the_paired_difference_of_the_pooled_shares():
    reps = {"baseline": (BASE_SHARES, LOADS), "more": (OPTION_SHARES, OPTION_LOADS)}
    options = {name: {i: _rep(share * known, known) for i, (share, known)
                      in enumerate(zip(*reps[name], strict=True))}
               for name in reps}  # fmt: skip
    t = compare_layers(options, "baseline").set_index("option")
    expect = paired_pooled_difference(OPTION_SHARES * OPTION_LOADS, OPTION_LOADS,
                                      BASE_SHARES * LOADS, LOADS)  # fmt: skip
    got = t.loc["more", [f"detection_share_pooled_diff{e}" for e in ("", "_ci_low", "_ci_high")]]
    assert np.allclose(got.to_numpy(dtype=float), expect, rtol=1e-12)
    assert t.loc["baseline", "detection_share_pooled_diff"] == 0.0
    assert expect[1] < expect[0] < expect[2] and t.loc["more", "detection_share_pooled"] > 0
    # (the mean of shares' paired difference stays as it was: 5 points, the mean of the rises)
    assert math.isclose(t.loc["more", "detection_share_diff"], 0.05, rel_tol=1e-9)
