"""When consignments arrive at a port: Poisson arrivals with an hour-of-week profile (and a
month-of-year one and dated factors, on the scenario's calendar), made by inverting the
cumulative intensity, one block of ``GROUP`` at a time; at a sea port, vessel calls that each
bring a batch of declarations (random, a call pattern's, both merged by time, or a
schedule's); and the processes that make each block of a port's arrivals just early
enough."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Generator, Iterator
from heapq import merge
from typing import TYPE_CHECKING, Any

import numpy as np
import simpy

from sim.model.call_draws import pattern_calls
from sim.model.draws import FLOW_WIDTH, WIDTH
from sim.model.streams import CALLS, SURGE, JointRows, UniformRows, port_stream
from sim.scenario.dated_arrivals import day_factors
from sim.scenario.schema import Arrivals

if TYPE_CHECKING:
    from sim.model.port import Port

GROUP = 1024  # Poisson arrivals made per group
BLOCK = 4  # groups of arrivals made as one block of consignments


def arrival_times(
    spec: Arrivals, rng: np.random.Generator, until: float, start: dt.date | None = None
) -> Iterator[np.ndarray]:
    """Non-homogeneous Poisson times (hour-of-week profile, and month-of-year and dated
    factors with ``start``, the run's first day) before ``until``, in blocks: unit-rate
    Poisson levels mapped through the inverse of the cumulative intensity."""
    if start is not None and (spec.dated or any(f != 1.0 for f in spec.month_factors())):
        yield from _times(rng, until, _seasonal_map(spec, until, start))
        return
    rates = np.array(spec.weekly_rates())
    cum = np.concatenate([[0.0], np.cumsum(rates)])
    per_week = cum[-1]
    if per_week <= 0:
        return
    hours = np.arange(169, dtype=float)

    def weekly(level: np.ndarray) -> np.ndarray:
        weeks, within = np.divmod(level, per_week)
        times: np.ndarray = weeks * 168 + np.interp(within, cum, hours)
        return times

    yield from _times(rng, until, weekly)


def _times(
    rng: np.random.Generator, until: float, to_time: Callable[[np.ndarray], np.ndarray]
) -> Iterator[np.ndarray]:
    """Blocks of ``GROUP`` unit-rate Poisson levels mapped by ``to_time``, those before
    ``until``, until a block ends past it."""
    level: Any = 0.0
    while True:
        level = level + np.cumsum(rng.exponential(1.0, GROUP))
        times = to_time(level)
        times = times[times < until]
        if len(times):
            yield times
        if len(times) < GROUP:
            return
        level = level[-1]


def season_rates(spec: Arrivals, start: dt.date, hours: int) -> np.ndarray:
    """The arrival rate (per hour) in each of the run's first ``hours`` hours: the week's
    profile times the factor of the month each hour falls in and that of its day's dated
    window, if any (hour 0: ``start``, 00:00)."""
    week = np.array(spec.weekly_rates())
    days = np.datetime64(start, "D") + np.arange(-(-hours // 24))
    month = days.astype("datetime64[M]").astype(np.int64) % 12  # (0: January)
    factors = np.array(spec.month_factors())[np.repeat(month, 24)[:hours]]
    if spec.dated:
        factors = factors * np.repeat(day_factors(spec.dated, start, len(days)), 24)[:hours]
    rates: np.ndarray = np.resize(week, hours) * factors
    return rates


def _seasonal_map(
    spec: Arrivals, until: float, start: dt.date
) -> Callable[[np.ndarray], np.ndarray]:
    """Levels to times through the cumulative intensity of every hour of the run (a level
    past the run's last hour: never)."""
    n = math.ceil(until)
    cum = np.concatenate([[0.0], np.cumsum(season_rates(spec, start, n))])
    hours = np.arange(n + 1, dtype=float)

    def seasonal(level: np.ndarray) -> np.ndarray:
        times: np.ndarray = np.where(level < cum[-1], np.interp(level, cum, hours), math.inf)
        return times

    return seasonal


def arrival_groups(
    spec: Arrivals,
    rng: np.random.Generator,
    rows: UniformRows | JointRows,
    until: float,
    start: dt.date | None = None,
    rest: np.random.Generator | None = None,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Blocks of (arrival time, uniform rows), in arrival order, before ``until``: a block of
    Poisson arrivals, or one vessel call's declarations (``start``: the run's first day); a
    schedule's calls as listed, their declarations' rows drawn as any call's; a call
    pattern's calls, merged by time, below a share of 1, with random calls drawn from
    ``rest`` (the port's own stream)."""
    if spec.calls is not None:  # (``rng``: the port's stream of calls)
        calls = pattern_calls(spec.calls, rng, until)
        if spec.calls.share < 1:
            if rest is None:
                raise ValueError("a call pattern of share below 1 needs the port's own stream")
            calls = merge(calls, random_calls(rest_of(spec), rest, until, start), key=_hour)
        for t, n in calls:
            yield np.full(n, t), rows.take(n)
        return
    if spec.schedule is not None:
        listed = spec.schedule
        for t, n in zip(listed.hours, listed.declarations, strict=True):
            if t >= until:
                return
            yield np.full(n, t), rows.take(n)
        return
    if spec.batch is None:
        times_of = arrival_times(spec, rng, until, start)
        groups = ((times, rows.take(len(times))) for times in times_of)
        yield from blocks(groups, BLOCK)
        return
    for t, n in random_calls(spec, rng, until, start):
        yield np.full(n, t), rows.take(n)


def random_calls(
    spec: Arrivals, rng: np.random.Generator, until: float, start: dt.date | None = None
) -> Iterator[tuple[float, int]]:
    """Random vessel or train calls (arrival hour, declarations) before ``until``, in
    arrival order: each block of Poisson times, then its calls' sizes (``batch.size``)."""
    batch = spec.batch
    if batch is None:
        raise ValueError("random calls need arrivals.batch")
    for calls in arrival_times(spec, rng, until, start):
        sizes = np.maximum(1, np.rint(batch.size.ppf(rng.random(len(calls)))))
        yield from zip(calls.tolist(), sizes.astype(int).tolist(), strict=True)


def rest_of(spec: Arrivals) -> Arrivals:
    """The random calls beside a call pattern of share below 1: the port's own, at
    ``rate x (1 - share)``."""
    share = spec.calls.share if spec.calls is not None else 0.0
    return spec.model_copy(update={"calls": None, "rate": spec.rate * (1 - share)})


def _hour(call: tuple[float, int]) -> float:
    return call[0]


def port_arrivals(
    port: Port, until: float, export: bool = False
) -> Generator[simpy.Event, Any, None]:
    """A port's arrival process of imports (or of exports): make each block just
    early enough.

    A block is made ``advance_max`` before its first arrival, because an advance
    declaration may need an officer before its goods arrive.
    """
    if export:
        if port.spec.exports is None:
            return
        groups = arrival_groups(
            port.spec.exports.arrivals,
            port._export_arrival_rng,
            port._export_rows,
            until,
            port.scenario.start_date,
        )
    else:
        spec = port.spec.arrivals
        rng = (port_stream(port.seed, port.name, CALLS) if spec.calls is not None
               else port._arrival_rng)
        groups = arrival_groups(spec, rng, port._rows, until, port.scenario.start_date,
                                rest=port._arrival_rng)
    yield from _made_in_time(port, groups, export)


def surges(port: Port, export: bool) -> bool:
    """Whether this port has added arrivals (imports, or exports)."""
    if export:
        return port.spec.exports is not None and port.spec.exports.arrivals.extra > 0
    return port.spec.arrivals.extra > 0


def surge(port: Port, until: float, export: bool = False) -> Generator[simpy.Event, Any, None]:
    """Added arrivals (``arrivals.extra`` times the rate) from streams of their own, with
    indices of their own: the port's other consignments keep their draws."""
    if not surges(port, export):
        return
    spec = port.spec.exports.arrivals if export and port.spec.exports else port.spec.arrivals
    sub = (1,) if export else (0,)
    rows = JointRows(
        UniformRows(port_stream(port.seed, port.name, SURGE, *sub, 1), FLOW_WIDTH),
        UniformRows(port_stream(port.seed, port.name, SURGE, *sub, 2), WIDTH - FLOW_WIDTH),
    )
    more = spec.model_copy(update={"rate": spec.rate * spec.extra})
    rng = port_stream(port.seed, port.name, SURGE, *sub, 0)
    groups = arrival_groups(more, rng, rows, until, port.scenario.start_date)
    yield from _made_in_time(port, within(groups, *spec.surge_window()), export, surge=True)


def within(
    groups: Iterator[tuple[np.ndarray, np.ndarray]], start: float, end: float
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The arrivals of ``groups`` in [start, end), with their rows: a surge placed in time
    (``arrivals.extra_from``, ``extra_for``); the whole run passes them all unchanged."""
    if start <= 0 and end == math.inf:
        yield from groups
        return
    for arrived, u in groups:
        if arrived[0] >= end:  # (in arrival order: none of the rest falls inside)
            return
        keep = (arrived >= start) & (arrived < end)
        if keep.all():
            yield arrived, u
        elif keep.any():
            yield arrived[keep], u[keep]


def _made_in_time(
    port: Port, groups: Any, export: bool, surge: bool = False
) -> Generator[simpy.Event, Any, None]:
    env, lead = port.env, port.scenario.declaration.advance_max
    refresh = port.decisions.refresh if port.decisions.dynamic else 0.0
    for arrived, u in groups:
        wake = arrived[0] - lead
        if refresh > 0:  # at a tick: no row of the block is assessed in an interval begun
            wake = math.floor(wake / refresh) * refresh
        if wake > env.now:
            yield env.timeout(wake - env.now)
        port.make(arrived, u, export, surge)


def blocks(groups: Any, k: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Groups of arrivals, ``k`` at a time, as blocks of consignments."""
    if k == 1:
        yield from groups
        return
    batch: list[tuple[np.ndarray, np.ndarray]] = []
    for group in groups:
        batch.append(group)
        if len(batch) == k:
            yield np.concatenate([a for a, _ in batch]), np.concatenate([u for _, u in batch])
            batch = []
    if batch:
        yield np.concatenate([a for a, _ in batch]), np.concatenate([u for _, u in batch])
