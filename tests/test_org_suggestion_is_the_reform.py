"""``bordersim org`` suggests ``--option 'dumbbell:organisation.structure="dumbbell"'`` for
intervals, while the docs compare ``--reforms dumbbell``: the two must be one comparison,
or a planner who follows both would read two sets of figures for one question."""

from __future__ import annotations

import math
import shlex
from pathlib import Path

import sim
from sim.cli_org import compare_command
from sim.experiment.options import parse_option
from sim.experiment.store import scenario_hash
from sim.reforms import apply

#: a running-in on the scenario, as a planner sets it before running ``bordersim org``
SETTINGS = {"days": 0.5, "warmup_days": 0.5, "drain_days": 0.5,
            "organisation.advantages.transition_loss": 0.4,
            "organisation.advantages.transition_days": 1.0,
            "organisation.advantages.transition_from": "observation"}


def test_the_suggested_option_is_the_dumbbell_reform_with_the_same_figures():
    spindle = sim.load_scenario("guangdong-spindle", SETTINGS)
    command = compare_command(Path("guangdong-spindle"), spindle, ["spindle", "dumbbell"])
    words = shlex.split(command)
    option = parse_option(words[words.index("--option") + 1])
    by_option = sim.load_scenario("guangdong-spindle", {**SETTINGS, **option.overrides})
    by_reform = apply(spindle, "dumbbell")
    assert scenario_hash(by_option) == scenario_hash(by_reform)
    a, b = (sim.simulate(s, 3).metrics() for s in (by_option, by_reform))
    assert a.keys() == b.keys()
    assert all(a[k] == b[k] or (math.isnan(a[k]) and math.isnan(b[k])) for k in a)
    assert a["escalations_raised"] > 0  # (the comparison has figures to compare)
