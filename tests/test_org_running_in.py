"""A newly adopted structure's running-in as a planner needs it: a loss that can fade
(``transition_shape``) and that can count from the first observed day, the reform's start
(``transition_from``), not from the run's start with its warm-up. The original rule (all of
the loss from the run's start) stays the default, so results without these fields keep their
figures."""

from __future__ import annotations

import pytest

import sim
from sim.model.org.running_in import RunningIn, running_in
from sim.reforms import REFORMS, ReformError
from sim.scenario.organisation import Advantages

SHORT = {"days": 3, "warmup_days": 3, "drain_days": 1}


def test_a_constant_loss_from_the_run_start_is_the_original_rule():
    """All of the loss from hour 0 until the last day, then none (service / (1 - loss))."""
    adv = Advantages(transition_loss=0.25, transition_days=2)
    r = running_in(adv, True, (168.0, 336.0))
    assert r == RunningIn(0.25, 0.0, 48.0, False)
    assert r.service(0.0, 3.0) == 3.0 / 0.75 and r.service(47.9, 3.0) == 3.0 / 0.75
    assert r.service(48.0, 3.0) == 3.0
    assert running_in(adv, False, (168.0, 336.0)) == RunningIn()  # (today's: no running-in)


def test_a_linear_loss_from_the_first_observed_day_fades_to_none():
    adv = Advantages(transition_loss=0.4, transition_days=10, transition_shape="linear",
                     transition_from="observation")
    r = running_in(adv, True, (168.0, 500.0))
    assert (r.start, r.end) == (168.0, 168.0 + 240.0)
    assert r.loss_at(167.9) == 0.0  # (the warm-up runs at full productivity)
    assert r.loss_at(168.0) == pytest.approx(0.4)
    assert r.loss_at(168.0 + 120.0) == pytest.approx(0.2)
    assert r.loss_at(168.0 + 239.0) == pytest.approx(0.4 / 240)
    assert r.loss_at(168.0 + 240.0) == 0.0


def test_the_dumbbell_reform_sets_the_curve_and_refuses_what_is_not_one():
    spindle = sim.load_scenario("guangdong-spindle")
    plain = REFORMS["dumbbell"].fields(spindle)
    assert not any("transition_" in k for k in plain)  # (scenario's: nothing written)
    s = REFORMS["dumbbell"](running_in_loss=0.3, running_in_days=14, running_in_shape="linear",
                            running_in_from="observation").apply(spindle)
    adv = s.organisation.advantages
    assert (adv.transition_shape, adv.transition_from) == ("linear", "observation")
    with pytest.raises(ReformError, match="running_in_shape = 'curvy': allowed scenario, "
                                          "constant, linear"):
        REFORMS["dumbbell"](running_in_shape="curvy").apply(spindle)


def _latency(**advantages: object) -> float:
    base = sim.load_scenario("guangdong-dumbbell", SHORT)
    org = base.organisation
    org = org.model_copy(update={"advantages": org.advantages.model_copy(update=advantages)})
    result = sim.simulate(base.model_copy(update={"organisation": org}), 1)
    return float(result.metrics()["escalation_latency_h_mean"])


def test_a_running_in_counted_from_the_reform_reaches_the_observed_days():
    """Two days of loss inside a 3-day warm-up: counted from the run's start they are over
    before the first observed day; counted from the reform's start they fall on it."""
    none = _latency()
    run = _latency(transition_loss=0.6, transition_days=2)
    observed = _latency(transition_loss=0.6, transition_days=2, transition_from="observation")
    assert observed > 1.2 * none
    assert observed > 1.2 * run


@pytest.mark.parametrize(("days", "said", "zh"), [
    (60, "every observed day is running-in, counted from the first observed day "
         "(organisation.advantages.transition_days = 60)", "请观测超过 81 天"),
    (14, "the first 14 of its 42 observed days are running-in, counted from the first "
         "observed day", "其 42 个观测日中的前 14 天处于磨合期，自第一个观测日"),
])
def test_the_note_counts_a_reform_dated_running_in_from_the_first_observed_day(days, said, zh):
    """Not "from the run's start, after the warm-up": that would misplace the dip by the
    warm-up's length; the Chinese line says it too, from the record's figures."""
    from sim.cli_lang import line
    from sim.experiment.composition import structure_assumptions
    from sim.reforms import apply

    spindle = sim.load_scenario("guangdong-spindle")
    option = apply(spindle, f'dumbbell:running_in_loss=0.3,running_in_days={days},'
                            'running_in_from="observation"')
    text = structure_assumptions(spindle, {"d": option})["d"]
    assert said in text and "from the run's start" not in text, text
    assert zh in line("note (d): " + text, "zh")
