"""Warnings when a run's queues do not settle: its figures are then not steady-state, and a
comparison between options built on them would mislead.

Three rules, the first two over the observation window (cohort jobs, by the week in which
they asked):

- **overload**: a lane's utilisation above ``OVERLOAD`` (0.95), or that of an organisation
  unit's staff of one role (:func:`staff`; escalations and alerts queue for them), or of a
  laboratory (the room of its batches filled, at the cut-offs that had samples waiting);
- **rising wait**, of a lane, of a laboratory, of an organisation unit's staff of one role, or
  of a wait that
  is no lane's (an exam yard's appointment slots: the wait because earlier slots were full):
  with at least three whole weeks observed, the mean wait of the second half of the weeks
  exceeds that of the first half by more than half (and by more than ``RISE_MIN_H``), and
  the weekly means rise consistently: Kendall's S (rising pairs of weeks minus falling ones)
  is at least ``TREND`` of all pairs; and the later weeks' jobs wait longer than the earlier
  weeks' by at least ``Z_RISE`` standard errors (by batch means, a day a batch: a queue's
  successive waits are correlated, and one that serves a handful of jobs a week swings from
  week to week by chance; :meth:`sim.model.weekly.Weekly.rise_z`). Not for a nearly idle
  lane (busy under ``IDLE`` of its on-duty time: its jobs wait for a shift) nor for a
  laboratory whose samples all went in the first batch after their submission (each waited
  only for the next cut-off): neither can hold a queue that keeps rising.
  A queue that settles has weekly means that scatter around a level, so one late surge is
  not enough; one that does not settle keeps growing week after week (a lane a capacity
  window closed, or any queue of a port closed by its lanes or arrivals: whether it came
  back after, :mod:`sim.model.closure_waits`);
- **unfinished**: more than ``UNFINISHED`` (1 %) of a port's cohort not yet released when the
  run ends (after its drain days). Censored consignments are left out of the clearance
  figures, and they are the slowest, so the figures are biased low: with 1 % left out the
  reported p95 is already the true p94. A run that settles leaves a handful (the default
  scenario, 56 days: 4 of 206,723 censored);
- **not out**: more than ``UNFINISHED`` of a port's cohort released by customs but not yet
  out (waiting for the trader's pick-up, exit or a departure) when the run ends. They wait
  for no queue, and their clearance (arrival to release) is counted, but their overall
  clearance (to exit or loading) is not: it is then biased low. A longer drain fixes it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Protocol

import numpy as np

from sim.model.capacity_needed import capacity_needed
from sim.model.closure_waits import judged, rising_or_closure
from sim.model.milestones import MILESTONES
from sim.model.weekly import MIN_WEEKS, Weekly, rising_warning, schedule_or_idle, spread_of
from sim.model.weekly import rising as rising  # (the rule, where its tests look for it)

OVERLOAD = 0.95
UNFINISHED = 0.01  # share of a port's cohort still inside at the end (see the module's rule)


def observed_weeks(warmup_days: float, days: float) -> int:
    """The whole weeks (of the run's calendar) that fall in the observed period."""
    return max(math.floor((warmup_days + days) / 7) - math.ceil(warmup_days / 7), 0)


def days_for_weeks(warmup_days: float, weeks: int = MIN_WEEKS) -> int:
    """The fewest whole observed days that hold ``weeks`` whole weeks after a warm-up of
    ``warmup_days`` (by the rule of :func:`observed_weeks`)."""
    if warmup_days < 0 or weeks < 0:
        raise ValueError(f"warm-up {warmup_days!r} and weeks {weeks!r} must be 0 or more")
    return math.ceil(7 * (math.ceil(warmup_days / 7) + weeks) - warmup_days)


def too_short(warmup_days: float, days: float) -> str | None:
    """Why no warning does not mean settled, when too few whole weeks are observed for the
    rising-wait check; else None."""
    weeks = observed_weeks(warmup_days, days)
    if weeks >= MIN_WEEKS:
        return None
    need = days_for_weeks(warmup_days)
    return (
        f"{days:g} observed day(s) hold {weeks} whole week(s): too few to see whether a queue "
        f"keeps rising (that check needs {MIN_WEEKS}), so only overload was checked. Observe "
        f"{MIN_WEEKS} whole weeks or more (--days {need} or more after this run's "
        f"{warmup_days:g}-day warm-up) before reading these figures as steady-state"
    )


class Queue(Protocol):
    """What the stability check reads of a lane (or of the laboratory)."""

    port: str
    name: str
    unlimited: bool

    def weekly_waits(self) -> dict[int, float]: ...


def check(
    lanes: Iterable[Queue],
    window: tuple[float, float],
    utilisation: dict[tuple[str, str], float],
    other_waits: Iterable[tuple[str, str, Weekly]] = (),
    ports: Collection[str] | None = None,
    closures: Mapping[str, tuple[int, int]] | None = None,
) -> list[str]:
    """Plain-language warnings for the lanes of a run (``utilisation`` by (port, lane)) and
    for waits that are no lane's, ``other_waits`` (port, what is waited for, weekly means:
    e.g. an exam yard's appointment slots); an overloaded lane's says how much capacity it
    needs (:func:`sim.model.capacity_needed.capacity_needed`; ``ports``: the scenario's port
    names, to name the field to set; ``closures``: each port's closure, for the queues no
    window closed)."""
    out = []
    for lane in lanes:
        if lane.unlimited:
            continue
        u = utilisation.get((lane.port, lane.name), math.nan)
        if u > OVERLOAD:
            out.append(
                f"{lane.port}: {lane.name} is {u:.0%} utilised (above {OVERLOAD:.0%}); "
                "its queue may not settle, so its waits are not steady-state: "
                "add capacity there, or read its waits as a lower bound"
                + (_bays_wait_for_teams(lane, utilisation) or capacity_needed(lane, window, ports))
            )
        if schedule_or_idle(lane, u):
            continue
        said = rising_or_closure(lane, window, closures)  # (a closed queue's: what it did)
        if said and lane.name == "movers":
            said = [said[0] + _movers_wait(lane.port, u, utilisation)]
        out += said
    for port, name, weekly in other_waits:
        out += judged(port, name, weekly.means(), weekly, window, (closures or {}).get(port))
    return out


def _bays_wait_for_teams(lane: Queue, utilisation: dict[tuple[str, str], float]) -> str:
    """For exam bays overloaded while the port's exam staff are too: a bay holds its box
    while it waits for a team, so the bays' load is the teams' shortfall; '' otherwise."""
    staff = [utilisation.get((lane.port, k), math.nan) for k in ("exam_teams", "exam_officers")]
    busiest = max((u for u in staff if u > OVERLOAD), default=None)
    if lane.name != "exam_bays" or busiest is None:
        return ""
    return (
        f". Its exam staff are {busiest:.0%} utilised too, and a bay holds its box while it "
        "waits for them: add exam staff first, then see whether the bays still bind (more "
        "bays would only hold more boxes waiting)."
    )


def _movers_wait(port: str, movers: float, utilisation: dict[tuple[str, str], float]) -> str:
    """What a rising wait at the movers may mean: a job waits there for a free exam bay too
    (the movers take a box to a bay only once one is free)."""
    bays = utilisation.get((port, "exam_bays"), math.nan)
    text = (
        "; the wait at the movers includes the wait for a free exam bay (a box is moved only "
        "once a bay is free)"
    )
    if bays > movers:
        return text + (
            f", and the bays are busier ({bays:.0%} against the movers' {movers:.0%}): more "
            "bays, not movers, would shorten it"
        )
    return text


class Staff(Protocol):
    """The staff of one organisation unit in one role, as the stability check sees them
    (:class:`sim.model.org.units.StaffQueue`)."""

    unit: str
    role: str

    def weekly_waits(self) -> dict[int, float]: ...


def staff(
    queues: Iterable[Staff],
    window: tuple[float, float],
    utilisation: dict[tuple[str, str], float],
) -> list[str]:
    """Plain-language warnings for the organisation's staff queues (``utilisation`` by
    (``org/<unit>``, role), as in the resources table): the same overload and rising-wait
    rules as a lane's, named by unit and role."""
    out = []
    for q in queues:
        u = utilisation.get((f"org/{q.unit}", q.role), math.nan)
        where = f"organisation unit {q.unit}"
        if u > OVERLOAD:
            out.append(
                f"{where}: its {q.role} staff are {u:.0%} utilised (above {OVERLOAD:.0%}); "
                "their queue may not settle, so the escalation latencies, holds and alerts "
                "that pass through it are not steady-state: add "
                f"{q.role} staff there, or read those figures as a lower bound"
            )
        out += rising_warning(where, f"its {q.role} staff", q.weekly_waits(), window, spread_of(q))
    return out


def unfinished(
    ports: list[str],
    outcomes: np.ndarray,
    stuck: np.ndarray,
    drain_days: float,
    queues: dict[str, tuple[str, int]] | None = None,
) -> list[str]:
    """A warning for each port where more than ``UNFINISHED`` of the cohort was not yet
    released at the end of the run (``outcomes``: cohort consignments by port and outcome;
    ``stuck``: those censored before release, by port and the furthest milestone reached;
    ``queues``: the longest queue of each port at the end, as (lane, jobs waiting))."""
    out = []
    for i, port in enumerate(ports):
        n, left = int(outcomes[i].sum()), int(stuck[i].sum())
        if n == 0 or left <= UNFINISHED * n:
            continue
        # the one or two furthest milestones most reached (a second if it holds 1 % or more)
        top = [k for k in np.argsort(-stuck[i], kind="stable")[:2] if stuck[i, k] >= 0.01 * left]
        shares = ", ".join(f"{stuck[i, k] / left:.0%} at '{MILESTONES[k]}'" for k in top)
        lane, waiting = (queues or {}).get(port, ("", 0))
        at = f" and the longest queue at {lane}" if waiting >= 0.1 * left else ""
        out.append(
            f"{port}: more than {UNFINISHED:.0%} of the cohort was still not released "
            f"{drain_days:g} days after the observed window closed, the largest share no "
            f"further than '{MILESTONES[top[0]]}'{at} ({left:,} of {n:,} cohort consignments, "
            f"{left / n:.2%}; furthest milestone reached: {shares}"
            + (f"; {waiting:,} waiting at {lane} at the end" if at else "")
            + "): they are censored, left out of the clearance figures, which are then "
            "biased low; add capacity where they wait, or run with a longer drain to see "
            "whether they finish"
        )
    return out


def not_out(
    ports: list[str], outcomes: np.ndarray, waiting: np.ndarray, drain_days: float
) -> list[str]:
    """A warning for each port where more than ``UNFINISHED`` of the cohort was released by
    customs but not yet out at the end (``waiting``: their number, by port)."""
    out = []
    for i, port in enumerate(ports):
        n, left = int(outcomes[i].sum()), int(waiting[i])
        if n == 0 or left <= UNFINISHED * n:
            continue
        out.append(
            f"{port}: more than {UNFINISHED:.0%} of the cohort was released but not yet out "
            f"(picked up, exited or loaded) {drain_days:g} days after the observed window "
            f"closed ({left:,} of {n:,} cohort consignments, {left / n:.2%}): their "
            "clearance to release is counted, but not their overall clearance, which is "
            "then biased low; run with a longer drain (drain_days)"
        )
    return out


def longest_queues(samples: Iterable[tuple[Any, ...]]) -> dict[str, tuple[str, int]]:
    """Each port's longest queue at the last of the run's queue samples (rows ``(t, port,
    lane, queue, busy, capacity)``): (lane, jobs waiting)."""
    rows = list(samples)
    last = max((row[0] for row in rows), default=0.0)
    out: dict[str, tuple[str, int]] = {}
    for t, port, lane, queue, *_ in rows:
        if t == last and queue > out.get(port, ("", 0))[1]:
            out[port] = (lane, int(queue))
    return out


#: a lane's mean utilisation over replications from which its waits settle slowly
NEAR_SATURATION = 0.9
#: a timeline period's figure of a lane (``utilisation_<port>_<lane>_era_1``)
_PERIOD = re.compile(r"_era_[0-9]+(?:_|$)")


def near_saturation(means: Mapping[str, float]) -> list[str]:
    """Notes for the lanes whose utilisation, averaged over a run's replications
    (``means``: by metric, ``utilisation_<port>_<lane>`` among them), is near saturation.
    Each replication's overload check sees its own realised load, which scatters around
    the lane's: near 0.95 some replications warn and others do not, and the waits of a
    queue this busy forget an empty start slowly and vary much from run to run, so the
    intervals may miss the long-run value even when no replication warned."""
    out = []
    for name, u in means.items():
        if name.startswith("utilisation_") and NEAR_SATURATION <= u <= 1.0 and not (
            _PERIOD.search(name)  # (a lane's period, ``_era_<k>``: a season, not the run)
        ):
            lane = name.removeprefix("utilisation_")
            out.append(
                f"{lane} averages {u:.0%} utilisation over the replications: near "
                "saturation a queue's waits settle slowly and vary much from run to run, so "
                "its intervals may not hold their long-run value even where no replication "
                "warned; check with a longer warm-up and run (bordersim warmup), or add "
                "capacity there"
            )
    return out


#: the words of a warning that qualifies a run's figures without saying they are not
#: steady-state: a risk engine that missed its target inspection rate (see
#: :func:`sim.model.risk_report.misses`)
TARGET_MISS = "missed its target"


def unsettled(warnings: Iterable[str]) -> bool:
    """Whether any of a run's warnings says its figures are not steady-state (a queue that
    does not settle, goods left in the flow); a risk engine that missed its target is told as
    a warning but does not make a run unstable (its figures are steady, at another rate)."""
    from sim.warning_codes import unsettles  # (by each warning's code, not its words)

    return any(unsettles(w) for w in warnings)


def steady(warnings: Iterable[str], checked: bool) -> bool | None:
    """What is known of a run's steadiness (a comparison's ``steady_state``): False when a
    warning says its figures are not steady-state (:func:`unsettled`), True when none does
    and the rising-wait check ran (``checked``: enough whole weeks observed, see
    :func:`too_short`), None (not known) when none does but the check could not run."""
    if unsettled(warnings):
        return False
    return True if checked else None


def flagged(steady_state: Any) -> bool:
    """Whether a ``steady_state`` value says not steady-state: only a known False does (not
    True, nor a missing value: None, NaN or ``pd.NA``, as read back from a CSV file)."""
    import pandas as pd

    return not pd.isna(steady_state) and not bool(steady_state)
