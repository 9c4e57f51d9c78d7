"""The hint that switches the risk engine on in a scenario without one: at a scaled-down
scenario's volumes it gives a window the quietest flow can fill, so following it does not end
in a warning on every replication that the target was missed."""

from __future__ import annotations

import sim
from sim.scenario.organisation import unused_local_knowledge
from sim.scenario.window_hint import DEFAULT_WINDOW, quietest_flow, risk_switch_hint

SPINDLE = "guangdong-spindle"


def test_the_quietest_flow_counts_ordinary_declarations_over_the_run():
    """Shantou: 15 declarations a day (0.188 calls of 80), 85 % of them ordinary (neither
    advanced AEO nor discredited), over 7 warm-up and 42 observed days."""
    where, count = quietest_flow(sim.load_scenario(SPINDLE))
    assert where == "st_port imports"
    assert abs(count - 15 * 0.85 * 49) < 1


def test_a_window_the_quietest_flow_fills_in_half_its_run():
    short = sim.load_scenario(SPINDLE, {"days": 14})
    hint = risk_switch_hint(short)
    assert hint.startswith("--set risk.target=0.05 --set risk.window=100 (the quietest flow")
    assert "about 268 ordinary declarations" in hint
    # as the note a student reads says it, for the run as asked
    assert "--set risk.window=100" in (unused_local_knowledge(short) or "")
    # the window it gives is one the engine takes
    sim.load_scenario(SPINDLE, {"days": 14, "risk.target": 0.05, "risk.window": 100})


def test_no_window_is_suggested_where_the_default_fills():
    default = sim.load_scenario("default")
    assert quietest_flow(default)[1] >= DEFAULT_WINDOW
    assert risk_switch_hint(default) == "--set risk.target=0.05"


def test_a_reform_that_needs_the_engine_says_how_to_switch_it_on_at_these_volumes():
    """`bordersim reforms --on guangdong` and a comparison of big_data_targeting there: the
    error gives the window as the note does, for the run as asked."""
    import pytest

    from sim.reforms import REFORMS
    from sim.reforms.compose import parse
    from sim.reforms.reform import MissingSection

    short = sim.load_scenario("guangdong", {"days": 14})
    for apply in (REFORMS["big_data_targeting"].apply, parse("big_data_targeting+training").apply):
        with pytest.raises(MissingSection) as info:
            apply(short)
        said = str(info.value)
        assert "give it one, e.g. --set risk.target=0.05 --set risk.window=100 (" in said
        assert "st_port imports" in said
    with pytest.raises(MissingSection) as info:  # where the default window fills: as before
        REFORMS["big_data_targeting"].apply(sim.load_scenario("default", {"risk": None}))
    assert "--set risk.target=0.05 (the risk engine at a 5 % target" in str(info.value)
