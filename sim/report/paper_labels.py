"""Short print labels of metrics for a paper's table (``bordersim paper-table``):
``clearance_h_p90_import`` is printed "Clearance, p90, imports (h)", as a journal table
names its rows. The label is made from the name's parts (its stem, its statistic, its port
and direction) in the words the report and the metric glossary use; ``--define`` still gives
each row's full definition, and ``--raw-names`` keeps the metric names as rows."""

from __future__ import annotations

import re

#: stems whose words are not their name's, as the report's headline says them
STEMS = {
    "clearance": "Clearance",
    "overall_clearance": "Time to leave the port",
    "departure": "Time to departure",
    "released_within_24h": "Released within 24 h",
    "exited_within_24h": "Left the port within 24 h",
    "agency_cost_per_consignment": "Agency cost per consignment",
    "trader_cost_per_consignment": "Trader cost per consignment",
    "total_cost_per_consignment": "Total cost per consignment",
    "trader_fees_per_consignment": "Trader fees per consignment",
    "agency_cost_per_year": "Agency cost per year",
}
#: a statistic's words
STATS = {"mean": "mean", "median": "median", "p90": "p90", "p95": "p95", "p99": "p99",
         "max": "maximum"}
#: units as a printed table abbreviates them
UNITS = {"hours": "h", "days": "d", "minutes": "min"}
_DIRECTION = {"import": "imports", "export": "exports"}
_SPLIT = re.compile(r"^(?P<stem>.+?)(?:_h)?_(?P<stat>mean|median|p90|p95|p99|max)(?P<rest>_.*)?$")


def print_label(metric: str, unit: str) -> str:
    """``metric`` as a table's row is printed: its words, then its unit in brackets."""
    stem, parts = metric, []
    found = _SPLIT.match(metric)
    rest = ""
    if found:
        stem, rest = found["stem"], found["rest"] or ""
        parts.append(STATS[found["stat"]])
    else:
        for direction in _DIRECTION:
            if metric.endswith(f"_{direction}") and not metric.startswith("port_"):
                stem, rest = metric[: -len(direction) - 1], f"_{direction}"
                break
        if "_port_" in stem:
            stem, _, port = stem.partition("_port_")
            rest = f"_port_{port}{rest}"
    parts += _where(rest)
    words = STEMS.get(stem) or stem.replace("_", " ").capitalize()
    return ", ".join([words, *parts]) + f" ({UNITS.get(unit, unit)})"


def _where(rest: str) -> list[str]:
    """The words of a name's tail: ``_import`` -> imports; ``_port_sea_export`` -> port
    sea, exports; anything else as written."""
    rest = rest.lstrip("_")
    if not rest:
        return []
    if rest in _DIRECTION:
        return [_DIRECTION[rest]]
    if rest.startswith("port_"):
        port, _, direction = rest[len("port_"):].rpartition("_")
        if direction in _DIRECTION and port:
            return [f"port {port}", _DIRECTION[direction]]
        return [f"port {rest[len('port_'):]}"]
    return [rest.replace("_", " ")]
