"""The ``[risk]`` section: the risk engine's settings (see :mod:`sim.model.risk`).

Without the section the static selection tables decide; with it the risk engine does, and the
tables only give each port's check mix (which checks an inspected consignment gets), the
commodity risk profile (``prior.tables``) and, by default, the document-check rates.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from sim.scenario.base import DIRECTIONS, ILLICIT, TRADER_CLASSES, ByDirection
from sim.scenario.base import Strict as _Strict
from sim.scenario.distributions import Duration, hours
from sim.scenario.limits import AtField, Flag, Probability, Real, Whole

#: an inspection rate that may differ between imports and exports (a number: both)
Rate = ByDirection
#: the AUC of an illicit type's score where ``risk.auc`` does not give one
DEFAULT_AUC = 0.75


class RiskPort(_Strict):
    """A port's own settings (the national ones otherwise)."""

    target: Rate | None = Field(default=None, description="target inspection rate here")
    credit_rules: Flag = Field(
        default=True,
        description="apply the credit-class caps and floors here (false e.g. for parcels: "
        "China's rates are those of goods declarations, lists are counted apart)",
    )


class Prior(_Strict):
    """The score's part from declared attributes, in units of the noise's standard deviation
    (additive). ``tables``: add the probit of the selection tables' inspection probability of
    an ordinary trader's goods of that commodity at that port (the tables' risk profile)."""

    tables: Flag = True
    commodity: dict[str, Real] = Field(default_factory=dict)
    origin: dict[str, Real] = Field(default_factory=dict)
    trader_class: dict[str, Real] = Field(default_factory=dict)
    direction: dict[str, Real] = Field(default_factory=dict)
    port: dict[str, Real] = Field(default_factory=dict)


class Alert(_Strict):
    """After a seizure: raise the scores of consignments with the seizure's declared
    signature (commodity and origin; and trader class if ``match_class``). Alerts add
    knowledge only where risk changes during the run (smuggling groups' loads, a surge):
    a steady prevalence is in the score's prior already."""

    delay: Duration = Field(default=hours("1 h"), validate_default=False)
    window: Duration = Field(default=hours("7 d"), validate_default=False)
    boost: Real = Field(
        default=1.0, ge=0, le=10, description="score raise on receipt (0: alerts off)"
    )

    @field_validator("window")
    @classmethod
    def _lasts(cls, v: float) -> float:
        """A window of 0 would make every alert last no time at all: alerts silently off."""
        if v <= 0:
            raise ValueError(
                "an alert's window must be more than 0 (with 0 an alert would last no time "
                "and raise no score); to switch alerts off, set risk.alert.boost = 0"
            )
        return v
    scope: Literal["national", "port"] = "national"
    match_class: Flag = False
    patrols: Flag = Field(
        default=True,
        description="a smuggling patrol's catch outside the ports raises the same alert, on "
        "the group's declared signature (its commodity, origin and class), at every port "
        "within national scope (none with scope 'port' or with an organisation, whose "
        "alerts travel from seizures at ports)",
    )


class Learning(_Strict):
    """Labelled outcomes (inspected goods only) raise each type's AUC towards ``auc_max``:
    AUC = max - (max - AUC0) * exp(-labels / labels_scale)."""

    auc_max: Annotated[Real, Field(gt=0.5, lt=1)] = 0.95
    labels: Annotated[Real, Field(gt=0)] = 10_000.0


class Throttle(_Strict):
    """Capacity-aware throttling: when a port's exam queue exceeds ``queue``, its target
    rate is scaled by queue / length, never below ``min_share`` of it. The exam queue is the
    consignments waiting at the port's exam yard for a bay, movers or an exam team, read at
    each refresh; a run whose throttle never engaged says so."""

    queue: Annotated[Real, Field(gt=0)] = 50.0
    min_share: Probability = 0.5


class Partner(_Strict):
    """A partner customs that shares its data on goods of one origin (smart sharing): better
    scores for the declarations its data covers, its seizures as alerts here, electronic
    certificates in place of document checks."""

    coverage: Probability = Field(
        default=1.0, description="share of this origin's declarations the partner's data covers"
    )
    auc_uplift: Annotated[Real, Field(ge=0, le=0.49)] = Field(
        default=0.0,
        description="added to each illicit type's AUC for covered declarations (at most 0.999)",
    )
    alert_rate: Annotated[Real, Field(ge=0, le=1000)] = Field(
        default=0.0,
        description="the partner's seizures of goods from or to it reported here, per day "
        "(a Poisson stream; each one's commodity drawn in proportion to the illicit flow)",
    )
    alert_delay: Duration = Field(
        default=hours("7 d"),
        validate_default=False,
        description="from the partner's seizure to its alert's receipt here",
    )
    certificates: Probability = Field(
        default=0.0,
        description="share of covered declarations' document checks done by an electronic "
        "certificate instead of an officer",
    )


class RiskConfig(_Strict):
    """The risk engine: scores, a threshold that holds a target rate, and the credit rules."""

    enabled: Flag = Field(
        default=True, description="false: the section is kept but the tables decide"
    )
    refresh: Duration = Field(
        default=hours("1 h"),
        validate_default=False,
        description="decisions use the state of the run at most this old (threshold, alerts)",
    )
    target: Rate = Field(
        description="target inspection rate (scan, physical or quarantine) of declarations "
        "of traders without a credit rule"
    )
    ports: dict[str, RiskPort] = Field(default_factory=dict)
    random_share: Probability = Field(
        default=0.1, description="share of the target met by random selection (exploration)"
    )
    window: Annotated[Whole, Field(ge=10, le=1_000_000)] = Field(
        default=5000,
        description="recent scores the threshold's quantile is taken over (it lags a change "
        "shorter than the time these take to arrive: at a low-volume port a shorter window)",
    )
    auc: dict[str, Annotated[Real, Field(ge=0.5, lt=1)]] = Field(
        default_factory=dict, description="AUC of the score per illicit type (default 0.75)"
    )
    caps: dict[str, Probability] = Field(
        default_factory=lambda: {"aeo_advanced": 0.2},
        description="class: its inspection rate at most this fraction of the 'general' rate, "
        "per port over both directions: each of its declarations earns this fraction of the "
        "'general' rate of the time (over about the port's last `window` 'general' "
        "decisions), and its inspections never exceed those earnings by more than two; so "
        "over the observed days it stays at about this fraction of their 'general' rate, "
        "two inspections above it at most, give or take the lag of that recent rate",
    )
    floors: dict[str, Probability] = Field(
        default_factory=lambda: {"discredited": 0.8},
        description="class: its inspection rate at least this, per port over both "
        "directions and every decision of the run (warm-up included), so rep-NNNN-risk.csv, "
        "per direction and over the cohort, can show a class below its floor",
    )
    document: Literal["table"] | Rate = Field(
        default="table",
        description="document checks: 'table' (the selection tables) or a target rate, "
        "the highest scores",
    )
    prior: Prior = Field(default_factory=Prior)
    alert: Alert = Field(default_factory=Alert)
    learning: Learning | None = None
    throttle: Throttle | None = None
    partners: dict[str, Partner] = Field(
        default_factory=dict,
        description="origin: a partner customs sharing its data on goods of that origin",
    )

    @model_validator(mode="after")
    def _names(self) -> RiskConfig:
        _known("auc", self.auc, ILLICIT, "illicit type")
        ruled = tuple(k for k in TRADER_CLASSES if k != "general")  # (see below)
        _known("caps", self.caps, ruled, "trader class", TRADER_CLASSES)
        _known("floors", self.floors, ruled, "trader class", TRADER_CLASSES)
        _known("prior.trader_class", self.prior.trader_class, TRADER_CLASSES, "trader class")
        _known("prior.direction", self.prior.direction, DIRECTIONS, "direction")
        self._learning_above_auc()
        for cls in sorted(set(self.caps) & set(self.floors)):
            raise AtField(
                ("caps", cls),
                f"trader class {cls!r} has both a cap and a floor of {self.floors[cls]:g}",
                sources={"the cap": ("caps", cls), "the floor": ("floors", cls)},
                hint="give it one or the other: an empty table in a file or a --set (caps = "
                "{} or floors = {}) clears all of one, those a parent file sets and the "
                "defaults (caps: aeo_advanced 0.2; floors: discredited 0.8) included",
            )
        for field in ("caps", "floors"):
            if "general" in getattr(self, field):
                raise AtField(
                    (field, "general"),
                    "'general' is the ordinary class whose rate the caps and floors refer to; "
                    f"allowed: {', '.join(c for c in TRADER_CLASSES if c != 'general')}",
                )
        return self

    def _learning_above_auc(self) -> None:
        """Learning raises each type's AUC towards ``auc_max`` and never lowers it: a ceiling
        below a type's AUC would leave that type's learning idle, silently."""
        if self.learning is None:
            return
        top = self.learning.auc_max
        kind = max(ILLICIT, key=lambda k: self.auc.get(k, DEFAULT_AUC))  # (the first highest)
        auc = self.auc.get(kind, DEFAULT_AUC)
        if top >= auc:
            return
        given = f"risk.auc.{kind} = {auc:g}" if kind in self.auc else (
            f"the AUC of {kind!r}, {auc:g} by default (risk.auc)"
        )
        raise AtField(
            ("learning", "auc_max"),
            f"below {given}: learning raises an AUC towards auc_max and never lowers it, so "
            f"it would never act on that type; allowed: from {auc:g} to below 1 (or a "
            f"lower risk.auc.{kind})",
            value=top,
        )

    def target_at(self, port: str, direction: int) -> float:
        own = self.ports.get(port)
        rate = own.target if own is not None and own.target is not None else self.target
        return rate.of(direction)

    def rules_at(self, port: str) -> bool:
        own = self.ports.get(port)
        return own is None or own.credit_rules


def _known(
    where: str, keys: Any, allowed: tuple[str, ...], what: str, real: tuple[str, ...] = ()
) -> None:
    """Every key is one of ``allowed`` (one of ``real`` but not allowed has an error of its
    own, saying why)."""
    for k in keys:
        if k not in allowed and k not in real:
            raise AtField(
                tuple(where.split(".")) + (k,),
                f"unknown {what} {k!r}; allowed: {', '.join(allowed)}",
            )


def check_references(risk: RiskConfig | None, info: ValidationInfo) -> RiskConfig | None:
    """Ports, commodities and origins the section names must be the scenario's."""
    if risk is None:
        return None
    # (a section that failed validation is missing here: it has its own error, and checking
    # against it would add a false one, e.g. every port "unknown")
    ports = info.data.get("ports")
    commodities = info.data.get("commodities")
    if ports is not None:
        for name in list(risk.ports) + list(risk.prior.port):
            if name not in ports:
                section = "ports" if name in risk.ports else "prior.port"
                raise AtField(
                    tuple(section.split(".")) + (name,),
                    f"unknown port {name!r}; allowed: {', '.join(ports)}",
                )
    if commodities is not None:
        _known("prior.commodity", risk.prior.commodity, tuple(commodities), "commodity")
    if ports is not None:
        origins = tuple(sorted({o for p in ports.values() for o in p.traffic.origins}))
        _known("prior.origin", risk.prior.origin, origins, "origin")
        _known("partners", risk.partners, origins, "origin")
    return risk


#: the type of ``Scenario.risk``: checked against the ports and commodities declared before it
RiskField = Annotated[RiskConfig | None, AfterValidator(check_references)]
