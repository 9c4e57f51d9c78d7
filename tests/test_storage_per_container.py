"""Storage and demurrage per container (``storage_per_container``, by direction, by port and
direction, and each trader class's there): the finished consignments' storage (the log's
``cost_storage``) over their containers; and every per-container figure is money, in the
scenario's currency per container."""

from __future__ import annotations

import math

import pytest

import sim
from sim.experiment.compare import metric_unit
from sim.scenario.schema import TRADER_CLASSES

FREE_1_DAY = {"days": 3, "warmup_days": 1, "costs.trader.storage.sea.free": "1 d"}


@pytest.fixture(scope="module")
def run():
    s = sim.load_scenario(sim.default_scenario_path(), FREE_1_DAY)
    r = sim.simulate(s, 2, log=True)
    assert r.log is not None
    return r.log, r.metrics()


def test_storage_per_container_is_the_logs_storage_over_its_containers(run):
    log, m = run
    done = log[log.cohort & (log.outcome != "censored")].astype({"port": str, "direction": str})

    def close(name: str, rows) -> None:
        want = rows.cost_storage.sum() / rows.containers.sum()
        assert math.isclose(m[name], want, rel_tol=1e-9, abs_tol=1e-12), (name, m[name], want)

    close("storage_per_container", done)
    for (port, direction), rows in done.groupby(["port", "direction"]):
        close(f"storage_per_container_port_{port}_{direction}", rows)
        for cls, mine in rows.groupby(rows.trader_class.astype(str)):
            close(f"storage_per_container_{cls}_port_{port}_{direction}", mine)
    for d, rows in done.groupby("direction"):
        close(f"storage_per_container_{d}", rows)
    sea = m["storage_per_container_port_sea_port_import"]
    assert sea > 1.0  # (a day free at 15 a day: most sea imports pay some)
    assert m["storage_per_container_port_post_hub_import"] == 0.0  # (parcels: not charged)


def test_a_class_that_finished_nothing_at_a_port_has_no_storage_figure(run):
    log, m = run
    for cls in TRADER_CLASSES:
        name = f"storage_per_container_{cls}_port_sea_port_import"
        assert name in m and (m[name] >= 0 or math.isnan(m[name]))


@pytest.mark.parametrize(
    "name",
    [
        "storage_per_container",
        "storage_per_container_port_sea_port_import",
        "storage_per_container_general_port_sea_port_import",
        "border_burden_per_container_general_port_sea_port_import",
        "trader_fees_per_container",
    ],
)
def test_per_container_money_is_in_currency_per_container(name):
    assert metric_unit(name).startswith("currency per container")


def test_the_share_of_containers_inspected_stays_a_share():
    assert metric_unit("inspection_rate_per_container_port_sea_port") == "share (0-1)"
