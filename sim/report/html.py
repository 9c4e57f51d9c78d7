"""``report.html`` of a comparison: what was run, the table, stability, plots, who gains.

Self-contained: plots are PNGs embedded as base64, no scripts, no external files.
"""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.report import plots

if TYPE_CHECKING:
    import pandas as pd

    from sim.experiment.compare import CompareResult

REPORT_METRICS = (
    "clearance_h_mean",
    "clearance_h_median",
    "clearance_h_p90",
    "released_within_24h",
    "overall_clearance_h_mean",
    "overall_clearance_h_median",
    "overall_clearance_h_p90",
    "overall_clearance_h_p95",
    "exited_within_24h",
    "consignments_released",
    "consignments_censored",
)
MEDIAN_NOTE = (
    "Most consignments go green and are released the moment they arrive (their declaration "
    "was lodged in advance), so the median clearance (arrived \u2192 released) is often exactly "
    "0 h and a reform cannot move it: the mean, the p90 and the p95 and the share within 24 h "
    "show what happens to the consignments that do wait. Overall clearance (arrived \u2192 "
    "exited) also counts the trader's pick-up and the terminal's time."
)

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1000px;
margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.88em;margin:.6em 0}
th,td{padding:.25em .6em;border-bottom:1px solid #eee;text-align:right}
th:first-child,td:first-child{text-align:left}
th{background:#f6f6f6}.warn{color:#a94400}.sig{font-weight:bold}.note{color:#555}
img{max-width:100%}
"""


def _fmt(x: Any, digits: int = 3) -> str:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return html.escape(str(x))
    if math.isnan(v):
        return "\u2013"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.{digits}f}" if abs(v) < 10 else f"{v:.2f}"


def _interval(low: Any, high: Any) -> str:
    low, high = float(low), float(high)
    if math.isnan(low) or math.isnan(high):
        return "\u2013"
    return f"[{_fmt(low)}, {_fmt(high)}]"


def _img(fig: Any, alt: str) -> str:
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{plots.png_base64(fig)}">'


def _what_was_run(res: CompareResult) -> str:
    m = res.meta
    rows = [
        ("scenario", m.get("scenario")),
        ("observed days", m.get("days")),
        ("warm-up days", m.get("warmup_days")),
        ("drain days (limit)", m.get("drain_days")),
        ("replications per option", m.get("reps")),
        ("root seed", f"{m.get('seed')} (replication r of every option uses the same seed)"),
        ("precision target", m.get("precision") or "none (fixed replications)"),
        ("bordersim version", m.get("version")),
    ]
    body = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{html.escape(str(v))}</td></tr>" for k, v in rows
    )
    opts = "".join(
        f"<tr><td>{html.escape(o.name)}</td><td>{html.escape(o.label())}</td></tr>"
        for o in res.options
    )
    return (
        f"<table>{body}</table><h3>Options</h3>"
        f"<table><tr><th>option</th><th>what it changes</th></tr>{opts}</table>"
    )


def metric_table(res: CompareResult, metrics: tuple[str, ...] = REPORT_METRICS) -> str:
    """Per metric and option: mean and 95 % CI (clipped for display), difference, Holm mark."""
    head = (
        "<tr><th>metric (unit)</th><th>option</th><th>mean</th><th>95 % CI</th>"
        "<th>n</th><th>difference vs baseline</th><th>95 % CI (paired)</th><th></th></tr>"
    )
    rows = []
    s = _records(res.summary)
    d = _records(res.differences)
    for metric in metrics:
        for name in res.names:
            if (metric, name) not in s:
                continue
            a = s[(metric, name)]
            diff = d.get((metric, name))
            mark = ""
            if diff is not None and name != "baseline":
                mark = "*" if bool(diff["significant"]) else ""
                if not bool(diff["steady_state"]):
                    mark += " \u26a0"
            label = f"{metric} ({a['unit']})" if name == res.names[0] else ""
            unstable = ' class="warn"' if res.unstable(name) else ""
            rows.append(
                f"<tr><td>{html.escape(label)}</td><td{unstable}>{html.escape(name)}"
                f"{' (unstable)' if res.unstable(name) else ''}</td>"
                f"<td>{_fmt(a['mean'])}</td><td>{_interval(a['shown_low'], a['shown_high'])}</td>"
                f"<td>{int(a['n'])}</td>"
                f"<td>{'' if diff is None or name == 'baseline' else _fmt(diff['mean'])}</td>"
                f"<td>{'' if diff is None or name == 'baseline' else _interval(diff['shown_low'], diff['shown_high'])}</td>"  # noqa: E501
                f"<td class='sig'>{mark}</td></tr>"
            )
    return f"<table>{head}{''.join(rows)}</table>"


def _records(table: pd.DataFrame) -> dict[tuple[str, str], dict[str, Any]]:
    """Rows of a long table by (metric, option)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for row in table.to_dict("records"):
        out[(str(row["metric"]), str(row["option"]))] = {str(k): v for k, v in row.items()}
    return out


def _stability(res: CompareResult) -> str:
    parts = []
    for name in res.names:
        ws = res.warnings.get(name, [])
        if ws:
            items = "".join(f"<li>{html.escape(w)}</li>" for w in ws)
            parts.append(
                f"<p class='warn'><b>{html.escape(name)}</b> is unstable: its figures are not "
                f"steady-state and its differences are flagged \u26a0.</p><ul>{items}</ul>"
            )
    if not parts:
        return "<p>No option warned: every lane settled in every replication.</p>"
    return "".join(parts)


def _failures(res: CompareResult) -> str:
    if not res.failures:
        return ""
    rows = "".join(
        f"<tr><td>{html.escape(f['option'])}</td><td>{f['replication']}</td>"
        f"<td>{html.escape(str(f['seed']))}</td><td>{html.escape(f['scenario'])}</td>"
        f"<td>{html.escape(f['error'])}</td></tr>"
        for f in res.failures
    )
    return (
        "<h2>Replications that failed</h2><table><tr><th>option</th><th>replication</th>"
        f"<th>seed</th><th>scenario</th><th>error</th></tr>{rows}</table>"
    )


def gains_table(gains: pd.DataFrame, measure: str = "overall_clearance") -> str:
    """Who gains and who loses, by port and direction, and standardised by trader class."""
    g = gains[
        (gains["measure"] == measure)
        & gains["dimension"].isin(["all", "port_direction", "trader_class_standardised"])
    ]
    head = (
        "<tr><th>option</th><th>who</th><th>consignments</th><th>mean change (h)</th>"
        "<th>95 % CI</th><th>better off</th><th>worse off</th></tr>"
    )
    rows = []
    for r in g.to_dict("records"):
        if r["dimension"] == "all":
            who = "all consignments"
        elif r["dimension"] == "port_direction":
            who = f"{r['port']} \u00b7 {r['direction']}"
        else:
            who = f"class {r['group']} (standardised)"
        rows.append(
            f"<tr><td>{html.escape(str(r['option']))}</td><td>{html.escape(who)}</td>"
            f"<td>{int(r['n']):,}</td><td>{_fmt(r['mean_change_h'])}</td>"
            f"<td>{_interval(r['ci_low'], r['ci_high'])}</td>"
            f"<td>{_fmt(100 * float(r['share_better']), 1)} %</td>"
            f"<td>{_fmt(100 * float(r['share_worse']), 1)} %</td></tr>"
        )
    return f"<table>{head}{''.join(rows)}</table>"


def render(res: CompareResult) -> str:
    """The report as one HTML string."""
    sections = [
        f"<h1>bordersim comparison: {html.escape(res.scenario)}</h1>",
        "<h2>What was run</h2>",
        _what_was_run(res),
        "<h2>Stability</h2>",
        _stability(res),
        "<h2>Results</h2>",
        "<p class='note'>Means over replications with 95 % Student-t intervals, shown clipped "
        "to what is possible (no negative times or counts, shares within 0\u20131; the raw "
        "intervals are in summary.csv and differences.csv). Differences are paired (same "
        "seeds, same consignments). * = significant at 5 % after Holm's correction for the "
        "number of options; \u26a0 = not steady-state. Times in hours.</p>",
        metric_table(res),
        f"<p class='note'>{html.escape(MEDIAN_NOTE)}</p>",
    ]
    sections += _interactions(res) + _plots(res) + _gains(res)
    sections.append(_failures(res))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>bordersim comparison: {html.escape(res.scenario)}</title>"
        f"<style>{_CSS}</style></head><body>{''.join(sections)}</body></html>\n"
    )


def _interactions(res: CompareResult) -> list[str]:
    """Interactions of combined options, when there are any."""
    out: list[str] = []
    if not res.interactions.empty:
        it = res.interactions[res.interactions["metric"].isin(REPORT_METRICS)]
        rows = "".join(
            f"<tr><td>{html.escape(str(r['option']))}</td><td>{html.escape(str(r['metric']))}"
            f"</td><td>{_fmt(r['mean'])}</td><td>{_interval(r['ci_low'], r['ci_high'])}</td></tr>"
            for r in it.to_dict("records")
        )
        out += [
            "<h2>Interactions</h2><p class='note'>(A+B) \u2212 A \u2212 B + baseline: zero when"
            " the effects of the parts simply add up.</p>",
            f"<table><tr><th>option</th><th>metric</th><th>interaction</th><th>95 % CI</th>"
            f"</tr>{rows}</table>",
        ]
    return out


def _plots(res: CompareResult) -> list[str]:
    """Clearance by port and direction, time by owner, utilisation by lane."""
    out: list[str] = []
    tables = res.tables
    names = [n for n in res.names if n in tables]
    clear = {n: tables[n]["clearance"] for n in names if "clearance" in tables[n]}
    if clear:
        out += [
            "<h2>Clearance time by port and direction</h2>",
            _img(plots.clearance_distribution(clear, "overall_clearance"), "overall clearance"),
            _img(plots.clearance_distribution(clear, "clearance"), "clearance"),
        ]
    owners = {n: tables[n]["owners"] for n in names if "owners" in tables[n]}
    if owners:
        out += [
            "<h2>Where the time goes, by owner</h2>",
            _img(plots.time_by_owner(owners), "time by owner"),
        ]
    resources = {n: tables[n]["resources"] for n in names if "resources" in tables[n]}
    if resources:
        out += [
            "<h2>Utilisation by lane</h2>",
            _img(plots.utilisation_by_lane(resources), "utilisation by lane"),
        ]
    metrics = set(res.summary["metric"]) if not res.summary.empty else set()
    if {"total_cost_per_consignment", "detection_rate"} <= metrics:
        out += [
            "<h2>Cost against detection</h2>",
            "<p class='note'>Agency and trader cost per consignment against the share of "
            "illicit consignments detected. What slips through (revenue evaded, harm) is "
            "reported apart, so a cheap option that detects little is not a free one.</p>",
            _img(plots.cost_against_detection(res.summary), "cost against detection"),
        ]
    return out


def _gains(res: CompareResult) -> list[str]:
    """Who gains and who loses, when logs were joined."""
    out: list[str] = []
    if not res.gains.empty:
        out += [
            "<h2>Who gains and who loses</h2>",
            "<p class='note'>Each consignment of the arrival cohort released (and exited) in "
            "both the option and the baseline, compared with itself: its change in overall "
            f"clearance time; better or worse off means by more than "
            f"{_fmt(60 * float(res.meta.get('tolerance_h', 1 / 60)), 0)} min. Trader "
            "classes are compared within port and direction, then standardised to the mix "
            "of all consignments, so a class is not credited with its ports' gains.</p>",
            _img(plots.who_gains(res.gains), "who gains"),
            gains_table(res.gains),
        ]
    return out


def write_report(res: CompareResult, path: str | Path) -> Path:
    """Write ``report.html`` atomically; return its path."""
    from sim.experiment.store import atomic_write

    path = Path(path)
    atomic_write(path, render(res))
    return path
