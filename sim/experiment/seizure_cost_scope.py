"""A comparison's note that its cost per seizure is the patrols' cost alone.

``cost_per_seizure`` spreads the agencies' whole cost over every seizure, the ports' and the
patrols' outside them. A scenario that prices the patrols' officers (``costs.patrol_role``)
but no port's staff or equipment (``beilun-border`` priced with ``--set costs.price_year``
and ``costs.roles.customs_officer``: it has no ``[costs.staff]``) makes that the patrols'
cost per seizure, the ports' seizures free: a planner would read it as the whole
enforcement's. The note says so where the figure is measured, and how to price the ports."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.experiment.compare import CompareResult

#: the share of the agencies' cost the patrols' must reach for it to be theirs alone
#: (rounding of a sum of lines, not a threshold of judgement)
_ALONE = 1 - 1e-9


def patrols_only_note(patrols: float, agency: float, per_seizure: float) -> str | None:
    """The note where the agencies' cost a year (``agency``) is the patrols' (``patrols``)
    alone and ``per_seizure`` (``cost_per_seizure``) was measured; else None."""
    if not all(math.isfinite(x) for x in (patrols, agency, per_seizure)) or patrols <= 0:
        return None
    if patrols < _ALONE * agency:
        return None
    return ("note: cost_per_seizure here is the patrols' cost alone over every seizure: the "
            "scenario prices the officers of the patrols outside the ports but no port's "
            "staff or equipment (no [costs.staff], [costs.posts] or equipment costs), so the "
            "ports' seizures cost nothing in it; read it as the patrols' cost per seizure, "
            "not the enforcement's, or price the ports' lanes (as the default scenario's "
            "[costs.staff])")


def patrols_only_notes(res: CompareResult) -> list[str]:
    """:func:`patrols_only_note` of the comparison's baseline (its mean over replications)."""
    s = res.summary
    if s.empty or "metric" not in s:
        return []
    means = s[s["option"] == res.names[0]].set_index("metric")["mean"]
    figures = ("agency_cost_patrol_per_year", "agency_cost_per_year", "cost_per_seizure")
    if any(f not in means for f in figures):
        return []
    note = patrols_only_note(*(float(means[f]) for f in figures))
    return [] if note is None else [note]
