"""A metric's name split into its parts, and the long (tidy) metrics table of a results
folder, ``metrics.csv`` (and a run's ``summary.csv``, its ``summary.json`` as a table with
the same parts): one row per replication and metric (and option, in a comparison),
with the metric's base name apart from the port, direction, trader class and lane its name
packs in (``clearance_h_mean_aeo_advanced_port_sea_port_import`` is ``clearance_h_mean`` of
``aeo_advanced`` traders' imports at ``sea_port``; ``utilisation_sea_port_exam_bays`` is
``utilisation`` of lane ``exam_bays`` at ``sea_port``), so that a table in pandas or R is
filtered by column rather than by parsing names whose ports hold underscores themselves.

The split reads the metric glossary's families (:mod:`sim.experiment.metric_glossary`) with
the ports and lanes of the folder's own scenario (a port is only ever one of its ports, so
``sea_port_import`` is never taken for a port). Any other part of a name (an illicit type, a
time target, a route, a period) stays in the base name: ``released_within_24h``,
``detection_rate_drugs``. A name no family has keeps its whole name as its base.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.experiment.metric_names import MetricNames
from sim.scenario.base import DIRECTIONS

if TYPE_CHECKING:
    import pandas as pd

FILE = "metrics.csv"
#: the parts' columns, after ``metric`` (the whole name) in every table that has them
PARTS = ("base", "port", "direction", "trader_class", "lane")
#: what stands for an organisation's unit and role in a lane's name (``org/<unit>_<role>``)
ORG = "org/"


@dataclass(frozen=True)
class MetricParts:
    """A metric's base name and what its name restricts it to ("" where it does not)."""

    base: str
    port: str = ""
    direction: str = ""
    trader_class: str = ""
    lane: str = ""


class MetricSplitter:
    """Splits the metric names of runs of scenarios with these ports and lanes (each lane
    as its port and its name in that port, ``("sea_port", "exam_bays")``; an organisation's
    as ``("", "org/<unit>_<role>")``); money in ``currency``, the scenario's."""

    def __init__(
        self, ports: Iterable[str], lanes: Iterable[tuple[str, str]], currency: str | None = None
    ):
        self.currency = currency
        self._lanes = {_lane_key(p, lane): (p, lane) for p, lane in lanes}
        self._known = MetricNames(
            scenario="", names=frozenset(), ports=tuple(sorted(set(ports))),
            directions=DIRECTIONS, lanes=tuple(sorted(self._lanes)),
        )
        self._cache: dict[str, MetricParts] = {}

    def split(self, name: str) -> MetricParts:
        """``name``'s parts (its whole name as the base when no glossary family has it)."""
        if name not in self._cache:
            self._cache[name] = self._split(name)
        return self._cache[name]

    def _split(self, name: str) -> MetricParts:
        from sim.experiment.metric_glossary import filled

        hit = filled(name, self._known)
        if hit is None:
            return MetricParts(base=name)
        entry, values = hit
        port, lane = self._lanes.get(values.get("lane") or "", ("", ""))
        port = values.get("port") or port
        direction, stem = values.get("direction") or "", entry.stem
        for d in DIRECTIONS:  # (a family of one direction: departure_h_mean_export)
            if not direction and stem.endswith(f"_{d}"):
                direction, stem = d, stem[: -len(d) - 1]
        for hole in ("_port_<port>", "_<port>_<lane>", "_<port>", "_<class>", "_<direction>"):
            stem = stem.replace(hole, "")
        for key, value in values.items():
            stem = stem.replace(f"<{key}>", value or "")
        return MetricParts(stem, port, direction, values.get("class") or "", lane)


def _lane_key(port: str, lane: str) -> str:
    """A lane as metric names write it: ``<port>_<lane>``, or an organisation's own."""
    return lane if not port else f"{port}_{lane}"


def folder_splitter(folders: Iterable[Path]) -> MetricSplitter:
    """The splitter of the run folders' scenarios (a comparison's options' folders): the
    ports of each ``scenario.json``, and the lanes of its replications' resources tables."""
    import pandas as pd

    from sim.scenario.costs import Costs

    ports: set[str] = set()
    lanes: set[tuple[str, str]] = set()
    currency = str(Costs.model_fields["currency"].default)  # (a scenario without [costs])
    for folder in folders:
        scenario = json.loads((folder / "scenario.json").read_text(encoding="utf-8"))
        ports |= set(scenario.get("ports") or {})
        currency = (scenario.get("costs") or {}).get("currency") or currency
        for table in sorted((folder / "reps").glob("rep-[0-9][0-9][0-9][0-9]-resources.csv")):
            rows = pd.read_csv(table, usecols=["port", "lane"], dtype=str).fillna("")
            lanes |= {_organisation(p, lane) for p, lane in rows.itertuples(index=False)}
    return MetricSplitter(ports, lanes, currency)


def _organisation(port: str, lane: str) -> tuple[str, str]:
    """An organisation's lane has no port: its unit and role are its lane's name."""
    return ("", f"{port}_{lane}") if port.startswith(ORG) else (port, lane)


def with_parts(table: pd.DataFrame, splitter: MetricSplitter) -> pd.DataFrame:
    """``table`` (with a ``metric`` column of whole names) with the parts' columns after it."""
    parts = [splitter.split(str(m)) for m in table["metric"]]
    out = table.copy()
    at = list(out.columns).index("metric") + 1
    for i, col in enumerate(PARTS):
        out.insert(at + i, col, [getattr(p, col) for p in parts])
    return out


def long_metrics(per_rep: pd.DataFrame, splitter: MetricSplitter) -> pd.DataFrame:
    """``replications.csv`` (one column per metric) as one row per replication and metric
    (and option, when it has an ``option`` column): ``[option,] replication, metric``, the
    parts, ``unit`` and ``value``; the wide table's rows in order, each one's metrics in
    its columns' order."""
    import numpy as np
    import pandas as pd

    from sim.experiment.compare import metric_unit, shown_unit

    ids = [c for c in ("option", "replication") if c in per_rep.columns]
    names = [str(c) for c in per_rep.columns if c not in ids]
    rows = len(per_rep)
    out = pd.DataFrame({c: np.repeat(per_rep[c].to_numpy(), len(names)) for c in ids})
    out["metric"] = np.tile(np.array(names, dtype=object), rows)
    parts = [splitter.split(n) for n in names]
    for col in PARTS:
        out[col] = np.tile(np.array([getattr(p, col) for p in parts], dtype=object), rows)
    units = [shown_unit(metric_unit(n), splitter.currency) for n in names]
    out["unit"] = np.tile(np.array(units, dtype=object), rows)
    out["value"] = per_rep[names].to_numpy(dtype=float).reshape(-1)
    return out


#: a run's ``summary.csv``: its columns after the metric's name, its parts and unit
SUMMARY = ("mean", "ci_low", "ci_high", "n", "shown_low", "shown_high")


def long_summary(summary: dict[str, dict[str, Any]], splitter: MetricSplitter) -> pd.DataFrame:
    """A run's ``summary.json`` as a table, as a comparison's ``summary.csv`` (without its
    ``option``): one row per metric, in its order, with its parts, ``unit``, ``mean``, the
    raw interval, ``n`` and the interval as shown."""
    import pandas as pd

    from sim.experiment.compare import metric_unit, shown_unit

    rows = [{"metric": m, **{k: s.get(k) for k in SUMMARY}} for m, s in summary.items()]
    table = pd.DataFrame(rows, columns=["metric", *SUMMARY])
    table.insert(1, "unit", [shown_unit(metric_unit(str(m)), splitter.currency)
                             for m in table["metric"]])  # fmt: skip
    return with_parts(table, splitter)
