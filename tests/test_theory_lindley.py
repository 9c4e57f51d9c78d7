"""A FIFO lane reproduces the exact waiting-time recursions on the very same draws.

One server: Lindley, W_{n+1} = max(0, W_n + S_n - A_{n+1}). c servers: Kiefer-Wolfowitz,
the sorted workload vector w' = R((w + S_n e_1 - A_{n+1} 1)^+), customer n waiting w_1.
The arrival times and service requirements are read back from the log, so the comparison is
sample path by sample path, to 1e-9 h, not statistical.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from theory_scenarios import build, lane, scenario

from sim.model.run import simulate

TOL = 1e-9  # hours


def _log(servers: int, rate_per_h: float, seed: int) -> pd.DataFrame:
    sc = build(
        scenario(
            rate_per_h=rate_per_h,
            days=30,
            warmup_days=0,
            drain_days=10,
            selection={"document": 1.0},
            document_check=lane(servers, 1.0),
        )
    )
    result = simulate(sc, seed, log=True)
    assert result.counts["censored"] == 0
    log = result.log
    assert log is not None and len(log) > 500
    assert (log.outcome == "released").all()
    # with no lodging delay and no assessment the lane is asked for at arrival
    assert np.array_equal(log.assessed.to_numpy(), log.arrived.to_numpy())
    return log.sort_values("arrived", kind="stable").reset_index(drop=True)


def kiefer_wolfowitz(arrived: np.ndarray, service: np.ndarray, servers: int) -> np.ndarray:
    """Waits in a FIFO c-server queue (Lindley's recursion when c = 1)."""
    work = np.zeros(servers)  # remaining work per server, ascending
    waits = np.empty(len(arrived))
    for n in range(len(arrived)):
        waits[n] = work[0]
        work[0] += service[n]
        work.sort()
        if n + 1 < len(arrived):
            work = np.maximum(work - (arrived[n + 1] - arrived[n]), 0.0)
    return waits


def lindley(arrived: np.ndarray, service: np.ndarray) -> np.ndarray:
    """W_{n+1} = max(0, W_n + S_n - A_{n+1}), written out as Lindley did."""
    waits = np.zeros(len(arrived))
    for n in range(len(arrived) - 1):
        waits[n + 1] = max(0.0, waits[n] + service[n] - (arrived[n + 1] - arrived[n]))
    return waits


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_single_server_is_lindley(seed):
    log = _log(1, 0.8, seed)
    arrived, service = log.arrived.to_numpy(), log.doc_time.to_numpy()
    waits = lindley(arrived, service)
    assert waits.max() > 1.0  # a real queue formed
    np.testing.assert_allclose(log.doc_start.to_numpy() - arrived, waits, rtol=0, atol=TOL)
    np.testing.assert_allclose(log.doc_end.to_numpy(), arrived + waits + service, rtol=0, atol=TOL)
    # one server, FIFO: departures in arrival order
    assert np.all(np.diff(log.doc_end.to_numpy()) > 0)
    np.testing.assert_allclose(kiefer_wolfowitz(arrived, service, 1), waits, rtol=0, atol=TOL)


@pytest.mark.parametrize("servers, rate", [(2, 1.6), (3, 2.4)])
def test_multi_server_is_kiefer_wolfowitz(servers, rate):
    log = _log(servers, rate, 7)
    arrived, service = log.arrived.to_numpy(), log.doc_time.to_numpy()
    waits = kiefer_wolfowitz(arrived, service, servers)
    assert (waits > 0).mean() > 0.2
    np.testing.assert_allclose(log.doc_start.to_numpy() - arrived, waits, rtol=0, atol=TOL)
    np.testing.assert_allclose(log.doc_end.to_numpy(), arrived + waits + service, rtol=0, atol=TOL)
    # FIFO: service starts in arrival order, never more than c jobs at once
    start, end = log.doc_start.to_numpy(), log.doc_end.to_numpy()
    assert np.all(np.diff(start) >= 0)
    events = np.concatenate([np.ones_like(start), -np.ones_like(end)])
    order = np.lexsort((events, np.concatenate([start, end])))  # ends before starts on ties
    assert np.cumsum(events[order]).max() == servers
