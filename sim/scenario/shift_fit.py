"""Rosters that do not fit each other: scanners on duty in hours when no image officer is.

A port's images go to an officer unless its AI reads and clears them all; an image scanned
when no officer is on duty waits for the next shift. A roster typed from a staffing table
(the gantries run until 22:00, the image officers leave at 18:00) runs without complaint
and only shows as longer clearance after the run, so ``check`` and ``run`` say it before.
"""

from __future__ import annotations

from typing import Any


def scans_unread(scenario: Any) -> list[str]:
    """A note per port whose scanners are on duty in hours when no image officer is, while
    some images need an officer (AI reads fewer than all, or clears fewer than all). Image
    officers pooled with other ports (``image_review.pool``) are left out: another port's
    officers may read them."""
    from sim.scenario.dormant import _hours_words

    out = []
    for name, port in scenario.ports.items():
        scan = port.scan
        if scan is None:
            continue
        review = scan.image_review
        if review.pool or (review.ai_share >= 1 and review.ai_clear >= 1):
            continue
        scanners = scan.scanners.hourly_capacity()
        officers = review.officers.hourly_capacity()
        if scanners is None or officers is None:
            continue
        off = [(w // 24 + 1, w % 24) for w in range(168) if scanners[w] > 0 and officers[w] == 0]
        if not off:
            continue
        read_by_officers = 1 - review.ai_share * review.ai_clear
        out.append(
            f"ports.{name}.scan.scanners scan {_hours_words(off, 7)} when no image officer "
            f"is on duty (ports.{name}.scan.image_review.officers): the {read_by_officers:.0%} "
            "of images the AI does not clear wait for the next shift; staff the officers in "
            "those hours, or take the scanners off them"
        )
    return out
