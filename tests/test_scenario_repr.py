"""A scenario prints in one line in a notebook: its name, ports and modes, run length and
which larger parts are on, not pydantic's every field (25,000 characters for the default)."""

from __future__ import annotations

import pytest

import sim


@pytest.fixture(scope="module")
def default() -> sim.Scenario:
    return sim.load_scenario("default")


def test_a_scenario_prints_in_one_line_with_its_ports_and_window(default):
    shown = repr(default)
    assert "\n" not in shown and len(shown) < 400 and str(default) == shown
    assert shown.startswith("Scenario(name='default', ports={'sea_port': 'sea', ")
    assert f"days={default.days:g}, warmup_days={default.warmup_days:g}, " in shown
    assert f"drain_days={default.drain_days:g}" in shown and "start_date" not in shown
    assert all(f"{p!r}: {port.mode!r}" in shown for p, port in default.ports.items())
    assert "risk=False, illicit=True, smuggling=False, organisation=None" in shown
    assert "timeline=0, costs=True)" in shown


def test_the_parts_switched_on_show(default):
    on = sim.patch(default, {"risk.enabled": True, "costs": None, "days": 3})
    assert "days=3," in repr(on) and "risk=True" in repr(on) and "costs=False" in repr(on)
    dated = sim.load_scenario("china-2017")
    assert "start_date='2018-01-01'" in repr(dated)
    assert f"timeline={len(dated.timeline)}," in repr(dated) and dated.timeline
    assert "smuggling=True" in repr(sim.load_scenario("beilun-border"))


def test_many_ports_are_counted_past_the_first_eight():
    many = sim.load_scenario("guangdong-dumbbell")
    shown = repr(many)
    assert "organisation='dumbbell'" in shown
    assert f"... {len(many.ports) - 8} more}}" in shown and len(many.ports) > 8
    assert all(f"{p!r}:" in shown for p in list(many.ports)[:8])
    assert f"{list(many.ports)[8]!r}" not in shown
