"""A port's own wait for the duty payment (``ports.<port>.duty_payment``): it replaces the
scenario's (``after_release.duty_payment``) at that port only, e.g. a bonded zone's gate, where
goods released for domestic sale pay duty and import VAT, beside a port whose transit goods
into the zone pay none."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.scenario.loader import ScenarioError

TWO = Path(__file__).parent / "scenarios" / "two_ports.toml"


def _waits(over: dict[str, object]) -> dict[str, set[float]]:
    """Each port's waits from assessment to the duty paid, in hours, over a 1-day run."""
    s = sim.load_scenario(TWO, {"days": 1, "warmup_days": 0, "drain_days": 1, **over})
    log = sim.simulate(s, 1, log=True).log
    done = log[log.assessed.notna()]
    wait = (done.duty_paid - done.assessed).fillna(0.0).round(6)
    return {str(p): set(w) for p, w in wait.groupby(done.port)}


def test_a_port_with_its_own_duty_payment_waits_that_long_and_the_other_does_not():
    waits = _waits({"ports.p.duty_payment": "5 h"})
    assert waits["p"] == {5.0} and waits["q"] == {0.0}
    # the port's own figure replaces the scenario's there, and only there
    both = _waits({"after_release.duty_payment": "2 h", "ports.q.duty_payment": "0 h"})
    assert both["p"] == {2.0} and both["q"] == {0.0}


def test_a_bad_port_duty_payment_names_the_field_and_the_value():
    with pytest.raises(ScenarioError, match=r"ports\.p\.duty_payment.*soon"):
        sim.load_scenario(TWO, {"ports.p.duty_payment": "soon"})


def test_two_step_declaration_counts_a_ports_own_duty_wait_as_one_to_skip():
    """The reform's notes ('no wait for duty payment to skip') read the ports' own waits too:
    a wait at one port alone is one the reform can skip there."""
    from sim.reforms.compose import parse

    reform = parse("two_step_declaration")
    none = sim.load_scenario(TWO)
    assert "no wait for duty payment" in reform.no_effect(none)
    gate = sim.load_scenario(TWO, {"ports.p.duty_payment": "5 h"})
    assert reform.no_effect(gate) == ""
