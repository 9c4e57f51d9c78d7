"""The transit desk (``ports.<port>.transit.desk``): the officers who check and seal transit
goods are a FIFO lane, so a port manager can see whether they become the bottleneck.

The theory test: a port whose only queue is the desk, Poisson arrivals, every import in
transit, exponential formalities at c = 2 officers and no travel, is an M/M/2 queue; its
cohort's mean wait over ``len(SEEDS)`` replications must hold Erlang C's Wq in its 99 %
Student-t interval. Design (measured): a replication of 200 days at rho = 0.5 gives a mean
wait whose standard deviation is about 15 % of Wq (1/3 h), so 12 replications give an
expected half-width of about 3.1 x 15 % / sqrt(12) = 13 % of Wq; the interval is required
to be under 25 % wide, room for the spread of the standard deviation itself at 12
replications. About a second of CPU in all.

A scenario without the desk runs as before, bit for bit: the golden files check those
without a transit section (``tests/test_golden.py``); the transit example's log is pinned
below, as the goldens are, in a process whose numpy leaves AVX-512 unused.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from theory_scenarios import (
    assert_matches_theory,
    build,
    exponential,
    lane,
    replicate,
    resource,
    scan,
)
from theory_scenarios import scenario as make_scenario

from sim.analysis.queueing import mmc_wait
from sim.model.run import simulate
from tests.golden_io import PORTABLE_MATH

SERVERS = 2
MEAN_FORMALITIES_H = 1.0
RATE_PER_H = 1.0  # rho = 0.5
DAYS = 200
SEEDS = list(range(1, 13))
LEVEL, PRECISION = 0.99, 0.25


def _scenario(
    desk: dict[str, Any] | None, *, share: float = 1.0, travel: str = "0 h", **port: Any
) -> dict[str, Any]:
    data = make_scenario(name="transit-desk", **port)
    transit: dict[str, Any] = {
        "share": {"*": share},
        "formalities": exponential(MEAN_FORMALITIES_H),
        "travel": travel,
    }
    if desk is not None:
        transit["desk"] = desk
    data["ports"]["p"]["transit"] = transit
    return data


def _wait(result: Any) -> float:
    assert result.counts["censored"] == 0
    return float(resource(result, "transit_desk")["wait_mean_h"])


def test_the_transit_desk_mean_wait_matches_erlang_c():
    sc = build(
        _scenario(
            {"capacity": SERVERS}, rate_per_h=RATE_PER_H, days=DAYS, warmup_days=2, drain_days=1
        )
    )
    analytic = mmc_wait(RATE_PER_H, MEAN_FORMALITIES_H, SERVERS)
    waits = replicate(sc, SEEDS, _wait)
    assert_matches_theory(waits, analytic, "Erlang C Wq", LEVEL, PRECISION)


@pytest.fixture(scope="module")
def mixed() -> dict[str, Any]:
    """Half the imports in transit through a one-officer desk, a third of all to a document
    check, a third to a scan, half declared 3 h before the goods arrive: some goods meet the
    desk alone (bulk), some two queues (journeys), some are scanned once their goods are
    here."""
    data = _scenario(
        {"capacity": 1},
        share=0.5,
        travel="2 h",
        rate_per_h=1.0,
        days=4,
        drain_days=2,
        selection={"document": 0.3, "scan": 0.3},
        document_check=lane(1, 0.5),
        scan=scan(1, 0.2),
    )
    declaration = data["ports"]["p"]["declaration"]
    declaration.update(advance_share=0.5, advance_lead="3 h")
    return data


def test_bulk_and_journeys_agree_at_the_desk(mixed: dict[str, Any]):
    sc = build(mixed)
    fast, flows = simulate(sc, 3, log=True), simulate(sc, 3, log=True, fast=False)
    pd.testing.assert_frame_equal(fast.log, flows.log)


def test_the_desk_s_wait_delays_the_goods(mixed: dict[str, Any]):
    log = simulate(build(mixed), 3, log=True).log
    moving = log[log.transit > 0]
    wait = moving.transit_sealed - moving.arrived - moving.transit_formalities
    assert (wait > 1e-9).any() and (wait > -1e-9).all()
    # lodged on arrival here (no delay) or 3 h before it, after the desk's wait and the journey,
    # but not before the seal: until then the arrival here is not known
    arrived_here = moving.arrived + wait + moving.transit_formalities + moving.transit_travel
    assert moving.transit_arrived.to_numpy() == pytest.approx(arrived_here.to_numpy())
    lead = moving.advance * moving.advance_lead
    lodged = np.maximum(arrived_here - lead, moving.transit_sealed)
    assert moving.lodged.to_numpy() == pytest.approx(lodged.to_numpy())
    # the goods reach the yard when the truck does: a scan starts no earlier
    scanned = moving[moving.scan_start.notna()]
    assert len(scanned) and (scanned.scan_start >= scanned.transit_arrived - 1e-9).all()


def test_the_desk_s_wait_is_customs_time():
    """The same goods with and without the desk (its only queue): customs' hours differ by
    the waits at the desk, every other owner's not at all."""
    desk = _scenario({"capacity": 1}, travel="2 h", rate_per_h=0.8, days=3, drain_days=2)
    log = simulate(build(desk), 2, log=True).log
    without = simulate(build({**desk, "ports": _no_desk(desk)}), 2, log=True).log
    wait = log.transit_sealed - log.arrived - log.transit_formalities
    assert wait.sum() > 1
    assert log.own_customs.sum() - without.own_customs.sum() == pytest.approx(wait.sum())
    for owner in ("trader", "terminal", "quarantine", "organisation"):
        assert log[f"own_{owner}"].sum() == pytest.approx(without[f"own_{owner}"].sum())


def _no_desk(data: dict[str, Any]) -> dict[str, Any]:
    port = {**data["ports"]["p"]}
    port["transit"] = {k: v for k, v in port["transit"].items() if k != "desk"}
    return {"p": port}


def test_an_overloaded_desk_warns_that_its_queue_may_not_settle():
    over = _scenario({"capacity": 1}, rate_per_h=2.0, days=2, drain_days=2)
    result = simulate(build(over), 1)
    said = [w for w in result.warnings if "transit_desk" in w]
    assert said and "ports.p.transit.desk.capacity" in said[0]


def test_a_desk_s_service_is_refused_its_formalities_are_its_service():
    with pytest.raises(ValueError, match="give it as formalities"):
        build(_scenario({"capacity": 1, "service": exponential(1.0)}, rate_per_h=1.0, days=1))


def test_a_scenario_without_a_desk_dumps_as_before():
    sc = build(_scenario(None, rate_per_h=1.0, days=1))
    assert "desk" not in sc.model_dump()["ports"]["p"]["transit"]
    lanes = simulate(sc, 1).resources.get("lane", pd.Series(dtype=str))
    assert "transit_desk" not in set(lanes)


#: the digest of the transit example's log (one day, no warm-up, seed 1: 1,723 consignments,
#: 410 in transit), made by the code before the desk existed; made again when an export's
#: wait for its vessel became the carrier's: of the old columns only own_terminal and the
#: trader's time costs (cost_time_terminal, trader_cost, trader_fees) changed, as they must;
#: the same stop added one column, cost_treatment (quarantine treatment's price), the others
#: bit for bit; later columns, cost_disposal_storage (a rejected box's storage) and
#: disposal_wait (its wait at the disposal facility), are left
#: out of the digest: the columns it was made of stay bit for bit
TRANSIT_LOG_BEFORE_DESK = "df75b03c2c962ba790448e0e8041a4ee7bca58ac08998ed8aae6a2f72dfd5da6"
_DIGEST = """
import hashlib, json, sim
from tests.golden_io import digest_log
NEW = ["cost_disposal_storage", "disposal_wait"]
over = {"warmup_days": 0, "days": 1, "drain_days": 3}
sc = sim.load_scenario("docs/examples/transit/inland.toml", over)
d = digest_log(sim.simulate(sc, 1, log=True).log.drop(columns=NEW))
print(hashlib.sha256(json.dumps(d, sort_keys=True).encode()).hexdigest())
"""


def test_a_transit_port_without_a_desk_logs_bit_for_bit_as_before():
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", _DIGEST],
        cwd=root,
        env={**os.environ, **PORTABLE_MATH},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == TRANSIT_LOG_BEFORE_DESK


def test_training_shortens_a_desk_s_formalities_and_leaves_a_delay_as_it_is():
    """Officers who work faster (reform ``training``) serve the transit goods faster at a
    desk, where the formalities are the officers' service; without a desk the formalities
    are the whole procedure's delay, not officers' time, and the reform leaves them."""
    from sim.reforms import apply, get

    desk = build(_scenario({"capacity": 2}, rate_per_h=1.0, days=1))
    plain = build(_scenario(None, rate_per_h=1.0, days=1))
    changes = get("training")(speedup=0.2).fields(desk)
    shorter = changes["ports.p.transit.formalities"]
    assert shorter["mean"] == pytest.approx(0.8 * MEAN_FORMALITIES_H)
    assert not [k for k in get("training")(speedup=0.2).fields(plain) if ".transit" in k]
    trained = apply(desk, "training:speedup=0.2").ports["p"].transit
    assert trained is not None and trained.formalities.mean == pytest.approx(0.8)
    same = apply(plain, "training:speedup=0.2").ports["p"].transit
    assert same == plain.ports["p"].transit


def test_a_swamped_desk_s_goods_count_in_the_share_and_as_unfinished():
    """A desk of one officer with long formalities keeps the transit goods queued past the
    run's end (censored): the share still counts them (their transit is known at arrival),
    and ``transit_unfinished`` says how many the leg's hours leave out."""
    data = _scenario({"capacity": 1}, share=0.7, rate_per_h=2.0, days=2, drain_days=1)
    data["ports"]["p"]["transit"]["formalities"] = "3 h"
    result = simulate(build(data), 1, log=True)
    m, log = result.metrics(), result.log
    imports = log[log.cohort & (log.direction == "import")]
    left = imports.transit & (imports.outcome == "censored")
    assert left.sum() > 0.5 * imports.transit.sum() > 20  # (most never finished)
    assert m["transit_share"] == pytest.approx(imports.transit.mean(), rel=1e-12)
    assert m["transit_unfinished"] == left.sum()
