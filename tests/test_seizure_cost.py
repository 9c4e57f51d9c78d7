"""A comparison's note of what each additional seizure costs (:mod:`sim.experiment.
seizure_cost`): every seizure counts, the ports' and the patrols' outside them, and the
agencies' cost is taken over the observed days, so the ratio is the operation's price of a
seizure. Tables only, no run: a comparison's per-replication figures are made up."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from sim.experiment.seizure_cost import seizure_cost_notes
from sim.model.costs import HOURS_PER_YEAR
from sim.warning_codes import classify

DAYS = 7.0


def _result(ports: list[float], patrols: list[float], cost: list[float]) -> SimpleNamespace:
    """A comparison of 4 replications: the option's seizures at the ports and by patrols,
    and its agencies' cost a year, each above a baseline of 10 port seizures, 5 patrol
    interdictions and 1,000,000 a year."""
    n = len(ports)
    base = {"consignments_seized": [10.0] * n, "consignments_detained": [0.0] * n,
            "consignments_rejected": [0.0] * n, "smuggling_interdicted": [5.0] * n,
            "agency_cost_per_year": [1e6] * n}
    mine = {"consignments_seized": [10 + p for p in ports], "consignments_detained": [0.0] * n,
            "consignments_rejected": [0.0] * n,
            "smuggling_interdicted": [5 + p for p in patrols],
            "agency_cost_per_year": [1e6 + c for c in cost]}
    rows = [pd.DataFrame({"option": name, "replication": range(n), **cols})
            for name, cols in (("baseline", base), ("op", mine))]
    return SimpleNamespace(per_rep=pd.concat(rows), names=["baseline", "op"],
                           meta={"days": DAYS, "currency": "USD"})


def test_the_patrols_interdictions_count_and_the_cost_is_the_observed_days():
    res = _result([-1, 0, -1, 0], [3, 4, 3, 5], [500_000, 510_000, 490_000, 505_000])
    [note] = seizure_cost_notes(res)
    _, _, figures = classify(note.split(": ", 1)[1])
    window = 501_250 * DAYS * 24 / HOURS_PER_YEAR  # the mean cost change over the days
    assert figures["seizures_diff"] == pytest.approx(3.25, abs=0.005)  # (-0.5 + 3.75)
    assert figures["interdicted_diff"] == pytest.approx(3.75, abs=0.005)
    assert figures["cost_per_seizure_added"] == pytest.approx(window / 3.25, abs=1)
    assert figures["cost_per_seizure_added_low"] < figures["cost_per_seizure_added"]


def test_a_change_within_the_noise_gives_no_interval_and_opposite_moves_no_ratio():
    noisy = seizure_cost_notes(_result([3, -3, 2, -1], [0] * 4, [100_000] * 4))
    assert "within the noise of 4 replications" in noisy[0]
    fewer = seizure_cost_notes(_result([-1, -2, -1, -2], [0] * 4, [100_000] * 4))
    assert "dearer with fewer seizures, so no cost per additional seizure" in fewer[0]
    assert seizure_cost_notes(_result([1, 2, 1, 2], [0] * 4, [0] * 4)) == []
