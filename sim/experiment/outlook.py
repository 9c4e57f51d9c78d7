"""A ten-year outlook of the lanes under growing trade: in which year each lane stops keeping
up, what it needs by the horizon, and how a change moves that year.

Every port's arrival rates (imports and exports; a surge's ``extra`` is a multiple of them, so
it grows too) are multiplied by ``(1 + growth) ** year`` and the scenario is run, as a sweep
(:func:`sim.experiment.sweep.sweep`, the same seeds every year), at each year given. A lane
**stops keeping up** in the first year from which, in that year and every later one
simulated, a replication warns about it (the stability rules of :mod:`sim.model.stability`:
above 95 % utilised, or a wait that keeps rising): its queue no longer settles. A warning in
one year that later years do not repeat (a rising-wait rule tripped by bursts in a short run)
is kept in the table (``settles`` false that year) but does not set the year.

What it needs is projected from the last year it still kept up (its utilisation there is a
true load, not capped at 100 %): the load grows with the arrivals, so by year ``H`` it is
``u * (1 + growth) ** (H - year)`` of today's servers on duty, and the servers that carry it at
:data:`sim.model.capacity_needed.TARGET` (85 %, a planner's rule of thumb, an assumption) are
that load over 85 %: a factor on each hour's servers, and a number where the lane's field is a
plain ``capacity``. ``plan_year`` is the first year that projected load exceeds 85 %: the
capacity should be in place by then. A lane starved by an overloaded lane before it shows less
load than it would be offered, so read a later lane's figures after the first one's fix.
Vessel-call schedules and patterns (``arrivals.schedule``, ``arrivals.calls``) and smuggling
attempts are not grown.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sim.experiment.metric_names import is_period_metric
from sim.model.capacity_needed import TARGET
from sim.python_words import given_in_python_words, warnings_as_python
from sim.scenario.dormant import LANE_PATHS

if TYPE_CHECKING:
    import pandas as pd

    from sim.scenario.schema import Scenario

#: the most years an outlook looks ahead, and the yearly growth it takes (a share)
MAX_YEARS = 50
GROWTH_RANGE = (-0.5, 1.0)


class OutlookError(ValueError):
    """An outlook that cannot be run as asked (said to the user without a traceback)."""


def check_growth(growth: float, years: int, every: int = 1) -> list[int]:
    """The years to simulate, 0 to ``years`` every ``every`` (the horizon always included);
    a growth, horizon or step out of range is an error naming it and what is allowed."""
    low, high = GROWTH_RANGE
    if not (isinstance(growth, int | float) and low <= growth <= high):
        raise OutlookError(
            f"growth {growth!r}: a yearly growth is a share from {low:g} to {high:g} "
            "(0.05 or 5% for 5 % a year)"
        )
    if not (isinstance(years, int) and 1 <= years <= MAX_YEARS):
        raise OutlookError(f"years {years!r}: the horizon is 1 to {MAX_YEARS} whole years")
    if not (isinstance(every, int) and 1 <= every <= years):
        raise OutlookError(f"every {every!r}: the step is 1 to the horizon ({years}) years")
    return sorted({*range(0, years + 1, every), years})


def growth_changes(scenario: Scenario, factor: float) -> dict[str, str]:
    """The changes (dotted path: rate) that multiply every port's arrival rates by
    ``factor``; a port whose arrivals follow a schedule or a pattern of calls cannot be
    grown so."""
    out = {}
    for name, port in scenario.ports.items():
        flows = [("arrivals", port.arrivals)]
        if port.exports is not None:
            flows.append(("exports.arrivals", port.exports.arrivals))
        for path, arrivals in flows:
            if arrivals.schedule is not None:
                raise OutlookError(
                    f"scenario {scenario.name!r}: ports.{name}.{path}.schedule is a list of "
                    "dated calls, which an outlook cannot grow; give the port a rate "
                    "(and batch) to grow instead"
                )
            if arrivals.calls is not None and arrivals.calls.share < 1:
                raise OutlookError(
                    f"scenario {scenario.name!r}: ports.{name}.{path}.calls brings "
                    f"{arrivals.calls.share:g} of the port's imports by a weekly pattern, "
                    "which an outlook cannot grow yet (growing rate would grow the random "
                    "calls beside it only); give each year's boxes or slots in a scenario of "
                    "its own, or the port a rate (and batch) to grow instead"
                )
            if arrivals.calls is not None:
                raise OutlookError(
                    f"scenario {scenario.name!r}: ports.{name}.{path}.calls is a weekly "
                    "pattern of calls whose rate the pattern fixes, which an outlook cannot "
                    "grow yet; give each year's boxes or slots in a scenario of its own, or "
                    "the port a rate (and batch) to grow instead"
                )
            out[f"ports.{name}.{path}.rate"] = f"{arrivals.rate * factor!r}/h"
    return out


def yearly(
    scenario: Scenario,
    growth: float,
    years: int,
    reps: int,
    seed: int = 1,
    *,
    every: int = 1,
    changes: Mapping[str, Any] | None = None,
    executor: Any = "serial",
    workers: int | None = None,
) -> pd.DataFrame:
    """Each simulated year's lanes, long: ``year``, ``factor`` (the volume against year 0),
    ``port``, ``lane``, ``utilisation`` (the mean over ``reps`` replications) and ``settles``
    (no replication warned about the lane that year); ``changes`` (a reform's fields) apply
    every year. ``attrs["warnings"]``: each year's warnings that name no lane."""
    import pandas as pd

    from sim.experiment.sweep import sweep
    from sim.scenario.patch import patch

    at = check_growth(growth, years, every)
    factors = [(1 + growth) ** y for y in at]
    design = pd.DataFrame([growth_changes(scenario, f) for f in factors])
    for year, factor, grown in zip(at, factors, design.to_dict(orient="records"), strict=True):
        patch(scenario, {**dict(changes or {}), **{str(k): v for k, v in grown.items()}},
              f"year {year} ({factor:.4g} times year 0's volume)")
    rows = sweep(scenario, design, reps, seed, executor=executor, workers=workers,
                 overrides=dict(changes or {}))
    warned = rows.attrs.get("warnings", {})
    lanes = _lanes(scenario, rows.columns)
    out, others = [], {}
    for i, (year, factor) in enumerate(zip(at, factors, strict=True)):
        said = warned.get(str(i), [])
        named = set()
        for port, lane, metric in lanes:
            u = float(rows.loc[rows["point"] == i, metric].mean())
            hits = {w for w in said if _names(w, port, lane)}
            named |= hits
            out.append({"year": year, "factor": factor, "port": port, "lane": lane,
                        "utilisation": u, "settles": not hits})
        others[year] = [w for w in said if w not in named]
    table = pd.DataFrame(out)
    table.attrs["warnings"] = others
    return table


def _lanes(scenario: Scenario, columns: Iterable[Any]) -> list[tuple[str, str, str]]:
    """(port, lane, metric) of every lane with a utilisation: its port is the longest of
    the scenario's port names its metric's name starts with (ports hold underscores)."""
    ports = sorted(scenario.ports, key=len, reverse=True)
    out = []
    for metric in map(str, columns):
        if not metric.startswith("utilisation_") or is_period_metric(metric):
            continue  # (a lane's period, ``_era_<k>``, is no lane of its own)
        rest = metric.removeprefix("utilisation_")
        port = next((p for p in ports if rest.startswith(p + "_")), None)
        if port is not None:
            out.append((port, rest[len(port) + 1:], metric))
    return out


#: the codes of the warnings that say a lane did not keep up (see sim.warning_codes)
LANE_CODES = ("lane_overload", "wait_rising")


def _names(warning: str, port: str, lane: str) -> bool:
    """Whether a stability warning is about this lane (an overload or a rising wait), by
    its code and the port and lane it concerns, not by its words."""
    from sim.warning_codes import classify

    code, fields, _ = classify(warning)
    return code.code in LANE_CODES and (fields.get("port"), fields.get("lane")) == (port, lane)


def plan(table: pd.DataFrame, scenario: Scenario, growth: float) -> pd.DataFrame:
    """Per lane (from :func:`yearly`'s table): ``now`` (year 0's utilisation),
    ``stops_year`` (the first simulated year it did not keep up; NaN: it kept up to the
    horizon), ``plan_year`` (the first year its projected load exceeds 85 %), ``factor``
    (its servers by the horizon over today's, to carry the horizon's load at 85 %; at least
    1) and ``servers_now``/``servers_needed`` where its field is a plain capacity."""
    import pandas as pd

    horizon = int(table["year"].max())
    out = []
    for (port, lane), g in table.groupby(["port", "lane"], sort=False):
        g = g.sort_values("year")
        if g["utilisation"].isna().all():
            continue  # (an unlimited lane: no queue)
        stops = _stops(g["year"].tolist(), g["settles"].tolist())
        kept = g[g["settles"] & g["utilisation"].notna()
                 & (g["year"] < (math.inf if math.isnan(stops) else stops))]
        row: dict[str, Any] = {"port": port, "lane": lane,
                               "now": float(g["utilisation"].iloc[0]), "stops_year": stops}
        if kept.empty:  # (overloaded from year 0: no true load to project from)
            row |= {"plan_year": 0.0, "factor": math.nan}
        else:
            y, u = int(kept["year"].iloc[-1]), float(kept["utilisation"].iloc[-1])
            row["factor"] = max(1.0, u * (1 + growth) ** (horizon - y) / TARGET)
            row["plan_year"] = _crossing(y, u, growth, horizon)
        now = _capacity(scenario, str(port), str(lane))
        row["servers_now"] = now
        row["servers_needed"] = (math.ceil(now * row["factor"] - 1e-9)
                                 if now is not None and not math.isnan(row["factor"]) else None)
        out.append(row)
    return pd.DataFrame(out)


def _stops(years: list[int], settles: list[bool]) -> float:
    """The first year from which the lane warned in every later year simulated; NaN when it
    settled in the last."""
    first = math.nan
    for year, ok in zip(reversed(years), reversed(settles), strict=True):
        if ok:
            break
        first = float(year)
    return first


def _crossing(year: int, u: float, growth: float, horizon: int) -> float:
    """The first whole year in which a load of ``u`` in ``year``, growing at ``growth``,
    exceeds ``TARGET``; NaN when not by the horizon."""
    if u > TARGET:
        return float(year)
    if u <= 0 or growth <= 0:
        return math.nan
    y = year + math.floor(math.log(TARGET / u) / math.log(1 + growth)) + 1
    return float(y) if y <= horizon else math.nan


def _capacity(scenario: Scenario, port: str, lane: str) -> int | None:
    """The lane's servers where its field is a plain ``capacity`` (not a schedule)."""
    paths = {key: path for path, key in LANE_PATHS.items()}
    node: Any = scenario.ports[port]
    for part in paths.get(lane, "").split(".") if lane in paths else []:
        node = getattr(node, part, None)
    size = getattr(node, "capacity", None) if lane in paths else None
    return size if isinstance(size, int) and getattr(node, "schedule", None) is None else None


def outlook(
    scenario: Scenario,
    growth: float,
    years: int,
    reps: int,
    seed: int = 1,
    *,
    every: int = 1,
    options: Mapping[str, Mapping[str, Any] | Scenario] | None = None,
    executor: Any = "serial",
    workers: int | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`yearly` and :func:`plan` for the scenario as it is (option ``baseline``) and
    for each of ``options`` (name: its changes, or the scenario a reform made of it,
    :func:`sim.reforms.apply`; grown from its own rates every year, under the same seeds),
    each table with an ``option`` column, the baseline's rows first. The first table's
    ``attrs["warnings"]`` holds each option's warnings that name no lane, by year: in the
    command line's words here, in Python's from ``sim.outlook`` (:data:`python_outlook`)."""
    import pandas as pd

    from sim.scenario.patch import patch
    from sim.scenario.schema import Scenario

    check_growth(growth, years, every)
    runs = {"baseline": scenario}
    for name, spec in (options or {}).items():  # (every option checked before any runs)
        runs[str(name)] = spec if isinstance(spec, Scenario) else patch(
            scenario, dict(spec), f"option {name}")
    tables, plans, notes = [], [], {}
    for name, changed in runs.items():
        table = yearly(changed, growth, years, reps, seed, every=every, executor=executor,
                       workers=workers)
        notes[name] = table.attrs["warnings"]
        tables.append(table.assign(option=name))
        plans.append(plan(table, changed, growth).assign(option=name))
    out = pd.concat(tables, ignore_index=True)
    out.attrs["warnings"] = notes
    return out, pd.concat(plans, ignore_index=True)


def _in_python_words(tables: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    """Each option's warnings, kept by year, in Python's words (``days=42`` for
    ``--days 42``); the command line prints its own from :func:`outlook` itself."""
    table = tables[0]
    table.attrs["warnings"] = {name: warnings_as_python(by_year)
                               for name, by_year in table.attrs.get("warnings", {}).items()}


#: :func:`outlook` as ``sim.outlook`` gives it to a Python user
python_outlook = given_in_python_words(outlook, _in_python_words)
