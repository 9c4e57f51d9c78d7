"""The metric names runs of a scenario yield, found without running it; and the check of a
metric named by the user (``--metric``), with a did-you-mean and a short hint on failure.

The names come from :meth:`RunResult.metrics` itself, called on the result of the scenario's
model built but not run, with every port, direction and finite lane filled in: a run names a
port's clearance only once a consignment is released there, and a lane's utilisation only
once it has had staff on duty. The few names an organisation gives by what a run meets (the
type and deciding level of its escalations, the ports its alerts reach) are listed as every
one its tree can give, so that a pattern picks them, and accepted by their prefix too
(:data:`sim.model.org.stats.RUN_DEPENDENT`). ``bordersim check SCENARIO --metrics``
prints them all.
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.shell_line import bordersim_line

if TYPE_CHECKING:
    import pandas as pd

    from sim.model.world import World
    from sim.scenario.schema import Scenario

#: shown first in the hint of an unknown name (those the scenario yields): compare's table
#: rows (``sim.cli_compare.TABLE_METRICS``, kept apart so that the command line starts light)
HEADLINE = (
    "clearance_h_mean",
    "clearance_h_median",
    "clearance_h_p90",
    "released_within_24h",
    "overall_clearance_h_mean",
    "overall_clearance_h_p90",
    "exited_within_24h",
    "departure_h_mean_export",
    "consignments_released",
    "inspection_rate",
    "inspection_rate_goods",
    "detection_rate",
    "detection_rate_goods",
    "detection_rate_with_audit",
    "value_slipped",
    "harm_slipped",
    "revenue_evaded",
    "revenue_found_after_release",
    "total_cost_per_consignment",
    "agency_cost_per_consignment",
    "trader_cost_per_consignment",
    "trader_fees_per_consignment",
    "agency_cost_per_year",
)


#: the truth layer's rows a table adds when a scenario has smuggling (outside the ports and
#: through them misdeclared): the opportunities, split into those deterred and the attempts,
#: and the attempts split by what became of them (a patrol stopped them, customs caught them
#: at a port, they slipped through, or were still on their way at the end), so that each
#: split can be checked from the table; what slipped through outside the ports (with
#: ``value_slipped``, at the ports, the total); then the attempts of each route
#: (:func:`smuggling_rows`)
SMUGGLING = (
    "smuggling_opportunities",
    "attempts_deterred",
    "smuggling_attempts",
    "smuggling_interdicted",
    "smuggling_caught_at_ports",
    "smuggling_slipped",
    "smuggling_unresolved",
    "smuggling_value_slipped_outside",
    "value_slipped_total",
)
ROUTE_ATTEMPTS = "smuggling_attempts_route_"
ROUTE_CAUGHT = "smuggling_caught_share_route_"
#: a border-resident lane's rows, per route with a lane (:mod:`sim.model.resident_lane`):
#: what the members wait and how much of the channel smugglers use
LANE_ROWS = (
    "resident_lane_member_wait_h_mean",
    "resident_lane_member_wait_h_p90",
    "resident_lane_member_checked_share",
    "resident_lane_smuggled_share",
    "resident_lane_loads_found",
)

#: pooled clearance rows a table follows with their imports' and exports' (results are never
#: pooled alone; the median, mostly 0 h, and the p90 are left to the CSVs for readability)
DIRECTED = (
    "clearance_h_mean",
    "released_within_24h",
    "declared_to_release_h_mean",
    "overall_clearance_h_mean",
    "exited_within_24h",
    "inspection_rate",
    "total_cost_per_consignment",
)

#: what a table writes after a metric's name where the name alone misleads
NOTES = {
    "value_slipped": "at the ports only (declared goods, smugglers' port loads included; "
    "total = this + smuggling_value_slipped_outside)",
    "smuggling_value_slipped_outside": "routes outside the ports only (total = this + "
    "value_slipped)",
    "value_slipped_total": "at the ports + outside them, each load once",
    "detection_rate_all_routes": "ports + patrols outside them, each load once",
    "detection_rate_value_all_routes": "ports + patrols outside them, by value",
    "detection_rate_outside_ports": "patrols on routes outside the ports only",
    "detection_rate_value_outside_ports": "patrols outside the ports only, by value",
    "smuggling_value_slipped_at_ports": "smugglers' loads released at the ports (in "
    "value_slipped unless a post-clearance audit found them)",
    "consignments_not_out": "among the censored: released, in clearance but not overall",
    "exited_within_24h_export": "for exports the 24 h run to loading (exports never exit)",
    "departure_h_mean_export": "arrival to the vessel, flight or truck leaving (overall "
    "clearance stops at loading, at the cut-off)",
    "clearance_h_median_export": "often 0: most exports are declared in advance and "
    "released as they arrive",
    "clearance_h_median": "often near 0: goods declared in advance (most parcels and "
    "exports) are released as they arrive",
    "clearance_h_median_import": "often near 0: goods declared in advance are released as "
    "they arrive",
    "declared_to_release_h_mean": "lodgement (or arrival) to release, the trader's waits "
    "after lodgement included (duty payment): not the agencies' own time",
    "revenue_evaded": "duty of illicit goods never found (hidden truth and duty rates: "
    "assumptions)",
    "revenue_found_after_release": "duty of illicit goods found only after release (tax "
    "review, recall, audit), whenever the find falls due",
    "total_cost_per_consignment": "agency + trader",
    "agency_cost_per_consignment": "agencies' staff, equipment, checks, state-paid handling",
    "trader_cost_per_consignment": "fees paid + the value of the goods' time",
    "trader_fees_per_consignment": "money the trader pays (fees, charges)",
    "agency_cost_per_year": "agencies' staff, equipment, systems, checks, state-paid "
    "handling; the observed days scaled to a year",
}
#: the carrier's rows to release: 0 by the model's construction, which a bare 0.000 would
#: leave a reader to take for a fault (the report's owners' plot says the same)
CARRIER_TO_RELEASE = tuple(
    f"owner_{kind}_to_release_carrier_{d}"
    for kind in ("hours", "share")
    for d in ("import", "export")
)
NOTES.update(dict.fromkeys(
    CARRIER_TO_RELEASE,
    "0 by construction: the model gives the carrier goods only after release (an export's "
    "wait for its cut-off, in the carrier's hours to exit), never before",
))


#: the organisation's rows a table adds when a scenario has one: how long escalations, alerts
#: and directives take to travel its tree, how many of the ports alerts reach (beside how fast:
#: the propagation time is over the receipts only), how long it holds goods, and what its
#: staff cost
ORGANISATION = (
    "escalation_latency_h_mean",
    "escalation_latency_h_p90",
    "org_hold_h_mean",
    "alert_propagation_h_mean",
    "alert_reach",
    "directive_propagation_h_mean",
    "org_staff_cost_per_year",
)


def organisation_rows(names: Iterable[str]) -> tuple[str, ...]:
    """The :data:`ORGANISATION` rows among ``names`` (none without an organisation)."""
    present = set(names)
    return tuple(n for n in ORGANISATION if n in present)


#: a name of a timeline's per-period figures (``clearance_h_mean_era_1_import``)
_ERA = re.compile(r"_era_[0-9]+(?:_|$)")


def is_period_metric(name: str) -> bool:
    """Whether ``name`` is one period's figure of a timeline (``utilisation_<lane>_era_1``:
    not a lane of its own)."""
    return _ERA.search(name) is not None


def measured(summary: Any) -> list[str]:
    """The metrics of a comparison's summary (a table with ``metric`` and ``mean``) that
    some replication measured: a period no observed arrival falls in has none, and its rows
    would only say so."""
    if "metric" not in summary:
        return []
    rows = summary.loc[summary["mean"].notna()] if "mean" in summary else summary
    return [str(m) for m in rows["metric"]]


def era_rows(names: Iterable[str], shown: Iterable[str] | None = None) -> tuple[str, ...]:
    """A timeline's per-period rows among ``names`` (none without periods), each metric's
    periods side by side, pooled then by direction (not by port: ``_by_port``); with
    ``shown`` (a table's other rows), only the periods of the metrics it shows
    (``clearance_h_mean_era_1_import`` beside ``clearance_h_mean_import``)."""
    from sim.scenario.base import DIRECTIONS

    found = [n for n in dict.fromkeys(names) if _ERA.search(n) and not _by_port(n)]
    if shown is not None:
        keep = set(shown)
        found = [n for n in found if _ERA.sub("_", n).rstrip("_") in keep]
    stems = list(dict.fromkeys(_ERA.split(n)[0] for n in found))

    def order(n: str) -> tuple[int, int, int]:  # metric, then direction, then period
        k, _, direction = n.rsplit("_era_", 1)[1].partition("_")
        return stems.index(_ERA.split(n)[0]), ("", *DIRECTIONS).index(direction), int(k)

    return tuple(sorted(found, key=order))


def _by_port(name: str) -> bool:
    """Whether a period's figure is one port's (``clearance_h_mean_era_1_port_sea_import``):
    left to the results' tables, as a table's period rows are pooled and by direction."""
    return name.rsplit("_era_", 1)[1].partition("_")[2].startswith("port_")


#: detection over every route beside the ports' own (``detection_rate``), and the routes
#: outside the ports' alone (:mod:`sim.model.route_detection`): with smuggling groups only
ROUTE_DETECTION = (
    "detection_rate_all_routes",
    "detection_rate_value_all_routes",
    "detection_rate_outside_ports",
    "detection_rate_value_outside_ports",
)


def route_detection_rows(names: Iterable[str]) -> tuple[str, ...]:
    """The :data:`ROUTE_DETECTION` rows among ``names``, shown right after
    ``detection_rate``: a planner weighing patrols against scanners reads both."""
    present = set(names)
    return tuple(n for n in ROUTE_DETECTION if n in present)


def kind_rows(names: Iterable[str]) -> tuple[str, ...]:
    """Detection by illicit type among ``names`` (a run's or comparison's measured metrics),
    in the scenario's order of types: a reform that spares the pooled rate can still let one
    type through (fewer quarantine samples: pests), and the pooled rate hides it. A type
    named in ``enforcement.report_by_port`` is followed by its four counts (they add up to
    its illicit count) and its detected and slipped by port: where, the reason it was
    asked for; counterfeits, with ``enforcement.ipr``, by :data:`IPR_ROWS` (what became of
    those found)."""
    from sim.scenario.base import ILLICIT

    present = set(names)
    out: list[str] = []
    for k in ILLICIT:
        out += [m for m in (f"detection_rate_{k}",) if m in present]
        counts = [f"{stem}_{k}" for stem in ("detected", "slipped", "found_after_release", "held")]
        # (every run counts each type pooled: the table lists the types asked for by port)
        if any(n.startswith(f"detected_{k}_port_") for n in present):
            out += [m for m in counts if m in present]
            for stem in counts[:2]:
                out += sorted(n for n in present if n.startswith(f"{stem}_port_")
                              and not n.endswith(("_import", "_export")))
        if k == "counterfeit":  # (enforcement.ipr: after their finding)
            out += [m for m in IPR_ROWS + IPR_BOND_ROWS + IPR_TRADER_ROWS if m in present]
    return tuple(out)


#: the rows of suspected counterfeits after their finding (enforcement.ipr, sim.model.ipr)
IPR_ROWS = ("ipr_suspected_recorded", "ipr_suspected_unrecorded", "ipr_detained",
            "ipr_released_unconfirmed", "ipr_released_unprotected", "ipr_released_share",
            "ipr_detained_days_mean", "ipr_storage_cost", "ipr_clearance_time_mean")
#: after them, with a bond (enforcement.ipr.bond_per_case): the holders' cost of it
IPR_BOND_ROWS = ("ipr_bond_cost", "ipr_counter_bond_cost", "ipr_counter_bond_awarded")
#: after them, with [costs]: the traders' storage of the goods held for the reply
#: (sim.model.ipr_trader)
IPR_TRADER_ROWS = ("ipr_trader_hold_cost", "ipr_trader_hold_cost_per_held")


def risk_rows(names: Iterable[str]) -> tuple[str, ...]:
    """The risk engine's own rows among ``names`` (none without an engine): the AUC its
    scores reached, the share of decisions alerts raised, then each port and direction's
    ordinary inspection rate achieved (to set against its target)."""
    present = set(names)
    ordinary = sorted(n for n in present if n.startswith("inspection_rate_ordinary_port_"))
    return tuple(n for n in ("risk_auc", "alert_raised_share") if n in present) + tuple(
        ordinary)


def smuggling_rows(names: Iterable[str]) -> tuple[str, ...]:
    """The smuggling rows of a table among ``names`` (the metrics of a run or comparison):
    :data:`SMUGGLING`, then attempts by route, then each route's catch rate, sorted, then
    each border-resident lane's :data:`LANE_ROWS` (its members' wait is what the lane is
    for); none without smuggling."""
    present = set(names)
    if "smuggling_attempts" not in present:
        return ()
    routes = sorted(n for n in present if n.startswith(ROUTE_ATTEMPTS))
    caught = sorted(n for n in present if n.startswith(ROUTE_CAUGHT))
    lanes = sorted(n.removeprefix(f"{LANE_ROWS[0]}_route_") for n in present
                   if n.startswith(f"{LANE_ROWS[0]}_route_"))
    lane = tuple(f"{stem}_route_{r}" for r in lanes for stem in LANE_ROWS
                 if f"{stem}_route_{r}" in present)
    return tuple(n for n in SMUGGLING if n in present) + tuple(routes) + tuple(caught) + lane


def touched_ports(options: Iterable[Any]) -> tuple[str, ...]:
    """Clearance rows, imports and exports apart, of each port the ``options``' changes name
    (``ports.sea_port....``): where a reform acts, its effect is not diluted by the others."""
    return port_rows(option_ports(options))


#: a port's tables whose fields change the load of a lane they do not name (the share of
#: images the AI reads and clears: the image officers read the rest)
LOADS = {"scan.image_review": "image_officers"}


def touched_lanes(keys: Iterable[str]) -> list[tuple[str, str]]:
    """(port, lane) of each lane a changed field sizes or loads: one inside the lane's table
    (``ports.sea_port.scan.scanners.capacity``, ``...scanners.service.mode``), the table
    itself, or a field of a table that loads it (``...scan.image_review.ai_share``: the
    image officers)."""
    from sim.scenario.dormant import LANE_PATHS

    out: dict[tuple[str, str], None] = {}
    for key in keys:
        parts = key.split(".")
        if parts[0] != "ports" or len(parts) < 3:
            continue
        for end in range(len(parts), 2, -1):
            lane = LANE_PATHS.get(".".join(parts[2:end]))
            if lane is not None:
                break
        else:
            lane = LOADS.get(".".join(parts[2:-1]))
        if lane is not None:
            out[(parts[1], lane)] = None
    return list(out)


def swept_lane_rows(params: Iterable[str]) -> list[str]:
    """The utilisation and mean wait of each lane a swept field sizes or loads
    (``ports.sea_port.scan.scanners.capacity``: the sea port's scanners)."""
    return [f"{figure}_{port}_{lane}" for port, lane in touched_lanes(params)
            for figure in ("utilisation", "wait_h_mean")]  # fmt: skip


def lane_rows(keys: Iterable[str]) -> tuple[str, ...]:
    """The utilisation, mean queue and mean wait of each lane the changed fields ``keys``
    size or load (:func:`touched_lanes`): what a comparison of one more scanner or faster
    image reading is bought for (a table skips the rows a comparison lacks)."""
    return tuple(f"{figure}_{port}_{lane}" for port, lane in touched_lanes(keys)
                 for figure in ("utilisation", "queue_mean", "wait_h_mean"))  # fmt: skip


def class_rows(keys: Iterable[str]) -> tuple[str, ...]:
    """Each trader class's clearance, trader cost and border burden (what its treatment
    costs it), imports and exports apart, at each port whose class mix a changed field
    (``ports.sea_port.traffic.trader_classes...``) moves: what a class buys there (a table
    skips the rows a comparison lacks)."""
    from sim.scenario.base import DIRECTIONS, TRADER_CLASSES

    ports = dict.fromkeys(
        k.split(".")[1] for k in keys if k.startswith("ports.") and ".traffic.trader_classes" in k
    )
    return tuple(
        f"{metric}_{cls}_port_{port}_{direction}"
        for port in ports
        for metric in (
            "clearance_h_mean", "trader_cost_per_consignment", "border_burden_per_consignment"
        )
        for direction in DIRECTIONS
        for cls in TRADER_CLASSES
    )


def option_ports(options: Iterable[Any]) -> list[str]:
    """The ports the ``options``' changes name (``ports.sea_port....``)."""
    return [
        key.split(".")[1]
        for o in options
        for key in o.overrides
        if key.startswith("ports.") and key.count(".") >= 2
    ]


def port_rows(ports: Iterable[str]) -> tuple[str, ...]:
    """Each port's clearance, overall clearance and cost rows (per consignment, and the
    agencies' per container: what a scanner's buyer prices a box at), imports and exports
    apart (a table skips those a comparison lacks: costs without a ``[costs]`` section)."""
    return tuple(
        f"{metric}_port_{port}_{direction}"
        for port in dict.fromkeys(ports)
        for metric in (
            "clearance_h_mean", "overall_clearance_h_mean", "total_cost_per_consignment",
            "agency_cost_per_container",
        )
        for direction in ("import", "export")
    )


def with_directions(metrics: Iterable[str], names: Iterable[str]) -> tuple[str, ...]:
    """``metrics`` with each of :data:`DIRECTED` followed by its import and export rows,
    where ``names`` (the metrics there are) has them."""
    present = set(names)
    out: list[str] = []
    for m in metrics:
        out.append(m)
        if m in DIRECTED:
            out += [f"{m}_{d}" for d in ("import", "export") if f"{m}_{d}" in present]
    return tuple(dict.fromkeys(out))


#: notes that explain a value near 0, written only beside one (hours): a median of hours
#: at a port without advance declarations needs no excuse
NEAR_ZERO = frozenset({"clearance_h_median", "clearance_h_median_import",
                       "clearance_h_median_export"})
NEAR_ZERO_H = 0.1


def note(metric: str, value: float | None = None) -> str:
    """What a table writes after a metric's name and unit: ``", "`` and its note
    (:data:`NOTES`), or nothing. A note of :data:`NEAR_ZERO` only beside a ``value`` (the
    metric's mean; the smallest of a comparison's) below :data:`NEAR_ZERO_H`."""
    text = NOTES.get(metric)
    if metric in NEAR_ZERO and (value is None or not value < NEAR_ZERO_H):
        return ""
    return f", {text}" if text else ""


class MetricError(ValueError):
    """A metric name that no run of the scenario yields (reported without a traceback)."""


@dataclass(frozen=True)
class MetricNames:
    """What runs of one scenario can measure: exact names, and prefixes of names that
    depend on what a run meets; its ports, directions and lanes (``<port>_<lane>``).
    ``listing()`` lists the names, ``explain(NAME or PATTERN)`` says what each means."""

    scenario: str
    names: frozenset[str]
    source: str = ""  # the scenario file, for the hint
    prefixes: tuple[str, ...] = ()
    ports: tuple[str, ...] = ()
    directions: tuple[str, ...] = ()
    lanes: tuple[str, ...] = ()
    currency: str = ""  # the scenario's money: a cost's unit in :meth:`explain`

    def __repr__(self) -> str:
        """One line: how many names (not each of them) and where to read them."""
        return (
            f"MetricNames(scenario={self.scenario!r}, names={len(self.names)}, "
            f"prefixes={len(self.prefixes)}, ports={list(self.ports)})"
        )

    def explain(self, *wanted: str) -> pd.DataFrame:
        """Each metric's unit and meaning, one row each, as ``bordersim check --explain``
        gives them: ``wanted`` are names or shell patterns (``inspection_rate_*``), every
        name when none is given; a name with no meaning here has unit ``?`` and says why."""
        import pandas as pd

        from sim.experiment.metric_glossary import explained

        lines = explained(wanted, self, self.currency or None)
        rows = [line.split("\t", 2) for line in lines]
        return pd.DataFrame(rows, columns=["metric", "unit", "meaning"])

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        return name in self.names or any(
            name.startswith(p) and len(name) > len(p) for p in self.prefixes
        )

    def listing(self) -> list[str]:
        """Every exact name, sorted, then each prefix as ``PREFIX<...>``."""
        return sorted(self.names) + [f"{p}<...>" for p in self.prefixes]


def metric_names(scenario: Scenario | str | Path, source: str | Path = "") -> MetricNames:
    """The metric names runs of ``scenario`` yield (its model is built, not run); a scenario
    file's path is loaded first, as :func:`sim.simulate` takes one. ``source``, its file, is
    named in the hint of an unknown name."""
    from sim.model.org.stats import RUN_DEPENDENT
    from sim.model.world import World
    from sim.scenario.costs import currency_of
    from sim.scenario.schema import DIRECTIONS, Scenario

    if not isinstance(scenario, Scenario):  # (a file's path; any other type: a TypeError)
        from sim.scenario.check import checked

        source = source or (scenario if isinstance(scenario, str | Path) else "")
        scenario = checked(scenario)
    world = World(scenario, 0)
    empty = world.result()
    result = dataclasses.replace(
        empty, clearance=_every_group(world), resources=_measured(empty.resources, world)
    )
    names = frozenset(result.metrics()) | _risk_rates(world) | _org_names(world)
    lanes = [f"{r['port']}_{r['lane']}" for r in empty.resources.to_dict("records")]
    return MetricNames(
        scenario=scenario.name,
        names=names,
        source=str(source),
        prefixes=tuple(p for p, base in RUN_DEPENDENT.items() if base in names),
        ports=tuple(scenario.ports),
        directions=tuple(DIRECTIONS),
        lanes=tuple(dict.fromkeys(lanes)),
        currency=currency_of(scenario.costs),
    )


def _org_names(world: World) -> frozenset[str]:
    """With an organisation: every name it can give by what a run meets (the latency of each
    kind by deciding level, the alerts' propagation to each port they reach), so that a
    pattern (``--show 'escalation_latency_h_mean_*'``) picks them as an exact name does."""
    from sim.model.org.model import OrgModel

    org = world.organisation
    return frozenset(org.possible_names()) if isinstance(org, OrgModel) else frozenset()


def _risk_rates(world: World) -> frozenset[str]:
    """With a risk engine: the ordinary classes' achieved rate of every port and direction,
    the alerts' reach, overall and per port (a run names one once the engine has decided
    there), its achieved AUC, what a throttle read and the alerts received by period."""
    from sim.model.risk import RiskEngine
    from sim.model.risk_auc import AucTally
    from sim.model.risk_throttle import ThrottleReadings

    if not isinstance(world.selector, RiskEngine):
        return frozenset()
    groups = world.recorder.dimensions["port_direction"]
    rates = {f"inspection_rate_ordinary_port_{g.replace('/', '_')}" for g in groups}
    reach = {f"alert_raised_share_port_{p}" for p in world.scenario.ports}
    auc = set(AucTally(list(world.scenario.ports)).metrics())
    throttle: set[str] = set()
    if world.selector.cfg.throttle is not None:  # (a run names a port once it read it)
        readings = ThrottleReadings(list(world.scenario.ports))
        readings.read = dict.fromkeys(readings.read, 1)
        throttle = set(readings.metrics())
    tally = world.selector.alerts.tally  # (with a timeline: alerts by period)
    alerts = set(tally.metrics()) if tally is not None else set()
    return frozenset(rates | reach | auc | throttle | alerts | {"alert_raised_share"})


def _every_group(world: World) -> pd.DataFrame:
    """The clearance table with a row (no statistics yet) for every group of every
    dimension, as a run that released consignments everywhere would have it."""
    import pandas as pd

    rec = world.recorder
    nan = math.nan
    columns = ("mean_h", "median_h", "p90_h", "p95_h", *rec.times.within_columns())
    stats = dict.fromkeys(columns, nan)
    rows = [
        {"metric": metric, "dimension": dim, "group": group, "n": 0, **stats}
        for metric, dim in rec.hist
        for group in rec.dimensions[dim]
    ]
    return pd.DataFrame(rows)


def _measured(resources: pd.DataFrame, world: World) -> pd.DataFrame:
    """The resources table with a utilisation for every lane that can have one (a run
    measures it once the lane has had staff on duty, a lab once it ran a batch in the
    observed window; an unlimited lane never does)."""
    never = {(lane.port, lane.name) for lane in world.lanes if lane.unlimited}
    out = resources.copy()
    keys = list(zip(out["port"], out["lane"], strict=True))
    out["utilisation"] = [math.nan if k in never else 0.0 for k in keys]
    # (as a run gives them: an unlimited lane's capacity is infinite, its utilisation none)
    out["capacity_mean"] = [math.inf if k in never else 1.0 for k in keys]
    return out


def merged(known: Sequence[MetricNames]) -> MetricNames:
    """What the runs of any of several scenarios yield (a comparison's options), named as
    the first (the base scenario)."""
    first = known[0]
    return dataclasses.replace(
        first,
        names=frozenset().union(*(k.names for k in known)),
        prefixes=tuple(dict.fromkeys(p for k in known for p in k.prefixes)),
        ports=tuple(dict.fromkeys(p for k in known for p in k.ports)),
        lanes=tuple(dict.fromkeys(x for k in known for x in k.lanes)),
    )


def check_metrics(
    wanted: Iterable[str], known: Iterable[MetricNames], flag: str = "--metric"
) -> None:
    """Raise :class:`MetricError` unless each name in ``wanted`` is in one of ``known``
    (the names of the scenarios a command runs); ``flag`` names the option in the message."""
    known = list(known)
    for name in wanted:
        if not any(name in k for k in known):
            every = sorted({n for k in known for n in k.listing()})
            raise MetricError(unknown_message(name, known[0], flag, every))


def shown(patterns: Iterable[str], known: MetricNames, flag: str = "--show") -> list[str]:
    """The metrics ``patterns`` pick for a table, in order: each pattern a name or a shell
    pattern (``detection_rate_*``), over the names runs of the scenario yield. A pattern that
    picks none is a :class:`MetricError` (a near name suggested), checked before anything
    runs."""
    out: list[str] = []
    for pattern in (p.strip() for text in patterns for p in text.split(",")):
        if not pattern:
            continue
        if any(ch in pattern for ch in "*?["):
            picked = fnmatch.filter(sorted(known.names), pattern)
            if not picked:
                raise MetricError(_matches_none(pattern, known, flag))
        elif pattern in known:
            picked = [pattern]
        else:
            raise MetricError(unknown_message(pattern, known, flag))
        out += [m for m in picked if m not in out]
    return out


def _matches_none(pattern: str, known: MetricNames, flag: str) -> str:
    """What is wrong with a ``pattern`` that picks no metric, with the pattern led by ``*``
    where that picks some: names start with whose figure they are (``agency_``, ``trader_``,
    ``total_cost_per_consignment``), so ``cost_per_consignment*`` picks none of them."""
    wider = f"*{pattern}"
    found = [] if pattern.startswith("*") else fnmatch.filter(known.names, wider)
    hint = f"; did you mean {wider!r}? it matches {len(found):,} metrics" if found else ""
    return (f"{flag} {pattern!r} matches no metric of scenario {known.scenario!r}{hint}; "
            f"all {len(known.names)} names: "
            f"{bordersim_line('check', _named(known), '--metrics')}")


def _named(known: MetricNames) -> str:
    """The scenario of ``known`` as a pasted command names it (a bundled one by its name)."""
    from sim.scenario.loader import as_named

    return as_named(known.source) if known.source else "SCENARIO"


def unknown_message(
    name: str, known: MetricNames, flag: str = "--metric", candidates: list[str] | None = None
) -> str:
    """What is wrong, the closest of ``candidates`` (default: the names of ``known``; a name
    measured only split by a group: its split forms, :mod:`sim.experiment.metric_near`),
    and a short hint of the names ``known`` allows."""
    from sim.experiment.metric_near import mean_clause, nearest

    mean = mean_clause(nearest(name, candidates or known.listing()))
    head = [m for m in HEADLINE if m in known.names]
    where = _named(known)
    return "\n  ".join(
        [
            f"{flag} {name!r} is not a metric of scenario {known.scenario!r}{mean}"
            + _absent_layer(name, known),
            f"metrics include {', '.join(head)}, ...",
            f"by port, direction, class and lane: {', '.join(_examples(known))}, ...",
            f"where <port> is one of {', '.join(known.ports)}; <direction>: "
            f"{', '.join(known.directions)}; <class>: {', '.join(_classes())}",
            f"all {len(known.names)} names: {bordersim_line('check', where, '--metrics')}",
        ]
    )


#: what a scenario needs for the metrics of a layer of the glossary it may lack entirely
_NEEDS = {
    "costs": "a [costs] section",
    "organisation": "an [organisation] section",
    "smuggling": "a [smuggling] section",
    "risk engine": "the risk engine ([risk] with enabled = true)",
    "idling and emissions": "an [idling] section naming the port's vehicles (docs/idling.md)",
}


def _absent_layer(name: str, known: MetricNames) -> str:
    """Why ``name`` cannot be measured here when it is a metric of a kind the scenario yields
    none of (a cost metric of a scenario without [costs]), else ""."""
    from sim.experiment.metric_glossary import lookup

    entry = lookup(name)
    if entry is None or entry.layer not in _NEEDS:
        return ""
    if any((e := lookup(m)) is not None and e.layer == entry.layer for m in known.names):
        return ""
    return (
        f": it is one of the {entry.layer} metrics, and runs of this scenario yield none of "
        f"them (they need {_NEEDS[entry.layer]})"
    )


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """``"; did you mean 'a' or 'b'?"``: the closest of ``candidates`` to ``name`` (by
    difflib, at most three), or nothing when none is close."""
    close = difflib.get_close_matches(name, list(candidates), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def _classes() -> tuple[str, ...]:
    from sim.scenario.base import TRADER_CLASSES

    return TRADER_CLASSES


def _examples(known: MetricNames, most: int = 8) -> list[str]:
    """A few patterns: means and utilisations (the others vary the statistic; a channel's
    at a port, one pattern per channel, would crowd out the rest)."""
    shown = [p for p in patterns(known)
             if ("_mean" in p or p.startswith("utilisation_")) and "_channel_" not in p]
    return shown[:most]


def patterns(known: MetricNames) -> list[str]:
    """The names that carry a port, lane, direction or trader class, with those written
    ``<port>``, ``<lane>``, ``<direction>`` and ``<class>`` (each pattern once, clearance
    first)."""
    subs: list[tuple[re.Pattern[str], str]] = []
    for values, template, sub in (
        (known.lanes, r"_({})$", "_<port>_<lane>"),
        (known.ports, r"_port_({})(?=_|$)", "_port_<port>"),
        (known.directions, r"_({})$", "_<direction>"),
        (_classes(), r"_({})(?=_|$)", "_<class>"),
    ):
        if values:
            alternatives = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
            subs.append((re.compile(template.format(alternatives)), sub))
    out: dict[str, None] = {}
    for name in sorted(known.names, key=lambda n: ("clearance" not in n, n)):
        pattern = name
        for compiled, sub in subs:
            pattern = compiled.sub(sub, pattern)
        if pattern != name:
            out[pattern] = None
    return list(out)
