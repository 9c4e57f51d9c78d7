"""The option-by-option pairing the enforcement and risk tables of a comparison share
(:func:`sim.experiment.smuggling_series.by_option`): each option's rows against the
baseline's in the same replication; a row the baseline lacks is NaN, or ``fill``."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from sim.experiment.smuggling_series import by_option, summarised

KEYS = ["port", "direction"]  # (the tables pair on several keys)


def _stacked(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    parts = [f.assign(replication=r) for r, f in frames.items()]
    return pd.concat(parts, ignore_index=True)


def _summarise(frames: Mapping[int, pd.DataFrame]) -> pd.DataFrame:
    return summarised(_stacked(frames), KEYS, ["seized"], [])


def _options() -> dict[str, dict[int, pd.DataFrame]]:
    base = {r: pd.DataFrame({"port": ["sea"], "direction": "import", "seized": [2.0 + r]})
            for r in range(3)}
    more = {r: pd.DataFrame({"port": ["sea", "land"], "direction": "import",
                          "seized": [4.0 + 2 * r, 1.0]})
            for r in range(3)}
    return {"baseline": base, "more": more}


def test_each_option_is_paired_with_the_baseline_by_replication_and_row():
    out = by_option(_options(), "baseline", _summarise, _stacked, KEYS, ["seized"])
    sea = out[(out["option"] == "more") & (out["port"] == "sea")].iloc[0]
    assert sea["seized_diff"] == 3.0  # (2 + r) more in replication r: 2, 3, 4
    # (paired: differences 2, 3, 4, so 3 -+ t(0.975, 2) x 1 / sqrt(3))
    half = 4.302652729911275 / math.sqrt(3)
    assert math.isclose(sea["seized_diff_ci_low"], 3.0 - half)
    assert math.isclose(sea["seized_diff_ci_high"], 3.0 + half)
    land = out[(out["option"] == "more") & (out["port"] == "land")].iloc[0]
    assert math.isnan(land["seized_diff"])  # (the baseline has no such row)
    assert list(out["option"].drop_duplicates()) == ["baseline", "more"]


def test_a_row_the_baseline_lacks_counts_as_fill():
    out = by_option(_options(), "baseline", _summarise, _stacked, KEYS, ["seized"], fill=0)
    land = out[(out["option"] == "more") & (out["port"] == "land")].iloc[0]
    assert land["seized_diff"] == 1.0 and land["seized_diff_ci_low"] == 1.0
