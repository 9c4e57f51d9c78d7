"""Illicit types a scenario carries that no check can find: a check without an entry for a
type finds none of it, so such a type slips through whole, which reads as a policy finding
("customs catches none of it") when it is only a table left out. Told as a note."""

from __future__ import annotations

from typing import Any

from sim.scenario.base import ILLICIT

#: the detection tables by type, under ``enforcement.detection``, that can find goods before
#: release (a scan finds only through the exam it refers to: ``scan`` alone finds nothing)
TABLES = ("document", "exam", "quarantine", "laboratory")


def finders_of(enforcement: Any, kind: str) -> list[str]:
    """The field paths of the checks that can find ``kind`` (a probability above 0): the
    detection tables, the post-clearance audit where it audits, and for pests the sampling
    plan's visual check and laboratory (or a commodity's own plan's laboratory)."""
    found = [f"enforcement.detection.{t}.{kind}" for t in TABLES
             if getattr(enforcement.detection, t).get(kind, 0.0) > 0]
    audit = enforcement.audit
    if audit.share > 0 and audit.finds.get(kind, 0.0) > 0:
        found.append(f"enforcement.audit.finds.{kind}")
    s = enforcement.sampling  # (a commodity's own plan's laboratory counts too)
    own = [p.lab_sensitivity or 0.0 for p in s.by_commodity.values()]
    if kind == "pest" and max(s.visual_sensitivity, s.lab_sensitivity, *own) > 0:
        found.append("enforcement.sampling")
    return found


def unfound_types(scenario: Any) -> list[str]:
    """A note for each illicit type with a prevalence above 0 that no check can find (see
    :func:`finders_of`): its detection rate is 0 and every such declaration slips through."""
    e = getattr(scenario, "enforcement", None)
    if e is None:
        return []
    out = []
    for kind in ILLICIT:
        p = e.prevalence.get(kind, 0.0)
        if p <= 0 or finders_of(e, kind):
            continue
        where = ", ".join(f"enforcement.detection.{t}" for t in TABLES)
        out.append(
            f"enforcement.prevalence.{kind} ({p:g}) gives declarations {kind}, but no check "
            f"can find it: none of {where} gives {kind} a probability above 0, nor does the "
            f"audit (enforcement.audit.finds), and a check without an entry finds none; so "
            f"detection_rate_{kind} is 0 and all of it slips through. Give the checks that "
            f"can find it an entry (e.g. --set enforcement.detection.exam.{kind}=0.9) if "
            "that is not the point"
        )
    return out
