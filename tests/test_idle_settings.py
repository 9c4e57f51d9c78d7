"""Settings that are legal but do nothing in a run are said, not left to read as "no
difference": a risk engine's refresh or alert delay as long as the run's arrivals."""

from __future__ import annotations

from pathlib import Path

import pytest

import sim
from sim.scenario.dormant import unused_parts

SMALL = Path(__file__).parent / "scenarios" / "small.toml"
#: the small scenario with its risk engine on and seizures to raise alerts (14 days of arrivals)
RISKY = {"risk.target": 0.1, "enforcement.prevalence.tobacco": 0.05}


def _said(over: dict, words: str) -> list[str]:
    return [n for n in unused_parts(sim.load_scenario(SMALL, {**RISKY, **over})) if words in n]


@pytest.mark.parametrize("field", ["risk.alert.delay", "risk.refresh"])
def test_an_alert_delay_or_refresh_as_long_as_the_run_is_noted_and_alerts_then_raise_nothing(
    field: str,
):
    """The notes' claims hold: with a delay (or refresh) as long as the whole run (21 days
    with its drain) alerts raise no decision's score; as long as its 14 days of arrivals,
    only those of the few declarations decided in the drain; shorter, they act."""
    (whole,) = _said({field: "21 d"}, f"{field} (21 d)")
    assert "as long as the whole run (21 days: warm-up, observed and drain days)" in whole
    assert "after the run's last decision" in whole
    (arrivals,) = _said({field: "14 d"}, f"{field} (14 d)")
    assert "as long as the run's 14 days of arrivals (warm-up 7 d and 7 observed days)" in arrivals
    assert "no alert raises a score" in arrivals or "alerts raise no score" in arrivals

    def raised(value: str) -> float:
        scenario = sim.load_scenario(SMALL, {**RISKY, field: value})
        return float(sim.simulate(scenario, 2).metrics()["alert_raised_share"])

    assert raised("21 d") == 0
    assert 0 <= raised("14 d") < 0.01 < 0.05 < raised("1 h")


def test_a_delay_shorter_than_the_run_or_alerts_off_is_not_noted():
    assert _said({"risk.alert.delay": "13 d"}, "risk.alert.delay") == []
    assert _said({"risk.refresh": "13 d"}, "risk.refresh") == []
    assert _said({"risk.alert.delay": "14 d", "risk.alert.boost": 0.0}, "alert.delay") == []
    assert _said({"risk.refresh": "30 d", "risk.enabled": False}, "risk.refresh") == []


def test_a_partners_alert_delay_as_long_as_the_run_is_noted():
    over = {"risk.partners.unspecified.alert_rate": 1.0}
    far = {**over, "risk.partners.unspecified.alert_delay": "20 d"}
    (note,) = _said(far, "alert_delay")
    assert note.startswith("risk.partners.unspecified.alert_delay (20 d) is as long as")
    assert _said(over, "alert_delay") == []  # (7 d by default)


def test_an_alert_delay_is_idle_where_alerts_travel_through_an_organisation():
    """With an organisation an alert arrives when its tree delivers it: a change to
    risk.alert.delay or scope can have no effect (said), unlike one to its boost."""
    from sim.scenario.dormant import idle_changes
    from sim.scenario.loader import default_scenario_path

    spindle = default_scenario_path().parent / "guangdong-spindle.toml"
    org = sim.load_scenario(spindle, {"risk.target": 0.05})
    why = idle_changes(org, ["risk.alert.delay"])
    assert why is not None and "through the organisation's tree" in why
    assert idle_changes(org, ["risk.alert.scope"]) is not None
    assert idle_changes(org, ["risk.alert.boost"]) is None
    assert idle_changes(sim.load_scenario(SMALL, RISKY), ["risk.alert.delay"]) is None


def test_a_throttle_that_never_engages_is_a_run_note_and_changes_nothing():
    """The small scenario's exam queue peaks at 40: a throttle at 50 never engages, its run
    equals the run without one (same inspections), and its notes say so with both numbers;
    a throttle at 2 engages and is not noted."""
    from sim.experiment.runner import replicate

    idle = sim.load_scenario(SMALL, {**RISKY, "risk.throttle.queue": 50})
    rows = replicate(idle, reps=2, seed=1)
    assert (rows["throttle_engaged_share_port_sea"] == 0).all()
    (note,) = [n for n in rows.attrs["notes"] if "throttle" in n]
    assert note.startswith("note: the throttle never engaged at sea: the exam queue it read")
    peak = rows["throttle_queue_peak_port_sea"].mean()
    assert 0 < peak < 50 and f"peaked at {peak:.3g} consignment(s)" in note
    assert "never above its threshold of 50 (risk.throttle.queue)" in note
    plain = replicate(sim.load_scenario(SMALL, RISKY), reps=2, seed=1)
    assert rows["inspection_rate"].tolist() == plain["inspection_rate"].tolist()
    acting = replicate(sim.load_scenario(SMALL, {**RISKY, "risk.throttle.queue": 2}), 2, 1)
    assert (acting["throttle_engaged_share_port_sea"] > 0).all()
    assert not [n for n in acting.attrs["notes"] if "throttle" in n]


def test_compare_notes_an_idle_throttle_with_each_options_own_threshold(tmp_path):
    """In a comparison the idle-throttle note gives the threshold as `run` does; an option
    whose throttle sits elsewhere gets its own note (not hidden as the baseline's)."""
    base = sim.load_scenario(SMALL, {**RISKY, "risk.throttle.queue": 50})
    res = sim.compare(base, ["higher:risk.throttle.queue=60"], reps=2, seed=1, log=False)
    notes = [n for n in res.notes if "throttle never engaged" in n]
    assert len(notes) == 2, notes
    assert "never above its threshold of 50 (risk.throttle.queue)" in notes[0]
    assert notes[1].startswith("note (higher):")
    assert "never above its threshold of 60 (risk.throttle.queue)" in notes[1]
