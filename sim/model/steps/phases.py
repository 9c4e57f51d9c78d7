"""The phases of one examination in the exam yard (move in, exam, move out): which lanes each
phase takes and gives back, and the run of the phases for one journey, each wait booked to the
owner of the lane that held it back."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any

from sim.model.cell import take
from sim.model.lane import Booking, negative_service
from sim.model.milestones import TRADER

if TYPE_CHECKING:
    from sim.model.journey import Journey

INF = float("inf")

#: a phase of an examination: the lanes it needs, its duration, who owns its service time,
#: and whether it goes before any priority class (a box leaving a bay: it frees the bay)
Phase = tuple[tuple[Any, ...], float, int, int]


#: what a run of phases does at each phase, whatever its durations: (its unlimited lanes,
#: the lanes it newly takes, the end of the stretch a FIFO lane is booked for (0: the new
#: lanes are taken in the cell), the lanes it gives back, and those with their counts)
PhasePlan = tuple[tuple[Any, ...], tuple[Any, ...], int, tuple[Any, ...], tuple[Any, ...]]


def _negative(j: Journey, lanes: tuple[Any, ...], duration: float) -> ValueError:
    lane = next((x for x in lanes if x is not None), None)
    if lane is None:
        return ValueError(f"a negative duration, {duration:g} h, at port {j.port.name}")
    return negative_service(lane, duration, "an examination's phase")


def phase_plan(lanes_of: tuple[tuple[Any, ...], ...]) -> tuple[PhasePlan, ...]:
    """Which lanes each phase delays on, takes and gives back: it depends only on the lanes
    of the phases, so it is worked out once per kind of examination (see :func:`run_phases`).
    A lane is kept while the next phase needs it too, and given back after the last phase of
    that stretch; a FIFO lane is booked once for its whole stretch."""
    cleaned = [tuple(x for x in lanes if x is not None) for lanes in lanes_of]
    held: set[Any] = set()
    booked_until: dict[Any, int] = {}  # FIFO lane -> last phase of its booking
    plan = []
    for i, lanes in enumerate(cleaned):
        later = cleaned[i + 1] if i + 1 < len(cleaned) else ()
        unlimited = tuple(x for x in lanes if x.unlimited)
        new = tuple(
            x for x in lanes if not x.unlimited and x not in held and booked_until.get(x, -1) < i
        )
        stretch_end = 0
        if new:
            if new[0].booked:  # the one finite lane, first come first served
                k = i
                while k < len(cleaned) and new[0] in cleaned[k]:
                    k += 1
                booked_until[new[0]] = k - 1
                stretch_end = k
            else:
                held.update(new)
        done = tuple(x for x in lanes if x in held and x not in later)
        counted = tuple((x, done.count(x)) for x in dict.fromkeys(done))
        held.difference_update(done)
        plan.append((unlimited, new, stretch_end, done, counted))
    return tuple(plan)


def one_stretch(plan: tuple[PhasePlan, ...]) -> bool:
    """Whether the phases take no lane together: at most one FIFO lane, booked at the first
    phase for all of them (else none), and unlimited lanes."""
    first = plan[0]
    if first[1] and first[2] != len(plan):
        return False
    return all(not new and not done for _, new, _, done, _ in plan[1:]) and not first[3]


def waited(j: Journey, start: float, owner: int) -> None:
    """Book a wait in the yard before the examination, up to ``start``: to the trader up to
    its missed appointment's next one (``j.missed``: the yard would not have examined the
    goods before it), the rest to ``owner``, the owner of the lane that held the job back."""
    clock = j.clock
    if j.missed > clock.cursor:
        clock.to(start if start < j.missed else j.missed, TRADER)
    clock.to(start, owner)


def book_stretch(
    j: Journey, lane: Any, t: float, span: float
) -> Generator[Any, Any, tuple[float, float]]:
    """Queue at the FIFO ``lane`` from ``t`` for a stretch of phases lasting ``span`` (as
    serve() does): (start, end); a lane that will never serve holds the journey for ever."""
    c, env = j.c, j.env
    now = env.now
    if c.deferred:  # (a first request: no earlier than now; later ones at t)
        r = t if j.chained or t > now else now
        j.chained = True
        start, end = yield Booking(lane, r, c.index, span, c.cohort)
    else:  # (now too: the requests of one moment go in arrival order)
        start, end = yield Booking(lane, t if t > now else now, c.index, span, c.cohort, True)
    if end == INF:  # no server will ever come: wait for ever (censored)
        yield env.event()
    return start, end


def run_stretch(
    j: Journey, phases: list[Phase], plan: tuple[PhasePlan, ...]
) -> Generator[Any, Any, list[tuple[float, float]]]:
    """:func:`run_phases` for phases that :func:`one_stretch` accepts (the same steps in the
    same order, without its bookkeeping of lanes held)."""
    p, c = j.port, j.c
    cohort, clock = c.cohort, j.clock
    for lane in plan[0][0]:
        lane.delay(phases[0][1], cohort)
    t = j.t
    new = plan[0][1]
    if new:  # one FIFO lane for the whole stretch (as serve() does)
        blocking = new[0]
        span = 0.0
        for phase in phases:
            span += phase[1]
        start, _ = yield from book_stretch(j, blocking, t, span)
        if start > t:
            waited(j, start, p.owner_of.get(blocking, phases[0][2]))
            t = start
    out = []
    for i, (lanes, duration, owner, _) in enumerate(phases):
        if duration < 0:
            raise _negative(j, lanes, duration)
        if i:
            for lane in plan[i][0]:
                lane.delay(duration, cohort)
        out.append((t, t + duration))
        t += duration
        clock.to(t, owner)
    j.t = t
    return out


def run_phases(
    j: Journey, phases: list[Phase], priority: int
) -> Generator[Any, Any, list[tuple[float, float]]]:
    """Run the phases of one examination in turn, each taking the lanes it needs that are not
    yet held (see :func:`phase_plan`). Every wait is booked to the owner of the lane that
    held it back. Returns (start, end) of each phase; ``j.t`` ends at the end of the last."""
    p, env, c = j.port, j.env, j.c
    cohort, cell, clock = c.cohort, p.cell, j.clock
    key = tuple(phase[0] for phase in phases)
    known = cell.plans.get(key)
    if known is None:
        plan = phase_plan(key)
        known = cell.plans[key] = (plan, one_stretch(plan))
    plan, simple = known
    if simple:
        return (yield from run_stretch(j, phases, plan))
    held: dict[Any, tuple[float, float]] = {}  # cell lane -> (requested, start)
    t = j.t
    out = []
    for i, (unlimited, new, stretch_end, done, counted) in enumerate(plan):
        lanes, duration, owner, offset = phases[i]
        if duration < 0:
            raise _negative(j, lanes, duration)
        for lane in unlimited:
            lane.delay(duration, cohort)
        if new:
            if stretch_end:  # a FIFO lane, booked for its whole stretch (as serve() does)
                blocking = new[0]
                span = 0.0
                for k in range(i, stretch_end):
                    span += phases[k][1]
                start, _ = yield from book_stretch(j, blocking, t, span)
            else:
                requested = max(t, env.now)
                rank = -1 if offset else priority  # a box leaving its bay goes first
                start, blocking = yield from take(env, cell, new, t, cohort, rank, c.index)
                for x in new:
                    held[x] = (requested, start)
            if start > t:
                if i <= len(phases) // 2:  # before the examination: maybe the trader's
                    waited(j, start, p.owner_of.get(blocking, owner))
                else:
                    clock.to(start, p.owner_of.get(blocking, owner))
                t = start
        out.append((t, t + duration))
        t += duration
        clock.to(t, owner)
        if done:
            if t > env.now:
                yield env.timeout(t - env.now)
            for x, n in counted:
                requested, start = held.pop(x)
                for _ in range(n):
                    x.job_done(requested, t, t - start, cohort)
            cell.release(done, t)
    j.t = t
    return out
