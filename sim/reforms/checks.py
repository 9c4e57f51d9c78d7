"""Reforms of selection, scanning and staff: smart and remote image review, targeting, double
random, AEO mutual recognition, a credit downgrade, origin pre-inspection, flexible staffing,
training."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.reforms.fields import no_joint_pool, officer_work, ports
from sim.reforms.reform import Changes, Param, Reform

_TIANJIN = (
    "Tianjin smart image review: about 3 s per image, more than half of goods "
    "auto-identified (published-figures.md §2.6); read as the share of images AI clears: "
    "assumption"
)


def _scanning(data: dict[str, Any]) -> bool:
    """Whether some port scans (and so has images to review)."""
    return any(port.get("scan") is not None for _, port in ports(data))


#: what the image-review reforms act on, said where a scenario has none (the Guangdong ones)
SCANNERS = (
    "it acts on the review of scan images, and no port here has a scanner: give one a "
    "[ports.<port>.scan] section, as the default scenario's ports have"
)


def _smart(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    out: Changes = {}
    for name, port in ports(data):
        review = (port.get("scan") or {}).get("image_review")
        if review is None:
            continue
        out[f"ports.{name}.scan.image_review.ai_share"] = max(review["ai_share"], s["share"])
        # a port whose AI already clears more keeps its share: the reform brings AI in, it
        # does not make a port's review more cautious
        out[f"ports.{name}.scan.image_review.ai_clear"] = max(review["ai_clear"], s["clear"])
        if review.get("ai_auc") is not None:  # (a port's own AI, a trial: it would ignore
            # the scenario's AUC below; the reform's AI goes there too, unless it is better)
            out[f"ports.{name}.scan.image_review.ai_auc"] = max(review["ai_auc"], s["auc"])
    if out:  # (the AI's accuracy only where there are images for it to read)
        out["enforcement.detection.ai_auc"] = s["auc"]
    return out


def _remote(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    return {
        f"ports.{name}.scan.image_review.pool": s["centre"]
        for name, port in ports(data)
        if port.get("scan") is not None
    }


def _targeting(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    auc = data["risk"].get("auc") or {}
    types = list(data["enforcement"]["prevalence"])
    return {
        "risk.enabled": True,
        "risk.auc": {t: max(float(auc.get(t, 0.75)), s["auc"]) for t in types},
    }


def _aeo(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Certification: the share ``shift`` of general traders into the AEO class ``into``."""
    return _moved(data, s["shift"], s["into"])


def _downgrade(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """A credit downgrade: the share ``shift`` of general traders into ``discredited``."""
    return _moved(data, s["shift"], "discredited")


def _lapse(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """A lapsed certification: the share ``shift`` of advanced AEOs into ``into``."""
    return _moved(data, s["shift"], s["into"], source="aeo_advanced")


def _partner(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Imports from recognised partners' AEOs: the share ``share`` of general traders' import
    declarations treated as advanced AEOs'; exports keep the class mix they had (an export
    that inherits its port's mix is given it as its own)."""
    out: Changes = {}
    for name, port in ports(data):
        classes = port["traffic"].get("trader_classes")
        if not classes:
            continue
        behaviour = dict(port["traffic"].get("behaviour_classes") or classes)
        out[f"ports.{name}.traffic.trader_classes"] = _certified(classes, s["share"],
                                                                 "aeo_advanced")
        out[f"ports.{name}.traffic.behaviour_classes"] = behaviour
        exports = port.get("exports")
        if exports is None or (exports.get("traffic") or {}).get("trader_classes"):
            continue  # (no exports, or exports with a class mix of their own: untouched)
        kept = {"trader_classes": dict(classes), "behaviour_classes": behaviour}
        if exports.get("traffic") is None:
            out[f"ports.{name}.exports.traffic"] = kept
        else:
            out.update({f"ports.{name}.exports.traffic.{k}": v for k, v in kept.items()})
    return out


def _moved(data: dict[str, Any], shift: float, into: str, source: str = "general") -> Changes:
    """The shift in every port's class mix, and in its exports' where they have their own;
    the mix their hidden truth is drawn by stays the one before (the moved traders trade as
    they did: the same consignments are illicit). Certification, a downgrade and a lapsed
    certification share it; ``source`` is the class the traders leave."""
    out: Changes = {}
    for name, port in ports(data):
        exports = (port.get("exports") or {}).get("traffic") or {}
        for path, traffic in (("traffic", port["traffic"]), ("exports.traffic", exports)):
            classes = traffic.get("trader_classes")
            if classes:
                moved = _certified(classes, shift, into, source)
                out[f"ports.{name}.{path}.trader_classes"] = moved
                behaviour = traffic.get("behaviour_classes") or classes
                out[f"ports.{name}.{path}.behaviour_classes"] = dict(behaviour)
    return out


def _certified(
    classes: Mapping[str, float], shift: float, into: str, source: str = "general"
) -> dict[str, float]:
    """``classes`` with the share ``shift`` of class ``source`` (general traders unless told)
    moved into class ``into`` (certified as advanced or general AEOs, downgraded to
    discredited, or advanced AEOs whose certification lapsed)."""
    out = dict(classes)
    moved = out.get(source, 0.0) * shift
    out[source] = out.get(source, 0.0) - moved
    out[into] = out.get(into, 0.0) + moved
    return out


def _quarantine(data: dict[str, Any]) -> bool:
    """Whether some port has quarantine checks."""
    return any(port.get("quarantine") is not None for _, port in ports(data))


def _quarantine_goods(data: dict[str, Any]) -> list[str]:
    """The commodities some selection table (national or a port's) sends to quarantine
    (empty, meaning every commodity, where a table has a '*' row)."""
    tables = [(data.get("selection") or {}).get("quarantine") or {}]
    tables += [((port.get("selection") or {}).get("quarantine") or {}) for _, port in ports(data)]
    names = {com for table in tables for com in table}
    return [] if "*" in names else sorted(names)


def _origin(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    """Pre-shipment inspection at origin for approved exporters' quarantine goods: AEOs' and
    general traders' imports (never discredited traders'), at ``uptake``."""
    if not _quarantine(data):
        return {}  # (no quarantine checks at the border to spare)
    goods = _quarantine_goods(data)
    return {
        "enforcement.origin_inspection": {
            "uptake": {k: s["uptake"] for k in ("aeo_advanced", "aeo_general", "general")},
            "commodities": goods,
            "finds": {"pest": s["finds"], "frozen": s["finds"]},
            "border_checks": s["border_checks"],
        }
    }


def _training(data: dict[str, Any], s: Mapping[str, Any]) -> Changes:
    out = officer_work(data, 1 - s["speedup"])
    if _scanning(data):  # (the officers' image reading only where there are images)
        officer = data["enforcement"]["detection"]["officer"]
        out["enforcement.detection.officer"] = min(1.0, officer + s["accuracy"])
    return out


REFORMS = [
    Reform(
        "smart_image_review",
        "AI reads scan images first (about 3 s each), clears a share of them and refers the "
        "rest to officers; its AUC decides what the clearing misses",
        _smart,
        (_TIANJIN, "assumption: auc (no published AUC of image review was found)",
         "assumption: clear, the Tianjin half above"),
        {
            "share": Param(1.0, "share of images read by AI first (never lowered)"),
            "clear": Param(0.5, "share of AI-read images cleared (never lowered)"),
            "auc": Param(0.9, "AUC of AI image review", 0.5, 0.999),
        },
        acts_on=SCANNERS,
    ),
    Reform(
        "remote_image_review",
        "image analysts of every port with scanners pooled at one centre: one shared reviewer "
        "lane (the ports' headcounts added) instead of one per port",
        _remote,
        ("assumption: centralised ('remote') image review, a design option (published-figures.md "
         "§4 names staff pooling and remote image review across sites; the seed paper speaks "
         "of centralised border operations in general, not of image review)",
         "assumption: the same headcount"),
        {"centre": Param("review_centre", "the centre's name", None, None, ("review_centre",))},
        structural=True,
        acts_on=SCANNERS,
    ),
    Reform(
        "big_data_targeting",
        "the risk engine's scores separate illicit from compliant goods better (a higher AUC "
        "per illicit type) at the same inspection rate; where the scenario's [risk] section "
        "is off (the selection tables decide), it switches the engine on too, so compare with "
        "the engine on in both for the gain of targeting alone (a scenario without a [risk] "
        "section needs one: --set risk.target=0.05, say)",
        _targeting,
        ("seed paper: big data in risk management", "assumption: auc"),
        {"auc": Param(0.85, "AUC of the risk score per illicit type (never lowered)", 0.5, 0.999)},
        requires=("risk",),
    ),
    Reform(
        "double_random",
        "a share of the inspection target is met by random selection of goods (exploration); "
        "random assignment of officers is an integrity measure with no effect on queues; "
        "where the scenario's [risk] section is off (the selection tables decide), it "
        "switches the risk engine on too (without one: --set risk.target=0.05, say)",
        lambda d, s: {"risk.enabled": True, "risk.random_share": s["random_share"]},
        (
            "'double random' selection extended to routine inspection since 2017 "
            "(mag.wcoomd.org, china-figures.md §3.5)",
            "assumption: random_share",
        ),
        {"random_share": Param(0.2, "share of the target met by random selection")},
        requires=("risk",),
    ),
    Reform(
        "aeo_mutual_recognition",
        "more domestic traders certified as AEOs, advanced AEOs or, with into = "
        "aeo_general, general AEOs: they get that class's lower selection rates (the "
        "selection tables' column; with a risk engine, its credit rule, where risk.caps "
        "names the class) and the AEOs' priority, and trade as they did (their goods' hidden "
        "truth is drawn by the class mix before the reform: traffic.behaviour_classes). Only "
        "general traders move, the share shift of them, so the per-class figures compare the "
        "same traders in every other class, and who gains follows the certified ones "
        "(general -> the class they join); a downgrade is credit_downgrade. Mutual "
        "recognition itself is not modelled: goods whose foreign trader holds a recognised "
        "partner's AEO status get nothing from it (no origin or trader abroad is told apart); "
        "the name is the seed paper's, kept because scenarios and results folders use it",
        _aeo,
        (
            "AEO mutual recognition with 43 countries (regions) (seed paper)",
            "assumption: shift (the certification of domestic traders only; partners' "
            "recognised schemes are not modelled)",
            "assumption: into, the class the newly certified join (the research notes do "
            "not say which of China's certifications the partners recognise; the texts of "
            "GAC's arrangements would settle it); the classes' rates are sourced (advanced "
            "AEOs inspected at 0.57 % in 2019, published-figures.md §2.2); the tornado "
            "tries both",
        ),
        {
            "shift": Param(0.1, "share of 'general' declarations whose traders are certified"),
            "into": Param("aeo_advanced", "the class they join: aeo_advanced (advanced "
                          "certification) or aeo_general (general certification)", None, None,
                          ("aeo_advanced", "aeo_general"),
                          gone=(("discredited", "a downgrade, its own reform: use "
                                 "credit_downgrade:shift=..."),)),
        },
    ),
    Reform(
        "credit_downgrade",
        "general traders downgraded to discredited: they get that class's selection rates "
        "(the selection tables' column; with a risk engine, its floor for discredited "
        "traders) and no priority, and trade as they did (their goods' hidden truth is drawn "
        "by the class mix before the reform: traffic.behaviour_classes). Only general traders "
        "move, the share shift of them, so the per-class figures compare the same traders in "
        "every other class, and who loses follows the downgraded ones (general -> "
        "discredited); keep shift small to ask what a downgrade does to one trader, as a "
        "large one congests the exam yard for everyone",
        _downgrade,
        (
            "China's credit classes of 2019 (GACC Order 237): discredited traders' declarations "
            "inspected at 84.76 % in 2019 against 0.57 % for advanced AEOs (english.www.gov.cn "
            "2020-06-03, published-figures.md §2.2); the rates are the scenario's",
            "assumption: shift (what one trader's downgrade is, as a share of declarations)",
        ),
        {"shift": Param(0.01, "share of 'general' declarations whose traders are downgraded "
                        "to discredited")},
    ),
    Reform(
        "aeo_lapse",
        "advanced AEOs lose their certification (not renewed, or revoked at a re-audit) and "
        "join into: general traders or, with into = aeo_general, general AEOs; "
        "they lose the advanced AEOs' lower selection rates (the selection tables' column; "
        "with a risk engine, the cap of risk.caps) and, as general traders, the AEOs' priority, "
        "and trade as they did (their goods' hidden truth is drawn by the class mix before "
        "the reform: traffic.behaviour_classes). Only advanced AEOs move, the share shift of "
        "them, so who loses follows the same consignments (aeo_advanced -> the class they "
        "join): what keeping the status is worth to a certified trader; keep shift small to "
        "ask it for one trader",
        _lapse,
        (
            "China's credit classes of 2019 (GACC Order 237): advanced AEOs' declarations "
            "inspected at 0.57 % in 2019 (english.www.gov.cn 2020-06-03, published-figures.md "
            "§2.2); the rates are the scenario's",
            "assumption: shift (what one trader's lapsed certification is, as a share of "
            "declarations)",
        ),
        {
            "shift": Param(0.05, "share of 'aeo_advanced' declarations whose traders lose "
                           "their certification"),
            "into": Param("general", "the class they join: general (the certification lost) "
                          "or aeo_general (advanced certification lowered to general)", None,
                          None, ("general", "aeo_general")),
        },
    ),
    Reform(
        "aeo_partner_recognition",
        "mutual recognition at the border, import side: the share share of general "
        "traders' import declarations carry goods whose foreign consignor holds a partner's "
        "AEO status that China recognises, and customs treats them as advanced AEOs' (the "
        "selection tables' column; with a risk engine, the cap of risk.caps; the AEOs' "
        "priority); they trade as they did (traffic.behaviour_classes), and who gains shows "
        "them as general -> aeo_advanced. Exports are untouched: what recognition brings a "
        "Chinese AEO's exports falls at the partner's border, which is not modelled; so is "
        "a domestic AEO's own imports, which have the status already",
        _partner,
        (
            "AEO mutual recognition with 43 countries (regions) (seed paper); partners' AEOs' "
            "goods get the importing customs' AEO treatment (WCO SAFE Framework, mutual "
            "recognition)",
            "assumption: share (no share of China's imports from partners' AEOs was found) "
            "and the treatment, advanced AEOs' (the texts of GAC's arrangements would settle "
            "it)",
        ),
        {"share": Param(0.1, "share of general traders' import declarations whose foreign "
                        "consignor is a recognised partner's AEO")},
    ),
    Reform(
        "origin_pre_inspection",
        "a share of approved exporters' imports of quarantine goods (AEOs' and general "
        "traders', never discredited traders') is inspected at origin before shipment: what "
        "that inspection finds (pests, frozen products without quarantine clearance) is "
        "stopped there, so those consignments arrive with less of it, and at the border they "
        "are selected for a quarantine check less often; every other consignment is checked "
        "as before",
        _origin,
        (
            "seed paper: 'pre-inspection of origin' in the quarantine access chain",
            "assumption: uptake, finds and border_checks (no published figure was found)",
        ),
        {
            "uptake": Param(
                0.3, "share of approved exporters' quarantine goods inspected at origin"
            ),
            "finds": Param(
                0.8, "share of pests and frozen products the inspection at origin stops"
            ),
            "border_checks": Param(
                0.2, "factor on the inspected goods' quarantine selection at the border"
            ),
        },
    ),
    Reform(
        "flexible_staffing",
        "exam teams and quarantine officers of a port become one cross-trained pool that "
        "serves both kinds of work (lanes that share staff); built once for the run, so it "
        "cannot be dated and carries no running-in",
        lambda d, s: {
            "inspection.joint_staffing": "cross_trained",
            "inspection.cross_training_slowdown": s["slowdown"],
        },
        ("assumption: slowdown, the 2018 merger's cross-training (no published figure, as "
         "for merge_field_departments; the tornado tries 1 to 1.5)",),
        {"slowdown": Param(1.0, "factor on examination times in the pool", 1.0, 3.0)},
        idle=no_joint_pool,
    ),
    Reform(
        "training",
        "officers work faster (service times shorter) and read images more accurately",
        _training,
        ("assumption: speedup and accuracy",),
        {
            "speedup": Param(
                0.1,
                "share by which officers' service times fall (a transit desk's formalities "
                "too, where a port has one; without a desk they are a delay of the whole "
                "procedure, not officers' time, and stay as they are)",
                0.0,
                0.9,
            ),
            "accuracy": Param(0.05, "added to the officers' image detection", 0.0, 1.0),
        },
    ),
]
