"""A time target longer than the drain: a box still held when the run ends may have been held
less than the target, so it is neither within it nor over it, and the tail shares
(``delay_share_over_<target>_*``, docs/delay-tails.md) leave it out and may read low. Told
as a note, since nothing in the figures shows it."""

from __future__ import annotations

import math
from typing import Any

from sim.scenario.within import label, reported


def targets_past_drain(scenario: Any) -> list[str]:
    """One note naming the reported targets (``within_hours`` and 24 h) longer than
    ``drain_days``, with the drain that would cover them; [] when none is."""
    drain_h = float(scenario.drain_days) * 24
    past = [h for h in reported(scenario.within_hours) if h > drain_h]
    if not past:
        return []
    need = math.ceil(max(past) / 24)
    return [
        f"within_hours: {', '.join(label(h) for h in past)} longer than the drain "
        f"(drain_days {float(scenario.drain_days):g}, {drain_h:g} h): a box still held at "
        "the run's end, held less than the target, is known neither within nor over it and "
        "is left out of delay_share_over_<target>, which may read low; give drain_days "
        f"{need} or more (--set drain_days={need})"
    ]
