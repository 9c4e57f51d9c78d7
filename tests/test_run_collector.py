"""``simulate`` pauses Python's cyclic collector through the run and its result tables (a
collection then would scan every object the run left alive), and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

import sim
from sim.model import world


@pytest.fixture(scope="module")
def scenario() -> sim.Scenario:
    return sim.patch(sim.load_scenario("teaching-mmc"), {"days": 1, "warmup_days": 0})


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_through_the_tables_and_left_as_found(
    scenario: sim.Scenario, enabled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    result = world.World.result

    def watched(self: world.World) -> sim.RunResult:
        seen.append(gc.isenabled())
        return result(self)

    monkeypatch.setattr(world.World, "result", watched)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        sim.simulate(scenario, seed=1)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]
