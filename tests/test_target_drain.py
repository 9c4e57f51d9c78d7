"""A time target longer than the drain is told as a note: a box still held at the run's end
may be neither within it nor over it (docs/delay-tails.md, "The still held count")."""

from __future__ import annotations

import sim
from sim.cli import main
from sim.scenario.target_drain import targets_past_drain

DEFAULT = sim.default_scenario_path()


def test_targets_within_the_drain_are_not_noted():
    s = sim.load_scenario(DEFAULT, {"within_hours": [48, 72, 168]})
    assert s.drain_days == 14
    assert targets_past_drain(s) == []
    # exactly the drain is covered: a box held that long at the end is over it or not
    assert targets_past_drain(sim.load_scenario(DEFAULT, {"within_hours": [336]})) == []


def test_a_target_past_the_drain_is_named_with_the_drain_that_covers_it():
    s = sim.load_scenario(DEFAULT, {"within_hours": [48, 400], "drain_days": 14})
    (note,) = targets_past_drain(s)
    assert note.startswith("within_hours: 400h longer than the drain (drain_days 14, 336 h)")
    assert note.endswith("give drain_days 17 or more (--set drain_days=17)")
    # the 24 h target is always reported, so a drain under a day names it too
    (short,) = targets_past_drain(sim.load_scenario(DEFAULT, {"drain_days": 0.5}))
    assert short.startswith("within_hours: 24h longer than the drain (drain_days 0.5, 12 h)")


def test_check_says_it_on_stderr(capsys):
    assert main(["check", str(DEFAULT), "--set", "within_hours=[400]"]) == 0
    assert "note: within_hours: 400h longer than the drain" in capsys.readouterr().err
