"""An open Jackson network: document check -> scan -> physical exam, with Bernoulli routing.

Each consignment is selected for each check independently (document 0.6, scan 0.5, physical
0.3) and visits the selected stations in that order. Image review is instant (AI reads and
clears every image in 0 s) and an exam holds only a bay (teams and movers unlimited, no move,
no booking lead, slots always open), so the three stations are M/M/c queues fed by Poisson
streams of rate lambda p_i, and by Jackson's theorem (arrivals see time averages) the mean
clearance time is

    E[T] = sum_i p_i (Wq_i + 1 / mu_i),   Wq_i the Erlang C wait of M/M/c_i at lambda p_i.

The statistic is the mean clearance time of the released cohort (``clearance`` / ``all``);
the tolerance is a 99 % Student-t interval over independent replications, which must be
tight (half-width at most 2 % of E[T]) and contain E[T].

Design (measured): the clearance time of one consignment has variance about K E[T]^2 with
K ~ 8-10 (counting the correlation between neighbours), so 40 replications of 120 days
(5,760 consignments each, 230,000 in all) give an expected half-width of about 1.7 %.
"""

from __future__ import annotations

import numpy as np
from theory_scenarios import (
    assert_matches_theory,
    build,
    exam,
    lane,
    replicate,
    scan,
    scenario,
)

from sim.analysis.queueing import jackson_sojourn
from sim.model.run import simulate

ARRIVAL_RATE = 2.0  # per hour
#: check -> (selection probability, servers, mean service in hours)
STATIONS = {
    "document": (0.6, 2, 1.0),  # rho = 0.6
    "scan": (0.5, 1, 0.5),  # rho = 0.5
    "physical": (0.3, 3, 3.0),  # rho = 0.6
}
DAYS = 120
WARMUP_DAYS = 3
SEEDS = list(range(101, 141))
LEVEL = 0.99
PRECISION = 0.02


def network(days: float = DAYS, warmup_days: float = WARMUP_DAYS):
    (pd_, cd, sd), (ps, cs, ss), (pp, cp, sp) = STATIONS.values()
    return build(
        scenario(
            rate_per_h=ARRIVAL_RATE,
            days=days,
            warmup_days=warmup_days,
            drain_days=3,
            selection={check: p for check, (p, _, _) in STATIONS.items()},
            document_check=lane(cd, sd),
            scan=scan(cs, ss),
            exam=exam(cp, sp),
            name="jackson",
        )
    )


def analytic_sojourn() -> float:
    return jackson_sojourn(ARRIVAL_RATE, STATIONS.values())


def _clearance(result) -> float:
    assert result.counts["censored"] == 0
    c = result.clearance
    row = c[(c.metric == "clearance") & (c.dimension == "all")].iloc[0]
    assert row["n"] == result.counts["arrived"]
    return float(row["mean_h"])


def test_clearance_is_the_time_at_the_stations():
    """The flow adds nothing between or after the stations: each check starts being asked for
    when the previous one ends, and release is the end of the last check (or arrival)."""
    result = simulate(network(days=20, warmup_days=0), 1, log=True)
    log = result.log
    assert log is not None and (log.outcome == "released").all()
    t = log.arrived.to_numpy().copy()
    np.testing.assert_array_equal(log.assessed.to_numpy(), t)
    for sel, start, end in (
        ("sel_document", "doc_start", "doc_end"),
        ("sel_scan", "scan_start", "image_end"),
        ("sel_physical", "exam_start", "exam_end"),
    ):
        chosen = log[sel].to_numpy()
        assert chosen.mean() > 0.2
        assert np.all(log[start].to_numpy()[chosen] >= t[chosen])
        assert np.isnan(log[start].to_numpy()[~chosen]).all()
        t = np.where(chosen, log[end].to_numpy(), t)
    # image review took no time: the AI cleared every image at once
    scanned = log[log.sel_scan]
    np.testing.assert_array_equal(scanned.image_end, scanned.scan_end)
    assert scanned.image_start.isna().all()
    np.testing.assert_array_equal(log.released.to_numpy(), t)
    np.testing.assert_array_equal(log.exited.to_numpy(), t)


def test_mean_clearance_matches_jackson():
    analytic = analytic_sojourn()
    means = replicate(network(), SEEDS, _clearance)
    assert_matches_theory(means, analytic, "Jackson E[T]", LEVEL, PRECISION)
