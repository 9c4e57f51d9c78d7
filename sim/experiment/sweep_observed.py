"""``sweep --observed FILE``: observed figures set beside every point of a sweep.

Calibrating a free parameter means running it at several values and seeing at which of them
each observed figure (a port's, or the published figures a bundled scenario rests on) falls
inside the simulation's 95 % interval. Each point's figures are those of its own
replications, as ``intervals.csv`` gives them (:func:`~sim.experiment.sweep_store.point_intervals`,
the interval clipped to what is possible as a run's), so a point's row here is the row
``run --observed`` would give for a run at that point's values (:mod:`sim.experiment.validation`).

``observed.csv`` is long: one row per point and figure, the point's swept values, then the
columns of a run's ``validation.csv``. The interval is the simulation's randomness only, not
the observed figure's sampling error.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.experiment.validation import (
    TABLE_COLUMNS,
    ObservedError,
    ObservedFigure,
    validation_rows,
)

if TYPE_CHECKING:
    import pandas as pd


def point_summaries(rows: pd.DataFrame, params: Sequence[str]) -> dict[int, dict[str, Any]]:
    """Each point's figures as a run's ``summary.json`` holds them (metric -> mean, raw
    interval, the interval clipped to what is possible, ``n``), from its replications."""
    from sim.experiment.store import with_shown
    from sim.experiment.sweep_store import point_intervals
    from sim.experiment.validation import _number

    spans = point_intervals(rows, list(params))
    out: dict[int, dict[str, Any]] = {}
    for r in spans.to_dict(orient="records") if len(spans) else []:
        point = out.setdefault(int(r["point"]), {})
        point[str(r["metric"])] = {
            "mean": _number(r["mean"]), "ci_low": _number(r["ci_low"]),
            "ci_high": _number(r["ci_high"]), "n": int(r["n"]),
        }
    return {p: with_shown(s) for p, s in out.items()}


def observed_rows(
    figures: Sequence[ObservedFigure], rows: pd.DataFrame, params: Sequence[str]
) -> list[dict[str, Any]]:
    """One row per point and figure: ``point``, the point's swept values, then the columns
    of :data:`~sim.experiment.validation.TABLE_COLUMNS` for that point."""
    values = rows.groupby("point", sort=True)[list(params)].first()
    summaries = point_summaries(rows, params)
    out = []
    for point in values.index:
        swept = {p: values.loc[point, p] for p in params}
        for row in validation_rows(figures, summaries.get(int(point), {})):
            out.append({"point": int(point), **swept, **row})
    return out


def inside_at(
    table: Sequence[Mapping[str, Any]], params: Sequence[str]
) -> dict[str, list[str]]:
    """Per figure (in the file's order), the points' swept values (as :func:`point_label`
    names them) where the observed value falls inside the point's interval."""
    out: dict[str, list[str]] = {}
    for r in table:
        where = out.setdefault(str(r["metric"]), [])
        if r["inside"] == "yes":
            where.append(point_label(r, params))
    return out


def point_label(row: Mapping[str, Any], params: Sequence[str]) -> str:
    """A point by its swept values: the value alone when one field is swept, else
    ``field=value`` pairs."""
    if len(params) == 1:
        return _value(row[params[0]])
    return ", ".join(f"{p}={_value(row[p])}" for p in params)


def _value(x: Any) -> str:
    """A swept value as the command gave it (a float without a trailing ``.0``)."""
    if isinstance(x, float):
        return f"{x:g}"
    return str(x)


def observed_csv(table: Sequence[Mapping[str, Any]], params: Sequence[str]) -> str:
    """``observed.csv``'s text: ``point``, the swept fields, then the validation columns;
    an empty cell for a missing figure."""
    columns = ["point", *params, *TABLE_COLUMNS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in table:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
    return out.getvalue()


def kept_figures(path: Path) -> list[ObservedFigure]:
    """The figures a sweep's ``observed.csv`` was made from (each metric's first row), so a
    sweep resumed without ``--observed`` sets them against its points again; a file that
    cannot be read so is an :class:`ObservedError` naming it."""
    from sim.experiment.validation import COLUMNS, read_observed

    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ObservedError(f"{str(path)!r}: cannot be read ({exc})") from None
    firsts: dict[str, dict[str, str]] = {}
    for r in rows:
        firsts.setdefault(r.get("metric") or "", r)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in firsts.values():
        writer.writerow([r.get(c) or "" for c in COLUMNS])
    return read_observed(path, text=out.getvalue())  # (checked as a file given would be)
