"""Which check found a consignment's illicit goods: pure functions of its truth draws, the
checks it actually had and what happened after release (so the bulk and SimPy interpreters
need not report detection). Shared by the enforcement tally and the cost book."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from sim.model.draws import REQUIREMENTS, R
from sim.model.milestones import CAUGHT, RELEASED
from sim.scenario.base import ILLICIT

DOC, SCAN, PHYSICAL, QUARANTINE = 1, 2, 4, 8  # bits of the checks a consignment had
TRUTH = ("compliant", *ILLICIT)
UNDERVALUATION = TRUTH.index("undervaluation")
#: the checks that find illicit goods, in the order in which a find is credited (after
#: release: the tax review of two-step processing, the recall of goods released before test,
#: the audit): the order of the flow; goods that both the exam and a quarantine check that
#: started before it find are credited to the quarantine check (see :func:`credited`)
FINDERS = ("document", "exam", "quarantine", "review", "recall", "audit")
AFTER = ("review", "recall", "audit")
#: bits of what happened after release (from milestones: see :func:`after_bits`)
REVIEWED, RECALLED, RECOVERED = 1, 2, 4
AFTER_MILESTONES = ("tax_reviewed", "recalled", "recovered")
CHECK_NAMES = ("document", "scan", "physical", "quarantine")
#: the milestone that ends each check (its bit), in a log
CHECK_ENDS = {DOC: "doc_end", SCAN: "scan_end", PHYSICAL: "exam_end", QUARANTINE: "quarantine_end"}
#: requirement columns the tally needs (the recorder keeps them in its short rows)
COLUMNS = (
    R.illicit,
    R.true_value,
    R.doc_alarm,
    R.ai_read,
    R.ai_clear,
    R.refer,
    R.exam_finds,
    R.quarantine_finds,
    R.audit_finds,
    R.audit_lag,
)
#: the column of :data:`COLUMNS` holding the audit's lag after release (its finds' due date)
AUDIT_LAG = COLUMNS.index(R.audit_lag)
CAUGHT_CODES = [c for c in CAUGHT.values() if c is not None]


def checks_bits(doc: Any, scan: Any, physical: Any, quarantine: Any) -> Any:
    """The checks a consignment had, as bits (scalars or arrays)."""
    return doc * DOC + scan * SCAN + physical * PHYSICAL + quarantine * QUARANTINE


def after_bits(reviewed: np.ndarray, recalled: np.ndarray, recovered: np.ndarray) -> np.ndarray:
    """What happened after release, as bits, from the milestones ``tax_reviewed``,
    ``recalled`` and ``recovered`` (NaN: not reached)."""
    out: np.ndarray = (
        ~np.isnan(reviewed) * REVIEWED
        + ~np.isnan(recalled) * RECALLED
        + ~np.isnan(recovered) * RECOVERED
    )
    return out


def finders(
    code: np.ndarray,
    did: dict[int, np.ndarray],
    req: np.ndarray,
    after: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Which check found each consignment's illicit goods (all False when compliant):
    ``did`` maps each check's bit to whether the consignment had it, ``req`` holds the
    :data:`COLUMNS`, ``after`` the :func:`after_bits`. A laboratory result that recalls goods
    released before it finds them after release, and only if they are recovered (goods
    already sold slip through); a tax review after release finds undervaluation as the
    document check would."""
    illicit = code > 0
    if after is None:
        after = np.zeros(len(code), np.int64)
    recalled = (after & RECALLED) > 0
    return {
        "document": illicit & did[DOC] & (req[:, 2] > 0) & (code == UNDERVALUATION),
        "exam": illicit & did[PHYSICAL] & (req[:, 6] > 0),
        "quarantine": illicit & did[QUARANTINE] & (req[:, 7] > 0) & ~recalled,
        "review": illicit & ((after & REVIEWED) > 0) & (req[:, 2] > 0) & (code == UNDERVALUATION),
        "recall": illicit & ((after & RECOVERED) > 0),
        "audit": illicit & (req[:, 8] > 0),
    }


def credited(
    found: dict[str, np.ndarray], quarantine_first: np.ndarray | None = None
) -> list[np.ndarray]:
    """For each of :data:`FINDERS`, the consignments whose find it is credited with: the
    first finder in that order, except that goods found by both the exam and a quarantine
    check that started before it (``quarantine_first``: separate inspection) are the
    quarantine check's. Each found consignment is credited once."""
    out = []
    for i, name in enumerate(FINDERS):
        earlier = [found[f] for f in FINDERS[:i]]
        out.append(found[name] & ~np.any(earlier, axis=0) if earlier else found[name])
    if quarantine_first is not None:
        e, q = FINDERS.index("exam"), FINDERS.index("quarantine")
        moved = out[e] & found["quarantine"] & quarantine_first
        out[e], out[q] = out[e] & ~moved, out[q] | moved
    return out


def found_by(col: Mapping[str, np.ndarray], checks: np.ndarray) -> np.ndarray:
    """The index in :data:`FINDERS` of the check credited with finding each consignment's
    illicit goods (-1: compliant, or not found), from a log's columns (``outcome`` as codes)
    and the checks it had (:func:`checks_bits`, as the recorder booked them): credited as
    :class:`EnforcementTally` credits them (:func:`credited`), a finder after release only
    for goods released (out of the flow by the end), as its ``audit_detected``."""
    req = np.column_stack([np.asarray(col[REQUIREMENTS[i]], float) for i in COLUMNS])
    code = req[:, 0].astype(int)
    bits = np.asarray(checks).astype(int)
    did = {b: (bits & b) > 0 for b in (DOC, SCAN, PHYSICAL, QUARANTINE)}
    after = after_bits(*(np.asarray(col[m], float) for m in AFTER_MILESTONES))
    quarantine_first = np.asarray(col["quarantine_start"], float) < np.asarray(
        col["exam_start"], float
    )
    released = np.asarray(col["outcome"]) == RELEASED
    out = np.full(len(code), -1, np.int64)
    found = finders(code, did, req, after)
    for i, first in enumerate(credited(found, quarantine_first)):
        if FINDERS[i] in AFTER:
            first = first & released
        out[first & (code > 0)] = i
    return out


def found_in_log(col: Mapping[str, np.ndarray]) -> np.ndarray | None:
    """Whether a check (document check, exam, quarantine check) found illicit goods in each
    consignment before release, from a log's columns (None: the log holds no truth)."""
    names = [REQUIREMENTS[i] for i in COLUMNS]
    if any(n not in col for n in names):
        return None
    req = np.column_stack([np.asarray(col[n], float) for n in names])
    did = {b: ~np.isnan(np.asarray(col[m], float)) for b, m in CHECK_ENDS.items()}
    later = (np.asarray(col[m], float) for m in AFTER_MILESTONES)
    after = after_bits(*later)
    found = finders(req[:, 0].astype(int), did, req, after)
    out: np.ndarray = found["document"] | found["exam"] | found["quarantine"]
    return out


def audit_credited(
    code: np.ndarray,
    checks: np.ndarray,
    req: np.ndarray,
    released: np.ndarray,
    after: np.ndarray | None = None,
) -> np.ndarray:
    """Whether each consignment's illicit goods are the post-clearance audit's find: released,
    and found by no check before release nor by a tax review or recall (credited first, as
    :func:`credited` orders them)."""
    did = {b: (checks & b) > 0 for b in (DOC, SCAN, PHYSICAL, QUARANTINE)}
    first = credited(finders(code, did, req, after))[FINDERS.index("audit")]
    out: np.ndarray = first & released
    return out


def detected(
    code: np.ndarray,
    checks: np.ndarray,
    req: np.ndarray,
    released: np.ndarray,
    after: np.ndarray | None = None,
) -> np.ndarray:
    """Whether each consignment's illicit goods were found: before release by a check it had,
    or after it (tax review, recall, post-clearance audit), as :class:`EnforcementTally`
    counts them."""
    did = {b: (checks & b) > 0 for b in (DOC, SCAN, PHYSICAL, QUARANTINE)}
    found = finders(code, did, req, after)
    before = found["document"] | found["exam"] | found["quarantine"]
    later = found["review"] | found["recall"] | found["audit"]
    out: np.ndarray = before | (later & released)
    return out
