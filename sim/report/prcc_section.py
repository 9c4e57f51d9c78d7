"""A Latin-hypercube sweep's screening in its report: each parameter's partial rank correlation
(PRCC) per metric with its 95 % interval and Holm's verdict, from the folder's ``prcc.csv``
(checked against the PRCC worked out again from the checked ``sweep.csv``), and the warnings
the sweep printed on stderr and a reader of the page would otherwise never see: too few
points to rank the parameters, simulation noise that pulls the PRCCs towards 0."""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd

from sim.report.folder import ResultsFolderError, read_csv

#: the metric ``--metric`` names when the command gave none (``bordersim sweep``'s default)
DEFAULT_METRIC = "overall_clearance_h_mean"

#: what the section's cells mean, for a reader who has not met a PRCC
READING = (
    "<p class='note reading'>The partial rank correlation (PRCC, Marino et al. 2008) of "
    "each metric's mean at the {points} points with each swept parameter, net of the other "
    "parameters: from -1 (the metric falls whenever the parameter rises) to +1 (it rises); "
    "near 0, no monotone effect (a U-shaped one can be near 0). In brackets its 95 % "
    "interval; * where it is clear of 0 after Holm's correction over the {parameters} "
    "parameters, metric by metric (an interval clear of 0 may lack the star). The intervals "
    "measure the spread of the sample, not the uncertainty of the scenario's assumptions. "
    "The last row is the share of the spread of the points' means that is simulation noise "
    "(above a tenth, it pulls that metric's PRCCs towards 0: more replications or longer "
    "runs reduce it, more points do not). Every figure, with its p-value, is in prcc.csv.</p>"
)


def asked_metrics(command: list[str]) -> list[str]:
    """The metrics the sweep's ``--metric`` named (its default when it named none), in order."""
    from sim.report.html import _settings

    given = _settings([str(x) for x in command], "--metric")
    names = [m.strip() for m in (given[-1] if given else DEFAULT_METRIC).split(",")]
    return [m for m in names if m]


def read_prcc(path: Path, rows: pd.DataFrame) -> pd.DataFrame | None:
    """The folder's ``prcc.csv`` (None when it has none: not a Latin hypercube), refused with
    an error naming it when it is not the PRCC of the checked ``rows`` (``sweep.csv``)."""
    from sim.experiment.sweep_prcc import sweep_prcc

    file = path / "prcc.csv"
    if not file.exists():
        return None
    table = read_csv(file)
    needed = {"metric", "parameter", "prcc", "ci_low", "ci_high", "significant", "noise_share"}
    if not needed <= set(table.columns):
        raise ResultsFolderError(f"{file} cannot be read (columns missing: "
                                 f"{', '.join(sorted(needed - set(table.columns)))})")
    metrics = list(dict.fromkeys(str(m) for m in table["metric"]))
    try:
        again = sweep_prcc(rows, metrics)
    except ValueError as exc:
        raise ResultsFolderError(f"{file} does not match sweep.csv ({exc})") from None
    same = len(again) == len(table) and all(
        np.allclose(again[c].to_numpy(float), table[c].to_numpy(float), rtol=1e-9,
                    atol=1e-12, equal_nan=True)
        for c in ("prcc", "ci_low", "ci_high", "noise_share")
    ) and list(again["parameter"]) == [str(p) for p in table["parameter"]]
    if not same:
        raise ResultsFolderError(f"{file} does not match sweep.csv (changed or damaged)")
    return again


def _cell(row: pd.Series) -> str:
    """A PRCC with its interval to two decimals and Holm's star, as the terminal prints it."""
    r, low, high = (float(row[k]) for k in ("prcc", "ci_low", "ci_high"))
    if r != r:
        return "<td class='prcc'>NaN</td>"
    data = f" data-prcc='{r!r}' data-ci-low='{low!r}' data-ci-high='{high!r}'"
    if low != low:
        return f"<td class='prcc'{data}>{r:+.2f} <small>[no interval]</small></td>"
    star = " *" if bool(row["significant"]) else ""
    if abs(r) == 1.0:
        said = "every point in rank order: no spread to give an interval"
        return f"<td class='prcc'{data}>{r:+.2f}{star} <small>({said})</small></td>"
    return f"<td class='prcc'{data}>{r:+.2f}{star} <small>[{low:+.2f}, {high:+.2f}]</small></td>"


def _noise_cell(share: float) -> str:
    if share != share:
        return "<td>\u2013</td>"
    said = "all" if share >= 1 else f"{share:.0%}"
    return f"<td class='{'warn' if share > 0.1 else 'note'}'>{said}</td>"


def _table(table: pd.DataFrame, metrics: list[str]) -> str:
    """One row per parameter, one column per metric, then the noise share of each."""
    head = "<th>parameter</th>" + "".join(f"<th>{html.escape(m)}</th>" for m in metrics)
    by = {(str(r["metric"]), str(r["parameter"])): r for _, r in table.iterrows()}
    params = list(dict.fromkeys(str(p) for p in table["parameter"]))
    body = [f"<tr data-parameter='{html.escape(p)}'><th scope='row'>{html.escape(p)}</th>"
            + "".join(_cell(by[m, p]) for m in metrics) + "</tr>" for p in params]
    noise = [float(table[table["metric"] == m]["noise_share"].iloc[0]) for m in metrics]
    body.append("<tr class='noise'><th scope='row'>simulation noise's share of the spread "
                "</th>" + "".join(_noise_cell(s) for s in noise) + "</tr>")
    return (f"<div style='overflow-x:auto'><table class='results prcc'><tr>{head}</tr>"
            f"{''.join(body)}</table></div>")


def prcc_section(path: Path, rows: pd.DataFrame, command: list[str]) -> list[str]:
    """The PRCC section of a Latin-hypercube sweep's report (nothing for another sweep):
    the warnings on too few points and on noise first, then the table, the metrics
    ``--metric`` asked for in its first columns."""
    from sim.experiment.sweep_prcc import noise_warning, prcc_warning

    table = read_prcc(path, rows)
    if table is None or table.empty:
        return []
    asked = [m for m in asked_metrics(command) if m in set(table["metric"])]
    metrics = list(dict.fromkeys([*asked, *(str(m) for m in table["metric"])]))
    points = int(rows["point"].nunique())
    parameters = int(table["parameter"].nunique())
    warnings = [prcc_warning(points, parameters), noise_warning(rows, metrics)]
    return [
        "<h2>Which parameters move the results: partial rank correlations</h2>",
        *(f"<p class='warn'>warning: {html.escape(w)}</p>" for w in warnings if w),
        READING.format(points=points, parameters=parameters),
        _table(table, metrics),
    ]
