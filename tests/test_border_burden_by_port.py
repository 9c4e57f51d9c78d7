"""The border's part of a port's trader cost, every class together
(``border_burden_per_consignment_port_<port>_<direction>``, ``_<direction>`` and
``border_burden_per_container_port_<port>_<direction>``): the log's ``border_burden`` of the
finished consignments, per consignment and over their containers; what a broker reads as
the government's part of what a box costs a client at a port. Beside it the whole trader
cost per box (``trader_cost_per_container``, the value of the goods' time in it)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import sim
from sim.experiment import metric_glossary as glossary
from sim.experiment.compare import metric_unit

SHORT = {"days": 1, "warmup_days": 1}


@pytest.fixture(scope="module")
def run():
    s = sim.load_scenario(sim.default_scenario_path(), SHORT)
    r = sim.simulate(s, 1, log=True)
    assert r.log is not None
    return r.log, r.metrics()


def test_the_border_burden_by_port_is_the_logs_burden_of_every_class_there(run):
    log, m = run
    done = log[log.cohort & (log.outcome != "censored")].astype({"port": str, "direction": str})
    assert done.trader_class.astype(str).nunique() > 1  # (every class, not one)

    def close(name: str, got: float) -> None:
        assert math.isclose(m[name], got, rel_tol=1e-9, abs_tol=1e-12), (name, m[name], got)

    for (port, direction), rows in done.groupby(["port", "direction"]):
        key = f"port_{port}_{direction}"
        close(f"border_burden_per_consignment_{key}", rows.border_burden.mean())
        close(f"border_burden_per_container_{key}",
              rows.border_burden.sum() / rows.containers.sum())
        close(f"trader_cost_per_container_{key}",
              rows.trader_cost.sum() / rows.containers.sum())
    for d, rows in done.groupby("direction"):
        close(f"border_burden_per_consignment_{d}", rows.border_burden.mean())
    assert m["border_burden_per_container_port_sea_port_import"] > 0


def test_the_trader_costs_p90_by_port_is_the_logs_within_the_histograms_resolution(run):
    """``trader_cost_p90_port_<port>_<direction>``: a broker's worst usual case at a port,
    read from the port and direction's streamed histogram (no list of consignments kept),
    is the finished consignments' 90th percentile there to the histogram's resolution."""
    from sim.analysis.sketch import RELATIVE_ERROR

    log, m = run
    done = log[log.cohort & (log.outcome != "censored")].astype({"port": str, "direction": str})
    for (port, direction), rows in done.groupby(["port", "direction"]):
        want = float(np.quantile(rows.trader_cost.to_numpy(), 0.9, method="inverted_cdf"))
        got = m[f"trader_cost_p90_port_{port}_{direction}"]
        assert math.isclose(got, want, rel_tol=2 * RELATIVE_ERROR), (port, direction, got, want)
    assert (m["trader_cost_p90_port_sea_port_import"]
            > m["trader_cost_per_consignment_port_sea_port_import"])  # (a long right tail)


@pytest.mark.parametrize(("name", "unit", "zh"), [
    ("trader_cost_p90_port_sea_port_import", "currency per consignment",
     "企业成本第 90 百分位（口岸 sea_port，进口）"),
    ("border_burden_per_container_port_sea_port_import",
     "currency per container (a truck, air shipment or parcel counts as one)",
     "每箱口岸负担（口岸 sea_port，进口）"),
    ("border_burden_per_consignment_port_sea_port_export", "currency per consignment", None),
    ("trader_cost_per_container_port_land_border_import",
     "currency per container (a truck, air shipment or parcel counts as one)",
     "每箱企业成本（口岸 land_border，进口）"),
])
def test_the_border_burden_by_port_has_one_entry_a_unit_and_chinese(name, unit, zh):
    """Each form is one glossary entry, with its unit and a Chinese name and meaning."""
    from sim.report.zh_meanings import meaning
    from sim.report.zh_metrics import METRICS

    entry = glossary.lookup(name)
    assert entry is not None
    assert metric_unit(name).startswith(unit.split(" (")[0])
    assert entry.stem in METRICS and meaning(entry.stem, entry.meaning) is not None
    if zh is not None:
        from sim.report.translate import metric_name
        assert metric_name(name) == zh
