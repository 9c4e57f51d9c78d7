"""Start order of jobs waiting in an examination cell (bays, movers, teams, quarantine
officers taken together): when servers free up or a shift begins, waiting jobs start
first-fit in arrival order; a job whose lanes are still busy is passed over by a
later job whose lanes are free."""

from __future__ import annotations

from types import SimpleNamespace

import simpy

from sim.model.cell import Cell, hold
from sim.model.cell import CellLane as Lane

PORT = "p"


def lanes(env: simpy.Environment, **hourly: int | list[int]) -> tuple[Cell, dict[str, Lane]]:
    """A cell of lanes, each with a constant capacity or a 24-hour schedule."""
    made = {}
    for name, cap in hourly.items():
        week = list(cap) * 7 if isinstance(cap, list) else [cap] * 168
        made[name] = Lane(env, PORT, name, week)
    cell = Cell(env)
    cell.join(list(made.values()))
    return cell, made


def run_jobs(env, cell, jobs) -> dict[str, tuple[float, float]]:
    """Start each (name, lanes, request time, duration) as a flow would; (start, end) by name."""
    times: dict[str, tuple[float, float]] = {}

    def flow(name, need, at, duration, index):
        c = SimpleNamespace(cohort=True, deferred=False, index=index)
        times[name] = yield from hold(env, cell, need, at, duration, c)

    for i, (name, need, at, duration) in enumerate(jobs):
        env.process(flow(name, need, at, duration, i))
    env.run(until=100)
    return times


def test_freed_servers_go_first_fit_in_arrival_order():
    env = simpy.Environment()
    cell, ln = lanes(env, bay=2, team=1, quarantine=1)
    bay, team, q = ln["bay"], ln["team"], ln["quarantine"]
    times = run_jobs(
        env,
        cell,
        [
            ("a", [bay, team], 0.0, 5.0),  # 0-5: holds the only team
            ("b", [bay, q], 0.0, 2.0),  # 0-2: both bays now busy
            ("c", [bay, team], 1.0, 1.0),  # waits for the team until a ends at 5
            ("d", [bay, q], 1.5, 1.0),  # passes c when b ends at 2 (c's team is busy)
            ("e", [bay, q], 1.6, 1.0),  # same lanes as d, later: after d, at 3
            ("f", [bay, team, q], 1.7, 0.5),  # needs all three: only once a and e are done
        ],
    )
    assert times == {
        "a": (0.0, 5.0),
        "b": (0.0, 2.0),
        "d": (2.0, 3.0),
        "e": (3.0, 4.0),
        "c": (5.0, 6.0),  # at 5: c (arrived 1.0) before f (1.7); both need the team
        "f": (6.0, 6.5),
    }


def test_a_shift_start_starts_waiting_jobs_in_arrival_order():
    env = simpy.Environment()
    no_team_before_3 = [0, 0, 0] + [2] * 21
    cell, ln = lanes(env, bay=3, team=no_team_before_3, quarantine=1)
    bay, team, q = ln["bay"], ln["team"], ln["quarantine"]
    times = run_jobs(
        env,
        cell,
        [
            ("j1", [bay, team], 0.5, 1.0),  # no team on duty yet
            ("j2", [bay, q], 1.0, 5.0),  # starts at once: 1-6
            ("j3", [bay, team], 1.5, 2.0),
            ("j4", [bay, q], 2.0, 1.0),  # the quarantine officer is busy until 6
            ("j5", [bay, team], 2.5, 1.0),  # no bay (and no team) left at 3
        ],
    )
    assert times == {
        "j2": (1.0, 6.0),
        "j1": (3.0, 4.0),  # the shift begins at 03:00: the two earliest team jobs start
        "j3": (3.0, 5.0),
        "j5": (4.0, 5.0),  # j1 frees a bay and a team; j4 (earlier) still lacks its officer
        "j4": (6.0, 7.0),
    }
    assert team.busy == bay.busy == q.busy == 0
