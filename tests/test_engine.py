"""SimPy internals in one module: events counted through the public ``schedule`` hook, the
flow driver that carries a journey from event to event, and lanes read without side effects."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
import simpy

from sim.model.engine import CELL, DECIDE, SLOTS, WAKE, Call, Environment, Gather, Instant, start
from sim.model.fifo import FifoLane
from sim.model.lane import Booking


def test_every_scheduled_event_is_counted():
    env = Environment()

    def proc() -> Generator[Any, Any, None]:
        yield env.timeout(1)
        yield env.timeout(2)

    env.process(proc())  # an Initialize event, two timeouts, the process's own end
    env.event().succeed()
    env.run()
    assert env.scheduled == 5
    assert env.now == 3


def test_a_journey_runs_to_its_first_wait_then_on_callbacks():
    env = Environment()
    seen: list[tuple[str, float]] = []

    def journey() -> Generator[Any, Any, None]:
        seen.append(("start", env.now))
        early = env.timeout(0, value="early")
        value = yield env.timeout(2, value="two")
        seen.append((value, env.now))
        value = yield early  # processed long ago: the driver goes on at once
        seen.append((value, env.now))

    assert start(journey()) is True
    assert seen == [("start", 0)]  # ran synchronously up to its first wait
    env.run()
    assert seen == [("start", 0), ("two", 2), ("early", 2)]


def test_a_journey_that_never_waits_costs_no_event():
    env = Environment()

    def journey() -> Generator[Any, Any, None]:
        return
        yield  # pragma: no cover

    assert start(journey()) is False
    assert env.scheduled == 0


def test_a_deferred_booking_is_booked_when_the_lane_is_synced_not_when_read():
    env = Environment()
    lane = FifoLane(env, "p", "desk", [1] * 168)
    got: list[tuple[float, float]] = []

    def journey() -> Generator[Any, Any, None]:
        got.append((yield Booking(lane, 1.0, 0, 2.0, True)))

    start(journey())
    env.run(until=5)
    assert lane.queue_length == 0 and lane.busy == 0 and got == []  # reading changes nothing
    lane.sync()
    assert got == [(1.0, 3.0)]  # booked at its request time, in the past
    assert lane.busy == 0 and lane.jobs_total == 1


def test_plain_simpy_environment_is_what_we_extend():
    assert issubclass(Environment, simpy.Environment)


def test_requests_for_one_time_are_booked_in_arrival_order_whatever_the_event_order():
    """Two journeys ask a one-server lane for the same later time; the one whose consignment
    arrived first (smaller index) is served first, though its request was made second."""
    env = Environment()
    lane = FifoLane(env, "p", "desk", [1] * 168)
    got: dict[int, tuple[float, float]] = {}

    def journey(key: int) -> Generator[Any, Any, None]:
        got[key] = yield Booking(lane, 2.0, key, 1.0, True, wake=True)

    start(journey(5))
    start(journey(3))
    env.run()
    assert got == {3: (2.0, 3.0), 5: (3.0, 4.0)}
    assert env.scheduled == 1  # one wake-up for the two requests


def test_an_instant_comes_after_every_ordinary_event_of_its_moment():
    """Even one scheduled before them, and in the order of the priorities: decisions, slot
    bookings, lane wake-ups, cell requests."""
    env = Environment()
    seen: list[str] = []
    for name, priority in [("wake", WAKE), ("cell", CELL), ("slots", SLOTS), ("decide", DECIDE)]:
        Instant(env, 1.0, priority).callbacks.append(lambda _, n=name: seen.append(n))
    env.timeout(1.0).callbacks.append(lambda _: seen.append("timeout"))
    env.timeout(0.5).callbacks.append(
        lambda _: env.timeout(0.5).callbacks.append(lambda _: seen.append("late timeout"))
    )
    env.run()
    assert seen == ["timeout", "late timeout", "decide", "slots", "wake", "cell"]


def test_a_call_is_an_instant_with_its_one_callback():
    """At its priority after the ordinary events of its moment, given its time; never in
    the past."""
    import pytest

    env = Environment()
    seen: list[tuple[str, float]] = []
    Call(env, 1.0, WAKE, lambda ev: seen.append(("call", ev.t)))
    Instant(env, 1.0, CELL).callbacks.append(lambda _: seen.append(("cell", env.now)))
    Instant(env, 1.0, DECIDE).callbacks.append(lambda _: seen.append(("decide", env.now)))
    env.timeout(1.0).callbacks.append(lambda _: seen.append(("timeout", env.now)))
    env.run()
    assert seen == [("timeout", 1.0), ("decide", 1.0), ("call", 1.0), ("cell", 1.0)]
    assert env.scheduled == 4
    with pytest.raises(ValueError, match="in the past"):
        Call(env, 0.5, WAKE, print)


def test_a_gather_answers_the_requests_of_one_moment_in_key_order():
    env = Environment()
    answered: list[tuple[str, float]] = []
    gather = Gather(env, lambda ev, who: (answered.append((who, env.now)), ev.succeed(who)), CELL)
    got: list[str] = []
    for key, who in [(7, "c"), (2, "a"), (5, "b")]:
        gather.ask(1.0, key, who).callbacks.append(lambda ev: got.append(ev.value))
    gather.ask(2.0, 0, "d")
    env.run()
    assert answered == [("a", 1.0), ("b", 1.0), ("c", 1.0), ("d", 2.0)]
    assert got == ["a", "b", "c"]


def test_a_look_at_a_lane_leaves_the_requests_of_this_moment_to_its_wake_up():
    """A sync at the moment of two requests books neither: they are booked together at the
    wake-up, in arrival order, though the later arrival asked before the look."""
    env = Environment()
    lane = FifoLane(env, "p", "desk", [1] * 168)
    got: dict[int, tuple[float, float]] = {}

    def journey(key: int) -> Generator[Any, Any, None]:
        got[key] = yield Booking(lane, 2.0, key, 1.0, True, wake=True)

    def asks_then_looks() -> Generator[Any, Any, None]:
        yield env.timeout(2.0)
        start(journey(5))
        lane.sync()
        assert got == {}
        start(journey(3))

    env.process(asks_then_looks())
    env.run()
    assert got == {3: (2.0, 3.0), 5: (3.0, 4.0)}


def test_an_instant_in_the_past_is_refused():
    """SimPy would take it and turn its clock back."""
    import pytest

    env = Environment()
    env.run(until=2.0)
    with pytest.raises(ValueError, match="in the past"):
        Instant(env, 1.0, DECIDE)


def test_a_run_leaves_numpys_error_handling_as_it_found_it():
    """Bulk blocks silence numpy's 'invalid' warnings only while their steps run: a block
    waiting at a queue (or still waiting when the run ends) must not leave them silenced
    for everything else."""
    import numpy as np

    import sim

    before = np.geterr()
    scenario = sim.load_scenario(
        Path(__file__).parent / "scenarios" / "small.toml", {"days": 2, "drain_days": 0.5}
    )
    sim.simulate(scenario, 1)
    assert np.geterr() == before


def test_a_fifo_lane_books_each_cohort_jobs_wait_into_its_day():
    """The FIFO lane writes a job's wait into its day's sum and count inline (the stability
    rule's batches, :class:`sim.model.weekly.Weekly`): as ``Weekly.add``."""
    from sim.model.weekly import Weekly

    env = Environment()
    lane = FifoLane(env, "p", "desk", [1] * 336)
    got: list[tuple[float, float]] = []

    def journey(t: float, key: int, service: float) -> Generator[Any, Any, None]:
        got.append((yield Booking(lane, t, key, service, True, wake=True)))

    asks = [(1.0, 0, 3.0), (1.5, 1, 2.0), (2.0, 2, 4.0), (170.0, 3, 1.0), (170.5, 4, 1.0)]
    for t, key, service in asks:
        start(journey(t, key, service))
    env.run()
    want = Weekly()
    for (t, _, _), (begin, _) in zip(asks, sorted(got), strict=True):
        want.add(t, begin - t)
    assert lane.weekly.days == want.days and set(want.days) == {0, 7}
    assert want.days[0] == pytest.approx([0.0 + 2.5 + 4.0, 3.0])  # (one server)
