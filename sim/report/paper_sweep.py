"""A finished sweep's figures as one table for a paper (``bordersim paper-table`` of a
``bordersim sweep`` folder): a row per point, the swept values as its first columns, then
each chosen outcome's mean and 95 % interval (``intervals.csv``); under each point after the
first, where the sweep pairs its points with point 0 (``--param`` points: the same seeds at
every point), a row of its paired change from point 0 with its interval and Holm's star
(``differences.csv``). A sampled design (``--lhs``, ``--sobol``) has no baseline point: its
table has no change rows and says so. Read from the folder alone, checked as the report
checks it; rendered by :mod:`sim.report.paper_render` as a comparison's table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sim.report.paper_caveat import caveat
from sim.report.paper_table import (
    CHANGE,
    PaperTable,
    PaperTableError,
    _command,
    _days,
    _notes,
    change_of,
    definitions,
    money_said,
    row_label,
)

#: the outcomes a sweep's table gives without --metric (and without the sweep's --show)
SWEEP_DEFAULT = ("clearance_h_mean", "clearance_h_p90", "released_within_24h")
#: a change row's label in a sweep: against the first point
CHANGE_SWEEP = CHANGE.replace("baseline", "point 0")


def build_sweep(folder: Path, metrics: Sequence[str] | None = None, define: bool = False,
                raw: bool = False) -> PaperTable:
    """The table of a finished sweep ``folder`` (checked as the report checks it: a damaged
    one raises ResultsFolderError): the outcomes ``metrics`` (else those the sweep's
    ``--show`` asked for, else :data:`SWEEP_DEFAULT`), defined under it with ``define``."""
    from sim.experiment.compare import metric_unit, shown_unit
    from sim.report.folder import read_csv, read_object
    from sim.report.html import shown_rows
    from sim.report.sweep_folder import read_sweep

    sweep = read_sweep(folder)
    scenario = read_object(folder / "scenario.json")
    levels = read_csv(folder / "intervals.csv")
    have = set(levels["metric"].astype(str))
    command = [str(w) for w in sweep.meta.get("command") or []]
    chosen = _chosen(metrics, have, shown_rows(command, have), folder)
    paired = not {"--lhs", "--sobol"} & {w.split("=")[0] for w in command}
    changes = read_csv(folder / "differences.csv") if paired else None
    currency = scenario.get("currency")
    labels = [row_label(m, shown_unit(metric_unit(m), currency), raw) for m in chosen]
    rows, said = _rows(sweep.design, sweep.params, chosen, labels, levels, changes)
    reps = int(sweep.meta["reps"])  # (checked by read_sweep: every point ran them all)
    caption = _caption(sweep.meta, scenario, reps, len(sweep.design), paired)
    caption += money_said(chosen, {"currency": currency})
    table = PaperTable([*sweep.params, *labels], rows, caption, head="point",
                       metrics=dict(zip(labels, chosen, strict=True)))
    table.notes = _notes(rows) + caveat(reps, said)
    table.notes += definitions(chosen, not raw) if define else []
    table.command, table.folder = _command(sweep.meta, folder), folder.name
    return table


def _chosen(metrics: Sequence[str] | None, have: set[str], shown: list[str],
            folder: Path) -> list[str]:
    """The outcomes asked for (all must be in the folder), else the sweep's ``--show``
    ones, else the defaults it holds."""
    if not metrics:
        return shown or [m for m in SWEEP_DEFAULT if m in have]
    missing = [m for m in metrics if m not in have]
    if missing:
        raise PaperTableError(
            f"{folder / 'intervals.csv'}: no metric {', '.join(missing)}; the sweep's metrics "
            "are those of its intervals.csv (`bordersim check SCENARIO --metrics` lists them)")
    return list(dict.fromkeys(metrics))


def _rows(design: Any, params: list[str], metrics: list[str], labels: list[str],
          levels: Any, changes: Any) -> tuple[list[tuple[str, list[str]]], list[Any]]:
    """A row per point (its values, then each outcome's cell) and, with ``changes``, a row
    of each later point's paired change from point 0; and those changes for the caveat."""
    level = _by_point(levels)
    change = _by_point(changes) if changes is not None else {}
    rows: list[tuple[str, list[str]]] = []
    said = []
    for point in (int(str(p)) for p in design.index):
        values = [_value(design.at[point, p]) for p in params]
        rows.append((str(point), values + [_cell(level.get((point, m)), m) for m in metrics]))
        if changes is None or point == 0:
            continue
        rows.append((CHANGE_SWEEP, [""] * len(params)
                     + [_cell(change.get((point, m)), m, True) for m in metrics]))
        said += [change_of(f"{label} at point {point}", change.get((point, m)))
                 for m, label in zip(metrics, labels, strict=True)]
    return rows, said


def _by_point(table: Any) -> dict[tuple[int, str], dict[str, Any]]:
    """A long table's rows by (point, metric)."""
    return {(int(r["point"]), str(r["metric"])): r for r in table.to_dict("records")}


def _cell(row: Mapping[str, Any] | None, metric: str, change: bool = False) -> str:
    """A mean (or change) and its interval as the sweep's page gives them (cut to what is
    possible, its cut end marked), a change Holm's ``*`` when significant."""
    from sim.experiment.compare import clip_interval
    from sim.report.html import _figures

    if row is None or int(row["n"]) == 0:
        return "\u2013"
    raw = (float(row["ci_low"]), float(row["ci_high"]))
    shown = clip_interval(metric, *raw, difference=change)
    mean, span = _figures(row["mean"], *shown, raw)
    star = "*" if change and row.get("significant") in (True, "True") else ""
    return f"{mean}{star} {span}"


def _value(value: Any) -> str:
    """A swept value as written (``4 h``, ``spindle``, ``2``)."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _scenario_name(meta: Mapping[str, Any], scenario: Mapping[str, Any]) -> str:
    """The scenario by its name (``scenario.json``'s, as a comparison's caption names it),
    not by the file path ``meta.json`` records: that is where the file lay on the machine that
    ran the sweep (a bundled scenario's inside the installed package), which a published
    table should neither show nor send a reader looking for; the path where it has no name."""
    name = scenario.get("name")
    return name if isinstance(name, str) and name else str(meta.get("scenario"))


def _caption(meta: Mapping[str, Any], scenario: Mapping[str, Any], reps: int, points: int,
             paired: bool) -> str:
    """What the figures rest on: points, replications, observed days, warm-up, pairing."""
    said = (
        f"Scenario {_scenario_name(meta, scenario)}, {points} points of a sweep: each point's "
        "mean and "
        f"95 % Student-t interval over {reps} replications, "
        f"{_days(scenario.get('days') or 0)} observed after "
        f"{_days(scenario.get('warmup_days') or 0)} of warm-up.")
    if paired:
        return said + (
            " Under each point after the first, its change from point 0, paired (the same "
            "seeds at every point), * significant at 5 % after Holm's correction for "
            f"{'the ' if points > 2 else ''}{points - 1} point{'s' if points > 2 else ''}, "
            "outcome by outcome.")
    return said + (" The points are a sampled design (--lhs or --sobol): point 0 is a sample "
                   "like the others, not a baseline, so no change from it is given.")
