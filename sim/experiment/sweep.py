"""Parameter sweeps: run a scenario at many points of its parameters, with replications.

A *design* is a DataFrame with one row per point and one column per scenario field, named by
its dotted path (``ports.sea.review.capacity``); each value is what ``--set`` would take, so
durations carry their unit (``"20 min"``). A column ``REFORM:STRENGTH``
(``single_window:uptake``) applies that library reform at the point's value instead
(:mod:`sim.experiment.sweep_reforms`). Designs come from

- :func:`explicit`: the points listed one by one (every list the same length);
- :func:`grid`: the full factorial product of each parameter's values;
- :func:`lhs`: a seeded Latin hypercube over ranges (``scipy.stats.qmc.LatinHypercube``);
- :func:`sim.experiment.sensitivity.sobol_design`: Saltelli's sample for Sobol indices.

:func:`sweep` loads the scenario at each point (``load_scenario(path, overrides)``: a bad
value is a readable :class:`~sim.scenario.loader.ScenarioError` before anything runs) and runs
replications ``0 .. reps-1`` of every point. Replication ``r`` has the same seed at every point
(common random numbers), so differences between points are paired (:func:`differences`).
With ``out`` every (point, replication) is written atomically as it finishes, with a
checksum; rerunning into the same folder loads those and runs the rest (a damaged or
foreign file is reported and run again). The results folder is described in
:mod:`sim.experiment.sweep_store`.
"""

from __future__ import annotations

import itertools
import math
import numbers
import re
from collections.abc import Callable, Hashable, Mapping, Sequence, Sized
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.experiment.executors import Executor, Failure, ReplicationsFailed, Task, get_executor
from sim.experiment.ran_on import where_ran
from sim.experiment.reporter import reporter_of
from sim.experiment.store import StoreMismatch, scenario_hash
from sim.experiment.sweep_pairs import point_differences
from sim.experiment.sweep_store import SweepStore, point_intervals, point_warnings
from sim.experiment.sweep_store import summarise_points as summarise_points  # (re-exported)
from sim.python_source import with_source
from sim.python_words import given_in_python_words, warnings_as_python
from sim.scenario.check import check_reps, check_seed
from sim.scenario.schema import Scenario

OnDone = Callable[[int, int, dict[str, float]], None]

#: the most points ``--lhs N`` and base points ``--sobol N`` may ask for (a Sobol sample
#: of k ranges runs N*(k+2) points): a typo's extra digits are refused, not sampled
MAX_SAMPLE = 10_000


def check_sample_size(n: int, what: str = "n") -> None:
    """``n`` points (or base points) of a sample: 1 .. :data:`MAX_SAMPLE` (else ValueError)."""
    if not 1 <= n <= MAX_SAMPLE:
        raise ValueError(f"{what} must be 1 to {MAX_SAMPLE:,}; got {n:,}")


@dataclass(frozen=True)
class Range:
    """A parameter's range ``[low, high]``; ``unit`` is appended to each value (``"min"``);
    an ``integer`` range gives whole numbers, each equally likely."""

    low: float
    high: float
    unit: str | None = None
    integer: bool = False

    def __post_init__(self) -> None:
        if not (math.isfinite(self.low) and math.isfinite(self.high)) or self.low >= self.high:
            raise ValueError(f"a range needs finite low < high; got {self.low}:{self.high}")

    def number(self, u: float) -> float:
        """The value at ``u`` in [0, 1) of the range (a whole number for an integer range)."""
        if self.integer:
            return float(min(math.floor(self.low + u * (self.high - self.low + 1)), self.high))
        return self.low + u * (self.high - self.low)

    def setting(self, x: float) -> Any:
        """The scenario value for the number ``x``: an int, a float, or ``"x unit"``."""
        value: Any = int(round(x)) if self.integer else float(x)
        return f"{value:g} {self.unit}" if self.unit else value


_NUMBER = r"([-+]?[\d.]+(?:[eE][-+]?\d+)?)"
_RANGE = re.compile(rf"^\s*{_NUMBER}\s*:\s*{_NUMBER}\s*(.*)$")


def parse_range(text: str, field: str | None = None) -> Range:
    """``"2:6"`` (whole numbers), ``"0.1:0.4"``, ``"10:30 min"`` -> :class:`Range`.

    Whole-number ends without a unit give whole numbers, unless ``field`` (the dotted path
    of the scenario field the range is for) holds real numbers (a share, a time, a rate):
    ``0:1`` for a share samples the whole interval. A field of whole numbers (servers) gets
    whole numbers from ends such as ``2.0:6.0`` too."""
    _check_range_form(text)
    m = _RANGE.match(text)
    if not m:
        raise ValueError(
            f"expected LOW:HIGH with an optional unit, e.g. 2:6 or 10:30 min; got {text!r}"
        )
    lo, hi, unit = m.groups()
    try:
        whole = all(re.fullmatch(r"[-+]?\d+", v) for v in (lo, hi))
        whole = _whole(field, whole, (float(lo), float(hi)))
        return Range(float(lo), float(hi), unit.strip() or None, not unit and whole)
    except ValueError as exc:
        raise ValueError(f"{text!r}: {exc}") from None


def _whole(field: str | None, whole: bool, ends: tuple[float, float]) -> bool:
    """Whether a range over ``field`` gives whole numbers: as its ends are written
    (``whole``), unless the field holds real numbers (never) or whole numbers (whenever both
    ends are whole)."""
    if field is None:
        return whole
    from sim.experiment.sweep_reforms import strength_kind
    from sim.scenario.loader import number_kind

    kind = strength_kind(field) or number_kind(field)
    if kind == "real":
        return False
    if kind == "integer":
        return all(v.is_integer() for v in ends)
    return whole


def _check_range_form(text: str) -> None:
    """A range has two ends, LOW:HIGH, and its unit once, after the high end (``10:30 min``,
    not ``10 min:30 min``): anything else is refused saying so."""
    ends = text.split(":")
    if len(ends) != 2:
        raise ValueError(
            f"a range has two ends, LOW:HIGH (e.g. 2:6 or 10:30 min); got {text!r}, with "
            f"{len(ends)} parts"
        )
    low = re.fullmatch(rf"\s*{_NUMBER}\s*([A-Za-z/].*)", ends[0])
    if low is not None and not re.fullmatch(rf"\s*{_NUMBER}\s*", ends[0]):
        raise ValueError(
            f"{text!r}: the unit goes once, at the end, after the high end: write "
            + _in_one_unit(low.group(1), low.group(2).strip(), ends[1])
        )


def _in_one_unit(low: str, unit: str, high: str) -> str:
    """``10 min:1 h`` written as a range takes it: ``10:60 min`` (both ends in the smaller
    of two time units; ``10:30 min`` when the high end has the same unit or none); a rate's
    ``1/h:30/d`` takes it as ``24:30/d`` (both ends per the longer of the two times)."""
    from sim.scenario.units import TIME_UNITS

    other = re.fullmatch(rf"\s*{_NUMBER}\s*(/?\s*[A-Za-z]+)\s*", high)
    if other is None or other.group(2) == unit:
        return f"{low}:{high.strip()}" + ("" if other else unit if unit[0] == "/" else f" {unit}")
    rate = unit[0] == "/"
    units = (unit.lstrip("/ "), other.group(2).lstrip("/ "))
    if rate != (other.group(2)[0] == "/") or not all(u in TIME_UNITS for u in units):
        return f"{low}:{high.strip()}"
    to = (max if rate else min)(units, key=TIME_UNITS.__getitem__)
    ends = (float(low), float(other.group(1)))
    scaled = [
        x / TIME_UNITS[u] * TIME_UNITS[to] if rate else x * TIME_UNITS[u] / TIME_UNITS[to]
        for x, u in zip(ends, units, strict=True)
    ]
    return ":".join(f"{x:.6g}" for x in scaled) + (f"/{to}" if rate else f" {to}")


def _ranges(ranges: Mapping[str, Range | tuple[float, float] | str]) -> dict[str, Range]:
    out = {}
    for key, r in ranges.items():
        if isinstance(r, Range):
            out[key] = r
        elif isinstance(r, str):
            out[key] = parse_range(r, key)
        else:
            out[key] = _pair(key, r)
    if not out:
        raise ValueError("no parameter ranges given")
    return out


def _pair(key: str, r: Any) -> Range:
    """A range given in code as ``(low, high)``: whole numbers when both ends are ints (and
    for a field of whole numbers, such as servers, whenever both ends are whole), as the
    command line's ``"2:4"`` gives them."""
    try:
        if isinstance(r, str | bytes):
            raise ValueError
        low, high = r
    except (TypeError, ValueError):
        raise ValueError(f"range {key!r}: give (low, high) or 'LOW:HIGH'; got {r!r}") from None
    ints = all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in (low, high))
    ends = (float(low), float(high))
    return Range(*ends, None, _whole(key, ints, ends))


def _check_values(params: Any) -> None:
    """``params`` is ``{path: [values]}``: a mapping whose every value is a list (a tuple, an
    array) of values, not one value nor a string read letter by letter."""
    if not isinstance(params, Mapping):
        raise TypeError(
            f"the parameters must be a mapping {{path: [values]}}; got {type(params).__name__}"
        )
    for key, values in params.items():
        if isinstance(values, str | bytes) or not isinstance(values, Sized):
            raise TypeError(
                f"parameter {key!r}: each parameter needs a list of values, e.g. {{{key!r}: "
                f"[2, 3]}}; got {type(values).__name__} {values!r}"
            )


def explicit(params: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """The points listed one by one: point ``i`` takes the ``i``-th value of every parameter."""
    _check_values(params)
    lengths = {key: len(values) for key, values in params.items()}
    if not lengths:
        raise ValueError("no parameters given")
    if len(set(lengths.values())) != 1:
        shown = ", ".join(f"{k}: {n}" for k, n in lengths.items())
        raise ValueError(
            f"an explicit list of points needs as many values for every parameter ({shown}); "
            "use a grid for every combination"
        )
    return pd.DataFrame({key: list(values) for key, values in params.items()})


def grid(params: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """The full factorial design: every combination of the parameters' values."""
    _check_values(params)
    if not params:
        raise ValueError("no parameters given")
    keys = list(params)
    rows = list(itertools.product(*(params[k] for k in keys)))
    return pd.DataFrame(rows, columns=keys)


def lhs(
    ranges: Mapping[str, Range | tuple[float, float] | str], n: int, seed: int = 0
) -> pd.DataFrame:
    """``n`` points of a Latin hypercube over ``ranges`` (seeded, so reproducible)."""
    from scipy.stats import qmc

    rs = _ranges(ranges)
    check_sample_size(n)
    u = qmc.LatinHypercube(d=len(rs), seed=np.random.default_rng(seed)).random(n)
    return pd.DataFrame(
        {key: [r.setting(r.number(x)) for x in u[:, j]] for j, (key, r) in enumerate(rs.items())}
    )


def _plain(value: Any) -> Any:
    """numpy scalars as Python values (what a TOML file would hold)."""
    return value.item() if isinstance(value, np.generic) else value


def points(
    scenario: str | Path | Scenario,
    design: pd.DataFrame,
    overrides: Mapping[str, Any] | None = None,
    cli: bool = False,
) -> list[Scenario]:
    """The scenario at every point of ``design`` (validated; errors name the field). From the
    command line (``cli``) an error names the "command line"; from Python, the "overrides"
    or the "design point" at fault. A key ``REFORM:STRENGTH`` applies that library reform at
    the point's value, to the scenario with the point's fields set
    (:mod:`sim.experiment.sweep_reforms`)."""
    from sim.experiment.sweep_reforms import split_point, with_reforms
    from sim.scenario.patch import patch

    base = {str(k): _plain(v) for k, v in (overrides or {}).items()}
    rows = [{str(k): _plain(v) for k, v in row.items()} for row in design.to_dict(orient="records")]
    parts = [split_point(row) for row in rows]  # (fields; reforms at their swept strengths)
    fields = [f for f, _ in parts]
    if cli and not isinstance(scenario, Scenario):
        at = _at_points(scenario, base, fields)
    else:
        common = _common(scenario, base)
        at = [patch(common, row, f"design point {i}") for i, row in enumerate(fields)]
    return [with_reforms(s, r, fields[i], "command line" if cli else f"design point {i}")
            for i, (s, (_, r)) in enumerate(zip(at, parts, strict=True))]


def _at_points(
    scenario: str | Path, base: dict[str, Any], rows: list[dict[str, Any]]
) -> list[Scenario]:
    """The scenario file with the command line's overrides and each point's values. An error
    names the first point it is found at and its values (of ten sampled fields, which met
    there), and how many other points fail, so that a range is narrowed once, not point by
    point; an error at every point (a misspelt field) is said once, as the command line's."""
    from sim.scenario.loader import ScenarioError, load_scenario

    out, failed = [], []
    for i, row in enumerate(rows):
        try:
            out.append(load_scenario(scenario, {**base, **row}, "command line"))
        except ScenarioError as exc:
            failed.append((i, exc))
    if not failed:
        return out
    first, error = failed[0]
    if len(failed) == len(rows) > 1:  # (a misspelt field, say: no point to narrow to)
        f, p, v, m = error.problems[-1]
        raise ScenarioError([*error.problems[:-1], (f, p, v, f"{m} (at every point)")])
    values = ", ".join(f"{k}={v!r}" for k, v in rows[first].items())
    where = f"command line, at point {first} ({values})"
    problems = [(where if f == "command line" else f, p, v, m) for f, p, v, m in error.problems]
    if len(failed) > 1:
        others = ", ".join(str(i) for i, _ in failed[1:11]) + (", ..." if len(failed) > 11 else "")
        f, p, v, m = problems[-1]
        problems[-1] = (f, p, v, f"{m} ({len(failed)} of {len(rows)} points fail: also {others})")
    raise ScenarioError(problems)


def _common(scenario: str | Path | Scenario, overrides: Mapping[str, Any]) -> Scenario:
    """The scenario (a file, or a Scenario checked again) with ``overrides``, from Python."""
    from sim.scenario.check import checked
    from sim.scenario.loader import load_scenario
    from sim.scenario.patch import patch

    if isinstance(scenario, str | Path):
        return load_scenario(scenario, overrides, "overrides")
    return patch(checked(scenario), overrides, "overrides")


def _base(
    scenario: str | Path | Scenario, overrides: Mapping[str, Any] | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """What every point has in common: the overrides (as JSON values) and the scenario with
    them, resolved, as a run folder's ``scenario.json`` holds it."""
    over = {str(k): _plain(v) for k, v in (overrides or {}).items()}
    resolved = _common(scenario, over)
    return over, resolved.model_dump(mode="json", by_alias=True)


def _finished(
    result: Any,
    store: SweepStore | None,
    values: dict[str, Any],
    point_hash: str,
    warned: dict[tuple[int, int], list[str]],
    at: tuple[int, int],
    on_done: OnDone | None,
    where: dict[str, str] | None = None,
) -> dict[str, float]:
    """A finished replication ``at`` (point, replication): its metrics, its warnings kept
    in ``warned`` and both stored, with where it ran (``where``); ``on_done`` told."""
    i, r = at
    metrics: dict[str, float] = result.metrics()
    warned[at] = list(result.warnings)
    if store is not None:
        store.save(i, r, values, point_hash, tuple(result.seed), metrics, warned[at], where)
    if on_done is not None:
        on_done(i, r, metrics)
    return metrics


def sweep(
    scenario: str | Path | Scenario,
    design: pd.DataFrame | Mapping[str, Sequence[Any]],
    reps: int,
    seed: int = 1,
    *,
    executor: str | Executor = "serial",
    workers: int | None = None,
    overrides: Mapping[str, Any] | None = None,
    out: str | Path | None = None,
    on_done: OnDone | None = None,
    command: list[str] | None = None,
    on_notice: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """Run ``reps`` replications of ``scenario`` (a file's path or a :class:`Scenario`,
    validated again) at every point of ``design``: a DataFrame (one row per point, columns
    named by dotted field paths, or ``REFORM:STRENGTH`` for a library reform's strength) or a
    mapping ``{path: [values]}`` read as an :func:`explicit` list. ``seed``: a whole number
    >= 0; ``overrides`` apply at every point (``{"days": 7}``). A bad value at a point is a
    :class:`~sim.scenario.loader.ScenarioError` naming the "design point" (or the
    "overrides"), the field and the value, before anything runs (a reform's strength, a
    :class:`~sim.reforms.reform.ReformError`).
    Returns one row per (point, replication): ``point``, the parameters, ``replication`` and
    every metric, sorted (:func:`summary`, :func:`intervals`: its folder's per-point tables);
    ``attrs["warnings"]``, each point's, in Python's words from ``sim.sweep``
    (:data:`python_sweep`).
    Replication ``r`` uses the same seed at every point. When replications raise, the others
    finish (and are stored); then ``ReplicationsFailed`` is raised. ``on_notice`` hears of
    each point file of ``out`` found damaged or foreign (and run again); ``on_warning``, of
    ``out`` resumed in another environment (:mod:`sim.made_where`; else stderr)."""
    reps = check_reps(reps)
    design = _checked_design(design, reps)
    seed = check_seed(seed)
    params = [str(c) for c in design.columns]
    scenarios = points(scenario, design, overrides, cli=command is not None)
    hashes = [scenario_hash(s) for s in scenarios]
    store = None
    if out is not None:
        store = SweepStore(out, on_notice, on_warning, reporter_of(executor))
        shown = f"<{scenario.name}>" if isinstance(scenario, Scenario) else scenario
        store.open(shown, design, hashes, seed, reps, command, *_base(scenario, overrides))
    values = _point_values(design)
    rows: dict[tuple[int, int], dict[str, float]] = {}
    tasks = _to_run(scenarios, hashes, reps, seed, store, rows, on_done)
    reporter_of(executor).resumed(sorted(rows), [t.key for t in tasks])  # (what it kept)
    warned = store.warnings if store is not None else {}  # (loaded ones already there)

    def done(at: tuple[int, int], result: Any, where: dict[str, str] | None) -> None:
        i = at[0]
        rows[at] = _finished(result, store, values[i], hashes[i], warned, at, on_done, where)

    failures = _run_all(tasks, executor, workers, store, done)
    table = _table(rows, values, warned)
    table.attrs["scenario_hashes"] = hashes  # (each point's: sim.experiment.sweep_flat)
    if failures:
        raise _failed(failures, table, store)
    if store is not None:
        store.finish(table, params)
    return table


def _point_values(design: pd.DataFrame) -> list[dict[str, Any]]:
    """Each design point's parameters as plain Python values, by column name."""
    return [
        {str(k): _plain(v) for k, v in row.items()} for row in design.to_dict(orient="records")
    ]


def _in_python_words(table: pd.DataFrame) -> None:
    """A sweep's warnings, kept by point, in Python's words (``days=21`` for ``--days 21``)."""
    table.attrs["warnings"] = warnings_as_python(table.attrs.get("warnings", {}))


#: :func:`sweep` as ``sim.sweep`` gives it to a Python user: its ``attrs["warnings"]`` in
#: Python's words, and a folder that is not its own (or inside another results folder) said
#: so (the command line, the outlook and Sobol indices run :func:`sweep` itself)
python_sweep = with_source(given_in_python_words(sweep, _in_python_words,  # (its source:
                                                 errors=(StoreMismatch,), nested=True),
                           "out")  # sim.python_source)


def _run_all(
    tasks: list[Task],
    executor: str | Executor,
    workers: int | None,
    store: SweepStore | None,
    done: Callable[[tuple[int, int], Any, dict[str, str] | None], None],
) -> list[Failure]:
    """Run ``tasks`` on the ``executor``, handing each finished replication (its point and
    replication, its result, where it ran: :func:`where_ran`) to ``done``; the replications
    that raised. Interrupted, the folder's history says so (what was computed until then is
    kept) and it is raised again."""
    failures: list[Failure] = []
    try:
        runner = get_executor(executor, workers=workers)
        for key, result in runner.map(tasks):
            if isinstance(result, Failure):
                failures.append(result)
                continue
            done(_point_rep(key), result, where_ran(runner, key))
    except BaseException:  # (interrupted: what it computed until then is said, and kept)
        if store is not None:
            store.record_history(interrupted=True)
        raise
    return failures


def summary(rows: pd.DataFrame) -> pd.DataFrame:
    """A sweep's table (what :func:`sweep` returns) per point, as its folder's
    ``summary.csv``: the parameters, ``unstable`` (a replication there warned that a queue did
    not settle) and the mean of every metric."""
    return summarise_points(rows, _params(rows), rows.attrs.get("warnings"))


def intervals(rows: pd.DataFrame) -> pd.DataFrame:
    """A sweep's table per point and metric, long, as its folder's ``intervals.csv``: the
    mean over the point's replications, its 95 % t-interval and the replications."""
    return point_intervals(rows, _params(rows))


def differences(rows: pd.DataFrame, reference: int = 0) -> pd.DataFrame:
    """A sweep's table against its point ``reference``, long, as its folder's
    ``differences.csv`` (which sets every point against point 0): per other point and
    metric, the paired difference over the replications (the same seeds at every point),
    its 95 % t-interval, p-value and Holm's verdict (see :mod:`sim.experiment.sweep_pairs`)."""
    return point_differences(rows, _params(rows), reference)


def numeric(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of a sweep's table or design (``sweep.csv``, ``design.csv``, what
    :func:`sweep`, :func:`lhs` or :func:`grid` give) with each swept field's values as
    numbers, so they can be plotted or regressed on: a duration (``"27.4 min"``) in hours, a
    rate (``"2.5/h"``) per hour, a number as it is. A field any of whose values is none of
    these (a schedule, a distribution, a name) is left as it is."""
    out = table.copy()
    columns = list(table.columns)
    params = _params(table) if {"point", "replication"} <= set(columns) else columns
    for name in params:
        if name == "point":  # (design.csv read back: its index)
            continue
        try:
            out[name] = [_number(v) for v in table[name]]
        except (TypeError, ValueError):
            continue
    return out


def _number(value: Any) -> Any:
    """A swept value as a number (hours, per hour; a number as it is, numpy's too);
    ValueError if it is none."""
    from sim.scenario.units import parse_duration, parse_rate

    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a number: {value!r}")
    return parse_rate(value) if "/" in value else parse_duration(value)


def _params(rows: pd.DataFrame) -> list[str]:
    """A sweep table's parameters: its columns between ``point`` and ``replication``."""
    columns = list(rows.columns)
    if "point" not in columns or "replication" not in columns:
        raise ValueError("not a sweep's table: it needs the columns 'point' and 'replication'")
    return [str(c) for c in columns[columns.index("point") + 1 : columns.index("replication")]]


def _failed(
    failures: list[Failure], table: pd.DataFrame, store: SweepStore | None
) -> ReplicationsFailed:
    """The error of replications that raised (``table``: those that finished), once the
    folder's history says which this command computed and which failed."""
    if store is not None:
        store.record_history(failed=[_point_rep(f.key) for f in failures])
    return ReplicationsFailed(sorted(failures, key=lambda f: _point_rep(f.key)), table)


def _table(
    rows: dict[tuple[int, int], dict[str, float]],
    values: list[dict[str, Any]],
    warned: dict[tuple[int, int], list[str]],
) -> pd.DataFrame:
    """One row per (point, replication), sorted; its ``attrs["warnings"]``: each point's
    warnings (a queue that did not settle there)."""
    table = pd.DataFrame(
        [{"point": p, **values[p], "replication": q, **rows[p, q]} for p, q in sorted(rows)]
    )
    table.attrs["warnings"] = point_warnings(warned)
    # (each replication's, for the command line's one line per distinct warning)
    table.attrs["replication_warnings"] = [(p, r, w) for (p, r), ws in sorted(warned.items())
                                           for w in ws]
    return table


def _checked_design(design: pd.DataFrame | Mapping[str, Sequence[Any]], reps: int) -> pd.DataFrame:
    """The design as a DataFrame of points, refused if it (or ``reps``) cannot be run."""
    if not isinstance(design, pd.DataFrame):
        design = explicit(design)
    design = design.reset_index(drop=True)
    check_reps(reps)
    if design.empty or not len(design.columns):
        raise ValueError("the design has no points or no parameters")
    return design


def _to_run(
    scenarios: list[Any],
    hashes: list[str],
    reps: int,
    seed: int,
    store: SweepStore | None,
    rows: dict[tuple[int, int], dict[str, float]],
    on_done: OnDone | None,
) -> list[Task]:
    """The (point, replication) runs still to do; those finished earlier go into ``rows``."""
    tasks = []
    for i, s in enumerate(scenarios):
        for r in range(reps):
            loaded = store.load(i, r, hashes[i]) if store is not None else None
            if loaded is None:
                tasks.append(Task((i, r), s, seed, r))
                continue
            rows[i, r] = loaded
            if on_done is not None:
                on_done(i, r, loaded)
    return tasks


def _point_rep(key: Hashable) -> tuple[int, int]:
    assert isinstance(key, tuple) and len(key) == 2
    return int(key[0]), int(key[1])
