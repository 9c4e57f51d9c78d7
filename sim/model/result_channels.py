"""The clearance table's metrics by channel (the checks a declaration met), pooled and at
each port and direction: what a broker reads to see which declarations wait long and why
(part of :func:`sim.model.result_clearance.clearance_metrics`)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from sim.model.milestones import CHANNELS

if TYPE_CHECKING:
    from sim.model.result_clearance import ClearanceRows


def by_channel(t: ClearanceRows) -> dict[str, float]:
    """Each channel (the checks a declaration met: ``green``, ``physical``,
    ``physical_quarantine`` for ``physical+quarantine``, ...) over every port and direction:
    clearance's mean and p90 and declared-to-release's mean, so that a broker sees which of
    the declarations wait long and why (the share in each channel is the checks' rates).
    Named for every channel, NaN where the run released none; a table without the split
    gives none."""
    out: dict[str, float] = {}
    for metric, stats in (("clearance", ("mean", "p90")), ("declared_to_release", ("mean",))):
        rows = {r["group"]: r for r in t.of(metric, "channel")}
        if not rows:
            continue
        for channel in CHANNELS:
            r = rows.get(channel, {})
            for stat in stats:
                name = f"{metric}_h_{stat}_channel_{channel.replace('+', '_')}"
                out[name] = float(r.get(f"{stat}_h", math.nan))
    return out


def by_port_channel(t: ClearanceRows) -> dict[str, float]:
    """Each channel at each port and direction: the figures of :func:`by_channel`
    (``clearance_h_mean_channel_physical_port_sea_port_import``, p90, declared-to-release's
    mean) for the declarations of one port and direction, what a broker working there
    meets (pooled, a channel mixes a sea port's, an airport's and a land border's). Named
    for every channel at each port and direction the run released goods at, NaN where it
    released none in the channel, so that every replication names the same figures."""
    out: dict[str, float] = {}
    for metric, stats in (("clearance", ("mean", "p90")), ("declared_to_release", ("mean",))):
        rows = {r["group"]: r for r in t.of(metric, "port_direction_channel")}
        if not rows:
            continue
        for at in t.of(metric, "port_direction"):
            port, direction = str(at["group"]).split("/")
            for channel in CHANNELS:
                r = rows.get(f"{port}/{direction}/{channel}", {})
                where = f"channel_{channel.replace('+', '_')}_port_{port}_{direction}"
                for stat in stats:
                    out[f"{metric}_h_{stat}_{where}"] = float(r.get(f"{stat}_h", math.nan))
    return out
