"""Which of the page's results rows a scenario calls for: a metric that belongs to a part of
the scenario (a section such as ``[ports.<port>.transit]``) is shown only where a side has
that part.

Such metrics are 0, not missing, in a scenario without their part (no transit goods: a
transit share of 0), so the table's own rule (a row is left out where no replication
measured it) would show them everywhere as rows of zeros (the clearance of imports in
transit and of those cleared directly is missing there, as the results tables leave out
empty groups: listed too, so that each row's part is said). :data:`PART_OF` says once, as
data, which part each belongs to; a new feature adds its metrics there, one line each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sim.scenario.schema import Scenario

_TRANSIT = "ports.*.transit"  # transit goods (转关, docs/transit.md)
_RETURNS = "declaration.returns"  # returned declarations (退单, docs/returned-declarations.md)

#: a results row's metric -> the part of the scenario it acts in, as a dotted path of its
#: tables (``*``: any key, such as any port); a metric not listed is shown wherever measured
PART_OF: dict[str, str] = {
    "transit_share": _TRANSIT,
    "transit_h_mean": _TRANSIT,
    "transit_clearance_share": _TRANSIT,
    "transit_unfinished": _TRANSIT,
    "clearance_h_mean_transit_import": _TRANSIT,
    "clearance_h_mean_direct_import": _TRANSIT,
    "clearance_h_p90_transit_import": _TRANSIT,
    "clearance_h_p90_direct_import": _TRANSIT,
    "clearance_n_transit_import": _TRANSIT,
    "clearance_n_direct_import": _TRANSIT,
    "clearance_h_mean_integrated_import": _TRANSIT,
    "clearance_h_p90_integrated_import": _TRANSIT,
    "clearance_n_integrated_import": _TRANSIT,
    "returned_share": _RETURNS,
    "returned_h_mean": _RETURNS,
    "returned_h_added": _RETURNS,
    "returned_clearance_share": _RETURNS,
}


def has_part(scenario: Scenario, path: str) -> bool:
    """Whether ``scenario`` has the part ``path`` names (a table there that is not None)."""
    nodes: list[Any] = [scenario.model_dump(by_alias=True)]
    for key in path.split("."):
        found: list[Any] = []
        for node in nodes:
            if isinstance(node, dict):
                found += list(node.values()) if key == "*" else [node.get(key)]
        nodes = [n for n in found if n is not None]
    return bool(nodes)


def called_for(
    shown: Sequence[tuple[str, str]], scenarios: Iterable[Scenario]
) -> tuple[tuple[str, str], ...]:
    """The rows of ``shown`` whose part (if any) one of ``scenarios`` has: the baseline's, or
    an option's that adds the part."""
    sides = list(scenarios)
    parts = {p for p in set(PART_OF.values()) if any(has_part(s, p) for s in sides)}
    return tuple(row for row in shown if PART_OF.get(row[0], "") in parts | {""})


#: the row of a port's transit desk (``ports.<port>.transit.desk``: a lane, docs/transit.md),
#: one for each port that has one; its metric is the lane's, as the results folder names it
DESK_ROW = ("utilisation_{port}_transit_desk",
            "Transit desk at {port}: its officers' utilisation (share of their time busy)")


def with_desks(
    shown: Sequence[tuple[str, str]], scenarios: Iterable[Scenario]
) -> tuple[tuple[str, str], ...]:
    """``shown`` with a row for the utilisation of each port's transit desk, where a side
    has one (will the transit officers be the bottleneck?), after the transit rows."""
    ports = dict.fromkeys(p for s in scenarios for p, spec in s.ports.items()
                          if spec.transit is not None and spec.transit.desk is not None)
    rows = tuple((DESK_ROW[0].format(port=p), DESK_ROW[1].format(port=p)) for p in ports)
    last = max((i for i, (m, _) in enumerate(shown) if PART_OF.get(m) == _TRANSIT),
               default=len(shown) - 1)
    return (*shown[:last + 1], *rows, *shown[last + 1:])
