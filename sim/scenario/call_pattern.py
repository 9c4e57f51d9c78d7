"""A generated vessel call pattern (``arrivals.calls``): a berth plan's weekly slots ("three
mainline calls a week, Monday 06:00, Wednesday 14:00 and Saturday 02:00"), each call
arriving within ``window_h`` hours either side of its slot and bringing a random number of
boxes, turned into import declarations at ``boxes_per_declaration``.

The calls are drawn in the run (``sim/model/call_draws.py``) from a stream of their own, so
ports without a pattern keep every draw; here the pattern is checked, and the port's
``rate`` and ``batch.size`` are replaced by what it comes to on average (its calls a week,
its calls' declarations), so that ``bordersim check --arrivals`` and the run-length hints
read the pattern, as they read a schedule (``sim/scenario/schedule.py``).

A pattern with ``share`` below 1 brings that share of the port's imports (mainline calls);
the rest come as the port's ordinary random calls at ``rate x (1 - share)`` (feeders), on
the port's own stream, merged by time with the pattern's. The written ``rate`` and
``batch.size`` are then kept, and what reads the port's volume sums both
(:func:`with_pattern`).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
from pydantic import Field, field_validator

from sim.scenario import limits
from sim.scenario.base import Extended
from sim.scenario.distributions import number_dist
from sim.scenario.limits import AtField

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_SLOT = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([01]\d|2[0-3]):([0-5]\d)", re.ASCII)
SLOT_ALLOWED = "a weekday and a time of day as 'Mon 06:00' (Mon to Sun, 00:00 to 23:59)"
MAX_SLOTS = 168  #: calls a week one pattern may hold (one an hour)
#: quantiles of the boxes per call that stand for its declarations in ``batch.size``
_QUANTILES = (np.arange(100) + 0.5) / 100


def slot_hour(slot: str) -> float:
    """A slot ('Wed 14:30') as hours after Monday 00:00 (a run's hour 0 is a Monday's)."""
    m = _SLOT.fullmatch(slot)
    if m is None:
        raise ValueError(f"{slot!r} is not a slot; {SLOT_ALLOWED}")
    return DAYS.index(m[1]) * 24 + int(m[2]) + int(m[3]) / 60


class CallPattern(Extended):
    """Vessel calls every week at the berth plan's slots, each within ``window_h`` of its
    slot, with a random number of boxes (docs/vessel-schedule.md); with ``share`` below 1,
    beside the port's random calls at ``rate x (1 - share)``."""

    ADDED: ClassVar[tuple[str, ...]] = ("share",)

    slots: list[str] = Field(
        min_length=1,
        max_length=MAX_SLOTS,
        description="the berth slots of a week, one a call: ['Mon 06:00', 'Wed 14:00', "
        "'Sat 02:00'] (the run's first day is a Monday); the same slot twice is two calls",
    )
    window_h: limits.Real = Field(
        default=0.0,
        ge=0,
        le=84,
        description="hours either side of its slot within which a call arrives, uniformly "
        "(a vessel early or late; 2: from two hours before to two after); 0: on the slot",
    )
    boxes: number_dist(limits.MAX_BATCH_SIZE) = Field(  # type: ignore[valid-type]
        description="import boxes (containers) a call discharges: a distribution, "
        "{ dist = 'triangular', low = 3500, mode = 4000, high = 4500 }",
    )
    boxes_per_declaration: limits.Real = Field(
        gt=0,
        le=1000,
        description="boxes an import declaration covers, which turns a call's boxes into "
        "declarations (rounded, at least 1); about 2.06 in the default scenario "
        "(docs/calibration-default.md)",
    )
    share: limits.Real = Field(
        default=1.0,
        gt=0,
        le=1,
        description="the share of the port's imports the pattern brings (its mainline "
        "calls); the rest come as the port's random calls at rate x (1 - share), with "
        "batch.size, merged by time (feeders). 1: the pattern brings them all and replaces "
        "rate and batch.size; below 1, give rate and batch.size for the random calls",
    )

    @field_validator("slots")
    @classmethod
    def _slots(cls, v: list[str]) -> list[str]:
        for i, slot in enumerate(v):
            if not isinstance(slot, str) or _SLOT.fullmatch(slot) is None:
                raise ValueError(f"slot {i + 1}, {slot!r}, is not allowed; {SLOT_ALLOWED}")
        return v

    def declarations(self, u: np.ndarray) -> np.ndarray:
        """The declarations of calls whose boxes are at quantiles ``u``: boxes over
        ``boxes_per_declaration``, rounded, from 1 to the largest call allowed."""
        boxes = self.boxes.ppf(u)
        n = np.rint(np.asarray(boxes, dtype=float) / self.boxes_per_declaration)
        out: np.ndarray = np.clip(n, 1, limits.MAX_BATCH_SIZE).astype(int)
        return out

    def per_hour(self) -> float:
        """The pattern's declarations an hour on average: its calls a week over 168 hours,
        times a call's declarations (their mean over the quantiles of its boxes)."""
        return len(self.slots) / 168 * float(np.mean(self.declarations(_QUANTILES)))


def with_pattern(arrivals: Any, random: float, hours: float = 1.0) -> float:
    """A port's imports over ``hours`` where ``random`` is what its ``rate`` and
    ``batch.size`` come to over them: unchanged without a pattern or with one of share 1
    (rate and size are then the pattern's); beside a share, the random calls' ``1 - share``
    of it plus the pattern's own declarations."""
    pattern: CallPattern | None = arrivals.calls
    if pattern is None or pattern.share == 1:
        return random
    return random * (1 - pattern.share) + pattern.per_hour() * hours


def fill_from_calls(data: Any) -> Any:
    """An ``arrivals`` table (as written) with ``rate`` and ``batch.size`` replaced by what
    its call pattern comes to; a pattern beside a schedule refused (one without ``batch`` is,
    by :func:`sim.scenario.schedule.check_schedules`)."""
    if not isinstance(data, dict) or data.get("calls") is None:
        return data
    if data.get("schedule") is not None:
        raise AtField("calls", "a call pattern generates the calls and a schedule lists them: "
                      "give one of calls and schedule, not both (to add a few calls to a "
                      "pattern, give them all in the schedule instead)", value=limits.UNSHOWN)
    try:
        pattern = CallPattern.model_validate(data["calls"])
    except ValueError as exc:
        errors = getattr(exc, "errors", None)
        if not errors:
            raise AtField("calls", str(exc)) from None
        first = errors()[0]
        where = ("calls", *(str(p) for p in first["loc"]))
        message = str(first["msg"]).removeprefix("Value error, ")
        raise AtField(where, message, value=first.get("input", limits.NOTHING)) from None
    if pattern.share < 1:  # (the written rate and size: of the random calls beside it)
        if data.get("rate") is None or not isinstance(data.get("batch"), dict) or (
            data["batch"].get("size") is None
        ):
            raise AtField(("calls", "share"), f"a share of {pattern.share:g} leaves the rest "
                          "of the imports to random calls at rate x (1 - share): give "
                          "arrivals.rate and arrivals.batch.size for them (or share = 1)",
                          value=limits.UNSHOWN)
        if _filled(pattern, data):
            raise AtField(("calls", "share"), f"a share of {pattern.share:g} leaves the rest "
                          "of the imports to random calls at rate x (1 - share), but rate and "
                          "batch.size are what the pattern itself came to with a share of 1 "
                          "(filled in for it, as in a resolved scenario): give the random "
                          "calls' own arrivals.rate and arrivals.batch.size with the share",
                          value=limits.UNSHOWN)
        return {**data, "calls": pattern}
    out = {**data, "calls": pattern, "rate": f"{len(pattern.slots)} / 168 h"}
    if isinstance(data.get("batch"), dict):  # (none: refused with the scenario's checks)
        sizes = [float(n) for n in pattern.declarations(_QUANTILES)]
        out["batch"] = {**data["batch"], "size": {"dist": "empirical", "values": sizes}}
    return out


def _filled(pattern: CallPattern, data: dict[str, Any]) -> bool:
    """Whether ``data``'s batch.size (or rate) is what a share of 1 fills in for
    ``pattern`` (a resolved scenario's, then given a share by an option or a patch): random
    calls of the pattern's own sizes, which nobody wrote."""
    rate, size = data.get("rate"), data["batch"].get("size")
    if not isinstance(size, dict) or size.get("dist") != "empirical":
        return False
    values = size.get("values")
    if values == [float(n) for n in pattern.declarations(_QUANTILES)]:
        return True  # (this pattern's sizes)
    # (an earlier pattern's, changed with the share: its rate, and sizes of 100 quantiles)
    return (isinstance(rate, (int, float)) and isinstance(values, list)
            and len(values) == len(_QUANTILES)
            and math.isclose(rate, len(pattern.slots) / 168, rel_tol=1e-12))


def pattern_line(pattern: CallPattern) -> str:
    """Where a pattern's calls come and how big they are (``bordersim check --arrivals``):
    its slots, their window and the range of a call's declarations (1st to 99th
    percentile of its boxes)."""
    low, high = pattern.declarations(np.array([0.01, 0.99])).tolist()
    window = f" within {pattern.window_h:g} h either side" if pattern.window_h else ""
    return (
        f"a call pattern of {len(pattern.slots)} calls a week at {', '.join(pattern.slots)}"
        f"{window}, {low:,} to {high:,} declarations a call (1st to 99th percentile of "
        f"{pattern.boxes.mean:,.0f} boxes on average at {pattern.boxes_per_declaration:g} a "
        "declaration), drawn anew each replication"
        + (f"; {pattern.share:g} of the imports, the rest by random calls at rate x "
           f"{1 - pattern.share:g}" if pattern.share < 1 else "")
    )


def pattern_notes(scenario: Scenario) -> list[str]:
    """A note per port whose call pattern can bring no call in the observed days (a short
    run on days without a slot): they would observe no import arriving there."""
    start = scenario.warmup_days * 24.0
    stop = start + scenario.days * 24.0
    out = []
    for pname, port in scenario.ports.items():
        pattern = port.arrivals.calls
        if pattern is None or pattern.share < 1:  # (below 1: random calls come too)
            continue
        w = pattern.window_h
        first_week, last_week = int((start - w) // 168), int((stop + w) // 168)
        if any(start - w < slot_hour(s) + 168 * k < stop + w
               for s in pattern.slots for k in range(first_week, last_week + 1)):
            continue
        out.append(
            f"ports.{pname}.arrivals.calls has no slot whose call can come in the observed "
            f"days (hours {start:g} to {stop:g}, the warm-up's first day Monday 00:00): "
            f"{pname} observes no import arriving; lengthen days, or add a slot in them"
        )
    return out


def check_berths(scenario: Scenario) -> None:
    """Raise :class:`AtField` at a call pattern two of whose calls can unload at once while
    ``arrivals.batch.positions`` is not given: each would unload at the full
    ``discharge_rate``, as if the port had a berth and cranes for each, unsaid. Two slots
    clash when the later can come (``window_h`` early) before the earlier's call, come
    ``window_h`` late, has discharged its average boxes (the same slot twice, and slots
    across the week's end, included)."""
    for pname, port in scenario.ports.items():
        pattern, batch = port.arrivals.calls, port.arrivals.batch
        if pattern is None or batch is None or batch.positions is not None:
            continue
        hours = sorted((slot_hour(s), f"'{s}'") for s in pattern.slots)
        unload = pattern.boxes.mean / batch.discharge_rate
        need = unload + 2 * pattern.window_h
        after = [*hours[1:], (hours[0][0] + 168, f"{hours[0][1]} of the next week")]
        for (t, early), (u, late) in zip(hours, after, strict=True):
            if u - t >= need:
                continue
            raise AtField(
                ("ports", pname, "arrivals", "calls", "slots"),
                f"the calls of slots {early} and {late}, {u - t:g} h apart, can unload "
                f"at once: a call takes {unload:.3g} h to discharge "
                f"({pattern.boxes.mean:,.0f} boxes on average at {batch.discharge_rate:g} an "
                f"hour) and comes up to {pattern.window_h:g} h either side of its slot, and "
                "without arrivals.batch.positions each would unload at the full "
                "discharge_rate, as if the port had a berth for each; give "
                "arrivals.batch.positions (the berths: a call that finds them all taken waits, "
                f"in order of arrival), or put the slots at least {need:.3g} h apart",
                value=limits.UNSHOWN,
            )
