"""The share released within 24 h at its boundary: exactly 24.0 h counts (<=), a hair more
does not."""

from __future__ import annotations

import pytest
from det_scenarios import port, scenario

import sim

HAIR = 1e-9  # hours (3.6 microseconds): far above rounding at these clock values

#: cohort arrivals in [264 h, 288 h): there t + 24 is exact in floating point, so a 24 h
#: lodging delay gives a clearance of exactly 24.0
WINDOW = {"warmup_days": 11, "days": 1, "drain_days": 3}


def run(lodging: dict[str, float]) -> sim.RunResult:
    s = scenario({name: port(lodging_h=h) for name, h in lodging.items()}, **WINDOW)
    return sim.simulate(s, 2, log=True)


def rows(r: sim.RunResult, metric: str, dimension: str):
    c = r.clearance
    return c[(c.metric == metric) & (c.dimension == dimension)].set_index("group")


def test_exactly_24_h_counts_as_within():
    r = run({"p": 24.0})
    log = r.log[r.log.cohort]
    assert len(log) == r.counts["released"] > 20
    assert ((log.released - log.arrived) == 24.0).all()  # the boundary, exactly
    assert ((log.exited - log.arrived) == 24.0).all()
    for metric in ("clearance", "overall_clearance"):
        assert rows(r, metric, "all").loc["all", "within_24h"] == 1.0
    m = r.metrics()
    assert m["released_within_24h"] == 1.0
    assert m["exited_within_24h"] == 1.0


def test_a_hair_over_24_h_does_not():
    r = run({"on": 24.0, "over": 24.0 + HAIR})
    log = r.log[r.log.cohort]
    clearance = log.released - log.arrived
    on, over = log.port == "on", log.port == "over"
    assert (clearance[on] == 24.0).all()
    assert (clearance[over] > 24.0).all()
    n_on, n_over = int(on.sum()), int(over.sum())
    assert n_on > 20 and n_over > 20
    for metric in ("clearance", "overall_clearance"):
        by_port = rows(r, metric, "port")
        assert by_port.loc["on", "within_24h"] == 1.0
        assert by_port.loc["over", "within_24h"] == 0.0
        share = rows(r, metric, "all").loc["all", "within_24h"]
        assert share == pytest.approx(n_on / (n_on + n_over), rel=1e-12)
    m = r.metrics()
    assert m["released_within_24h"] == pytest.approx(n_on / (n_on + n_over), rel=1e-12)
    assert m["exited_within_24h"] == m["released_within_24h"]


def run_with(lodging: dict[str, float], targets: list[float]) -> sim.RunResult:
    ports = {name: port(lodging_h=h) for name, h in lodging.items()}
    s = scenario(ports, **WINDOW, within_hours=targets)
    return sim.simulate(s, 2, log=True)


def test_each_time_target_is_counted_at_its_boundary_too():
    """``within_hours`` adds targets beside 24 h: at each, exactly on it counts (<=), a hair
    more does not; a target of whole minutes is named in minutes."""
    r = run_with({"on": 48.0, "over": 48.0 + HAIR, "fast": 0.5}, [2, 48, 0.5])
    c = r.clearance
    assert [k for k in c.columns if k.startswith("within_")] == [
        "within_30min", "within_2h", "within_24h", "within_48h"]
    by_port = rows(r, "clearance", "port")
    assert by_port.loc["on", "within_48h"] == 1.0 and by_port.loc["over", "within_48h"] == 0.0
    assert by_port.loc["fast", "within_30min"] == 1.0 and by_port.loc["on", "within_24h"] == 0.0
    m = r.metrics()
    log = r.log[r.log.cohort]
    n = log.port.value_counts()
    assert m["released_within_48h"] == pytest.approx((n["on"] + n["fast"]) / len(log), rel=1e-12)
    assert m["released_within_30min_port_fast_import"] == 1.0
    assert m["released_within_48h_port_over_import"] == 0.0
    assert m["released_within_2h_general_import"] == pytest.approx(n["fast"] / len(log), rel=1e-12)
    assert m["released_within_48h_general_port_on_import"] == 1.0


def test_without_targets_only_24_h_is_reported():
    """The default keeps today's outputs: the 24 h share alone (no other ``within_`` column
    or metric)."""
    r = run({"p": 1.0})
    assert [k for k in r.clearance.columns if k.startswith("within_")] == ["within_24h"]
    within = {k for k in r.metrics() if "_within_" in k}
    assert "released_within_24h_port_p_import" in within
    assert all("_within_24h" in k for k in within)
    listed = run_with({"p": 1.0}, [48]).clearance.columns  # (24 h too, whatever is listed)
    assert [k for k in listed if k.startswith("within_")] == ["within_24h", "within_48h"]


def test_a_target_of_0_h_is_the_share_released_on_arrival():
    """``within_hours = [0]`` reports the share released on arrival (clearance exactly 0:
    declared and cleared before the goods came); a hair after arrival is not on it."""
    s = scenario({"pre": port(advance=1.0, lead_h=2.0), "late": port(lodging_h=HAIR)},
                 **WINDOW, within_hours=[0])
    r = sim.simulate(s, 2, log=True)
    log = r.log[r.log.cohort]
    on_arrival = (log.released - log.arrived) == 0.0
    assert on_arrival[log.port == "pre"].all() and not on_arrival[log.port == "late"].any()
    m = r.metrics()
    assert m["released_within_0h_port_pre_import"] == 1.0
    assert m["released_within_0h_port_late_import"] == 0.0
    assert m["released_within_0h"] == pytest.approx(on_arrival.mean(), rel=1e-12)
    assert 0.2 < m["released_within_0h"] < 0.8
