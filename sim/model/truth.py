"""The hidden truth of a block of consignments and what each check would find in it.

Pure functions of the block's declared attributes and its uniforms (the registry of named draws
calls them, :mod:`sim.model.draws`): which illicit type a consignment carries (prevalence x
multipliers, an explicit assumption of the scenario's ``[enforcement]`` section), whether it is
deeply concealed, and, for each check, whether that check would raise an alarm if it were done.
Whether a check is done is decided later, at assessment; so the truth and every detection draw
are fixed when the consignment is made, and a reform that changes selection keeps them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from scipy import special

from sim.model.order_samples import IF_TABLES
from sim.model.registry import SPLIT
from sim.scenario.base import DIRECTIONS, ILLICIT, TRADER_CLASSES

if TYPE_CHECKING:
    from sim.model.registry import Context
    from sim.scenario.enforcement import Enforcement
    from sim.scenario.schema import Port, Scenario

UNDERVALUATION = ILLICIT.index("undervaluation") + 1
PEST = ILLICIT.index("pest") + 1
COUNTERFEIT = ILLICIT.index("counterfeit") + 1
#: the truth's column, whose low part decides what an inspection at origin stops (reserved
#: in :mod:`sim.model.draws.goods`)
ORIGIN_STOP = 48


def prevalence(
    e: Enforcement,
    port: str,
    origins: list[str],
    commodities: list[str],
    commodity: np.ndarray,
    trader_class: np.ndarray,
    origin: np.ndarray,
    direction: np.ndarray,
) -> np.ndarray:
    """Probability of each illicit type per consignment (rows x types)."""
    out = np.empty((len(commodity), len(ILLICIT)))
    for k, kind in enumerate(ILLICIT):
        base = e.prevalence.get(kind, 0.0) * e.multiplier("by_port", port, kind)
        by_com = np.array([e.multiplier("by_commodity", c, kind) for c in commodities])
        by_cls = np.array([e.multiplier("by_class", c, kind) for c in TRADER_CLASSES])
        by_org = np.array([e.multiplier("by_origin", o, kind) for o in origins])
        by_dir = np.array([e.multiplier("by_direction", d, kind) for d in DIRECTIONS])
        out[:, k] = (
            base * by_com[commodity] * by_cls[trader_class] * by_org[origin] * by_dir[direction]
        )
    return out


def illicit(x: Context, u: np.ndarray) -> np.ndarray:
    """The truth code: 0 compliant, ``k + 1`` for ``ILLICIT[k]``. A consignment inspected at
    origin arrives compliant where that inspection stopped its load (a share ``finds`` of
    each type, drawn from the low part of this uniform, independent of which type it is),
    so it carries each type with its prevalence times ``1 - finds`` and never another."""
    e = x.scenario.enforcement
    if not e.active:
        return np.zeros(x.n)
    v = x.values
    p = prevalence(
        e,
        x.port_name,
        list(x.port.traffic.origins),
        x.commodities,
        v["commodity"].astype(int),
        (v["trader_class"] if x.behaviour_class is None else x.behaviour_class).astype(int),
        v["origin"].astype(int),
        v["direction"].astype(int),
    )
    _uplift_under_threshold(x, p)
    cum = np.cumsum(p, axis=1)
    # the first type whose cumulative share the uniform falls under; beyond all: compliant
    code = (u[:, None] >= cum).sum(axis=1) + 1
    code = np.where(code > len(ILLICIT), 0, code)
    o = e.origin_inspection
    if o.active:  # what the inspection at origin stops never ships: the goods arrive clean
        stops = _per_type(o.finds, code) * (v["origin_inspection"] > 0)
        code = np.where(u * SPLIT % 1 < stops, 0, code)  # (the low part: see ORIGIN_STOP)
    return np.asarray(code, float)


def _uplift_under_threshold(x: Context, p: np.ndarray) -> None:
    """Undervaluation's prevalence times the port's ``low_value.undervaluation_uplift`` (in
    place) for imports declared just under its threshold, where an undervalued parcel's true
    value would be above it: the goods a de minimis path draws below its line."""
    lv = x.port.low_value
    if lv is None or lv.undervaluation_uplift == 1.0 or x.export:
        return
    band = lv.band(x.values["value"], x.scenario.enforcement.undervaluation_factor)
    k = UNDERVALUATION - 1
    p[band, k] = np.minimum(p[band, k] * lv.undervaluation_uplift, 1.0)


def _per_type(table: dict[str, float], code: np.ndarray) -> np.ndarray:
    """A per-type probability looked up by truth code (0 for compliant goods)."""
    lookup = np.array([0.0] + [table.get(k, 0.0) for k in ILLICIT])
    return np.asarray(lookup[code.astype(int)])


def concealed(x: Context, u: np.ndarray) -> np.ndarray:
    return u < _per_type(x.scenario.enforcement.concealment.share, x.values["illicit"])


def recorded(x: Context, u: np.ndarray) -> np.ndarray:
    """A counterfeit's brand is recorded with customs (``enforcement.recordation.share``)."""
    share = x.scenario.enforcement.recordation.share
    return np.asarray((x.values["illicit"] == COUNTERFEIT) & (u < share))


def holder_reply(x: Context, u: np.ndarray) -> np.ndarray:
    """A counterfeit's right holder asks customs in time to detain it once it is found
    (``enforcement.ipr``): a share ``holder_confirms`` of a recorded brand's goods,
    ``holder_applies`` of another's; never without the procedure or for other goods."""
    ipr = x.scenario.enforcement.ipr
    if ipr is None:
        return np.zeros(x.n, bool)
    share = np.where(x.values["recorded"] > 0, ipr.holder_confirms, ipr.holder_applies)
    return np.asarray((x.values["illicit"] == COUNTERFEIT) & (u < share))


def _recorded(x: Context, p: np.ndarray, recorded_p: float) -> np.ndarray:
    """``p``, with ``recorded_p`` where the counterfeit's brand is recorded."""
    mask = x.values.get("recorded")
    if mask is None or x.scenario.enforcement.recordation.share == 0:
        return p  # (no brand recorded: nothing to replace)
    return np.asarray(np.where(mask > 0, recorded_p, p))


def true_value(x: Context, u: np.ndarray) -> np.ndarray:
    """The goods' real value: above the declared value where they are undervalued."""
    factor = x.scenario.enforcement.undervaluation_factor
    v = x.values
    return np.asarray(np.where(v["illicit"] == UNDERVALUATION, v["value"] * factor, v["value"]))


def document_alarm(x: Context, u: np.ndarray) -> np.ndarray:
    """A document check, if done, raises an alarm (by the illicit type's document detection
    probability; compliant goods by a false alarm): undervaluation is then found on the papers;
    any other goods are sent to a physical exam, which finds them only if ``exam_finds``."""
    d = x.scenario.enforcement.detection
    code = x.values["illicit"]
    p = np.where(code > 0, _per_type(d.document, code), d.document_false_alarm)
    return np.asarray(u < _recorded(x, p, x.scenario.enforcement.recordation.document))


def _concealment(x: Context, factor: float) -> np.ndarray:
    return np.asarray(np.where(x.values["concealed"] > 0, factor, 1.0))


def image_shows(x: Context, u: np.ndarray) -> np.ndarray:
    """The scan image, if taken, shows the illicit goods."""
    e = x.scenario.enforcement
    code = x.values["illicit"]
    p = _per_type(e.detection.scan, code) * _concealment(x, e.concealment.scan_factor)
    return np.asarray(u < p)


def port_ai_auc(scenario: Scenario, port: Port) -> float:
    """The AUC of a port's AI: its own ``scan.image_review.ai_auc`` where it gives one, else
    the scenario's ``enforcement.detection.ai_auc`` (so one port's AI can differ from the
    others')."""
    own = port.scan.image_review.ai_auc if port.scan else None
    return float(scenario.enforcement.detection.ai_auc if own is None else own)


def ai_clears(x: Context, u: np.ndarray, share: float) -> np.ndarray:
    """AI clears an image: a binormal score (what shows shifts it by ``d``, the separation of
    the port's AI's AUC, :func:`port_ai_auc`) below the threshold that clears ``share`` of
    ordinary images. For an image that shows nothing this is ``u < share``."""
    if share <= 0:
        return np.zeros(x.n, bool)
    if share >= 1:
        return np.ones(x.n, bool)
    auc = port_ai_auc(x.scenario, x.port)
    d = math.sqrt(2.0) * float(special.ndtri(auc))  # (the standard normal's ppf, without
    shows = x.values.get("image_shows", np.zeros(x.n)) > 0  # scipy.stats' checks per call)
    z = special.ndtri(u) + d * shows
    return np.asarray(z < special.ndtri(share))


def officer_refers(x: Context, u: np.ndarray, share: float) -> np.ndarray:
    """An officer who reads an image refers it to a physical exam: with the officer's
    sensitivity if it shows something, else at the port's ordinary referral share."""
    shows = x.values.get("image_shows", np.zeros(x.n)) > 0
    sensitivity = x.scenario.enforcement.detection.officer
    return np.asarray(u < np.where(shows, sensitivity, share))


def exam_finds(x: Context, u: np.ndarray) -> np.ndarray:
    """A physical exam, if done, finds the illicit goods (in proportion to the boxes opened)."""
    e = x.scenario.enforcement
    code = x.values["illicit"]
    p = _recorded(x, _per_type(e.detection.exam, code), e.recordation.exam)
    p = p * e.detection.boxes_opened
    return np.asarray(u < p * _concealment(x, e.concealment.exam_factor))


def pest_detection(units: np.ndarray, infested: float, sample: int, lab: float) -> np.ndarray:
    """Chance that the laboratory finds pests in a sample of ``sample`` units drawn without
    replacement from ``units`` of which a share ``infested`` is infested: the sample holds at
    least one infested unit (hypergeometric), times the laboratory's sensitivity.

    The miss chance ``C(N - k, n) / C(N, n)`` (``N`` units, ``k`` infested, ``n`` sampled) is
    written with the beta function, ``(N + 1) B(n + 1, N - n + 1) / ((N - k + 1) B(n + 1,
    N - k - n + 1))``, so that it is defined for a real ``k``: exact at a whole ``k``, strictly
    decreasing in ``k`` (the derivative of its log is ``psi(N - k - n + 1) - psi(N - k + 1)``,
    negative), and 0 once ``k > N - n``. ``k = max(1, N x infested)``: a consignment whose truth
    is a pest holds at least one infested unit however small the share (rounding ``k`` instead
    made detection 0 below half a unit and a staircase above it)."""
    n_units = np.asarray(units, dtype=float)
    k = np.maximum(1.0, n_units * infested) if infested > 0 else np.zeros_like(n_units)
    n = np.minimum(float(sample), n_units)
    rest = n_units - k - n + 1.0  # the sample fits among the clean units while rest > 0
    fits = rest > 0
    safe = np.where(fits, rest, 1.0)
    log_miss = (
        np.log(n_units + 1.0)
        - np.log(n_units - k + 1.0)
        + special.betaln(n + 1.0, n_units - n + 1.0)
        - special.betaln(n + 1.0, safe)
    )
    miss = np.where(fits, np.exp(np.minimum(log_miss, 0.0)), 0.0)
    return np.asarray((1.0 - miss) * lab)


def quarantine_chances(x: Context) -> tuple[np.ndarray, np.ndarray]:
    """Each consignment's chance that a quarantine check, if done, finds its illicit goods on
    site, and on site or in the laboratory. On site: the officer looks at the goods and their
    certificates and cold-chain papers (``detection.quarantine``; pests
    ``sampling.visual_sensitivity``), sampled or not. A sampled consignment's laboratory test
    adds ``detection.laboratory`` (pests: the sampling plan, :func:`pest_detection`),
    independently given the truth: ``1 - (1 - on site) (1 - laboratory)``. So sampling fewer
    consignments finds fewer of the goods the laboratory tests for."""
    e = x.scenario.enforcement
    code = x.values["illicit"]
    onsite = _per_type(e.detection.quarantine, code)
    lab = _per_type(e.detection.laboratory, code)
    pest = code == PEST
    if pest.any():
        onsite[pest] = e.sampling.visual_sensitivity
        lab[pest] = _pest_lab(x, pest)
    tested = (x.values["sample"] > 0) & (lab > 0)
    either = np.where(tested, 1.0 - (1.0 - onsite) * (1.0 - lab), onsite)
    return onsite, either


def _pest_lab(x: Context, pest: np.ndarray) -> np.ndarray:
    """The laboratory's chance of finding each infested consignment's pests by its
    commodity's sampling plan (``enforcement.sampling``, and ``by_commodity`` where given)."""
    s = x.scenario.enforcement.sampling
    containers = x.values["containers"][pest]
    if not s.by_commodity:  # (one plan for every commodity)
        units = containers * s.units_per_container
        return pest_detection(units, s.infested_share, s.sample_units, s.lab_sensitivity)
    commodity = x.values["commodity"][pest].astype(int)
    out = np.empty(len(containers))
    for k in np.unique(commodity):
        rows = commodity == k
        per, infested, sample, sensitivity = s.plan(x.commodities[k])
        out[rows] = pest_detection(containers[rows] * per, infested, sample, sensitivity)
    return out


def quarantine_finds(x: Context, u: np.ndarray) -> np.ndarray:
    """A quarantine check, if done, finds the illicit goods: on site (the goods, their
    certificates and cold-chain papers; pests by the visual check) or, when a sample goes to
    the laboratory, in its test (pests by the sampling plan), independently given the truth:
    ``1 - (1 - on site) (1 - laboratory)``. One uniform for the two together; which of them
    made the find is ``quarantine_seen``."""
    onsite, either = quarantine_chances(x)
    found = u < either
    # a sample the assessment settles later (a control order's share below the port's,
    # sim.model.order_samples) leaves a find the laboratory alone would make pending too
    pending = x.values["sample"] == IF_TABLES
    if not pending.any():
        return np.asarray(found)
    return np.where(pending & found & (u >= onsite), IF_TABLES, found.astype(float))


def quarantine_seen(x: Context, u: np.ndarray) -> np.ndarray:
    """The quarantine check's find is made on site (else only the laboratory's result makes
    it): of the goods found, a share ``on site / (on site or laboratory)``, so that a find
    on site has the on-site chance and one by the laboratory alone the rest. Goods released
    before their test (release before test) are held at the border only by a find on site."""
    onsite, either = quarantine_chances(x)
    return np.asarray((x.values["quarantine_finds"] > 0) & (u * either < onsite))


def audit_finds(x: Context, u: np.ndarray) -> np.ndarray:
    """A post-clearance audit picks the declaration and finds what it carries (one uniform:
    the chance an illicit declaration of its declared class is picked, ``share`` at random,
    more by a risk score, times the audit's detection by type)."""
    a = x.scenario.enforcement.audit
    pick = np.array(a.picks())[x.values["trader_class"].astype(int)]
    return np.asarray(u < pick * _per_type(a.finds, x.values["illicit"]))


def audit_lag(x: Context, u: np.ndarray) -> np.ndarray:
    return x.times(x.scenario.enforcement.audit.lag, u)


def pest_treated(x: Context, u: np.ndarray) -> np.ndarray:
    """Detected pests are treated and released (else rejected)."""
    return u < x.scenario.enforcement.pest_treat
