"""The ``[costs]`` section: what clearance costs the agency and the trader, and what slips
through costs society (DESIGN.md section 3, "Cost").

Prices are in one currency at one price year (both stated in the section). The agency pays
its staff by the time they are on duty (the lanes' hourly schedules), its equipment by capital
amortised over its life plus a cost per use, and variable costs per check; the trader pays
the broker, the value of time held at the border, storage after the free period, reefer power,
handling and attendance. Revenue evaded and harm slipped are assumption-driven lines reported
apart from both.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from sim.lane_catalogue import PRICED
from sim.scenario.base import ANY, ILLICIT, MODES, Extended, Strict
from sim.scenario.distributions import Duration
from sim.scenario.limits import AtField, Clock, Flag, Real, Whole, on_the_hour, real

MAX_MONEY = 1e12

#: A sum of money: finite, 0 .. 1e12 (in the section's currency).
Money = Annotated[float, BeforeValidator(real), Field(ge=0, le=MAX_MONEY, allow_inf_nan=False)]
#: A share of the goods' value per day held (0.006 = 0.6 %/day).
DailyRate = Annotated[float, BeforeValidator(real), Field(ge=0, le=1, allow_inf_nan=False)]

#: The lanes a port may have (their keys in the resources table); staff are priced by lane.
LANE_KEYS = tuple(lane.key for lane in PRICED)
#: What an illicit kind's harm is counted per (``costs.slipped.harm_per``).
HARM_BASES = ("consignment", "container", "value")
HarmBasis = Literal["consignment", "container", "value"]

#: Kinds of illicit goods (the hidden truth); harm values are given per kind.
ILLICIT_KINDS = ILLICIT


def _per_mode(v: Any) -> Any:
    """A price that may differ by mode: one number, or a table by mode (``"*"``: the rest)."""
    if isinstance(v, dict):
        for k in v:
            if k != ANY and k not in MODES:
                raise AtField(k, f"unknown mode {k!r}; allowed: *, {', '.join(MODES)}")
        return v
    return {ANY: v}


PerMode = Annotated[dict[str, Money], BeforeValidator(_per_mode)]


def by_mode(prices: dict[str, float], mode: str) -> float:
    """The price for ``mode`` (its own, else ``"*"``, else 0)."""
    return prices.get(mode, prices.get(ANY, 0.0))


class StaffLane(Strict):
    """Who works a lane: each server of the lane is ``heads`` people of ``role``."""

    role: str
    heads: Real = Field(default=1.0, gt=0, le=1000, description="people per server")


class Equipment(Strict):
    """A machine (a scanner, a laboratory): capital amortised over its life, plus per use."""

    capital: Money = Field(description="purchase and installation, per unit")
    life_years: Real = Field(gt=0, le=100)
    per_use: Money = Field(default=0.0, description="power, maintenance, consumables per use")

    def per_year(self, discount_rate: float = 0.0) -> float:
        """The capital's cost per year: the equal annual payment that repays it over its life
        at ``discount_rate`` (the capital recovery factor r / (1 - (1 + r)^-life); at 0,
        capital / life)."""
        return self.capital * recovery_factor(discount_rate, self.life_years)


def recovery_factor(rate: float, years: float) -> float:
    """The share of a capital sum paid each year to repay it over ``years`` at ``rate``
    (an annuity: the equivalent annual cost of 1), 1 / years at a rate of 0."""
    if rate == 0:
        return 1.0 / years
    return float(rate / (1.0 - (1.0 + rate) ** -years))


class Checks(Extended):
    """Variable costs per check borne by the agency (prices of consumables and services), and
    what quarantine's action on the goods costs their owner (treatment, return or
    destruction)."""

    ADDED = ("treatment", "disposal_storage")

    sample: Money = Field(default=0.0, description="taking one quarantine sample")
    lab_tests: dict[str, Money] = Field(
        default_factory=dict,
        description="one laboratory test, by test name ('standard' or a port's lab test)",
    )
    destruction: PerMode = Field(
        default_factory=dict,
        description="return or destruction of rejected goods, per container (a parcel at a "
        "post hub): one price, or a table by mode; a price only: the return or destruction "
        "takes no time and holds no yard space in the model (the goods' flow ends at the "
        "rejection) unless commodities.<commodity>.disposal gives it a time",
    )
    rejection_payer: Literal["trader", "state"] = Field(
        default="trader", description="who pays the return or destruction of rejected goods"
    )
    treatment: PerMode = Field(
        default_factory=dict,
        description="quarantine treatment (fumigation, heat) of goods treated and released, "
        "per container (a parcel at a post hub), paid by the trader: one price, or a table "
        "by mode; none (the default): the treatment costs only the goods' time",
    )
    disposal_storage: PerMode = Field(
        default_factory=dict,
        description="storage of a rejected container awaiting and under its disposal, per "
        "container-day from its rejection to its disposal's end: its wait for a place at the "
        "port's disposal facility (ports.<port>.quarantine.disposal_facility, where it has "
        "one), then its commodity's disposal time (commodities.<commodity>.disposal.time), "
        "prorated by the hour; paid by the trader: one price, or a table by mode; none (the "
        "default): the rejected goods' storage is not priced",
    )
    post_release_review: Money = Field(
        default=0.0,
        description="the agencies' cost of one post-clearance tax review, the document check "
        "two-step processing moves after release (after_release.two_step_processing): the "
        "officers' time no lane counts, per review, costed for each one that falls due; 0 "
        "(the default) leaves the work after release uncosted",
    )
    supplementary_declaration: Money = Field(
        default=0.0,
        description="the agencies' cost of processing one full (supplementary) declaration, "
        "which follows a two-step declaration's release (after_release.two_step_declaration), "
        "costed for each one lodged; 0 (the default) leaves it uncosted",
    )


class Storage(Strict):
    """Storage and demurrage per container-day, charged after a free period from discharge
    (from arrival where the goods are not discharged from a vessel). One figure for both: the
    terminal's storage of the box and the carrier's demurrage on it (their free times and
    rates differ in practice) are not told apart. Prorated by the hour unless billed per
    started day, as terminals bill."""

    free: Duration = 0.0
    per_container_day: Money = 0.0
    billing: Literal["prorated", "per_started_day"] = "prorated"


class Trader(Strict):
    """The trader's costs of crossing the border (all per consignment unless said)."""

    broker_fee: PerMode = Field(default_factory=dict, description="per declaration")
    time_cost_per_day: DailyRate = Field(
        default=0.0, description="value of time: share of the goods' value per day held"
    )
    storage: dict[str, Storage] = Field(
        default_factory=dict, description="storage and demurrage by mode ('*': the rest)"
    )
    reefer_per_day: Money = Field(
        default=0.0, description="reefer power per container-day for goods kept frozen"
    )
    terminal_handling: PerMode = Field(
        default_factory=dict, description="port or border handling per container"
    )
    inspection_move: PerMode = Field(
        default_factory=dict, description="moving one container to or from the exam bay"
    )
    exam_handling: PerMode = Field(
        default_factory=dict,
        description="opening, unstuffing and restuffing per examined container",
    )
    attendance: PerMode = Field(
        default_factory=dict, description="the trader or broker attending one examination"
    )
    guarantee_fee: DailyRate = Field(
        default=0.0,
        description="two-step declaration: the guarantee's cost per year, as a share of the "
        "duty it covers from release to the full declaration",
    )
    recall: PerMode = Field(
        default_factory=dict,
        description="release before test: retrieving one recalled container (transport, "
        "notices, handling)",
    )

    @model_validator(mode="after")
    def _modes(self) -> Trader:
        for k in self.storage:
            if k != ANY and k not in MODES:
                allowed = ", ".join(MODES)
                raise AtField(("storage", k), f"unknown mode {k!r}; allowed: *, {allowed}")
        return self

    def storage_for(self, mode: str) -> Storage:
        return self.storage.get(mode, self.storage.get(ANY, Storage()))


class CommodityCost(Strict):
    """Cost settings that differ by commodity group."""

    time_cost_per_day: DailyRate | None = Field(
        default=None, description="overrides the trader's rate (perishables lose value faster)"
    )
    reefer: Flag = Field(default=False, description="held frozen or chilled: reefer power")
    duty_rate: Real | None = Field(
        default=None, ge=0, le=10, description="duty and import taxes as a share of value"
    )


class Slipped(Strict):
    """What undetected illicit goods cost society: labelled assumptions, reported apart."""

    duty_rate: Real = Field(
        default=0.0,
        ge=0,
        le=10,
        description="duty and import taxes as a share of value, of every commodity without "
        "its own rate (and of tobacco or frozen goods when the scenario has no commodity of "
        "that name)",
    )
    harm: dict[str, Money] = Field(
        default_factory=dict,
        description="harm of each undetected illicit consignment, by kind: per consignment, "
        "or as `harm_per` says",
    )
    harm_per: dict[str, HarmBasis] = Field(
        default_factory=dict,
        description="what a kind's `harm` is counted per: `consignment` (the default), "
        "`container` (each of its boxes: a 40-box load harms more than one parcel) or `value` "
        "(each unit of its true value: `harm` is then a multiple of it)",
    )

    @model_validator(mode="after")
    def _kinds(self) -> Slipped:
        for field in ("harm", "harm_per"):
            for k in getattr(self, field):
                if k not in ILLICIT_KINDS:
                    raise AtField(
                        (field, k),
                        f"unknown illicit kind {k!r}; allowed: {', '.join(ILLICIT_KINDS)}",
                    )
        for k in self.harm_per:
            if k not in self.harm:
                raise AtField(
                    ("harm_per", k),
                    f"a basis for {k!r}, which has no harm of its own in `harm`: it would count "
                    "nothing",
                )
        return self


def currency_of(costs: Costs | None) -> str:
    """The currency a scenario's money is in: its ``[costs]`` section's, else the section's
    default (a scenario without costs still counts goods' values, in that currency)."""
    if costs is not None:
        return costs.currency
    return str(Costs.model_fields["currency"].default)


def money_of(costs: Costs | None, organisation: bool = False,
             org_year: int | None = None) -> str:
    """What a scenario's money figures are: "USD at 2019 prices" (without costs: goods'
    values alone, in the currency their distributions give, and no staff cost). With an
    ``organisation``, whose staff are priced in CNY a head, their cost figures are converted
    into the section's currency at ``costs.exchange.CNY``: said with the rate, so a reader
    sees one money and where it came from, and with the year of the staff's prices where it
    is another (``org_year``: ``organisation.price_year``, as ``bordersim org`` says it)."""
    if costs is None:
        return "" if not organisation else (
            f"{currency_of(None)} for goods' values (no [costs] section: the default "
            "currency); no staff cost figures (the organisation's staff, priced in CNY, "
            "are reported in [costs]'s currency)")
    org = ""
    other_year = org_year is not None and org_year != costs.price_year
    if organisation and costs.currency.upper() != "CNY":
        at = f", their {org_year} prices" if other_year else ""
        rate = costs.exchange.get("CNY")  # (given wherever an organisation is: schema.py)
        said = f"{rate:g} {costs.currency} a CNY, " if rate is not None else ""
        org = f" (the organisation's staff converted from CNY at {said}costs.exchange{at})"
    elif organisation and other_year:
        org = f" (the organisation's staff cost figures at {org_year} prices)"
    return f"{costs.currency} at {costs.price_year} prices{org}"


def _currency_code(v: str) -> str:
    """A currency's three-letter ISO 4217 code, upper case (a typo such as 'XYZ', 'XYZ1' or
    'dollars' is refused: it would label every money figure)."""
    from sim.scenario.currencies import CODES

    if not (len(v) == 3 and v.isascii() and v.isalpha()):
        raise ValueError(
            f"{v!r}: a currency's three-letter ISO 4217 code, e.g. USD, CNY or EUR"
        )
    if v.upper() not in CODES:
        raise ValueError(
            f"{v!r} is not an ISO 4217 currency code (current, or withdrawn since 1999), "
            "e.g. USD, CNY or EUR"
        )
    return v.upper()


#: the highest real discount rate a year allowed (public appraisals use about 0.03-0.10)
MAX_DISCOUNT_RATE = 0.3


def _discount_ceiling(v: Any) -> Any:
    """A real discount rate a year above :data:`MAX_DISCOUNT_RATE` refused with the range and
    why (before the field's own bound, whose message gives neither): above it the equipment's
    capital would be charged almost at once, and 1 or 8 is most likely a percentage typed
    where a share is meant. Anything but a number is left to the field's checks."""
    if isinstance(v, int | float) and not isinstance(v, bool) and v > MAX_DISCOUNT_RATE:
        raise ValueError(
            f"out of range: {v:g} is {100 * v:g} % a year; allowed 0 to {MAX_DISCOUNT_RATE:g} "
            "(a share a year: public investment appraisals use about 0.03 to 0.10, China's "
            "social discount rate is 8 %, 0.08; a higher rate charges the equipment's capital "
            "almost at once, and 8 for 8 % is a percentage typed where a share is meant)"
        )
    return v


class NightPay(Strict):
    """Night-shift pay: an hour on duty between ``start`` and ``end`` (the next morning)
    costs ``premium`` times the role's hourly cost. The lanes' staff rows keep ordinary
    time; a ``night`` row per lane adds the extra, so a roster that moves officers to the
    night shows what it costs."""

    start: Clock = Field(
        default=22.0, validate_default=False,
        description="when the night hours start, 'HH:MM' on the hour",
    )
    end: Clock = Field(
        default=6.0, validate_default=False,
        description="when they end, 'HH:MM' on the hour (at or before start: the next day)",
    )
    premium: Real = Field(
        ge=1, le=10,
        description="price of a head-hour on duty in the night hours as a multiple of the "
        "role's hourly cost (1.3: 30 % more); 1 prices it as ordinary time",
    )

    @field_validator("start", "end")
    @classmethod
    def _on_the_hour(cls, v: float) -> float:
        return on_the_hour(
            v, "night hours start and end on the hour (staff are on duty by the hour)"
        )

    @model_validator(mode="after")
    def _some_hours(self) -> NightPay:
        if self.start % 24 == self.end % 24:
            raise ValueError(
                f"night hours from {self.start:02.0f}:00 to {self.end:02.0f}:00 are none or "
                "the whole day; give start and end apart (e.g. '22:00' to '06:00')"
            )
        return self

    def week_hours(self) -> list[int]:
        """1 for each of the 168 hours of the week in the night hours, else 0."""
        start, end = int(self.start) % 24, int(self.end) % 24
        day = [int(h >= start or h < end) if end < start else int(start <= h < end)
               for h in range(24)]
        return day * 7


class Costs(Extended):
    """Prices of clearance, in ``currency`` at ``price_year`` prices."""

    ADDED = ("overhead_shared_by",)

    currency: Annotated[str, AfterValidator(_currency_code)] = Field(
        default="USD",
        description="the ISO 4217 code of the currency every price (and goods' value) is in",
    )
    price_year: Whole = Field(ge=1900, le=2200)
    hours_per_year: Real = Field(
        default=2000.0, gt=0, le=8784,
        description="hours a head is available for work in a year (a working week's hours "
        "less public holidays and leave, which are paid but not worked): a role's cost per "
        "head per year is spread over them to price an hour on duty",
    )
    discount_rate: Annotated[Real, BeforeValidator(_discount_ceiling)] = Field(
        default=0.0,
        ge=0,
        le=MAX_DISCOUNT_RATE,
        description="real discount rate per year, a share from 0 to 0.3 (0.08: 8 %): "
        "equipment's capital is charged as the equal annual payment that repays it over its "
        "life with interest at this rate (its equivalent annual cost); 0 writes it off in "
        "equal parts, without interest",
    )
    overtime_premium: Real = Field(
        default=1.0,
        ge=0,
        le=10,
        description="price of a head-hour worked past a shift's end (a server busy when its "
        "lane's schedule has it off duty: it stays until its job ends), as a multiple of the "
        "role's hourly cost; 1 prices it as ordinary time, 0 leaves it unpaid",
    )
    night: NightPay | None = Field(
        default=None,
        description="night-shift pay: the hours and the premium of an hour on duty in them "
        "(none: a night hour costs as a day hour)",
    )
    roles: dict[str, Money] = Field(
        default_factory=dict, description="cost per head per year (pay and on-costs), by role"
    )
    patrol_role: str = Field(
        default="customs_officer",
        description="the role whose pay prices the patrol staff of smuggling routes outside "
        "the ports (a name in costs.roles, when a scenario has such patrols)",
    )
    audit_role: str = Field(
        default="customs_officer",
        description="the role whose pay prices the post-clearance auditors "
        "(enforcement.audit.staff, full time; a name in costs.roles, when there are auditors)",
    )
    staff: dict[str, StaffLane] = Field(
        default_factory=dict,
        description="who works each lane (lanes not listed cost no staff); a cross-trained "
        "pool (exam_officers) gives the role, and each of its servers is as many people as "
        "the team or officer it was (the heads of exam_teams and quarantine_officers)",
    )
    posts: dict[str, dict[str, Real]] = Field(
        default_factory=dict,
        description="staff on the books of a port whatever the traffic (patrol, management): "
        "full-time heads by role, per port or '*'",
    )
    scanner: dict[str, Equipment] = Field(
        default_factory=dict,
        description="a scanner, by mode ('*': the rest): a container scanner costs far more "
        "than a parcel line",
    )
    lab: Equipment | None = None
    checks: Checks = Field(default_factory=Checks)
    trader: Trader = Field(default_factory=Trader)
    commodities: dict[str, CommodityCost] = Field(default_factory=dict)
    no_find_payer: Literal["trader", "state"] = Field(
        default="trader",
        description="who pays the handling of an inspection that finds nothing",
    )
    slipped: Slipped = Field(default_factory=Slipped)
    systems: dict[str, Money] = Field(
        default_factory=dict,
        description="other running costs of the agencies per year, by name (IT systems, "
        "licences, maintenance, training): a reform's cost_per_year is added here (a dated "
        "reform's counts from its date)",
    )
    setup: dict[str, Money] = Field(
        default_factory=dict,
        description="one-off costs of setting a change up, by name (building an IT system, "
        "training, change management): a reform's setup_cost is added here; not in the "
        "running cost or any per-year figure, but year 0 of bordersim appraise (an option's "
        "set-up cost: its items beyond the baseline's)",
    )
    system_ports: dict[str, list[str]] = Field(
        default_factory=dict,
        description="the ports a running cost of systems serves, by its name: its cost is "
        "shared among their declarations (not listed: among every port's). A reform's "
        "cost_per_year is listed under the ports whose fields it changes, unless it changes "
        "a field of no single port",
    )
    overhead_shared_by: Literal["declarations", "staff_hours"] = Field(
        default="declarations",
        description="how the costs of no port (patrols, post-clearance auditors, running "
        "costs of systems, the organisation's units) are shared among the ports, then "
        "equally per declaration within each: declarations (each port by its finished "
        "declarations, whatever its own work costs) or staff_hours (each port by its "
        "staffed head-hours over the window: costs.staff heads x its lanes' capacities, "
        "their overtime, and its costs.posts)",
    )
    exchange: dict[str, Money] = Field(
        default_factory=dict,
        description="the value of 1 unit of another currency in this section's, for parts "
        "priced in it: the organisation's staff are priced in CNY (e.g. CNY = 0.145 for USD "
        "in 2019)",
    )

    def rate(self, currency: str) -> float:
        """This section's money per unit of ``currency`` (1 for its own)."""
        if currency.upper() == self.currency.upper():
            return 1.0
        if currency not in self.exchange:
            raise KeyError(f"costs.exchange has no rate for {currency}")
        return float(self.exchange[currency])

    @model_validator(mode="after")
    def _references(self) -> Costs:
        for k in self.scanner:
            if k != ANY and k not in MODES:
                allowed = ", ".join(MODES)
                raise AtField(("scanner", k), f"unknown mode {k!r}; allowed: *, {allowed}")
        for lane, s in self.staff.items():
            if lane not in LANE_KEYS:
                allowed = ", ".join(LANE_KEYS)
                raise AtField(("staff", lane), f"unknown lane {lane!r}; allowed: {allowed}")
            if s.role not in self.roles:
                raise AtField(("staff", lane, "role"), self._no_role(s.role))
        for port, heads in self.posts.items():
            for role, n in heads.items():
                if role not in self.roles:
                    raise AtField(("posts", port, role), self._no_role(role))
                if not 0 <= n <= 1e6:  # (a million heads at a port is far beyond any)
                    raise AtField(
                        ("posts", port, role), f"heads must be in [0, 1000000]; got {n:g}"
                    )
        return self

    def _no_role(self, role: str) -> str:
        return f"unknown role {role!r}; allowed (costs.roles): {', '.join(self.roles) or '(none)'}"

    def hourly(self, role: str) -> float:
        """Cost of one head of ``role`` for one hour on duty: its yearly cost over the hours a
        head is available in a year (``hours_per_year``)."""
        return self.roles[role] / self.hours_per_year

    def scanner_for(self, mode: str) -> Equipment | None:
        return self.scanner.get(mode, self.scanner.get(ANY))

    def commodity(self, name: str) -> CommodityCost:
        return self.commodities.get(name, CommodityCost())


def _known(v: Costs | None, info: ValidationInfo) -> Costs | None:
    """Commodities and ports named in ``[costs]`` exist in the scenario."""
    if v is None:
        return v
    commodities = info.data.get("commodities") or {}
    ports = info.data.get("ports") or {}
    for k in v.commodities:
        if commodities and k not in commodities:
            raise AtField(
                ("commodities", k), f"unknown commodity {k!r}; allowed: {', '.join(commodities)}"
            )
    for k in v.posts:
        if ports and k != ANY and k not in ports:
            raise AtField(("posts", k), f"unknown port {k!r}; allowed: *, {', '.join(ports)}")
    for k, among in v.system_ports.items():
        if k not in v.systems:  # (a name that prices nothing: a typo, most likely)
            raise AtField(("system_ports", k), f"no running cost {k!r} in costs.systems; "
                          f"allowed: {', '.join(v.systems) or '(none: costs.systems is empty)'}")
        for p in among:
            if ports and p not in ports:
                allowed = ", ".join(ports)
                raise AtField(("system_ports", k), f"unknown port {p!r}; allowed: {allowed}")
    return v



#: The scenario's ``costs`` field (declare it after ``commodities`` and ``ports``).
CostsField = Annotated[Costs | None, AfterValidator(_known)]
