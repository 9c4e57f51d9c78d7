"""The customs organisation in the scenario: the ``[organisation]`` section.

A tree of units (the General Administration, national business-function centres,
directly-affiliated customs, subordinate customs, field points at the ports), each with staff
by role and the tasks it handles, written out unit by unit (``units``) or generated from the
directly-affiliated customs and a headcount per role (``generate``). The ``structure`` says
where each kind of work is decided: ``spindle`` (about 2016: at the directly-affiliated
customs), ``hybrid`` (2019: national risk and tax centres since the 2017 clearance
integration, the customs keep their own offices) or ``dumbbell`` (the seed paper's proposal:
General Administration and national centres straight to the front line). Every advantage of
a structure is an explicit parameter (``advantages``), so that either can win. A neutral
setting removes the advantages, not the paths: the hops and forwarding reviews of a request
differ by structure, so results are equal only on a tree whose paths are the same in each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic import Strict as StrictValue

from sim.scenario.base import Extended, Strict
from sim.scenario.distributions import Duration, DurationDist, fixed, hours
from sim.scenario.limits import AtField, Flag, Probability, Real, Whole, real, whole
from sim.scenario.local_risks import DESCRIPTION as LOCAL_RISKS
from sim.scenario.local_risks import LocalRisk, check_types
from sim.scenario.office_hours import OfficeHours
from sim.scenario.window_hint import risk_switch_hint

STRUCTURES = ("spindle", "hybrid", "dumbbell")
LEVELS = ("national", "regional", "local", "field")
#: the work that travels through the organisation, and the staff role that does each
TASKS = ("ruling", "case", "quarantine", "alert", "directive")
ROLE_OF = {
    "ruling": "tariff",
    "case": "anti_smuggling",
    "quarantine": "quarantine",
    "alert": "risk",
    "directive": "management",
}
ROLES = tuple(ROLE_OF.values())
#: escalation types a consignment may raise (alerts and directives are not escalations)
ESCALATIONS = ("ruling", "quarantine", "case")

Structure = Literal["spindle", "hybrid", "dumbbell"]
Level = Literal["national", "regional", "local", "field"]
Heads = Annotated[int, BeforeValidator(whole), StrictValue(), Field(ge=0, le=10**6)]
#: an AUC bonus for locally known risks (AUC itself is at most 1)
AucBonus = Annotated[float, BeforeValidator(real), Field(ge=0, le=0.5, allow_inf_nan=False)]
#: CNY per head per year
Cost = Annotated[float, BeforeValidator(real), Field(ge=0, le=1e8, allow_inf_nan=False)]


def _keys(values: Mapping[str, object], allowed: tuple[str, ...], what: str, field: str) -> None:
    """Every key of the table ``field`` is one of ``allowed``."""
    for k in values:
        if k not in allowed:
            raise AtField((field, k), f"unknown {what} {k!r}; allowed: {', '.join(allowed)}")


class Role(Strict):
    """Staff of one role at a unit: how many, and what one costs a year (CNY)."""

    count: Heads = Field(
        description="officers of this role at the unit, on duty around the clock unless "
        "`office_hours` gives their hours"
    )
    cost_per_year: Cost = Field(default=0.0, description="CNY per head per year")


class Unit(Strict):
    """One unit of the tree. ``tasks`` gives the service time of one request of each task
    the unit handles; the staff of the task's role serve them (one FIFO queue per role)."""

    name: str = ""
    level: Level
    parent: str = Field(default="", description="the parent unit's id; empty only for the root")
    staff: dict[str, Role] = Field(default_factory=dict)
    tasks: dict[str, DurationDist] = Field(default_factory=dict)
    ports: list[str] = Field(default_factory=list, description="ports this field unit serves")

    @model_validator(mode="after")
    def _known(self) -> Unit:
        _keys(self.staff, ROLES, "role", "staff")
        _keys(self.tasks, TASKS, "task", "tasks")
        for task in self.tasks:
            role = self.staff.get(ROLE_OF[task])
            if role is None or role.count == 0:
                raise AtField(
                    "tasks",
                    f"task {task!r} needs {ROLE_OF[task]!r} staff at this unit; it has none",
                )
        return self

    def handles(self, task: str) -> bool:
        return task in self.tasks

    def heads(self) -> int:
        return sum(r.count for r in self.staff.values())


def _levels(**by: Level) -> dict[str, Level]:
    return dict(by)


class Escalation(Strict):
    """One kind of escalation: who raises it, which level decides it in each structure and
    whether the goods wait for the decision."""

    share: Probability = Field(default=0.0, description="share of eligible consignments")
    applies: Literal["all", "statutory", "caught"] = "all"
    holds: Probability = Field(
        default=1.0, description="share of those raised whose goods wait for the decision"
    )
    decided_at: dict[str, Level] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _structures(self) -> Escalation:
        _keys(self.decided_at, STRUCTURES, "structure", "decided_at")
        return self

    def level(self, structure: str) -> str:
        """The deciding level in ``structure`` (an entry of the scenario's escalations has
        every structure filled in from its kind's default)."""
        return self.decided_at[structure]


def _escalation_defaults() -> dict[str, dict[str, Any]]:
    """Rulings before release go to the tax centres from 2017, quarantine approvals and
    cases stay with the directly-affiliated customs until the dumbbell moves them up. Shares
    are zero: a scenario says how often each is raised."""
    regional_until_dumbbell = _levels(spindle="regional", hybrid="regional", dumbbell="national")
    return {
        "ruling": {
            "decided_at": _levels(spindle="regional", hybrid="national", dumbbell="national")
        },
        "quarantine": {"applies": "statutory", "decided_at": regional_until_dumbbell},
        "case": {"applies": "caught", "holds": 0.0, "decided_at": regional_until_dumbbell},
    }


def _default_escalations() -> dict[str, Escalation]:
    return {k: Escalation(**v) for k, v in _escalation_defaults().items()}


def _kind_defaults(kind: str, given: object) -> object:
    """An escalation entry as written, over its kind's default: a field it omits, or a
    structure it leaves out of ``decided_at``, keeps the kind's default (not the class's)."""
    base = _escalation_defaults().get(kind)
    if base is None:  # an unknown kind: refused by the spec's validator
        return given
    if isinstance(given, Escalation):
        given = given.model_dump(exclude_unset=True)
    if not isinstance(given, Mapping):
        return given
    at = given.get("decided_at", {})
    if isinstance(at, Mapping):
        at = {**base["decided_at"], **at}
    return {**base, **given, "decided_at": at}


class Generate(Strict):
    """A tree generated by structure: the General Administration, a centre per task decided
    nationally, the directly-affiliated customs with their ports, a subordinate customs per
    port (not in the dumbbell) and a field point per port. Each role's total headcount is the
    same in every structure; the structure only says where the heads sit."""

    customs: dict[str, list[str]] = Field(
        min_length=1,
        description="directly-affiliated customs and the ports each serves (one or more; each "
        "port under one customs, once)",
    )
    subordinate: Flag = Field(default=True, description="a subordinate customs per port")
    staff: dict[str, Heads] = Field(default_factory=dict, description="total heads per role")
    cost_per_year: dict[str, Cost] = Field(default_factory=dict, description="CNY per head")
    service: dict[str, DurationDist] = Field(
        default_factory=dict, description="a decision's service time, by task"
    )
    forward: dict[str, DurationDist] = Field(
        default_factory=dict, description="review time at a unit that passes a request on"
    )
    local_heads: Heads = Field(
        default=1,
        description="officers of each role at each subordinate customs who review and pass "
        "requests on (taken from the role's total; in the dumbbell they move to the centre)",
    )
    centre_share: Probability = Field(
        default=0.5,
        description="hybrid: share of a nationally decided role's heads at its centre, of "
        "those left after every subordinate customs takes its local_heads (the others sit at "
        "the directly-affiliated customs; rounded to a whole head)",
    )
    weights: dict[str, Cost] = Field(
        default_factory=dict,
        description="how each role's heads at the directly-affiliated customs split among "
        "them, by customs as listed before any merge (every customs, or none: an equal "
        "split); a merged customs keeps the sum of its parts' heads",
    )
    merge: dict[str, list[str]] = Field(
        default_factory=dict,
        description="customs merged into one: new id -> the two or more customs it pools (ports, "
        "staff); the id may be one of theirs, not another customs'",
    )

    @model_validator(mode="after")
    def _known(self) -> Generate:
        self._ports_once()
        self._merges()
        _keys(self.staff, ROLES, "role", "staff")
        _keys(self.cost_per_year, ROLES, "role", "cost_per_year")
        _keys(self.service, TASKS, "task", "service")
        _keys(self.forward, TASKS, "task", "forward")
        _keys(self.weights, tuple(self.customs), "customs", "weights")
        missing = [c for c in self.customs if c not in self.weights]
        if self.weights and missing:
            raise AtField(
                "weights",
                f"no weight for customs {', '.join(map(repr, missing))} (listed in "
                "organisation.generate.customs): weights split the heads among the customs, "
                "and one left out would get a default weight of 1 against the others' given "
                "weights; give every customs a weight, or none for an equal split",
            )
        return self

    def _ports_once(self) -> None:
        """Each customs serves a port or more, and each port is served by one customs, once
        (a port's units are generated once: a second customs would keep idle, costed staff)."""
        owner: dict[str, str] = {}
        for cid, ports in self.customs.items():
            if not ports:
                raise AtField(
                    ("customs", cid),
                    f"customs {cid!r} serves no port; list its ports, or leave it out",
                )
            for port in ports:
                if port in owner:
                    where = (
                        f"listed twice under customs {cid!r}"
                        if owner[port] == cid
                        else f"belongs to customs {owner[port]!r} and {cid!r}"
                    )
                    raise AtField(
                        ("customs", cid), f"port {port!r} {where}; list each port once"
                    )
                owner[port] = cid

    def _merges(self) -> None:
        """Each merge pools two customs or more, each merged once, under an id that is not
        another customs' (whose ports it would pool too, unlisted)."""
        seen: dict[str, str] = {}
        for new, olds in self.merge.items():
            if not olds:
                raise AtField(("merge", new), "name the customs to merge")
            for old in olds:
                if old not in self.customs:
                    raise AtField(
                        ("merge", new),
                        f"unknown customs {old!r}; allowed: {', '.join(self.customs)}",
                    )
                if old in seen:
                    raise AtField(
                        ("merge", new), f"customs {old!r} is merged into {seen[old]!r} already"
                    )
                seen[old] = new
            if len(set(olds)) < 2:
                raise AtField(
                    ("merge", new),
                    f"a merge pools two customs or more; {new!r} names only {olds[0]!r} "
                    "(a merge of one pools nothing: leave the entry out, or rename the customs "
                    "in organisation.generate.customs)",
                )
            if new in self.customs and new not in olds:
                raise AtField(
                    ("merge", new),
                    f"{new!r} is a customs not in this merge, whose ports it would pool too: "
                    f"list {new!r} among the customs merged, or give the merge another id",
                )

    def merged_into(self, cid: str) -> str:
        """The customs that customs ``cid`` (as listed) is after the merges."""
        return next((n for n, olds in self.merge.items() if cid in olds), cid)

    def merged(self) -> dict[str, list[str]]:
        """The customs after the merges, with their ports."""
        customs: dict[str, list[str]] = {}
        for cid, ports in self.customs.items():
            customs.setdefault(self.merged_into(cid), []).extend(ports)
        return customs

    def weight(self, cid: str) -> float:
        """How customs ``cid`` (as listed) weighs in the split of heads (1: none given)."""
        return self.weights.get(cid, 1.0)


#: reports one manager directs (see OrganisationSpec.span_of_control)
Span = Annotated[int, BeforeValidator(whole), StrictValue(), Field(ge=1, le=1000)]


def _today() -> list[Structure]:
    return ["spindle", "hybrid"]


class Advantages(Extended):
    """Every advantage of a structure, explicit (all neutral by default)."""

    ADDED: ClassVar[tuple[str, ...]] = ("transition_shape", "transition_from", "local_risks")

    middle_filter: Probability = Field(
        default=0.0,
        description="share of escalations the middle layer resolves itself instead of passing "
        "them up: decided at the highest directly-affiliated or subordinate customs below the "
        "decider (a subordinate customs in the spindle, the customs below a national centre "
        "in the hybrid; none in the dumbbell), they go no further and take no upper unit's time",
    )
    local_knowledge_auc: dict[str, AucBonus] = Field(
        default_factory=dict,
        description="AUC bonus for locally known risks, by structure (the risk engine adds it "
        "to the AUC in force: learned, or risk.auc)",
    )
    local_risks: dict[str, LocalRisk] = Field(default_factory=dict, description=LOCAL_RISKS)
    uniform_standards: Real = Field(
        default=1.0, ge=0, le=1, description="dumbbell: factor on the escalation shares"
    )
    transition_loss: Probability = Field(
        default=0.0,
        description="productivity lost right after a change of structure: it slows only a "
        "structure newly adopted (one not in today), never today's",
    )
    transition_days: Real = Field(default=0.0, ge=0, le=3650)
    transition_shape: Literal["constant", "linear"] = Field(
        default="constant",
        description="how the running-in's loss goes: constant (all of transition_loss until "
        "transition_days end, then none) or linear (all of it on the first day, fading in a "
        "straight line to none at the end: an assumption, the simplest dip and recovery)",
    )
    transition_from: Literal["run", "observation"] = Field(
        default="run",
        description="where transition_days count from: the run's start, warm-up included, or "
        "the first observed day, taken as the reform's start date (the structure is built for "
        "the whole run, so the warm-up runs it at full productivity to fill its queues: an "
        "assumption)",
    )
    today: list[Structure] = Field(
        default_factory=_today,
        description="today's structures, which run with no transition loss: by default the "
        "spindle and the hybrid (the same directly-affiliated and subordinate customs; the "
        "hybrid adds the 2017 national centres beside them); the dumbbell, which removes the "
        "subordinate level and moves every head, is the change that runs in",
    )

    @model_validator(mode="after")
    def _structures(self) -> Advantages:
        _keys(self.local_knowledge_auc, STRUCTURES, "structure", "local_knowledge_auc")
        check_types(self.local_risks)
        return self


class OrganisationSpec(Extended):
    """The organisation: its tree (``units`` or ``generate``), the structure, the work that
    crosses levels and the time a message takes per hop. Staff do only the work modelled:
    each role serves its own task's requests (tariff: rulings; quarantine: quarantine
    approvals; anti_smuggling: cases; risk: alerts; management: only the directive, issued
    at the General Administration every ``directive_every`` and reviewed on its way down).
    Management heads have no other work (no coordination, supervision or filtering: the
    middle layer's filter is the share ``advantages.middle_filter``, not their work), so
    cutting them saves their cost and costs no service in the model. A note names heads with
    no modelled work, and heads whose role has no price."""

    ADDED = ("price_year", "span_of_control")

    structure: Structure = "hybrid"
    price_year: Whole | None = Field(
        default=None, ge=1900, le=2200,
        description="the year whose prices the staff's cost_per_year (CNY a head) are at: "
        "said beside the staff cost figures (bordersim org) and in the money a run's table "
        "and a comparison name, which name no year without it; with [costs], it must be "
        "costs.price_year (no deflator is applied: give the staff's cost at that year's prices)",
    )
    units: dict[str, Unit] = Field(default_factory=dict)
    generate: Generate | None = None
    span_of_control: dict[str, Span] = Field(
        default_factory=dict,
        description="by level: the reports (units under it, officers of every role but "
        "management) one manager directs; a unit of that level needs reports / span "
        "managers' posts (rounded up, at least one). A level not given has no limit: each "
        "of its units is headed by one manager (an assumption: one leading post a unit). "
        "The posts are priced at their level's management cost (org_manager_posts, "
        "org_manager_cost_per_year); the span-of-control literature puts a span at 5 to 10 "
        "(Urwick 1956: at most 5 or 6 where the reports' work interlocks)",
    )
    escalations: dict[str, Escalation] = Field(default_factory=_default_escalations)
    transfer: DurationDist = Field(
        default_factory=lambda: fixed("1 h"),
        validate_default=False,
        description="one hop of a request, decision, alert or directive",
    )
    transfer_to: dict[str, DurationDist] = Field(
        default_factory=dict,
        description="by level: a hop whose destination unit is at that level takes this "
        "instead of transfer (a request passed up to it waits this long first: an intake "
        "that batches); a hop from it (a decision sent back down, an alert or directive "
        "sent out) takes the time of the level it reaches",
    )
    alert_level: dict[str, Level] = Field(
        default_factory=lambda: _levels(spindle="regional", hybrid="national", dumbbell="national")
    )
    directive_every: Duration = Field(
        default=hours("30 d"),
        validate_default=False,
        description="the General Administration issues a directive this often (0: never)",
    )
    advantages: Advantages = Field(default_factory=Advantages)
    office_hours: OfficeHours | None = Field(
        default=None,
        description="when the units' staff start requests (none: around the clock)",
    )

    @field_validator("generate", mode="before")
    @classmethod
    def _not_empty(cls, v: object) -> object:
        if isinstance(v, Mapping) and not v:
            raise ValueError(
                "an empty generate table generates no tree; to replace a parent's generated "
                "tree write units alone (a child file's units replace its parent's generate, "
                "and its generate the parent's units)"
            )
        return v

    @field_validator("escalations", mode="before")
    @classmethod
    def _escalation_defaults(cls, v: object) -> object:
        if not isinstance(v, Mapping):
            return v
        return {k: _kind_defaults(k, e) for k, e in v.items()}

    @field_validator("directive_every")
    @classmethod
    def _often(cls, v: float) -> float:
        if 0 < v < 1.0:
            raise ValueError(f"0 (never) or at least 1 h; got {v:g} h")
        return v

    @model_validator(mode="after")
    def _one_tree(self) -> OrganisationSpec:
        _keys(self.escalations, ESCALATIONS, "escalation", "escalations")
        _keys(self.transfer_to, LEVELS, "level", "transfer_to")
        _keys(self.span_of_control, LEVELS, "level", "span_of_control")
        _keys(self.alert_level, STRUCTURES, "structure", "alert_level")
        if bool(self.units) == (self.generate is not None):
            raise ValueError(
                "give the tree either as units or as generate, exactly one"
                + (" (in one file: a child file's units replace its parent's generate, and "
                   "its generate the parent's units)" if self.units else "")
            )
        return self

    def escalation(self, kind: str) -> Escalation:
        return self.escalations.get(kind) or _default_escalations()[kind]

    def level_of(self, task: str) -> str:
        """The level that decides ``task`` in this structure."""
        if task == "alert":
            return self.alert_level.get(self.structure, "national")
        if task == "directive":
            return "national"
        return self.escalation(task).level(self.structure)


def unused_local_knowledge(scenario: Any) -> str | None:
    """Why the organisation's local-knowledge advantage does nothing in ``scenario`` (it acts
    only through the risk engine, which the scenario lacks or has switched off); else None."""
    org = getattr(scenario, "organisation", None)
    if org is None or not any(v > 0 for v in org.advantages.local_knowledge_auc.values()):
        return None
    risk = getattr(scenario, "risk", None)
    if risk is not None and risk.enabled:
        return None
    bonus = ", ".join(f"{k} {v:g}" for k, v in org.advantages.local_knowledge_auc.items())
    why = "has no [risk] section" if risk is None else "has it switched off (risk.enabled false)"
    switch = (
        "give the engine a target inspection rate to apply it, e.g. "
        + risk_switch_hint(scenario)
        if risk is None
        else "switch it on to apply it (--set risk.enabled=true)"
    )
    return (
        f"organisation.advantages.local_knowledge_auc ({bonus}) acts only through the risk "
        f"engine, and scenario {scenario.name!r} {why}: the selection tables decide, so "
        "structures do not differ in detection by local knowledge (org_local_knowledge_auc_bonus "
        f"is reported but not applied); {switch}"
    )


def unused_alerts(scenario: Any) -> str | None:
    """Why the organisation's alerts change no selection in ``scenario`` (only the risk
    engine acts on one, raising matching scores, and the scenario lacks it or has it off);
    else None."""
    org = getattr(scenario, "organisation", None)
    risk = getattr(scenario, "risk", None)
    if org is None or (risk is not None and risk.enabled):
        return None
    why = "has no [risk] section" if risk is None else "has it switched off (risk.enabled false)"
    return (
        "the organisation's alerts travel to the ports (alert_reach, alert_propagation_h_mean), "
        f"but only the risk engine acts on an alert, and scenario {scenario.name!r} {why}: "
        "alerts change no selection there, so a structure's reach or speed of alerts changes "
        "nothing for goods or seizures"
    )
