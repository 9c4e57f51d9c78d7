"""Observed figures set against a run's: the validation table of a port's own data.

An office that sets the model up for its port has figures of its own (a Time Release Study's
mean and 90th percentile release times, inspection rates, counts): before anyone trusts a
reform's answer, the model should reproduce them. A small CSV names each figure's metric
(a name ``bordersim check SCENARIO --metrics`` lists) and its observed value::

    metric,observed,label,source
    clearance_h_mean_port_land_border_import,3.1,TRS arrival to release,TRS 2024 table 4
    inspection_rate_port_land_border,0.06,inspected share,annual report 2024

Each row is matched to the run's figure: its mean over the replications and its 95 %
interval (as the run table shows it), the difference (simulated - observed) and whether the
observed value falls inside the interval. The interval measures the simulation's own
randomness only, not the observed figure's sampling error nor the assumptions' uncertainty:
with many replications it narrows, and a small real gap shows as outside (read the
relative difference beside it).

When the figure is itself an estimate with an interval (another model's mean over its runs,
a sample survey's), ``observed_low`` and ``observed_high`` give its 95 % interval, and the
row also gives the difference's 95 % interval, ``difference +/- sqrt(h_sim^2 + h_obs^2)``
from the two half-widths (the two estimates independent, their intervals near normal: an
approximation to Welch's), and ``agree``, whether that interval holds 0.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sim.scenario.files import FileProblem, read_text

#: the columns an observed-figures file may have (the first two are required; the interval's
#: two ends together or not at all)
COLUMNS = ("metric", "observed", "label", "source", "observed_low", "observed_high")
#: at most this many figures (a validation table is read by people, not a data dump)
MAX_FIGURES = 10_000
MAX_BYTES = 4 * 2**20
#: a number as a CSV writes one (ASCII digits, a point, an exponent)
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
#: the columns of ``validation.csv``, in order
TABLE_COLUMNS = (
    "metric", "label", "observed", "simulated_mean", "ci_low", "ci_high", "reps",
    "difference", "relative_difference", "inside", "source",
    "observed_low", "observed_high", "difference_low", "difference_high", "agree",
)


class ObservedError(ValueError):
    """An observed-figures file that cannot be read as one, or a figure no run yields."""


@dataclass(frozen=True)
class ObservedFigure:
    """One observed figure: the metric it is matched to, its value, and what it is."""

    metric: str
    observed: float
    label: str = ""
    source: str = ""
    line: int = 0  # where it is in its file, for messages
    low: float | None = None  #: the observed figure's own 95 % interval, when it has one
    high: float | None = None


def read_observed(
    path: Path, allowed: Sequence[str] = COLUMNS, text: str | None = None
) -> list[ObservedFigure]:
    """The figures of the observed-figures CSV at ``path`` (a header row naming
    :data:`COLUMNS`; blank lines and lines starting with ``#`` skipped; ``allowed``:
    :data:`TABLE_COLUMNS` to read them back from a run's ``validation.csv``). Anything that
    would make the table guess is an :class:`ObservedError` naming the file, the line, the
    column and the value. ``text``: the file's text when it is already read (the figures a
    sweep's ``observed.csv`` holds), ``path`` then only naming it."""
    header, body = _rows(path, allowed, text)
    figures: list[ObservedFigure] = []
    seen: dict[str, int] = {}
    for line, row in body:
        where = f"{str(path)!r} line {line}"
        if len(row) != len(header):
            raise ObservedError(
                f"{where}: the row has {len(row)} cell(s), but the header has {len(header)} "
                f"({', '.join(header)}); every row needs one cell per column"
            )
        cells = dict(zip(header, (c.strip() for c in row), strict=True))
        figure = _figure(cells, where, line)
        if figure.metric in seen:
            raise ObservedError(
                f"{where}, column 'metric': {figure.metric!r} is given twice (also line "
                f"{seen[figure.metric]}); give each metric one observed value"
            )
        seen[figure.metric] = line
        figures.append(figure)
    if not figures:
        raise ObservedError(f"observed figures {str(path)!r} has a header but no figure")
    return figures


def _rows(
    path: Path, allowed: Sequence[str], given: str | None = None
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (checked) and the other rows with their line numbers."""
    try:
        text = read_text(path, MAX_BYTES) if given is None else given
    except FileProblem as exc:
        raise ObservedError(f"observed figures {str(path)!r} {exc}") from None
    except OSError as exc:
        raise ObservedError(f"observed figures {str(path)!r}: {exc.strerror or exc}") from None
    lines = [
        (n, ln) for n, ln in enumerate(text.splitlines(), start=1)
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    if not lines:
        raise ObservedError(
            f"observed figures {str(path)!r} is empty; its first row names the columns "
            f"({', '.join(COLUMNS)}; metric and observed required)"
        )
    if len(lines) > MAX_FIGURES + 1:
        raise ObservedError(f"observed figures {str(path)!r} has more than {MAX_FIGURES:,} rows")
    try:
        rows = [(n, next(csv.reader(io.StringIO(ln), strict=True))) for n, ln in lines]
    except csv.Error as exc:
        raise ObservedError(f"observed figures {str(path)!r}: not CSV ({exc})") from None
    header = [h.strip() for h in rows[0][1]]
    _check_header(path, rows[0][0], header, allowed)
    return header, rows[1:]


def _check_header(path: Path, line: int, header: Sequence[str], allowed: Sequence[str]) -> None:
    where = f"{str(path)!r} line {line} (the header)"
    for name in header:
        if name not in allowed:
            raise ObservedError(
                f"{where}: unknown column {name!r}; allowed: {', '.join(allowed)}"
            )
    for name in COLUMNS[:2]:
        if name not in header:
            raise ObservedError(f"{where}: column {name!r} is required")
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        raise ObservedError(f"{where}: column {twice[0]!r} is named twice")


def _figure(cells: Mapping[str, str], where: str, line: int) -> ObservedFigure:
    """One row as a figure; its value checked against what its metric can be."""
    from sim.experiment.compare import metric_kind

    metric, text = cells["metric"], cells["observed"]
    if not metric:
        raise ObservedError(f"{where}, column 'metric': empty; name a metric of the run")
    if not _NUMBER.fullmatch(text):
        hint = "; write a share as a fraction (6 % is 0.06)" if text.endswith("%") else ""
        raise ObservedError(
            f"{where}, column 'observed': {text[:40]!r} is not a number (digits, a '.', an "
            f"exponent){hint}"
        )
    value = float(text)
    kind = metric_kind(metric)
    if kind == "share" and not 0.0 <= value <= 1.0:
        percent = f" (write {value:g} % as {value / 100:g})" if 1.0 < value <= 100.0 else ""
        raise ObservedError(
            f"{where}, column 'observed': {metric} is a share, from 0 to 1; got {text}{percent}"
        )
    if kind in ("time", "count") and value < 0:
        raise ObservedError(
            f"{where}, column 'observed': {metric} is a {kind}, 0 or more; got {text}"
        )
    low, high = _interval(cells, where, metric, kind, value)
    return ObservedFigure(
        metric, value, cells.get("label", ""), cells.get("source", ""), line, low, high
    )


def _interval(
    cells: Mapping[str, str], where: str, metric: str, kind: str, value: float
) -> tuple[float | None, float | None]:
    """The figure's own 95 % interval: both ends or neither, around the figure, within what
    its metric can be."""
    given = {c: cells.get(c, "") for c in ("observed_low", "observed_high")}
    if not any(given.values()):
        return None, None
    for column, text in given.items():
        if not _NUMBER.fullmatch(text):
            said = "empty" if not text else f"{text[:40]!r} is not a number"
            raise ObservedError(
                f"{where}, column {column!r}: {said}; give both ends of the observed "
                "figure's 95 % interval, or neither"
            )
    low, high = float(given["observed_low"]), float(given["observed_high"])
    if not low <= value <= high:
        raise ObservedError(
            f"{where}, columns 'observed_low', 'observed_high': [{low:g}, {high:g}] does not "
            f"hold the observed {value:g}; the interval is around the figure"
        )
    if (kind == "share" and (low < 0 or high > 1)) or (kind in ("time", "count") and low < 0):
        raise ObservedError(
            f"{where}, column 'observed_low' or 'observed_high': {metric} is a {kind}; "
            f"[{low:g}, {high:g}] goes beyond what it can be"
        )
    return low, high


def check_names(figures: Iterable[ObservedFigure], known: Any, path: Path) -> None:
    """Every figure's metric is one runs of the scenario yield (``known``: its
    :class:`~sim.experiment.metric_names.MetricNames`), else an :class:`ObservedError`
    naming the line and the nearest names; checked before anything runs."""
    from sim.experiment.metric_names import unknown_message

    for figure in figures:
        if figure.metric not in known:
            message = unknown_message(figure.metric, known, flag="metric")
            raise ObservedError(f"{str(path)!r} line {figure.line}, column 'metric': {message}")


def validation_rows(
    figures: Iterable[ObservedFigure], summary: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Each figure beside the run's (``summary``: a run's ``summary.json``, metric ->
    mean, the interval as shown and ``n``): the row of :data:`TABLE_COLUMNS`. ``inside`` is
    ``"yes"`` or ``"no"``, ``"no interval"`` with one replication, ``"not measured"`` when
    no replication measured the metric."""
    rows = []
    for f in figures:
        s = summary.get(f.metric) or {}
        mean = _number(s.get("mean"))
        low = _number(s.get("shown_low", s.get("ci_low")))
        high = _number(s.get("shown_high", s.get("ci_high")))
        diff = None if mean is None else mean - f.observed
        rel = None if diff is None or f.observed == 0 else diff / abs(f.observed)
        if mean is None:
            inside = "not measured"
        elif low is None or high is None:
            inside = "no interval"
        else:
            inside = "yes" if low <= f.observed <= high else "no"
        rows.append({
            "metric": f.metric, "label": f.label, "observed": f.observed,
            "simulated_mean": mean, "ci_low": low, "ci_high": high,
            "reps": int(s.get("n") or 0), "difference": diff, "relative_difference": rel,
            "inside": inside, "source": f.source,
            **_agreement(f, diff, _number(s.get("ci_low")), _number(s.get("ci_high"))),
        })
    return rows


def _agreement(
    f: ObservedFigure, diff: float | None, low: float | None, high: float | None
) -> dict[str, Any]:
    """The difference's 95 % interval from the two half-widths (the run's raw interval's and
    the figure's own), and whether it holds 0: empty without the figure's interval."""
    row: dict[str, Any] = {"observed_low": f.low, "observed_high": f.high,
                           "difference_low": None, "difference_high": None, "agree": ""}
    if f.low is None or f.high is None:
        return row
    if diff is None or low is None or high is None:
        row["agree"] = "not measured" if diff is None else "no interval"
        return row
    half = math.hypot((high - low) / 2, (f.high - f.low) / 2)
    row.update(difference_low=diff - half, difference_high=diff + half,
               agree="yes" if diff - half <= 0 <= diff + half else "no")
    return row


def _number(x: Any) -> float | None:
    """A finite float, or None (missing, null or NaN)."""
    if x is None or isinstance(x, bool):
        return None
    value = float(x)
    return value if math.isfinite(value) else None


def table_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """``validation.csv``'s text: :data:`TABLE_COLUMNS`, an empty cell for a missing figure."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TABLE_COLUMNS)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in TABLE_COLUMNS])
    return out.getvalue()


def verdict(rows: Sequence[Mapping[str, Any]]) -> str:
    """One line: how many observed figures fall inside the run's intervals."""
    inside = sum(r["inside"] == "yes" for r in rows)
    judged = sum(r["inside"] in ("yes", "no") for r in rows)
    text = f"{inside} of {judged} observed figure(s) inside the run's 95 % interval"
    if judged < len(rows):
        text += f" ({len(rows) - judged} without an interval or not measured)"
    return text


def observed_decimals(observed: float) -> int | None:
    """The decimals to show a row in when its observed figure, below 10, has more than the
    table's three (a published 0.57 %, 0.0057, would read 0.006 beside a simulated 0.006):
    the figure's own, at most 6; None for the table's usual form."""
    text = repr(float(observed))
    if abs(observed) >= 10 or "e" in text or "." not in text:
        return None
    places = len(text.split(".")[1].rstrip("0"))
    return min(places, 6) if places > 3 else None
