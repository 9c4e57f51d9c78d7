"""Time Release Study milestones, the intervals between them and who owns each delay."""

from __future__ import annotations

import numpy as np

MILESTONES = (
    "arrived",
    # transit goods (转关): the transit declaration checked and the container sealed at the
    # entry port (``transit_sealed``), then the truck at this office's supervised yard
    "transit_sealed",
    "transit_arrived",
    "discharged",
    "lodged",
    "lodged_quarantine",
    # a reviewed declaration returned for correction: the officer's first review ends
    # (``returned``), the broker corrects it and lodges it again (``relodged``), and it
    # queues for review a second time before it is accepted
    "returned",
    "relodged",
    "accepted",
    "assessed",
    "doc_start",
    "doc_end",
    "scan_start",
    "scan_end",
    "image_start",
    "image_end",
    "exam_start",
    "exam_end",
    "quarantine_start",
    "quarantine_end",
    # the box back from its examination(s): the move out done (at the trader's premises, the
    # examination's end); the exam yard's stretch ends here
    "inspected",
    "lab_start",
    "lab_end",
    "quarantine_cleared",
    "released",
    "picked_up",  # an import picked up by the trader: it goes on to the exit gate, if any
    "exited",
    "loaded",
    "treatment_start",  # the quarantine result known (after any laboratory test): treated from here
    "treated",
    # after release (sim/model/steps/after.py): none is reached unless [after_release] says so
    "duty_paid",
    "full_declared",
    "tax_reviewed",
    "recalled",
    "recovered",
    # an export's departure: the vessel or flight it was loaded for (its cut-off's lead after
    # ``loaded``), or its truck's crossing (= ``loaded``); after the end of its flow
    "departed",
)
M = {name: i for i, name in enumerate(MILESTONES)}
#: milestones after release booked as due dates when they become known (a review a month on,
#: a full declaration within days, a recall after a failed laboratory result, the departure
#: an export was loaded for): a consignment out of the flow keeps them even when they fall
#: after the run's end
DUE_AFTER_RELEASE = ("full_declared", "tax_reviewed", "recalled", "recovered", "departed")
N_MILESTONES = len(MILESTONES)

#: who holds the goods' time. ``carrier``: the vessel's or flight's schedule, an export's wait
#: from its release to the cut-off of the departure it makes (the carrier's sailing times and
#: cut-off, not the terminal's handling); last, so that the others keep their positions
OWNERS = ("trader", "terminal", "customs", "quarantine", "organisation", "carrier")
TRADER, TERMINAL, CUSTOMS, QUARANTINE, ORGANISATION, CARRIER = range(6)
N_OWNERS = len(OWNERS)

#: An import ends when it leaves the supervised area (``exited``), an export when it is
#: loaded: at the cut-off of the vessel or flight it makes, or as its truck crosses
#: (``loaded``). Each consignment reaches one of the two; overall clearance runs to it
#: (:func:`flow_end`).
FLOW_END = ("exited", "loaded")


def flow_end(exited: np.ndarray, loaded: np.ndarray) -> np.ndarray:
    """When each consignment's flow ended: an import's exit or an export's loading, whichever
    it reached (NaN if neither). Overall clearance is ``flow_end(...) - arrived``."""
    end: np.ndarray = np.fmax(exited, loaded)
    return end


#: The Time Release Study intervals between these milestones, who owns each and how they add
#: up to clearance: :mod:`sim.model.intervals`.

CHANNELS = (
    "green",
    "document",
    "scan",
    "physical",
    "quarantine",
    "document+quarantine",
    "scan+quarantine",
    "physical+quarantine",
)
#: detained: goods held for infringing intellectual property (counterfeits)
OUTCOMES = ("released", "seized", "rejected", "censored", "detained")
RELEASED, SEIZED, REJECTED, CENSORED, DETAINED = range(5)
#: what finding an illicit type before release does to the goods (``reassessed``: duty is
#: reassessed and the goods go on to release)
CAUGHT = {"seized": SEIZED, "detained": DETAINED, "rejected": REJECTED, "reassessed": None}


def channel_code(doc: bool, scan: bool, physical: bool, quarantine: bool) -> int:
    """Channel by the most intrusive customs check actually done, plus quarantine."""
    base = 3 if physical else 2 if scan else 1 if doc else 0
    return base + 4 if quarantine else base


def channel_code_many(
    doc: np.ndarray, scan: np.ndarray, physical: np.ndarray, quarantine: np.ndarray
) -> np.ndarray:
    """:func:`channel_code` on arrays."""
    base = np.where(physical, 3, np.where(scan, 2, np.where(doc, 1, 0)))
    return np.where(quarantine, base + 4, base)


# positions of the milestones, for the interpreters: by name, so that a milestone added or
# moved in ``MILESTONES`` can never shift what a constant means
ARRIVED = M["arrived"]
TRANSIT_SEALED = M["transit_sealed"]
TRANSIT_ARRIVED = M["transit_arrived"]
DISCHARGED = M["discharged"]
LODGED = M["lodged"]
LODGED_Q = M["lodged_quarantine"]
RETURNED = M["returned"]
RELODGED = M["relodged"]
ACCEPTED = M["accepted"]
ASSESSED = M["assessed"]
DOC_START = M["doc_start"]
DOC_END = M["doc_end"]
SCAN_START = M["scan_start"]
SCAN_END = M["scan_end"]
IMAGE_START = M["image_start"]
IMAGE_END = M["image_end"]
EXAM_START = M["exam_start"]
EXAM_END = M["exam_end"]
Q_START = M["quarantine_start"]
Q_END = M["quarantine_end"]
INSPECTED = M["inspected"]
LAB_START = M["lab_start"]
LAB_END = M["lab_end"]
Q_CLEARED = M["quarantine_cleared"]
RELEASED_AT = M["released"]
PICKED_UP = M["picked_up"]
EXITED = M["exited"]
LOADED = M["loaded"]
TREATMENT_START = M["treatment_start"]
TREATED = M["treated"]
DUTY_PAID = M["duty_paid"]
FULL_DECLARED = M["full_declared"]
TAX_REVIEWED = M["tax_reviewed"]
RECALLED = M["recalled"]
RECOVERED = M["recovered"]
DEPARTED = M["departed"]
