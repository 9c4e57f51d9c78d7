"""The hidden truth and what each check can find: the scenario's ``[enforcement]`` section.

Every consignment is compliant or carries one illicit type (:data:`ILLICIT`). How often, by
type, commodity, trader class, origin, direction and port, is an explicit assumption of the
scenario (``prevalence`` times multipliers); what each check finds is a detection probability
by type, with a false-alarm rate where a check can send compliant goods on. Seizure rates are
then an outcome of prevalence x selection x detection, never an input (DESIGN.md section 2).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BeforeValidator,
    Field,
    field_validator,
    model_validator,
)
from pydantic import Strict as StrictValue
from scipy import special

from sim.scenario.base import DIRECTIONS, FIRST_TYPES, ILLICIT, TRADER_CLASSES, Extended, Strict
from sim.scenario.distributions import DurationDist, fixed
from sim.scenario.ipr import IprProcedure
from sim.scenario.limits import AtField, Probability, Real, real, whole

#: the multiplier tables of a prevalence, in the order a combination's total multiplies them
_BY = ("by_port", "by_commodity", "by_class", "by_origin", "by_direction")

#: what happens to goods when an illicit type is found before release
OUTCOME_KINDS = ("seized", "detained", "rejected", "reassessed")
#: a type found by the check that ends a journey: tobacco, frozen products and endangered
#: species (wildlife) are seized, counterfeits detained (intellectual property), pests
#: rejected (or treated), undervalued goods reassessed and released
Outcome = Literal["seized", "detained", "rejected", "reassessed"]
DEFAULT_OUTCOMES: dict[str, Outcome] = {
    "tobacco": "seized",
    "counterfeit": "detained",
    "frozen": "seized",
    "pest": "rejected",
    "undervaluation": "reassessed",
    "wildlife": "seized",
}

PerType = dict[str, Probability]
Units = Annotated[int, BeforeValidator(whole), StrictValue(), Field(ge=1, le=10**7)]
Staff = Annotated[int, BeforeValidator(whole), StrictValue(), Field(ge=0, le=10**6)]
#: an officer's minutes per unit drawn for a sample (at most 10 h a unit: beyond any plan)
Minutes = Annotated[float, BeforeValidator(real), Field(ge=0, le=600, allow_inf_nan=False)]
Multipliers = dict[str, Real]


def _types(v: dict[str, Any], what: str = "illicit type") -> dict[str, Any]:
    for k in v:
        if k not in ILLICIT:
            raise AtField(k, f"unknown {what} {k!r}; allowed: {', '.join(ILLICIT)}")
    return v


def _no_pest(v: dict[str, Any]) -> dict[str, Any]:
    """Refuse a pest probability in a quarantine check's table: it would be ignored, since the
    sampling plan decides whether a check finds pests."""
    if "pest" in v:
        raise AtField(
            "pest",
            "a quarantine check's pest detection comes from enforcement.sampling, not from "
            "this table: visual_sensitivity for the on-site check, and for a sampled "
            "consignment also the sampling plan (units_per_container, infested_share, "
            "sample_units) times lab_sensitivity; set those instead",
            v["pest"],
        )
    return v


def _multipliers(v: dict[str, Any]) -> dict[str, Any]:
    _types(v)
    for k, m in v.items():
        if not 0 <= m <= 1e4:
            raise AtField(k, f"a prevalence multiplier must be in [0, 10000]; got {m}")
    return v


def _tables_of_multipliers(v: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Multipliers by commodity (class, origin, ...): a bad one is named with its table's key."""
    for key, m in v.items():
        try:
            _multipliers(m)
        except AtField as exc:
            raise AtField((key, *exc.path), str(exc)) from None
    return v


class Concealment(Strict):
    """A share of each type is concealed deeply (false walls, mixed loads): scans and exams
    find it less often."""

    share: PerType = Field(default_factory=dict, description="share deeply concealed, by type")
    scan_factor: Probability = Field(default=0.5, description="scan detection multiplier")
    exam_factor: Probability = Field(default=0.7, description="exam detection multiplier")

    _check = field_validator("share")(lambda v: _types(v))


def _some_infested(v: float | None) -> float | None:
    """An infested consignment holds at least one infested unit: a share of 0 would give it
    none, so no sample could ever find it."""
    if v is not None and v <= 0:
        raise ValueError(
            "must be more than 0: an infested consignment holds at least one infested "
            "unit (a share too small for one unit counts as one); for pests no "
            "laboratory finds, set lab_sensitivity = 0 instead"
        )
    return v


class CommodityPlan(Extended):
    """One commodity's own sampling plan (fruit, timber and frozen goods are packed, infested
    and sampled differently): each field it gives replaces ``enforcement.sampling``'s for
    that commodity's consignments; a field left out keeps the scenario-wide one."""

    units_per_container: Units | None = None
    infested_share: Probability | None = None
    sample_units: Units | None = None
    lab_sensitivity: Probability | None = None
    ADDED: ClassVar[tuple[str, ...]] = ("minutes_per_unit",)
    minutes_per_unit: Minutes | None = Field(
        default=None,
        description="the officer's minutes per unit drawn for this commodity's sample "
        "(none: enforcement.sampling's)",
    )

    _infested = field_validator("infested_share")(_some_infested)


class Sampling(Extended):
    """Quarantine sampling for pests (popsborder's model): a consignment of
    ``units_per_container`` units per container, a share of them infested (at least one unit),
    ``sample_units`` drawn without replacement (hypergeometric); the laboratory then finds an
    infested sample with ``lab_sensitivity``. The officer checks the goods visually whether or
    not a sample is taken (``visual_sensitivity``), so a sampled consignment is found by
    either, independently: ``1 - (1 - visual) (1 - lab)``.

    ``by_commodity`` gives a commodity a plan of its own (its units per container, infested
    share, sample size or laboratory sensitivity); the rest of the goods keep these.

    Simplifications: without ``by_commodity`` the infested share is one number for all goods,
    and ``units_per_container`` is global (a parcel or a truck counts as that many units); units
    are drawn at random from the whole consignment (no box-level or clustered sampling).

    Drawing the units takes the officer time: ``minutes_per_unit`` for each unit drawn is
    added to the quarantine check of a consignment that sends a sample (0 by default: the
    check takes its own time only). The units drawn go to the laboratory as one sample (one
    place in a batch, one test's fee), however many they are: an assumption (the units of
    a lot are bulked into one laboratory sample), so a bigger sample costs check time, not
    laboratory room.

    The plan acts only on the infested consignments a quarantine check samples
    (``pest_sampled_share_<commodity>``): the default scenario samples about one in ten days,
    all commodities together, so a change of ``sample_units`` or ``lab_sensitivity`` shows
    little or no difference in a run of a few weeks and a small but clear one over a
    quarter's observed days (``--days 91``); sampling more of the checks
    (``ports.<port>.quarantine.sample_share``) shows it sooner (docs/laboratory.md)."""

    units_per_container: Units = 1000
    infested_share: Probability = 0.02
    sample_units: Units = 150
    lab_sensitivity: Probability = 0.9
    visual_sensitivity: Probability = 0.3
    ADDED: ClassVar[tuple[str, ...]] = ("by_commodity", "minutes_per_unit")
    by_commodity: dict[str, CommodityPlan] = Field(
        default_factory=dict,
        description="a commodity's own plan: the fields it gives replace these for its goods",
    )
    minutes_per_unit: Minutes = Field(
        default=0.0,
        description="the officer's minutes per unit drawn, added to the quarantine check of "
        "a consignment that sends a sample (0: drawing costs no time)",
    )

    _infested = field_validator("infested_share")(_some_infested)

    def plan(self, commodity: str) -> tuple[int, float, int, float]:
        """A commodity's units per container, infested share, sample units and laboratory
        sensitivity: its own plan's where it gives them, else the scenario-wide ones."""
        own = self.by_commodity.get(commodity, CommodityPlan())
        return (
            own.units_per_container or self.units_per_container,
            self.infested_share if own.infested_share is None else own.infested_share,
            own.sample_units or self.sample_units,
            self.lab_sensitivity if own.lab_sensitivity is None else own.lab_sensitivity,
        )

    def minutes(self, commodity: str) -> float:
        """A commodity's minutes per unit drawn: its own plan's where given, else these."""
        own = self.by_commodity.get(commodity, CommodityPlan()).minutes_per_unit
        return self.minutes_per_unit if own is None else own


class OriginInspection(Strict):
    """Pre-shipment quarantine inspection at origin (the seed paper's "pre-inspection of
    origin"): a share of the imports of the ``commodities`` it covers, by trader class, is
    inspected in the exporting country before shipment. What that inspection finds there
    (``finds``, by illicit type) is treated or replaced before the goods ship, so the covered
    consignments arrive with a prevalence of each type times ``1 - finds``; at the border
    they are selected for a quarantine check at ``border_checks`` times the usual rate.
    Consignments it does not cover, and every trader class without an uptake, are
    untouched. The uptake draw is a trader's attribute (independent of the hidden truth):
    the covered share is not chosen for being compliant.

    Simplifications: the inspection at origin costs the border nothing and takes none of
    the consignment's time (it is done before the goods leave); it is one rate for every
    origin (no protocol by country)."""

    uptake: dict[str, Probability] = Field(
        default_factory=dict,
        description="share of the covered imports inspected at origin, by trader class or "
        "'*' (every class not listed); none by default",
    )
    commodities: list[str] = Field(
        default_factory=list,
        description="commodities the programme covers (empty: every commodity)",
    )
    finds: PerType = Field(
        default_factory=dict,
        description="share of each illicit type the inspection at origin stops before "
        "shipment (the covered goods' prevalence is times 1 - finds)",
    )
    border_checks: Probability = Field(
        default=1.0,
        description="factor on the covered consignments' selection for a quarantine check "
        "at the border (1: as other goods; 0: none)",
    )

    _finds = field_validator("finds")(lambda v: _types(v))

    @field_validator("uptake")
    @classmethod
    def _classes(cls, v: dict[str, float]) -> dict[str, float]:
        for k in v:
            if k != "*" and k not in TRADER_CLASSES:
                allowed = ", ".join(TRADER_CLASSES)
                raise AtField(k, f"unknown trader class {k!r}; allowed: *, {allowed}")
        return v

    def share(self, trader_class: str) -> float:
        """The uptake of one trader class (``*`` for the classes not listed; 0 when absent)."""
        return float(self.uptake.get(trader_class, self.uptake.get("*", 0.0)))

    @property
    def active(self) -> bool:
        return any(v > 0 for v in self.uptake.values())


class Audit(Strict):
    """Post-clearance audit: a lagged detector, after release, with staff of its own."""

    share: Probability = Field(
        default=0.0,
        description="share of released declarations audited (targeting = 'risk': of the "
        "compliant ones; the illicit ones are picked more often, by auc; by_class scales it "
        "for a class)",
    )
    finds: PerType = Field(default_factory=dict, description="an audit finds the type, by type")
    lag: DurationDist = Field(default_factory=lambda: fixed("90 d"), validate_default=False)
    staff: Staff = Field(
        default=0,
        description="auditors (for the cost of audit): a headcount that does not limit the "
        "share audited (each auditor's workload: audits_per_auditor_per_year)",
    )
    targeting: Literal["random", "risk"] = Field(
        default="random",
        description="how the audit picks declarations: 'random' (each with chance share) or "
        "'risk' (the top of a post-clearance risk score: a compliant declaration with chance "
        "share, an illicit one with 1 - Phi(Phi^-1(1 - share) - d), d = sqrt(2) Phi^-1(auc))",
    )
    auc: Real = Field(
        default=0.75,
        ge=0.5,
        le=0.9999,
        description="how well the post-clearance risk score separates illicit from compliant "
        "declarations (targeting = 'risk' only)",
    )
    by_class: dict[str, Real] = Field(
        default_factory=dict,
        description="share's multiplier by the declared trader class (a class not listed: "
        "1; its share at most 1): fewer audits for AEOs, say",
    )

    _check = field_validator("finds")(lambda v: _types(v))

    @field_validator("by_class")
    @classmethod
    def _classes(cls, v: dict[str, float]) -> dict[str, float]:
        for k, m in v.items():
            if k not in TRADER_CLASSES:
                raise AtField(k, f"unknown trader class; allowed: {', '.join(TRADER_CLASSES)}")
            if not 0 <= m <= 1e4:
                raise AtField(k, f"a multiplier of the share must be in [0, 10000]; got {m}")
        return v

    def shares(self) -> list[float]:
        """The share of each trader class's compliant declarations audited (``TRADER_CLASSES``
        order)."""
        return [min(1.0, self.share * self.by_class.get(k, 1.0)) for k in TRADER_CLASSES]

    def picks(self) -> list[float]:
        """An illicit declaration's chance of being audited, by trader class."""
        if self.targeting == "random":
            return self.shares()
        return [audit_pick(s, self.auc) for s in self.shares()]


def audit_pick(share: float, auc: float) -> float:
    """The chance that a score with ``auc`` (binormal, equal variances) puts an illicit
    declaration above the threshold that picks a share ``share`` of the compliant ones."""
    d = math.sqrt(2.0) * float(special.ndtri(auc))
    return float(special.ndtr(d - special.ndtri(1.0 - share)))


class Detection(Strict):
    """What each check finds, by illicit type (all boxes opened, nothing concealed). A
    quarantine check finds a type on site (``quarantine``) and, for a sampled consignment,
    in the laboratory (``laboratory``); pests by the sampling plan (:class:`Sampling`)."""

    document: PerType = Field(default_factory=dict)
    document_false_alarm: Probability = Field(
        default=0.0,
        description="share of compliant document checks referred to a physical exam",
    )
    scan: PerType = Field(default_factory=dict, description="the scan image shows it")
    officer: Probability = Field(
        default=0.8, description="an image officer refers an image that shows something"
    )
    ai_auc: Real = Field(
        default=0.9, ge=0.5, le=0.9999, description="AI separates images that show something"
    )
    exam: PerType = Field(default_factory=dict)
    boxes_opened: Probability = Field(
        default=1.0,
        description="share of the boxes opened; exam detection is proportional, the "
        "examination's time and moves are not (every box is moved and examined for "
        "exam.duration: scale those for a partial examination; check notes it)",
    )
    quarantine: PerType = Field(
        default_factory=dict,
        description="the on-site quarantine check (the goods, their certificates and "
        "cold-chain papers) finds it, sampled or not; not pest: pests are found by the "
        "visual check and the sampling plan (enforcement.sampling), so a pest entry is refused",
    )
    laboratory: PerType = Field(
        default_factory=dict,
        description="the laboratory test of a sampled consignment finds it, independently of "
        "the on-site check (found by either: 1 - (1 - quarantine) (1 - laboratory)), so "
        "sampling fewer consignments finds fewer; not pest (see enforcement.sampling)",
    )

    _check = field_validator("document", "scan", "exam")(lambda v: _types(v))
    _quarantine = field_validator("quarantine", "laboratory")(lambda v: _no_pest(_types(v)))


class Recordation(Strict):
    """Rights holders' trademarks recorded with customs: for a share of the counterfeits
    (``share``, those of recorded brands) officers have the genuine goods' features and the
    right holder's details, so a document check flags them (``document``) and a physical
    exam recognises them (``exam``) at these probabilities instead of
    ``detection.document`` and ``detection.exam``'s counterfeit entries. Counterfeits of
    brands not recorded keep those. Whether a brand is recorded is drawn per counterfeit
    consignment from a uniform of its own (other goods and every other draw keep theirs).

    Simplifications: one share for all counterfeits (no brand by brand); the right holder's
    reply and the days held after a finding are ``enforcement.ipr``'s (the bond is not
    modelled); scans see recorded and unrecorded counterfeits alike (an image shows goods,
    not their brand)."""

    share: Probability = Field(
        default=0.0,
        description="share of counterfeit consignments whose brand is recorded with customs "
        "(0: none, the default; no published share found)",
    )
    document: Probability = Field(
        default=0.3,
        description="a document check flags a recorded brand's counterfeits (assumption: "
        "the declared brand and consignee are matched against the recordation; no published "
        "figure found)",
    )
    exam: Probability = Field(
        default=0.95,
        description="a physical exam recognises a recorded brand's counterfeits (assumption: "
        "officers have the genuine goods' features; no published figure found)",
    )


class Enforcement(Extended):
    """Prevalence of each illicit type and what each check finds; absent: all compliant."""

    ADDED: ClassVar[tuple[str, ...]] = ("recordation", "report_by_port", "ipr")

    prevalence: PerType = Field(
        default_factory=dict, description="share of declarations carrying each type (base)"
    )
    by_commodity: dict[str, Multipliers] = Field(default_factory=dict)
    by_class: dict[str, Multipliers] = Field(default_factory=dict)
    by_origin: dict[str, Multipliers] = Field(default_factory=dict)
    by_direction: dict[str, Multipliers] = Field(default_factory=dict)
    by_port: dict[str, Multipliers] = Field(default_factory=dict)
    undervaluation_factor: Real = Field(
        default=1.5, ge=1, le=100, description="true value / declared value of undervalued goods"
    )
    concealment: Concealment = Field(default_factory=Concealment)
    recordation: Recordation = Field(
        default_factory=Recordation,
        description="brands recorded with customs: their counterfeits found more often "
        "(none by default; docs/counterfeits.md)",
    )
    ipr: IprProcedure | None = Field(
        default=None,
        description="the right holder's reply, detention and days held after counterfeits "
        "are found (China's ex officio and on-application protection; none by default: "
        "docs/counterfeits.md)",
    )
    detection: Detection = Field(default_factory=Detection)
    sampling: Sampling = Field(default_factory=Sampling)
    origin_inspection: OriginInspection = Field(default_factory=OriginInspection)
    audit: Audit = Field(default_factory=Audit)
    outcome: dict[str, Outcome] = Field(
        default_factory=lambda: dict(DEFAULT_OUTCOMES)
    )
    pest_treat: Probability = Field(
        default=0.0, description="share of detected pest consignments treated and released"
    )
    report_by_port: list[str] = Field(
        default_factory=list,
        description="illicit types whose detected and slipped declarations are counted by "
        "port and direction as metrics (detected_<type>_port_<port>, "
        "slipped_<type>_port_<port>, ...; docs/counterfeits.md); none by default",
    )

    _prev = field_validator("prevalence")(lambda v: _types(v))
    _mult = field_validator("by_commodity", "by_class", "by_origin", "by_direction", "by_port")(
        _tables_of_multipliers
    )

    @field_validator("outcome")
    @classmethod
    def _outcomes(cls, v: dict[str, str]) -> dict[str, str]:
        _types(v)
        return {**DEFAULT_OUTCOMES, **v}

    @field_validator("report_by_port")
    @classmethod
    def _reported(cls, v: list[str]) -> list[str]:
        for i, k in enumerate(v):
            if k not in ILLICIT:
                allowed = ", ".join(ILLICIT)
                raise AtField((i,), f"unknown illicit type {k!r}; allowed: {allowed}", k)
            if k in v[:i]:
                raise AtField((i,), f"illicit type {k!r} named twice; name each once", k)
        return v

    @model_validator(mode="after")
    def _keys(self) -> Enforcement:
        for k in self.by_class:
            if k not in TRADER_CLASSES:
                raise AtField(
                    f"by_class.{k}", f"unknown trader class; allowed: {', '.join(TRADER_CLASSES)}"
                )
        for k in self.by_direction:
            if k not in DIRECTIONS:
                raise AtField(
                    f"by_direction.{k}", f"unknown direction; allowed: {', '.join(DIRECTIONS)}"
                )
        self._recorded_found_no_less()
        if self.ipr is not None and self.outcome.get("counterfeit") == "reassessed":
            raise AtField(
                ("outcome", "counterfeit"), "enforcement.ipr detains (or seizes) the "
                "counterfeits whose right holder asks, and holds the others for the reply: "
                "a finding that only reassesses duty would do neither; give detained or "
                "seized, or remove enforcement.ipr", "reassessed",
            )
        return self

    def _recorded_found_no_less(self) -> None:
        """A recorded brand's counterfeits are found at least as often as unrecorded ones'
        by each check recordation changes: the recordation adds the genuine goods' features
        and the right holder's details, it takes nothing away."""
        rec = self.recordation
        if rec.share <= 0:
            return
        for check in ("document", "exam"):
            plain = float(getattr(self.detection, check).get("counterfeit", 0.0))
            if getattr(rec, check) < plain:
                raise AtField(
                    ("recordation", check), f"a recorded brand's counterfeits would be found "
                    f"less often than unrecorded ones' (detection.{check}.counterfeit = "
                    f"{plain:g}); give at least {plain:g}", getattr(rec, check),
                    sources={"recorded": ("recordation", check),
                             "unrecorded": ("detection", check, "counterfeit")},
                )

    def dropped_defaults(self, out: dict[str, Any]) -> dict[str, Any]:
        """The dump without the added fields at their defaults, nor the outcome of a type
        appended to ``ILLICIT`` since the first ``FIRST_TYPES`` (wildlife) while it holds its
        default: a scenario that does not give it hashes as before the type existed."""
        out = super().dropped_defaults(out)
        if isinstance(out.get("outcome"), dict):
            late = {k for k in ILLICIT[FIRST_TYPES:] if self.outcome[k] == DEFAULT_OUTCOMES[k]}
            out["outcome"] = {k: v for k, v in out["outcome"].items() if k not in late}
        return out

    @property
    def active(self) -> bool:
        return any(v > 0 for v in self.prevalence.values())

    def worst_total(
        self, port: str, commodities: list[str], origins: list[str]
    ) -> tuple[float, str]:
        """The largest total prevalence over every declared combination at ``port``, and
        which combination it is (the shares of the types must not add up to more than 1)."""
        worst, where = 0.0, ""
        by = {table: self._multipliers(table) for table in _BY}
        on_port = [self.prevalence.get(t, 0.0) * by["by_port"](port)[i]
                   for i, t in enumerate(ILLICIT)]  # fmt: skip
        # (each product built left to right as before, its common factors once per loop)
        for c in commodities:
            on_c = [x * m for x, m in zip(on_port, by["by_commodity"](c), strict=True)]
            for k in TRADER_CLASSES:
                on_k = [x * m for x, m in zip(on_c, by["by_class"](k), strict=True)]
                for o in origins:
                    on_o = [x * m for x, m in zip(on_k, by["by_origin"](o), strict=True)]
                    for d in DIRECTIONS:
                        total = sum(x * m for x, m in zip(on_o, by["by_direction"](d),
                                                          strict=True))  # fmt: skip
                        if total > worst:
                            worst, where = total, f"{c}, {k}, origin {o}, {d}"
        return worst, where

    def _multipliers(self, table: str) -> Callable[[str], list[float]]:
        """The multipliers of every illicit type (in :data:`ILLICIT`'s order) for a key of one
        of the ``by_*`` tables, each key's looked up once."""

        @cache
        def of(key: str) -> list[float]:
            return [self.multiplier(table, key, t) for t in ILLICIT]

        return of

    def multiplier(self, table: str, key: str, kind: str) -> float:
        """The multiplier of illicit type ``kind`` for ``key`` in one of the ``by_*`` tables."""
        return float(getattr(self, table).get(key, {}).get(kind, 1.0))


def cut_samples(scenario: Any) -> list[str]:
    """A note where a laboratory sample of ``sampling.sample_units`` can be more than a
    consignment's units (containers x ``units_per_container``): such a sample is cut to all
    its units, silently otherwise. Ports that send samples to a laboratory and whose goods
    (imports or exports) can cover that few containers; the same for each commodity's own
    plan (``sampling.by_commodity``) that gives a sample size or units per container."""
    e = scenario.enforcement
    if e is None:
        return []
    s = e.sampling
    plans = [("enforcement.sampling.", s.sample_units, s.units_per_container)]
    for com, own in s.by_commodity.items():
        if own.sample_units is not None or own.units_per_container is not None:
            per, _, sample, _ = s.plan(com)
            plans.append((f"enforcement.sampling.by_commodity.{com}.", sample, per))
    return [n for path, sample, per in plans for n in _cut(scenario, path, sample, per)]


def _cut(scenario: Any, path: str, sample: int, per: int) -> list[str]:
    """:func:`cut_samples`'s note of one plan (its fields under ``path``)."""
    import numpy as np

    need = -(-sample // per)  # (containers that hold the sample)
    fewest: dict[str, int] = {}
    for name, port in scenario.ports.items():
        if port.quarantine is None or port.quarantine.sample_share <= 0:
            continue
        mixes = [port.traffic] + ([port.export_traffic] if port.exports is not None else [])
        least = min(float(np.rint(t.containers.ppf(np.zeros(1)))[0]) for t in mixes)
        if max(1, int(least)) < need:
            fewest[name] = max(1, int(least))
    if not fewest:
        return []
    return [
        f"{path}sample_units ({sample}) is more than the units of a "
        f"declaration of fewer than {need} container(s) ({per} a "
        f"container: units_per_container), and declarations sampled at "
        f"{', '.join(fewest)} can cover as few as {min(fewest.values())}: their sample is cut "
        "to all their units (the whole consignment tested, a pest in it found with "
        "lab_sensitivity)"
    ]
