"""Named draws: every per-consignment random quantity, declared once.

A consignment is born with one row of ``WIDTH`` uniforms, keyed by its port and arrival index
(:mod:`sim.model.streams`). Each quantity it may ever need is declared below with its name,
the uniform column it reads (never renumbered: these are the common random numbers that pair a
reform with its baseline), its dtype and the transform that turns the uniform into a value from
the scenario. The declaration order is the order of the requirement table, of the log's
columns and of the recorder's fields, all generated from :data:`DRAWS`
(``tests/test_draws.py`` pins every column).

Adding a quantity is one declaration: pick an unused column below ``WIDTH``, write its
transform. Selection decisions are declared too (``DRAWS.decision``): their uniform is drawn
with the consignment, but the value is set by the assessment step, when the decision is taken.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from sim.model import truth
from sim.model.registry import Context, Registry
from sim.model.work import per_container
from sim.scenario import after_release
from sim.scenario.schema import DIRECTIONS, TRADER_CLASSES

#: trader classes that are AEOs (advanced- and general-certified enterprises)
AEO_CLASSES = [TRADER_CLASSES.index(k) for k in ("aeo_advanced", "aeo_general")]

#: uniforms per consignment: columns 0-47 from the clearance stream, 48-63 from the hidden
#: truth's own stream (so adding truth left every clearance draw as it was); columns not yet
#: declared are reserved
WIDTH = 64
FLOW_WIDTH = 48

DRAWS = Registry(WIDTH)
declare = DRAWS.declare


# --- attributes --------------------------------------------------------------------------
@declare("direction", 0, "category:directions")
def _direction(x: Context, u: np.ndarray) -> np.ndarray:
    """Imports and exports come from streams of their own: the block says which."""
    return np.full(x.n, DIRECTIONS.index("export" if x.export else "import"))


@declare("commodity", 1, "category:commodities")
def _commodity(x: Context, u: np.ndarray) -> np.ndarray:
    return x.pick(x.port.traffic.commodities, x.commodities, u)


@declare("trader_class", 2, "category:trader_classes")
def _trader_class(x: Context, u: np.ndarray) -> np.ndarray:
    return x.pick(x.port.traffic.trader_classes, TRADER_CLASSES, u)


@declare("value", 3)
def _value(x: Context, u: np.ndarray) -> np.ndarray:
    return np.asarray(x.port.traffic.value.ppf(u))


@declare("origin", 4, "int")
def _origin(x: Context, u: np.ndarray) -> np.ndarray:
    origins = x.port.traffic.origins
    return x.pick(origins, list(origins), u)


@declare("containers", 5, "int")
def _containers(x: Context, u: np.ndarray) -> np.ndarray:
    return np.asarray(np.maximum(1, np.rint(x.port.traffic.containers.ppf(u))).astype(int))


@declare("goods_ready", 6)
def _discharged(x: Context, u: np.ndarray) -> np.ndarray:
    """When the goods are available: at arrival, or as the cranes unload the vessel's call
    (imports only: exports come by truck)."""
    batch = x.port.arrivals.batch
    if batch is None or x.export or not x.n:
        return x.arrived.copy()
    containers = x.values["containers"]
    whole = containers.sum() if x.call_containers is None else x.call_containers
    span = whole / batch.discharge_rate  # the whole call's discharge
    return np.asarray(x.arrived + span * u ** (1.0 / containers))


# --- the hidden truth (columns 48-63: a stream of its own) ---------------------------------
# declared before the checks, whose detection draws depend on it (see sim.model.truth)
declare("illicit", 48, "category:illicit")(truth.illicit)
declare("concealed", 49, "bool")(truth.concealed)


@declare("score_noise", 50)
def _score_noise(x: Context, u: np.ndarray) -> np.ndarray:
    """A uniform for the noise of a risk engine's score (common random numbers)."""
    return u


declare("true_value", 51)(truth.true_value)
declare("doc_alarm", 52, "bool")(truth.document_alarm)
declare("image_shows", 53, "bool")(truth.image_shows)


# --- declaration -------------------------------------------------------------------------
def _exports(x: Context) -> Any:
    """The port's export section, for a block of exports (None for imports)."""
    return x.port.exports if x.export else None


@declare("advance", 7, "bool")
def _advance(x: Context, u: np.ndarray) -> np.ndarray:
    share = x.port.declaration.advance_share
    e = _exports(x)
    if e is None:
        return u < share.import_
    return u < (share.export if e.advance_share is None else e.advance_share)


@declare("advance_lead", 8)
def _advance_lead(x: Context, u: np.ndarray) -> np.ndarray:
    """How long before arrival an advance declaration is lodged; never more than
    ``advance_max`` (GAC Order 243 art. 18: exports within 3 days before arrival)."""
    e = _exports(x)
    lead = x.port.declaration.advance_lead
    if e is not None and e.advance_lead is not None:
        lead = e.advance_lead
    return np.asarray(np.minimum(lead.ppf(u), x.scenario.declaration.advance_max))


@declare("lodging_delay", 9)
def _lodging(x: Context, u: np.ndarray) -> np.ndarray:
    e = _exports(x)
    d = x.port.declaration.lodging_delay
    return x.times(d if e is None or e.lodging_delay is None else e.lodging_delay, u)


@declare("review", 10, "bool")
def _review(x: Context, u: np.ndarray) -> np.ndarray:
    p = np.array([x.scenario.declaration.review(k) for k in TRADER_CLASSES])
    return np.asarray(u < p[x.values["trader_class"]])


@declare("review_time", 11)
def _review_time(x: Context, u: np.ndarray) -> np.ndarray:
    return _service(x, x.port.review, u)


@declare("second_submission", 12)
def _second(x: Context, u: np.ndarray) -> np.ndarray:
    return x.times(x.scenario.declaration.second_submission, u)


# --- selection (decided at assessment) ----------------------------------------------------
DRAWS.decision("sel_document", 13)
DRAWS.decision("sel_scan", 14)
DRAWS.decision("sel_physical", 15)
DRAWS.decision("sel_quarantine", 16)


# --- checks ------------------------------------------------------------------------------
def _service(x: Context, lane: Any, u: np.ndarray) -> np.ndarray:
    return x.times(lane.service if lane is not None else None, u)


@declare("doc_time", 17)
def _doc_time(x: Context, u: np.ndarray) -> np.ndarray:
    return _service(x, x.port.document_check, u)


@declare("scan_time", 18)
def _scan_time(x: Context, u: np.ndarray) -> np.ndarray:
    """Scanning all the declaration's containers (the service time is per box)."""
    scanners = x.port.scan.scanners if x.port.scan else None
    return _boxes(x, scanners.service if scanners else None, u)


def _image(x: Context) -> Any:
    return x.port.scan.image_review if x.port.scan else None


@declare("ai_read", 19, "bool")
def _ai_read(x: Context, u: np.ndarray) -> np.ndarray:
    ir = _image(x)
    return u < (ir.ai_share if ir else 0.0)


@declare("ai_clear", 20, "bool")
def _ai_clear(x: Context, u: np.ndarray) -> np.ndarray:
    """AI clears the image (if it reads it); an image that shows illicit goods less often."""
    ir = _image(x)
    return truth.ai_clears(x, u, ir.ai_clear if ir else 0.0)


@declare("image_time", 21)
def _image_time(x: Context, u: np.ndarray) -> np.ndarray:
    """An officer reading the images of all the declaration's containers (per image)."""
    ir = _image(x)
    return _boxes(x, ir.officers.service if ir else None, u)


@declare("refer", 22, "bool")
def _refer(x: Context, u: np.ndarray) -> np.ndarray:
    """An officer who reads the image refers the goods to a physical exam."""
    ir = _image(x)
    return truth.officer_refers(x, u, ir.refer if ir else 0.0)


def _boxes(x: Context, dist: Any, u: np.ndarray) -> np.ndarray:
    """Work of the declaration's containers from one per-box draw (:mod:`sim.model.work`)."""
    if dist is None:
        return np.zeros(x.n)
    return per_container(dist.ppf(u), dist.mean, x.values["containers"])


@declare("move", 23)
def _move(x: Context, u: np.ndarray) -> np.ndarray:
    """Moving the declaration's containers from the yard to the bay."""
    return _boxes(x, x.port.exam.move if x.port.exam else None, u)


@declare("exam_time", 24)
def _exam_time(x: Context, u: np.ndarray) -> np.ndarray:
    """The examination of all the declaration's containers."""
    return _boxes(x, x.port.exam.duration if x.port.exam else None, u)


@declare("quarantine_time", 25)
def _quarantine_time(x: Context, u: np.ndarray) -> np.ndarray:
    """The quarantine check of all the declaration's containers (per box)."""
    q = x.port.quarantine
    return _boxes(x, q.check if q else None, u)


@declare("sample", 26, "bool")
def _sample(x: Context, u: np.ndarray) -> np.ndarray:
    q = x.port.quarantine
    return u < (q.sample_share if q else 0.0)


@declare("incubation", 27)
def _incubation(x: Context, u: np.ndarray) -> np.ndarray:
    """The turnaround of the lab test the commodity needs."""
    q = x.port.quarantine
    lab = q.lab if q else None
    out = x.times(lab.incubation if lab else None, u)
    if lab is not None and lab.tests:
        tests = [x.scenario.commodities[k].lab_test for k in x.commodities]
        for name, dist in lab.tests.items():
            rows = np.isin(x.values["commodity"], [i for i, t in enumerate(tests) if t == name])
            out[rows] = dist.ppf(u[rows])
    return out


@declare("clearance_form", 28)
def _form(x: Context, u: np.ndarray) -> np.ndarray:
    q = x.port.quarantine
    return x.times(q.clearance_form if q else None, u)


def _by_commodity(x: Context, attr: str) -> np.ndarray:
    p = np.array([getattr(x.scenario.commodities[k], attr) for k in x.commodities])
    return np.asarray(p[x.values["commodity"]])


declare("exam_finds", 29, "bool")(truth.exam_finds)
declare("quarantine_finds", 30, "bool")(truth.quarantine_finds)
declare("pest_treated", 54, "bool")(truth.pest_treated)
declare("audit_finds", 55, "bool")(truth.audit_finds)
declare("audit_lag", 56)(truth.audit_lag)


# --- release -----------------------------------------------------------------------------
@declare("pickup", 31)
def _pickup(x: Context, u: np.ndarray) -> np.ndarray:
    return x.times(None if x.export else x.port.release.pickup, u)


@declare("gate_time", 32)
def _gate(x: Context, u: np.ndarray) -> np.ndarray:
    return _service(x, None if x.export else x.port.release.gate, u)


@declare("quarantine_move", 33)
def _quarantine_move(x: Context, u: np.ndarray) -> np.ndarray:
    """Separate inspections: the quarantine examination's own move to the bay (and back)."""
    return _boxes(x, x.port.exam.move if x.port.exam else None, u)


# --- the exam yard (columns 38-41) ------------------------------------------------------
def _attendance(x: Context) -> Any:
    return x.port.exam.trader_attendance if x.port.exam else None


@declare("attend", 38, "bool")
def _attend(x: Context, u: np.ndarray) -> np.ndarray:
    """The trader must attend the examination."""
    a = _attendance(x)
    return u < (a.share if a else 0.0)


@declare("attend_delay", 39)
def _attend_delay(x: Context, u: np.ndarray) -> np.ndarray:
    """From the booking of the examination to the trader's arrival at the yard."""
    a = _attendance(x)
    return x.times(a.delay if a else None, u)


@declare("premises", 40, "bool")
def _premises(x: Context, u: np.ndarray) -> np.ndarray:
    """An AEO trader's examination done at its own premises (no bay, no mover)."""
    share = x.port.exam.aeo_premises if x.port.exam else 0.0
    return (u < share) & np.isin(x.values["trader_class"], AEO_CLASSES)


@declare("move_out", 41)
def _move_out(x: Context, u: np.ndarray) -> np.ndarray:
    """Moving the declaration's containers back from the bay to the yard."""
    return _boxes(x, x.port.exam.move if x.port.exam else None, u)


# --- columns 34-37: exports; 38-41: the exam yard; 42-47: flow rules -----------------------
@declare("statutory", 42, "bool")
def _statutory(x: Context, u: np.ndarray) -> np.ndarray:
    """Subject to statutory inspection (the goods inspection & quarantine deals with)."""
    return np.asarray(u < _by_commodity(x, "statutory"))


@declare("quarantine_treat", 43, "bool")
def _treat(x: Context, u: np.ndarray) -> np.ndarray:
    """Treated (fumigation, heat) and released, if checked; never when rejected."""
    return np.asarray(u < _by_commodity(x, "quarantine_treat"))


@declare("treatment_time", 44)
def _treatment_time(x: Context, u: np.ndarray) -> np.ndarray:
    q = x.port.quarantine
    return x.times(q.treatment if q else None, u)


# --- loading (exports) ---------------------------------------------------------------------
@declare("loading_delay", 34)
def _loading_delay(x: Context, u: np.ndarray) -> np.ndarray:
    """From release to loading / crossing, where the port gives a delay, not a schedule."""
    e = _exports(x)
    return x.times(e.loading.delay if e is not None else None, u)


# --- after release (columns 45-47: the flow's stream; 61-63: the truth's) -------------------
def _uptake(x: Context, uptake: Any, u: np.ndarray) -> np.ndarray:
    """``u`` under the uptake of each row's trader class (an :mod:`after_release` table)."""
    p = np.array([after_release.share(uptake, k) for k in TRADER_CLASSES])
    return np.asarray(u < p[x.values["trader_class"]])


@declare("two_step", 45, "bool")
def _two_step(x: Context, u: np.ndarray) -> np.ndarray:
    """An import declared in two steps: released on the outline declaration."""
    if x.export:
        return np.zeros(x.n, bool)
    return _uptake(x, x.scenario.after_release.two_step_declaration.uptake, u)


@declare("duty_payment", 46)
def _duty_payment(x: Context, u: np.ndarray) -> np.ndarray:
    """Imports: from assessment to the duty paid or guaranteed (release waits for it)."""
    return x.times(None if x.export else x.scenario.after_release.duty_payment, u)


@declare("full_declaration", 47)
def _full_declaration(x: Context, u: np.ndarray) -> np.ndarray:
    """A two-step declaration: from release to the full declaration, within the deadline."""
    t = x.scenario.after_release.two_step_declaration
    return np.asarray(np.minimum(x.times(t.full_declaration, u), t.deadline))


@declare("release_early", 61, "bool")
def _release_early(x: Context, u: np.ndarray) -> np.ndarray:
    """Released before the laboratory result, if sampled (release before test)."""
    return _uptake(x, x.scenario.after_release.release_before_test.uptake, u)


@declare("sold", 62)
def _sold(x: Context, u: np.ndarray) -> np.ndarray:
    """A uniform: recalled goods are already sold if it falls under the share sold by then
    (``1 - exp(-t / sell_time)``, t the time since release)."""
    return u


@declare("tax_after", 63, "bool")
def _tax_after(x: Context, u: np.ndarray) -> np.ndarray:
    """A document (tax) review, if selected, done after release (two-step processing)."""
    return _uptake(x, x.scenario.after_release.two_step_processing.uptake, u)


# --- escalations to the organisation (columns 57-60: the truth's stream) ------------------
def _uniform(x: Context, u: np.ndarray) -> np.ndarray:
    """The uniform itself: the organisation compares it with its shares when it plans
    (see :mod:`sim.model.org.escalation`), so the same consignments escalate in every
    structure whose share is the same (common random numbers)."""
    return u


declare("escalate_ruling", 57)(_uniform)
declare("escalate_quarantine", 58)(_uniform)
declare("escalate_case", 59)(_uniform)
declare("escalate_holds", 60)(_uniform)


REQUIREMENTS = DRAWS.names


class _Indices:
    """Positional indices into the requirement table, generated from :data:`DRAWS` (for
    speed in the per-consignment flow: ``req[R.scan_time]``); a misspelt name raises."""

    def __init__(self, names: tuple[str, ...]):
        self.__dict__.update({name: i for i, name in enumerate(names)})

    def __getattr__(self, name: str) -> int:
        raise AttributeError(f"no draw named {name!r}")


R = _Indices(REQUIREMENTS)
