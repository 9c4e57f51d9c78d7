"""Smuggling groups and the routes they choose among: what a scenario's ``[smuggling]`` may say.

A group has an attribute signature (what it smuggles, declared as which commodity, by which
trader class, from which origin, concealed or not), a rate of opportunities and the gain of
an attempt that gets through. At each opportunity it chooses a route, or not to smuggle at
all, by a logit on expected profit (see :mod:`sim.model.smuggling`). Routes are the
scenario's ports (the attempt becomes a declaration that goes through the real checks) or
routes outside them, caught by patrols whose interdiction probability follows the staff on
duty. The references to the rest of the scenario (ports, commodities, origins) are checked by
:meth:`Smuggling.check`, which the scenario calls.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal

from pydantic import (
    BeforeValidator,
    Field,
    field_validator,
    model_validator,
)

from sim.scenario import limits
from sim.scenario.base import ILLICIT, LABEL_ZH, TRADER_CLASSES, Extended, Strict
from sim.scenario.distributions import Duration, number_dist
from sim.scenario.limits import AtField, Clock, Flag, Probability, Real, Servers, Weight
from sim.scenario.resident_lane import ResidentLane, check_split, crossing_rate

if TYPE_CHECKING:
    from sim.scenario.schema import Scenario

#: kinds of route; every kind but "port" is outside the ports, caught by patrols
ROUTE_KINDS = (
    "port",
    "river",
    "border_resident_trade",
    "parallel_traders",
    "small_vessels",
    "other",
)
#: a group's opportunities come at a rate within 0 to 100,000 a day (as crossings do)
OpportunityRate = Annotated[float, BeforeValidator(crossing_rate)]

Money = Annotated[float, BeforeValidator(limits.real), Field(ge=0, le=limits.MAX_VALUE)]


class Patrol(Strict):
    """Patrol staff on a route outside the ports: an attempt is interdicted with probability
    ``1 - exp(-per_officer x staff on duty x alert factor)``."""

    staff: Servers | None = Field(default=None, description="officers on duty, every hour")
    schedule: list[Servers] | None = Field(
        default=None, description="officers on duty by hour of the day (24) or week (168)"
    )
    per_officer: Real = Field(
        ge=0, le=100, description="interdiction hazard per officer on duty (per attempt)"
    )

    @model_validator(mode="after")
    def _one(self) -> Patrol:
        if (self.staff is None) == (self.schedule is None):
            raise ValueError("give either 'staff' or 'schedule', exactly one of them")
        if self.schedule is not None and len(self.schedule) not in (24, 168):
            raise AtField(
                "schedule",
                f"schedule needs 24 (hours of the day) or 168 (hours of the week) numbers; "
                f"got {len(self.schedule)}",
            )
        return self

    def weekly(self) -> list[int]:
        """Officers on duty in each of the 168 hours of the week."""
        if self.schedule is not None:
            return list(self.schedule) * (168 // len(self.schedule))
        assert self.staff is not None
        return [self.staff] * 168


class Route(Extended):
    """A way across: a port of the scenario, or a route outside the ports with a patrol."""

    ADDED: ClassVar[tuple[str, ...]] = ("lane", "label_zh")

    label: str = ""
    label_zh: str = Field(default="", description=LABEL_ZH)
    kind: Literal[
        "port", "river", "border_resident_trade", "parallel_traders", "small_vessels", "other"
    ]
    port: str | None = Field(default=None, description="kind 'port': the scenario's port")
    direction: Literal["import", "export"] = "import"
    cost: Money = Field(description="the group's cost of one attempt by this route, USD")
    perceived: Probability = Field(
        description="detection probability groups believe at the start of the run"
    )
    patrol: Patrol | None = None
    open_hours: tuple[Clock, Clock] | None = Field(
        default=None,
        description="when the route can be crossed each day, 'HH:MM' from and to (past "
        "midnight if 'to' is earlier): a load ready outside them waits for the next opening, "
        "as at a border market's opening hours; none: at any hour",
    )
    lane: ResidentLane | None = Field(
        default=None,
        description="kind 'border_resident_trade': honest members and smugglers' carriers "
        "queue at the patrol's officers (sim/scenario/resident_lane.py); none: a patrol only",
    )

    @model_validator(mode="before")
    @classmethod
    def _no_patrol_at_a_port(cls, data: Any) -> Any:
        """Refused before the patrol's own fields are checked: asking for a patrol's missing
        fields would send the user to set what is refused next."""
        port = isinstance(data, dict) and data.get("kind") == "port"
        if port and data.get("patrol") is not None:
            raise AtField("patrol", "a port route is checked by the port, not by a patrol")
        return data

    @model_validator(mode="after")
    def _kind(self) -> Route:
        if self.open_hours is not None and self.open_hours[0] % 24 == self.open_hours[1] % 24:
            raise AtField("open_hours", "'from' and 'to' must differ (leave it out: any hour)")
        if self.kind == "port":
            if self.port is None:
                raise AtField("port", "a route of kind 'port' names the scenario's port")
            if self.open_hours is not None:
                raise AtField("open_hours", "a port route crosses when the port works")
        else:
            if self.port is not None:
                raise AtField("port", f"only a route of kind 'port' names a port ({self.kind})")
            if self.patrol is None:
                raise AtField("patrol", f"a route of kind {self.kind!r} needs a [patrol]")
        if self.lane is not None and self.kind != "border_resident_trade":
            raise AtField(
                "lane", f"only a route of kind 'border_resident_trade' has a lane ({self.kind})"
            )
        if self.lane is not None and self.patrol is not None and not max(self.patrol.weekly()):
            raise AtField(
                "patrol", "a route with a lane needs an officer on duty in some hour (its "
                "patrol's officers serve the lane); got none in every hour"
            )
        return self


    def opens(self, t: float) -> float:
        """The first time at or after ``t`` (hours) at which the route can be crossed."""
        if self.open_hours is None:
            return t
        start, end = self.open_hours
        opened = start + 24.0 * math.floor((t - start) / 24.0)  # the last opening, at or before
        return t if t - opened < (end - start) % 24.0 else opened + 24.0


class Alert(Strict):
    """After one of a group's own loads is caught (by a patrol, or by a port's checks),
    patrols on every route outside the ports are more vigilant against it for a while."""

    factor: Real = Field(default=1.0, ge=1, le=100, description="multiplier on patrol hazard")
    duration: Duration = Field(default=0.0, ge=0, le=limits.MAX_DURATION_H)


class Group(Extended):
    """A smuggling group: its signature, its opportunities and its routes."""

    ADDED: ClassVar[tuple[str, ...]] = ("label_zh",)
    label: str = ""
    label_zh: str = Field(default="", description=LABEL_ZH)
    illicit: str = Field(description="illicit type (see base.ILLICIT)")
    commodity: str = Field(description="the commodity its goods are declared as")
    trader_class: str = "general"
    origin: str = "unspecified"
    concealed: Flag = False
    direction: Literal["import", "export"] = "import"
    value: number_dist(limits.MAX_VALUE) = Field(  # type: ignore[valid-type]
        description="value of the goods in one attempt, USD (declared at a port)"
    )
    margin: Probability = Field(
        default=1.0,
        description="share of the goods' value the group gains when they get through "
        "(evaded duties and taxes, the premium on banned goods)",
    )
    rate: OpportunityRate = Field(description="opportunities (consignments ready to move)")
    hourly: list[Weight] = Field(
        default_factory=lambda: [1.0] * 24, description="when opportunities come, by hour"
    )
    profit_scale: Real = Field(
        gt=0,
        le=limits.MAX_VALUE,
        description="logit scale, USD: how much expected profit it takes to change choices",
    )
    routes: list[str] = Field(min_length=1, description="the routes open to the group")
    perceived: dict[str, Probability] = Field(
        default_factory=dict, description="its own starting beliefs, overriding the routes'"
    )
    learning: Probability | None = Field(
        default=None, description="weight of each new outcome in its beliefs (default: shared)"
    )

    @field_validator("hourly")
    @classmethod
    def _hours(cls, v: list[float]) -> list[float]:
        if len(v) != 24 or sum(v) <= 0:
            raise ValueError(f"hourly needs 24 weights, at least one > 0; got {len(v)}")
        return v

    @field_validator("routes")
    @classmethod
    def _once(cls, v: list[str]) -> list[str]:
        """Each route once: a repeated one would count twice in the group's logit choice."""
        twice = [name for i, name in enumerate(v) if name in v[:i]]
        if twice:
            raise ValueError(
                f"route {twice[0]!r} given twice; list each route once (a repeated route "
                "would weigh double in the group's choice)"
            )
        return v


class Smuggling(Strict):
    """Smuggling groups who choose routes by expected profit and learn from their outcomes."""

    learning: Probability = Field(
        default=0.2,
        description="exponential smoothing of perceived detection: the weight of each new "
        "outcome (0: beliefs held fixed). A group learns from its own loads only, so a change "
        "of enforcement moves its choices after some 1 / learning of its loads on that route "
        "(weeks at a few loads a day): runs must be long enough to show displacement",
    )
    alert: Alert = Field(default_factory=Alert)
    routes: dict[str, Route] = Field(min_length=1)
    groups: dict[str, Group] = Field(min_length=1)

    def check(self, scenario: Scenario) -> None:
        """Every name a route or group uses is one the scenario knows."""
        for rname, r in self.routes.items():
            where = ("smuggling", "routes", rname)
            if r.port is not None and r.port not in scenario.ports:
                raise AtField(
                    (*where, "port"),
                    f"unknown port {r.port!r}; allowed: {', '.join(scenario.ports)}",
                )
            if (
                r.port is not None
                and r.direction == "export"
                and not scenario.ports[r.port].exports
            ):
                raise AtField(
                    (*where, "direction"),
                    f"'export' through port {r.port!r}, which has no [exports] section",
                )
        for gname, g in self.groups.items():
            where = ("smuggling", "groups", gname)
            known = {
                "illicit": (g.illicit, ILLICIT),
                "commodity": (g.commodity, tuple(scenario.commodities)),
                "trader_class": (g.trader_class, TRADER_CLASSES),
            }
            for key, (value, allowed) in known.items():
                if value not in allowed:
                    raise AtField(
                        (*where, key), f"unknown {key} {value!r}; allowed: {', '.join(allowed)}"
                    )
            for field, names in (("routes", g.routes), ("perceived", list(g.perceived))):
                for name in names:
                    if name not in self.routes:
                        raise AtField(
                            (*where, field, *((name,) if field == "perceived" else ())),
                            f"unknown route {name!r}; allowed: {', '.join(self.routes)}",
                        )
            for name in g.perceived:
                if name not in g.routes:
                    raise AtField(
                        (*where, "perceived", name),
                        f"the group does not use route {name!r}, so a belief about it acts "
                        f"on nothing; its routes: {', '.join(g.routes)} (add the route to "
                        "its routes, or give the belief to the group that uses it)",
                    )
            self._ports_of(scenario, gname, g)
            for name in g.routes:
                lane = self.routes[name].lane
                if lane is not None:
                    check_split(lane, float(g.value.mean), ("smuggling", "routes", name, "lane"),
                                gname)
        self._patrols_priced(scenario)

    def _patrols_priced(self, scenario: Scenario) -> None:
        """A costed scenario prices its patrols: ``costs.patrol_role`` is one of its roles."""
        costs = scenario.costs
        patrolled = [name for name, r in self.routes.items() if r.patrol is not None]
        if costs is None or not patrolled or costs.patrol_role in costs.roles:
            return
        given = "patrol_role" in costs.model_fields_set
        raise AtField(
            ("costs", "patrol_role"),
            f"{costs.patrol_role!r}{'' if given else ' (the default)'} prices the patrols of "
            f"smuggling.routes {', '.join(patrolled)}, but is not a role in costs.roles; "
            f"allowed (costs.roles): {', '.join(costs.roles) or '(none)'}: set "
            "costs.patrol_role to one of them, or add the role to costs.roles",
        )

    def _ports_of(self, scenario: Scenario, gname: str, g: Group) -> None:
        """A group's port routes carry its direction, and its origin is one the port knows."""
        for name in g.routes:
            r = self.routes[name]
            if r.port is None:
                continue
            where = ("smuggling", "groups", gname)
            if r.direction != g.direction:
                raise AtField(
                    (*where, "routes"),
                    f"route {name!r} carries {r.direction}s; the group's goods are {g.direction}s",
                )
            origins = scenario.ports[r.port].traffic.origins
            if g.origin not in origins:
                raise AtField(
                    (*where, "origin"),
                    f"origin {g.origin!r} is not among ports.{r.port}.traffic.origins "
                    f"(route {name!r}); allowed: {', '.join(origins)}",
                )
