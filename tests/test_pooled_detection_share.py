"""The detection share over replications pooled as a ratio of sums (total found / total of
known outcome), not the mean of each replication's share, with the ratio estimator's
interval; in ``seizures-by-layer.csv`` beside the mean of shares."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from sim.experiment.pooled_ratio import pooled_ratio
from sim.experiment.seizure_layers import summarise_layers

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
