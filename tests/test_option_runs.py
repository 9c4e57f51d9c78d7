"""sim.experiment.option_runs: a comparison's replications split by option once give what
selecting each option's rows of the wide table gave, to the last bit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sim.analysis.paired import noise_free
from sim.experiment.option_runs import OptionRuns
from sim.experiment.options import BASELINE

NAMES = [BASELINE, "scanner", "ai_review", "scanner+ai_review"]


def _table(seed: int) -> pd.DataFrame:
    """Replications of four options (some missing), float metrics with gaps (in the
    baseline's and the combination's rows only: pandas sums a block with a gap otherwise),
    counts, quantiles, and a metric whose options differ only by float rounding."""
    rng = np.random.default_rng(seed)
    rows = [{"option": n, "replication": r} for n in NAMES for r in range(4)
            if not (r == 2 and n == "scanner") and not (r == 0 and n == BASELINE)]
    t = pd.DataFrame(rows)
    gaps = t["option"].isin([BASELINE, "scanner+ai_review"]).to_numpy()
    for j in range(60):
        v = rng.normal(50, 20, len(t)) * 10.0 ** int(rng.integers(-2, 4))
        v[gaps & (rng.random(len(t)) < 0.15)] = np.nan
        t[f"clearance_h_p90_{j}" if j % 3 else f"clearance_h_mean_{j}"] = v
    t["consignments_seized"] = rng.integers(0, 9, len(t))
    t["cost_total"] = 0.1 + 0.2 + (rng.random(len(t)) < 0.5) * 1e-16  # (rounding apart)
    return t


def _selected(t: pd.DataFrame, name: str) -> pd.DataFrame:
    """One option's rows as a selection of the table gives them."""
    return t[t["option"] == name].set_index("replication").drop(columns=["option"])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_paired_differences_are_those_of_the_selected_rows(seed):
    t = _table(seed)
    runs = OptionRuns(t)
    b = _selected(t, BASELINE)
    for name in NAMES:
        a = _selected(t, name)
        both = a.index.intersection(b.index)
        d = (a.loc[both] - b.loc[both]).astype(float)
        want = pd.DataFrame(noise_free(d.to_numpy(), a.loc[both].to_numpy(dtype=float),
                                       b.loc[both].to_numpy(dtype=float)),
                            index=both, columns=d.columns).sort_index()
        got = runs.paired(name, BASELINE)
        pd.testing.assert_frame_equal(got, want, check_exact=True, check_index_type=False)
        assert list(got.index) == sorted(both)
    assert (runs.paired("scanner", BASELINE)["cost_total"] == 0).all()  # (rounding: 0)


@pytest.mark.parametrize("seed", [1, 2])
def test_rows_and_scale_are_those_of_the_selection(seed):
    t = _table(seed)
    runs = OptionRuns(t)
    for name in NAMES:
        pd.testing.assert_frame_equal(runs.rows(name), _selected(t, name).astype(float),
                                      check_exact=True, check_index_type=False)
    assert runs.rows("absent").empty
    for names in ({"scanner", BASELINE}, {"scanner", "ai_review"}, set(NAMES), {"absent"}):
        rows = t[t["option"].isin(names)]
        sizes = rows.drop(columns=["option", "replication"]).groupby(rows["option"]).mean()
        want = {str(k): float(v) for k, v in sizes.abs().sum().items()}
        assert runs.scale(names) == want
