"""The per-consignment log carries each consignment's trader cost (with a ``[costs]``
section): its items add up, and their means over the finished cohort are the run's cost
metrics, pooled and by any grouping the metrics have."""

from __future__ import annotations

import math

import numpy as np
import pytest

import sim
from sim.model.cost_log import COLUMNS, ITEMS

BURDEN = ("cost_time_customs", "cost_time_quarantine", "cost_time_organisation",
          "cost_inspection_handling", "cost_attendance")  # fmt: skip


@pytest.fixture(scope="module")
def run():
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 3, "warmup_days": 1})
    r = sim.simulate(s, 2, log=True)
    assert r.log is not None
    return r.log, r.metrics(), r.costs


def test_a_logs_cost_items_add_up_for_every_consignment(run):
    log, *_ = run
    done = log[log.outcome != "censored"]
    assert len(done) > 1000
    items = done[list(ITEMS)].sum(axis=1)
    assert np.allclose(items, done.trader_cost, rtol=0, atol=1e-9)
    time = done[[c for c in ITEMS if c.startswith("cost_time_")]].sum(axis=1)
    assert np.allclose(done.trader_cost - time, done.trader_fees, rtol=0, atol=1e-9)
    assert np.allclose(done[list(BURDEN)].sum(axis=1), done.border_burden, rtol=0, atol=1e-9)
    assert (done.border_burden > 0).any() and (done.cost_storage > 0).any()
    censored = log[log.outcome == "censored"]
    assert len(censored) and censored[list(COLUMNS)].isna().all().all()


def test_a_logs_cost_means_over_the_finished_cohort_are_the_cost_metrics(run):
    log, m, _ = run
    done = log[log.cohort & (log.outcome != "censored")].astype({"port": str, "direction": str})

    def close(name: str, want: float) -> None:
        assert math.isclose(m[name], want, rel_tol=1e-9), (name, m[name], want)

    for column in ("trader_cost", "trader_fees", "border_burden"):
        close(f"{column}_per_consignment", done[column].mean())
    checked = 0
    for (port, direction), rows in done.groupby(["port", "direction"]):
        close(f"trader_cost_per_consignment_port_{port}_{direction}", rows.trader_cost.mean())
        close(f"trader_fees_per_consignment_port_{port}_{direction}", rows.trader_fees.mean())
        checked += 1
    assert checked >= 4
    checked = 0
    for (port, direction, cls), rows in done.groupby(["port", "direction", "trader_class"],
                                                      observed=True):  # fmt: skip
        at = f"{cls}_port_{port}_{direction}"
        close(f"border_burden_per_consignment_{at}", rows.border_burden.mean())
        close(f"border_burden_per_container_{at}",
              rows.border_burden.sum() / rows.containers.sum())
        close(f"trader_cost_per_consignment_{at}", rows.trader_cost.mean())
        checked += 1
    assert checked >= 20


def test_a_log_without_costs_has_no_cost_columns():
    s = sim.load_scenario(sim.default_scenario_path(), {"days": 0.5, "warmup_days": 0})
    log = sim.simulate(s.model_copy(update={"costs": None}), 1, log=True).log
    assert log is not None and not set(COLUMNS) & set(log.columns)


def test_the_cost_tables_channel_rows_within_port_and_direction_are_the_logs_means(run):
    """Pooled over ports a channel's cost is mostly where it is used (scans: a post hub's
    parcels); its rows within each port and direction compare like with like."""
    log, _, costs = run
    done = log[log.cohort & (log.outcome != "censored")]
    rows = costs[costs.dimension == "port_direction_channel"].set_index("group")
    checked = 0
    for (port, direction, channel), group in done.groupby(["port", "direction", "channel"],
                                                          observed=True):  # fmt: skip
        row = rows.loc[f"{port}/{direction}/{channel}"]
        assert row["n"] == len(group)
        assert math.isclose(row["trader"], group.trader_cost.mean(), rel_tol=1e-9)
        assert math.isclose(row["border_burden"], group.border_burden.mean(), rel_tol=1e-9)
        checked += 1
    assert checked >= 30 and len(rows) == checked


def test_the_burden_cost_is_what_inspection_adds_to_compliant_goods_within_each_route(run):
    """``burden_cost_per_inspected_compliant_port_<port>_<direction>``: the mean border burden
    and storage of compliant released declarations inspected (scan, exam or quarantine
    check) less that of those not inspected, at each port and direction."""
    log, m, _ = run
    ok = log[log.cohort & (log.illicit == "compliant") & (log.outcome == "released")]
    inspected = ~ok.channel.astype(str).isin(["green", "document"])
    imposed = ok.border_burden + ok.cost_storage
    checked = 0
    for (port, direction), rows in ok.groupby(["port", "direction"], observed=True):
        i = inspected[rows.index]
        want = imposed[rows.index][i].mean() - imposed[rows.index][~i].mean()
        name = f"burden_cost_per_inspected_compliant_port_{port}_{direction}"
        assert math.isclose(m[name], want, rel_tol=1e-9), (name, m[name], want)
        checked += 1
    assert checked >= 8
    assert m["burden_cost_per_inspected_compliant_port_sea_port_import"] > 50
