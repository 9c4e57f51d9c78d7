"""The headline's word on the overhead in an option's cost per declaration: the costs that
belong to no port (patrols outside the ports, the post-clearance auditors, systems, the
organisation's units) are shared over the ports' declarations
(``agency_cost_overhead_per_consignment``), so a finance officer reading "of which the
agencies'" could not tell a port's own work from the share of the overheads it carries. This
line says it, after the agencies' cost per declaration, where some option has overhead (its
mean above 0); the console's table and the workbook's headline sheet give the same figure
on the same condition."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

#: the figure (every port pooled, per declaration)
METRIC = "agency_cost_overhead_per_consignment"
#: what the line is of
OVERHEAD = ("of which costs of no port (overheads: patrols outside the ports, auditors, "
            "systems, the organisation's units), shared over the ports' declarations")


def has_overhead(summary: pd.DataFrame | None) -> bool:
    """Some option of ``summary`` (a comparison's or run's long summary) has overhead: its
    mean overhead per declaration is above 0 (0 or missing in a scenario without costs of
    no port, or without ``[costs]``)."""
    if summary is None or summary.empty or "metric" not in summary.columns:
        return False
    means = pd.to_numeric(summary.loc[summary["metric"] == METRIC, "mean"], errors="coerce")
    return bool((means > 0).any())


def overhead_cost(
    rows: Mapping[tuple[Any, Any], Mapping[Any, Any]], name: str, currency: str,
    summary: pd.DataFrame | None,
) -> str:
    """Option ``name``'s change in its overhead per declaration with its 95 % interval, as
    the headline's other cost lines say a change; empty where no option has overhead or the
    comparison lacks the figure."""
    from sim.report.headline import _sentence

    row = rows.get((name, METRIC))
    if row is None or not has_overhead(summary):
        return ""
    return _sentence(row, OVERHEAD, "money", ("less", "more"), currency)
