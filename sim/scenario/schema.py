"""The typed scenario: what a scenario file may say, checked on load.

Every section mirrors a step of the clearance flow (DESIGN.md section 2). Times are held in
hours and rates per hour; the file writes them with units (``"15 min"``, ``"20/h"``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import (
    BeforeValidator,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from sim.scenario import limits
from sim.scenario.advance_window import check_advance_window
from sim.scenario.after_release import AfterRelease
from sim.scenario.approach import Approach, check_approach
from sim.scenario.base import ANY, CHECKS, LABEL_ZH, TRADER_CLASSES, ByDirection, Extended, Strict
from sim.scenario.base import DIRECTIONS as DIRECTIONS
from sim.scenario.base import ILLICIT as ILLICIT
from sim.scenario.base import MODES as MODES
from sim.scenario.bonded import BondedZone, check_bonded
from sim.scenario.call_departures import fill_departures
from sim.scenario.call_pattern import CallPattern, check_berths, fill_from_calls, with_pattern
from sim.scenario.capacity_windows import CapacityWindow, check_capacity_windows
from sim.scenario.costs import CostsField
from sim.scenario.dated_arrivals import MAX_WINDOWS, DatedFactor, check_apart
from sim.scenario.disposal import Disposal
from sim.scenario.distributions import Duration, DurationDist, fixed, hours, number_dist
from sim.scenario.enforcement import Enforcement
from sim.scenario.export_selection import check_export_tables, export_table, imports_mix
from sim.scenario.holds import Hold, check_holds
from sim.scenario.idling import Idling, check_idling
from sim.scenario.lanes import Lane as Lane
from sim.scenario.lanes import ServiceLane as ServiceLane
from sim.scenario.limits import (
    UNSHOWN,
    AtField,
    Flag,
    Probability,
    Real,
    Weight,
)
from sim.scenario.low_value import LowValue, check_low_value
from sim.scenario.orders import ControlOrder, check_orders, join_orders, split_orders
from sim.scenario.organisation import OrganisationSpec
from sim.scenario.port_names import clash_problem, name_problem
from sim.scenario.returns import Returns
from sim.scenario.risk import RiskField
from sim.scenario.schedule import Schedule, check_filled, check_schedules, fill_from_schedule
from sim.scenario.smuggling import Smuggling
from sim.scenario.surge_window import check_surge_windows
from sim.scenario.timeline import Dated, RunTime, run_time_problem
from sim.scenario.transit import Transit
from sim.scenario.units import UnitError, in_canonical_units, parse_clock, parse_rate
from sim.scenario.within import MAX_TARGETS, TargetHours, duplicate_problem


def _rate(v: Any) -> float:
    try:
        return parse_rate(v)
    except UnitError as exc:
        raise ValueError(str(exc)) from None


def _bounded_rate(low: float, high: float, zero: bool = True) -> Callable[[Any], float]:
    """A rate validator: 0 (when ``zero``) or between ``low`` and ``high`` per hour."""

    def check(v: Any) -> float:
        rate = _rate(v)
        if (rate == 0 and zero) or low <= rate <= high:
            return rate
        lo = "0" if zero else f"{low * 24:g}/d"
        raise ValueError(f"out of range: allowed {lo} to {high * 24:,.0f}/d; got {v!r}")

    return check


_clock = limits.clock


Rate = Annotated[float, BeforeValidator(_rate)]
ArrivalRate = Annotated[float, BeforeValidator(_bounded_rate(0, limits.MAX_ARRIVAL_RATE_H))]
DischargeRate = Annotated[
    float,
    BeforeValidator(
        _bounded_rate(limits.MIN_DISCHARGE_RATE_H, limits.MAX_DISCHARGE_RATE_H, zero=False)
    ),
]
Clock = limits.Clock


def _shares(
    values: dict[str, float], allowed: tuple[str, ...] | None, what: str
) -> dict[str, float]:
    if allowed is not None:
        for k in values:
            if k not in allowed:
                raise AtField(k, f"unknown {what} {k!r}; allowed: {', '.join(allowed)}")
    for k, v in values.items():
        if not 0 <= v <= 1:
            raise AtField(k, f"share of {what} {k!r} must be in [0, 1]; got {v}")
    total = sum(values.values())
    if abs(total - 1) > 1e-6:
        raise ValueError(f"shares of {what} must add up to 1; they add up to {total:g}")
    return values


class Commodity(Extended):
    """A commodity group: its quarantine treatment, laboratory test and statutory share
    (what checks find in it is the ``enforcement`` section's)."""

    ADDED: ClassVar[tuple[str, ...]] = ("spoils_after", "label_zh", "disposal")

    label: str = ""
    label_zh: str = Field(default="", description=LABEL_ZH)
    hs: str = Field(default="", description="HS chapters, for the reader")
    quarantine_treat: Probability = Field(
        default=0.0,
        description="share of quarantine-checked consignments treated (fumigation, heat) and "
        "then released (what a check finds is the enforcement section's)",
    )
    lab_test: str = Field(
        default="standard",
        description="the laboratory test its samples need: 'standard' (the lab's incubation) "
        "or a name in the port's quarantine.lab.tests",
    )
    statutory: Probability = Field(
        default=1.0,
        description="share of this group's declarations subject to statutory inspection "
        "(inspection & quarantine); only they may be selected for a quarantine check and, "
        "with separate declarations, need the second declaration and the clearance form",
    )
    spoils_after: Duration | None = Field(
        default=None,
        description="perishable goods: hours from the arrival of the aircraft, vessel or "
        "truck to the goods leaving the port (an import's exit, an export's loading) past "
        "which a consignment is counted spoiled (its cold chain or shelf life broken); adds "
        "spoiled_share_ and perishable_h_mean_ metrics per port and direction "
        "(docs/air-cargo.md); none: not counted",
    )
    disposal: Disposal | None = Field(
        default=None,
        description="how its rejected goods leave: kind ('return' or 'destruction') and "
        "time, during which the box stays in the yard (docs/laboratory.md); none: the "
        "return or destruction takes no time and holds no yard space",
    )

    @field_validator("spoils_after")
    @classmethod
    def _spoils_positive(cls, v: float | None) -> float | None:
        if v is not None and not v > 0:
            raise ValueError(f"expected a duration above 0 (e.g. \"24 h\"); got {v:g} h")
        return v


class Batch(Strict):
    """Vessels or trains: a call brings many declarations, discharged by cranes."""

    size: number_dist(limits.MAX_BATCH_SIZE) = Field(  # type: ignore[valid-type]
        description="declarations per call"
    )
    discharge_rate: DischargeRate = Field(description="containers discharged per hour, all cranes")
    positions: Annotated[
        int, BeforeValidator(limits.whole), Field(ge=1, le=limits.MAX_SERVERS)
    ] | None = Field(
        None,
        description="calls discharged at the same time (a terminal's berths, a rail yard's "
        "transshipment tracks), each at discharge_rate; a call that arrives when all are taken "
        "waits for the first to free, in order of arrival (docs/rail-crossing.md); none: every "
        "call at once, whatever the others",
    )

    @model_validator(mode="after")
    def _positive(self) -> Batch:
        if self.size.mean <= 0:
            raise AtField("size", "a call must bring at least one declaration on average")
        return self


#: a profile's length and what it holds, by field
PROFILE_SIZES = {
    "hourly": (24, "24 weights"),
    "weekly": (7, "7 weights (Monday first)"),
    "monthly": (12, "12 weights (January first)"),
    "hour_of_week": (168, "168 weights (Monday 00:00 first)"),
}
#: days in each month of a year of 365 days
MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class Arrivals(Extended):
    """Poisson arrivals with an hour-of-day, day-of-week and (optional) month-of-year profile,
    and (optional) dated factors on days of the calendar.

    ``rate`` counts declarations, or vessel/train calls when ``batch`` is given. The profiles
    are relative weights, multiplied together and rescaled so that ``rate`` stays the weekly
    average (and, with ``monthly``, the average over a year of 365 days); ``hour_of_week``
    gives a week whose days differ in shape. A ``schedule`` gives vessel or train calls at
    fixed times instead (the profiles then shape nothing).
    """

    ADDED: ClassVar[tuple[str, ...]] = ("dated", "calls")

    rate: ArrivalRate
    hourly: list[Weight] = Field(default_factory=lambda: [1.0] * 24)
    weekly: list[Weight] = Field(default_factory=lambda: [1.0] * 7)
    hour_of_week: list[Weight] | None = Field(
        default=None,
        description="168 relative weights, Monday 00:00 first: a week whose days differ in "
        "shape (a Saturday busy in the morning only), which hourly x weekly cannot give; "
        "multiplied by hourly and weekly, best left out beside it. `bordersim fit-arrivals "
        "--hour-of-week` fits it to observed arrivals",
    )
    monthly: list[Weight] | None = Field(
        default=None,
        description="12 relative weights, January first: the season (a Lunar New Year lull, "
        "the peak before Christmas). Needs the scenario's start_date to place the months; "
        "rescaled so that rate stays the average over a year of 365 days",
    )
    dated: list[DatedFactor] = Field(
        default_factory=list,
        max_length=MAX_WINDOWS,
        description="windows of dates whose rate is a multiple of the profiles': [{from = "
        "'2026-02-02', to = '2026-02-15', factor = 1.33, note = 'rush before the Spring "
        "Festival'}]; from and to (YYYY-MM-DD) are included, factor >= 0 multiplies every "
        "hour of those days on top of hourly, weekly and monthly (not rescaled: a rush adds "
        "declarations). Needs start_date; windows share no day; one outside the run changes "
        "nothing (docs/office-hours.md)",
    )
    batch: Batch | None = None
    schedule: Schedule | None = Field(
        default=None,
        description="vessel or train calls at fixed times instead of random ones: a CSV "
        "('calls.csv', its path relative to the scenario file; columns hours, from the run's "
        "start, and declarations, others left alone) or {hours = [...], declarations = [...]}. "
        "rate and batch.size are then replaced by what the schedule comes to (no need to write "
        "them); every declaration's draws stay random (docs/vessel-schedule.md)",
    )
    calls: CallPattern | None = Field(
        default=None,
        description="vessel calls generated every week instead of random ones: {slots = "
        "['Mon 06:00', 'Wed 14:00'], window_h = 2, boxes = {dist = ...}, "
        "boxes_per_declaration = 2.06}, drawn from a stream of their own; rate and batch.size "
        "are then replaced by what the pattern comes to, unless its share is below 1 (the "
        "rest then come as random calls at rate x (1 - share); docs/vessel-schedule.md)",
    )
    extra: Real = Field(
        default=0.0,
        ge=0,
        le=20,
        description="added arrivals (a surge) as a multiple of rate, from streams of their own: "
        "the other consignments keep their draws; 0 written switches off a surge that "
        "extra_from and extra_for place (an option or --set without the peak)",
    )
    extra_from: RunTime | None = Field(
        default=None,
        description="when the surge starts, a time after the run's start, the warm-up's first "
        "day ('24 d'); none: from the start. A peak of a few days (Singles' Day) is extra_from "
        "with extra_for; checked to fall in the observed days",
    )
    extra_for: RunTime | None = Field(
        default=None,
        description="how long the surge lasts ('2 d'), from extra_from; none: until arrivals stop, "
        "at the observed days' end",
    )

    @model_validator(mode="before")
    @classmethod
    def _scheduled(cls, data: Any, info: Any) -> Any:
        return fill_from_schedule(fill_from_calls(data), info)

    @field_validator("hourly", "weekly", "monthly", "hour_of_week")
    @classmethod
    def _profile(cls, v: list[float] | None, info: Any) -> list[float] | None:
        if v is None:
            return v
        n, what = PROFILE_SIZES[info.field_name]
        if len(v) != n:
            raise ValueError(f"{info.field_name} needs {what}; got {len(v)}")
        if sum(v) <= 0:
            raise ValueError("an arrival profile needs at least one positive weight")
        return v

    @model_validator(mode="after")
    def _some_hour(self) -> Arrivals:
        """Profiles that are each positive somewhere can still meet nowhere."""
        if self.hour_of_week is not None and not any(
            w * h * k > 0 for (w, h), k in zip(
                ((w, h) for w in self.weekly for h in self.hourly), self.hour_of_week,
                strict=True)
        ):
            raise ValueError("hour_of_week x weekly x hourly is 0 in every hour of the week: "
                             "no arrival could come")
        return self

    @model_validator(mode="after")
    def _dated_apart(self) -> Arrivals:
        check_apart(self.dated)
        return self

    @model_validator(mode="after")
    def _schedule_fits(self) -> Arrivals:
        check_filled(self)
        return self

    @model_validator(mode="after")
    def _positions_alone(self) -> Arrivals:
        """Added calls come from a stream of their own, out of order with the others: they
        cannot queue for the same positions."""
        if self.extra > 0 and self.batch is not None and self.batch.positions is not None:
            raise AtField("extra", f"{self.extra:g}: added calls (extra) cannot queue for "
                          "batch.positions; set extra to 0 or leave positions out")
        return self

    def surge_window(self) -> tuple[float, float]:
        """The hours (start, end) after the run's start in which a surge's added arrivals
        come: the whole run (0, inf) unless ``extra_from`` or ``extra_for`` bound it."""
        start = self.extra_from or 0.0
        end = start + self.extra_for if self.extra_for is not None else float("inf")
        return start, end

    def month_factors(self) -> list[float]:
        """Each month's multiple of ``rate`` (January first): 1 for all without ``monthly``."""
        if self.monthly is None:
            return [1.0] * 12
        mean = sum(w * d for w, d in zip(self.monthly, MONTH_DAYS, strict=True)) / 365
        return [w / mean for w in self.monthly]

    def weekly_rates(self) -> list[float]:
        """Arrival rate (per hour) in each of the 168 hours of the week."""
        raw = [w * h for w in self.weekly for h in self.hourly]
        if self.hour_of_week is not None:
            raw = [r * k for r, k in zip(raw, self.hour_of_week, strict=True)]
        scale = self.rate * 168 / sum(raw)
        return [r * scale for r in raw]


def _whole_boxes(d: Any) -> Any:
    """A declaration covers at least one container: a count written below 1 would
    otherwise be drawn as 1, silently."""
    written = [("value", getattr(d, "value", None)), ("low", getattr(d, "low", None))]
    written += [("a value", v) for v in getattr(d, "values", None) or []]
    written += [("mean", d.mean)]
    for name, v in written:
        if v is not None and v < 1:
            raise ValueError(
                f"containers per declaration: at least 1 (a declaration covers at least "
                f"one container); got {name} {v:g}"
            )
    return d


class Traffic(Strict):
    """What arrives: commodity groups, trader credit classes, value, origin, containers."""

    commodities: dict[str, Probability]
    trader_classes: dict[str, Probability] = Field(
        description="share of declarations by credit class. A consignment's class is where "
        "its own uniform falls among the cumulative shares, in the order aeo_advanced, "
        "aeo_general, general, discredited: a change to one share given here alone moves the "
        "boundaries of the classes after it too (raising aeo_advanced at general's expense "
        "relabels aeo_general consignments as well), so such an option compares other "
        "consignments per class; who gains and who loses groups a relabelled one by its "
        "change of class. With behaviour_classes (the mix before the change, as "
        "aeo_mutual_recognition gives it), only the classes that shrink lose traders, to "
        "the classes that grow, and no one else moves"
    )
    behaviour_classes: dict[str, Probability] | None = Field(
        default=None,
        description="the class mix by which a consignment's hidden truth is drawn (its "
        "trader's behaviour: enforcement.by_class), from the same draw as its declared class; "
        "default: trader_classes. A reform that certifies traders (aeo_mutual_recognition) "
        "keeps the mix before it here, so certified traders trade as they did and the "
        "baseline's illicit goods stay the same consignments. The declared class is then "
        "the behaviour's, moved only as far as the two mixes differ: a class that grows "
        "keeps all its traders, one that shrinks keeps the share new / old of them (by where "
        "its draw falls in its class), and the rest go to the classes that grow",
    )
    value: number_dist(limits.MAX_VALUE) = Field(  # type: ignore[valid-type]
        description="customs value per declaration, in the scenario's currency "
        "(costs.currency; USD without [costs])"
    )
    origins: dict[str, Probability] = Field(default_factory=lambda: {"unspecified": 1.0})
    containers: number_dist(limits.MAX_CONTAINERS) = Field(  # type: ignore[valid-type]
        default=fixed(1, "number", limits.MAX_CONTAINERS),
        validate_default=False,
        description="containers per declaration (sea/rail), at least 1: a fixed value, a "
        "uniform or triangular low, empirical values and a mean below 1 are refused; draws "
        "are rounded to the nearest whole number, and one below 1 (from a lognormal, gamma or "
        "exponential's lower tail) counts as 1",
    )

    @field_validator("containers")
    @classmethod
    def _one_or_more(cls, d: Any) -> Any:
        return _whole_boxes(d)

    @field_validator("commodities", "trader_classes", "behaviour_classes", "origins")
    @classmethod
    def _mixes(cls, v: dict[str, float] | None, info: Any) -> dict[str, float] | None:
        if v is None:
            return v
        if info.field_name in ("trader_classes", "behaviour_classes"):
            return _shares(v, TRADER_CLASSES, "trader class")
        return _shares(v, None, info.field_name.rstrip("s").replace("commoditie", "commodity"))


class ExportTraffic(Strict):
    """What a port's exports carry where it differs from its imports: a field left out is
    the imports' (``traffic``). Origins stay the port's (the codes a risk engine and
    smugglers read are per port). Without the table the exports carry the imports' goods
    (a sea port's frozen meat and plants, their quarantine checks), and a note says so; an
    empty table keeps the imports' mix on purpose."""

    commodities: dict[str, Probability] | None = Field(
        default=None, description="exports' commodity shares (default: the port's traffic's)"
    )
    trader_classes: dict[str, Probability] | None = Field(
        default=None, description="exports' shares by credit class (default: the port's)"
    )
    behaviour_classes: dict[str, Probability] | None = Field(
        default=None,
        description="exports' class mix for their hidden truth (default: the port's; see "
        "traffic.behaviour_classes)",
    )
    value: number_dist(limits.MAX_VALUE) | None = Field(  # type: ignore[valid-type]
        default=None,
        description="customs value per export declaration, in the scenario's currency "
        "(default: the port's)",
    )
    containers: number_dist(limits.MAX_CONTAINERS) | None = Field(  # type: ignore[valid-type]
        default=None, description="containers per export declaration (default: the port's)"
    )

    @field_validator("commodities", "trader_classes", "behaviour_classes")
    @classmethod
    def _mixes(cls, v: dict[str, float] | None, info: Any) -> dict[str, float] | None:
        if v is None:
            return v
        if info.field_name in ("trader_classes", "behaviour_classes"):
            return _shares(v, TRADER_CLASSES, "trader class")
        return _shares(v, None, "commodity")

    @field_validator("containers")
    @classmethod
    def _one_or_more(cls, d: Any) -> Any:
        return d if d is None else _whole_boxes(d)

    def over(self, imports: Traffic) -> Traffic:
        """The exports' traffic: these fields over the imports' ``imports``."""
        given = {k: getattr(self, k) for k in type(self).model_fields}
        return imports.model_copy(update={k: v for k, v in given.items() if v is not None})


def _traffics(pname: str, port: Port) -> list[tuple[str, Traffic]]:
    """A port's traffic, and its exports' where they have their own (with their paths)."""
    out = [(f"ports.{pname}.traffic", port.traffic)]
    if port.exports is not None and port.exports.traffic is not None:
        out.append((f"ports.{pname}.exports.traffic", port.export_traffic))
    return out


class PortDeclaration(Strict):
    """How traders at this port lodge declarations."""

    advance_share: ByDirection = Field(description="share lodged before arrival")
    advance_lead: DurationDist = Field(
        description="how long before arrival, when in advance (never more than "
        "declaration.advance_max: longer draws are cut to it; a lead whose median is beyond "
        "it is an error)"
    )
    lodging_delay: DurationDist = Field(description="trader's time to lodge after arrival")
    assess: Duration = Field(default=0.0, description="risk assessment after acceptance")


class ImageReview(Extended):
    """Who reads the scan image: AI first where available, officers for the rest."""

    ADDED: ClassVar[tuple[str, ...]] = ("ai_auc",)

    ai_share: Probability = Field(default=0.0, description="share of images read by AI first")
    ai_clear: Probability = Field(default=0.0, description="share of AI-read images cleared")
    ai_time: Duration = Field(default=hours("3 s"), validate_default=False)
    officers: ServiceLane
    refer: Probability = Field(description="share of officer-read images sent to physical exam")
    pool: str = Field(
        default="",
        pattern=r"^([A-Za-z][A-Za-z0-9_]{0,63})?$",
        description="a review centre shared with other ports ('' = this port's own officers): "
        "the officers of every port in the pool are one lane, their headcounts added",
    )
    ai_auc: Real | None = Field(
        default=None,
        ge=0.5,
        le=0.9999,
        description="this port's AI separates images that show something, 0.5 to 0.9999 (none: "
        "enforcement.detection.ai_auc, the scenario's, applies)",
    )


class Scan(Strict):
    """Non-intrusive inspection (H986 scanners) and image review."""

    scanners: ServiceLane
    image_review: ImageReview


class Slots(Strict):
    """Daytime appointment slots for physical examinations."""

    day_start: Clock = Field(default=parse_clock("08:00"), validate_default=False)
    day_end: Clock = Field(default=parse_clock("17:00"), validate_default=False)
    every: Duration = Field(default=hours("1 h"), validate_default=False)
    weekdays: list[Annotated[int, BeforeValidator(limits.whole), Field(ge=1, le=7)]] = Field(
        default_factory=lambda: [1, 2, 3, 4, 5, 6, 7], max_length=7
    )
    capacity: limits.SlotCapacity = Field(
        default="unlimited",
        description="examinations one slot can take (with every = 0 h: one day's window); "
        "a booking goes to the first slot with room",
    )

    @field_validator("every")
    @classmethod
    def _every(cls, v: float) -> float:
        if v != 0 and not limits.MIN_SLOT_EVERY_H <= v <= limits.MAX_SLOT_EVERY_H:
            raise ValueError("out of range: 0 (no slots) or from 1 min to 1 d")
        return v

    @model_validator(mode="after")
    def _window(self) -> Slots:
        if self.day_end <= self.day_start:
            raise ValueError("day_end must be after day_start")
        if not self.weekdays:
            raise ValueError("weekdays needs at least one day (1 = Monday .. 7 = Sunday)")
        return self


class Attendance(Strict):
    """Whether the trader (or its broker) must attend the examination, and when they come."""

    share: Probability = Field(default=0.0, description="share of examinations attended")
    delay: DurationDist = Field(
        default=fixed("0 h"),
        validate_default=False,
        description="from the booking to the trader's arrival at the yard",
    )


class Exam(Strict):
    """Physical examination in the exam yard: a mover brings the boxes to a bay and leaves,
    the bay and an exam team are held for the examination, a mover takes the boxes back. All
    of one declaration: its containers are examined one after another at one bay, and the
    moves and the examination take longer the more containers it has."""

    bays: Lane = Field(
        description="exam bays; one is held per declaration (its boxes examined one after "
        "another), not per container, from the move in to the move out"
    )
    teams: Lane = Field(description="customs exam teams; one per examination")
    movers: Lane = Field(
        description="movers (reach stackers); one per move, in and out, of a declaration's boxes"
    )
    move: DurationDist = Field(
        description="moving one container between yard and bay (a declaration's move: its "
        "containers' total)"
    )
    duration: DurationDist = Field(
        description="the customs examination of one container (a declaration's: its "
        "containers' total, at one bay)"
    )
    booking_lead: Duration = 0.0
    slots: Slots = Field(default_factory=Slots)
    trader_attendance: Attendance = Field(default_factory=Attendance)
    aeo_priority: Flag = Field(
        default=False, description="AEO traders' examinations go first in the yard's queues"
    )
    aeo_premises: Probability = Field(
        default=0.0,
        description="share of AEO examinations done at the trader's premises (no bay, no mover)",
    )


class Lab(Strict):
    """A laboratory that runs samples in batches at fixed cut-off times."""

    batch_size: Annotated[int, BeforeValidator(limits.whole)] = Field(ge=1, le=limits.MAX_LAB_BATCH)
    cutoffs: list[Clock] = Field(min_length=1, max_length=1440)
    incubation: DurationDist = Field(description="turnaround of the 'standard' test")
    tests: dict[str, DurationDist] = Field(
        default_factory=dict,
        description="turnaround of other tests by name (e.g. PCR about a day, culture-based "
        "tests several days); each test runs its own batches",
    )

    @field_validator("cutoffs")
    @classmethod
    def _once(cls, v: list[float]) -> list[float]:
        """Each cut-off once: a repeated one would be a second batch at the same time."""
        seen: set[float] = set()
        for h in v:
            if h % 24 in seen:
                m = round(h % 24 * 60)
                same = " (24:00 is 00:00)" if m == 0 and 24.0 in v else ""
                raise ValueError(
                    f"{m // 60:02d}:{m % 60:02d} given twice{same}; give each cut-off once"
                )
            seen.add(h % 24)
        return v


class ColdChain(Strict):
    """Imported cold-chain measures (China 2020-22, docs/cold-chain-mandate.md): every
    covered import a quarantine check sees is swab-sampled and disinfected, box by box, by
    teams of its own, then held in a centralised supervision warehouse until its
    nucleic-acid result is back and its release papers issued. Off unless given."""

    commodities: list[str] = Field(
        min_length=1,
        description="commodities covered (imports only), e.g. ['frozen']; each must be one "
        "of the scenario's commodities",
    )
    teams: Lane = Field(description="sampling and disinfection teams (servers)")
    disinfect: DurationDist = Field(
        description="one team's time per container: swabs for the nucleic-acid test and "
        "disinfection of the box and the outer packaging",
    )
    test: DurationDist = Field(
        description="nucleic-acid test: from sampling to the result, the goods held in the "
        "supervision warehouse meanwhile",
    )
    warehouse: Lane = Field(
        description="places in the centralised supervision warehouse (consignments held at "
        "once; 'unlimited': no queue for a place)",
    )
    release: DurationDist = Field(
        default=fixed("0 h"),
        validate_default=False,
        description="after a negative result: the disinfection certificate, traceability "
        "record and the goods taken out of the warehouse",
    )


class Quarantine(Extended):
    """Quarantine: on-site check by quarantine officers, sampling and the laboratory."""

    ADDED: ClassVar[tuple[str, ...]] = ("cold_chain", "disposal_facility")

    officers: Lane
    check: DurationDist
    sample_share: Probability = 0.0
    lab: Lab | None = None
    treatment: DurationDist = Field(
        default=fixed("0 h"),
        validate_default=False,
        description="treatment of goods that need it (fumigation, heat treatment) before release",
    )
    clearance_form: DurationDist = Field(
        default=fixed("0 h"),
        validate_default=False,
        description="separate mode: issuing the quarantine clearance form",
    )
    cold_chain: ColdChain | None = Field(
        default=None,
        description="imported cold-chain testing, disinfection and supervision-warehouse "
        "hold (2020-22); none: no such measures",
    )
    disposal_facility: Lane | None = Field(
        default=None,
        description="places at the licensed facility that destroys or treats rejected goods "
        "under quarantine's supervision (disposals at once): a rejected lot whose "
        "commodity's disposal has work queues for a place from its rejection and holds it "
        "that long, its box on the ground for the wait too (docs/laboratory.md); none: a "
        "disposal holds no capacity",
    )


class Direct(Strict):
    """Ship-side pick-up (``release.direct``) or direct loading (``exports.loading.direct``):
    a share of declarations whose traders signed up; those whose goods are not inspected (no
    scan, physical or quarantine exam) use it, the others go the usual way."""

    share: Probability = Field(
        description="share of declarations signed up (eligible and using it)"
    )
    time: Duration = Field(
        description="a direct user's pick-up time; for loading, the lead it needs before a "
        "departure (or, without a schedule, its time from release to loading)"
    )

    @field_validator("time")
    @classmethod
    def _within_a_week(cls, v: float) -> float:
        if not 0 <= v < 168:
            raise ValueError(f"time must be at least 0 and under a week; got {v:g} h")
        return v


class Release(Strict):
    """After customs release: the trader's pick-up and the exit gate."""

    pickup: DurationDist
    gate: ServiceLane | None = None
    direct: Direct | None = Field(
        default=None,
        description="ship-side pick-up: signed-up, uninspected goods collected in `time`",
    )


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _week_times(v: Any) -> list[float]:
    """Departures in the week: ``"Mon 18:00"`` (that day) or ``"18:00"`` (every day), as hours
    after Monday 00:00, sorted."""
    if not isinstance(v, list) or not v:
        raise ValueError(
            "departures needs at least one time, e.g. ['Tue 18:00', 'Fri 06:00'] or ['18:00']"
        )
    out: list[float] = []
    for item in v:
        if isinstance(item, int | float) and not isinstance(item, bool) and 0 <= item < 168:
            if in_canonical_units():  # a resolved scenario's hours after Monday 00:00
                out.append(float(item))
                continue
        text = item.strip() if isinstance(item, str) else item
        parts = text.split() if isinstance(text, str) else []
        if len(parts) == 2 and parts[0].lower()[:3] in WEEKDAYS:
            days = [WEEKDAYS.index(parts[0].lower()[:3])]
            clock = parts[1]
        elif len(parts) == 1:
            days, clock = list(range(7)), parts[0]
        else:
            raise ValueError(
                f"a departure is written 'Mon 18:00' (that day) or '18:00' (every day); "
                f"got {item!r}"
            )
        h = _clock(clock)
        if h >= 24:
            raise ValueError(f"a departure time must be before 24:00; got {item!r}")
        again = [24.0 * d + h for d in days if 24.0 * d + h in out]
        if again:
            raise ValueError(
                f"{item!r} repeats a departure already given ({_week_time(again[0])}); "
                "give each departure once"
            )
        out.extend(24.0 * d + h for d in days)
    return sorted(out)


def _week_time(hours: float) -> str:
    """Hours after Monday 00:00 as written in a scenario (``"Tue 18:00"``)."""
    day, h = divmod(round(hours * 60), 24 * 60)
    return f"{WEEKDAYS[day].title()} {h // 60:02d}:{h % 60:02d}"


WeekTimes = Annotated[list[float], BeforeValidator(_week_times)]


class Loading(Extended):
    """When a released export leaves: on the next vessel or flight whose cut-off it makes
    (``departures`` in the week and the ``cutoff`` lead before each), or after a
    ``delay`` (a land crossing: the truck drives on and crosses). With ``from_calls``, the
    departures are made from the port's weekly call pattern (docs/vessel-schedule.md)."""

    ADDED: ClassVar[tuple[str, ...]] = ("from_calls",)

    departures: WeekTimes | None = Field(
        default=None, description="departures in the week: 'Mon 18:00', or '18:00' every day"
    )
    cutoff: Duration = Field(
        default=0.0, description="how long before a departure the goods must be released"
    )
    from_calls: bool = Field(
        default=False,
        strict=True,
        description="true: a departure at each slot of the port's call pattern "
        "(arrivals.calls), at the end of its window (the slot plus window_h), instead of "
        "departures written here; cutoff before each (docs/vessel-schedule.md)",
    )
    delay: DurationDist | None = Field(
        default=None, description="time from release to loading/crossing, without a schedule"
    )
    direct: Direct | None = Field(
        default=None,
        description="direct loading: signed-up, uninspected goods need only `time` of lead",
    )

    @model_validator(mode="after")
    def _one_way(self) -> Loading:
        if self.from_calls and self.departures is None and self.delay is None:
            return self  # (no pattern to make them from: its error is told at the port)
        if (self.departures is None) == (self.delay is None):
            raise ValueError(
                "give either 'departures' (with 'cutoff') or 'delay', exactly one of them"
            )
        if self.delay is not None and self.cutoff:
            raise ValueError("'cutoff' goes with 'departures', not with 'delay'")
        if not 0 <= self.cutoff < 168:
            raise ValueError(f"cutoff must be at least 0 and under a week; got {self.cutoff:g} h")
        return self

    def cutoffs(self, lead: float | None = None) -> list[float]:
        """The cut-off times in the week (hours after Monday 00:00), sorted (``lead``: another
        lead than ``cutoff``, a direct user's)."""
        assert self.departures is not None
        lead = self.cutoff if lead is None else lead
        return sorted({(d - lead) % 168.0 for d in self.departures})


class Exports(Extended):
    """Exports: their own flow. The goods arrive at the terminal, crossing or airport by
    truck (the arrival report), are declared (often before arrival), checked and released,
    then wait for loading. No vessel batch, no discharge, no pick-up."""

    ADDED: ClassVar[tuple[str, ...]] = ("selection",)

    arrivals: Arrivals = Field(description="trucks (declarations) arriving; no batch")
    advance_share: Probability | None = Field(
        default=None,
        description="share declared before arrival (default: the port's advance_share.export)",
    )
    advance_lead: DurationDist | None = Field(
        default=None,
        description="how long before arrival, when in advance (capped at "
        "declaration.advance_max, a median beyond it an error; default: the port's "
        "advance_lead)",
    )
    lodging_delay: DurationDist | None = Field(
        default=None, description="exporter's time to lodge after arrival (default: the port's)"
    )
    traffic: ExportTraffic | None = Field(
        default=None,
        description="what exports carry, where it differs from the port's imports (their "
        "commodities, credit classes, value, containers; default: the port's traffic, with "
        "a note; an empty table keeps the port's traffic on purpose)",
    )
    loading: Loading
    selection: dict[str, dict[str, dict[str, Probability]]] = Field(
        default_factory=dict,
        description="selection tables of this port's exports, by check; a check listed here "
        "replaces, for exports only, every other table of the check (the port's and the "
        "national ones); docs/exports.md",
    )

    @model_validator(mode="after")
    def _trucks(self) -> Exports:
        if self.arrivals.batch is not None:
            raise ValueError(
                "exports arrive by truck, one declaration at a time: remove arrivals.batch"
            )
        return self


def expected_per_hour(
    port: Port, start: dt.date | None = None, days: float = 0.0
) -> tuple[float, float]:
    """A port's mean imports and exports (consignments) an hour, surges left out; with the
    run's ``start`` and arriving ``days``, times the mean of their month and dated factors."""
    from sim.scenario.dated_arrivals import mean_factor

    imports = port.arrivals.rate * mean_factor(port.arrivals, start, days)
    if port.arrivals.batch is not None:
        imports *= port.arrivals.batch.size.mean
    imports = with_pattern(port.arrivals, imports)  # (a call pattern's share: its own)
    if port.exports is None:
        return imports, 0.0
    return imports, port.exports.arrivals.rate * mean_factor(port.exports.arrivals, start, days)


class Port(Extended):
    """A port of entry and the lanes it runs. ``arrivals`` are imports; ``exports`` (when
    given) are a flow of their own."""

    ADDED: ClassVar[tuple[str, ...]] = ("transit", "label_zh", "duty_payment", "green_lane",
                                        "approach", "bonded_zone", "low_value")

    label: str = ""
    label_zh: str = Field(default="", description=LABEL_ZH)
    mode: Literal["sea", "land", "air", "rail", "post"]
    arrivals: Arrivals
    traffic: Traffic
    declaration: PortDeclaration
    review: ServiceLane | None = None
    document_check: ServiceLane | None = None
    scan: Scan | None = None
    exam: Exam | None = None
    quarantine: Quarantine | None = None
    release: Release
    selection: dict[str, dict[str, dict[str, Probability]]] = Field(
        default_factory=dict,
        description="selection tables of this port, by check; a check listed here replaces "
        "the national table at this port (e.g. near-total scanning of parcels)",
    )
    exports: Exports | None = None
    transit: Transit | None = Field(
        default=None,
        description="imports that arrive in transit (转关) from an entry port and are cleared "
        "here; none: every import is cleared where it arrives",
    )
    duty_payment: DurationDist | None = Field(
        default=None,
        description="this port's imports: from assessment to the duty paid (or guaranteed), "
        "which release waits for (e.g. a bonded zone's gate, where goods released for "
        "domestic sale pay duty and import VAT); none: after_release.duty_payment, the "
        "scenario's, applies",
    )
    green_lane: list[str] = Field(
        default_factory=list,
        description="a green lane (绿色通道): commodities whose consignments go first in the "
        "exam yard's queues (bays, exam teams, quarantine officers, movers) and in the "
        "laboratory's batches; each must be one of the scenario's commodities; empty: none",
    )
    approach: Approach | None = Field(
        default=None,
        description="a land crossing's approach: the trucks it holds at once and the parking "
        "area before it (sim/scenario/approach.py, docs/trucks.md); none: a truck enters as "
        "it reaches the crossing",
    )
    bonded_zone: BondedZone | None = Field(
        default=None,
        description="this port is a bonded zone's gate: its imports (domestic sale) and "
        "exports call goods off from the stock that another port's transit goods fill "
        "(sim/scenario/bonded.py, docs/bonded-zone.md); none: no stock is kept",
    )
    low_value: LowValue | None = Field(
        default=None,
        description="a low-value (de minimis) path for imports declared below a threshold: "
        "lighter selection, and undervaluation just under the threshold "
        "(sim/scenario/low_value.py, docs/e-commerce.md); none: no threshold",
    )

    @functools.cached_property
    def export_traffic(self) -> Traffic:
        """What the port's exports carry: ``exports.traffic`` over the imports' traffic."""
        own = self.exports.traffic if self.exports is not None else None
        return own.over(self.traffic) if own is not None else self.traffic

    @model_validator(mode="before")
    @classmethod
    def _no_direction(cls, v: Any) -> Any:
        if isinstance(v, dict) and "direction" in v:
            raise ValueError(
                "'direction' (a share of exports among arrivals) was replaced by an "
                "[exports] section: exports are their own flow, with their own arrivals "
                "and loading (see sim/scenarios/default.toml)"
            )
        return v

    @model_validator(mode="before")
    @classmethod
    def _departures_from_calls(cls, v: Any) -> Any:
        return fill_departures(v)

    @model_validator(mode="after")
    def _sea(self) -> Port:
        if self.mode == "sea" and self.arrivals.batch is None:
            raise ValueError("a sea port needs [arrivals.batch]: vessels and their discharge")
        return self


class NationalDeclaration(Extended):
    """Declaration rules common to all ports."""

    ADDED: ClassVar[tuple[str, ...]] = ("returns",)

    mode: Literal["single", "separate"] = Field(
        default="single",
        description="single: one declaration (single window, after 2018); separate: customs "
        "and inspection & quarantine each get their own, selected independently",
    )
    review_share: dict[str, Probability] = Field(
        default_factory=dict, description="share sent to officer review, by trader class or '*'"
    )
    second_submission: DurationDist = Field(
        default=fixed("0 h"),
        validate_default=False,
        description="separate mode: trader's time to lodge the second declaration",
    )
    advance_max: Duration = Field(
        default=hours("3 d"),
        validate_default=False,
        description="the earliest a declaration may be lodged before arrival",
    )
    returns: Returns | None = Field(
        default=None,
        description="reviewed declarations returned for correction and lodged again; none: "
        "no declaration is returned",
    )

    @model_validator(mode="after")
    def _classes(self) -> NationalDeclaration:
        for k in self.review_share:
            if k != ANY and k not in TRADER_CLASSES:
                raise ValueError(
                    f"unknown trader class {k!r}; allowed: *, {', '.join(TRADER_CLASSES)}"
                )
        return self

    def review(self, trader_class: str) -> float:
        return self.review_share.get(trader_class, self.review_share.get(ANY, 0.0))

    def returned(self, trader_class: str) -> float:
        """The share of ``trader_class``'s reviewed declarations returned for correction."""
        return 0.0 if self.returns is None else self.returns.of(trader_class)


class Inspection(Strict):
    """How customs and quarantine examinations are organised."""

    mode: Literal["joint", "separate"] = "joint"
    joint_staffing: Literal["both", "cross_trained"] = Field(
        default="both",
        description="joint exams: both officer kinds present (time = the longer), or one "
        "cross-trained pool: teams and quarantine officers are one lane, headcounts added",
    )
    cross_training_slowdown: Real = Field(
        default=1.0,
        ge=1.0,
        description="cross-trained pool: factor on examination times (>1 while officers learn)",
    )


SelectionTable = dict[str, dict[str, Probability]]


class Scenario(Extended):
    """A whole scenario: run length, national rules, commodities and ports."""

    ADDED: ClassVar[tuple[str, ...]] = ("export_selection", "orders")

    name: str
    description: str = ""
    days: Real = Field(
        gt=0, le=limits.MAX_RUN_DAYS, description="observed arrivals after the warm-up"
    )
    warmup_days: Real = Field(default=7, ge=0, le=limits.MAX_RUN_DAYS)
    drain_days: Real = Field(default=14, ge=0, le=limits.MAX_RUN_DAYS)
    queue_sample: Duration = Field(
        default=hours("1 h"), validate_default=False, description="how often queues are sampled"
    )
    commodities: dict[str, Commodity]
    declaration: NationalDeclaration = Field(default_factory=NationalDeclaration)
    inspection: Inspection = Field(default_factory=Inspection)
    selection: dict[str, SelectionTable] = Field(default_factory=dict)
    export_selection: dict[str, SelectionTable] = Field(
        default_factory=dict,
        description="national selection tables of exports, by check; a check listed here "
        "replaces the national table (selection) for exports only; a port's own table of "
        "the check (ports.<port>.selection, ports.<port>.exports.selection) still comes "
        "first; refused with the risk engine on (docs/exports.md)",
    )
    orders: list[ControlOrder] = Field(
        default_factory=list,
        max_length=100,
        description="control orders, written [[selection.orders]] (not at the top level; "
        "`--set selection.orders=[...]`): mandatory checks for goods "
        "of the named origins, commodities, ports and direction, beside whatever the "
        "selection decides (sim/scenario/orders.py, docs/outbreak.md)",
    )
    ports: dict[str, Port] = Field(min_length=1)
    smuggling: Smuggling | None = None
    enforcement: Enforcement = Field(default_factory=Enforcement)
    after_release: AfterRelease = Field(
        default_factory=AfterRelease,
        description="what may follow release instead of preceding it: two-step declaration "
        "and processing, release before test (sim/scenario/after_release.py)",
    )
    start_date: dt.date | None = Field(
        default=None,
        description="calendar date of the run's start (the warm-up's first day): a Monday, "
        "as time 0 is Monday 00:00 in every weekly schedule and profile; the run "
        "(warm-up + days + drain) ends by 9999-12-31",
    )
    timeline: list[Dated] = Field(
        default_factory=list,
        max_length=100,
        description="reforms switched on at times inside the run (sim/scenario/timeline.py)",
    )
    periods_at: list[RunTime] = Field(
        default_factory=list,
        max_length=100,
        description="times after the run's start ('28 d', up to the run's end or 365 d, the "
        "later) from which results are also "
        "reported by period (clearance_h_mean_era_<k>, inspection_rate_era_<k>, ...), beside "
        "the timeline's dates; each time once, in any order (they are sorted); one at or "
        "after the end of the observed days is warned about (its period is not reported); "
        "`compare` gives every option the dates of all its options' dated reforms, so each "
        "period has a baseline to set it against",
    )
    capacity_windows: list[CapacityWindow] = Field(
        default_factory=list,
        max_length=100,
        description="lanes run with another number of servers for a while, then their "
        "schedule again: a breakdown, a closure, extra staff (sim/scenario/capacity_windows.py, "
        "docs/disruptions.md)",
    )
    holds: list[Hold] = Field(
        default_factory=list,
        max_length=100,
        description="arrivals or declarations a port takes in held for a while and let in at "
        "the end: a port closed, a declaration system down (sim/scenario/holds.py, "
        "docs/disruptions.md)",
    )
    within_hours: list[TargetHours] = Field(
        default_factory=lambda: [24.0],
        max_length=MAX_TARGETS,
        description="time targets, in hours after arrival (a plain number each, whole hours "
        "or whole minutes: 0.5 for 30 min; 0 for released on arrival), for which the shares "
        "released (released_within_<H>h) and out of the flow (exited_within_<H>h) are reported, by "
        "direction and port and direction, those released also by trader class; 24 h is "
        "always reported too; each target once (sim/scenario/within.py, docs/trs.md)",
    )
    costs: CostsField = None  # prices of clearance (sim/scenario/costs.py); None: not costed
    organisation: OrganisationSpec | None = Field(
        default=None,
        description="the customs organisation above the ports (units, staff, escalations, "
        "alerts, directives); none: decisions are taken at the port",
    )
    risk: RiskField = None  # the risk engine (sim/scenario/risk.py); None: the tables
    idling: Idling | None = Field(
        default=None,
        description="the vehicles that wait with the goods at a port and their engines, for "
        "idling hours, fuel and CO2 (sim/scenario/idling.py, docs/idling.md); none: not counted",
    )

    @model_validator(mode="before")
    @classmethod
    def _orders_apart(cls, data: Any) -> Any:
        return split_orders(data)

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        return join_orders(self.dropped_defaults(handler(self)))

    def __repr__(self) -> str:
        """One line: name, ports, run length and which larger parts are on
        (:func:`sim.scenario.glance.glance`); the whole scenario is ``model_dump()``,
        ``sim.scenario_data(scenario)`` or ``bordersim check SCENARIO``."""
        from sim.scenario.glance import glance

        return glance(self)

    __str__ = __repr__

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """Pydantic's copy (``update`` is not validated: ``sim.patch`` is), remembering this
        scenario's source and the update made: :mod:`sim.scenario.copies`."""
        from sim.scenario.copies import kept

        return kept(self, super().model_copy(update=update, deep=deep), update)

    def __copy__(self) -> Self:
        from sim.scenario.copies import kept

        return kept(self, super().__copy__())

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        from sim.scenario.copies import kept

        return kept(self, super().__deepcopy__(memo))

    def __getstate__(self) -> dict[Any, Any]:
        """Pydantic's state, with the record of this scenario's source (not a field)."""
        from sim.scenario.copies import pickled_state

        return pickled_state(self, super().__getstate__())

    def __setstate__(self, state: dict[Any, Any]) -> None:
        from sim.scenario.copies import unpickled

        super().__setstate__(unpickled(self, state))

    @field_validator("ports", mode="before")
    @classmethod
    def _port_names(cls, v: Any) -> Any:
        """Each port's name a plain word that spells no other port's metrics (checked before
        the ports themselves: a bad name is reported whatever its table holds)."""
        if not isinstance(v, dict):
            return v
        names = [str(k) for k in v]
        for name in names:
            problem = name_problem(name) or clash_problem(
                name, [n for n in names if n != name]
            )
            if problem:
                raise AtField((name,), problem, value=name)
        return v

    @field_validator("periods_at")
    @classmethod
    def _once(cls, v: list[float]) -> list[float]:
        """Each time once (a repeated one is a slip: it begins no period of its own)."""
        twice = [h for i, h in enumerate(v) if h in v[:i]]
        if twice:
            raise ValueError(
                f"the time {twice[0] / 24:g} d ({twice[0]:g} h) is given twice; give each "
                "time once"
            )
        return v

    @field_validator("within_hours")
    @classmethod
    def _targets_once(cls, v: list[float]) -> list[float]:
        """Each time target once (a repeated one would name the same metrics twice)."""
        problem = duplicate_problem(v)
        if problem:
            raise ValueError(problem)
        return v

    @model_validator(mode="after")
    def _references(self) -> Scenario:
        self._enforcement_keys()
        self._tables("selection", self.selection)
        self._tables("export_selection", self.export_selection)
        for pname, port in self.ports.items():
            self._tables(f"ports.{pname}.selection", port.selection)
            if port.exports is not None:
                self._tables(f"ports.{pname}.exports.selection", port.exports.selection)
        check_export_tables(self)
        check_orders(self)
        self._bounds()
        self._pools()
        for pname, port in self.ports.items():
            for where, traffic in _traffics(pname, port):
                for com in traffic.commodities:
                    if com not in self.commodities:
                        raise ValueError(
                            f"{where}.commodities: unknown commodity {com!r}; "
                            f"allowed: {', '.join(self.commodities)}"
                        )
            self._lanes_needed(pname, port)
            self._lab_tests(pname, port)
            for com in port.green_lane:
                if com not in self.commodities:
                    raise ValueError(
                        f"ports.{pname}.green_lane: unknown commodity {com!r}; "
                        f"allowed: {', '.join(self.commodities)}"
                    )
            cold = port.quarantine.cold_chain if port.quarantine else None
            for com in cold.commodities if cold else ():
                if com not in self.commodities:
                    raise ValueError(
                        f"ports.{pname}.quarantine.cold_chain.commodities: unknown commodity "
                        f"{com!r}; allowed: {', '.join(self.commodities)}"
                    )
        check_advance_window(self)
        check_surge_windows(self)
        check_schedules(self)
        check_berths(self)
        check_capacity_windows(self)
        check_holds(self)
        check_idling(self)
        check_approach(self)
        check_bonded(self)
        check_low_value(self)
        self._organisation()
        self._auditors_priced()
        if self.smuggling is not None:
            self.smuggling.check(self)
        self._timeline()  # last: an era is checked only once the scenario itself is valid
        return self

    def _timeline(self) -> None:
        """Every dated reform switches on at a time inside the run (or after it), and can: it
        changes nothing built once for the run (sim.reforms.timeline)."""
        for i, h in enumerate(self.periods_at):
            problem = run_time_problem(h, self)
            if problem:
                raise AtField(("periods_at", i), problem)
        seen: dict[tuple[str, float], int] = {}
        for i, entry in enumerate(self.timeline):
            try:
                t = entry.hours(self.start_date)
            except ValueError as exc:
                raise AtField(("timeline", i, "at"), str(exc)) from None
            first = seen.setdefault((entry.reform.replace(" ", ""), t), i)
            if first != i:
                when = entry.at if isinstance(entry.at, str) else f"{t / 24:g} d"
                raise AtField(
                    ("timeline", i, "reform"),
                    f"timeline.{first} and timeline.{i} are the same reform "
                    f"({entry.reform!r}) at the same time ({when}): it would be applied "
                    "twice, its effect compounded; give it once",
                )
            problem = None if isinstance(entry.at, str) else run_time_problem(t, self)
            if problem:  # (a date is a date: one after the run is warned about)
                raise AtField(("timeline", i, "at"), problem)
            if t <= 0:
                raise AtField(
                    ("timeline", i, "at"),
                    f"{entry.at!r} is at or before the run's start "
                    f"({self.start_date or 'time 0'}): apply the reform to the scenario instead",
                )
        if self.timeline:  # each reform can take effect at its time (AtField names the entry)
            from sim.reforms.timeline import eras

            eras(self)

    def _pools(self) -> None:
        """A review centre's name is not a port's (its lane is reported under its name)."""
        for pname, port in self.ports.items():
            pool = port.scan.image_review.pool if port.scan else ""
            if pool and pool in self.ports:
                raise AtField(
                    ("ports", pname, "scan", "image_review", "pool"),
                    f"{pool!r} is a port's name; name the review centre otherwise",
                )

    def _organisation(self) -> None:
        """The organisation's tree works for these ports (see :mod:`sim.scenario.org_tree`)."""
        if self.organisation is None:
            return
        from sim.scenario.org_tree import TreeError, check

        try:
            check(self.organisation, list(self.ports))
        except TreeError as exc:
            path = exc.path if self.organisation.units or exc.path[:1] != ("units",) else ()
            value = UNSHOWN if exc.value is None else exc.value
            raise AtField(("organisation", *path), str(exc), value) from None
        from sim.scenario.local_risks import check_ports

        check_ports(self.organisation.advantages.local_risks, self.ports)
        office = self.organisation.office_hours
        dated = [k for k in ("holidays", "workdays") if office and getattr(office, k)]
        if dated and self.start_date is None:
            raise AtField(
                ("organisation", "office_hours", dated[0]),
                "dates need the scenario's start_date (a Monday) to place them in the run; "
                "allowed: set start_date, or leave holidays and workdays out",
                getattr(office, dated[0]),
            )
        costs = self.costs
        if costs is not None and costs.currency.upper() != "CNY" and "CNY" not in costs.exchange:
            raise AtField(
                ("costs", "exchange"),
                f"the organisation's staff are priced in CNY and [costs] in {costs.currency}: "
                f"give costs.exchange.CNY, the {costs.currency} value of 1 CNY (e.g. "
                "exchange = { CNY = 0.145 } for USD at 2019's average rate), so that they add "
                "to the agency's cost in one currency",
            )
        _one_price_year(self.organisation.price_year, costs)

    def _auditors_priced(self) -> None:
        """A costed scenario prices its auditors: ``costs.audit_role`` is one of its roles."""
        costs, staff = self.costs, self.enforcement.audit.staff
        if costs is None or staff <= 0 or costs.audit_role in costs.roles:
            return
        given = "audit_role" in costs.model_fields_set
        raise AtField(
            ("costs", "audit_role"),
            f"{costs.audit_role!r}{'' if given else ' (the default)'} prices the "
            f"{staff:g} auditors of enforcement.audit.staff, but is not a role in costs.roles; "
            f"allowed (costs.roles): {', '.join(costs.roles) or '(none)'}: set "
            "costs.audit_role to one of them, or add the role to costs.roles",
        )

    def _enforcement_keys(self) -> None:
        """The enforcement multipliers name known commodities, ports and origins."""
        e = self.enforcement
        origins = {o for port in self.ports.values() for o in port.traffic.origins}
        for table, known in (
            ("by_commodity", self.commodities),
            ("by_port", self.ports),
            ("by_origin", origins),
        ):
            for key in getattr(e, table):
                if key not in known:
                    raise ValueError(
                        f"enforcement.{table}.{key}: unknown {table[3:]} {key!r}; "
                        f"allowed: {', '.join(sorted(known))}"
                    )
        for com in e.sampling.by_commodity:
            if com not in self.commodities:
                raise ValueError(
                    f"enforcement.sampling.by_commodity.{com}: unknown commodity {com!r}; "
                    f"allowed: {', '.join(self.commodities)}"
                )
        for com in e.origin_inspection.commodities:
            if com not in self.commodities:
                raise ValueError(
                    f"enforcement.origin_inspection.commodities: unknown commodity {com!r}; "
                    f"allowed: {', '.join(self.commodities)}"
                )
        if not e.active:
            return
        for pname, port in self.ports.items():
            total, where = e.worst_total(
                pname, list(port.traffic.commodities), list(port.traffic.origins)
            )
            if total > 1 + 1e-9:
                raise ValueError(
                    f"enforcement.prevalence: at port {pname} ({where}) the illicit types' "
                    f"shares add up to {total:.3g} after the multipliers; at most 1 is allowed"
                )

    def _tables(self, where: str, tables: dict[str, SelectionTable]) -> None:
        """Selection tables name known checks, commodities and trader classes."""
        for check, table in tables.items():
            if check not in CHECKS:
                raise ValueError(f"{where}: unknown check {check!r}; allowed: {', '.join(CHECKS)}")
            for com, row in table.items():
                if com != ANY and com not in self.commodities:
                    raise ValueError(
                        f"{where}.{check}: unknown commodity {com!r}; "
                        f"allowed: *, {', '.join(self.commodities)}"
                    )
                for cls in row:
                    if cls != ANY and cls not in TRADER_CLASSES:
                        raise ValueError(
                            f"{where}.{check}.{com}: unknown trader class {cls!r}; "
                            f"allowed: *, {', '.join(TRADER_CLASSES)}"
                        )

    def _lab_tests(self, pname: str, port: Port) -> None:
        """Every lab test a port's commodities need must be one its laboratory runs."""
        lab = port.quarantine.lab if port.quarantine else None
        if lab is None:
            return
        for com in {c for _, t in _traffics(pname, port) for c in t.commodities}:
            test = self.commodities[com].lab_test
            if test != "standard" and test not in lab.tests:
                raise ValueError(
                    f"commodities.{com}.lab_test = {test!r}: ports.{pname}.quarantine.lab.tests "
                    f"has no such test; allowed: standard, {', '.join(lab.tests) or '(none)'}"
                )

    def _bounds(self) -> None:
        """Run length, queue samples and expected consignments within limits.py."""
        problem = limits.check_run(self.days, self.warmup_days, self.drain_days)
        if problem:
            raise AtField("days", problem)
        problem = limits.check_start(self.start_date, self.days, self.warmup_days, self.drain_days)
        if problem:
            raise AtField("start_date", problem)
        if self.queue_sample < limits.MIN_QUEUE_SAMPLE_H:
            raise AtField("queue_sample", "out of range: at least 1 s")
        run_h = (self.days + self.warmup_days + self.drain_days) * 24
        if run_h / self.queue_sample > limits.MAX_QUEUE_SAMPLES:
            raise AtField(
                "queue_sample",
                f"{run_h / self.queue_sample:,.0f} samples a run; at most "
                f"{limits.MAX_QUEUE_SAMPLES:,}: sample less often or run shorter",
            )
        arriving_h = (self.days + self.warmup_days) * 24
        for pname, port in self.ports.items():
            self._season_placed(pname, port)
            imports, exports = expected_per_hour(port, self.start_date, arriving_h / 24)
            expected = (imports + exports) * arriving_h
            if expected > limits.MAX_CONSIGNMENTS:
                which = "exports" if exports > imports else ""
                raise AtField(
                    ("ports", pname, *((which,) if which else ()), "arrivals", "rate"),
                    f"about {expected:,.0f} consignments (imports and exports) would arrive "
                    f"in the run; at most {limits.MAX_CONSIGNMENTS:,}: lower the rate or run "
                    "fewer days",
                )

    def _season_placed(self, pname: str, port: Port) -> None:
        """A monthly arrival profile and dated factors need the calendar: the scenario's
        start_date."""
        if self.start_date is not None:
            return
        flows: list[tuple[tuple[str, ...], Arrivals]] = [((), port.arrivals)]
        if port.exports is not None:
            flows.append((("exports",), port.exports.arrivals))
        for which, arrivals in flows:
            if arrivals.monthly is not None:
                raise AtField(
                    ("ports", pname, *which, "arrivals", "monthly"),
                    "a monthly profile needs the scenario's start_date (a Monday, "
                    "YYYY-MM-DD) to know which month each day falls in",
                    UNSHOWN,
                )
            if arrivals.dated:
                raise AtField(
                    ("ports", pname, *which, "arrivals", "dated", 0, "from"),
                    "dates need the scenario's start_date (a Monday, YYYY-MM-DD) to place "
                    "them in the run; allowed: set start_date, or leave dated out",
                    arrivals.dated[0].from_,
                )

    def _lanes_needed(self, pname: str, port: Port) -> None:
        """A port must have every lane that its traffic can be sent to."""
        both = [t for _, t in _traffics(pname, port)]
        coms = list(dict.fromkeys(k for t in both for k, v in t.commodities.items() if v > 0))
        classes = list(
            dict.fromkeys(k for t in both for k, v in t.trader_classes.items() if v > 0)
        )
        section = {
            "document": "document_check",
            "scan": "scan",
            "physical": "exam",
            "quarantine": "quarantine",
        }

        def missing(what: str, key: str, why: str) -> ValueError:
            return ValueError(
                f"ports.{pname}: {why}, but the port has no [ports.{pname}.{key}] ({what})"
            )

        sel_coms, sel_classes = imports_mix(self, port) or (coms, classes)
        for check, key in section.items():
            if getattr(port, key) is not None:
                continue
            for com in sel_coms:
                for cls in sel_classes:
                    p = self.probability(check, com, cls, pname)
                    if p > 0:
                        raise missing(
                            "add the section, or set the selection to 0",
                            key,
                            f"selection.{check} sends {com!r} goods of {cls!r} traders"
                            f" there with probability {p:g}",
                        )
        for cls in classes:
            if self.declaration.review(cls) > 0 and port.review is None:
                raise missing(
                    "officers who review declarations",
                    "review",
                    f"declaration.review_share sends {cls!r} declarations to review",
                )
        if port.scan and port.scan.image_review.refer > 0 and port.exam is None:
            raise missing(
                "bays, teams and movers",
                "exam",
                "scan.image_review.refer sends images to physical examination",
            )
        if port.quarantine is not None and port.exam is None:
            raise missing(
                "bays and movers for the on-site check",
                "exam",
                "a quarantine check needs the goods moved to an inspection bay",
            )
        if port.quarantine and port.quarantine.sample_share > 0 and port.quarantine.lab is None:
            raise missing(
                "batch size, cut-offs, incubation",
                "quarantine.lab",
                "quarantine.sample_share sends samples to a laboratory",
            )

    def probability(
        self,
        check: str,
        commodity: str,
        trader_class: str,
        port: str | None = None,
        direction: str = "import",
    ) -> float:
        """Selection probability of a check for a commodity and trader class (0 if unlisted),
        at ``port`` if given (its own table for the check, if it has one), of ``direction``'s
        goods (exports: their own tables first, :func:`export_table`)."""
        table = export_table(self, check, port) if direction == "export" else None
        if table is None:
            own = self.ports[port].selection if port is not None else {}
            table = own.get(check, self.selection.get(check, {}))
        row = table.get(commodity, table.get(ANY))
        if row is None:
            return 0.0
        return row.get(trader_class, row.get(ANY, 0.0))


def _one_price_year(org_year: int | None, costs: Any) -> None:
    """Refuse an organisation priced at another year's prices than ``[costs]``: the staff's
    cost would be added to the agency's cost at two years' prices, which a finance ministry
    reads as one (constant prices of one year). No deflator is applied here: which one (a
    consumer price index, the GDP deflator) is the ministry's to prescribe, so the scenario
    gives the staff's cost already at the costs' year."""
    if costs is None or org_year is None or org_year == costs.price_year:
        return
    raise AtField(
        ("organisation", "price_year"),
        f"the organisation's staff are priced at {org_year} prices and [costs] at "
        f"{costs.price_year} prices: the agency's cost would add two years' prices, and "
        "bordersim adjusts none; allowed: one price year for both",
        org_year,
        sources={"the staff's year": ("organisation", "price_year"),
                 "the costs' year": ("costs", "price_year")},
        hint=f"deflate the staff's cost_per_year to {costs.price_year} prices with the "
        "deflator your appraisal guidance prescribes (China's consumer price index or GDP "
        f"deflator, National Bureau of Statistics) and set organisation.price_year = "
        f"{costs.price_year}; or price [costs] at {org_year} (costs.price_year = {org_year})",
    )

