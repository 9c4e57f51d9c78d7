"""The exam yard: a mover brings the box to the bay and leaves, the bay and the team are held
for the examination, a mover takes the box back; slots have a capacity; AEO examinations go
first; cross-trained officers are one pool; a wait is owned by the lane that held it back;
an examination's work grows with the declaration's containers."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import simpy
from det_scenarios import exam, fixed, port, scenario, unlimited

import sim
from sim.model.cell import Cell, CellLane
from sim.model.draws import DRAWS, WIDTH, Context
from sim.model.journey import Owners
from sim.model.milestones import CUSTOMS, QUARANTINE, TERMINAL
from sim.model.steps.inspection import run_phases

MOVE, EXAM = 0.5, 2.0


def yard(env: simpy.Environment, **caps: int) -> SimpleNamespace:
    """A port-like yard of cell lanes with constant capacities, and its owners."""
    lanes = {k: CellLane(env, "p", k, [v] * 168) for k, v in caps.items()}
    cell = Cell(env)
    cell.join(list(lanes.values()))
    owners = {"bays": TERMINAL, "movers": TERMINAL, "teams": CUSTOMS, "quarantine": QUARANTINE}
    return SimpleNamespace(
        cell=cell, owner_of={lane: owners.get(k, CUSTOMS) for k, lane in lanes.items()}, **lanes
    )


def examination(env, y, name, at, out, staff=None, priority=1, work=EXAM):
    """One examination from ``at``: its phase times and owner hours go into ``out[name]``."""
    c = SimpleNamespace(cohort=True, deferred=False, index=0)
    own = [0.0] * 5
    j = SimpleNamespace(port=y, env=env, c=c, t=at, clock=Owners(own, at), missed=-np.inf)
    staff = staff or (y.teams,)
    phases = [
        ((y.bays, y.movers), MOVE, TERMINAL, 0),
        ((y.bays, *staff), work, CUSTOMS, 0),
        ((y.bays, y.movers), MOVE, TERMINAL, 1),
    ]
    times = yield from run_phases(j, phases, priority)
    out[name] = (times, own, j.t)


def run(env, y, jobs, spy=None):
    out: dict = {}
    for job in jobs:
        env.process(examination(env, y, out=out, **job))
    if spy is not None:
        env.process(spy())
    env.run(until=100)
    return out


def test_the_mover_is_free_during_the_examination():
    env = simpy.Environment()
    y = yard(env, bays=2, movers=1, teams=2)
    seen = []

    def spy():
        yield env.timeout(1.5)  # both boxes are in their bays, both examinations running
        seen.append((y.movers.busy, y.bays.busy, y.teams.busy))

    out = run(env, y, [{"name": "a", "at": 0.0}, {"name": "b", "at": 0.0}], spy)
    # a: in 0-0.5, exam 0.5-2.5, out 2.5-3; b: in when the mover is back (0.5-1), exam 1-3,
    # out 3-3.5 (with the mover held for the whole exam, b would start only at 3)
    assert out["a"][0] == [(0.0, 0.5), (0.5, 2.5), (2.5, 3.0)]
    assert out["b"][0] == [(0.5, 1.0), (1.0, 3.0), (3.0, 3.5)]
    assert seen == [(0, 2, 2)]
    assert y.bays.busy == y.movers.busy == y.teams.busy == 0
    y.movers.integrate()
    assert y.movers.area_busy == 4 * MOVE  # four moves, nothing else


def test_a_wait_for_the_bay_is_the_terminals():
    env = simpy.Environment()
    y = yard(env, bays=1, movers=2, teams=2)
    out = run(env, y, [{"name": "a", "at": 0.0}, {"name": "b", "at": 0.0}])
    times, own, end = out["b"]
    assert times[0] == (3.0, 3.5)  # the only bay is free when a's box has left it
    assert own[TERMINAL] == 3.0 + 2 * MOVE and own[CUSTOMS] == EXAM
    assert sum(own) == end - 0.0


def test_a_wait_for_the_team_is_customs():
    env = simpy.Environment()
    y = yard(env, bays=2, movers=2, teams=1)
    out = run(env, y, [{"name": "a", "at": 0.0}, {"name": "b", "at": 0.0}])
    times, own, end = out["b"]
    assert times[0] == (0.0, 0.5) and times[1] == (2.5, 4.5)  # waits in its bay for the team
    assert own[CUSTOMS] == (2.5 - 0.5) + EXAM and own[TERMINAL] == 2 * MOVE
    assert sum(own) == end


def test_a_box_waiting_in_its_bay_for_a_team_keeps_the_bay_busy():
    """The docs' reading of the yard's lanes: b waits 2 h in its bay for the only team; that
    wait is in the team's queue, not the bays', and b's bay is busy meanwhile (so the bays'
    busy time holds it, and a bay's utilisation includes boxes waiting for a team)."""
    env = simpy.Environment()
    y = yard(env, bays=2, movers=2, teams=1)
    out = run(env, y, [{"name": "a", "at": 0.0}, {"name": "b", "at": 0.0}])
    assert out["b"][0][1] == (2.5, 4.5)
    for lane in (y.bays, y.teams):
        lane.integrate()
    assert y.teams.area_queue == 2.0 and y.bays.area_queue == 0.0
    assert y.bays.area_busy == (3.0 - 0.0) + (5.0 - 0.0)  # a: 0-3; b: 0-5, wait included


def test_aeo_priority_takes_the_next_free_team_first():
    env = simpy.Environment()
    y = yard(env, bays=3, movers=3, teams=1)
    out = run(
        env,
        y,
        [
            {"name": "first", "at": 0.0},
            {"name": "general", "at": 0.1},
            {"name": "aeo", "at": 0.2, "priority": 0},
        ],
    )
    assert out["aeo"][0][1][0] == 2.5 < out["general"][0][1][0] == 4.5


def test_a_pool_never_leaves_an_officer_idle_while_an_exam_waits():
    """Equal headcount (one team + one quarantine officer, or a pool of two): physical exams
    queue for the one team while the quarantine officer idles; the pool uses both."""
    ends = {}
    for staffing in ("both", "pool"):
        env = simpy.Environment()
        if staffing == "both":
            y = yard(env, bays=9, movers=9, teams=1, quarantine=1)
            staff = (y.teams,)
        else:
            y = yard(env, bays=9, movers=9, pool=2)
            staff = (y.pool,)
        idle_while_queue = []

        def spy(y=y, staff=staff, env=env, idle_while_queue=idle_while_queue):
            for _ in range(20):
                yield env.timeout(0.25)
                lane = staff[0]
                if lane.waiting_together:  # someone waits for an officer...
                    others = [x for x in (getattr(y, "quarantine", None), lane) if x is not None]
                    idle_while_queue.append(any(x.busy < x.capacity for x in others))

        jobs = [{"name": str(i), "at": 0.0, "staff": staff} for i in range(3)]
        out = run(env, y, jobs, spy)
        ends[staffing] = sorted(v[2] for v in out.values())
        assert any(idle_while_queue) == (staffing == "both")
    assert ends["pool"] == [3.0, 3.0, 5.0] and ends["both"] == [3.0, 5.0, 7.0]
    assert all(p <= b for p, b in zip(ends["pool"], ends["both"], strict=True))


def _physical_port(**exam_extra):
    p = port(
        rate="3/h",
        exam={**exam(MOVE, EXAM, 0.0, **exam_extra.pop("lanes", {})), **exam_extra},
        quarantine={"officers": unlimited(), "check": fixed(0.5)},
    )
    p["traffic"]["trader_classes"] = {"aeo_advanced": 0.3, "general": 0.7}
    return p


def test_no_slot_takes_more_examinations_than_its_capacity():
    starts, later = {}, {}
    for cap in ("unlimited", 2):
        slots = {"day_start": "08:00", "day_end": "17:00", "every": "1 h", "capacity": cap}
        s = scenario({"p": _physical_port(slots=slots)}, selection={"physical": 1.0})
        log = sim.simulate(s, 3, log=True).log
        moved_in = (log.exam_start - MOVE).dropna().round(9)  # lanes unlimited: at the slot
        starts[cap] = moved_in.value_counts()
        # booked a slot after the run's end: censored, its exam not reached (NaN)
        later[cap] = int((log.sel_physical & log.exam_start.isna()).sum())
        assert (log[log.sel_physical & log.exam_start.isna()].outcome == "censored").all()
    assert starts["unlimited"].max() > 2  # the capacity binds...
    assert starts[2].max() == 2  # ...and is never exceeded
    assert later["unlimited"] == 0 < later[2]
    assert starts[2].sum() + later[2] == starts["unlimited"].sum()  # every exam has a slot


def test_aeo_priority_lowers_aeo_exam_waits_at_equal_selection():
    waits = {}
    for priority in (False, True):
        lanes = {"teams": {"capacity": 2}, "bays": {"capacity": 4}}
        p = _physical_port(lanes=lanes, aeo_priority=priority)
        s = scenario({"p": p}, selection={"physical": 0.6}, days=4)
        log = sim.simulate(s, 5, log=True).log
        ex = log[log.exam_start.notna()]
        aeo = ex.trader_class == "aeo_advanced"
        wait = ex.exam_start - ex.arrived
        waits[priority] = (wait[aeo].mean(), wait[~aeo].mean(), len(ex))
    assert waits[True][2] == waits[False][2]  # the same examinations
    assert waits[True][0] < 0.7 * waits[False][0]
    assert waits[True][1] > waits[False][1]


def test_exam_time_of_k_containers_has_mean_k_mu():
    for k in (1, 3):
        p = port(exam=exam(MOVE, EXAM, 0.0))
        p["mode"] = "sea"
        p["arrivals"] = {"rate": "1/d", "batch": {"size": 10, "discharge_rate": "100/h"}}
        p["traffic"]["containers"] = {"dist": "deterministic", "value": k}
        p["exam"]["duration"] = {"dist": "lognormal", "mean": "1 h", "cv": 0.5}
        s = scenario({"p": p})
        n = 200_000
        ctx = Context(s, s.ports["p"], list(s.commodities), np.zeros(n))
        table = DRAWS.table(ctx, np.random.default_rng(1).random((n, WIDTH)))
        t = table[:, DRAWS.index("exam_time")]
        assert abs(t.mean() - k * 1.0) < 0.01 * k
        assert abs(t.std() - np.sqrt(k) * 0.5) < 0.02 * np.sqrt(k) * 0.5
        assert t.min() >= 0.0


def test_a_joint_exams_wait_goes_to_the_officer_kind_that_binds():
    """Both agencies examine together: waiting for the quarantine officer is quarantine's,
    waiting for the customs team is customs' (the phase itself is customs' work)."""
    for teams, officers, owner in ((2, 1, QUARANTINE), (1, 2, CUSTOMS)):
        env = simpy.Environment()
        y = yard(env, bays=3, movers=3, teams=teams, quarantine=officers)
        staff = (y.teams, y.quarantine)
        jobs = [{"name": n, "at": 0.0, "staff": staff} for n in ("a", "b")]
        times, own, end = run(env, y, jobs)["b"]
        assert times[1] == (2.5, 4.5)  # in its bay at 0.5, waits until a's exam ends
        assert own[owner] == 2.0 + (EXAM if owner == CUSTOMS else 0.0)
        assert own[CUSTOMS] + own[QUARANTINE] == 2.0 + EXAM and sum(own) == end


def test_a_cross_trained_pool_adds_the_headcounts():
    p = _physical_port(lanes={"teams": {"capacity": 3}})
    p["quarantine"]["officers"] = {"capacity": 2}
    s = scenario(
        {"p": p}, selection={"physical": 0.3}, inspection={"joint_staffing": "cross_trained"}
    )
    res = sim.simulate(s, 1).resources.set_index("lane")
    assert "exam_teams" not in res.index and "quarantine_officers" not in res.index
    assert res.loc["exam_officers", "capacity_mean"] == 5.0


def test_a_wait_for_the_bay_counts_in_the_movers_queue_too():
    """A job waits for bay and mover together: while b waits for the only bay, it is in the
    queue of both lanes (the glossary's `queue_mean` / `wait_h_mean` say so), though a
    mover was free all along; it never waited for a team (its first phase needs none)."""
    env = simpy.Environment()
    y = yard(env, bays=1, movers=2, teams=2)
    out = run(env, y, [{"name": "a", "at": 0.0}, {"name": "b", "at": 0.0}])
    assert out["b"][0][0] == (3.0, 3.5)
    for lane in (y.bays, y.movers, y.teams):
        lane.integrate()
    assert y.bays.area_queue == 3.0 and y.movers.area_queue == 3.0
    assert y.teams.area_queue == 0.0


def test_duty_time_counts_overtime():
    """A job that runs past its shift's end keeps its server on duty: `capacity_mean` counts
    the overtime (the glossary says so) and utilisation stays at most 1."""
    env = simpy.Environment()
    hourly = [1] + [0] * 167  # one server, on duty 00:00-01:00 on Monday only
    lanes = {"bays": CellLane(env, "p", "bays", hourly)}
    lanes.update({k: CellLane(env, "p", k, [2] * 168) for k in ("movers", "teams")})
    cell = Cell(env)
    cell.join(list(lanes.values()))
    owners = {lane: TERMINAL for lane in lanes.values()}
    y = SimpleNamespace(cell=cell, owner_of=owners, **lanes)
    out = run(env, y, [{"name": "a", "at": 0.0}])
    assert out["a"][2] == 3.0  # in, exam and out: 3 h on the bay, 2 h past its shift
    y.bays.integrate()
    assert y.bays.area_busy == 3.0 and y.bays.area_duty == 3.0


def test_the_slots_row_gives_the_share_of_their_room_booked_and_the_waits_for_one():
    """``exam_slots`` in the resources table: the examinations whose slot starts in the
    observation window over the room the slots there offer (9 hourly slots a day of 2), and
    the mean wait of the cohort's examinations for a slot with room; both from the log."""
    slots = {"day_start": "08:00", "day_end": "17:00", "every": "1 h", "capacity": 2}
    s = scenario({"p": _physical_port(slots=slots)}, selection={"physical": 0.2}, days=4)
    r = sim.simulate(s, 3, log=True)
    row = r.resources.set_index(["port", "lane"]).loc[("p", "exam_slots")]
    w0, w1 = s.warmup_days * 24, (s.warmup_days + s.days) * 24
    slot = (r.log.exam_start - MOVE).dropna().round(9)  # lanes unlimited: at the slot
    booked = int(((slot >= w0) & (slot < w1)).sum())
    assert booked > 30
    assert row["utilisation"] == booked / (s.days * 9 * 2)
    assert 0.3 < row["utilisation"] < 1
    m = r.metrics()
    assert m["utilisation_p_exam_slots"] == row["utilisation"]
    assert m["wait_h_mean_p_exam_slots"] > 0  # (the capacity binds: some wait)
