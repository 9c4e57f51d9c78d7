"""Each illicit type's outcome, pooled over ports and directions, in every run: how many
were found and by which check, how many slipped through, and the value seized and slipped.

A risk analyst's first question is how many of each type customs found and how many got
through. The pooled rates (``detection_rate_<type>``) say what share, and ``value_slipped``
pools the value over every type; by port the counts need ``enforcement.report_by_port``
(:mod:`sim.model.illicit_ports`). These are the enforcement tally's own counters
(:mod:`sim.model.enforcement`) summed over its rows:

- ``detected_<type>``, ``found_after_release_<type>``, ``slipped_<type>``, ``held_<type>``:
  the same four counts as :mod:`sim.model.illicit_ports` gives by port, adding up to
  ``illicit_<type>``;
- ``found_<type>_by_<finder>``: the declarations credited to each check (the first that
  found them): those of ``document``, ``exam`` and ``quarantine`` add up to
  ``detected_<type>``, those of ``review``, ``recall`` and ``audit`` to
  ``found_after_release_<type>``;
- ``value_seized_<type>`` and ``value_slipped_<type>``: the illicit value seized, detained or
  rejected, and that released and never found; over the types they add up to
  ``value_seized`` and ``value_slipped``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.model.finders import FINDERS
from sim.scenario.base import ILLICIT

if TYPE_CHECKING:
    from sim.model.enforcement import EnforcementTally


def type_metrics(t: EnforcementTally) -> dict[str, float]:
    """The pooled counts and values of each illicit type (every type named, 0 when none
    came), so that a comparison pairs them whatever the options carry."""
    out: dict[str, float] = {}
    for k, kind in enumerate(ILLICIT, start=1):
        detected, audited, held = (int(a[:, k].sum()) for a in (t.detected, t.audited, t.held))
        out[f"detected_{kind}"] = float(detected)
        out[f"found_after_release_{kind}"] = float(audited)
        out[f"slipped_{kind}"] = float(int(t.n[:, k].sum()) - held - detected - audited)
        out[f"held_{kind}"] = float(held)
        for i, finder in enumerate(FINDERS):
            out[f"found_{kind}_by_{finder}"] = float(t.found_by[i, k])
        out[f"value_seized_{kind}"] = float(t.seized_value[:, k].sum())
        slipped = t.value - t.held_value - t.detected_value - t.audited_value
        out[f"value_slipped_{kind}"] = float(slipped[:, k].sum())
    return out
