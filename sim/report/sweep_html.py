"""The report of a sweep folder (``bordersim sweep``): what was run, the points, each point's
key metrics with 95 % intervals over its replications, a plot of them, a Latin hypercube's
partial rank correlations (:mod:`sim.report.prcc_section`) and the Sobol indices when the
sweep computed them. Self-contained like :mod:`sim.report.html`."""

from __future__ import annotations

import base64
import html
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.report import page_policy, plots, sections
from sim.report.folder import read_csv, read_json
from sim.report.html import _CSS, _figures
from sim.report.numbers import CUT, CUT_NOTE, cut_note_once

SWEEP_METRICS = (
    "clearance_h_mean",
    "clearance_h_p90",
    "overall_clearance_h_mean",
    "released_within_24h",
    "inspection_rate",
    "detection_rate",
)


#: the cost rows a sweep's report adds where the scenario has costs
COST_METRICS = ("total_cost_per_consignment", "agency_cost_per_year")


def sweep_metrics(params: list[str], command: list[str], names: set[str]) -> list[str]:
    """The report's metrics: :data:`SWEEP_METRICS`, the utilisation and mean wait of each
    lane a parameter sizes (``ports.sea_port.scan.scanners.capacity``: the sea port's
    scanners), the costs, then what the command's ``--show`` asked for; those ``names`` has."""
    from sim.experiment.metric_names import swept_lane_rows
    from sim.report.html import shown_rows

    lanes = swept_lane_rows(params)
    asked = shown_rows(command, names)
    wanted = [*SWEEP_METRICS, *lanes, *COST_METRICS, *asked]
    return [m for m in dict.fromkeys(wanted) if m in names]


def point_summary(
    rows: pd.DataFrame, params: list[str], metrics: list[str] | None = None
) -> pd.DataFrame:
    """Per point and shown metric (``metrics``, else :data:`SWEEP_METRICS`): mean, 95 %
    interval and n over its replications, and the interval shown (``shown_low``,
    ``shown_high``: clipped to what is possible, as in run and comparison tables)."""
    from sim.analysis.stats import confidence_interval
    from sim.experiment.compare import clip_interval

    out = []
    for point, grp in rows.groupby("point", sort=True):
        for metric in metrics or SWEEP_METRICS:
            if metric not in grp.columns:
                continue
            mean, low, high = confidence_interval(grp[metric].to_numpy(dtype=float))
            lo = math.nan if low is None else low
            hi = math.nan if high is None else high
            shown = clip_interval(metric, lo, hi)
            out.append({"point": int(str(point)), "metric": metric, "mean": mean,
                        "ci_low": lo, "ci_high": hi, "n": len(grp),
                        "shown_low": shown[0], "shown_high": shown[1]})
    return pd.DataFrame(out, columns=["point", "metric", "mean", "ci_low", "ci_high", "n",
                                      "shown_low", "shown_high"])


def _unit_of(metric: str, currency: str = "USD") -> str:
    from sim.experiment.compare import metric_unit, shown_unit

    return shown_unit(metric_unit(metric), currency)


def _table(
    design: pd.DataFrame, summary: pd.DataFrame, params: list[str], currency: str = "USD"
) -> str:
    metrics = list(dict.fromkeys(summary["metric"]))
    head = "".join(f"<th>{html.escape(p)}</th>" for p in ["point", *params])
    head += "".join(f"<th>{html.escape(m)} ({html.escape(_unit_of(m, currency))}) [95 % CI]"
                    "</th>" for m in metrics)
    s = summary.set_index(["point", "metric"])
    body = []
    for label in design.index:
        point = int(str(label))
        cells = [f"<td>{point}</td>"] + [_value(design.at[point, p]) for p in params]
        for m in metrics:
            if (point, m) not in s.index:
                cells.append("<td></td>")
                continue
            r = s.loc[(point, m)]
            mean, span = _figures(r["mean"], r["shown_low"], r["shown_high"],
                                  (float(r["ci_low"]), float(r["ci_high"])))
            cells.append(
                f'<td class="mean" data-point="{point}" data-metric="{html.escape(m)}" '
                f'data-mean="{float(r["mean"])!r}" data-ci-low="{float(r["ci_low"])!r}" '
                f'data-ci-high="{float(r["ci_high"])!r}">{mean} <small>{span}</small></td>'
            )
        body.append(f"<tr>{''.join(cells)}</tr>")
    table = f"<table class='results'><tr>{head}</tr>{''.join(body)}</table>"
    return f"<div style='overflow-x:auto'>{table}</div>" + (  # (many metrics: scroll)
        f"<p class='note'>{html.escape(CUT_NOTE)}</p>" if CUT in table else "")


def _value(value: Any) -> str:
    """A point's value of a parameter as a cell: a whole number as one (5, not the 5.0 a row
    of mixed columns makes it), a sampled real number to four significant digits (0.7214, not
    0.7213644639879532; the exact value in ``data-value`` and design.csv), text as written."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return f"<td>{int(value)}</td>"
    if isinstance(value, (float, np.floating)) and math.isfinite(value):
        shown = str(int(value)) if float(value).is_integer() else f"{value:.4g}"
        return f"<td data-value='{float(value)!r}'>{html.escape(shown)}</td>"
    return f"<td>{html.escape(str(value))}</td>"


def _point_labels(design: pd.DataFrame, params: list[str]) -> tuple[str, dict[int, str]]:
    """The plot's x-axis: the swept field and each point's value when one field is swept
    (a long value, a schedule, cut short), else the point's number (see the table)."""
    if len(params) != 1:
        return "point (see the table)", {int(str(p)): str(p) for p in design.index}
    values = {int(str(p)): str(v) for p, v in design[params[0]].items()}
    short = {p: v if len(v) <= 14 else v[:12] + "\u2026" for p, v in values.items()}
    return params[0], short


def point_differences(
    rows: pd.DataFrame, metrics: list[str], params: list[str] | None = None
) -> pd.DataFrame:
    """Per point after the first and shown metric (those of ``metrics`` the rows hold): its
    difference from point 0, paired by replication, as the folder's ``differences.csv``
    gives it (:func:`sim.experiment.sweep_pairs.point_differences`: a quantile's interval
    widened to the histogram's resolution, Holm's correction for the number of points in
    ``holm``). ``params``: the swept fields (by default the columns between ``point`` and
    ``replication``)."""
    from sim.experiment.sweep_pairs import point_differences as paired

    if params is None:
        columns = list(rows.columns)
        params = columns[columns.index("point") + 1 : columns.index("replication")]
    table = paired(rows, params)
    table = table[table["metric"].isin(metrics)].rename(columns={"significant": "holm"})
    order = table["metric"].map({m: i for i, m in enumerate(metrics)})
    table = table.assign(order=order).sort_values(["point", "order"], kind="stable")
    cols = ["point", "metric", "mean", "ci_low", "ci_high", "n", "p_value", "holm"]
    return table[cols].reset_index(drop=True)


def _differences(
    design: pd.DataFrame, diffs: pd.DataFrame, params: list[str], currency: str = "USD"
) -> str:
    """Each point's paired difference from point 0, per metric (an interval clear of 0
    marked *; one cut to what is possible, as a comparison's, its cut end marked)."""
    from sim.experiment.compare import clip_interval

    if diffs.empty:
        return ""
    metrics = list(dict.fromkeys(diffs["metric"]))
    head = "".join(f"<th>{html.escape(p)}</th>" for p in ["point", *params])
    head += "".join(f"<th>{html.escape(m)} ({html.escape(_unit_of(m, currency))})</th>"
                    for m in metrics)
    d = diffs.set_index(["point", "metric"])
    body = []
    for point in sorted(set(diffs["point"])):
        cells = [f"<th scope='row'>{point}</th>"]
        cells += [_value(design.at[point, p]) for p in params]
        for m in metrics:
            r = d.loc[(point, m)]
            raw = (float(r["ci_low"]), float(r["ci_high"]))
            shown = clip_interval(m, *raw, difference=True)  # (a share's: within -1 and 1)
            change, span = _figures(r["mean"], *shown, raw)
            cells.append(f'<td data-point="{point}" data-metric="{html.escape(m)}">'
                         f"{change}{' *' if r['holm'] else ''} <small>{span}</small></td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        "<h2>Each point against point 0</h2><p class='note'>The difference from point 0, "
        "paired by replication (the same seeds at every point, so the same consignments), "
        "with its 95 % interval; * where it is significant at 5 % after Holm's correction "
        "for the number of points, metric by metric (as a comparison's stars correct for "
        "its options; the intervals are each difference's own, uncorrected, so one clear of "
        "0 may lack the star). Narrower than the two points' own intervals suggest: what the "
        "points share cancels; a quantile's interval is never narrower than the "
        "histogram's resolution. In a sampled design (--lhs, --sobol) point 0 is one sample "
        "point like the others, not a baseline. Every metric's is in differences.csv.</p>"
        f"<div style='overflow-x:auto'><table class='results'><tr>{head}</tr>"
        f"{''.join(body)}</table></div>"
        + (f"<p class='note'>{html.escape(CUT_NOTE)}</p>" if CUT in "".join(body) else "")
    )


def _plot(summary: pd.DataFrame, design: pd.DataFrame | None = None,
          params: list[str] | None = None) -> str:
    metrics = [m for m in ("clearance_h_mean", "overall_clearance_h_mean") if
               m in set(summary["metric"])]
    if not metrics:
        return ""
    label, ticks = (
        _point_labels(design, params or []) if design is not None
        else ("point (see the table)", {})
    )
    fig = plots._figure(8, 3.8)
    ax = fig.add_subplot(1, 1, 1)
    for i, m in enumerate(metrics):
        t = summary[summary["metric"] == m]
        err = np.nan_to_num([t["mean"] - t["shown_low"], t["shown_high"] - t["mean"]])
        ax.errorbar(t["point"] + 0.1 * i, t["mean"], yerr=err, fmt="o", capsize=3,
                    color=plots.PALETTE[i], label=m)
    points = sorted(set(summary["point"]))  # (points are whole numbers)
    ax.set_xticks(points)
    ax.set_xticklabels([ticks.get(int(p), str(p)) for p in points])
    ax.set_xlabel(label)
    ax.set_ylabel("hours (mean, 95 % interval)")
    ax.set_title("Clearance time at each point of the sweep")
    ax.legend(loc="best")
    return sections.img(fig, "Points with 95 % intervals: mean clearance and overall clearance "
                        "time in hours at each point of the sweep", "sweep-points")


#: the Sobol table's columns: (heading, index, its half-width) in sobol.csv
SOBOL_COLUMNS = (
    ("first-order S1 [95 % bootstrap interval]", "S1", "S1_conf"),
    ("S1 over the replications [± simulation noise, 95 %]", "S1_reps", "S1_noise"),
    ("total ST [95 % bootstrap interval]", "ST", "ST_conf"),
    ("ST over the replications [± simulation noise, 95 %]", "ST_reps", "ST_noise"),
)


def sobol_table(t: pd.DataFrame) -> str:
    """Each parameter's Sobol indices with their intervals, an index and its half-width from
    ``sobol.csv`` given as ``index [low, high]`` to one precision (not two columns of bare
    numbers to add up); the replications' columns only where there were two or more."""
    columns = [c for c in SOBOL_COLUMNS
               if {c[1], c[2]} <= set(t.columns) and t[c[1]].notna().any()]  # fmt: skip
    head = "<th>parameter</th>" + "".join(f"<th>{html.escape(c[0])}</th>" for c in columns)
    body = []
    for _, r in t.iterrows():
        cells = [f"<th scope='row'>{html.escape(str(r['parameter']))}</th>"]
        for _, index, half in columns:
            x, h = float(r[index]), float(r[half])
            shown, span = _figures(x, x - h, x + h)
            cells.append(f"<td data-index='{index}' data-value='{x!r}' data-half='{h!r}'>"
                         f"{shown} <small>{span}</small></td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    note = ("<p class='note'>An index lies between 0 and 1: an estimate outside says the "
            "sample is too small to pin it down (raise --sobol N). The bootstrap interval "
            "resamples the parameter sample only and leaves out the simulation noise: read "
            "the index over the replications with its noise half-width (S1_reps ± "
            "S1_noise in sobol.csv), not S1 with it.</p>")
    return (f"{note}<div style='overflow-x:auto'><table class='results sobol'><tr>{head}</tr>"
            f"{''.join(body)}</table></div>")


def _sobol(path: Path) -> list[str]:
    out: list[str] = []
    if (path / "sobol.csv").exists():
        t = read_csv(path / "sobol.csv")
        about = read_json(path / "sobol.json") if (path / "sobol.json").exists() else {}
        about = about if isinstance(about, dict) else {}
        of = f" of {html.escape(str(about['metric']))}" if about.get("metric") else ""
        out += [f"<h2>Sobol indices{of}</h2>"]
        warnings = about.get("warnings", [about["warning"]] if about.get("warning") else [])
        for w in warnings if isinstance(warnings, list) else []:
            out.append(f"<p class='warn'>warning: {html.escape(str(w))}</p>")
        out.append(sobol_table(t))
    png = path / "sobol.png"
    if png.is_file():
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        out.append(f'<img data-plot="sobol" alt="Sobol indices" src="data:image/png;base64,'
                   f'{data}">')
    return out


def _warnings(warnings: dict[str, list[str]], design: pd.DataFrame) -> list[str]:
    """Each point's warnings (a queue that did not settle there: its figures are not
    steady-state), named by the point's values."""
    out = []
    for point, ws in warnings.items():
        values = ", ".join(f"{k}={v}" for k, v in design.loc[int(point)].items())
        out += [f"<p class='warn'>warning (point {html.escape(point)}: {html.escape(values)}): "
                f"{html.escape(w)}</p>" for w in ws]
    return out


def _empty(rows: pd.DataFrame, design: pd.DataFrame) -> list[str]:
    """Each point at which no consignment arrived in a replication (its figures are blanks),
    as the sweep warned of it."""
    from sim.experiment.composition import empty_note, empty_runs

    out = []
    for point, counts in empty_runs(rows, "point").items():
        values = ", ".join(f"{k}={v}" for k, v in design.loc[int(point)].items())
        out.append(f"<p class='warn'>warning (point {int(point)}: {html.escape(values)}): "
                   f"{html.escape(empty_note(*counts))}</p>")
    return out


def _sample_notes(resolved: dict[str, Any], meta: dict[str, Any], params: list[str]) -> list[str]:
    """The notes on the window (see :func:`sim.model.window.window_notes`: a warm-up that is
    not whole weeks, too few weeks to check for rising queues, fewer observed days than a
    week, one replication per point): as paragraphs; none when the days are swept."""
    from sim.model.window import window_notes

    if {"days", "warmup_days"} & set(params):
        return []
    try:
        days, warmup = float(resolved["days"]), float(resolved.get("warmup_days") or 0)
    except (KeyError, TypeError, ValueError):
        return []
    reps = meta.get("reps") if isinstance(meta.get("reps"), int) else None
    notes = window_notes(warmup, days, reps, points=True)  # (not: few replications per point)
    return [f"<p class='note'>{html.escape(n)}</p>" for n in notes]


def design_rows(command: list[str], points: int) -> list[tuple[str, str]]:
    """What a reader of a sensitivity study needs to judge or redo the design, from the
    recorded command: how the points were drawn (a Latin hypercube or Saltelli's sample of
    ``--lhs``/``--sobol`` N with its sample seed, every combination, or the values listed),
    each parameter's range or values, the settings every point shares (``--set``) and the
    command line itself."""
    import shlex

    from sim.report.html import _settings
    from sim.report.prcc_section import DEFAULT_METRIC

    last = {flag: (_settings(command, flag) or [""])[-1]
            for flag in ("--lhs", "--sobol", "--sample-seed", "--metric")}  # fmt: skip
    seed = last["--sample-seed"] or "0"
    if last["--lhs"]:
        how = (f"Latin hypercube of {points} points (--lhs {last['--lhs']}), sample seed "
               f"{seed}")
    elif last["--sobol"]:
        metric = last["--metric"] or DEFAULT_METRIC
        how = (f"Saltelli's sample for Sobol indices of {metric}: {points} points "
               f"(--sobol {last['--sobol']}), sample seed {seed}")
    elif "--grid" in command:
        how = f"every combination of the values listed: {points} points"
    else:
        how = f"the values listed, taken in order: {points} points"
    out = [("design", how)]
    out += [("range", r) for r in _settings(command, "--range")]
    out += [("values", v) for v in _settings(command, "--param")]
    out += [("set at every point", v) for v in _settings(command, "--set")]
    if command:
        out.append(("command", shlex.join(command)))
    return out


def render_sweep(path: Path) -> str:
    """The sweep folder's report as one HTML string (its files checked first)."""
    from sim.report.prcc_section import prcc_section
    from sim.report.sweep_folder import read_sweep

    folder = read_sweep(path)
    meta, design = folder.meta, folder.design
    command = [str(x) for x in meta.get("command") or []]
    metrics = sweep_metrics(folder.params, command, set(folder.rows.columns))
    summary = point_summary(folder.rows, folder.params, metrics)
    resolved = read_json(path / "scenario.json") if (path / "scenario.json").exists() else {}
    currency = str((resolved.get("costs") or {}).get("currency", "USD"))
    what = [("scenario", Path(str(meta.get("scenario", ""))).name), ("points", len(design)),
            ("observed days", resolved.get("days", "?")),
            ("warm-up days", resolved.get("warmup_days", "?")),
            ("replications per point", meta.get("reps")),
            ("root seed", f"{meta.get('seed')} (replication r has the same seed at every "
             "point)"), ("bordersim version", meta.get("version")),
            ("build", meta.get("build") or "not recorded (a folder made before it was)"),
            *design_rows(command, len(design))]
    rows_html = "".join(f"<tr><th scope='row'>{html.escape(k)}</th>"
                        f"<td>{html.escape(str(v))}</td></tr>" for k, v in what)
    title = f"bordersim sweep: {html.escape(Path(str(meta.get('scenario', ''))).stem)}"
    legacy = ("<p class='note'>The point files of this folder were written before point "
              "files carried a checksum: sweep.csv is checked against them, but they cannot "
              "be checked themselves.</p>" if folder.legacy else "")
    parts = [f"<h1>{title}</h1>", "<h2>What was run</h2>", f"<table>{rows_html}</table>",
             *prcc_section(path, folder.rows, command), "<h2>Results by point</h2>",
             "<p class='note'>Means over each point's replications with 95 % Student-t "
             "intervals (from sweep.csv), shown clipped to what is possible. Times in "
             "hours.</p>", legacy, *_sample_notes(resolved, meta, folder.params),
             *_warnings(folder.warnings, design), *_empty(folder.rows, design),
             _table(design, summary, folder.params, currency),
             _plot(summary, design, folder.params),
             _differences(design, point_differences(folder.rows, metrics, folder.params),
                          folder.params, currency),
             *_sobol(path)]
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{page_policy.META}"
        f"<title>{title}</title><style>{_CSS}</style></head>"
        f"<body>{cut_note_once(''.join(parts))}</body></html>\n"  # (two tables: one note)
    )
