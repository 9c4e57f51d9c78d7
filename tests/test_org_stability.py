"""The organisation's staff queues are watched like lanes: an overloaded unit and role warns
(utilisation above 95 %, a wait that keeps rising), names the unit and the role, and marks
the run unstable; a unit that copes does not warn."""

from __future__ import annotations

import re

from org_scenarios import generated, ports_scenario
from theory_scenarios import build

from sim.model import stability
from sim.model.run import simulate


def _warnings(tariff: int) -> list[str]:
    # two ports at 0.6 requests an hour each, decisions of mean 1 h at customs 'a': 1.2
    # officers' worth of work, offered to ``tariff`` of them, around the clock (a queue far
    # above its capacity serves none of its last weeks' requests: only its overload shows)
    data = ports_scenario(["p1", "p2"], 0.6, 28, warmup_days=0, drain_days=1)
    data["organisation"] = generated("spindle", {"a": ["p1", "p2"]}, {"tariff": tariff})
    return simulate(build(data), 1).warnings


def test_an_overloaded_unit_warns_naming_its_unit_and_role_and_the_run_is_unstable():
    found = [w for w in _warnings(1) if w.startswith("organisation unit a:")]
    text = "\n".join(found)
    assert re.search(r"its tariff staff are 9\d% utilised \(above 95%\)", text)
    assert "the mean wait at its tariff staff trends upward" in text
    assert "add tariff staff there" in text
    assert stability.unsettled(found)  # (as a lane's would: the run is not steady-state)


def test_a_unit_that_copes_does_not_warn():
    assert not any("organisation unit" in w for w in _warnings(2))


def test_the_bundled_scenarios_observe_enough_whole_weeks_to_see_a_rising_wait():
    """Each bundled scenario follows the tool's own advice: a whole-week warm-up and at least
    the whole weeks the rising-wait check needs. Guangdong's sparse, bursty queues (a few lab
    samples, one or two vessels' exams a week) need six to stop reading chance as a trend:
    guangdong-spindle at its own length warns of none."""
    from sim.scenario.loader import default_scenario_path, load_scenario

    folder = default_scenario_path().parent
    for path in sorted(folder.glob("*.toml")):
        s = load_scenario(path)
        assert s.warmup_days % 7 == 0, path.name
        assert stability.too_short(s.warmup_days, s.days) is None, path.name
    spindle = load_scenario(folder / "guangdong-spindle.toml")
    assert stability.observed_weeks(spindle.warmup_days, spindle.days) >= 6
    assert simulate(spindle, 1).warnings == []
