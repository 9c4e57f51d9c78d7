"""What follows a counterfeit's finding under China Customs' protection of intellectual
property rights (``enforcement.ipr``; absent by default, so no scenario changes).

The Regulations of the PRC on Customs Protection of Intellectual Property Rights (State
Council Decree 395, as amended 2018) and their implementing measures (GACC Order 183) set
two procedures:

- *ex officio* (依职权保护, art. 16): only for a right recorded with the General
  Administration of Customs (知识产权海关保护备案). Customs that find suspected goods notify
  the right holder, who has **3 working days** from the notice to apply for detention and
  post a bond; otherwise the goods are released. Detained goods are investigated within
  **30 working days** (art. 20);
- *on application* (依申请保护, arts. 12-15): for any right, recorded or not, but only when
  the holder applies with the consignment's details and a bond; customs release the goods
  unless a court's notice of assistance arrives within **20 working days** of the detention
  (art. 24(1)).

Storage of detained goods is at the holder's cost until the case is settled (the
Regulations and implementing measures put storage and custody on the holder; the rate is the
reader's own figure, ``storage_per_day``). Ex officio detained goods customs cannot decide
on may be held up to **50 working days** from the detention awaiting a court (art. 24(2)):
``decided_share`` of the cases are decided in ``decided_days`` (within the investigation's
30), the rest wait ``undecided_days``; by default every case is decided at the
investigation's limit, the model's rule before these fields existed.

Goods detained on application stay detained after the 20 working days when a court's notice
of assistance arrives (art. 24(1)): ``court_notice_share`` of the cases get one and are held
a further ``court_order_days`` under the court's order (one period; by default no case, the
model's rule before these fields). Each detention needs the holder's bond (担保: arts. 14 and
17, up to the goods' value; a holder may instead post a general bond, 总担保, for ex officio
cases, implementing measures): ``bond_per_case`` tied up for the days held at ``bond_rate`` a
year is the holder's cost of it (``ipr_bond_cost``; no published figure for either: both are
assumptions, 0 by default, not costed).

Goods may leave the hold early, in either procedure: the consignee of goods suspected of
infringing a patent may post a counter-bond equal to their value and have them released
(反担保, art. 19): ``patent_share`` x ``counter_bond_share`` of the cases, after
``counter_bond_days``; the holder may withdraw its application (implementing measures):
``withdrawn_share`` of the cases, after ``withdrawn_days``, or at the case's own end if that
comes sooner (no counter-bond is posted for goods already released). The counter-bond tied up for
``counter_bond_held_days`` after the release at ``counter_bond_rate`` a year is the
consignee's cost (``ipr_counter_bond_cost``); when the holder sues (``counter_bond_sued_share``)
it stays posted ``counter_bond_suit_days`` until the judgement, and the court awards it to the
holder in ``counter_bond_awarded_share`` of those cases (``ipr_counter_bond_awarded``). Shares
and days are assumptions, 0 by default.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from sim.scenario.base import Extended
from sim.scenario.limits import AtField, Probability, Real

#: working days from the detention after which goods customs could not decide on are
#: released without a court's notice (IPR Regulations art. 24(2))
COURT_LIMIT_DAYS = 50.0

#: calendar days per working day without office hours: 7/5 (weekends; public holidays
#: ignored, an assumption)
CALENDAR_PER_WORKING_DAY = 7.0 / 5.0


class IprProcedure(Extended):
    """The right holder's part after customs find suspected counterfeits before release.

    A found counterfeit of a recorded brand (``enforcement.recordation``) is notified to the
    holder: with probability ``holder_confirms`` (drawn per consignment, ``holder_reply``)
    it is detained (the holder applied and posted a bond within ``reply_days``) and held
    ``reply_days`` and then its case's days (``decided_share`` decided in ``decided_days``, the
    rest awaiting a court ``undecided_days``; by default ``investigation_days`` for all)
    working days; otherwise it is released when the
    reply time runs out. A found counterfeit of a brand not recorded is detained only on
    the holder's own application (``holder_applies``; it must know of the consignment) and
    is then held ``court_days``, or, in ``court_notice_share`` of the cases, ``court_order_days``
    more under a court's order; otherwise it is released when found: customs do not
    suspend it on their own initiative (arts. 12-14). The release and clearance times of a
    recorded brand's goods released unconfirmed include the reply days.

    Simplifications: the working days, of the reply of goods released unconfirmed and of
    the detained goods' hold, are counted on the run's working days when it has them
    (``organisation.office_hours``, with its holidays and make-up days:
    :mod:`sim.model.ipr_calendar`), else at 7/5 calendar days each (weekends; public
    holidays ignored); the detained goods' days are the expected value of their case's
    outcome (each detained consignment weighs its decided and undecided days by
    ``decided_share``, no draw: the metrics are sums and means, whose expectation this is),
    from the finding (the holder taken to apply at the end of the reply days), and are not
    timed in the flow (detained goods leave it when found); the goods wait in a customs
    warehouse, not in the inspection lanes, and a laboratory sample of goods released after
    the reply is taken after it."""

    ADDED: ClassVar[tuple[str, ...]] = ("decided_share", "decided_days", "undecided_days",
                                        "court_notice_share", "court_order_days",
                                        "bond_per_case", "bond_rate", "patent_share",
                                        "counter_bond_share", "counter_bond_days",
                                        "counter_bond_per_case", "counter_bond_rate",
                                        "counter_bond_held_days", "withdrawn_share",
                                        "withdrawn_days", "counter_bond_sued_share",
                                        "counter_bond_suit_days",
                                        "counter_bond_awarded_share")

    holder_confirms: Probability = Field(
        default=0.86,
        description="share of the notified suspected goods of a recorded brand whose holder "
        "applies for detention and posts the bond in time (China 2013: 20,464 of 23,686 "
        "batches whose release was suspended were detained, 86 %, published-figures.md "
        "section 2.8; both procedures pooled, most ex officio; set your client's own rate)",
    )
    holder_applies: Probability = Field(
        default=0.05,
        description="share of the suspected goods of a brand not recorded detained on the "
        "holder's own application (assumption: the holder must know of the consignment, "
        "which few do; no published share found)",
    )
    reply_days: Real = Field(
        default=3.0, ge=0, le=365,
        description="working days the holder has to apply after customs' notice (IPR "
        "Regulations art. 16: 3 working days)",
    )
    investigation_days: Real = Field(
        default=30.0, ge=0, le=365,
        description="working days ex officio detained goods are held for customs' "
        "investigation (IPR Regulations art. 20: within 30 working days; the limit, not an "
        "upper bound of the hold: goods customs cannot decide on may wait for a court up to "
        "50 working days, art. 24(2): undecided_days)",
    )
    decided_share: Probability = Field(
        default=1.0,
        description="share of the ex officio detained cases customs decide within the "
        "investigation (goods confiscated, or released as not infringing); the rest they "
        "cannot decide, and the goods wait for a court (undecided_days). 1 (every case "
        "decided, the model's rule before this field) is an assumption: no published share "
        "found; set your own cases' share",
    )
    decided_days: Real | None = Field(
        default=None, ge=0, le=365,
        description="working days from the detention a decided case takes, on average, at "
        "most investigation_days (IPR Regulations art. 20). Unset: investigation_days, the "
        "legal limit (an assumption: customs may decide sooner; no published duration found)",
    )
    undecided_days: Real = Field(
        default=COURT_LIMIT_DAYS, ge=0, le=COURT_LIMIT_DAYS,
        description="working days from the detention the goods of a case customs cannot "
        "decide wait for a court's notice before their release (IPR Regulations art. 24(2): "
        "50 working days; a court's order holding them longer is not modelled)",
    )
    court_days: Real = Field(
        default=20.0, ge=0, le=365,
        description="working days goods detained on application are held for a court's "
        "notice (IPR Regulations art. 24(1): released after 20 working days without one; "
        "with one the court's order holds them longer: court_notice_share, court_order_days)",
    )
    court_notice_share: Probability = Field(
        default=0.0,
        description="share of the cases detained on application in which a court's notice of "
        "assistance arrives within court_days (IPR Regulations art. 24(1)): their goods stay "
        "detained court_order_days more; the rest are released at court_days. 0 (none, the "
        "model's rule before this field) is an assumption: no published share found; set your "
        "own cases' share",
    )
    court_order_days: Real = Field(
        default=30.0, ge=0, le=365,
        description="further working days a court's order holds goods detained on application "
        "after court_days, when a notice arrived (one period; an assumption: no published "
        "duration found; set your own cases' days)",
    )
    bond_per_case: Real = Field(
        default=0.0, ge=0, le=1e12,
        description="bond (担保) the holder posts per detained consignment, in the scenario's "
        "currency (IPR Regulations arts. 14 and 17: up to the goods' value; 0: not costed; no "
        "published figure found: use your own bonds, or a general bond's share per case)",
    )
    bond_rate: Real = Field(
        default=0.02, ge=0, le=1,
        description="annual cost of the bond tied up, as a share of it a year (0.02, a bank "
        "guarantee's fee, is an assumption: no published rate found; use your bank's fee or "
        "your cost of capital); acts only with bond_per_case above 0",
    )
    patent_share: Probability = Field(
        default=0.0,
        description="share of the detained cases that concern a patent, of either procedure "
        "(the consignee of goods suspected of infringing a patent may post a counter-bond and "
        "have them released, IPR Regulations art. 19: counter_bond_share). 0 (none, the "
        "model's rule before this field) is an assumption: no published share found",
    )
    counter_bond_share: Probability = Field(
        default=0.0,
        description="share of the patent cases (patent_share) whose consignee posts the "
        "counter-bond (反担保, the goods' value, IPR Regulations art. 19) and has the goods "
        "released after counter_bond_days. 0 (none) is an assumption: set your own cases'",
    )
    counter_bond_days: Real = Field(
        default=10.0, ge=0, le=COURT_LIMIT_DAYS,
        description="working days from the detention to the release against the counter-bond "
        "(10 is an assumption: the consignee's time to apply and post it, customs' to release; "
        "no published duration found; at most 50, art. 24(2)'s longest hold without a court; "
        "a case that ends sooner ends at its own days, no counter-bond posted)",
    )
    counter_bond_per_case: Real = Field(
        default=0.0, ge=0, le=1e12,
        description="counter-bond the consignee posts per released patent case, in the "
        "scenario's currency (IPR Regulations art. 19: the goods' value; 0: not costed; use "
        "your consignments' declared value)",
    )
    counter_bond_rate: Real = Field(
        default=0.02, ge=0, le=1,
        description="annual cost of the counter-bond tied up, as a share of it a year (0.02, a "
        "bank guarantee's fee as for bond_rate, is an assumption: use your bank's fee or your "
        "cost of capital)",
    )
    counter_bond_held_days: Real = Field(
        default=30.0, ge=0, le=365,
        description="working days the counter-bond stays posted after the release, until the "
        "holder sues or its time to sue lapses and customs refund it (art. 19: refunded when "
        "the holder does not sue within a reasonable period; 30 is an assumption: no "
        "published period found), at 7/5 calendar days each",
    )
    counter_bond_sued_share: Probability = Field(
        default=0.0,
        description="share of the cases released against a counter-bond whose holder sues "
        "within the period: the counter-bond then stays posted until the court's judgement "
        "(counter_bond_suit_days) instead of counter_bond_held_days, and is paid to the "
        "holder by counter_bond_awarded_share (IPR Regulations art. 19: refunded only when "
        "the holder does not sue). 0 (none, the model's rule before this field) is an "
        "assumption: no published share found",
    )
    counter_bond_suit_days: Real = Field(
        default=250.0, ge=0, le=2500,
        description="working days the counter-bond stays posted after the release when the "
        "holder sues, until the court's judgement (250, about a year, is an assumption: no "
        "published duration of a patent suit over detained goods found), at 7/5 calendar "
        "days each",
    )
    counter_bond_awarded_share: Probability = Field(
        default=0.5,
        description="share of the sued cases in which the court awards the counter-bond to "
        "the holder (the goods found infringing; the whole counter-bond, the goods' value, "
        "taken as the damages paid from it). 0.5 is an assumption: no published share of "
        "such suits found; acts only with counter_bond_sued_share above 0",
    )
    withdrawn_share: Probability = Field(
        default=0.0,
        description="share of the detained cases of either procedure whose holder withdraws "
        "the application, the goods then released (implementing measures, GACC Order 183); "
        "with the patent cases released against a counter-bond at most 1. 0 (none) is an "
        "assumption: no published share found",
    )
    withdrawn_days: Real = Field(
        default=10.0, ge=0, le=COURT_LIMIT_DAYS,
        description="working days from the detention to the withdrawal and release (10 is an "
        "assumption: no published duration found; at most 50, art. 24(2); a case that ends "
        "sooner ends at its own days)",
    )
    storage_per_day: Real = Field(
        default=0.0, ge=0, le=1e9,
        description="storage charged to the holder per detained consignment per calendar "
        "day, in the scenario's currency (0: not costed; no published tariff found: use "
        "your port's warehouse rate)",
    )

    @model_validator(mode="after")
    def _decided_within_the_investigation(self) -> IprProcedure:
        if self.decided_days is not None and self.decided_days > self.investigation_days:
            raise AtField(
                "decided_days", "a decided case takes at most investigation_days "
                f"({self.investigation_days:g} working days, IPR Regulations art. 20); "
                "allowed: 0 to investigation_days", self.decided_days,
                sources={"decided_days": ("decided_days",),
                         "investigation_days": ("investigation_days",)},
            )
        shares = self.released_share() + self.withdrawn_share
        if shares > 1.0 + 1e-12:
            raise AtField(
                "withdrawn_share", "the cases withdrawn and the patent cases released against a "
                f"counter-bond (patent_share x counter_bond_share = {self.released_share():g}) "
                "compete for the same detained cases; allowed: their sum at most 1",
                self.withdrawn_share,
                sources={"withdrawn_share": ("withdrawn_share",),
                         "patent_share": ("patent_share",),
                         "counter_bond_share": ("counter_bond_share",)},
            )
        return self

    def released_share(self) -> float:
        """The share of the detained cases released against the consignee's counter-bond:
        the patent cases' ``counter_bond_share`` (IPR Regulations art. 19)."""
        return self.patent_share * self.counter_bond_share

    def _early(self, cases: tuple[tuple[float, float], ...],
               ) -> tuple[tuple[float, float], ...]:
        """``cases`` (weight, working days from the detention) with the early releases
        folded in: the counter-bond's and the withdrawal's shares at their days, the rest
        weighed by what remains (1 exactly when neither is set: ``cases`` bit for bit). An
        early release is one only while the goods are held: a case that ends sooner ends at
        its own days, its shares of both with it."""
        bonded, withdrawn = self.released_share(), self.withdrawn_share
        rest = 1.0 - bonded - withdrawn
        early = ((bonded, self.counter_bond_days), (withdrawn, self.withdrawn_days))
        own = ((w * (rest + sum(s for s, e in early if e >= d)), d) for w, d in cases)
        held = ((s * self._held_at(cases, e), e) for s, e in early)
        return tuple((w, d) for w, d in (*own, *held) if w > 0)

    @staticmethod
    def _held_at(cases: tuple[tuple[float, float], ...], day: float) -> float:
        """The share of ``cases`` still held at ``day`` working days from the detention (1
        exactly when every case lasts longer)."""
        if all(d > day for _, d in cases):
            return 1.0
        return sum(w for w, d in cases if d > day)

    def _ex_officio_cases(self) -> tuple[tuple[float, float], ...]:
        """An ex officio case's outcomes before the early releases: (weight, working days
        from the detention), decided then undecided, those of weight 0 left out."""
        decided = self.investigation_days if self.decided_days is None else self.decided_days
        cases = ((self.decided_share, decided), (1.0 - self.decided_share, self.undecided_days))
        return tuple((w, d) for w, d in cases if w > 0)

    def _on_application_cases(self) -> tuple[tuple[float, float], ...]:
        """A case on application's outcomes before the early releases: without a court's
        notice then with one, those of weight 0 left out."""
        share, court = self.court_notice_share, self.court_days
        cases = ((1.0 - share, court), (share, court + self.court_order_days))
        return tuple((w, d) for w, d in cases if w > 0)

    def ex_officio_days(self) -> tuple[tuple[float, float], ...]:
        """An ex officio detained consignment's outcomes: (weight, working days from its
        finding: the reply, then its case's days), the decided cases' then the undecided
        ones', those of weight 0 left out. By default one outcome, weight 1, of
        ``reply_days + investigation_days``: the fixed hold before the case's fields."""
        held = self._early(self._ex_officio_cases())
        return tuple((w, self.reply_days + d) for w, d in held)

    def on_application_days(self) -> tuple[tuple[float, float], ...]:
        """A consignment detained on application's outcomes: (weight, working days from its
        finding), those released at ``court_days`` without a court's notice then those the
        court's order holds ``court_order_days`` more, those of weight 0 left out. By default
        one outcome, weight 1, of ``court_days``: the fixed hold before these fields."""
        return self._early(self._on_application_cases())

    def bond_cost_per_day(self) -> float:
        """The holder's cost of one detention's bond per calendar day held: the bond at
        ``bond_rate`` a year over 365 days (0 without a bond)."""
        return self.bond_per_case * self.bond_rate / 365.0

    def counter_bond_released(self, ex_officio: bool) -> float:
        """The share of one procedure's detained cases released against a counter-bond: the
        patent cases' ``counter_bond_share`` of those still held at ``counter_bond_days``
        (none is posted for goods already released)."""
        cases = self._ex_officio_cases() if ex_officio else self._on_application_cases()
        return self.released_share() * self._held_at(cases, self.counter_bond_days)

    def counter_bond_cost_per_case(self, ex_officio: bool) -> float:
        """The consignees' expected cost of the counter-bond per detained case of one
        procedure: the share released against it (:meth:`counter_bond_released`) at
        ``counter_bond_rate`` a year for ``counter_bond_held_days`` working days after the
        release, or ``counter_bond_suit_days`` when the holder sues, 7/5 calendar days
        each."""
        sued = self.counter_bond_sued_share
        held = (1.0 - sued) * self.counter_bond_held_days + sued * self.counter_bond_suit_days
        days = held * CALENDAR_PER_WORKING_DAY
        per_day = self.counter_bond_per_case * self.counter_bond_rate / 365.0
        return self.counter_bond_released(ex_officio) * per_day * days

    def counter_bond_awarded_per_case(self, ex_officio: bool) -> float:
        """The counter-bond paid to holders per detained case of one procedure, expected:
        the share released against it, sued and awarded, times the counter-bond."""
        won = self.counter_bond_sued_share * self.counter_bond_awarded_share
        return self.counter_bond_released(ex_officio) * won * self.counter_bond_per_case
